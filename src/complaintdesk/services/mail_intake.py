"""Complaints by e-mail: each message becomes a new complaint (channel "email"), or, when it answers one of ours
(its tracking number in the subject or text) and comes from that complaint's customer, a message on it.

Every e-mail is kept as received (inbound_mail), once: the same Message-ID taken in again changes nothing, so
a mailbox can be read as often as one likes. Automatic messages (auto-replies, bounces, lists) are kept and
skipped, never answered. A tracking number from another sender does not let them write on someone else's
complaint: theirs becomes a complaint of its own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..adapters.db.tables import Complaint, InboundMail
from ..adapters.inbound_mail import UnreadableMail, parse
from ..domain.errors import ComplaintdeskError, Conflict, InvalidInput
from . import attachments, intake, workflow
from .actors import customer_actor
from .uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class MailResult:
    outcome: str  # new | appended | skipped | duplicate
    tracking_number: str | None = None
    reason: str | None = None


def _clipped(text: str) -> str:
    """At most the length any text may have; the e-mail itself is kept whole in inbound_mail."""
    if len(text) <= workflow.MAX_TEXT:
        return text
    return text[: workflow.MAX_TEXT - 80].rstrip() + "\n\n[… cut here: the whole e-mail is kept as received]"


def _complaint_of(uow: UnitOfWork, tracking_number: str | None, sender: str) -> Complaint | None:
    if tracking_number is None:
        return None
    complaint = uow.session.scalars(select(Complaint).where(Complaint.tracking_number == tracking_number)).first()
    if complaint is None or complaint.customer is None or (complaint.customer.email or "").lower() != sender:
        return None
    return complaint


def _attach(uow: UnitOfWork, complaint_id: int, sender: str, files: tuple[tuple[str, bytes], ...]) -> list[str]:
    """Store the e-mail's files with the complaint; returns what was refused (the raw e-mail still holds it)."""
    complaint = uow.session.get(Complaint, complaint_id)
    assert complaint is not None
    refused = []
    for name, data in files:
        try:
            attachments.add(uow, complaint, customer_actor(sender), name, data, source="email")
        except InvalidInput as exc:
            refused.append(f"{name or 'unnamed'}: {exc.message}")
    return refused


def take_in(uow: UnitOfWork, raw: bytes, analyse: intake.Analyse, public_base_url: str = "") -> MailResult:
    """Take one e-mail in, in one transaction (committed here). Raises InvalidInput for an unreadable one."""
    try:
        mail = parse(raw)
    except UnreadableMail as exc:
        raise InvalidInput(f"e-mail: {exc}") from None
    seen = uow.session.scalars(select(InboundMail).where(InboundMail.key == mail.key)).first()
    if seen is not None:
        number = seen.complaint_id and uow.session.get(Complaint, seen.complaint_id)
        return MailResult("duplicate", number.tracking_number if number else None, "already taken in")
    record = InboundMail(
        key=mail.key,
        received_at=uow.now(),
        sender=mail.sender_email[:320],
        subject=mail.subject[:500],
        outcome="skipped",
        reason=None,
        raw=raw,
    )
    result: MailResult
    if mail.automatic is not None:
        record.reason = f"automatic message ({mail.automatic})"[:300]
        result = MailResult("skipped", None, record.reason)
    elif (complaint := _complaint_of(uow, mail.tracking_number, mail.sender_email)) is not None:
        workflow.customer_writes(uow, complaint, _clipped(mail.text), via="email", public_base_url=public_base_url)
        record.outcome, record.complaint_id = "appended", complaint.id
        result = MailResult("appended", complaint.tracking_number)
    else:
        data = intake.IntakeData(
            text=_clipped(mail.text if mail.text.strip() else mail.subject),
            customer_name=mail.sender_name,
            email=mail.sender_email,
            channel="email",
            subject=mail.subject or None,
        )
        received = intake.receive(uow, data, customer_actor(mail.sender_name), analyse, public_base_url)
        record.outcome, record.complaint_id = "new", received.complaint.id
        result = MailResult("new", received.complaint.tracking_number)
    if record.complaint_id is not None:
        refused = _attach(uow, record.complaint_id, mail.sender_name, mail.files)
        if refused:
            record.reason = ("files not attached (kept in the e-mail): " + "; ".join(refused))[:300]
            result = MailResult(result.outcome, result.tracking_number, record.reason)
    uow.session.add(record)
    try:
        uow.commit()
    except Conflict:  # the same e-mail taken in at the same moment by another process?
        if uow.session.scalars(select(InboundMail.id).where(InboundMail.key == mail.key)).first() is None:
            raise
        return MailResult("duplicate", None, "already taken in")
    return result


def take_in_safely(uow: UnitOfWork, raw: bytes, analyse: intake.Analyse, public_base_url: str = "") -> MailResult:
    """take_in, with a refusal (bad e-mail, a rule) rolled back and reported as the result instead of raised."""
    try:
        return take_in(uow, raw, analyse, public_base_url)
    except ComplaintdeskError as exc:
        uow.session.rollback()
        return MailResult("refused", None, exc.message)
