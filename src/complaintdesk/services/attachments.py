"""Files that come with a complaint: added by the customer (portal, public API), by e-mail, or by staff; listed
with the complaint; read back by those who may see it. Each addition is an event in the history."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from ..adapters.db.tables import Attachment, Complaint
from ..domain.attachments import MAX_PER_COMPLAINT, recognise, safe_filename
from ..domain.errors import InvalidInput, NotFound
from . import history
from .actors import Actor
from .uow import UnitOfWork


def add(
    uow: UnitOfWork,
    complaint: Complaint,
    actor: Actor,
    filename: str | None,
    data: bytes,
    *,
    source: str,
    customer_visible: bool = True,
) -> Attachment:
    """Store one file with the complaint (the caller commits). Raises InvalidInput for a file not accepted."""
    kind = recognise(data)
    count = uow.session.scalar(select(func.count(Attachment.id)).where(Attachment.complaint_id == complaint.id)) or 0
    if count >= MAX_PER_COMPLAINT:
        raise InvalidInput(f"a complaint carries at most {MAX_PER_COMPLAINT} files")
    item = Attachment(
        complaint_id=complaint.id,
        filename=safe_filename(filename, kind),
        content_type=kind,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        source=source,
        author_name=actor.name[:200],
        customer_visible=customer_visible,
        created_at=uow.now(),
        data=data,
    )
    uow.session.add(item)
    uow.session.flush()
    history.record(
        uow,
        complaint,
        actor,
        "attachment_added",
        {"attachment_id": item.id, "filename": item.filename, "content_type": kind, "size": item.size},
        customer_visible=customer_visible,
    )
    return item


def of(uow: UnitOfWork, complaint: Complaint, *, customer_view: bool = False) -> list[Attachment]:
    query = select(Attachment).where(Attachment.complaint_id == complaint.id).order_by(Attachment.id)
    if customer_view:
        query = query.where(Attachment.customer_visible.is_(True))
    return list(uow.session.scalars(query))


def one(uow: UnitOfWork, complaint: Complaint, attachment_id: int, *, customer_view: bool = False) -> Attachment:
    item = uow.session.get(Attachment, attachment_id)
    if item is None or item.complaint_id != complaint.id or (customer_view and not item.customer_visible):
        raise NotFound(f"no attachment {attachment_id} on complaint {complaint.tracking_number}")
    return item
