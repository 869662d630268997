"""The SLA sweep: find clocks past due, mark each breached once, escalate. Idempotent and safe to run
from several processes at once: a conditional UPDATE decides which process escalates a breach."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, update

from ..adapters.db.tables import Clock, Complaint
from ..domain.errors import Conflict
from ..domain.sla import raise_priority
from ..domain.status import Status
from ..i18n import t
from . import history
from .actors import SYSTEM
from .loading import organisation
from .uow import UnitOfWork
from .workflow import CUSTOMER_MESSAGE_CLOCK

BATCH = 500


@dataclass(slots=True)
class SweepReport:
    breached: int = 0
    escalated: int = 0
    skipped: int = 0
    tracking_numbers: list[str] = field(default_factory=list)


def due_clock_ids(uow: UnitOfWork, limit: int = BATCH) -> list[int]:
    now = uow.now()
    return list(
        uow.session.scalars(
            select(Clock.id)
            .where(
                Clock.met_at.is_(None), Clock.cancelled_at.is_(None), Clock.breached_at.is_(None), Clock.due_at <= now
            )
            .order_by(Clock.due_at)
            .limit(limit)
        )
    )


def _claim(uow: UnitOfWork, clock_ids: list[int]) -> list[int]:
    """Mark these clocks breached unless another sweep (or a handler) got there first; the ids this sweep won."""
    result = uow.session.execute(
        update(Clock)
        .where(
            Clock.id.in_(clock_ids), Clock.breached_at.is_(None), Clock.met_at.is_(None), Clock.cancelled_at.is_(None)
        )
        .values(breached_at=uow.now())
        .returning(Clock.id)
    )
    return sorted(result.scalars())


def _escalate(uow: UnitOfWork, clock: Clock, complaint: Complaint, public_base_url: str, report: SweepReport) -> None:
    now = uow.now()
    report.breached += 1
    report.tracking_numbers.append(complaint.tracking_number)
    data: dict[str, object] = {"clock": clock.name, "kind": clock.kind, "due_at": clock.due_at}
    # a closed complaint still escalates when its follow-up is late or a customer who wrote again has no answer
    if complaint.status not in (Status.CLOSED.value, Status.FOLLOWED_UP.value) or clock.kind in (
        "follow_up",
        CUSTOMER_MESSAGE_CLOCK,
    ):
        before = complaint.priority
        complaint.priority = raise_priority(before)
        complaint.escalation_level += 1
        complaint.updated_at = now
        data["priority"] = {"before": before, "after": complaint.priority}
        report.escalated += 1
    history.record(uow, complaint, SYSTEM, "sla_breached", data)
    lang = uow.memo("org_language", lambda: organisation(uow).default_language)
    for sup in history.supervisors_of(uow, complaint.lead_team_id):
        if sup.email:
            n = complaint.tracking_number
            history.enqueue_email(
                uow,
                sup.email,
                t(sup.language or lang, "notify.breach_subject", n=n, clock=clock.name),
                t(
                    sup.language or lang,
                    "notify.breach_body",
                    n=n,
                    clock=clock.name,
                    priority=complaint.priority,
                    due=clock.due_at.isoformat(timespec="minutes"),
                    link=f"{public_base_url}/complaints/{n}",
                ),
            )


def _breach(uow: UnitOfWork, clock_ids: list[int], public_base_url: str) -> SweepReport:
    """Claim and escalate these clocks in the current transaction; the caller commits."""
    report = SweepReport()
    won = _claim(uow, clock_ids)
    report.skipped += len(clock_ids) - len(won)
    if not won:
        return report
    clocks = {c.id: c for c in uow.session.scalars(select(Clock).where(Clock.id.in_(won)))}
    complaint_ids = {c.complaint_id for c in clocks.values()}
    complaints = {c.id: c for c in uow.session.scalars(select(Complaint).where(Complaint.id.in_(complaint_ids)))}
    for clock_id in won:
        clock = clocks[clock_id]
        _escalate(uow, clock, complaints[clock.complaint_id], public_base_url, report)
    return report


def _merge(total: SweepReport, part: SweepReport) -> None:
    total.breached += part.breached
    total.escalated += part.escalated
    total.skipped += part.skipped
    total.tracking_numbers.extend(part.tracking_numbers)


def sweep(uow: UnitOfWork, public_base_url: str = "", max_batches: int = 1000) -> SweepReport:
    """Run once: every breach is escalated exactly once, however many sweeps run at the same time.

    Clocks are claimed and escalated a batch per transaction; if a handler changed one of the batch's
    complaints meanwhile (version conflict), that batch is redone one clock per transaction so that only
    the changed complaint waits for the next sweep."""
    report = SweepReport()
    for _ in range(max_batches):
        with uow:
            ids = due_clock_ids(uow)
        if not ids:
            break
        try:
            with uow:
                part = _breach(uow, ids, public_base_url)
                uow.commit()
            _merge(report, part)
        except Conflict:
            for clock_id in ids:
                try:
                    with uow:
                        part = _breach(uow, [clock_id], public_base_url)
                        uow.commit()
                    _merge(report, part)
                except Conflict:
                    report.skipped += 1  # changed meanwhile; the next sweep retries
        if len(ids) < BATCH:
            break
    return report
