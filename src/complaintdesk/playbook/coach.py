"""The reply coach: checks a handler's reply against the complaint-handling principles.

Every rule is data (`data/<lang>/coach.yaml`); this module only interprets these kinds of check:

- ``phrase``   fires on any match of its patterns (unless an ``unless`` pattern is in the same sentence);
- ``weighted`` adds up cue weights (capped per class, negative weights discount) against a threshold;
- ``opening``  fires when a pattern appears in the first sentences before any acknowledgement;
- ``absence``  fires when a required family of phrases is missing (apology, time, name, contact);
- ``remedy``   compares money promised in the reply with the approved remedy and the handler's limit;
- ``pairing``  fires when a subject (e.g. "you", another customer) is followed in the same sentence, within
  ``gap`` characters and with no ``stop`` in between, by a predicate (e.g. "should have", a phone number):
  the idea of a sentence rather than one fixed wording;
- ``learned``  fires when a small trained sentence scorer (char n-gram logistic regression, `_learned`)
  rates a sentence at or above ``threshold`` for its ``head``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..analysis.amounts import parse_chinese_number
from ..analysis.result import Analysis
from ..domain.labels import COACH_RULES
from ._data import DATA_DIR, Playbook, PlaybookDataError, expand, load_playbook
from ._learned import SentenceModel, load_model
from ._rx import LiteralIndex, Rx, share_index
from ._text import Sentence, detect_language, normalise, sentences

_FLAGS = re.IGNORECASE | re.MULTILINE


@dataclass(frozen=True, slots=True)
class CoachContext:
    """What the organisation knows beyond the text: the approved remedy and the handler's limit."""

    approved_remedy: float | None = None  # amount an approver (or the handler, within limit) granted
    remedy_limit: float | None = None  # what this handler may grant alone
    currency: str | None = None
    handler_name: str | None = None


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    message: str
    principle: str
    suggestion: str
    span: tuple[int, int]
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "message": self.message,
            "principle": self.principle,
            "suggestion": self.suggestion,
            "span": [self.span[0], self.span[1]],
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class CoachResult:
    language: str
    violations: tuple[Violation, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def rules(self) -> list[str]:
        return [v.rule for v in self.violations]

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "language": self.language, "violations": [v.to_dict() for v in self.violations]}


# ---------------------------------------------------------------- compiled checks


@dataclass(frozen=True)
class _Cue:
    patterns: tuple[Rx, ...]
    weight: float
    cls: str


@dataclass(frozen=True)
class _Check:
    rule: str
    kind: str
    patterns: tuple[Rx, ...] = ()
    unless: tuple[Rx, ...] = ()
    cues: tuple[_Cue, ...] = ()
    class_max: Mapping[str, float] = field(default_factory=dict)
    threshold: float = 1.0
    low_specificity_threshold: float | None = None
    min_overlap: int = 2
    require: Mapping[str, tuple[Rx, ...]] = field(default_factory=dict)
    # a required phrase does not count in a sentence matching `veto[name]["if"]` unless it also
    # matches `veto[name]["unless"]` (e.g. a weekday in a sentence about the past is no commitment)
    veto: Mapping[str, tuple[tuple[Rx, ...], tuple[Rx, ...]]] = field(default_factory=dict)
    exempt: tuple[Rx, ...] = ()
    pending: tuple[Rx, ...] = ()  # when present, `exempt` and `exempt_when` do not apply
    exempt_when: tuple[Mapping[str, Any], ...] = ()
    point_to: tuple[Rx, ...] = ()
    where: str = "all"
    ignore_inside: tuple[str, ...] = ()
    skip_when: tuple[Mapping[str, Any], ...] = ()
    before_none_of: tuple[Rx, ...] = ()
    skip_sentences: tuple[Rx, ...] = ()
    window: int = 2
    max_offset: int = 10_000
    approval: tuple[Rx, ...] = ()
    default_limit: float | None = None
    # enumeration: a sentence that lists many circumstances
    triggers: tuple[Rx, ...] = ()
    separators: re.Pattern[str] | None = None
    skip_items: tuple[Rx, ...] = ()
    min_items: int = 3
    min_item_chars: int = 4
    conclusion: tuple[Rx, ...] = ()  # "so ..." closing a list of causes
    clause_separators: re.Pattern[str] | None = None
    markers: tuple[Rx, ...] = ()  # clauses holding a marker ("also", "on top") count as items
    # with item_verbs: items before the first trigger count only if they are clauses (hold a verb)
    item_verbs: tuple[Rx, ...] = ()
    sentences_min: int = 0  # also fire when this many sentences in a row each give a cause
    # pairing: a subject followed by a predicate in the same sentence
    subjects: tuple[Rx, ...] = ()
    predicates: tuple[Rx, ...] = ()
    gap: int = 40
    stop: re.Pattern[str] | None = None
    # learned: a sentence scorer's head above a threshold
    model: SentenceModel | None = None
    head: str = ""


