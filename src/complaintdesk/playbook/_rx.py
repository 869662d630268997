"""Regular expressions with a literal prefilter, so that hundreds of rule patterns stay fast.

For each pattern we derive, from its parse tree, a set of literal strings at least one of which
every match must contain (e.g. ``\\b(?:busy|busiest)\\b`` needs "busy"). Before running the regular
expression on a text we check with plain substring tests (on the lower-cased text) whether any
of them occurs; most patterns never get to run on most replies. A pattern we cannot analyse has
no prefilter and simply always runs.

The coach shares one `LiteralIndex` among all the patterns of a language: it finds, in one scan of
a text with an Aho-Corasick automaton of all their literals, which literals occur, so each
pattern's test is a set intersection instead of a scan of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from operator import itemgetter
from re import _constants as _sre_c  # type: ignore[attr-defined]
from re import _parser as _sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

_MAX_ALTERNATIVES = 64
_second = itemgetter(1)
_EXTRA_MIN = 2  # shortest literal of a further requirement (one character would be found everywhere)

# a requirement: None (nothing known) or a frozenset of literals, one of which must occur
Need = frozenset[str] | None


def _score(need: Need) -> int:
    """How selective a requirement is: the length of its shortest literal (0 = useless)."""
    if not need:
        return 0
    return min(len(s) for s in need)


def _best(a: Need, b: Need) -> Need:
    return a if _score(a) >= _score(b) else b


def _seq(items: Any, alls: list[frozenset[str]] | None = None) -> tuple[Need, str, str, bool]:
    """Analyse a sequence: (best requirement, literal prefix, literal suffix, whole sequence is literal).

    When `alls` is given, every requirement found on the way (all of which a match meets) is
    appended to it.
    """
    best: Need = None

    def note(need: Need) -> None:
        if alls is not None and need and _score(need) >= _EXTRA_MIN:
            alls.append(need)

    run: list[str] = []
    prefix: str | None = None
    whole = True

    def close() -> None:
        nonlocal best, prefix
        if run:
            text = "".join(run)
            best = _best(best, frozenset({text}))
            note(frozenset({text}))
        if prefix is None:
            prefix = "".join(run)
        run.clear()

    for op, av in items:
        if op is _sre_c.LITERAL:
            run.append(chr(av).lower())
            continue
        if op is _sre_c.SUBPATTERN:
            sub = av[-1]
            sub_alls: list[frozenset[str]] = []
            need, pre, suf, lit = _seq(sub, sub_alls)
            if lit:
                run.append(pre)
                continue
            run.append(pre)
            close()
            whole = False
            best = _best(best, need)
            for n in sub_alls:
                note(n)
            run.append(suf)
            continue
        if op is _sre_c.BRANCH:
            alts: set[str] = set()
            ok = True
            all_literal = True
            literal_alts: list[str] = []
            for branch in av[1]:
                need, pre, _suf, lit = _seq(branch)
                if lit:
                    literal_alts.append(pre)
                else:
                    all_literal = False
                if not need and not (lit and pre):
                    ok = False
                    break
                alts |= set(need or {pre})
            if ok and all_literal and len(literal_alts) == 1:
                run.append(literal_alts[0])
                continue
            close()
            whole = False
            if ok and alts and len(alts) <= _MAX_ALTERNATIVES and all(alts):
                best = _best(best, frozenset(alts))
                note(frozenset(alts))
            continue
        if op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            close()
            whole = False
            if lo >= 1:
                sub_alls = []
                need, pre, _suf, lit = _seq(sub, sub_alls)
                best = _best(best, need if not lit else frozenset({pre}) if pre else None)
                if not lit:
                    for n in sub_alls:
                        note(n)
                elif pre:
                    note(frozenset({pre}))
            continue
        if op is _sre_c.AT:
            continue  # \b, ^, $ consume nothing and do not break a literal run's meaning
        # anything else (classes, lookarounds, backreferences, any char) breaks the literal run
        close()
        whole = False
    if prefix is None:
        prefix = "".join(run)
    suffix = "".join(run)
    if run:
        best = _best(best, frozenset({"".join(run)}))
        note(frozenset({"".join(run)}))
    return best, prefix if prefix is not None else "", suffix, whole and bool(items)


def literal_needs(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of literals (lower-case) such that any match of `pattern` contains one of each set."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE | re.MULTILINE)
        alls: list[frozenset[str]] = []
        _seq(list(parsed), alls)
    except Exception:  # any parser surprise: no prefilter
        return ()
    out: list[frozenset[str]] = []
    for n in alls:
        if n not in out:
            out.append(n)
    return tuple(out)


def literal_need(pattern: str) -> frozenset[str] | None:
    """Literals (lower-case) one of which any match of `pattern` contains; None if unknown."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE | re.MULTILINE)
    except Exception:  # any parser surprise: no prefilter
        return None
    try:
        need, pre, _suf, lit = _seq(list(parsed))
    except Exception:
        return None
    if lit and pre:
        need = frozenset({pre})
    if not need or _score(need) < 1:
        return None
    return need


