"""The playbook applied to a stored complaint: plan, reply coach, draft, and learning from outcomes.

Everything here reads the complaint's stored analysis (rebuilt as an `Analysis`), the customer's
record (VIP, earlier complaints, doubtful claims), the handler (name, direct line, remedy limit),
the open commitment and the organisation's settings, and hands them to `complaintdesk.playbook`.
The web pages call these through services/web_advice.py; the API through routes_complaints.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from ..adapters.db.tables import Clock, Commitment, Complaint, Organisation, PlaybookUse, Remedy, Survey, User
from ..analysis.result import Analysis
from ..domain.errors import InvalidInput
from ..playbook import (
    NEUTRAL_LABELS,
    CoachContext,
    DraftContext,
    OutcomeRecord,
    PlanContext,
    coach,
    detect_language,
    draft_reply,
    learn_from_outcomes,
    load_playbook,
    make_plan,
)
from ..playbook.llm import LlmConfig, llm_draft
from .actors import Actor
from .uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Situation:
    """What the playbook needs to know about one complaint, gathered from the records."""

    analysis: Analysis
    prior_complaints: int
    repeat_matter: bool
    doubtful_claims: int
    vip: bool
    remedy_limit: float | None
    currency: str
    handler_name: str
    contact: str
    commit_by: datetime  # local time of the organisation
    approved_remedy: float | None
    customer_name: str | None
    reference: str

    def plan_context(self) -> PlanContext:
        return PlanContext(
            prior_complaints=self.prior_complaints,
            repeat_matter=self.repeat_matter,
            doubtful_claims=self.doubtful_claims,
            vip=self.vip,
            remedy_limit=self.remedy_limit,
            currency=self.currency,
            handler_name=self.handler_name,
            contact=self.contact,
            commit_by=self.commit_by,
        )

    def coach_context(self) -> CoachContext:
        return CoachContext(
            approved_remedy=self.approved_remedy,
            remedy_limit=self.remedy_limit,
            currency=self.currency or None,
            handler_name=self.handler_name or None,
        )

    def draft_context(self) -> DraftContext:
        return DraftContext(
            handler_name=self.handler_name,
            contact=self.contact,
            commit_by=self.commit_by,
            customer_name=self.customer_name,
            approved_remedy=self.approved_remedy,
            currency=self.currency,
            reference=self.reference,
            remedy_limit=self.remedy_limit,
        )


def analysis_of(complaint: Complaint) -> Analysis:
    """The stored analysis as an `Analysis` (neutral labels for anything missing, e.g. before analysis)."""
    stored = dict(complaint.analysis or {})
    data = {**NEUTRAL_LABELS, **{k: v for k, v in stored.items() if v is not None}}
    if data.get("language") not in ("zh-Hans", "zh-Hant", "en"):
        data["language"] = complaint.language if complaint.language in ("zh-Hans", "zh-Hant", "en") else None
    if not data.get("language"):
        data["language"] = detect_language(complaint.text or "")
    try:
        return Analysis.from_dict(data)
    except (KeyError, TypeError, ValueError):
        clean = {**NEUTRAL_LABELS, "language": data["language"], "amounts": []}
        return Analysis.from_dict(clean)


def _session(complaint: Complaint) -> Session | None:
    return object_session(complaint)


def _org(session: Session | None) -> Organisation | None:
    if session is None:
        return None
    return session.scalars(select(Organisation).limit(1)).first()


def _float(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


def _handler(actor: Actor | None, complaint: Complaint) -> User | None:
    if actor is not None and actor.user is not None:
        return actor.user
    return complaint.assignee


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _local(moment: datetime, tz: str | None) -> datetime:
    try:
        zone = ZoneInfo(tz or "UTC")
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    return _aware(moment).astimezone(zone)


def _default_commitment(now: datetime) -> datetime:
    """Without a promise on record: 5 pm on the next working day."""
    day = now + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.replace(hour=17, minute=0, second=0, microsecond=0)


def situation(complaint: Complaint, actor: Actor | None = None, commitment_due: datetime | None = None) -> Situation:
    """Gather what the playbook needs about `complaint` from the database (works on a detached record too)."""
    session = _session(complaint)
    org = _org(session)
    user = _handler(actor, complaint)
    customer = complaint.customer
    prior = 0
    approved: float | None = None
    due = commitment_due
    if session is not None and complaint.id is not None:
        prior = int(
            session.scalar(
                select(func.count(Complaint.id)).where(
                    Complaint.customer_id == complaint.customer_id,
                    Complaint.id != complaint.id,
                    Complaint.created_at < complaint.created_at,
                )
            )
            or 0
        )
        granted = session.scalars(
            select(Remedy.value).where(Remedy.complaint_id == complaint.id, Remedy.state.in_(("approved", "paid")))
        ).all()
        if granted:
            approved = float(sum(granted, Decimal(0)))
        if due is None:
            due = session.scalars(
                select(Commitment.due_at)
                .where(Commitment.complaint_id == complaint.id, Commitment.state == "open")
                .order_by(Commitment.due_at)
            ).first()
        if due is None:
            due = session.scalars(
                select(Clock.due_at)
                .where(
                    Clock.complaint_id == complaint.id,
                    Clock.met_at.is_(None),
                    Clock.cancelled_at.is_(None),
                    Clock.kind.in_(("first_response", "progress_update", "commitment")),
                )
                .order_by(Clock.due_at)
            ).first()
    tz = org.timezone if org is not None else "UTC"
    if due is None:
        due = _default_commitment(_local(datetime.now(UTC), tz))
    limit = None
    if user is not None and user.remedy_limit is not None:
        limit = _float(user.remedy_limit)
    elif org is not None:
        limit = _float(org.remedy_limit)
    handler_name = ""
    contact = ""
    if user is not None:
        handler_name = user.display_name or user.username
        contact = user.phone or user.email or ""
    return Situation(
        analysis=analysis_of(complaint),
        prior_complaints=prior,
        repeat_matter=bool(complaint.is_repeat),
        doubtful_claims=int(customer.doubtful_claims or 0) if customer is not None else 0,
        vip=bool(customer.vip) if customer is not None else False,
        remedy_limit=limit,
        currency=org.default_currency if org is not None else "",
        handler_name=handler_name,
        contact=contact,
        commit_by=_local(due, tz),
        approved_remedy=approved,
        customer_name=customer.name if customer is not None and customer.name else None,
        reference=complaint.tracking_number,
    )


# ---------------------------------------------------------------- what the pages and the API call


def plan_for(complaint: Complaint, actor: Actor | None = None) -> dict[str, Any]:
    """The handling plan: {"language", "tone", "needs_senior", "needs_approval", "steps": [...]}."""
    s = situation(complaint, actor)
    plan = make_plan(s.analysis, s.plan_context())
    return plan.to_dict()


def coach_for(complaint: Complaint, reply: str, actor: Actor | None = None) -> dict[str, Any]:
    """The coach's verdict on a reply to this complaint: {"ok", "language", "violations": [...]}."""
    s = situation(complaint, actor)
    result = coach(
        reply,
        complaint=complaint.text,
        lang=s.analysis.language,
        analysis=s.analysis,
        context=s.coach_context(),
    )
    return result.to_dict()