def _build(rule: str, raw: Mapping[str, Any], groups: Mapping[str, list[str]], macros: Mapping[str, str]) -> _Check:
    def _compile(patterns: Iterable[str], groups: Mapping[str, list[str]]) -> tuple[Rx, ...]:
        return tuple(Rx(p, _FLAGS) for p in expand(list(patterns), groups, macros))

    def pats(key: str) -> tuple[Rx, ...]:
        return _compile(raw.get(key) or [], groups)

    cues = tuple(
        _Cue(_compile(c.get("patterns") or [], groups), float(c.get("weight", 1)), str(c.get("class", "")))
        for c in raw.get("cues") or []
    )
    exempt_when = []
    for clause in raw.get("exempt_when") or []:
        compiled: dict[str, Any] = {"analysis": clause.get("analysis") or {}}
        for key in ("complaint", "reply"):
            if clause.get(key):
                compiled[key] = _compile(clause[key], groups)
        exempt_when.append(compiled)
    return _Check(
        rule=rule,
        kind=str(raw["kind"]),
        patterns=pats("patterns"),
        unless=pats("unless"),
        cues=cues,
        class_max={str(k): float(v) for k, v in (raw.get("class_max") or {}).items()},
        threshold=float(raw.get("threshold", 1)),
        low_specificity_threshold=(
            float(raw["low_specificity_threshold"]) if raw.get("low_specificity_threshold") is not None else None
        ),
        min_overlap=int(raw.get("min_overlap", 2)),
        require={k: _compile(v, groups) for k, v in (raw.get("require") or {}).items()},
        veto={
            str(k): (_compile(v.get("if") or [], groups), _compile(v.get("unless") or [], groups))
            for k, v in (raw.get("veto") or {}).items()
        },
        exempt=pats("exempt"),
        pending=pats("pending"),
        exempt_when=tuple(exempt_when),
        point_to=pats("point_to"),
        where=str(raw.get("where", "all")),
        ignore_inside=tuple(raw.get("ignore_inside") or ()),
        skip_when=tuple(raw.get("skip_when") or ()),
        before_none_of=pats("before_none_of"),
        skip_sentences=pats("skip_sentences"),
        window=int(raw.get("window", 2)),
        max_offset=int(raw.get("max_offset", 10_000)),
        approval=pats("approval"),
        default_limit=float(raw["default_limit"]) if raw.get("default_limit") is not None else None,
        triggers=pats("triggers"),
        separators=re.compile(str(raw["separators"]), _FLAGS) if raw.get("separators") else None,
        skip_items=pats("skip_items"),
        min_items=int(raw.get("min_items", 3)),
        min_item_chars=int(raw.get("min_item_chars", 4)),
        conclusion=pats("conclusion"),
        markers=pats("markers"),
        item_verbs=pats("item_verbs"),
        sentences_min=int(raw.get("sentences_min", 0)),
        subjects=pats("subjects"),
        predicates=pats("predicates"),
        gap=int(raw.get("gap", 40)),
        stop=re.compile(str(raw["stop"]), _FLAGS) if raw.get("stop") else None,
        model=_model(raw) if raw["kind"] == "learned" else None,
        head=str(raw.get("head") or rule),
        clause_separators=(re.compile(str(raw["clause_separators"]), _FLAGS) if raw.get("clause_separators") else None),
    )


def _model(raw: Mapping[str, Any]) -> SentenceModel:
    path = Path(str(raw.get("model") or "coach_model.json"))
    path = path if path.is_absolute() else DATA_DIR / path
    if not path.is_file():
        raise PlaybookDataError(f"learned check: model file {path} not found")
    model = load_model(str(path))
    if str(raw.get("head")) not in model.heads:
        raise PlaybookDataError(f"learned check: model {path.name} has no head {raw.get('head')!r}")
    return model


