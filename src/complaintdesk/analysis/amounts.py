"""Money amounts in complaint text: rule-based, with the currency decided by context.

A number is money only when a currency marker stands next to it (a symbol or code before it, a
currency word after it) or when a money verb directly precedes a figure with a Chinese scale
(赔我两万, 损失了3万). Bare numbers (order numbers, phone numbers, points, percentages, dates)
are never money. The same (value, currency) stated twice counts once.

Currency rules (LABELING.md): explicit markers win; 元/块 in Simplified text is CNY; 元/塊 in
Traditional text is HKD in a Hong Kong text, TWD in a Taiwan text and otherwise the organisation's
default currency (TWD when none is given); `$` and "dollars" alone are HKD/TWD in Hong Kong/Taiwan
text, else the default currency (USD when none is given). An ambiguous marker also follows an
explicit currency of the same family found elsewhere in the text (HK$3,000 ... three thousand
dollars → one HKD figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .result import Amount, Span
from .text import detect_language, normalize

# --- numbers -------------------------------------------------------------------------------

_DIGIT_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2},(?:\d{2},)+\d{3}|\d+)(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_UNITS = "十百千万亿拾佰仟"
_CN_NUM = f"[{_CN_DIGITS}{_CN_UNITS}]+"
_SCALE_WORD = r"(?:\s?(?:k|thousand|million|mil|m|grand|bn|billion|lakh|lakhs|crore|crores)\b|\s?[十百千万亿]+)"
# a number: digits with an optional scale (1.2万, 3k, 2 thousand), or Chinese numerals
_NUMBER = rf"(?:{_DIGIT_NUM}{_SCALE_WORD}?(?:[{_CN_DIGITS}])?|{_CN_NUM})"

_CN_VALUE = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_CN_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
_EN_SCALE = {
    "k": 1_000, "thousand": 1_000, "grand": 1_000, "m": 1_000_000, "mil": 1_000_000,
    "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}  # fmt: skip


def parse_chinese_number(s: str) -> float | None:
    """三千 → 3000, 一万二 → 12000, 两千五 → 2500, 一千零五十 → 1050, 1.2万 → 12000, 3千5 → 3500."""
    total = 0.0
    section = 0.0
    number: float | None = None
    last_unit = 0
    zero_seen = False
    i = 0
    while i < len(s):
        ch = s[i]
        m = re.match(r"\d+(?:\.\d+)?", s[i:])
        if m:
            number = float(m.group())
            i += len(m.group())
            continue
        if ch in _CN_VALUE:
            if ch in "零〇":
                zero_seen = True
                i += 1
                continue
            if number is not None:  # 一一 etc: not a number we understand
                return None
            number = float(_CN_VALUE[ch])
        elif ch in _CN_SMALL_UNIT:
            unit = _CN_SMALL_UNIT[ch]
            section += (number if number is not None else 1.0) * unit
            number, last_unit, zero_seen = None, unit, False
        elif ch in _CN_BIG_UNIT:
            unit = _CN_BIG_UNIT[ch]
            section += number or 0.0
            if section == 0:
                section = 1.0
            total += section * unit
            section, number, last_unit, zero_seen = 0.0, None, unit, False
        else:
            return None
        i += 1
    if number is not None:
        if last_unit >= 100 and not zero_seen and number < 10 and number.is_integer():
            section += number * last_unit / 10  # colloquial 一万二, 两千五, 三百五
        else:
            section += number
    value = total + section
    return value if value > 0 else None


_EN_ONES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_WORDS = "|".join(sorted((*_EN_ONES, "hundred", "thousand", "million", "grand"), key=len, reverse=True))
_EN_NUMBER = rf"(?:(?<![a-z])(?:{_EN_WORDS})(?![a-z])(?:[\s-]+(?:and[\s-]+)?(?:{_EN_WORDS})(?![a-z]))*)"


def parse_english_number(s: str) -> float | None:
    """ "twelve hundred" → 1200, "two thousand five hundred" → 2500, "fifty" → 50."""
    total = 0.0
    current = 0.0
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    if words and all(w in ("a", "an") for w in words):
        return None
    for w in words:
        if w in _EN_ONES:
            current += _EN_ONES[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "grand", "million"):
            total += (current or 1) * (1_000_000 if w == "million" else 1000)
            current = 0
        else:
            return None
    value = total + current
    return value if value > 0 else None


def parse_number(s: str) -> float | None:
    """Any number form the extractor matches: 3,000 / 45.99 / 1.2万 / 3k / 2 thousand / 三千 / twelve hundred."""
    s = s.strip()
    m = re.fullmatch(rf"({_DIGIT_NUM})\s?(k|thousand|million|mil|m|grand|bn|billion|lakhs?|crores?)", s)
    if m:
        return float(m.group(1).replace(",", "")) * _EN_SCALE[m.group(2)]
    if re.fullmatch(_DIGIT_NUM, s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,2},(?:\d{2},)*\d{3}(?:\.\d+)?", s):  # Indian grouping: 4,65,000
        return float(s.replace(",", ""))
    if re.search(f"[{_CN_DIGITS}{_CN_UNITS}]", s):
        return parse_chinese_number(s.replace(",", "").replace(" ", ""))
    return parse_english_number(s)


# --- currency markers -----------------------------------------------------------------------

# prefix markers (before the number), longest first when joined; None = ambiguous "dollar"
_PREFIX: dict[str, str | None] = {
    "hk$": "HKD", "hkd": "HKD", "nt$": "TWD", "nz$": "NZD", "nzd": "NZD",
    "rs.": "INR", "rs": "INR", "ntd": "TWD", "twd": "TWD", "us$": "USD", "usd": "USD",
    "s$": "SGD", "sgd": "SGD", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "rmb": "CNY",
    "cny": "CNY", "mop": "MOP", "jpy": "JPY", "thb": "THB", "myr": "MYR", "php": "PHP",
    "₱": "PHP", "฿": "THB", "gbp": "GBP", "eur": "EUR", "inr": "INR", "£": "GBP",
    "€": "EUR", "¥": "CNY", "₹": "INR", "$": None, "人民币": "CNY", "港币": "HKD", "港元": "HKD",
    "新台币": "TWD", "台币": "TWD", "美元": "USD", "美金": "USD", "英镑": "GBP", "欧元": "EUR",
    "日元": "JPY", "澳门币": "MOP",
}  # fmt: skip
# suffix markers (after the number); "yuan" = 元/块 (regional), "dollar" = ambiguous dollar
_SUFFIX: dict[str, str] = {
    "块钱": "yuan", "块": "yuan", "元": "yuan", "圆": "yuan", "蚊": "HKD", "港币": "HKD", "港元": "HKD",
    "港纸": "HKD", "人民币": "CNY", "美元": "USD", "美金": "USD", "新台币": "TWD", "台币": "TWD",
    "英镑": "GBP", "镑": "GBP", "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "澳元": "AUD",
    "新币": "SGD", "澳门币": "MOP", "加元": "CAD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "us dollars": "USD", "u.s. dollars": "USD",
    "nt dollars": "TWD", "taiwan dollars": "TWD", "singapore dollars": "SGD",
    "australian dollars": "AUD", "canadian dollars": "CAD",
    "dollars": "dollar", "dollar": "dollar", "bucks": "dollar", "buck": "dollar",
    "pounds": "GBP", "pound": "GBP", "quid": "GBP", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
    "kuai": "CNY", "rmb": "CNY", "hkd": "HKD", "usd": "USD", "gbp": "GBP", "eur": "EUR", "twd": "TWD",
    "ntd": "TWD", "cny": "CNY", "sgd": "SGD", "aud": "AUD", "cad": "CAD", "jpy": "JPY", "yen": "JPY",
    "rupees": "INR", "inr": "INR", "mop": "MOP", "nzd": "NZD", "nz dollars": "NZD", "baht": "THB", "thb": "THB",
    "ringgit": "MYR", "myr": "MYR", "pesos": "PHP", "php": "PHP", "krw": "KRW",
}  # fmt: skip


def _alt(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


_ASCII_WORD_END = r"(?![a-z])"
_PREFIX_RE = rf"(?P<pre>{_alt(list(_PREFIX))})"
_SUFFIX_RE = rf"(?P<suf>{_alt(list(_SUFFIX))}){_ASCII_WORD_END}"
_RANGE_HEAD = rf"(?:(?P<lo>{_DIGIT_NUM})\s?(?:-|~|–|到|至|to)\s?)?"
_ABOUT = r"(?P<about>[多来余几]|几十|几百)?"  # 四百多块, 1200多块钱, 二十来万 (the figure said is the figure kept)
_AMOUNT_RE = re.compile(
    rf"{_PREFIX_RE}\s?(?P<num1>{_NUMBER})(?:\s?(?P<suf1>{_alt(list(_SUFFIX))}){_ASCII_WORD_END})?"
    rf"|{_RANGE_HEAD}(?P<num2>{_NUMBER}|{_EN_NUMBER}){_ABOUT}\s?{_SUFFIX_RE}"
)
# a Chinese figure with a scale, the longest form first: 一万二, 两千五, 1.2万, 3千, 十几万 → 十万
_CN_SCALED = (
    rf"(?:{_DIGIT_NUM}\s?[千万](?:[{_CN_DIGITS}](?![{_CN_UNITS}]))?"
    rf"|[{_CN_DIGITS}{_CN_UNITS}]*[千万](?:[{_CN_DIGITS}](?![{_CN_UNITS}])|[{_CN_DIGITS}{_CN_UNITS}]*[{_CN_UNITS}])?)"
)
# money verbs directly before a figure with a Chinese scale and no currency word: 赔我两万, 损失了3万
_VERB_AMOUNT_RE = re.compile(
    r"(?:赔偿?|损失|花了|付了|交了|收了|扣了|退|罚款?|骗了|被盗刷了?|盗刷了?|多收了?|多扣了?)"
    r"(?:了|我|你们|共|总共|足足|整整|近|将近|超过|至少)*\s?"
    rf"(?P<num>{_CN_SCALED})"
    r"(?![\d%分点个次天号单件人户年月日小时])"
)
_NOT_MONEY_AFTER_KUAI = set("钱了的啊呀吧呢吗啦买都也还就是给而多左右,.，。!！?？ )）\n")
_NUMBER_CHAR_BEFORE = re.compile(r"(?:\d[.,]?|#|[a-z])$")
# 块 after a small figure is a piece (碎成三块, 四块叉烧) unless money is plainly meant
_KUAI_MONEY_BEFORE = re.compile(
    r"(?:钱|花|付|收|涨|降|价|卖|买|要|才|只|就|退|赔|费|扣|从|到|交|充|送|减|找|省|贵|便宜|值|多|共|一|每)$"
)

# --- figures without a currency word, in a money context ---------------------------------------

# Chinese: a figure right after a money word (交了3980, 年费200, 一晚688) or right before a price
# word (1899买的, 680一晚, 0.56一度, 129的套餐)
_BARE_ZH = re.compile(
    rf"(?P<num>{_CN_SCALED}|{_DIGIT_NUM}|[{_CN_DIGITS}]?[十百千][{_CN_DIGITS}{_CN_UNITS}]*)(?P<about>[多来余几])?"
)
_ZH_MONEY_BEFORE = re.compile(
    r"(?:花了|花掉|花|付了|付|交了|交着|交|缴了|缴纳|缴|收了?我?|收取|收|扣了?我?|扣款|扣|退了?我?|退还|退回|赔了?我?|罚了?我?|罚款|"
    r"还了|还款|充值了?|充了|充|涨了|涨到|涨价|涨|降到|降了|降|减了?|多收了?|少退了?|卖了?我?|卖到|卖|只要|只需|才|要价|要|共计|合计|总共|一共|共|"
    r"总计|总价|单价|价格是?|价钱是?|价值|售价|原价|现价|标价|报价|价|费用是?|年费|月费|月租|租金|房租|保费|保额|学费|房费|押金|定金|订金|"
    r"差价|金额是?|余额|账单|工本费|运费|配送费|服务费|管理费|手续费|违约金|罚金|赔偿金|补偿金|额度|一晚|每晚|一个月|每个月|每月|月供|一年|每年|"
    r"年缴|一桌|每桌|一杯|一位|每位|人均|一节课|一节|一份|一盒|一张|一次|每次|从|满|本期|欠|一晚上|贵了|便宜了|加了|费)"
    r"(?:了|我|你们|大概|大约|约|近|将近|足足|整整|差不多|至少|超过|高达|只有|才|共|总共|一共|都|也|还|是|快|要)*\s?$"
)
_ZH_MONEY_AFTER = re.compile(
    r"^\s?(?:一晚|每晚|一个月|一月|每月|一年|每年|一位|一人|每人|一桌|一杯|一度|一盒|一罐|一份|一节|一张|一次|"
    r"一件|一瓶|一斤|一公斤|一碗|一套|一台|一平|买的|买了|买来|入手|块钱|的(?!人|时候|话))"
)
_ZH_NOT_MONEY_AFTER = re.compile(
    r"^\s?(?:[多来余几])?(?:[天号次个件人户位岁年月日周点分秒层楼米克斤吨度折倍遍趟条张台部辆箱瓶罐盒包桌间晚期节课页章届路线栋座室集级星颗粒支针本双套只头口句声格班站排行首顿餐份斤碗杯"
    r"%‰gmk]|小时|分钟|公里|公斤|毫|厘|寸|多小时|多分钟|多天|多年|多个|多次|多人|多户|多公里|兆|万人|万户|千人|百人|度电|[:：/.-]\d)"
)
_ZH_NOT_MONEY_BEFORE = re.compile(
    r"(?:号|号码|编号|工号|单号|尾号|卡号|房号|车牌|电话|热线|手机|第|约[0-9]|版本|型号|[a-z]|\d[-/.:]?\s?|排名|高|重|长|宽|楼|是|住|在|房|双|时速)\s?$"
)

# English: a figure with cents after a money verb (charged 19.99, paid express delivery 42.50), or N cents
_BARE_EN = re.compile(
    r"\b(?:charged?|charging|paid|pay|paying|cost|costs|costing|spent|spend|price|priced|fee|bill|billed|refund|owe|owed|worth|deposit)"
    r"\b(?:\s+(?:me|us|you|him|her|them|a|an|the|my|our|of|for|express|extra|delivery|just|only|about|around|over|almost|nearly)){0,4}"
    r"\s+(?P<num>\d{1,3}(?:,\d{3})*\.\d{2}|\d+\.\d{2})\b(?!\s?(?:%|kg|km|litres|liters|l\b|mb|gb|am|pm|hours|minutes|points))"
)
_CENTS_EN = re.compile(r"\b(?P<num>\d{1,2})\s?cents\b")
# 满300减40 (spend 300, get 40 off): both are money
_SPEND_OFF = re.compile(rf"满\s?(?P<a>{_DIGIT_NUM})\s?[元块]?\s?(?:减|送|返)\s?(?P<b>{_DIGIT_NUM})")
# idioms that name a coin without meaning a sum: 一蚊都唔少, 一分钱都不给
_IDIOM = re.compile(r"^(?:都|也)|^[钱]?(?:都|也)")

_HK_CUES = re.compile(
    r"香港|港铁|九龙|新界|旺角|铜锣湾|尖沙咀|沙田|荃湾|屯门|元朗|观塘|将军澳|八达通|港岛|中环|湾仔|红磡|大埔|西贡|东涌|葵涌|深水埗|油麻地|"
    r"卫生署|运输署|房屋署|屋宇署|水务署|食环署|消委会|医管局|医委会|审裁处|入禀|金管局|港币|港元|港纸|埋单|的士|短讯|索偿|"
    r"[咗嘅冇佢啲喺嚟咁哋嘢嗰睇揾俾畀啱咩乜噉嚿]|唔|係|\bhong kong\b|\bhk\b|\bmtr\b(?!-)|\bkowloon\b|\boctopus card\b|\bmong kok\b|"  # noqa: E501
    r"\bsha tin\b|\btsim sha tsui\b|\bcauseway bay\b|\bwan chai\b|\bkwun tong\b|\btsuen wan\b|\btuen mun\b|\byuen long\b|\blantau\b|"  # noqa: E501
    r"\btai po\b|\bsai kung\b|\bnew territories\b|\btaikoo\b|\bquarry bay\b|\bsheung wan\b|蚊"
)
_TW_CUES = re.compile(
    r"台湾|台北|新北|高雄|台中|台南|桃园|新竹|基隆|嘉义|彰化|屏东|宜兰|花莲|台东|捷运|健保|悠游卡|台铁|统一发票|超商|便利商店|"
    r"中华电信|远传|台湾大哥大|台电|中油|台水|全联|萊尔富|莱尔富|宅配|简讯|计程车|机车|新台币|台币|消保官|消基会|金管会|公平会|通传会|"
    r"卫福部|\btaiwan\b|\btaipei\b|\bkaohsiung\b|\btaichung\b|\btainan\b|\bhsinchu\b|\btaoyuan\b|\bkeelung\b"
)
_DOLLAR_FAMILY = {"HKD", "TWD", "USD", "SGD", "AUD", "CAD", "NZD"}
_YUAN_FAMILY = {"CNY", "HKD", "TWD"}


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    value: float
    marker: str  # an ISO code, or "dollar" / "yuan" (ambiguous)


def _ascii_alpha(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _region(norm: str) -> str | None:
    hk = len(_HK_CUES.findall(norm))
    tw = len(_TW_CUES.findall(norm))
    if hk > tw:
        return "HK"
    if tw > hk:
        return "TW"
    return None


def _unit_only(num: str) -> bool:
    """千元, 百元, 万元: a scale with no figure before it is not a sum (上千元, 5張千元鈔票)."""
    return num[0] in "千百万亿仟佰"


def _marker_hits(norm: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _AMOUNT_RE.finditer(norm):
        if m.group("pre") is not None:
            pre = m.group("pre")
            if pre[0].isascii() and pre[0].isalpha() and m.start() > 0 and _ascii_alpha(norm[m.start() - 1]):
                continue  # "xusd", part of a word
            value = parse_number(m.group("num1"))
            marker = _PREFIX[pre]
            suf1 = m.group("suf1")
            if marker is None:
                marker = _SUFFIX[suf1] if suf1 and _SUFFIX[suf1] not in ("yuan",) else "dollar"
            if value:
                hits.append(_Hit(m.start(), m.end(), value, marker))
            continue
        num, suf = m.group("num2"), m.group("suf")
        start = m.start("num2")
        if start > 0 and _NUMBER_CHAR_BEFORE.search(norm[:start]) and m.group("lo") is None:
            continue  # tail of a longer token such as an order number
        if suf[0].isascii() and _ascii_alpha(norm[start]) and start > 0 and _ascii_alpha(norm[start - 1]):
            continue
        if _unit_only(num):
            continue
        value = parse_number(num)
        if value is None:
            continue
        nxt = norm[m.end() : m.end() + 2]
        if suf in ("蚊", "块", "元", "分") and value == 1 and _IDIOM.match(nxt):
            continue  # 一蚊都唔少, 一块钱都不给
        if suf == "块" and value < 10 and not m.group("about"):
            before = norm[max(0, start - 1) : start]
            after = norm[m.end() : m.end() + 1]
            money_after = after in ("钱", "毛", "角") or (after and (after.isdigit() or after in _CN_VALUE))
            if not (money_after or _KUAI_MONEY_BEFORE.search(before)):
                continue  # 碎成三块, 四块肉: a piece, not money
        marker = _SUFFIX[suf]
        end = m.end()
        if suf in ("块", "元", "块钱"):  # 五块五, 3块5, 三块五毛 (not 698元一罐, 十五块一大碗)
            tail = re.match(rf"([{_CN_DIGITS}]|\d)(毛|角)?(?![\d{_CN_DIGITS}{_CN_UNITS}])", norm[end:])
            if tail and value.is_integer():
                after_tail = norm[end + len(tail.group()) : end + len(tail.group()) + 1]
                if tail.group(2) or not after_tail or not HAN.match(after_tail) or after_tail in "钱啊呀吧啦了的":
                    digit = tail.group(1)
                    value += (float(digit) if digit.isdigit() else _CN_VALUE[digit]) / 10
                    end += len(tail.group())
                elif value < 10 and suf == "块":
                    continue  # 一块一块掉
        if m.group("lo") is not None:
            lo = parse_number(m.group("lo"))
            if lo is not None:
                hits.append(_Hit(m.start("lo"), m.end("lo"), lo, marker))
        hits.append(_Hit(start, end, value, marker))
    return hits


HAN = re.compile(r"[\u3400-\u9fff]")


def _bare_hits(norm: str, covered: list[tuple[int, int]]) -> list[_Hit]:
    """Figures with no currency word that the context makes money."""
    hits: list[_Hit] = []

    def free(s: int, e: int) -> bool:
        return not any(s < ce and cs < e for cs, ce in covered)

    for m in _SPEND_OFF.finditer(norm):
        for g in ("a", "b"):
            s, e = m.start(g), m.end(g)
            value = parse_number(m.group(g))
            if value is not None and free(s, e):
                hits.append(_Hit(s, e, value, "yuan"))
                covered.append((s, e))
    if HAN.search(norm):
        for m in _BARE_ZH.finditer(norm):
            s, e = m.start("num"), m.end("num")
            num = m.group("num")
            if not free(s, m.end()) or _unit_only(num):
                continue
            if s > 0 and (norm[s - 1].isdigit() or norm[s - 1] == "#" or _ascii_alpha(norm[s - 1])):
                continue
            if s > 1 and norm[s - 1] in ".," and norm[s - 2].isdigit():
                continue  # the tail of 1,234 or 3.5 (a full-width comma is folded to "," too)
            if e < len(norm) and (norm[e].isdigit() or _ascii_alpha(norm[e])):
                continue
            before, after = norm[max(0, s - 12) : s], norm[m.end() : m.end() + 8]
            if _ZH_NOT_MONEY_AFTER.match(after) or _ZH_NOT_MONEY_BEFORE.search(before):
                continue
            digits = num.replace(",", "").split(".")[0]
            strong_before = bool(_ZH_MONEY_BEFORE.search(before))
            if not strong_before and not _ZH_MONEY_AFTER.match(after):
                continue
            if digits.isdigit() and len(digits) >= 5 and not strong_before:
                continue  # long bare numbers are order or phone numbers unless money is named just before
            if after.startswith("的") and not strong_before:
                value_probe = parse_number(num)
                if value_probe is None or value_probe < 20 or (1900 <= value_probe <= 2100 and "." not in num):
                    continue
            value = parse_number(num)
            if value is None or value <= 0:
                continue
            if not strong_before and value < 5:
                continue
            hits.append(_Hit(s, e, value, "yuan"))
            covered.append((s, m.end()))
    for m in _BARE_EN.finditer(norm):
        s, e = m.start("num"), m.end("num")
        value = parse_number(m.group("num"))
        if value is not None and free(s, e):
            hits.append(_Hit(s, e, value, "dollar"))
            covered.append((s, e))
    for m in _CENTS_EN.finditer(norm):
        s, e = m.start("num"), m.end()
        if free(s, e) and (s == 0 or norm[s - 1] not in "$£€.,"):
            hits.append(_Hit(s, e, int(m.group("num")) / 100, "dollar"))
            covered.append((s, e))
    return hits


def _hits(norm: str) -> list[_Hit]:
    hits = _marker_hits(norm)
    covered = [(h.start, h.end) for h in hits]
    for m in _VERB_AMOUNT_RE.finditer(norm):
        s, e = m.start("num"), m.end("num")
        if any(s < ce and cs < e for cs, ce in covered) or _unit_only(m.group("num")):
            continue
        value = parse_number(m.group("num"))
        if value is not None:
            hits.append(_Hit(s, e, value, "yuan"))
            covered.append((s, e))
    hits.extend(_bare_hits(norm, covered))
    hits.sort(key=lambda h: h.start)
    return hits


def _resolve(marker: str, lang: str, region: str | None, explicit: list[str], default: str | None) -> str:
    if marker not in ("dollar", "yuan"):
        return marker
    family = _DOLLAR_FAMILY if marker == "dollar" else _YUAN_FAMILY
    if marker == "yuan" and lang == "zh-Hans" and not any(code in family for code in explicit) and region != "HK":
        return "CNY"  # 元/块 in Simplified text
    for code in explicit:
        if code in family:
            return code
    if region == "HK":
        return "HKD"
    if region == "TW":
        return "TWD"
    if marker == "dollar" and lang == "zh-Hant":
        return default or "HKD"  # Taiwanese writers put NT$ or 元; a bare $ in Traditional text is Hong Kong's
    if marker == "yuan":
        if lang == "zh-Hans":
            return "CNY"
        if lang == "zh-Hant":
            return default or "TWD"
        return default or "CNY"
    return default or "USD"


def extract_amounts(text: str, lang: str | None = None, default_currency: str | None = None) -> list[Amount]:
    """Every money figure in `text`, once, in order of appearance, with spans into `text`."""
    if not text:
        return []
    return amounts_in(text, normalize(text), lang, default_currency)


def amounts_in(text: str, norm: str, lang: str | None, default_currency: str | None) -> list[Amount]:
    """`extract_amounts` for a text already normalised (`norm` = normalize(text))."""
    hits = _hits(norm)
    if not hits:
        return []
    lang = lang or detect_language(text)
    region = _region(norm)
    explicit = [h.marker for h in hits if h.marker not in ("dollar", "yuan")]
    out: list[Amount] = []
    seen: set[tuple[float, str]] = set()
    for h in hits:
        currency = _resolve(h.marker, lang, region, explicit, default_currency)
        key = (round(h.value, 2), currency)
        if key in seen:
            continue
        seen.add(key)
        out.append(Amount(round(h.value, 2), currency, Span(h.start, h.end, text[h.start : h.end])))
    return out
