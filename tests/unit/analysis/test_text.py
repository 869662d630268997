import pytest

from complaintdesk.analysis import detect_language, normalize


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("我要投诉你们的物业，电梯坏了三天没人修", "zh-Hans"),
        ("我們的電梯壞了三天都沒有人來修理", "zh-Hant"),
        ("部機壞咗成個禮拜，打電話又冇人聽", "zh-Hant"),
        ("點解收我錢", "zh-Hant"),
        ("台北的網路很慢，客服一直推託", "zh-Hant"),
        ("The lift has been broken for three days and nobody came.", "en"),
        ("我的iPhone 15 Pro坏了，Apple Store说不保修", "zh-Hans"),
        ("The staff at the 旺角 branch were rude to my mother", "en"),
        ("我們的 router 又斷線了", "zh-Hant"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text", ["我們的電話號碼壞了", "ＡＢＣ　１２３！", "İstanbul straße", "Hello WORLD", "混合 Mixed 文本"]
)
def test_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


def test_normalize_folds_script_width_and_case() -> None:
    assert normalize("我們ＡＢＣ！") == "我们abc!"
    assert normalize("Traditional 臺灣") == "traditional 台湾"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("HKBN個網又斷！！一個禮拜斷三日，交$199一個月就係咁？", "zh-Hant"),
        ("我的 MacBook Pro 在 Apple Store 修了三次还是黑屏", "zh-Hans"),
        ("我的MacBook Pro在Apple Store修了三次還是黑屏", "zh-Hant"),
        ("Your 客服 hung up on me twice and the refund never came", "en"),
        ("Booked via Booking.com, 前台说订单不含早，要另外加68一位", "zh-Hans"),
        ("The 港鐵 staff at Mong Kok were very rude to my mum today", "en"),
        ("check-in嘅時候個前台話我張booking冇早餐", "zh-Hant"),
    ],
)
def test_detect_language_on_mixed_text(text: str, lang: str) -> None:
    assert detect_language(text) == lang