def _patterns_of(checks: Iterable[_Check]) -> list[Rx]:
    """Every `Rx` of the checks, wherever it is held (tuples, cues, mappings, `exempt_when` clauses)."""
    out: list[Rx] = []

    def walk(value: Any) -> None:
        if isinstance(value, Rx):
            out.append(value)
        elif isinstance(value, _Cue):
            walk(value.patterns)
        elif isinstance(value, tuple | list):
            for v in value:
                walk(v)
        elif isinstance(value, Mapping):
            for v in value.values():
                walk(v)

    for c in checks:
        for name in c.__dataclass_fields__:
            walk(getattr(c, name))
    return out


@dataclass(frozen=True)
class _Compiled:
    checks: tuple[_Check, ...]
    texts: Mapping[str, Mapping[str, str]]
    stop_tokens: frozenset[str]
    index: LiteralIndex


def compile_checks(pb: Playbook, language: str) -> _Compiled:
    key = f"coach:{language}"
    if key not in pb._compiled:
        data = pb.coach_checks(language)
        groups = data.get("groups", {})
        checks: list[_Check] = []
        for rule in COACH_RULES:
            for raw in (data["rules"][rule].get("checks") or {}).values():
                checks.append(_build(rule, raw, groups, data.get("macros") or {}))
        # absence checks look at what the other rules found, so they run last
        checks.sort(key=lambda c: c.kind == "absence")
        texts = {
            r: {k: str(v) for k, v in pb.lang(language)["coach"]["rules"][r].items() if k != "checks"}
            for r in COACH_RULES
        }
        stop = frozenset(str(t).lower() for t in (data.get("params", {}).get("stop_tokens") or []))
        pb._compiled[key] = _Compiled(tuple(checks), texts, stop, share_index(_patterns_of(checks)))
    compiled: _Compiled = pb._compiled[key]
    return compiled


# ---------------------------------------------------------------- evaluation helpers


def _facts(analysis: Analysis | None) -> dict[str, set[str]]:
    if analysis is None:
        return {}
    return {
        "nature": {analysis.nature},
        "category": {analysis.category},
        "emotion": {analysis.emotion},
        "temperament": {analysis.temperament},
        "motives": set(analysis.motives),
        "risks": set(analysis.risks),
        "priority": {analysis.priority},
    }


def _clause_holds(clause: Mapping[str, Any], facts: Mapping[str, set[str]]) -> bool:
    if not facts:
        return False
    for key, allowed in clause.items():
        values = allowed if isinstance(allowed, list) else [allowed]
        if not facts.get(key, set()) & {str(v) for v in values}:
            return False
    return True


_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NUMBER = re.compile(r"\d[\d.,:]*\d|\d")


def _tokens(text: str, stop: frozenset[str]) -> set[str]:
    low = text.lower()
    out = {w for w in _WORD.findall(low) if w not in stop}
    for run in _CJK_RUN.findall(text):
        out.update(b for b in (run[i : i + 2] for i in range(len(run) - 1)) if b not in stop)
    out.update(n for n in _NUMBER.findall(text) if len(n) > 1)
    return out


def specificity(reply: str, complaint: str, stop: frozenset[str] = frozenset()) -> int:
    """How many content tokens (words, Chinese bigrams, numbers) of the complaint the reply repeats."""
    return len(_tokens(reply, stop) & _tokens(complaint, stop))


_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万|萬|千|k)?", re.IGNORECASE)
_CHINESE_AMOUNT = re.compile(r"[零〇一二两兩三四五六七八九十百佰千仟万萬]+")


def _amount(text: str) -> float | None:
    """The money in a matched amount: digits ("1,500", "2.5万", "3k") or Chinese numerals ("五千", "一万二")."""
    m = _AMOUNT.search(text)
    if not m:
        cn = _CHINESE_AMOUNT.search(text)
        return parse_chinese_number(cn.group(0)) if cn else None
    value = float(m.group(1).replace(",", ""))
    unit = (m.group(2) or "").lower()
    return value * {"万": 10000, "萬": 10000, "千": 1000, "k": 1000}.get(unit, 1)