class LiteralIndex:
    """Which of many literals occur in a text, found in one scan (results cached per text).

    The literals go into one Aho-Corasick automaton (pyahocorasick), which reports every occurrence
    of every literal in a single pass over the lower-cased text, in C.
    """

    _CACHE_SIZE = 256

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = frozenset(literals)
        self._automaton: Any = None
        if self.literals:
            automaton = ahocorasick.Automaton()
            for w in self.literals:
                automaton.add_word(w, w)
            automaton.make_automaton()
            self._automaton = automaton
        self._cache: dict[str, frozenset[str]] = {}

    def present(self, text: str) -> frozenset[str]:
        found = self._cache.get(text)
        if found is not None:
            return found
        found = frozenset(map(_second, self._automaton.iter(text.lower()))) if self._automaton else frozenset()
        self._remember(text, found)
        return found

    def _remember(self, text: str, found: frozenset[str]) -> None:
        if len(self._cache) >= self._CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = found

    def parts_of(self, text: str, starts: list[int]) -> dict[str, int] | None:
        """For each literal in `text`, a bitmask of the parts (beginning at `starts`) where an occurrence begins.

        None when lower-casing changes the text's length (positions would not map back). The literals
        found are kept as `present(text)`, so the text is scanned once.
        """
        low = text.lower()
        if len(low) != len(text) or self._automaton is None:
            return None
        out: dict[str, int] = {}
        get = out.get
        for end, lit in self._automaton.iter(low):
            bit = 1 << max(0, bisect_right(starts, end - len(lit) + 1) - 1)
            out[lit] = get(lit, 0) | bit
        self._remember(text, frozenset(out))
        return out


def share_index(patterns: Iterable[Rx]) -> LiteralIndex:
    """Give `patterns` one `LiteralIndex` of all their literals (their prefilters then use it)."""
    pats = list(patterns)
    index = LiteralIndex(lit for p in pats if p.need for n in (p.need, *p.needs) for lit in n)
    for p in pats:
        p.index = index
    return index


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _first_of(items: Any) -> tuple[set[str], bool] | None:
    """(the characters a match of the parsed sequence may start with, whether it may be empty); None: unknown.

    Zero-width items (\\b, ^, lookarounds) add nothing; an optional item adds its characters and the
    scan goes on to the next one.
    """
    chars: set[str] = set()
    for op, av in items:
        if op is _sre_c.AT or op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue  # consume nothing: the next item gives the first character
        if op is _sre_c.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is _sre_c.IN:
            for o, a in av:
                if o is _sre_c.LITERAL:
                    chars.add(chr(a))
                elif o is _sre_c.RANGE and a[1] - a[0] < 64:
                    chars.update(map(chr, range(a[0], a[1] + 1)))
                else:  # negation, categories, wide ranges: unknown
                    return None
            return chars, False
        if op is _sre_c.SUBPATTERN:
            if av[1] or av[2]:  # scoped flags
                return None
            found = _first_of(av[-1])
        elif op is _sre_c.BRANCH:
            found = (set(), False)
            for branch in av[1]:
                sub = _first_of(branch)
                if sub is None:
                    return None
                found = (found[0] | sub[0], found[1] or sub[1])
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            sub = _first_of(av[2])
            found = None if sub is None else (sub[0], sub[1] or av[0] == 0)
        else:
            return None
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _first_chars(items: Any) -> set[str] | None:
    """The characters one of which every match of the parsed sequence starts with (None: unknown)."""
    found = _first_of(items)
    return found[0] if found is not None and not found[1] else None


