"""Cue lexicons: find the words and phrases of data/cues.yaml in normalised text.

All terms of all groups go into one character trie, walked from every position, so a text is
scanned once whatever the size of the lexicon and overlapping cues are all found (好嬲 and 嬲).
Each hit says which groups its term belongs to and whether a negation stands just before it in
the same clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_END = "\x00"  # a term ends here (a whole word for ASCII terms)
_STEM = "\x01"  # a stem ends here: any word ending may follow

_ZH_NEGATIONS = ("不", "没", "未", "别", "并非", "从未", "唔", "冇", "毋须", "无须")
# strings that contain a negation character but do not negate what follows
_ZH_NOT_NEGATION = re.compile(
    r"不断|不停|不少|不仅|不管|不得不|不光|不止|不但|不久|不过|没完|别人|别的|别家|差不多|不一样|不然|要不|不行|不够"
)
_EN_NEGATIONS = frozenset(
    [
        "not", "no", "never", "without", "hardly", "nobody", "nothing", "dont", "didnt", "wont", "cant",
        "isnt", "wasnt", "arent", "werent", "doesnt", "shouldnt", "wouldnt", "couldnt", "havent", "hasnt",
        "hadnt", "neither", "nor", "cannot",
    ]
)  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,.;:!?，。；：！？、\n()（）\"“”]")
_EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon hit: [start, end) in the normalised (= original) text."""

    start: int
    end: int
    groups: tuple[str, ...]
    negated: bool


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class Lexicon:
    """The cue groups and their matcher."""

    def __init__(self, data: dict[str, dict[str, list[Any]]]) -> None:
        self.groups: tuple[str, ...] = tuple(g for g in data if g != "negation")
        self._trie: dict[str, Any] = {}
        patterns: dict[str, list[str]] = {}
        for group in self.groups:
            for lang, terms in data[group].items():
                if lang == "re":
                    patterns[group] = [str(t) for t in terms]
                    continue
                for raw in terms:
                    term = str(raw).strip().lower()
                    stem = term.endswith("*")
                    term = term.rstrip("*")
                    if not term:
                        continue
                    node = self._trie
                    for ch in term:
                        node = node.setdefault(ch, {})
                    members = node.setdefault(_STEM if stem else _END, [])
                    if group not in members:
                        members.append(group)
        # regular expressions (`re:` lists), one alternation per group
        self._patterns = [(re.compile("|".join(f"(?:{p})" for p in ps)), g) for g, ps in patterns.items() if ps]

    @classmethod
    def default(cls) -> Lexicon:
        return _default_lexicon()

    def match(self, norm: str) -> list[Cue]:
        """All cues in `norm` (normalised text), in order: the longest term starting at each position."""
        cues: list[Cue] = []
        trie = self._trie
        n = len(norm)
        alnum = _ASCII_ALNUM
        for i, ch in enumerate(norm):
            node = trie.get(ch)
            if node is None or (i > 0 and ch in alnum and norm[i - 1] in alnum):
                continue
            best_end = -1
            best_groups: list[str] = []
            j = i + 1
            while True:
                groups = node.get(_STEM)
                if groups is not None:
                    k = j
                    while k < n and norm[k].isascii() and norm[k].isalpha():
                        k += 1
                    if k > best_end:
                        best_end, best_groups = k, groups
                    elif k == best_end:
                        best_groups = [*best_groups, *groups]
                groups = node.get(_END)
                if groups is not None and (j == n or norm[j - 1] not in alnum or norm[j] not in alnum):
                    if j > best_end:
                        best_end, best_groups = j, groups
                    elif j == best_end:
                        best_groups = [*best_groups, *groups]
                if j >= n:
                    break
                node = node.get(norm[j])
                if node is None:
                    break
                j += 1
            if best_end > 0:
                groups_t = tuple(dict.fromkeys(best_groups))
                cues.append(Cue(i, best_end, groups_t, _negated(norm, i, norm[i:best_end])))
        if self._patterns:
            for pattern, group in self._patterns:
                for m in pattern.finditer(norm):
                    if m.end() > m.start():
                        cues.append(Cue(m.start(), m.end(), (group,), _negated(norm, m.start(), m.group())))
            cues.sort(key=lambda c: (c.start, -c.end))
        return cues


def _negated(norm: str, start: int, matched: str) -> bool:
    clause = _CLAUSE_BREAK.split(norm[max(0, start - 24) : start])[-1]
    if not clause:
        return False
    if matched[0].isascii():
        words = [w.replace("'", "") for w in _EN_WORD.findall(clause)[-3:]]
        return any(w in _EN_NEGATIONS for w in words)
    if matched.startswith(("不", "没", "未", "无", "别")):
        return False
    window = _ZH_NOT_NEGATION.sub("", clause[-4:])
    return any(neg in window for neg in _ZH_NEGATIONS)


CUE_FILES = ("data/cues.yaml", "data/cues_more.yaml", "data/cues_risk.yaml")


def merge_cue_data(*docs: dict[str, dict[str, list[Any]]]) -> dict[str, dict[str, list[Any]]]:
    """Groups of several cue files joined: the terms of a group named twice are added together."""
    merged: dict[str, dict[str, list[Any]]] = {}
    for doc in docs:
        for group, langs in (doc or {}).items():
            target = merged.setdefault(group, {})
            for lang, terms in (langs or {}).items():
                target.setdefault(lang, []).extend(terms or [])
    return merged


def with_rule_terms(data: dict[str, dict[str, list[Any]]]) -> dict[str, dict[str, list[Any]]]:
    """Every term of a `rule.<risk>` group also counts for `risk.<risk>`.

    The matcher keeps the longest term at each position, so a rule phrase ("sue you") would otherwise
    hide the shorter risk cue it contains ("sue") from the risk group the model weighs.
    """
    out = {group: {lang: list(terms) for lang, terms in langs.items()} for group, langs in data.items()}
    for group, langs in data.items():
        if group.startswith("rule."):
            target = out.setdefault("risk." + group[5:], {})
            for lang, terms in langs.items():
                target.setdefault(lang, []).extend(t for t in terms if t not in target.get(lang, []))
    return out


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    package = resources.files("complaintdesk.analysis")
    docs = [yaml.safe_load(package.joinpath(name).read_text(encoding="utf-8")) for name in CUE_FILES]
    return Lexicon(with_rule_terms(merge_cue_data(*docs)))