@dataclass
class _State:
    reply: str
    norm: str
    sents: list[Sentence]
    complaint: str | None
    facts: dict[str, set[str]]
    context: CoachContext | None
    stop: frozenset[str]
    present: frozenset[str] = frozenset()  # the literals of the patterns that occur in `norm`
    # for each of them, a bitmask of the sentences where it occurs (None: not known, scan the whole text)
    parts: dict[str, int] | None = None
    found: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # per pattern tuple: its patterns that may match somewhere, each with its sentence bitmask (`_live_in`)
    live_in: dict[int, tuple[Sequence[Rx], list[tuple[Rx, int]]]] = field(default_factory=dict)
    scored: dict[tuple[int, int], tuple[float, ...]] = field(default_factory=dict)  # learned: per model, sentence
    _complaint_norm: str | None = None

    @property
    def complaint_norm(self) -> str:
        """The complaint normalised like the reply (Chinese when it holds Chinese), computed once."""
        if self._complaint_norm is None:
            self._complaint_norm = normalise(self.complaint or "", "")
        return self._complaint_norm


def _same_sentence(state: _State, pos: int, patterns: Sequence[Rx]) -> bool:
    if not patterns:
        return False
    i = _sentence_index(state, pos)
    if i is None:
        return _any(patterns, state.norm)
    s = state.sents[i]
    return _any_in(patterns, state, i, state.norm[s.start : s.end])


def _sentence_index(st: _State, pos: int) -> int | None:
    for i, s in enumerate(st.sents):
        if s.start <= pos < s.end:
            return i
    return None


# per pattern tuple of a check: (the tuple, the union of its patterns' first requirements, for each
# literal of that union a bitmask of the positions of the patterns requiring it, the bitmask of the
# patterns without a prefilter); built once per tuple (the checks live as long as their compiled playbook)
_LiveIndex = tuple[Sequence[Rx], frozenset[str], dict[str, int], int]
_LIVE_INDEX: dict[int, _LiveIndex] = {}


def _live_index(patterns: Sequence[Rx]) -> _LiveIndex:
    by_lit: dict[str, int] = {}
    always = 0
    for i, p in enumerate(patterns):
        if p.need is None:
            always |= 1 << i
        else:
            for lit in p.need:
                by_lit[lit] = by_lit.get(lit, 0) | 1 << i
    entry = (patterns, frozenset(by_lit), by_lit, always)
    _LIVE_INDEX[id(patterns)] = entry
    return entry


def _live(patterns: Sequence[Rx], present: frozenset[str]) -> list[Rx]:
    """The patterns that may match a text holding the literals `present` (the others cannot), in order."""
    if not isinstance(patterns, tuple):
        return [p for p in patterns if p.need is None or p.live(present)]
    entry = _LIVE_INDEX.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        entry = _live_index(patterns)
    _, lits, by_lit, mask = entry
    for lit in lits.intersection(present):
        mask |= by_lit[lit]
    out = []
    while mask:
        bit = mask & -mask
        mask ^= bit
        p = patterns[bit.bit_length() - 1]
        for need in p.needs:  # every further requirement must be met too
            if need.isdisjoint(present):
                break
        else:
            out.append(p)
    return out


def _present(patterns: Sequence[Rx], text: str) -> frozenset[str] | None:
    """The literals of the language's patterns that occur in `text` (None: patterns without an index)."""
    index = patterns[0].index if patterns else None
    return index.present(text) if index is not None else None


def _any(patterns: Sequence[Rx], text: str) -> bool:
    """Whether any of `patterns` matches in `text` (the literal index is consulted once)."""
    if not patterns:
        return False
    present = _present(patterns, text)
    if present is None:
        return any(p.search(text) for p in patterns)
    return any(p.rx.search(text) for p in _live(patterns, present))


def _matches(patterns: Sequence[Rx], text: str) -> Iterator[re.Match[str]]:
    """Every match of every pattern in `text`, pattern by pattern (the literal index is consulted once)."""
    present = _present(patterns, text)
    for p in patterns if present is None else _live(patterns, present):
        yield from p.rx.finditer(text)


def _sentence_mask(p: Rx, st: _State) -> int:
    """A bitmask of the sentences holding all the literals `p` needs (-1: unknown, every sentence)."""
    parts = st.parts
    if p.need is None or parts is None:
        return -1
    mask = 0
    for lit in p.need.intersection(st.present):
        mask |= parts[lit]
    for need in p.needs:
        if not mask:
            return 0
        also = 0
        for lit in need.intersection(st.present):
            also |= parts[lit]
        mask &= also
    return mask


