"""Starting, meeting and cancelling the SLA clocks of one complaint (the sweep is in sweep.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..adapters.db.tables import Clock, Complaint
from .loading import sla_policy
from .uow import UnitOfWork


def pending(uow: UnitOfWork, complaint: Complaint, kind: str | None = None) -> list[Clock]:
    query = select(Clock).where(
        Clock.complaint_id == complaint.id, Clock.met_at.is_(None), Clock.cancelled_at.is_(None)
    )
    if kind:
        query = query.where(Clock.kind == kind)
    return list(uow.session.scalars(query))


def meet(uow: UnitOfWork, complaint: Complaint, *kinds: str, regulatory_met_by: str | None = None) -> list[Clock]:
    """Mark the pending clocks of these kinds met now (a late answer still counts as met, after its breach)."""
    now = uow.now()
    policy = sla_policy(uow) if regulatory_met_by else None
    met: list[Clock] = []
    for clock in pending(uow, complaint):
        hit = clock.kind in kinds
        if clock.kind == "regulatory" and policy is not None:
            rule = next((d for d in policy.regulatory if d.name == clock.name), None)
            hit = rule is not None and (rule.met_by == regulatory_met_by or regulatory_met_by == "resolve")
        if hit:
            clock.met_at = now
            met.append(clock)
    return met


def cancel(uow: UnitOfWork, complaint: Complaint, *kinds: str) -> None:
    now = uow.now()
    for clock in pending(uow, complaint):
        if not kinds or clock.kind in kinds:
            clock.cancelled_at = now


def start_progress_clock(uow: UnitOfWork, complaint: Complaint, from_time: datetime | None = None) -> Clock:
    cancel(uow, complaint, "progress_update")
    policy = sla_policy(uow)
    clock = Clock(
        complaint_id=complaint.id,
        kind="progress_update",
        name="progress_update",
        due_at=policy.next_update_due(from_time or uow.now(), complaint.priority),
    )
    uow.session.add(clock)
    return clock


def start_follow_up_clock(uow: UnitOfWork, complaint: Complaint) -> Clock:
    policy = sla_policy(uow)
    clock = Clock(complaint_id=complaint.id, kind="follow_up", name="follow_up", due_at=policy.follow_up_due(uow.now()))
    uow.session.add(clock)
    return clock


def extend_regulatory(uow: UnitOfWork, complaint: Complaint) -> list[Clock]:
    """An interim response extends the regulatory deadlines that allow it."""
    policy = sla_policy(uow)
    extended = []
    for clock in pending(uow, complaint, "regulatory"):
        rule = next((d for d in policy.regulatory if d.name == clock.name), None)
        if rule and rule.extended_days and not clock.extended:
            clock.due_at = policy.regulatory_due(complaint.created_at, rule, extended=True)
            clock.extended = True
            extended.append(clock)
    return extended
