"""The handling plan: ordered steps chosen from the analysis and the customer's record.

Which steps apply, and in which phase, is data (`data/plan.yaml`); the texts and suggested words
are per language (`data/<lang>/plan.yaml`), and each step cites its principle and source
(`data/<lang>/principles.yaml`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..analysis.result import Analysis
from ._data import Playbook, load_playbook
from ._text import format_when

#: the labels a plan or a draft assumes for a head the analysis did not give (nothing alarming, nothing urgent)
NEUTRAL_LABELS: dict[str, Any] = {
    "nature": "help_seeking",
    "category": "service_quality",
    "emotion": "calm",
    "motives": [],
    "temperament": "phlegmatic",
    "risks": [],
    "amounts": [],
    "priority": "P3",
}


@dataclass(frozen=True, slots=True)
class PlanContext:
    """What the organisation knows about the customer and the handler."""

    prior_complaints: int = 0
    repeat_matter: bool = False
    doubtful_claims: int = 0  # earlier claims judged doubtful
    vip: bool = False
    remedy_limit: float | None = None  # what this handler may grant alone
    currency: str = ""
    handler_name: str = ""
    contact: str = ""  # the handler's direct line or e-mail
    commit_by: datetime | None = None  # the open commitment (or next deadline), local time


@dataclass(frozen=True, slots=True)
class PlanStep:
    id: str
    phase: str
    do: str
    say: tuple[str, ...]
    principle: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "phase": self.phase,
            "do": self.do,
            "say": list(self.say),
            "principle": self.principle,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Plan:
    language: str
    tone: str
    steps: tuple[PlanStep, ...]
    needs_senior: bool = False
    needs_approval: bool = False
    facts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def step_ids(self) -> list[str]:
        return [s.id for s in self.steps]

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "tone": self.tone,
            "needs_senior": self.needs_senior,
            "needs_approval": self.needs_approval,
            "steps": [s.to_dict() for s in self.steps],
        }


def plan_facts(analysis: Analysis, context: PlanContext) -> dict[str, set[str]]:
    """The facts that step conditions test (see data/plan.yaml)."""
    ctx: set[str] = set()
    if context.vip:
        ctx.add("vip")
    if context.repeat_matter or context.prior_complaints > 0:
        ctx.add("repeat")
    if context.doubtful_claims > 0:
        ctx.add("doubtful_claims")
    if analysis.amounts:
        ctx.add("amount")
        if context.remedy_limit is not None and max(a.value for a in analysis.amounts) > context.remedy_limit:
            ctx.add("over_limit")
    return {
        "nature": {analysis.nature},
        "category": {analysis.category},
        "emotion": {analysis.emotion},
        "temperament": {analysis.temperament},
        "motives": set(analysis.motives),
        "primary_motive": set(analysis.motives[:1]),
        "risks": set(analysis.risks),
        "priority": {analysis.priority},
        "language": {analysis.language},
        "context": ctx,
    }


def holds(clause: Mapping[str, Any], facts: Mapping[str, set[str]]) -> bool:
    for key, allowed in clause.items():
        values = allowed if isinstance(allowed, list) else [allowed]
        if not facts.get(key, set()) & {str(v) for v in values}:
            return False
    return True


def _applies(step: Mapping[str, Any], facts: Mapping[str, set[str]]) -> bool:
    when = step.get("when")
    if when and not any(holds(c, facts) for c in when):
        return False
    return not any(holds(c, facts) for c in step.get("unless") or [])


def make_plan(analysis: Analysis, context: PlanContext | None = None, *, playbook: Playbook | None = None) -> Plan:
    """An ordered handling plan for one analysed complaint, in the complaint's language."""
    pb = playbook or load_playbook()
    ctx = context or PlanContext()
    language = analysis.language if analysis.language in pb.langs else "en"
    texts = pb.lang(language)["plan"]
    facts = plan_facts(analysis, ctx)
    phases: dict[str, int] = pb.plan.get("phases", {})
    chosen = [s for s in pb.plan.get("steps", []) if _applies(s, facts)]
    chosen.sort(key=lambda s: phases.get(s["phase"], 99))  # stable: file order within a phase
    limit = "" if ctx.remedy_limit is None else f"{ctx.remedy_limit:g}"
    date = format_when(ctx.commit_by, pb.lang(language)["draft"]) if ctx.commit_by else "…"
    fill = {
        "handler": ctx.handler_name or "…",
        "contact": ctx.contact or "…",
        "limit": limit or "…",
        "currency": ctx.currency,
        "date": date,
    }
    steps = []
    for s in chosen:
        t = texts["steps"][s["id"]]
        p = pb.principle(language, s["principle"])
        steps.append(
            PlanStep(
                id=s["id"],
                phase=s["phase"],
                do=_fill(str(t.get("do", "")), fill),
                say=tuple(_fill(str(w), fill) for w in t.get("say") or []),
                principle=p["text"],
                source=p["source"],
            )
        )
    ids = {s.id for s in steps}
    return Plan(
        language=language,
        tone=str(texts.get("tones", {}).get(analysis.temperament, "")),
        steps=tuple(steps),
        needs_senior="senior_handler" in ids or "repeat_escalate" in ids,
        needs_approval="investigate_large_amount" in ids,
        facts={k: tuple(sorted(v)) for k, v in facts.items()},
    )


class _Default(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, values: Mapping[str, str]) -> str:
    return text.format_map(_Default(values))