def _live_in(patterns: Sequence[Rx], st: _State) -> list[tuple[Rx, int]]:
    """The patterns that may match somewhere in the reply, each with its sentence bitmask (once a reply)."""
    entry = st.live_in.get(id(patterns))
    if entry is not None and entry[0] is patterns:
        return entry[1]
    live = [(p, m) for p in _live(patterns, st.present) if (m := _sentence_mask(p, st))]
    st.live_in[id(patterns)] = (patterns, live)
    return live


def _any_in(patterns: Sequence[Rx], st: _State, i: int, text: str) -> bool:
    """`_any(patterns, text)` for `text`, the i-th sentence of the reply (its literals are known)."""
    if not patterns:
        return False
    return any(p.rx.search(text) for p, m in _live_in(patterns, st) if m >> i & 1)


def _matches_in(patterns: Sequence[Rx], st: _State, i: int, text: str) -> Iterator[re.Match[str]]:
    """`_matches(patterns, text)` for `text`, the i-th sentence of the reply."""
    for p, m in _live_in(patterns, st):
        if m >> i & 1:
            yield from p.rx.finditer(text)


def _in_sentences(p: Rx, st: _State) -> Iterator[re.Match[str]]:
    """The matches of `p` in the reply, sentence by sentence, in the sentences holding its literals.

    Rule patterns match within a sentence: a pattern whose required literals are not all in a
    sentence is not run on it (one without literals runs on the whole reply).
    """
    mask = _sentence_mask(p, st)
    if mask == -1:
        yield from p.rx.finditer(st.norm)
        return
    sents, norm, finditer = st.sents, st.norm, p.rx.finditer
    while mask:
        bit = mask & -mask
        mask ^= bit
        s = sents[bit.bit_length() - 1]
        yield from finditer(norm, s.start, s.end)


def _phrase(c: _Check, st: _State) -> list[tuple[int, int]]:
    hits = []
    for p in _live(c.patterns, st.present):
        for m in _in_sentences(p, st):
            if m.end() > m.start() and not _same_sentence(st, m.start(), c.unless):
                hits.append((m.start(), m.end()))
    return sorted(hits)


def _weighted(c: _Check, st: _State) -> list[tuple[int, int]]:
    per_class: dict[str, float] = {}
    spans: list[tuple[int, int]] = []
    total = 0.0
    for cue in c.cues:
        for p in _live(cue.patterns, st.present):
            for m in _in_sentences(p, st):
                if m.end() == m.start() or _same_sentence(st, m.start(), c.unless):
                    continue
                w = cue.weight
                if cue.cls and cue.cls in c.class_max:
                    room = c.class_max[cue.cls] - per_class.get(cue.cls, 0.0)
                    w = max(0.0, min(w, room)) if w > 0 else w
                    per_class[cue.cls] = per_class.get(cue.cls, 0.0) + w
                total += w
                if w > 0:
                    spans.append((m.start(), m.end()))
    if not spans:
        return []
    threshold = c.threshold
    if (
        c.low_specificity_threshold is not None
        and st.complaint
        and specificity(st.norm, st.complaint_norm, st.stop) < c.min_overlap
    ):
        threshold = min(threshold, c.low_specificity_threshold)
    if total < threshold:
        return []
    spans.sort()
    return [(spans[0][0], max(e for _, e in spans))]


def _opening(c: _Check, st: _State) -> list[tuple[int, int]]:
    counted = 0
    for i, s in enumerate(st.sents):
        text = st.norm[s.start : s.end]
        if _any_in(c.skip_sentences, st, i, text) and not _any_in(c.patterns, st, i, text):
            continue
        counted += 1
        if counted > c.window:
            break
        lead = len(text) - len(text.lstrip())
        for p, mask in _live_in(c.patterns, st):
            if not mask >> i & 1:
                continue
            m = p.rx.search(text)
            if m and m.start() - lead <= c.max_offset:
                pos = s.start + m.start()
                if _any(c.before_none_of, st.norm[:pos]):
                    return []
                return [(pos, s.end)]
        if _any_in(c.before_none_of, st, i, text):
            return []
    return []


