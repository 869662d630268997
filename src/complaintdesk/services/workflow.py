"""The handler's actions on a complaint. Each is one transaction: load, check, change, record, commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from ..adapters.db.tables import Clock, Commitment, Complaint, Message, Remedy, Summary, Survey, User
from ..domain.errors import InvalidInput, PermissionDenied, RuleViolation
from ..domain.sla import raise_priority
from ..domain.status import OPEN_STATUSES, Action, Status, transition
from ..i18n import t
from . import clocks, history
from .actors import Actor, customer_actor
from .intake import CHECKLIST
from .loading import complaint_for, organisation, sla_policy
from .uow import UnitOfWork

CUSTOMER_MESSAGE_CLOCK = "customer_message"  # an answer owed to a customer who wrote again

OUTCOMES = ("upheld", "partly_upheld", "not_upheld")
RELIEFS = ("monetary", "non_monetary", "explanation_only")
REFERRALS = ("ombudsman", "regulator", "court", "other")
MAX_TEXT = 20_000
LOW_SCORE = 2  # a follow-up score at or below this reopens the complaint


def _text(value: str | None, what: str, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"{what}: must not be empty")
    if len(value) > MAX_TEXT:
        raise InvalidInput(f"{what}: {len(value)} characters, the limit is {MAX_TEXT}")
    return value


def _staff(actor: Actor) -> User:
    if actor.user is None:
        raise PermissionDenied("only staff can do this")
    return actor.user


def _move(uow: UnitOfWork, complaint: Complaint, actor: Actor, action: Action, **data: Any) -> None:
    before = complaint.status
    after = transition(Status(before), action)
    complaint.status = after.value
    complaint.updated_at = uow.now()
    history.record(
        uow,
        complaint,
        actor,
        "status_changed",
        {"action": action.value, "before": before, "after": after.value, **data},
        customer_visible=True,
    )


def _message(
    uow: UnitOfWork,
    complaint: Complaint,
    actor: Actor,
    kind: str,
    body: str,
    visible: bool,
    coach: dict[str, Any] | None = None,
    via: str | None = None,
) -> Message:
    msg = Message(
        complaint_id=complaint.id,
        kind=kind,
        body=body,
        customer_visible=visible,
        author_id=actor.id,
        author_name=actor.name,
        coach=coach,
        created_at=uow.now(),
    )
    uow.session.add(msg)
    uow.session.flush()
    data: dict[str, Any] = {"message_id": msg.id, "kind": kind}
    if via:
        data["via"] = via
    history.record(uow, complaint, actor, "message", data, customer_visible=visible)
    return msg


def _customer_contacted(uow: UnitOfWork, complaint: Complaint, actor: Actor) -> None:
    """Any answer to the customer is a first response, and restarts the progress-update clock while open."""
    if complaint.first_response_at is None:
        complaint.first_response_at = uow.now()
        clocks.meet(uow, complaint, "first_response", regulatory_met_by="acknowledge")
    if complaint.status == Status.RECEIVED.value:
        _move(uow, complaint, actor, Action.ACKNOWLEDGE)
    clocks.meet(uow, complaint, "progress_update", CUSTOMER_MESSAGE_CLOCK)
    if complaint.status in OPEN_STATUSES:
        clocks.start_progress_clock(uow, complaint)


@dataclass(frozen=True, slots=True)
class Done:
    complaint: Complaint
    message: Message | None = None


def acknowledge(uow: UnitOfWork, actor: Actor, ref: int | str, body: str, *, version: int | None = None) -> Done:
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    if complaint.status != Status.RECEIVED.value:
        transition(Status(complaint.status), Action.ACKNOWLEDGE)  # raises with the allowed actions
    msg = _message(uow, complaint, actor, "reply", _text(body, "message"), True)
    _customer_contacted(uow, complaint, actor)
    uow.commit()
    return Done(complaint, msg)


def start(uow: UnitOfWork, actor: Actor, ref: int | str, *, version: int | None = None) -> Done:
    user = _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    _move(uow, complaint, actor, Action.START)
    if complaint.assignee_id is None:
        complaint.assignee_id = user.id
        history.record(uow, complaint, actor, "assigned", {"assignee": {"before": None, "after": user.username}})
    uow.commit()
    return Done(complaint)


def reply(
    uow: UnitOfWork,
    actor: Actor,
    ref: int | str,
    body: str,
    *,
    kind: str = "progress",
    interim: bool = False,
    coach: dict[str, Any] | None = None,
    version: int | None = None,
) -> Done:
    """A message to the customer (kind reply/progress) — counts as first response and progress update.
    `interim=True` marks an interim response that extends regulatory deadlines which allow it. On a closed
    complaint the handler may answer a customer who wrote after closing without reopening it (the question may
    need no new handling); otherwise a closed complaint is reopened first."""
    _staff(actor)
    if kind not in ("reply", "progress"):
        raise InvalidInput("kind: must be reply or progress")
    complaint = complaint_for(uow, actor, ref, version)
    if complaint.status not in {*OPEN_STATUSES, Status.RESOLVED.value} and not awaits_answer(uow, complaint):
        raise RuleViolation(f"complaint {complaint.tracking_number} is {complaint.status}; reopen it to write again")
    msg = _message(uow, complaint, actor, kind, _text(body, "message"), True, coach)
    _customer_contacted(uow, complaint, actor)
    now = uow.now()
    for commitment in _open_commitments(uow, complaint):
        # keeping the promise = answering at the promised time whatever the progress (seed 001)
        if commitment.due_at - now <= timedelta(hours=24):
            _keep_commitment(uow, complaint, actor, commitment)
    if interim:
        for clock in clocks.extend_regulatory(uow, complaint):
            history.record(uow, complaint, actor, "deadline_extended", {"deadline": clock.name, "due_at": clock.due_at})
    uow.commit()
    return Done(complaint, msg)


def awaits_answer(uow: UnitOfWork, complaint: Complaint) -> bool:
    """Whether the customer wrote and has not been answered yet (a running `customer_message` clock)."""
    return bool(clocks.pending(uow, complaint, CUSTOMER_MESSAGE_CLOCK))


def note(uow: UnitOfWork, actor: Actor, ref: int | str, body: str, *, version: int | None = None) -> Done:
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    msg = _message(uow, complaint, actor, "note", _text(body, "note"), False)
    uow.commit()
    return Done(complaint, msg)


def _open_commitments(uow: UnitOfWork, complaint: Complaint) -> list[Commitment]:
    return list(
        uow.session.scalars(
            select(Commitment).where(Commitment.complaint_id == complaint.id, Commitment.state == "open")
        )
    )


def _keep_commitment(uow: UnitOfWork, complaint: Complaint, actor: Actor, commitment: Commitment) -> None:
    now = uow.now()
    commitment.state = "kept" if now <= commitment.due_at + timedelta(minutes=1) else "late"
    commitment.kept_at = now
    clocks.meet(uow, complaint, "commitment")
    history.record(
        uow,
        complaint,
        actor,
        "commitment_kept",
        {"commitment_id": commitment.id, "due_at": commitment.due_at, "state": commitment.state},
    )


def commit_date(
    uow: UnitOfWork, actor: Actor, ref: int | str, due_at: datetime, description: str, *, version: int | None = None
) -> Done:
    """A time commitment to the customer: the organisation will answer by `due_at` (seed 001)."""
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    if complaint.status not in OPEN_STATUSES:
        raise RuleViolation(
            f"complaint {complaint.tracking_number} is {complaint.status}; commitments are for open complaints"
        )
    now = uow.now()
    if due_at.tzinfo is None:
        raise InvalidInput("due_at: give a time zone (e.g. 2026-11-30T17:00:00+08:00)")
    if due_at <= now:
        raise InvalidInput("due_at: a commitment must be in the future")
    if due_at - now > timedelta(days=120):
        raise InvalidInput("due_at: more than 120 days ahead is not a commitment a customer can hold on to")
    description = _text(description, "description")
    for old in _open_commitments(uow, complaint):
        old.state = "replaced"
        clocks.cancel(uow, complaint, "commitment")
        history.record(uow, complaint, actor, "commitment_replaced", {"commitment_id": old.id, "due_at": old.due_at})
    commitment = Commitment(
        complaint_id=complaint.id, due_at=due_at, description=description, made_by_id=actor.id, created_at=now
    )
    uow.session.add(commitment)
    uow.session.add(Clock(complaint_id=complaint.id, kind="commitment", name="commitment", due_at=due_at))
    uow.session.flush()
    history.record(
        uow,
        complaint,
        actor,
        "commitment_made",
        {"commitment_id": commitment.id, "due_at": due_at, "description": description},
        customer_visible=True,
    )
    uow.commit()
    return Done(complaint)


def resolve(uow: UnitOfWork, actor: Actor, ref: int | str, resolution: str, *, version: int | None = None) -> Done:
    """Tell the customer the solution. The resolution text is sent to the customer."""
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    text = _text(resolution, "resolution")
    _move(uow, complaint, actor, Action.RESOLVE)
    msg = _message(uow, complaint, actor, "reply", text, True)
    now = uow.now()
    complaint.resolution = text
    complaint.resolved_at = now
    if complaint.first_response_at is None:
        complaint.first_response_at = now
    for commitment in _open_commitments(uow, complaint):
        _keep_commitment(uow, complaint, actor, commitment)
    clocks.meet(
        uow,
        complaint,
        "first_response",
        "progress_update",
        "commitment",
        "resolution",
        CUSTOMER_MESSAGE_CLOCK,
        regulatory_met_by="resolve",
    )
    uow.commit()
    return Done(complaint, msg)


def close(
    uow: UnitOfWork,
    actor: Actor,
    ref: int | str,
    *,
    outcome: str,
    relief: str,
    communicated: bool,
    customer_accepted: bool | None = None,
    referral: str | None = None,
    version: int | None = None,
) -> Done:
    """Close after the customer has been told the outcome (SPEC 1.7); starts the follow-up clock."""
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    if outcome not in OUTCOMES:
        raise InvalidInput(f"outcome: must be one of {', '.join(OUTCOMES)}")
    if relief not in RELIEFS:
        raise InvalidInput(f"relief: must be one of {', '.join(RELIEFS)}")
    if referral is not None and referral not in REFERRALS:
        raise InvalidInput(f"referral: must be one of {', '.join(REFERRALS)}")
    if not communicated:
        raise RuleViolation(
            "a complaint is closed only after the customer has been told the outcome "
            "(set communicated once you have told them)"
        )
    pending = uow.session.scalars(
        select(Remedy).where(Remedy.complaint_id == complaint.id, Remedy.state == "requested")
    ).first()
    if pending is not None:
        raise RuleViolation("a remedy still waits for approval; decide it before closing")
    if (
        relief == "monetary"
        and not uow.session.scalars(
            select(Remedy).where(
                Remedy.complaint_id == complaint.id, Remedy.state.in_(("approved", "paid")), Remedy.value > 0
            )
        ).first()
    ):
        raise RuleViolation("relief is monetary but no approved remedy with a value is recorded")
    _move(uow, complaint, actor, Action.CLOSE, outcome=outcome)
    complaint.outcome, complaint.relief, complaint.referral = outcome, relief, referral
    complaint.outcome_communicated = True
    complaint.customer_accepted = customer_accepted
    complaint.closed_at = uow.now()
    clocks.cancel(uow, complaint)
    clocks.start_follow_up_clock(uow, complaint)
    history.record(
        uow,
        complaint,
        actor,
        "outcome_recorded",
        {"outcome": outcome, "relief": relief, "customer_accepted": customer_accepted, "referral": referral},
    )
    uow.commit()
    return Done(complaint)


def customer_writes(
    uow: UnitOfWork, complaint: Complaint, body: str, *, via: str = "portal", public_base_url: str = ""
) -> Message:
    """The customer writes again (from the tracking page, the public API or an e-mail reply). The message is kept
    and shown to the handler; an answer is due within the first-response time of the complaint's priority (a
    clock the sweep escalates, met by the next reply). Whatever the status: a customer who writes after closing
    is heard, not bounced. The caller commits."""
    actor = customer_actor(complaint.customer.name if complaint.customer else "customer")
    msg = _message(uow, complaint, actor, "customer", _text(body, "message"), True, via=via)
    waiting = clocks.pending(uow, complaint, CUSTOMER_MESSAGE_CLOCK)
    if waiting:
        due = waiting[0].due_at
    else:
        due = sla_policy(uow).first_response_due(uow.now(), complaint.priority)
        uow.session.add(
            Clock(complaint_id=complaint.id, kind=CUSTOMER_MESSAGE_CLOCK, name=CUSTOMER_MESSAGE_CLOCK, due_at=due)
        )
    handler = complaint.assignee
    if handler is not None and handler.email and handler.active:
        lang, n = handler.language or organisation(uow).default_language, complaint.tracking_number
        history.enqueue_email(
            uow,
            handler.email,
            t(lang, "notify.customer_wrote_subject", n=n),
            t(
                lang,
                "notify.customer_wrote_body",
                n=n,
                customer=actor.name,
                status=complaint.status,
                due=due.isoformat(timespec="minutes"),
                link=f"{public_base_url}/complaints/{n}",
            ),
        )
    return msg


def record_survey(uow: UnitOfWork, actor: Actor, complaint: Complaint, score: int, comment: str) -> Survey:
    """The follow-up (SPEC 1.8). A low score reopens the complaint and raises its priority."""
    if not 1 <= score <= 5:
        raise InvalidInput("score: must be 1 to 5")
    comment = _text(comment, "comment", required=False)
    if complaint.status != Status.CLOSED.value:
        if complaint.status == Status.FOLLOWED_UP.value:
            raise RuleViolation("the follow-up for this complaint is already recorded")
        raise RuleViolation("the follow-up comes after the complaint is closed")
    survey = Survey(
        complaint_id=complaint.id,
        score=score,
        comment=comment,
        source="customer" if actor.kind == "customer" else "staff",
        created_at=uow.now(),
    )
    uow.session.add(survey)
    _move(uow, complaint, actor, Action.FOLLOW_UP, score=score)
    complaint.followed_up_at = uow.now()
    clocks.meet(uow, complaint, "follow_up")
    history.record(uow, complaint, actor, "survey_received", {"score": score, "comment": comment})
    if score <= LOW_SCORE:
        _reopen(uow, complaint, actor, f"follow-up score {score}/5")
    return survey


def follow_up(
    uow: UnitOfWork, actor: Actor, ref: int | str, score: int, comment: str = "", *, version: int | None = None
) -> Done:
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    record_survey(uow, actor, complaint, score, comment)
    uow.commit()
    return Done(complaint)


def _reopen(uow: UnitOfWork, complaint: Complaint, actor: Actor, reason: str) -> None:
    _move(uow, complaint, actor, Action.REOPEN, reason=reason)
    before = complaint.priority
    complaint.priority = raise_priority(before)
    complaint.escalation_level += 1
    if before != complaint.priority:
        history.record(
            uow,
            complaint,
            actor,
            "priority_changed",
            {"priority": {"before": before, "after": complaint.priority}, "reason": reason},
        )
    complaint.resolved_at = complaint.closed_at = None
    clocks.cancel(uow, complaint, "follow_up")
    clocks.start_progress_clock(uow, complaint)


def reopen(uow: UnitOfWork, actor: Actor, ref: int | str, reason: str, *, version: int | None = None) -> Done:
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    _reopen(uow, complaint, actor, _text(reason, "reason"))
    uow.commit()
    return Done(complaint)


def summarise(
    uow: UnitOfWork,
    actor: Actor,
    ref: int | str,
    *,
    root_cause: str,
    cause_detail: str = "",
    lesson: str = "",
    prevention: str = "",
    version: int | None = None,
) -> Done:
    """Root cause, lesson, prevention measure (SPEC 1.9). Edits keep the before/after in the history."""
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    root_cause = _text(root_cause, "root_cause")[:40]
    values = {
        "root_cause": root_cause,
        "cause_detail": _text(cause_detail, "cause_detail", False),
        "lesson": _text(lesson, "lesson", False),
        "prevention": _text(prevention, "prevention", False),
    }
    summary = uow.session.get(Summary, complaint.id)
    if summary is None:
        summary = Summary(complaint_id=complaint.id, author_id=actor.id, updated_at=uow.now(), **values)
        uow.session.add(summary)
        history.record(uow, complaint, actor, "summary_written", values)
    else:
        changed = history.changes(summary, values)
        if changed:
            summary.updated_at = uow.now()
            summary.author_id = actor.id
            history.record(uow, complaint, actor, "summary_edited", changed)
    complaint.updated_at = uow.now()
    uow.commit()
    return Done(complaint)


EDITABLE = (*CHECKLIST, "channel", "text")


def edit(
    uow: UnitOfWork,
    actor: Actor,
    ref: int | str,
    values: dict[str, Any],
    *,
    reanalyse: Any = None,
    version: int | None = None,
) -> Done:
    """Correct intake details. The text's earlier wording stays in the history; a new text is re-analysed."""
    _staff(actor)
    complaint = complaint_for(uow, actor, ref, version)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"cannot edit {', '.join(sorted(unknown))}")
    if "text" in values:
        values["text"] = _text(values["text"], "text")
    changed = history.changes(complaint, values)
    if not changed:
        return Done(complaint)
    history.record(uow, complaint, actor, "edited", changed)
    if "text" in changed and reanalyse is not None:
        reanalyse(uow, complaint, actor)
    complaint.updated_at = uow.now()
    uow.commit()
    return Done(complaint)
