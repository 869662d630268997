"""Who may see and do what. One place, used by every service and query."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select, true

from ..adapters.db.tables import Complaint, ComplaintTeam, User
from ..domain.errors import NotFound, PermissionDenied

ROLES = ("handler", "supervisor", "admin")


def team_ids(user: User) -> set[int]:
    return {t.id for t in user.teams}


def complaint_scope(user: User) -> ColumnElement[bool]:
    """A filter on complaints: a handler sees their teams' complaints (lead or assisting), a supervisor
    their teams', an admin everything. Complaints waiting for dispatch are seen by supervisors."""
    if user.role == "admin":
        return true()
    teams = team_ids(user)
    assisting = exists(
        select(ComplaintTeam.id).where(
            ComplaintTeam.complaint_id == Complaint.id,
            ComplaintTeam.team_id.in_(teams),
            ComplaintTeam.state == "active",
        )
    )
    clauses: list[ColumnElement[bool]] = [
        Complaint.lead_team_id.in_(teams),
        assisting,
        Complaint.assignee_id == user.id,
    ]
    if user.role == "supervisor":
        clauses.append(Complaint.lead_team_id.is_(None))
    return or_(*clauses)


def can_see(user: User, complaint: Complaint, assisting_team_ids: set[int]) -> bool:
    if user.role == "admin" or complaint.assignee_id == user.id:
        return True
    teams = team_ids(user)
    if complaint.lead_team_id in teams or teams & assisting_team_ids:
        return True
    return user.role == "supervisor" and complaint.lead_team_id is None


def require_role(user: User, *roles: str) -> None:
    if user.role not in roles:
        raise PermissionDenied(f"this needs the role {' or '.join(roles)}; you are {user.role}")


def not_found(tracking_or_id: object) -> NotFound:
    return NotFound(f"no complaint {tracking_or_id} that you can see")
