"""E-mail in: a mail gateway (or a script reading a mailbox) posts each message as received."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from ...adapters.inbound_mail import MAX_BYTES
from ...domain.errors import InvalidInput
from ...services import mail_intake
from ...services.access import require_role
from .deps import ActorDep, ContainerDep, UowDep

router = APIRouter(prefix="/api/v1/inbound", tags=["intake"])
PATH = "/api/v1/inbound/email"


async def raw_body(request: Request) -> bytes:
    """The request body as sent (read here, so that the route itself runs in the thread pool)."""
    return await request.body()


@router.post(
    "/email",
    summary="Take in one e-mail (the raw message, Content-Type message/rfc822): a new complaint (201) or a message "
    "on the complaint it answers (200); the same Message-ID again changes nothing",
    responses={201: {"description": "a new complaint"}, 200: {"description": "appended, duplicate or skipped"}},
)
def inbound_email(
    raw: Annotated[bytes, Depends(raw_body)],
    uow: UowDep,
    actor: ActorDep,
    container: ContainerDep,
    content_type: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    assert actor.user is not None
    require_role(actor.user, "supervisor", "admin")
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind not in ("message/rfc822", "text/plain", "application/octet-stream"):
        raise InvalidInput("send the e-mail as it was received, with Content-Type: message/rfc822")
    if len(raw) > MAX_BYTES:
        return JSONResponse({"error": "too_large", "detail": f"e-mail over {MAX_BYTES} bytes"}, status_code=413)
    result = mail_intake.take_in(uow, raw, container.analyse, container.settings.public_base_url)
    body = {"outcome": result.outcome, "tracking_number": result.tracking_number, "reason": result.reason}
    return JSONResponse(body, status_code=201 if result.outcome == "new" else 200)
