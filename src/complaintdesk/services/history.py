"""The append-only event history, and the webhook calls and e-mails that events cause (via the outbox)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from ..adapters.db.tables import Complaint, Event, Outbox, User, UserTeam, Webhook
from .actors import Actor
from .uow import UnitOfWork

#: event kinds that webhooks receive
WEBHOOK_EVENTS = frozenset(
    {
        "received",
        "status_changed",
        "assigned",
        "priority_changed",
        "sla_breached",
        "remedy_requested",
        "remedy_decided",
        "commitment_made",
        "survey_received",
        "dispatch_returned",
    }
)


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "is_finite"):  # Decimal
        return str(value)
    return value


def record(
    uow: UnitOfWork,
    complaint: Complaint,
    actor: Actor,
    kind: str,
    data: dict[str, Any] | None = None,
    *,
    customer_visible: bool = False,
) -> Event:
    now = uow.now()
    event = Event(
        complaint_id=complaint.id,
        at=now,
        actor_kind=actor.kind,
        actor_id=actor.id,
        actor_name=actor.name,
        kind=kind,
        data={k: jsonable(v) for k, v in (data or {}).items()},
        customer_visible=customer_visible,
    )
    uow.session.add(event)
    complaint.updated_at = now
    flag_modified(complaint, "updated_at")  # every event is a change: the version moves on (optimistic locking)
    if kind in WEBHOOK_EVENTS:
        _enqueue_webhooks(uow, complaint, event)
    return event


def changes(obj: object, values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Apply `values` to `obj`; return {field: {"before": ..., "after": ...}} for what really changed."""
    changed: dict[str, dict[str, Any]] = {}
    for name, new in values.items():
        old = getattr(obj, name)
        if old != new:
            changed[name] = {"before": jsonable(old), "after": jsonable(new)}
            setattr(obj, name, new)
    return changed


def _enqueue_webhooks(uow: UnitOfWork, complaint: Complaint, event: Event) -> None:
    hooks = uow.memo("webhooks", lambda: uow.session.scalars(select(Webhook).where(Webhook.active.is_(True))).all())
    for hook in hooks:
        if hook.events and event.kind not in hook.events:
            continue
        payload = {
            "event": event.kind,
            "at": event.at.isoformat(),
            "complaint": {
                "id": complaint.id,
                "tracking_number": complaint.tracking_number,
                "status": complaint.status,
                "priority": complaint.priority,
            },
            "actor": {"kind": event.actor_kind, "name": event.actor_name},
            "data": event.data,
        }
        uow.session.add(
            Outbox(
                channel="webhook",
                target=hook.url,
                payload={"webhook_id": hook.id, "body": payload},
                created_at=event.at,
                next_attempt_at=event.at,
            )
        )


def enqueue_email(uow: UnitOfWork, to: str, subject: str, body: str, delay: timedelta | None = None) -> None:
    now = uow.now()
    uow.session.add(
        Outbox(
            channel="email",
            target=to,
            payload={"subject": subject, "body": body},
            created_at=now,
            next_attempt_at=now + (delay or timedelta(0)),
        )
    )


def supervisors_of(uow: UnitOfWork, team_id: int | None) -> list[User]:
    return uow.memo(("supervisors", team_id), lambda: _supervisors_of(uow, team_id))


def _supervisors_of(uow: UnitOfWork, team_id: int | None) -> list[User]:
    query = select(User).where(User.active.is_(True), User.role == "supervisor")
    if team_id is not None:
        query = query.join(UserTeam, UserTeam.user_id == User.id).where(UserTeam.team_id == team_id)
    found = list(uow.session.scalars(query).unique())
    if not found:  # nobody supervises this team: the admins hear of it
        found = list(uow.session.scalars(select(User).where(User.active.is_(True), User.role == "admin")))
    return found
