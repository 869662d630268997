"""The literal prefilter never hides a match: a prefiltered pattern finds exactly what `re` finds."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from complaintdesk.playbook import load_playbook
from complaintdesk.playbook._rx import Rx, _compile_fast, _first_chars, literal_need
from complaintdesk.playbook._text import normalise
from complaintdesk.playbook.coach import compile_checks

from .cases import BAD, GOOD, GOOD_LOOKALIKES
from .good_replies import GOOD_REPLIES
from .variants import BREAKS, reply

PAIRS = Path(__file__).resolve().parents[3] / "data" / "coach" / "pairs_tune.jsonl"


@pytest.mark.parametrize(
    ("pattern", "matching"),
    [
        (r"\b(?:busy|busiest)\b", ["so busy", "the busiest day"]),
        (r"\bwe are (?:not )?allowed\b", ["We are allowed", "we are not allowed"]),
        (r"(?:抱歉|对不起)", ["很抱歉", "对不起"]),
        (r"(?:foo)?bar", ["bar", "foobar"]),
        (r"(?-i:Mr) [A-Z][a-z]+", ["Mr Brown"]),
    ],
)
def test_literal_need_is_found_in_every_match(pattern: str, matching: list[str]) -> None:
    need = literal_need(pattern)
    assert need
    for text in matching:
        assert re.search(pattern, text, re.IGNORECASE)
        assert any(lit in text.lower() for lit in need)


@pytest.mark.parametrize("pattern", [r"[a-z]+", r"\d{2,4}", r"(?:a|)b?", r"\w+ly"])
def test_no_prefilter_when_nothing_is_required(pattern: str) -> None:
    assert literal_need(pattern) is None or pattern == r"\w+ly"


def _texts() -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for by_lang in (*BAD.values(), *GOOD_LOOKALIKES.values(), GOOD):
        texts += [(lang, t) for lang, t in by_lang.items()]
    texts += [(lang, t) for lang, _c, t in GOOD_REPLIES]
    for by_lang in BREAKS.values():
        texts += [(lang, reply(lang, s)) for lang, ss in by_lang.items() for s in ss]
    if PAIRS.exists():
        for line in PAIRS.read_text(encoding="utf-8").splitlines()[:150]:
            row = json.loads(line)
            texts.append((row["lang"], row["reply"]))
    return texts


def test_prefiltered_patterns_match_exactly_like_re() -> None:
    pb = load_playbook()
    rng = random.Random(7)
    texts = _texts()
    for lang in ("en", "zh-Hans", "zh-Hant"):
        compiled = compile_checks(pb, lang)
        patterns: list[Rx] = []
        for c in compiled.checks:
            patterns += [*c.patterns, *c.unless, *c.exempt, *c.pending, *c.triggers, *c.markers, *c.before_none_of]
            patterns += [p for pats in c.require.values() for p in pats]
            patterns += [p for cue in c.cues for p in cue.patterns]
        samples = [normalise(t, lang) for tl, t in texts if tl[:2] == lang[:2]]
        # also pieces of texts, as the checks search single sentences
        samples += [s[rng.randrange(len(s)) :] for s in samples if s]
        for p in patterns:
            plain = re.compile(p.pattern, re.IGNORECASE | re.MULTILINE)
            for s in samples:
                assert [m.span() for m in p.finditer(s)] == [m.span() for m in plain.finditer(s)], p.pattern


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?<!我们)(?<!我)(?:先)?(?:就[^，。]{0,10})?(?:向|跟)(?:他|她)", {"先", "就", "向", "跟"}),
        (r"\b(?:you )?should have\b", {"y", "s"}),
        (r"(?:a|b)?c", {"a", "b", "c"}),
        (r"(?:a)*", None),  # may be empty: no first character
        (r"[^x]y", None),
    ],
)
def test_first_characters_look_past_zero_width_and_optional_items(pattern: str, first: set[str] | None) -> None:
    assert _first_chars(list(sre_parse.parse(pattern, re.IGNORECASE))) == first


@pytest.mark.parametrize(
    "pattern", [r"(?<!我们)(?:先)?(?:向|跟)(?:他|她)道歉", r"(?<![您你])住在\S{2}", r"\b(?:your|the) (?:own )?choice\b"]
)
def test_fast_compiled_pattern_finds_the_same_matches(pattern: str) -> None:
    flags = re.IGNORECASE | re.MULTILINE
    text = "我们先向他道歉。请先跟她道歉，您住在这里，他住在三楼。It was your own choice, THE CHOICE."
    fast, plain = _compile_fast(pattern, flags), re.compile(pattern, flags)
    assert fast.pattern != plain.pattern  # the lookahead was added
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
