"""What a supervisor watches: breached promises, escalations, team load, and the handlers who took many
hostile complaints today (seed 000: staff must manage their own emotions). Read-only.

`scope` is an optional filter on complaints (services.access.complaint_scope) so that a supervisor
sees their own teams; None means everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from ..adapters.db.tables import Clock, Complaint, Event, Team, User

OPEN = ("received", "acknowledged", "in_progress")
HOSTILE_EMOTIONS = frozenset({"anger"})
HOSTILE_RISKS = frozenset({"abuse"})
HOSTILE_MOTIVES = frozenset({"retaliate"})


def _scope(scope: ColumnElement[bool] | None) -> ColumnElement[bool]:
    return scope if scope is not None else true()


@dataclass(frozen=True, slots=True)
class Breach:
    complaint: Complaint
    clock_kind: str
    clock_name: str
    due_at: datetime
    swept: bool  # the sweep has marked and escalated it; False: overdue since the last sweep


def breaches(session: Session, now: datetime, scope: ColumnElement[bool] | None = None,
             limit: int = 100) -> list[Breach]:
    """Promises past due and not met, oldest deadline first."""
    rows = session.execute(
        select(Complaint, Clock.kind, Clock.name, Clock.due_at, Clock.breached_at)
        .join(Clock, Clock.complaint_id == Complaint.id)
        .where(Clock.met_at.is_(None), Clock.cancelled_at.is_(None), Clock.due_at <= now, _scope(scope))
        .order_by(Clock.due_at, Clock.id).limit(limit)
    ).all()
    return [Breach(c, kind, name, due, breached is not None) for c, kind, name, due, breached in rows]


def escalations(session: Session, scope: ColumnElement[bool] | None = None, limit: int = 100) -> list[Complaint]:
    """Open complaints raised by the sweep or a low follow-up score, most escalated first."""
    return list(session.scalars(
        select(Complaint).where(Complaint.escalation_level > 0, Complaint.status.in_(OPEN), _scope(scope))
        .order_by(Complaint.escalation_level.desc(), Complaint.priority, Complaint.id).limit(limit)))


@dataclass(frozen=True, slots=True)
class Load:
    name: str
    open: int
    urgent: int  # P1 and P2
    overdue: int
    user_id: int | None = None
    team_id: int | None = None


def team_load(session: Session, now: datetime,
              scope: ColumnElement[bool] | None = None) -> tuple[list[Load], list[Load]]:
    """(per lead team, per assigned handler): open complaints, urgent ones, ones with a deadline passed."""
    overdue = select(Clock.complaint_id).where(Clock.met_at.is_(None), Clock.cancelled_at.is_(None),
                                               Clock.due_at <= now)
    counts: Any = (
        func.count(Complaint.id),
        func.count(Complaint.id).filter(Complaint.priority.in_(("P1", "P2"))),
        func.count(Complaint.id).filter(Complaint.id.in_(overdue)),
    )
    base = (Complaint.status.in_(OPEN), _scope(scope))
    teams = session.execute(
        select(Team.id, Team.name, *counts).join(Team, Team.id == Complaint.lead_team_id)
        .where(*base).group_by(Team.id, Team.name).order_by(Team.name)
    ).all()
    people = session.execute(
        select(User.id, User.display_name, *counts).join(User, User.id == Complaint.assignee_id)
        .where(*base).group_by(User.id, User.display_name).order_by(User.display_name)
    ).all()
    return ([Load(name, int(o), int(u), int(d), team_id=tid) for tid, name, o, u, d in teams],
            [Load(name, int(o), int(u), int(d), user_id=uid) for uid, name, o, u, d in people])


@dataclass(frozen=True, slots=True)
class HostileLoad:
    user_id: int
    name: str
    complaints: int  # distinct hostile complaints the handler acted on since `since`
    tracking_numbers: tuple[str, ...]


def is_hostile(emotion: str | None, analysis: dict[str, Any] | None) -> bool:
    """Anger, abuse against staff, or a wish to retaliate."""
    a = analysis or {}
    return (emotion in HOSTILE_EMOTIONS or bool(HOSTILE_RISKS & set(a.get("risks") or []))
            or bool(HOSTILE_MOTIVES & set(a.get("motives") or [])))


def hostile_load_today(session: Session, since: datetime, threshold: int = 3,
                       scope: ColumnElement[bool] | None = None) -> list[HostileLoad]:
    """Handlers who acted on at least `threshold` hostile complaints since `since` (e.g. local midnight)."""
    rows = session.execute(
        select(Event.actor_id, Event.actor_name, Complaint.id, Complaint.tracking_number, Complaint.emotion,
               Complaint.analysis)
        .join(Complaint, Complaint.id == Event.complaint_id)
        .where(Event.actor_kind == "user", Event.actor_id.is_not(None), Event.at >= since, _scope(scope))
        .distinct()
    ).all()
    seen: dict[int, tuple[str, dict[int, str]]] = {}
    for actor_id, name, cid, number, emotion, analysis in rows:
        if is_hostile(emotion, analysis):
            seen.setdefault(int(actor_id), (str(name), {}))[1][int(cid)] = str(number)
    found = [HostileLoad(uid, name, len(cs), tuple(sorted(cs.values())))
             for uid, (name, cs) in seen.items() if len(cs) >= threshold]
    return sorted(found, key=lambda h: (-h.complaints, h.name))
