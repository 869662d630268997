"""The complaint page and its workflow actions, and the reply coach as a JSON endpoint for the editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from starlette.responses import JSONResponse, Response

from ...adapters.db.tables import Summary, User
from ...domain.errors import ComplaintdeskError, Conflict, InvalidInput
from ...domain.status import Status, allowed_actions
from ...services import attachments, dispatch, queries, remedies, web_advice, workflow
from ...services.actors import Actor
from ...services.loading import complaint_for, organisation
from ...services.uow import UnitOfWork
from ..files import file_response
from .base import Form, FormDep, Web, WebDep, check_csrf_header
from .highlight import segments
from .render import render

router = APIRouter(include_in_schema=False)

MAX_COACH_CHARS = 10_000
ACCEPTED = {"yes": True, "no": False}


def _back(tn: str, anchor: str = "") -> str:
    return f"/complaints/{tn}" + (f"#{anchor}" if anchor else "")


def _pending_clock(d: queries.ComplaintDetail) -> datetime | None:
    pending = [c.due_at for c in d.clocks if c.met_at is None and c.cancelled_at is None]
    return min(pending) if pending else None


@router.get("/complaints/{tn}")
def complaint_page(tn: str, w: WebDep) -> Response:
    return _complaint_page(tn, w)


def _again(tn: str, w: Web, form: Form, name: str) -> Callable[[ComplaintdeskError], Response]:
    """On a refused action: the complaint page again, as it is now, with form `name` still holding what was typed
    (nothing a handler wrote is lost to a conflict or a mistake in one field)."""

    def show(exc: ComplaintdeskError) -> Response:
        return _complaint_page(tn, w, kept=form.kept(name), status_code=409 if isinstance(exc, Conflict) else 422)

    return show


def _complaint_page(tn: str, w: Web, kept: dict[str, str] | None = None, status_code: int = 200) -> Response:
    with w.uow() as uow:
        user = w.user(uow)
        page = w.page(uow, user)
        actor = Actor.of(user)
        try:
            complaint = complaint_for(uow, actor, tn)
        except ComplaintdeskError as exc:
            return render("error.html", page, status_code=404, message=exc.message)
        d = queries.detail(uow, complaint)
        org = organisation(uow)
        open_commitment = next((c for c in d.commitments if c.state == "open"), None)
        users = {u.id: u for u in uow.session.query(User).all()}
        return render(
            "complaint.html", page, c=complaint, d=d, analysis=complaint.analysis or {},
            segments=segments(complaint.text, (complaint.analysis or {}).get("evidence")),
            summary=uow.session.get(Summary, complaint.id), org=org, users=users,
            actions=[a.value for a in allowed_actions(Status(complaint.status))],
            next_due=_pending_clock(d), open_commitment=open_commitment,
            repeat_of=next((x for x in d.earlier if x.id == complaint.repeat_of_id), None),
            plan=web_advice.plan(complaint, actor),
            draft=web_advice.draft(complaint, actor, open_commitment.due_at if open_commitment else None),
            coach_available=web_advice.coach_installed(),
            suggested_due=_suggested_due(uow.now(), page.tz),
            remedy_kinds=remedies.KINDS, outcomes=workflow.OUTCOMES, reliefs=workflow.RELIEFS,
            referrals=workflow.REFERRALS, kept=kept or {}, status_code=status_code,
            awaits_answer=workflow.awaits_answer(uow, complaint),
        )


@router.post("/complaints/{tn}/coach")
async def coach_json(tn: str, request: Request, w: WebDep) -> Response:
    """The coach's remarks on a draft reply: {"available": bool, "violations": [...]}. Called as the handler types."""
    check_csrf_header(request)
    body = await request.json()
    text = str(body.get("text", ""))[:MAX_COACH_CHARS] if isinstance(body, dict) else ""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_coach, w, tn, text)


def _coach(w: Any, tn: str, text: str) -> Response:
    with w.uow() as uow:
        user = w.user(uow)
        actor = Actor.of(user)
        try:
            complaint = complaint_for(uow, actor, tn)
        except ComplaintdeskError as exc:
            return JSONResponse({"error": exc.code, "detail": exc.message}, status_code=404)
        verdict = web_advice.coach(complaint, text, actor) if text.strip() else None
        available = verdict is not None or web_advice.coach_installed()
        violations = list((verdict or {}).get("violations") or [])
        page = w.page(uow, user)
        for v in violations:
            v["label"] = page.label("coach", str(v.get("rule")))
        return JSONResponse({"available": available, "violations": violations})


