"""Routing across departments: a lead team, assisting teams, and returning a complaint a team cannot handle."""

from __future__ import annotations

from sqlalchemy import select

from ..adapters.db.tables import ComplaintTeam, Team, User
from ..domain.errors import InvalidInput, PermissionDenied, RuleViolation
from . import history
from .access import team_ids
from .actors import Actor
from .loading import complaint_for
from .uow import UnitOfWork
from .workflow import Done


def _team(uow: UnitOfWork, team_id: int) -> Team:
    team = uow.session.get(Team, team_id)
    if team is None:
        raise InvalidInput(f"team: there is no team {team_id}")
    return team


def assign(
    uow: UnitOfWork,
    actor: Actor,
    ref: int | str,
    *,
    assignee_id: int | None = None,
    lead_team_id: int | None = None,
    version: int | None = None,
) -> Done:
    """Set the lead team and/or the handler. Handlers may take a complaint themselves; supervisors dispatch."""
    if actor.user is None:
        raise PermissionDenied("only staff")
    user = actor.user
    complaint = complaint_for(uow, actor, ref, version)
    if user.role == "handler" and (lead_team_id is not None or (assignee_id not in (None, user.id))):
        raise PermissionDenied("a handler can only take a complaint themselves; a supervisor dispatches")
    changed: dict[str, dict[str, object]] = {}
    if lead_team_id is not None and lead_team_id != complaint.lead_team_id:
        team = _team(uow, lead_team_id)
        changed["lead_team"] = {"before": complaint.lead_team.name if complaint.lead_team else None, "after": team.name}
        complaint.lead_team_id = team.id
        complaint.lead_team = team
        complaint.needs_dispatch = False
    if assignee_id is not None and assignee_id != complaint.assignee_id:
        assignee = uow.session.get(User, assignee_id)
        if assignee is None or not assignee.active:
            raise InvalidInput(f"assignee: there is no active user {assignee_id}")
        if (
            complaint.lead_team_id is not None
            and complaint.lead_team_id not in team_ids(assignee)
            and assignee.role != "admin"
        ):
            raise RuleViolation(f"{assignee.username} is not in the lead team of this complaint")
        changed["assignee"] = {
            "before": complaint.assignee.username if complaint.assignee else None,
            "after": assignee.username,
        }
        complaint.assignee_id = assignee.id
        complaint.assignee = assignee
    if changed:
        complaint.updated_at = uow.now()
        history.record(uow, complaint, actor, "assigned", changed)
    uow.commit()
    return Done(complaint)


def add_assist(uow: UnitOfWork, actor: Actor, ref: int | str, team_id: int, *, version: int | None = None) -> Done:
    if actor.user is None or (actor.user.role == "handler" and complaint_for(uow, actor, ref).assignee_id != actor.id):
        raise PermissionDenied("the assigned handler or a supervisor asks other teams to assist")
    complaint = complaint_for(uow, actor, ref, version)
    team = _team(uow, team_id)
    if team.id == complaint.lead_team_id:
        raise RuleViolation(f"{team.name} already leads this complaint")
    existing = uow.session.scalars(
        select(ComplaintTeam).where(
            ComplaintTeam.complaint_id == complaint.id,
            ComplaintTeam.team_id == team.id,
            ComplaintTeam.state == "active",
        )
    ).first()
    if existing is None:
        uow.session.add(
            ComplaintTeam(
                complaint_id=complaint.id, team_id=team.id, role="assist", state="active", created_at=uow.now()
            )
        )
        history.record(uow, complaint, actor, "assist_requested", {"team": team.name})
        complaint.updated_at = uow.now()
    uow.commit()
    return Done(complaint)


def return_to_dispatch(
    uow: UnitOfWork, actor: Actor, ref: int | str, team_id: int, reason: str, *, version: int | None = None
) -> Done:
    """A team hands back a complaint it cannot handle, with the reason; the lead goes back for re-dispatch."""
    if actor.user is None:
        raise PermissionDenied("only staff")
    reason = reason.strip()
    if not reason:
        raise InvalidInput("reason: say why the team cannot handle it")
    complaint = complaint_for(uow, actor, ref, version)
    team = _team(uow, team_id)
    if team.id not in team_ids(actor.user) and actor.user.role != "admin":
        raise PermissionDenied(f"only members of {team.name} can return its work")
    now = uow.now()
    if complaint.lead_team_id == team.id:
        complaint.lead_team_id = None
        complaint.lead_team = None
        complaint.assignee_id = None
        complaint.assignee = None
        complaint.needs_dispatch = True
        uow.session.add(
            ComplaintTeam(
                complaint_id=complaint.id, team_id=team.id, role="lead", state="returned", reason=reason, created_at=now
            )
        )
    else:
        link = uow.session.scalars(
            select(ComplaintTeam).where(
                ComplaintTeam.complaint_id == complaint.id,
                ComplaintTeam.team_id == team.id,
                ComplaintTeam.state == "active",
            )
        ).first()
        if link is None:
            raise RuleViolation(f"{team.name} is not working on this complaint")
        link.state, link.reason = "returned", reason
    complaint.updated_at = now
    history.record(uow, complaint, actor, "dispatch_returned", {"team": team.name, "reason": reason})
    uow.commit()
    return Done(complaint)
