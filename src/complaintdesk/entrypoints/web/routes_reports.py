"""Reports for supervisors and admins: the customers being lost after a complaint (seed 002) and the periodic
improvement report (volumes against the period before, response and resolution times, root causes, hot spots,
measures taken). Supervisors report on their own teams, admins on every team."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi import APIRouter, Request
from sqlalchemy import select
from starlette.responses import Response

from ...adapters.db.tables import Team, User
from ...domain.errors import PermissionDenied
from ...services import reporting
from ...services.access import team_ids
from ...services.actors import Actor
from ...services.uow import UnitOfWork
from .base import Forbidden, WebDep
from .render import Page, render
from .routes_supervisor import PERIODS, SUPERVISORS, _period

router = APIRouter(include_in_schema=False)

AT_RISK_STAGES = ("likely_lost", "silent", "repeat_unresolved")  # worst first, as the list is ordered
DEFAULT_SILENCE = 30
SILENT = re.compile(r"silent_(\d+)_days")


def _teams(uow: UnitOfWork, user: User) -> list[Team]:
    """The teams the user may report on: all for an admin, their own for a supervisor."""
    teams = list(uow.session.scalars(select(Team).order_by(Team.name)))
    if user.role == "admin":
        return teams
    own = team_ids(user)
    return [t for t in teams if t.id in own]


def _team(request: Request, teams: list[Team]) -> int | None:
    value = request.query_params.get("team", "")
    return int(value) if value.isdigit() and any(t.id == int(value) for t in teams) else None


def reason_text(page: Page, reason: str) -> str:
    """A retention reason code in words ("silent_42_days" → "silent for 42 days")."""
    silent = SILENT.fullmatch(reason)
    if silent:
        return page.t("risk.reason.silent", n=int(silent.group(1)))
    key = f"risk.reason.{reason}"
    text = page.t(key)
    return reason if text == f"web.{key}" else text


@router.get("/customers-at-risk")
def customers_at_risk(request: Request, w: WebDep) -> Response:
    with w.uow() as uow:
        user = w.user(uow, *SUPERVISORS)
        page = w.page(uow, user)
        teams = _teams(uow, user)
        team_id = _team(request, teams)
        days = request.query_params.get("silence", "")
        silence = int(days) if days.isdigit() and 1 <= int(days) <= 365 else DEFAULT_SILENCE
        stage = request.query_params.get("stage", "")
        stage = stage if stage in AT_RISK_STAGES else ""
        try:
            found = reporting.at_risk(uow, Actor.of(user), team_id, silence)
        except PermissionDenied as exc:
            raise Forbidden() from exc
        counts = {s: sum(1 for c in found if c.stage.stage == s) for s in AT_RISK_STAGES}
        shown = [c for c in found if not stage or c.stage.stage == stage]
        return render("customers_at_risk.html", page, customers=shown, counts=counts, total=len(found),
                      teams=teams, team_id=team_id, silence=silence, stage=stage, stages=AT_RISK_STAGES,
                      reason=lambda r: reason_text(page, r))


@router.get("/reports")
def reports(request: Request, w: WebDep) -> Response:
    with w.uow() as uow:
        user = w.user(uow, *SUPERVISORS)
        page = w.page(uow, user)
        teams = _teams(uow, user)
        team_id = _team(request, teams)
        key, start, end = _period(request, page.tz, uow.now().astimezone(page.tz).date())
        last = end - timedelta(days=1)
        try:
            report = reporting.periodic(uow, Actor.of(user), start, last, team_id)
        except PermissionDenied as exc:
            raise Forbidden() from exc
        change = None
        if report.previous_received:
            change = round(100 * (report.received - report.previous_received) / report.previous_received)
        return render("reports.html", page, r=report, key=key, start=start, end=last, periods=list(PERIODS),
                      teams=teams, team_id=team_id, change=change, stages=AT_RISK_STAGES)
