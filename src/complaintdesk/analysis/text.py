"""Text normalisation and language detection.

Normalisation keeps the length of the text (one character in, one character out), so an offset
into the normalised text is the same offset in the original: evidence spans found on the
normalised text point straight into what the customer wrote.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import opencc

_lock = threading.Lock()
_converters: dict[str, opencc.OpenCC] = {}

HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")

# Cantonese written forms: only Hong Kong writers use them, and they write Traditional characters.
_CANTONESE = set("咗嘅冇唔佢哋嘢嚟喺噉啲咁乜嘥攞睇揾搵俾畀嬲")
# Characters that OpenCC's s2t changes but that are ordinary in Traditional writing too.
_AMBIGUOUS_SIMPLIFIED = set("台才向周回出里着干面系只后冲布松姜制准几云借范采征谷丑斗志吁咸尝划")


def _converter(name: str) -> opencc.OpenCC:
    conv = _converters.get(name)
    if conv is None:
        with _lock:
            conv = _converters.get(name)
            if conv is None:
                conv = opencc.OpenCC(f"{name}.json")
                _converters[name] = conv
    return conv


_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2019: 0x27, 0x2018: 0x27}


def _fold(text: str) -> str:
    """Full-width ASCII to half-width, ideographic space to space, curly apostrophes straight, lower case."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    # a few characters change length when lower-cased (İ): fold those one by one
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))


@lru_cache(maxsize=65536)
def _t2s_char(ch: str) -> str:
    out: str = _converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """OpenCC Traditional → Simplified, guaranteed to keep the length."""
    out: str = _converter("t2s").convert(text)
    if len(out) == len(text):
        return out
    return "".join(_t2s_char(c) for c in text)


def normalize(text: str) -> str:
    """Simplified characters, half-width ASCII, lower case; same length as `text`."""
    folded = _fold(text)
    return to_simplified(folded) if HAN_RE.search(folded) else folded


_char_class: dict[str, int] = {}  # 1: Traditional-only, 2: Simplified-only, 0: shared


def _classify(ch: str) -> int:
    cls = _char_class.get(ch)
    if cls is None:
        if _converter("t2s").convert(ch) != ch:
            cls = 1
        elif _converter("s2t").convert(ch) != ch and ch not in _AMBIGUOUS_SIMPLIFIED:
            cls = 2
        else:
            cls = 0
        if ch in _CANTONESE:
            cls = 1
        if len(_char_class) < 100_000:
            _char_class[ch] = cls
    return cls


def script_counts(text: str) -> tuple[int, int, int, int]:
    """(Han characters, Latin words, Traditional-only characters, Simplified-only characters)."""
    han = HAN_RE.findall(text)
    latin = len(LATIN_WORD_RE.findall(text))
    trad = simp = 0
    for ch in han:
        cls = _char_class.get(ch)
        if cls is None:
            cls = _classify(ch)
        if cls == 1:
            trad += 1
        elif cls == 2:
            simp += 1
    return len(han), latin, trad, simp


def detect_language(text: str) -> str:
    """`zh-Hans`, `zh-Hant` or `en`: the language of most of the words.

    Chinese is counted in words of about 1.6 characters against Latin-script words; between the
    two Chinese scripts, characters that exist only in one of them decide (ties: Simplified,
    unless Cantonese particles show a Hong Kong writer).
    """
    han, latin, trad, simp = script_counts(text)
    if han == 0 or latin > han / 1.6:
        return "en"
    if trad > simp:
        return "zh-Hant"
    return "zh-Hans"
