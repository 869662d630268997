"""Learning from outcomes: which plan steps and approaches go with better satisfaction.

Pure aggregation over records the caller stores; no model, no I/O. The figures are associations,
not causal effects: a step used mostly on hard cases can look worse than it is, so the report
also gives counts, and steps seen fewer than `min_count` times are not ranked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any


@dataclass(frozen=True, slots=True)
class OutcomeRecord:
    steps_used: Sequence[str]  # plan step ids the handler marked as used
    draft_used: bool  # whether the system's draft was sent (possibly edited)
    satisfaction: float  # survey score, any scale (e.g. 1-5)
    approach: str | None = None  # optional label, e.g. the tone or a team's script name


@dataclass(frozen=True, slots=True)
class Effect:
    key: str
    n_with: int
    mean_with: float
    n_without: int
    mean_without: float | None

    @property
    def lift(self) -> float | None:
        return None if self.mean_without is None else self.mean_with - self.mean_without

    def to_dict(self) -> dict[str, Any]:
        lift = self.lift
        return {
            "key": self.key,
            "n_with": self.n_with,
            "mean_with": round(self.mean_with, 3),
            "n_without": self.n_without,
            "mean_without": None if self.mean_without is None else round(self.mean_without, 3),
            "lift": None if lift is None else round(lift, 3),
        }


@dataclass(frozen=True, slots=True)
class OutcomeReport:
    n: int
    mean: float | None
    steps: tuple[Effect, ...] = ()
    draft: Effect | None = None
    approaches: tuple[Effect, ...] = ()
    rare_steps: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "mean": None if self.mean is None else round(self.mean, 3),
            "steps": [e.to_dict() for e in self.steps],
            "draft": None if self.draft is None else self.draft.to_dict(),
            "approaches": [e.to_dict() for e in self.approaches],
            "rare_steps": list(self.rare_steps),
        }


def _effect(key: str, flags: list[bool], scores: list[float]) -> Effect | None:
    with_ = [s for f, s in zip(flags, scores, strict=True) if f]
    without = [s for f, s in zip(flags, scores, strict=True) if not f]
    if not with_:
        return None
    return Effect(key, len(with_), fmean(with_), len(without), fmean(without) if without else None)


def learn_from_outcomes(records: Iterable[OutcomeRecord], *, min_count: int = 3) -> OutcomeReport:
    """Mean satisfaction with and without each step, the draft, and each approach; best lift first."""
    rows = list(records)
    if not rows:
        return OutcomeReport(0, None)
    scores = [float(r.satisfaction) for r in rows]
    step_ids = sorted({s for r in rows for s in r.steps_used})
    steps: list[Effect] = []
    rare: list[str] = []
    for sid in step_ids:
        e = _effect(sid, [sid in r.steps_used for r in rows], scores)
        if e is None:
            continue
        if e.n_with < min_count:
            rare.append(sid)
        else:
            steps.append(e)
    steps.sort(key=lambda e: (-(e.lift if e.lift is not None else float("-inf")), e.key))
    draft = _effect("draft_used", [r.draft_used for r in rows], scores)
    approaches = []
    for a in sorted({r.approach for r in rows if r.approach}):
        e = _effect(a, [r.approach == a for r in rows], scores)
        if e is not None and e.n_with >= min_count:
            approaches.append(e)
    approaches.sort(key=lambda e: -e.mean_with)
    return OutcomeReport(len(rows), fmean(scores), tuple(steps), draft, tuple(approaches), tuple(rare))
