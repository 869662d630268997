"""First-reply drafts in the complaint's language and the tone the analysis calls for.

Blocks and their order per temperament are data (`data/<lang>/draft.yaml`). Every draft is run
through the coach; `Draft.ok` tells whether it passed (the shipped data always does: tested).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..analysis.result import Analysis
from ._data import Playbook, load_playbook
from ._text import format_when
from .coach import CoachContext, CoachResult, coach


@dataclass(frozen=True, slots=True)
class DraftContext:
    handler_name: str
    contact: str  # direct phone line or email
    commit_by: datetime  # the promised time of the next reply (from the SLA clock)
    customer_name: str | None = None
    approved_remedy: float | None = None  # granted (within limit) or approved amount, to offer
    currency: str = ""
    reference: str | None = None
    remedy_limit: float | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    language: str
    tone: str
    text: str
    blocks: tuple[str, ...]
    check: CoachResult

    @property
    def ok(self) -> bool:
        return self.check.ok

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "tone": self.tone,
            "text": self.text,
            "blocks": list(self.blocks),
            "ok": self.ok,
            "violations": [v.to_dict() for v in self.check.violations],
        }


def _pick(block: Mapping[str, str], *keys: str) -> str | None:
    for k in keys:
        if k and k in block:
            return block[k]
    return block.get("default")


def check_draft(
    text: str, language: str, analysis: Analysis, context: DraftContext, complaint: str | None, pb: Playbook
) -> CoachResult:
    """The coach's verdict on a drafted reply, with what the draft knows of the remedy and the handler."""
    return coach(
        text,
        complaint=complaint,
        lang=language,
        analysis=analysis,
        context=CoachContext(
            approved_remedy=context.approved_remedy,
            remedy_limit=context.remedy_limit,
            currency=context.currency or None,
            handler_name=context.handler_name,
        ),
        playbook=pb,
    )


def draft_reply(
    analysis: Analysis, context: DraftContext, *, complaint: str | None = None, playbook: Playbook | None = None
) -> Draft:
    """A first reply for the analysed complaint, checked by the coach (against `complaint`, its text, if given)."""
    pb = playbook or load_playbook()
    language = analysis.language if analysis.language in pb.langs else "en"
    spec = pb.lang(language)["draft"]
    blocks: Mapping[str, Mapping[str, str]] = spec["blocks"]
    order: list[str] = spec["order"].get(analysis.temperament) or spec["order"]["phlegmatic"]
    risks = set(analysis.risks)
    wants_remedy = "compensation" in analysis.motives or "compensation_demand" in risks
    question = analysis.nature == "consultation" and analysis.emotion in ("calm", "confusion")
    values = {
        "customer": context.customer_name or "",
        "handler": context.handler_name,
        "contact": context.contact,
        "when": format_when(context.commit_by, spec),
        "amount": f"{context.approved_remedy:g}" if context.approved_remedy is not None else "",
        "currency": str((spec.get("currency_names") or {}).get(context.currency, context.currency)),
        "reference": context.reference or "",
    }
    used: list[str] = []
    parts: list[str] = []
    for name in order:
        block = blocks.get(name) or {}
        text: str | None
        if name == "greeting":
            text = _pick(block, "named" if context.customer_name else "anonymous")
        elif name == "acknowledge":
            text = _pick(block, "consultation" if question else analysis.emotion)
        elif name == "action":
            text = _pick(block, analysis.nature)
        elif name == "reference":
            text = _pick(block) if context.reference else None
        elif name == "safety":
            text = _pick(block) if "safety" in risks or analysis.category == "emergency" else None
        elif name == "remedy":
            if context.approved_remedy is not None:
                text = _pick(block, "approved")
            else:
                text = block.get("claim") if wants_remedy else None
        elif name == "risk":
            text = _pick(block) if risks & {"legal", "media", "regulator"} else None
        elif name == "collective":
            text = _pick(block) if "collective" in risks else None
        elif name == "closing":
            text = block.get(analysis.temperament)
        else:
            text = _pick(block)
        if text:
            used.append(name)
            parts.append(text.format(**values))
    joiner = " " if language == "en" else ""
    body = joiner.join(parts)
    check = check_draft(body, language, analysis, context, complaint, pb)
    tone = str(pb.lang(language)["plan"].get("tones", {}).get(analysis.temperament, ""))
    return Draft(language, tone, body, tuple(used), check)
