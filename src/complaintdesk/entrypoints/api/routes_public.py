"""Unauthenticated endpoints for customers: submit, track with the private token, answer the survey."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, UploadFile
from sqlalchemy import select
from starlette.responses import Response

from ...adapters.db.tables import Commitment, Complaint, Event, Message
from ...domain.attachments import MAX_BYTES as MAX_FILE
from ...domain.errors import NotFound
from ...domain.status import Status
from ...services import attachments, intake, workflow
from ...services.actors import customer_actor
from ...services.uow import UnitOfWork
from ..files import file_response
from .deps import ContainerDep, UowDep
from .schemas import (
    CustomerMessageIn,
    PublicAttachmentOut,
    PublicComplaintCreate,
    PublicComplaintOut,
    PublicCreated,
    PublicTimelineItem,
    SurveyIn,
)

router = APIRouter(prefix="/api/v1/public", tags=["public"])


@router.post(
    "/complaints",
    response_model=PublicCreated,
    status_code=201,
    summary="Submit a complaint; keep the access token: it is the only key to follow it",
)
def submit(body: PublicComplaintCreate, uow: UowDep, container: ContainerDep) -> PublicCreated:
    data = intake.IntakeData(
        text=body.text,
        customer_name=body.name,
        email=body.email,
        phone=body.phone,
        channel="web",
        language=body.language,
        **body.model_dump(include=set(intake.CHECKLIST)),
    )
    received = intake.receive(
        uow, data, customer_actor(body.name), container.analyse, container.settings.public_base_url
    )
    uow.commit()
    c = received.complaint
    return PublicCreated(
        tracking_number=c.tracking_number,
        access_token=received.access_token,
        status=c.status,
        track_url=f"{container.settings.public_base_url}/track/{c.tracking_number}?token={received.access_token}",
    )


def complaint_by_token(uow: UnitOfWork, tracking_number: str, token: str | None) -> Complaint:
    """The complaint if the token matches; the same 404 whether the number or the token is wrong."""
    complaint = uow.session.scalars(
        select(Complaint).where(Complaint.tracking_number == tracking_number.strip().upper())
    ).first()
    if complaint is None or not token or not hmac.compare_digest(complaint.access_token_hash, intake.hash_token(token)):
        raise NotFound("no complaint with this tracking number and access token")
    return complaint


def _token(token: str | None, authorization: str | None) -> str | None:
    if token:
        return token
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def customer_complaint(
    tracking_number: str,
    uow: UowDep,
    token: Annotated[str | None, Query(max_length=200)] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> Complaint:
    """The complaint of the path, for whoever holds its access token (query `token` or Bearer header)."""
    return complaint_by_token(uow, tracking_number, _token(token, authorization))


CustomerComplaint = Annotated[Complaint, Depends(customer_complaint)]


def public_view(uow: UnitOfWork, complaint: Complaint) -> PublicComplaintOut:
    events = uow.session.scalars(
        select(Event).where(Event.complaint_id == complaint.id, Event.customer_visible.is_(True)).order_by(Event.id)
    ).all()
    messages = {
        m.id: m
        for m in uow.session.scalars(
            select(Message).where(Message.complaint_id == complaint.id, Message.customer_visible.is_(True))
        )
    }
    timeline = []
    for e in events:
        if e.kind == "message":
            msg = messages.get(int(e.data.get("message_id", 0)))
            if msg is None:
                continue
            kind = "customer_message" if msg.kind == "customer" else "message"
            timeline.append(PublicTimelineItem(at=e.at, kind=kind, text=msg.body))
        elif e.kind == "status_changed":
            timeline.append(PublicTimelineItem(at=e.at, kind="status", status=e.data.get("after")))
        elif e.kind == "commitment_made":
            timeline.append(PublicTimelineItem(at=e.at, kind="commitment", text=str(e.data.get("due_at"))))
        elif e.kind == "received":
            timeline.append(PublicTimelineItem(at=e.at, kind="received", status="received"))
    commitment = uow.session.scalars(
        select(Commitment).where(Commitment.complaint_id == complaint.id, Commitment.state == "open")
    ).first()
    return PublicComplaintOut(
        tracking_number=complaint.tracking_number,
        status=complaint.status,
        subject=complaint.subject,
        created_at=complaint.created_at,
        language=complaint.language,
        commitment_due_at=commitment.due_at if commitment else None,
        can_answer_survey=complaint.status == Status.CLOSED.value,
        timeline=timeline,
        attachments=[
            PublicAttachmentOut(
                id=a.id, filename=a.filename, content_type=a.content_type, size=a.size, created_at=a.created_at
            )
            for a in attachments.of(uow, complaint, customer_view=True)
        ],
    )


@router.get(
    "/complaints/{tracking_number}",
    response_model=PublicComplaintOut,
    summary="Status and the customer-visible timeline (token as ?token= or a Bearer header)",
)
def track(
    uow: UowDep,
    complaint: CustomerComplaint,
) -> PublicComplaintOut:
    return public_view(uow, complaint)


@router.post(
    "/complaints/{tracking_number}/survey",
    response_model=PublicComplaintOut,
    summary="The follow-up survey: 1 (very unhappy) to 5 (very satisfied)",
)
def survey(
    body: SurveyIn,
    uow: UowDep,
    complaint: CustomerComplaint,
) -> PublicComplaintOut:
    workflow.record_survey(uow, customer_actor(complaint.customer.name), complaint, body.score, body.comment)
    uow.commit()
    return public_view(uow, complaint)


@router.post(
    "/complaints/{tracking_number}/messages",
    response_model=PublicComplaintOut,
    status_code=201,
    summary="The customer writes again (more details, a question); an answer falls due like a first response",
)
def write(
    body: CustomerMessageIn,
    uow: UowDep,
    container: ContainerDep,
    complaint: CustomerComplaint,
) -> PublicComplaintOut:
    workflow.customer_writes(uow, complaint, body.text, via="api", public_base_url=container.settings.public_base_url)
    uow.commit()
    return public_view(uow, complaint)


@router.post(
    "/complaints/{tracking_number}/attachments",
    response_model=PublicComplaintOut,
    status_code=201,
    summary="Add a photo, a receipt, a letter or a recording (multipart field 'file', up to 10 MB)",
)
def attach(
    file: UploadFile,
    uow: UowDep,
    complaint: CustomerComplaint,
) -> PublicComplaintOut:
    customer = customer_actor(complaint.customer.name)
    attachments.add(uow, complaint, customer, file.filename, file.file.read(MAX_FILE + 1), source="customer")
    uow.commit()
    return public_view(uow, complaint)


@router.get(
    "/complaints/{tracking_number}/attachments/{attachment_id}",
    response_class=Response,
    summary="Download one of the complaint's files that the customer may see",
)
def attachment(
    attachment_id: int,
    uow: UowDep,
    complaint: CustomerComplaint,
) -> Response:
    return file_response(attachments.one(uow, complaint, attachment_id, customer_view=True))
