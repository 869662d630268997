"""Text helpers for the playbook: language detection, matching normalisation, sentences.

Chinese text is matched in Simplified form: Traditional text is converted with OpenCC
(`t2s.json`) and the rule patterns are converted the same way when they are loaded, so one
pattern family serves both scripts. Offsets stay valid: the conversion is checked to keep the
length, and falls back to converting character by character when it does not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

_CJK = re.compile(r"[\u3400-\u9fff]")
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0xFF05: ord("%"), 0x3000: ord(" "), 0x2019: ord("'"), 0x2018: ord("'")})
# Cantonese function words that have one Mandarin equivalent: after this mapping, Mandarin patterns
# ("您没有…", "不关我们的事") also read Hong Kong replies ("你冇…", "唔关我哋事"); one character for one,
# so offsets stay valid. Ambiguous ones (係/系, 呢, 俾) are left alone.
_CANTONESE = str.maketrans(
    {
        "唔": "不",
        "冇": "没",
        "嘅": "的",
        "咗": "了",
        "佢": "他",
        "哋": "们",
        "喺": "在",
        "睇": "看",
        "嚟": "来",
        "畀": "给",
        "嗰": "那",
    }
)
_SENTENCE_END = re.compile(r"[^.!?。！？;；\n]*(?:[.!?。！？;；\n]+|$)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Ref|ext|Tel|approx|e\.g|i\.e|etc))\.$|\b[A-Z]\.$")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # imported lazily: loading the dictionaries costs time

    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Convert to Simplified Chinese keeping the length (and so every offset) of `text`."""
    if not text:
        return text
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:  # rare: a phrase conversion changed the length
        c = _converter().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def cjk_share(text: str) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(_CJK.findall(text)) / letters


def cantonese_to_mandarin(text: str) -> str:
    """Map unambiguous Cantonese function words to Mandarin, character for character (length kept)."""
    return text.translate(_CANTONESE)


def detect_language(text: str) -> str:
    """zh-Hans, zh-Hant or en, from the script of `text` (English when it has little Chinese)."""
    if cjk_share(text) < 0.3:
        return "en"
    simplified = to_simplified(text)
    changed = sum(1 for a, b in zip(text, simplified, strict=True) if a != b)
    return "zh-Hant" if changed >= 2 or (changed and changed / max(len(text), 1) > 0.01) else "zh-Hans"


def normalise(text: str, language: str) -> str:
    """The form rules are matched against: same length as `text`, so spans map back unchanged."""
    text = text.translate(_FULLWIDTH)
    if language.startswith("zh") or _CJK.search(text):
        text = cantonese_to_mandarin(to_simplified(text))
    return text


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Split into sentences by end punctuation and line breaks; abbreviations like "Mr." do not end one."""
    out: list[Sentence] = []
    pending = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() == m.end():
            continue
        piece = text[pending : m.end()].rstrip()
        if _ABBREV.search(piece) and m.end() < len(text):
            continue
        if text[pending : m.end()].strip():
            out.append(Sentence(pending, m.end()))
        pending = m.end()
    if pending < len(text) and text[pending:].strip():
        out.append(Sentence(pending, len(text)))
    return out


def format_when(when: datetime, spec: Mapping[str, Any]) -> str:
    """Format a time the way the language writes it (e.g. '5 pm on Friday 14 March'); `spec` is draft.yaml."""
    hour12 = when.hour % 12 or 12
    times = spec.get("time_format") or {"whole": "{h}", "minutes": "{h}:{m}"}
    hour = str(times["whole" if when.minute == 0 else "minutes"]).format(h=hour12, m=f"{when.minute:02d}")
    return str(spec["when_format"]).format(
        hour=hour,
        hour24=when.hour,
        minute=f"{when.minute:02d}",
        period=spec["periods"]["am" if when.hour < 12 else "pm"],
        weekday=spec["weekdays"][when.weekday()],
        day=when.day,
        month=spec["months"][when.month - 1],
        month_number=when.month,
        year=when.year,
    )