def _skips_ahead(items: Any) -> bool:
    """Whether the regular expression engine itself skips to the possible first characters (a charset
    prefix, as CPython's compiler derives it: the pattern opens with an uncased literal, class or a
    group of alternatives each opening with one). Called for patterns whose first characters are uncased."""
    while items:
        op, av = items[0]
        if op is not _sre_c.SUBPATTERN or av[1] or av[2]:
            break
        items = list(av[-1])
    if not items:
        return False
    op, av = items[0]
    if op in (_sre_c.LITERAL, _sre_c.IN):
        return True
    if op is _sre_c.BRANCH:
        return all(branch and branch[0][0] is _sre_c.LITERAL for branch in av[1])
    return False


def _compile_fast(pattern: str, flags: int) -> re.Pattern[str]:
    """`pattern` compiled so that positions where no match can start are skipped with one class test.

    The regular expression engine tries a case-insensitive pattern that starts with a letter (or
    ``\b``, or a group of alternatives) at every position, entering each alternative; a leading
    lookahead for the class of possible first characters (compiled with the same flags, so case
    folding is the same) rejects most positions at once. Matches, groups and spans are those of `pattern`.
    """
    plain = re.compile(pattern, flags)
    if _INLINE_FLAGS.search(pattern):
        return plain
    try:
        parsed = list(_sre_parse.parse(pattern, flags))
        first = _first_chars(parsed)
    except Exception:  # any parser surprise: the plain pattern
        return plain
    if not first:
        return plain
    cased = bool(flags & re.IGNORECASE) and any(ch.lower() != ch.upper() for ch in first)
    if not cased and _skips_ahead(parsed):
        return plain  # uncased first characters at the start: the engine already skips ahead to them
    fast = re.compile("(?=[" + "".join(re.escape(ch) for ch in sorted(first)) + "])(?:" + pattern + ")", flags)
    if fast.groups != plain.groups or fast.groupindex != plain.groupindex:
        return plain
    return fast


class Rx:
    """A compiled pattern with its prefilter; `search` and `finditer` like `re.Pattern`."""

    __slots__ = ("few", "index", "need", "need_rx", "needs", "pattern", "rx")

    def __init__(self, pattern: str, flags: int) -> None:
        self.rx = _compile_fast(pattern, flags)
        self.pattern = pattern
        self.need = literal_need(pattern)
        # one C-level scan for any of the literals (longest first) instead of a Python loop
        self.need_rx = (
            re.compile("|".join(re.escape(s) for s in sorted(self.need, key=len, reverse=True))) if self.need else None
        )
        # a handful of literals: plain substring tests are faster than a scan with alternatives
        self.few = tuple(self.need) if self.need and len(self.need) <= 4 else None
        self.index: LiteralIndex | None = None  # set by `share_index`
        # further requirements, all of which a match meets (used with a shared index)
        self.needs = tuple(n for n in literal_needs(pattern) if n != self.need and _selective(n)) if self.need else ()

    @property
    def groupindex(self) -> Any:
        return self.rx.groupindex

    def may(self, text: str) -> bool:
        """False when `text` cannot hold a match (none of the required literals occurs)."""
        return self._may(text)

    def _may(self, text: str) -> bool:
        if self.need is None:
            return True
        if self.index is not None:
            return self.live(self.index.present(text))
        low = _lower(text)
        if self.few is not None:
            return any(lit in low for lit in self.few)
        return self.need_rx is None or self.need_rx.search(low) is not None

    def live(self, present: frozenset[str]) -> bool:
        """Whether a text holding the literals `present` (of the shared index) may hold a match."""
        if self.need is None:
            return True
        if self.need.isdisjoint(present):
            return False
        return all(not n.isdisjoint(present) for n in self.needs) if self.needs else True

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if not self._may(text):
            return None
        return self.rx.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self._may(text):
            return iter(())
        return self.rx.finditer(text)


def _selective(need: frozenset[str]) -> bool:
    """Whether a further requirement is worth checking: Latin fragments of one or two letters ("th",
    "ed") occur in nearly every reply and would only make the shared index report more hits."""
    return all(len(lit) >= 3 or not lit.isascii() for lit in need)


_cache: tuple[str, str] = ("", "")


def _lower(text: str) -> str:
    global _cache
    cached = _cache  # one atomic read: threads may replace it meanwhile
    if cached[0] is text:
        return cached[1]
    low = text.lower()
    _cache = (text, low)
    return low
