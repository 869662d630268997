"""Staff endpoints: intake, the inbox, the complaint, and every workflow action."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, UploadFile
from starlette.responses import Response

from ...adapters.db.tables import Summary
from ...domain.attachments import MAX_BYTES as MAX_FILE
from ...domain.errors import InvalidInput
from ...services import advice, attachments, dispatch, intake, queries, remedies, workflow
from ...services.actors import Actor
from ...services.loading import complaint_for
from ...services.uow import UnitOfWork
from ..files import file_response
from .deps import ActorDep, ContainerDep, UowDep
from .present import detail_out, summary_out
from .schemas import (
    AssignIn,
    AssistIn,
    AttachmentOut,
    CloseIn,
    CoachIn,
    CoachOut,
    CommitmentIn,
    ComplaintCreate,
    ComplaintEdit,
    ComplaintOut,
    ComplaintSummaryOut,
    DraftOut,
    FollowUpIn,
    MessageIn,
    Page,
    PlanOut,
    PlaybookUseIn,
    PlaybookUsesOut,
    RemedyIn,
    RemedyOut,
    ReopenIn,
    ReplyIn,
    ResolveIn,
    ReturnIn,
    SummaryIn,
    Versioned,
)

router = APIRouter(prefix="/api/v1/complaints", tags=["complaints"])


def _detail(uow: UnitOfWork, actor: Actor, ref: int | str, container: Any) -> ComplaintOut:
    complaint = complaint_for(uow, actor, ref)
    d = queries.detail(uow, complaint)
    summary = uow.session.get(Summary, complaint.id)
    summary_dict = None
    if summary is not None:
        summary_dict = {
            "root_cause": summary.root_cause,
            "cause_detail": summary.cause_detail,
            "lesson": summary.lesson,
            "prevention": summary.prevention,
            "updated_at": summary.updated_at.isoformat(),
        }
    return detail_out(d, uow.now(), summary=summary_dict, plan=_plan(uow, actor, complaint))


def _plan(uow: UnitOfWork, actor: Actor, complaint: Any) -> dict[str, Any]:
    """The handling plan, with the steps already marked done (playbook/, services/advice.py)."""
    plan = advice.plan_for(complaint, actor)
    used = advice.uses_of(uow, complaint)
    for step in plan["steps"]:
        step["done"] = step["id"] in used["steps_done"]
    plan["draft_used"] = used["draft_used"]
    return plan


@router.post("", status_code=201, response_model=ComplaintOut, summary="Record a complaint from any channel")
def create_complaint(body: ComplaintCreate, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    data = intake.IntakeData(
        text=body.text,
        customer_name=body.name,
        email=body.email,
        phone=body.phone,
        customer_ref=body.customer_ref,
        vip=body.vip,
        channel=body.channel,
        language=body.language,
        team=body.team,
        **body.model_dump(include=set(intake.CHECKLIST)),
    )
    received = intake.receive(uow, data, actor, container.analyse, container.settings.public_base_url)
    uow.commit()
    return _detail(uow, actor, received.complaint.id, container)


@router.get("", response_model=Page, summary="The complaints you may see, filtered and paged")
def list_complaints(
    uow: UowDep,
    actor: ActorDep,
    status: Annotated[list[str] | None, Query()] = None,
    priority: Annotated[list[str] | None, Query()] = None,
    team_id: int | None = None,
    assignee_id: int | None = None,
    customer_id: int | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    category: str | None = None,
    emotion: str | None = None,
    breached: bool | None = None,
    sort: str = "urgency",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page:
    for value in (created_from, created_to):
        if value is not None and value.tzinfo is None:
            raise InvalidInput("created_from/created_to: give a time zone, e.g. 2026-11-01T00:00:00Z")
    f = queries.ComplaintFilter(
        status=status,
        priority=priority,
        team_id=team_id,
        assignee_id=assignee_id,
        customer_id=customer_id,
        created_from=created_from,
        created_to=created_to,
        text=q,
        category=category,
        emotion=emotion,
        breached=breached,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    rows, total = queries.list_complaints(uow, actor, f)
    return Page(items=[summary_out(c, due) for c, due in rows], total=total, page=page, per_page=per_page)


@router.get("/{ref}", response_model=ComplaintOut, summary="One complaint with its history, clocks and ledger")
def get_complaint(ref: str, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    return _detail(uow, actor, ref, container)


@router.patch("/{ref}", response_model=ComplaintOut, summary="Correct intake details (history keeps the old values)")
def edit_complaint(
    ref: str, body: ComplaintEdit, uow: UowDep, actor: ActorDep, container: ContainerDep
) -> ComplaintOut:
    values = body.model_dump(exclude_unset=True, exclude={"version"})

    def reanalyse(u: UnitOfWork, complaint: Any, a: Actor) -> None:
        intake.reanalyse(u, complaint, a, container.analyse)

    workflow.edit(uow, actor, ref, values, reanalyse=reanalyse, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/acknowledge", response_model=ComplaintOut)
def acknowledge(ref: str, body: MessageIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.acknowledge(uow, actor, ref, body.body, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/start", response_model=ComplaintOut)
def start(ref: str, body: Versioned, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.start(uow, actor, ref, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/replies", response_model=ComplaintOut, summary="Write to the customer (first response, progress)")
def reply(ref: str, body: ReplyIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    verdict = None
    complaint = complaint_for(uow, actor, ref)
    if body.check:
        verdict = advice.coach_for(complaint, body.body, actor)
    # learning from outcomes: which draft and plan steps this reply used (committed with the reply)
    advice.record_use(uow, complaint, actor, body.plan_steps, draft_used=body.draft_id is not None)
    workflow.reply(
        uow, actor, ref, body.body, kind=body.kind, interim=body.interim, coach=verdict, version=body.version
    )
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/notes", response_model=ComplaintOut, summary="An internal note, never shown to the customer")
def add_note(ref: str, body: MessageIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.note(uow, actor, ref, body.body, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/commitments", response_model=ComplaintOut, summary="Promise the customer an answer by a date")
def commit(ref: str, body: CommitmentIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.commit_date(uow, actor, ref, body.due_at, body.description, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/resolve", response_model=ComplaintOut)
def resolve(ref: str, body: ResolveIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.resolve(uow, actor, ref, body.resolution, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/close", response_model=ComplaintOut)
def close(ref: str, body: CloseIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.close(
        uow,
        actor,
        ref,
        outcome=body.outcome,
        relief=body.relief,
        communicated=body.communicated,
        customer_accepted=body.customer_accepted,
        referral=body.referral,
        version=body.version,
    )
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/follow-up", response_model=ComplaintOut, summary="Record the satisfaction follow-up (staff)")
def follow_up(ref: str, body: FollowUpIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.follow_up(uow, actor, ref, body.score, body.comment, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/reopen", response_model=ComplaintOut)
def reopen(ref: str, body: ReopenIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.reopen(uow, actor, ref, body.reason, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/assign", response_model=ComplaintOut)
def assign(ref: str, body: AssignIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    dispatch.assign(uow, actor, ref, assignee_id=body.assignee_id, lead_team_id=body.lead_team_id, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post("/{ref}/assist", response_model=ComplaintOut, summary="Ask another team to assist")
def assist(ref: str, body: AssistIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    dispatch.add_assist(uow, actor, ref, body.team_id, version=body.version)
    return _detail(uow, actor, ref, container)


@router.post(
    "/{ref}/return",
    response_model=ComplaintSummaryOut,
    summary="A team hands the complaint back for re-dispatch (it may then leave your view)",
)
def return_(ref: str, body: ReturnIn, uow: UowDep, actor: ActorDep) -> ComplaintSummaryOut:
    done = dispatch.return_to_dispatch(uow, actor, ref, body.team_id, body.reason, version=body.version)
    return summary_out(done.complaint)


@router.post("/{ref}/summary", response_model=ComplaintOut, summary="Root cause, lesson, prevention measure")
def summarise(ref: str, body: SummaryIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> ComplaintOut:
    workflow.summarise(
        uow,
        actor,
        ref,
        root_cause=body.root_cause,
        cause_detail=body.cause_detail,
        lesson=body.lesson,
        prevention=body.prevention,
        version=body.version,
    )
    return _detail(uow, actor, ref, container)


@router.post(
    "/{ref}/remedies",
    response_model=RemedyOut,
    status_code=201,
    summary="Grant a remedy (within your limit) or request approval (above it)",
)
def request_remedy(ref: str, body: RemedyIn, uow: UowDep, actor: ActorDep, container: ContainerDep) -> RemedyOut:
    result = remedies.request(
        uow,
        actor,
        ref,
        kind=body.kind,
        value=body.value,
        currency=body.currency,
        description=body.description,
        public_base_url=container.settings.public_base_url,
        version=body.version,
    )
    return RemedyOut.model_validate(result.remedy)


# ---- handling advice (the playbook): plan, reply coach, draft, steps done


@router.get("/{ref}/plan", response_model=PlanOut, summary="The handling plan: ordered steps, words, principles")
def get_plan(ref: str, uow: UowDep, actor: ActorDep) -> PlanOut:
    complaint = complaint_for(uow, actor, ref)
    return PlanOut.model_validate(_plan(uow, actor, complaint))


@router.post("/{ref}/coach", response_model=CoachOut, summary="Check a draft reply against the handling principles")
def check_reply(ref: str, body: CoachIn, uow: UowDep, actor: ActorDep) -> CoachOut:
    complaint = complaint_for(uow, actor, ref)
    return CoachOut.model_validate(advice.coach_for(complaint, body.reply, actor))


@router.get("/{ref}/draft", response_model=DraftOut, summary="A first reply drafted in the complaint's language")
def get_draft(ref: str, uow: UowDep, actor: ActorDep) -> DraftOut:
    complaint = complaint_for(uow, actor, ref)
    return DraftOut.model_validate(advice.draft_for(complaint, actor))


@router.post(
    "/{ref}/plan/steps-done",
    response_model=PlaybookUsesOut,
    summary="Mark plan steps as carried out (and whether the draft was sent), for the outcome reports",
)
def mark_steps_done(ref: str, body: PlaybookUseIn, uow: UowDep, actor: ActorDep) -> PlaybookUsesOut:
    complaint = complaint_for(uow, actor, ref)
    advice.record_use(uow, complaint, actor, body.step_ids, draft_used=body.draft_used)
    uow.commit()
    return PlaybookUsesOut.model_validate(advice.uses_of(uow, complaint))


@router.post("/{ref}/attachments", status_code=201, response_model=AttachmentOut,
             summary="Attach a file (photo, PDF, office document, recording, text): multipart field 'file'")
def add_attachment(
    ref: str, file: UploadFile, uow: UowDep, actor: ActorDep, customer_visible: bool = False
) -> AttachmentOut:
    complaint = complaint_for(uow, actor, ref)
    data = file.file.read(MAX_FILE + 1)
    item = attachments.add(uow, complaint, actor, file.filename, data, source="staff",
                           customer_visible=customer_visible)
    uow.commit()
    return AttachmentOut.model_validate(item)


@router.get("/{ref}/attachments/{attachment_id}", summary="Download an attachment", response_class=Response)
def get_attachment(ref: str, attachment_id: int, uow: UowDep, actor: ActorDep) -> Response:
    complaint = complaint_for(uow, actor, ref)
    return file_response(attachments.one(uow, complaint, attachment_id))
