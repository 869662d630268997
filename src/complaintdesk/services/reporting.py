"""Reports for supervisors, managers and admins: the periodic improvement report, hot spots and the
customers being lost. Access: supervisors see their teams' complaints, admins everything."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from ..domain.errors import InvalidInput, PermissionDenied
from ..insight.periodic import CustomerAtRisk, Period, PeriodicReport, customers_at_risk, periodic_report
from .access import complaint_scope, require_role, team_ids
from .actors import Actor
from .loading import organisation
from .uow import UnitOfWork

MAX_DAYS = 3660


def period(
    start: date | None, end: date | None, today: date, team_id: int | None = None, zone: tzinfo | None = None
) -> Period:
    """[start, end] as whole days in `zone` (the organisation's time zone); by default the last 30 days up to
    today."""
    zone = zone or ZoneInfo("UTC")
    end = end or today
    start = start or end - timedelta(days=29)
    if start > end:
        raise InvalidInput(f"the period starts ({start}) after it ends ({end})")
    if (end - start).days > MAX_DAYS:
        raise InvalidInput(f"a report covers at most {MAX_DAYS} days")
    return Period(
        datetime.combine(start, time(), zone), datetime.combine(end + timedelta(days=1), time(), zone), team_id
    )


def org_zone(uow: UnitOfWork) -> ZoneInfo:
    """The organisation's time zone: report days start at its midnight (UTC if it names none we know)."""
    try:
        return ZoneInfo(organisation(uow).timezone or "UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def _reader(actor: Actor, team_id: int | None) -> None:
    assert actor.user is not None
    require_role(actor.user, "supervisor", "admin")
    if team_id is not None and actor.user.role != "admin" and team_id not in team_ids(actor.user):
        raise PermissionDenied("you can report only on your own teams")


def periodic(
    uow: UnitOfWork, actor: Actor, start: date | None = None, end: date | None = None, team_id: int | None = None
) -> PeriodicReport:
    _reader(actor, team_id)
    assert actor.user is not None
    zone = org_zone(uow)
    p = period(start, end, uow.now().astimezone(zone).date(), team_id, zone)
    return periodic_report(uow.session, p, complaint_scope(actor.user), uow.now())


def at_risk(
    uow: UnitOfWork, actor: Actor, team_id: int | None = None, silence_days: int = 30, lookback_days: int = 365
) -> list[CustomerAtRisk]:
    _reader(actor, team_id)
    assert actor.user is not None
    if not 1 <= silence_days <= 365 or not 1 <= lookback_days <= MAX_DAYS:
        raise InvalidInput("silence_days must be 1..365 and lookback_days 1..3660")
    return customers_at_risk(
        uow.session,
        complaint_scope(actor.user),
        uow.now(),
        lookback_days=lookback_days,
        silence_days=silence_days,
        team_id=team_id,
    )
