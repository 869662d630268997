"""Read-only queries behind the inbox, the complaint page and the customer record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, or_, select

from ..adapters.db.tables import (
    Attachment,
    Clock,
    Commitment,
    Complaint,
    ComplaintTeam,
    Customer,
    Event,
    Message,
    Remedy,
    Survey,
)
from ..domain.errors import InvalidInput
from .access import complaint_scope
from .actors import Actor
from .uow import UnitOfWork

SORTS = ("urgency", "newest", "oldest", "updated")
MAX_PAGE = 200


@dataclass(slots=True)
class ComplaintFilter:
    status: list[str] | None = None
    priority: list[str] | None = None
    team_id: int | None = None
    assignee_id: int | None = None
    customer_id: int | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    text: str | None = None
    category: str | None = None
    emotion: str | None = None
    breached: bool | None = None
    sort: str = "urgency"
    page: int = 1
    per_page: int = 50


def _filtered(actor: Actor, f: ComplaintFilter) -> Select[Any]:
    assert actor.user is not None
    query = select(Complaint).where(complaint_scope(actor.user))
    if f.status:
        query = query.where(Complaint.status.in_(f.status))
    if f.priority:
        query = query.where(Complaint.priority.in_(f.priority))
    if f.team_id is not None:
        assisting = select(ComplaintTeam.complaint_id).where(
            ComplaintTeam.team_id == f.team_id, ComplaintTeam.state == "active"
        )
        query = query.where(or_(Complaint.lead_team_id == f.team_id, Complaint.id.in_(assisting)))
    if f.assignee_id is not None:
        query = query.where(Complaint.assignee_id == f.assignee_id)
    if f.customer_id is not None:
        query = query.where(Complaint.customer_id == f.customer_id)
    if f.created_from is not None:
        query = query.where(Complaint.created_at >= f.created_from)
    if f.created_to is not None:
        query = query.where(Complaint.created_at < f.created_to)
    if f.category:
        query = query.where(Complaint.category == f.category)
    if f.emotion:
        query = query.where(Complaint.emotion == f.emotion)
    if f.text:
        needle = f"%{f.text.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Complaint.text).like(needle),
                func.lower(Complaint.subject).like(needle),
                Complaint.tracking_number == f.text.strip().upper(),
            )
        )
    if f.breached is not None:
        breached = select(Clock.complaint_id).where(
            Clock.breached_at.is_not(None), Clock.met_at.is_(None), Clock.cancelled_at.is_(None)
        )
        query = query.where(Complaint.id.in_(breached) if f.breached else Complaint.id.not_in(breached))
    return query


def list_complaints(
    uow: UnitOfWork, actor: Actor, f: ComplaintFilter
) -> tuple[list[tuple[Complaint, datetime | None]], int]:
    """A page of complaints the actor may see, in a stable order (ties broken by id), with the next deadline."""
    if f.sort not in SORTS:
        raise InvalidInput(f"sort: must be one of {', '.join(SORTS)}")
    if f.page < 1 or not 1 <= f.per_page <= MAX_PAGE:
        raise InvalidInput(f"page must be ≥ 1 and per_page 1 to {MAX_PAGE}")
    query = _filtered(actor, f)
    total = uow.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    next_due = Complaint.next_due_at
    open_first = case((Complaint.status.in_(("received", "acknowledged", "in_progress")), 0), else_=1)
    sorts: dict[str, list[Any]] = {
        "urgency": [open_first, Complaint.priority, next_due.asc().nulls_last(), Complaint.created_at, Complaint.id],
        "newest": [Complaint.created_at.desc(), Complaint.id.desc()],
        "oldest": [Complaint.created_at, Complaint.id],
        "updated": [Complaint.updated_at.desc(), Complaint.id.desc()],
    }
    orders = sorts[f.sort]
    rows = uow.session.execute(
        query.add_columns(next_due).order_by(*orders).offset((f.page - 1) * f.per_page).limit(f.per_page)
    ).all()
    return [(row[0], row[1]) for row in rows], int(total)


@dataclass(slots=True)
class ComplaintDetail:
    complaint: Complaint
    messages: list[Message]
    events: list[Event]
    clocks: list[Clock]
    commitments: list[Commitment]
    remedies: list[Remedy]
    surveys: list[Survey]
    teams: list[ComplaintTeam]
    earlier: list[Complaint]
    attachments: list[Attachment]


def awaiting_answer(uow: UnitOfWork, complaint_ids: list[int]) -> set[int]:
    """Which of these complaints have a customer who wrote again and is still owed an answer."""
    if not complaint_ids:
        return set()
    return set(
        uow.session.scalars(
            select(Clock.complaint_id).where(
                Clock.complaint_id.in_(complaint_ids),
                Clock.kind == "customer_message",
                Clock.met_at.is_(None),
                Clock.cancelled_at.is_(None),
            )
        )
    )


def detail(uow: UnitOfWork, complaint: Complaint) -> ComplaintDetail:
    s = uow.session
    cid = complaint.id
    return ComplaintDetail(
        complaint=complaint,
        messages=list(s.scalars(select(Message).where(Message.complaint_id == cid).order_by(Message.id))),
        events=list(s.scalars(select(Event).where(Event.complaint_id == cid).order_by(Event.id))),
        clocks=list(s.scalars(select(Clock).where(Clock.complaint_id == cid).order_by(Clock.due_at, Clock.id))),
        commitments=list(s.scalars(select(Commitment).where(Commitment.complaint_id == cid).order_by(Commitment.id))),
        remedies=list(s.scalars(select(Remedy).where(Remedy.complaint_id == cid).order_by(Remedy.id))),
        surveys=list(s.scalars(select(Survey).where(Survey.complaint_id == cid).order_by(Survey.id))),
        teams=list(
            s.scalars(select(ComplaintTeam).where(ComplaintTeam.complaint_id == cid).order_by(ComplaintTeam.id))
        ),
        earlier=list(
            s.scalars(
                select(Complaint)
                .where(Complaint.customer_id == complaint.customer_id, Complaint.id != cid)
                .order_by(Complaint.created_at.desc())
            )
        ),
        attachments=list(s.scalars(select(Attachment).where(Attachment.complaint_id == cid).order_by(Attachment.id))),
    )


def customer_history(uow: UnitOfWork, actor: Actor, customer_id: int) -> tuple[Customer, list[Complaint]]:
    from ..domain.errors import NotFound

    assert actor.user is not None
    customer = uow.session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(f"no customer {customer_id}")
    complaints = list(
        uow.session.scalars(
            select(Complaint)
            .where(Complaint.customer_id == customer_id, complaint_scope(actor.user))
            .order_by(Complaint.created_at.desc())
        )
    )
    if not complaints and actor.user.role != "admin":
        raise NotFound(f"no customer {customer_id} that you can see")
    return customer, complaints


def search_customers(uow: UnitOfWork, actor: Actor, q: str, limit: int = 50) -> list[Customer]:
    assert actor.user is not None
    needle = f"%{q.strip().lower()}%"
    visible = select(Complaint.customer_id).where(complaint_scope(actor.user))
    return list(
        uow.session.scalars(
            select(Customer)
            .where(
                or_(
                    func.lower(Customer.name).like(needle),
                    Customer.email.like(needle),
                    Customer.phone.like(needle),
                    Customer.external_id.like(needle),
                ),
                Customer.id.in_(visible),
            )
            .order_by(Customer.id)
            .limit(limit)
        )
    )
