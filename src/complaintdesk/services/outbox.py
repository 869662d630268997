"""Delivering the outbox: e-mails and webhook calls, retried with back-off, each claimed by one process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import select, update

from ..adapters.db.tables import Outbox, Webhook
from .uow import UnitOfWork

MAX_ATTEMPTS = 8
CLAIM_FOR = timedelta(minutes=2)


class Mailer(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


class Poster(Protocol):
    def post(self, url: str, secret: str, payload: dict[str, Any]) -> None: ...


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0


def deliver(uow: UnitOfWork, mailer: Mailer | None, poster: Poster | None, limit: int = 100) -> DeliveryReport:
    report = DeliveryReport()
    with uow:
        now = uow.now()
        ids = list(
            uow.session.scalars(
                select(Outbox.id)
                .where(Outbox.sent_at.is_(None), Outbox.next_attempt_at <= now, Outbox.attempts < MAX_ATTEMPTS)
                .order_by(Outbox.id)
                .limit(limit)
            )
        )
    for item_id in ids:
        with uow:
            now = uow.now()
            claimed = uow.session.execute(
                update(Outbox)
                .where(
                    Outbox.id == item_id,
                    Outbox.sent_at.is_(None),
                    (Outbox.claimed_until.is_(None)) | (Outbox.claimed_until < now),
                )
                .values(claimed_until=now + CLAIM_FOR)
            )
            uow.commit()
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                report.skipped += 1
                continue
        with uow:
            item = uow.session.get(Outbox, item_id)
            assert item is not None
            try:
                if item.channel == "email":
                    if mailer is None:
                        item.claimed_until = None
                        report.skipped += 1
                        uow.commit()
                        continue
                    mailer.send(item.target, item.payload["subject"], item.payload["body"])
                else:
                    hook = uow.session.get(Webhook, item.payload.get("webhook_id"))
                    if hook is None or not hook.active or poster is None:
                        item.sent_at, item.last_error = uow.now(), "webhook inactive; dropped"
                        uow.commit()
                        report.skipped += 1
                        continue
                    poster.post(item.target, hook.secret, item.payload["body"])
                item.sent_at = uow.now()
                report.sent += 1
            except Exception as exc:  # any delivery failure is retried later, never lost
                item.attempts += 1
                item.last_error = f"{type(exc).__name__}: {exc}"[:2000]
                item.next_attempt_at = uow.now() + timedelta(seconds=30 * 2 ** min(item.attempts, 10))
                report.failed += 1
            item.claimed_until = None
            uow.commit()
    return report
