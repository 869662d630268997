"""Turning records into API responses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...adapters.db.tables import Clock, Complaint
from ...domain.status import Status, allowed_actions
from ...services.queries import ComplaintDetail
from .schemas import (
    AssistOut,
    AttachmentOut,
    ClockOut,
    CommitmentOut,
    ComplaintOut,
    ComplaintSummaryOut,
    EventOut,
    MessageOut,
    RemedyOut,
    SurveyOut,
)


def clock_state(clock: Clock, now: datetime) -> str:
    if clock.cancelled_at:
        return "cancelled"
    if clock.met_at:
        return "met_late" if clock.breached_at or clock.met_at > clock.due_at else "met"
    if clock.breached_at or clock.due_at <= now:
        return "breached"
    return "running"


def summary_out(complaint: Complaint, next_due: datetime | None = None) -> ComplaintSummaryOut:
    out = ComplaintSummaryOut.model_validate(complaint)
    out.risks = list((complaint.analysis or {}).get("risks", []))
    out.next_due_at = next_due
    return out


def detail_out(
    d: ComplaintDetail, now: datetime, *, summary: dict[str, Any] | None = None, plan: dict[str, Any] | None = None
) -> ComplaintOut:
    c = d.complaint
    out = ComplaintOut.model_validate(c)
    out.risks = list((c.analysis or {}).get("risks", []))
    out.allowed_actions = [a.value for a in allowed_actions(Status(c.status))]
    out.clocks = []
    for clock in d.clocks:
        item = ClockOut.model_validate(clock)
        item.state = clock_state(clock, now)
        out.clocks.append(item)
    pending = [cl.due_at for cl in d.clocks if cl.met_at is None and cl.cancelled_at is None]
    out.next_due_at = min(pending) if pending else None
    out.messages = [MessageOut.model_validate(m) for m in d.messages]
    out.events = [EventOut.model_validate(e) for e in d.events]
    out.commitments = [CommitmentOut.model_validate(x) for x in d.commitments]
    out.remedies = [RemedyOut.model_validate(x) for x in d.remedies]
    out.attachments = [AttachmentOut.model_validate(x) for x in d.attachments]
    out.surveys = [SurveyOut.model_validate(x) for x in d.surveys]
    out.teams = [AssistOut.model_validate(x) for x in d.teams]
    out.earlier_complaints = [summary_out(x) for x in d.earlier]
    repeat_of = next((x for x in d.earlier if x.id == c.repeat_of_id), None)
    out.repeat_of_tracking_number = repeat_of.tracking_number if repeat_of else None
    out.summary = summary
    out.plan = plan
    return out
