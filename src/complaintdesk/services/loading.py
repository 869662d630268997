"""Loading records for a use case, with the permission check and the optimistic version check."""

from __future__ import annotations

from sqlalchemy import select

from ..adapters.db.tables import Complaint, ComplaintTeam, Organisation
from ..domain.errors import Conflict, RuleViolation
from ..domain.sla import SlaPolicy
from .access import can_see, not_found
from .actors import Actor
from .uow import UnitOfWork


def organisation(uow: UnitOfWork) -> Organisation:
    org = uow.memo("organisation", lambda: uow.session.scalars(select(Organisation).limit(1)).first())
    if org is None:
        raise RuleViolation("the database has no organisation yet: run `complaintdesk init`")
    return org


def sla_policy(uow: UnitOfWork) -> SlaPolicy:
    return SlaPolicy.from_dict(organisation(uow).sla_policy or {})


def assisting_team_ids(uow: UnitOfWork, complaint_id: int) -> set[int]:
    return set(
        uow.session.scalars(
            select(ComplaintTeam.team_id).where(
                ComplaintTeam.complaint_id == complaint_id,
                ComplaintTeam.state == "active",
                ComplaintTeam.role == "assist",
            )
        )
    )


MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


def complaint_for(uow: UnitOfWork, actor: Actor, ref: int | str, expected_version: int | None = None) -> Complaint:
    """The complaint by id or tracking number, if `actor` may see it; 404 otherwise (no leak of existence)."""
    query = select(Complaint)
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isascii() and ref.isdigit()):
        if not 0 < int(ref) <= MAX_ID:
            raise not_found(ref)
        query = query.where(Complaint.id == int(ref))
    else:
        query = query.where(Complaint.tracking_number == str(ref).upper())
    complaint = uow.session.scalars(query).first()
    if complaint is None:
        raise not_found(ref)
    if actor.user is not None and not can_see(actor.user, complaint, assisting_team_ids(uow, complaint.id)):
        raise not_found(ref)
    if expected_version is not None and complaint.version != expected_version:
        raise Conflict(
            f"complaint {complaint.tracking_number} is at version {complaint.version}, not {expected_version}: "
            "someone changed it; reload and try again"
        )
    return complaint
