"""The customer portal, without sign-in: submit a complaint, then follow it with the private link and answer
the follow-up survey. The tracking number and the token together are the key (as in the public API)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from starlette.responses import Response

from ...adapters.db.tables import Complaint
from ...domain.errors import ComplaintdeskError
from ...services import attachments, intake, workflow
from ...services.actors import Actor, customer_actor
from ...services.uow import UnitOfWork
from ..api.routes_public import complaint_by_token, public_view
from ..files import file_response
from .base import Form, FormDep, WebDep
from .render import render

router = APIRouter(include_in_schema=False)

FIELDS = ("name", "email", "phone", "subject", "text", "location", "occurred_at", "frequency", "product",
          "related_numbers")
LIMITS = {"text": 20_000, "name": 200, "email": 254, "phone": 50, "subject": 300, "location": 300,
          "occurred_at": 100, "frequency": 100, "product": 200, "related_numbers": 300}


ERRORS = (("text:", "err_text"), ("name:", "err_name"), ("give at least", "err_contact"), ("email:", "err_email"),
          ("phone:", "err_phone"))


def _explain(w: WebDep, message: str) -> str:
    """The intake's error in the customer's language where we know it (else as the service said it)."""
    return next((w.t(f"portal.{key}") for start, key in ERRORS if message.startswith(start)), message)


@router.get("/")
@router.get("/portal")
def portal(w: WebDep) -> Response:
    with w.uow() as uow:
        return render("portal.html", w.page(uow), values={})


@router.post("/portal")
def submit(w: WebDep, form: FormDep) -> Response:
    values = {k: form.get(k)[: LIMITS[k]] for k in FIELDS}
    values["text"] = form.raw("text").strip()[: LIMITS["text"]]
    with w.uow() as uow:
        data = intake.IntakeData(
            text=values["text"], customer_name=values["name"], email=values["email"] or None,
            phone=values["phone"] or None, channel="web", subject=values["subject"] or None,
            location=values["location"] or None, occurred_at=values["occurred_at"] or None,
            frequency=values["frequency"] or None, product=values["product"] or None,
            related_numbers=values["related_numbers"] or None,
        )
        try:
            customer = customer_actor(values["name"] or "customer")
            received = intake.receive(uow, data, customer, w.container.analyse, w.container.settings.public_base_url)
            refused = _attach(uow, received.complaint, customer, form.files)
            uow.commit()
        except ComplaintdeskError as exc:
            page = w.page(uow)
            page.flashes.append(("error", _explain(w, exc.message)))
            return render("portal.html", page, status_code=422, values=values)
        c = received.complaint
        link = f"/track/{c.tracking_number}?token={received.access_token}"
        return render("portal_done.html", w.page(uow), tracking_number=c.tracking_number, link=link,
                      full_link=w.container.settings.public_base_url + link, email=c.customer.email, refused=refused)


def _attach(uow: UnitOfWork, complaint: Complaint, who: Actor, files: list[tuple[str, bytes]]) -> list[str]:
    """Store the customer's files; a file we do not accept is named in the answer, the complaint still stands."""
    refused = []
    for name, data in files:
        try:
            attachments.add(uow, complaint, who, name, data, source="customer")
        except ComplaintdeskError as exc:
            refused.append(f"{name or '?'}: {exc.message}")
    return refused


def _track(
    w: WebDep, tn: str, token: str, status_code: int = 200, comment: str = "", message: str = ""
) -> Response:
    with w.uow() as uow:
        page = w.page(uow)
        try:
            complaint = complaint_by_token(uow, tn, token)
        except ComplaintdeskError:
            return render("track_missing.html", page, status_code=404, tracking_number=tn[:20])
        view = public_view(uow, complaint)
        return render("track.html", page, view=view, token=token, status_code=status_code, comment=comment,
                      message=message)


@router.get("/track")
def track_lookup(w: WebDep, tracking_number: str = "", token: str = "") -> Response:
    if tracking_number and token:
        return w.redirect(f"/track/{tracking_number.strip()[:20]}?token={token.strip()[:200]}")
    with w.uow() as uow:
        return render("track_missing.html", w.page(uow), tracking_number="")


@router.get("/track/{tn}")
def track(tn: str, w: WebDep, token: str = "") -> Response:
    return _track(w, tn, token[:200])


def _customer_acts(
    tn: str, w: WebDep, form: Form, action: Callable[[UnitOfWork, Complaint], object], done: str, **kept: str
) -> Response:
    """Run what the customer asked from their tracking page; on a refusal show the page again with the reason
    and with what they typed (`kept`) still in its form."""
    token = form.get("token")[:200]
    with w.uow() as uow:
        try:
            action(uow, complaint_by_token(uow, tn, token))
            uow.commit()
        except ComplaintdeskError as exc:
            failed = exc.message
        else:
            w.session.flash("ok", w.t(done))
            return w.redirect(f"/track/{tn}?token={token}")
    w.session.flash("error", failed)
    return _track(w, tn, token, status_code=422, **kept)


@router.post("/track/{tn}/survey")
def survey(tn: str, w: WebDep, form: FormDep) -> Response:
    score = form.get("score")

    def answer(uow: UnitOfWork, complaint: Complaint) -> object:
        return workflow.record_survey(uow, customer_actor(complaint.customer.name), complaint,
                                      int(score) if score.isdigit() else 0, form.raw("comment"))

    return _customer_acts(tn, w, form, answer, "track.thanks", comment=form.raw("comment"))


@router.post("/track/{tn}/message")
def write(tn: str, w: WebDep, form: FormDep) -> Response:
    """The customer writes again from the tracking page."""

    def send(uow: UnitOfWork, complaint: Complaint) -> object:
        return workflow.customer_writes(uow, complaint, form.raw("text"), via="portal",
                                        public_base_url=w.container.settings.public_base_url)

    return _customer_acts(tn, w, form, send, "track.written", message=form.raw("text"))


@router.post("/track/{tn}/files")
def add_files(tn: str, w: WebDep, form: FormDep) -> Response:
    """The customer adds photos or documents from the tracking page."""
    token = form.get("token")[:200]
    with w.uow() as uow:
        try:
            complaint = complaint_by_token(uow, tn, token)
        except ComplaintdeskError:
            return _track(w, tn, token)  # the same "not found" page as a wrong link
        if not form.files:
            w.session.flash("error", w.t("files.none"))
            return w.redirect(f"/track/{tn}?token={token}")
        refused = _attach(uow, complaint, customer_actor(complaint.customer.name), form.files)
        uow.commit()
    for line in refused:
        w.session.flash("error", line)
    if len(refused) < len(form.files):
        w.session.flash("ok", w.t("files.added"))
    return w.redirect(f"/track/{tn}?token={token}")


@router.get("/track/{tn}/files/{attachment_id}")
def get_file(tn: str, attachment_id: int, w: WebDep, token: str = "") -> Response:
    with w.uow() as uow:
        try:
            complaint = complaint_by_token(uow, tn, token[:200])
            return file_response(attachments.one(uow, complaint, attachment_id, customer_view=True))
        except ComplaintdeskError:
            return _track(w, tn, token[:200], status_code=404)