def _suggested_due(now: datetime, tz: ZoneInfo) -> str:
    """A date to start from in the commitment form: tomorrow at 17:00 local time (the handler adjusts it)."""
    tomorrow = now.astimezone(tz) + timedelta(days=1)
    return tomorrow.replace(hour=17, minute=0, second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M")


def _local(form_value: str, tz: str) -> datetime:
    try:
        moment = datetime.fromisoformat(form_value)
    except ValueError:
        raise InvalidInput("date: give a date and time, e.g. 2026-11-30 17:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(tz or "UTC"))


def _tz(uow: UnitOfWork) -> str:
    return organisation(uow).timezone or "UTC"


@router.post("/complaints/{tn}/acknowledge")
def acknowledge(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.acknowledge(uow, a, tn, form.raw("body"), version=form.version),
                 _back(tn), "done.acknowledged", on_error=_again(tn, w, form, "reply"))


@router.post("/complaints/{tn}/start")
def start(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.start(uow, a, tn, version=form.version), _back(tn), "done.started")


@router.post("/complaints/{tn}/take")
def take(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: dispatch.assign(uow, a, tn, assignee_id=a.id, version=form.version),
                 _back(tn), "done.taken")


@router.post("/complaints/{tn}/reply")
def reply(tn: str, w: WebDep, form: FormDep) -> Response:
    def run(uow: UnitOfWork, actor: Actor) -> Any:
        complaint = complaint_for(uow, actor, tn, form.version)
        verdict = web_advice.coach(complaint, form.raw("body"), actor)
        kind = "reply" if form.get("kind") == "reply" else "progress"
        return workflow.reply(uow, actor, tn, form.raw("body"), kind=kind, interim=form.flag("interim"),
                              coach=verdict, version=form.version)

    return w.act(run, _back(tn, "timeline"), "done.replied", on_error=_again(tn, w, form, "reply"))


@router.post("/complaints/{tn}/note")
def note(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.note(uow, a, tn, form.raw("body"), version=form.version),
                 _back(tn, "timeline"), "done.noted", on_error=_again(tn, w, form, "note"))


@router.post("/complaints/{tn}/commit")
def commit(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.commit_date(uow, a, tn, _local(form.get("due_at"), _tz(uow)),
                                                     form.raw("description"), version=form.version),
                 _back(tn), "done.committed", on_error=_again(tn, w, form, "commit"))


@router.post("/complaints/{tn}/remedy")
def remedy(tn: str, w: WebDep, form: FormDep) -> Response:
    base = w.container.settings.public_base_url
    return w.act(lambda uow, a: remedies.request(uow, a, tn, kind=form.get("kind"), value=form.get("value") or "0",
                                                 description=form.raw("description"), public_base_url=base,
                                                 version=form.version),
                 _back(tn, "remedies"), "done.remedy", on_error=_again(tn, w, form, "remedy"))


@router.post("/remedies/{remedy_id}/decide")
def decide(remedy_id: int, w: WebDep, form: FormDep) -> Response:
    approve = form.get("decision") == "approve"
    return w.act(lambda uow, a: remedies.decide(uow, a, remedy_id, approve=approve, note=form.raw("note")),
                 form.get("back") or "/supervisor", "done.approved" if approve else "done.rejected")


@router.post("/remedies/{remedy_id}/paid")
def paid(remedy_id: int, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: remedies.mark_paid(uow, a, remedy_id), form.get("back") or "/inbox", "done.paid")


@router.post("/complaints/{tn}/resolve")
def resolve(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.resolve(uow, a, tn, form.raw("resolution"), version=form.version),
                 _back(tn), "done.resolved", on_error=_again(tn, w, form, "resolve"))


@router.post("/complaints/{tn}/close")
def close(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.close(uow, a, tn, outcome=form.get("outcome"), relief=form.get("relief"),
                                               communicated=form.flag("communicated"),
                                               customer_accepted=ACCEPTED.get(form.get("accepted")),
                                               referral=form.opt("referral"), version=form.version),
                 _back(tn), "done.closed")


@router.post("/complaints/{tn}/follow-up")
def follow_up(tn: str, w: WebDep, form: FormDep) -> Response:
    score = form.get("score")
    return w.act(lambda uow, a: workflow.follow_up(uow, a, tn, int(score) if score.isdigit() else 0,
                                                   form.raw("comment"), version=form.version),
                 _back(tn), "done.followed_up", on_error=_again(tn, w, form, "follow_up"))


@router.post("/complaints/{tn}/reopen")
def reopen(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.reopen(uow, a, tn, form.raw("reason"), version=form.version),
                 _back(tn), "done.reopened", on_error=_again(tn, w, form, "reopen"))


@router.post("/complaints/{tn}/summary")
def summary(tn: str, w: WebDep, form: FormDep) -> Response:
    return w.act(lambda uow, a: workflow.summarise(uow, a, tn, root_cause=form.get("root_cause"),
                                                   cause_detail=form.raw("cause_detail"), lesson=form.raw("lesson"),
                                                   prevention=form.raw("prevention"), version=form.version),
                 _back(tn, "summary"), "done.summarised", on_error=_again(tn, w, form, "summary"))


@router.post("/complaints/{tn}/files")
def add_files(tn: str, w: WebDep, form: FormDep) -> Response:
    """Staff attach evidence (a photo from the site, a scan, a recording); internal unless marked visible."""

    def run(uow: UnitOfWork, actor: Actor) -> None:
        complaint = complaint_for(uow, actor, tn)
        if not form.files:
            raise InvalidInput(w.t("files.none"))
        for name, data in form.files:
            attachments.add(uow, complaint, actor, name, data, source="staff", customer_visible=form.flag("visible"))
        uow.commit()

    return w.act(run, _back(tn, "files"), "files.attached")


@router.get("/complaints/{tn}/files/{attachment_id}")
def get_file(tn: str, attachment_id: int, w: WebDep) -> Response:
    with w.uow() as uow:
        actor = Actor.of(w.user(uow))
        try:
            return file_response(attachments.one(uow, complaint_for(uow, actor, tn), attachment_id))
        except ComplaintdeskError as exc:
            return render("error.html", w.page(uow, actor.user), status_code=404, message=exc.message)