def _absence(c: _Check, st: _State) -> list[tuple[int, int]]:
    if any(_clause_holds(cl, st.facts) for cl in c.skip_when):
        return []
    pending = _any(c.pending, st.norm)
    if not pending and _any(c.exempt, st.norm):
        return []
    for clause in c.exempt_when if not pending else ():
        ok = True
        if clause["analysis"]:
            ok = _clause_holds(clause["analysis"], st.facts)
        if ok and "complaint" in clause:
            ok = bool(st.complaint) and _any(clause["complaint"], st.complaint_norm)
        if ok and "reply" in clause:
            ok = _any(clause["reply"], st.norm)
        if ok:
            return []
    blocked = [span for rule in c.ignore_inside for span in st.found.get(rule, [])]

    def vetoed(name: str, pos: int) -> bool:
        if name not in c.veto:
            return False
        when, unless = c.veto[name]
        i = _sentence_index(st, pos)
        if i is None:
            return _any(when, st.norm) and not _any(unless, st.norm)
        s = st.sents[i]
        text = st.norm[s.start : s.end]
        return _any_in(when, st, i, text) and not _any_in(unless, st, i, text)

    def present(name: str, patterns: Sequence[Rx]) -> bool:
        for p in _live(patterns, st.present):
            for m in p.rx.finditer(st.norm):
                if not any(b0 <= m.start() < b1 for b0, b1 in blocked) and not vetoed(name, m.start()):
                    return True
        return False

    require = dict(c.require)
    if c.rule == "no_contact" and st.context and st.context.handler_name:
        name = st.context.handler_name.strip()
        if name and name in st.reply:
            require.pop("name", None)
    if all(present(name, pats) for name, pats in require.items()):
        return []
    for p in c.point_to:
        m = p.search(st.norm)
        if m:
            return [(m.start(), m.end())]
    if not st.sents:
        return [(0, len(st.reply))]
    if c.where == "start":
        return [(st.sents[0].start, st.sents[0].end)]
    if c.where == "end":
        return [(st.sents[-1].start, st.sents[-1].end)]
    return [(0, len(st.reply))]


def _remedy(c: _Check, st: _State) -> list[tuple[int, int]]:
    ctx = st.context
    limit: float | None = None
    if ctx is not None and ctx.approved_remedy is not None:
        limit = ctx.approved_remedy
    elif ctx is not None and ctx.remedy_limit is not None:
        limit = ctx.remedy_limit
    elif c.default_limit is not None:
        limit = c.default_limit
    if limit is None:
        return []
    hits = []
    for p in c.patterns:
        for m in p.finditer(st.norm):
            if _same_sentence(st, m.start(), c.approval) and (ctx is None or ctx.approved_remedy is None):
                continue
            value = _amount(m.group("amount") if "amount" in p.groupindex else m.group(0))
            if value is not None and value > limit + 1e-9:
                hits.append((m.start(), m.end()))
    return hits


def _count_items(c: _Check, separators: re.Pattern[str], text: str, need: tuple[Rx, ...] = ()) -> int:
    items = [it for it in separators.split(text) if it and len(it.strip()) >= c.min_item_chars]
    return sum(1 for it in items if not _any(c.skip_items, it) and (not need or _any(need, it)))


def _cause_run(c: _Check, st: _State) -> list[tuple[int, int]]:
    """`sentences_min` sentences in a row, each giving a cause or circumstance (and owning nothing)."""
    run: list[Sentence] = []
    for i, s in enumerate(st.sents):
        text = st.norm[s.start : s.end]
        causal = _any_in(c.triggers, st, i, text) and not _any_in(c.unless, st, i, text)
        if causal and not _any_in(c.skip_items, st, i, text):
            run.append(s)
            if len(run) >= c.sentences_min:
                return [(run[0].start, run[-1].end)]
        else:
            run = []
    return []


def _enumeration(c: _Check, st: _State) -> list[tuple[int, int]]:
    """A sentence with a cause (trigger) that goes on to list `min_items` or more circumstances."""
    if c.separators is None:
        return []
    if c.sentences_min:
        found = _cause_run(c, st)
        if found:
            return found
    for i, s in enumerate(st.sents):
        text = st.norm[s.start : s.end]
        if not _any_in(c.triggers, st, i, text):
            continue
        if _any_in(c.unless, st, i, text):
            continue
        if c.item_verbs:
            first = min(m.start() for m in _matches_in(c.triggers, st, i, text))
            whole = _count_items(c, c.separators, text, c.item_verbs)
            n = max(whole, _count_items(c, c.separators, text[first:]))
        else:
            n = _count_items(c, c.separators, text)
        if n >= c.min_items:
            return [(s.start, s.end)]
        if c.clause_separators is not None and c.markers:
            clauses = [x for x in c.clause_separators.split(text) if len(x.strip()) >= c.min_item_chars]
            marked = [x for x in clauses if _any(c.markers, x)]
            if len(marked) >= c.min_items and not any(_any(c.skip_items, x) for x in marked):
                return [(s.start, s.end)]
        if c.clause_separators is not None and c.conclusion:
            # "because A, B, and C, so ...": the clauses between the cause and the conclusion
            starts = [m.start() for m in _matches_in(c.triggers, st, i, text)]
            ends = [m.start() for m in _matches_in(c.conclusion, st, i, text)]
            first = min(starts)
            after = [e for e in ends if e > first]
            if after:
                segment = text[first : min(after)]
                marked_ok = not c.markers or _any(c.markers, segment)
                if marked_ok and _count_items(c, c.clause_separators, segment) >= c.min_items:
                    return [(s.start, s.end)]
    return []


