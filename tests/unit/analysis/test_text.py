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