def draft_id(text: str) -> str:
    """A short fingerprint of a draft: sent back with a reply to record that the draft was used."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def draft_for(
    complaint: Complaint, actor: Actor | None = None, commitment_due: datetime | None = None
) -> dict[str, Any]:
    """A first reply in the complaint's language and tone, checked by the coach.

    {"draft_id", "language", "tone", "text", "blocks", "ok", "violations", "commit_by", "source", "note"};
    "source" is "llm" when a configured language model wrote it (and it passed the coach), else "template".
    """
    s = situation(complaint, actor, commitment_due)
    config = LlmConfig.from_env()
    if config is not None:  # optional, off by default: the model's text is used only if it passes the coach
        written = llm_draft(s.analysis, s.draft_context(), complaint.text, config=config)
        out = written.to_dict()
        text = written.draft.text
    else:
        draft = draft_reply(s.analysis, s.draft_context(), complaint=complaint.text)
        out = {**draft.to_dict(), "source": "template", "note": ""}
        text = draft.text
    out["draft_id"] = draft_id(text)
    out["commit_by"] = s.commit_by.isoformat()
    return out


# ---------------------------------------------------------------- learning from outcomes


def _known_steps() -> set[str]:
    return {str(step["id"]) for step in load_playbook().plan.get("steps", [])}


def record_use(
    uow: UnitOfWork,
    complaint: Complaint,
    actor: Actor,
    step_ids: Iterable[str] = (),
    *,
    draft_used: bool = False,
) -> PlaybookUse | None:
    """Record that plan steps were carried out and/or a draft was sent (the caller commits).

    Unknown step ids are refused, so the reports only ever count real steps. Nothing is recorded
    when there is nothing to record.
    """
    steps = list(dict.fromkeys(str(s) for s in step_ids))
    unknown = sorted(set(steps) - _known_steps())
    if unknown:
        raise InvalidInput(f"plan_steps: unknown step ids {', '.join(unknown)}")
    if not steps and not draft_used:
        return None
    use = PlaybookUse(
        complaint_id=complaint.id,
        step_ids=steps,
        draft_used=bool(draft_used),
        user_id=actor.id,
        created_at=uow.now(),
    )
    uow.session.add(use)
    return use


def uses_of(uow: UnitOfWork, complaint: Complaint) -> dict[str, Any]:
    """The plan steps marked done and whether a draft was sent, for one complaint."""
    rows = uow.session.scalars(
        select(PlaybookUse).where(PlaybookUse.complaint_id == complaint.id).order_by(PlaybookUse.id)
    ).all()
    steps: list[str] = []
    for r in rows:
        steps.extend(s for s in r.step_ids or [] if s not in steps)
    return {"steps_done": steps, "draft_used": any(r.draft_used for r in rows), "records": len(rows)}


def outcome_records(uow: UnitOfWork, since: datetime | None = None) -> list[OutcomeRecord]:
    """One record per complaint with a satisfaction score: the steps and drafts used, the latest score,
    and the tone the analysis called for (the "approach")."""
    surveys = select(Survey).order_by(Survey.complaint_id, Survey.created_at, Survey.id)
    if since is not None:
        surveys = surveys.where(Survey.created_at >= since)
    latest: dict[int, Survey] = {}
    for sv in uow.session.scalars(surveys):
        prev = latest.get(sv.complaint_id)
        # a customer's own answer counts over a staff-recorded follow-up of the same complaint
        if prev is None or sv.source == "customer" or prev.source != "customer":
            latest[sv.complaint_id] = sv
    if not latest:
        return []
    ids = list(latest)
    steps: dict[int, list[str]] = {i: [] for i in ids}
    drafts: dict[int, bool] = dict.fromkeys(ids, False)
    for use in uow.session.scalars(select(PlaybookUse).where(PlaybookUse.complaint_id.in_(ids))):
        steps[use.complaint_id].extend(s for s in use.step_ids or [] if s not in steps[use.complaint_id])
        drafts[use.complaint_id] = drafts[use.complaint_id] or bool(use.draft_used)
    temperaments: dict[int, Any] = dict(
        uow.session.execute(select(Complaint.id, Complaint.analysis).where(Complaint.id.in_(ids))).all()
    )
    out = []
    for cid in ids:
        analysis = temperaments.get(cid) or {}
        approach = analysis.get("temperament") if isinstance(analysis, dict) else None
        out.append(OutcomeRecord(tuple(steps[cid]), drafts[cid], float(latest[cid].score), approach))
    return out


def outcomes_report(uow: UnitOfWork, *, since: datetime | None = None, min_count: int = 3) -> dict[str, Any]:
    """Mean satisfaction with and without each plan step, the draft and each tone (see playbook/outcomes.py)."""
    return learn_from_outcomes(outcome_records(uow, since), min_count=min_count).to_dict()
