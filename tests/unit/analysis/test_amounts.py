import pytest

from complaintdesk.analysis import extract_amounts


def pairs(text: str, lang: str | None = None, default: str | None = None) -> list[tuple[float, str]]:
    return [(a.value, a.currency) for a in extract_amounts(text, lang, default)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他们多收了我三千块", [(3000, "CNY")]),
        ("损失了1.2万元", [(12000, "CNY")]),
        ("交了五百元押金", [(500, "CNY")]),
        ("充值了 200 块钱", [(200, "CNY")]),
        ("一千零五十元", [(1050, "CNY")]),
        ("三千五百块", [(3500, "CNY")]),
        ("扣了我一百二十块", [(120, "CNY")]),
        ("一瓶水卖五块五", [(5.5, "CNY")]),
        ("花了 3 千块", [(3000, "CNY")]),
        ("人民币5000元", [(5000, "CNY")]),
        ("RMB 500", [(500, "CNY")]),
        ("退款 ¥199", [(199, "CNY")]),
        ("赔我两万", [(20000, "CNY")]),
        ("I paid HK$3,000 for it", [(3000, "HKD")]),
        ("It cost £45.99", [(45.99, "GBP")]),
        ("twelve hundred dollars", [(1200, "USD")]),
        ("one hundred and fifty pounds", [(150, "GBP")]),
        ("refund of 50 bucks", [(50, "USD")]),
        ("USD 45 fee", [(45, "USD")]),
        ("€20 fee", [(20, "EUR")]),
        ("NT$500", [(500, "TWD")]),
        ("cost me $1.2k", [(1200, "USD")]),
        ("my bill went from $80 to $120", [(80, "USD"), (120, "USD")]),
        ("a fee of 1,234.50 dollars", [(1234.5, "USD")]),
        ("點解我張單多收咗HK$300？", [(300, "HKD")]),
    ],
)
def test_amount_forms(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号123456789，电话13800138000",
        "积分500分，打了8折，涨了20%",
        "Order #88120457 arrived on 12/03, call me on 0412 345 678",
        "I waited 45 minutes and earned 300 points",
        "买了一块蛋糕和两块玻璃",
        "我们一块去的",
        "第3次投诉了，2023年5月6日",
        "打了12345热线",
    ],
)
def test_not_money(text: str) -> None:
    assert pairs(text) == []


def test_same_figure_twice_counts_once() -> None:
    assert pairs("我花了5000元（五千元）") == [(5000, "CNY")]
    assert pairs("HK$3,000 (three thousand dollars)") == [(3000, "HKD")]
    assert pairs("charged $45.99 twice ($45.99 each)") == [(45.99, "USD")]


def test_currency_follows_region_and_language() -> None:
    assert pairs("我在台北買的，花了1,200元") == [(1200, "TWD")]
    assert pairs("部機係旺角買嘅，用咗2000元") == [(2000, "HKD")]
    assert pairs("香港買嘅，三千蚊") == [(3000, "HKD")]
    assert pairs("這個月帳單多收了我200元") == [(200, "TWD")]  # plain Traditional: TWD
    assert pairs("I paid $300 in Mong Kok, Hong Kong") == [(300, "HKD")]
    assert pairs("I paid $300 for this") == [(300, "USD")]
    assert pairs("I paid $300 for this", default="SGD") == [(300, "SGD")]
    assert pairs("这个月多收了200元", default="HKD") == [(200, "CNY")]


def test_ranges_give_both_ends() -> None:
    assert pairs("大概200-300元") == [(200, "CNY"), (300, "CNY")]


def test_spans_point_into_the_original_text() -> None:
    text = "這個月帳單多收了我ＨＫ＄３００，太過分"
    (amount,) = extract_amounts(text)
    assert amount.span is not None
    assert text[amount.span.start : amount.span.end] == amount.span.text == "ＨＫ＄３００"
    assert (amount.value, amount.currency) == (300, "HKD")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前前后后交了一万二", [(12000, "CNY")]),
        ("花了两千五买的扫地机", [(2500, "CNY")]),
        ("急诊费八百多", [(800, "CNY")]),
        ("1200多块钱的螃蟹", [(1200, "CNY")]),
        ("驾校报名交了3980，现在不给退", [(3980, "CNY")]),
        ("订了亲子套房，1580一晚", [(1580, "CNY")]),
        ("用了满300减40的券", [(300, "CNY"), (40, "CNY")]),
        ("进口奶粉698元一罐", [(698, "CNY")]),
        ("一年3280元一分没少过", [(3280, "CNY")]),
        ("保额50万，只赔10万", [(500000, "CNY"), (100000, "CNY")]),
        ("額度從20萬降到5萬", [(200000, "TWD"), (50000, "TWD")]),
        ("今年學費12.8万", [(128000, "TWD")]),
        ("月費$268，晚晚都斷線，你哋搞咩", [(268, "HKD")]),
        ("貴店外賣壽司（$298）令我食物中毒", [(298, "HKD")]),
        ("中華電信月租499的方案", [(499, "TWD")]),
        ("I was charged Rs 1,499 for Prime", [(1499, "INR")]),
        ("Final bill: Rs 4,65,000!!", [(465000, "INR")]),
        ("the estimate was Rs 1.8 lakh", [(180000, "INR")]),
        ("quoted NZ$1,120, up from NZ$740", [(1120, "NZD"), (740, "NZD")]),
        ("i paid express delivery 42.50 for a present", [(42.5, "USD")]),
        ("the air machine charges 50 cents", [(0.5, "USD")]),
    ],
)
def test_amounts_in_context(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "玻璃花瓶到手碎成三块。",
        "内胆涂层一块一块掉",
        "啲錢一蚊都唔可以少",
        "我是2306的，门锁坏了",
        "我是3号宿舍楼412的学生",
        "雙11買的東西還沒出貨",
        "时速开到一百多，吓死人",
        "订单号 5528 6610 9934 的座椅",
        "Nobody's answering at 4C. Flat 8C, Taikoo Shing",
        "It just says exclusion 7c",
        "5张千元钞票",
        "重启了八百遍了，500M的套餐测速不到50M",
        "等了23天，打了12345",
    ],
)
def test_numbers_that_are_not_money(text: str) -> None:
    assert pairs(text) == []


def test_simplified_yuan_is_cny_even_with_a_fapiao() -> None:
    assert pairs("上个月加了2,680元，电子发票开错了") == [(2680, "CNY")]