def _pairing(c: _Check, st: _State) -> list[tuple[int, int]]:
    """A subject and, after it in the same sentence, a predicate: "you ... should have", "另一位客户 ... 电话"."""
    predicates = _live_in(c.predicates, st)
    if not predicates:
        return []
    for i, s in enumerate(st.sents):
        # a predicate whose literals are not in the sentence cannot be in any window of it
        preds = [p.rx for p, mask in predicates if mask >> i & 1]
        if not preds:
            continue
        text = st.norm[s.start : s.end]
        subj = [m for m in _matches_in(c.subjects, st, i, text) if m.end() > m.start()]
        if not subj or _any_in(c.unless, st, i, text):
            continue
        for m in sorted(subj, key=lambda m: m.start()):
            window = text[m.end() : m.end() + c.gap + 1]
            for rx in preds:
                q = rx.search(window)
                if q is None:
                    continue
                if c.stop is not None and c.stop.search(window[: q.start()]):
                    continue
                return [(s.start + m.start(), s.start + m.end() + q.end())]
    return []


def _learned(c: _Check, st: _State) -> list[tuple[int, int]]:
    """A sentence the trained scorer rates at or above `threshold` for its head (see `_learned`)."""
    if c.model is None:
        return []
    k = c.model.heads.index(c.head)
    for i, s in enumerate(st.sents):
        text = st.norm[s.start : s.end]
        if len(text.strip()) < c.min_item_chars:
            continue
        # `unless` (e.g. owning the fault) counts in the sentence and in the one after it
        context = st.norm[s.start : st.sents[i + 1].end] if i + 1 < len(st.sents) else text
        key = (id(c.model), s.start)
        if key not in st.scored:  # every sentence of the reply in one vectorised pass
            all_scores = c.model.scores_many([st.norm[x.start : x.end] for x in st.sents])
            st.scored.update(((id(c.model), x.start), sc) for x, sc in zip(st.sents, all_scores, strict=True))
        if st.scored[key][k] >= c.threshold and not _any(c.unless, context):
            lead = len(text) - len(text.lstrip())
            return [(s.start + lead, s.start + len(text.rstrip()))]
    return []


_KINDS = {
    "learned": _learned,
    "pairing": _pairing,
    "enumeration": _enumeration,
    "phrase": _phrase,
    "weighted": _weighted,
    "opening": _opening,
    "absence": _absence,
    "remedy": _remedy,
}


# ---------------------------------------------------------------- public API


def coach(
    reply: str,
    *,
    complaint: str | None = None,
    lang: str | None = None,
    analysis: Analysis | None = None,
    context: CoachContext | None = None,
    playbook: Playbook | None = None,
) -> CoachResult:
    """Check `reply` against the 11 coach rules; each violation carries its principle and span in `reply`."""
    language = lang or (analysis.language if analysis else None) or detect_language(reply or complaint or "")
    pb = playbook or load_playbook()
    compiled = compile_checks(pb, language)
    norm = normalise(reply, language)
    st = _State(reply, norm, sentences(norm), complaint, _facts(analysis), context, compiled.stop_tokens)
    if st.sents:
        st.parts = compiled.index.parts_of(norm, [s.start for s in st.sents])
    st.present = compiled.index.present(norm)
    for check in compiled.checks:
        if check.rule in st.found:
            continue
        spans = _KINDS[check.kind](check, st)
        if spans:
            st.found[check.rule] = spans
    violations = []
    for rule in COACH_RULES:
        if rule in st.found:
            start, end = st.found[rule][0]
            t = compiled.texts[rule]
            violations.append(
                Violation(rule, t["message"], t["principle"], t["suggestion"], (start, end), reply[start:end])
            )
    return CoachResult(language, tuple(violations))
