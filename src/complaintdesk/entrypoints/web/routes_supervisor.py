"""The supervisor's view (breaches, escalations, approvals, team load, hostile load) and the dashboard."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from sqlalchemy import select
from starlette.responses import Response

from ... import insight
from ...adapters.db.tables import Complaint, Team
from ...domain.labels import CATEGORIES, EMOTIONS, MOTIVES, NATURES
from ...services import remedies
from ...services.access import complaint_scope
from ...services.actors import Actor
from . import charts
from .base import WebDep
from .render import render

router = APIRouter(include_in_schema=False)

SUPERVISORS = ("supervisor", "admin")
PERIODS = {"7d": 7, "30d": 30, "90d": 90, "365d": 365}
HOSTILE_THRESHOLD = 3
SHOWN = 12  # rows per list before "show all"


def _by_complaint(found: list[insight.Breach]) -> list[tuple[Complaint, list[insight.Breach]]]:
    """One row per complaint (its oldest breach first), in the order of its oldest breach."""
    rows: dict[int, tuple[Complaint, list[insight.Breach]]] = {}
    for b in found:
        rows.setdefault(b.complaint.id, (b.complaint, []))[1].append(b)
    return list(rows.values())


@router.get("/supervisor")
def supervisor(request: Request, w: WebDep) -> Response:
    with w.uow() as uow:
        user = w.user(uow, *SUPERVISORS)
        page = w.page(uow, user)
        scope = complaint_scope(user)
        now = uow.now()
        midnight = datetime.combine(now.astimezone(page.tz).date(), time(0), page.tz)
        threshold = request.query_params.get("threshold", "")
        limit = int(threshold) if threshold.isdigit() and 0 < int(threshold) < 100 else HOSTILE_THRESHOLD
        teams, people = insight.team_load(uow.session, now, scope)
        show_all = request.query_params.get("all") == "1"
        breached = _by_complaint(insight.breaches(uow.session, now, scope, limit=500))
        escalated = insight.escalations(uow.session, scope)
        return render(
            "supervisor.html", page, show_all=show_all, shown=None if show_all else SHOWN,
            breaches=breached, escalations=escalated,
            approvals=remedies.pending_approvals(uow, Actor.of(user)), teams=teams, people=people,
            hostile=insight.hostile_load_today(uow.session, midnight, limit, scope), threshold=limit,
        )


def _period(request: Request, tz: ZoneInfo, today: date) -> tuple[str, date, date]:
    """(period key, first day, day after the last) in the organisation's time zone."""
    p = request.query_params
    key = p.get("period", "30d")
    if key == "custom":
        try:
            start = date.fromisoformat(p.get("from", ""))
            end = date.fromisoformat(p.get("to", "")) + timedelta(days=1)
            if start < end and (end - start).days <= 3 * 366:
                return key, start, end
        except ValueError:
            pass
        key = "30d"
    days = PERIODS.get(key, 30)
    return (key if key in PERIODS else "30d"), today - timedelta(days=days - 1), today + timedelta(days=1)


@router.get("/dashboard")
def dashboard(request: Request, w: WebDep) -> Response:
    with w.uow() as uow:
        user = w.user(uow, *SUPERVISORS)
        page = w.page(uow, user)
        now = uow.now()
        key, start, end = _period(request, page.tz, now.astimezone(page.tz).date())
        team_param = request.query_params.get("team", "")
        all_teams = list(uow.session.scalars(select(Team).order_by(Team.name)))
        team_id = int(team_param) if team_param.isdigit() and any(t.id == int(team_param) for t in all_teams) \
            else None
        f = insight.ReportFilter(datetime.combine(start, time(0), page.tz), datetime.combine(end, time(0), page.tz),
                                 team_id)
        d = insight.dashboard(uow.session, f, now)
        cat_names = {k: page.label("category", k) for k in CATEGORIES} | {"unknown": page.t("dash.unknown")}
        nat_names = {k: page.label("nature", k) for k in NATURES} | {"unknown": page.t("dash.unknown")}
        volume_cat = charts.stacked_columns(d.by_category, [*CATEGORIES, "unknown"], cat_names, start, end,
                                            page.t("dash.by_category"))
        volume_nat = charts.stacked_columns(d.by_nature, [*NATURES, "unknown"], nat_names, start, end,
                                            page.t("dash.by_nature"))
        emotions = charts.bars([(page.label("emotion", e), d.emotions.get(e, 0)) for e in EMOTIONS],
                               page.t("dash.emotions"))
        motives = charts.bars([(page.label("motive", m), d.motives.get(m, 0)) for m in MOTIVES],
                              page.t("dash.motives"))
        sla = charts.bars([(page.label("clock", k), round(100 * s.compliance, 1)) for k, s in d.sla.items()
                           if s.compliance is not None], page.t("dash.sla"), "{:g} %")
        satisfaction = charts.bars([(f"{s} ★", n) for s, n in sorted(d.satisfaction.scores.items())],
                                   page.t("dash.satisfaction"))
        return render("dashboard.html", page, d=d, key=key, start=start, end=end - timedelta(days=1),
                      teams=all_teams, team_id=team_id, periods=list(PERIODS), volume_cat=volume_cat,
                      volume_nat=volume_nat, emotions=emotions, motives=motives, sla=sla,
                      satisfaction=satisfaction)
