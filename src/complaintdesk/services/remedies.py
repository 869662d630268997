"""The remedy ledger: front-line staff grant up to their limit; above it a supervisor decides (SPEC 1.6)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from ..adapters.db.tables import Complaint, Remedy
from ..domain.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from ..domain.status import Status
from ..i18n import t
from . import history
from .access import require_role
from .actors import Actor
from .loading import complaint_for, organisation
from .uow import UnitOfWork

KINDS = ("apology", "refund", "replacement", "repair", "service_credit", "gift", "coupon", "compensation", "other")


@dataclass(frozen=True, slots=True)
class RemedyResult:
    complaint: Complaint
    remedy: Remedy


def _amount(value: object) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidInput(f"value: {value!r} is not a number") from None
    if not amount.is_finite() or amount < 0 or amount > Decimal("1e11"):
        raise InvalidInput("value: must be a number from 0 to 100,000,000,000")
    return amount.quantize(Decimal("0.01"))


def request(
    uow: UnitOfWork,
    actor: Actor,
    ref: int | str,
    *,
    kind: str,
    value: object,
    currency: str | None = None,
    description: str = "",
    public_base_url: str = "",
    version: int | None = None,
) -> RemedyResult:
    if actor.user is None:
        raise PermissionDenied("only staff can grant remedies")
    if kind not in KINDS:
        raise InvalidInput(f"kind: must be one of {', '.join(KINDS)}")
    amount = _amount(value)
    complaint = complaint_for(uow, actor, ref, version)
    if complaint.status in (Status.CLOSED.value, Status.FOLLOWED_UP.value):
        raise RuleViolation("the complaint is closed; reopen it to grant a remedy")
    org = organisation(uow)
    currency = (currency or org.default_currency).upper()
    if len(currency) != 3 or not currency.isalpha():
        raise InvalidInput(f"currency: {currency!r} is not an ISO currency code")
    user = actor.user
    limit = user.remedy_limit if user.remedy_limit is not None else org.remedy_limit
    within = user.role in ("supervisor", "admin") or (amount <= limit and currency == org.default_currency)
    now = uow.now()
    remedy = Remedy(
        complaint_id=complaint.id,
        kind=kind,
        value=amount,
        currency=currency,
        description=description.strip()[:2000],
        state="approved" if within else "requested",
        requested_by_id=user.id,
        approved_by_id=user.id if within else None,
        created_at=now,
        decided_at=now if within else None,
    )
    uow.session.add(remedy)
    uow.session.flush()
    data = {"remedy_id": remedy.id, "kind": kind, "value": amount, "currency": currency, "state": remedy.state}
    history.record(uow, complaint, actor, "remedy_granted" if within else "remedy_requested", data)
    if not within:
        lang = org.default_language
        for sup in history.supervisors_of(uow, complaint.lead_team_id):
            if sup.email:
                history.enqueue_email(
                    uow,
                    sup.email,
                    t(
                        sup.language or lang,
                        "notify.remedy_subject",
                        n=complaint.tracking_number,
                        value=amount,
                        currency=currency,
                    ),
                    t(
                        sup.language or lang,
                        "notify.remedy_body",
                        n=complaint.tracking_number,
                        value=amount,
                        currency=currency,
                        handler=actor.name,
                        kind=kind,
                        limit=limit,
                        link=f"{public_base_url}/complaints/{complaint.tracking_number}",
                    ),
                )
    uow.commit()
    return RemedyResult(complaint, remedy)


def _remedy(uow: UnitOfWork, actor: Actor, remedy_id: int) -> tuple[Complaint, Remedy]:
    remedy = uow.session.get(Remedy, remedy_id)
    if remedy is None:
        raise NotFound(f"no remedy {remedy_id}")
    complaint = complaint_for(uow, actor, remedy.complaint_id)
    return complaint, remedy


def decide(uow: UnitOfWork, actor: Actor, remedy_id: int, *, approve: bool, note: str = "") -> RemedyResult:
    if actor.user is None:
        raise PermissionDenied("only staff can decide remedies")
    require_role(actor.user, "supervisor", "admin")
    complaint, remedy = _remedy(uow, actor, remedy_id)
    if remedy.state != "requested":
        raise RuleViolation(f"remedy {remedy_id} is already {remedy.state}")
    if remedy.requested_by_id == actor.id and actor.role != "admin":
        raise PermissionDenied("you cannot approve your own request")
    remedy.state = "approved" if approve else "rejected"
    remedy.approved_by_id = actor.id
    remedy.decided_at = uow.now()
    remedy.decision_note = note.strip()[:2000] or None
    history.record(
        uow,
        complaint,
        actor,
        "remedy_decided",
        {"remedy_id": remedy.id, "state": remedy.state, "note": remedy.decision_note},
    )
    uow.commit()
    return RemedyResult(complaint, remedy)


def mark_paid(uow: UnitOfWork, actor: Actor, remedy_id: int) -> RemedyResult:
    if actor.user is None:
        raise PermissionDenied("only staff can record payments")
    complaint, remedy = _remedy(uow, actor, remedy_id)
    if remedy.state != "approved":
        raise RuleViolation(f"remedy {remedy_id} is {remedy.state}; only an approved remedy is paid")
    remedy.state = "paid"
    remedy.paid_at = uow.now()
    history.record(uow, complaint, actor, "remedy_paid", {"remedy_id": remedy.id, "value": remedy.value})
    uow.commit()
    return RemedyResult(complaint, remedy)


def pending_approvals(uow: UnitOfWork, actor: Actor) -> list[tuple[Complaint, Remedy]]:
    if actor.user is None:
        raise PermissionDenied("only staff")
    from .access import complaint_scope

    rows = uow.session.execute(
        select(Complaint, Remedy)
        .join(Remedy, Remedy.complaint_id == Complaint.id)
        .where(Remedy.state == "requested", complaint_scope(actor.user))
        .order_by(Remedy.created_at)
    ).all()
    return [(c, r) for c, r in rows]
