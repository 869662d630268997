"""The periodic improvement report (SPEC section 1, step 10) and the customers being lost (seed 002).

Read-only queries over the complaints a user may see (`scope`, from services.access.complaint_scope).
The period is [start, end) over reception time for volumes and times, and over the moment of payment,
answer or summary for remedies, satisfaction and measures.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from ..adapters.db.tables import Clock, Complaint, Customer, Event, Remedy, Summary, Survey, Team
from ..domain.hotspots import HotSpot, hot_spots
from ..domain.retention import STAGES, ComplaintFacts, Stage, customer_stage


@dataclass(frozen=True, slots=True)
class Period:
    start: datetime  # aware, inclusive
    end: datetime  # aware, exclusive
    team_id: int | None = None

    def before(self) -> Period:
        length = self.end - self.start
        return Period(self.start - length, self.start, self.team_id)


@dataclass(slots=True)
class Durations:
    n: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None

    @classmethod
    def of(cls, deltas: list[timedelta]) -> Durations:
        hours = sorted(d.total_seconds() / 3600 for d in deltas)
        if not hours:
            return cls()
        p90 = hours[min(len(hours) - 1, int(0.9 * len(hours)))]
        return cls(len(hours), round(statistics.median(hours), 1), round(p90, 1))


@dataclass(slots=True)
class Measure:
    tracking_number: str
    root_cause: str
    lesson: str
    prevention: str


@dataclass(slots=True)
class PeriodicReport:
    start: datetime
    end: datetime
    team: str | None
    received: int = 0
    previous_received: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_nature: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    by_root_cause: dict[str, int] = field(default_factory=dict)
    first_response: Durations = field(default_factory=Durations)
    resolution: Durations = field(default_factory=Durations)
    first_response_on_time: float | None = None
    remedies_paid: dict[str, dict[str, str]] = field(default_factory=dict)  # currency -> kind -> total
    satisfaction_n: int = 0
    satisfaction_average: float | None = None
    satisfaction_low_share: float | None = None
    measures: list[Measure] = field(default_factory=list)
    hot_spots: list[HotSpot] = field(default_factory=list)
    customers_at_risk: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["start"], out["end"] = self.start.isoformat(), self.end.isoformat()
        out["hot_spots"] = [{**asdict(h), "examples": list(h.examples)} for h in self.hot_spots]
        return out


def _in_period(p: Period, scope: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    clauses = [scope, Complaint.created_at >= p.start, Complaint.created_at < p.end]
    if p.team_id is not None:
        clauses.append(Complaint.lead_team_id == p.team_id)
    return clauses


def _scoped(p: Period, scope: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    clauses = [scope]
    if p.team_id is not None:
        clauses.append(Complaint.lead_team_id == p.team_id)
    return clauses


def _count_by(session: Session, column: Any, where: list[ColumnElement[bool]]) -> dict[str, int]:
    rows = session.execute(select(column, func.count(Complaint.id)).where(*where).group_by(column)).all()
    return {str(k or "unknown"): int(n) for k, n in sorted(rows, key=lambda r: -r[1])}


def periodic_report(session: Session, p: Period, scope: ColumnElement[bool], now: datetime) -> PeriodicReport:
    where = _in_period(p, scope)
    team = session.get(Team, p.team_id) if p.team_id is not None else None
    report = PeriodicReport(p.start, p.end, team.name if team is not None else None)
    report.received = int(session.scalar(select(func.count(Complaint.id)).where(*where)) or 0)
    report.previous_received = int(
        session.scalar(select(func.count(Complaint.id)).where(*_in_period(p.before(), scope))) or 0
    )
    report.by_category = _count_by(session, Complaint.category, where)
    report.by_nature = _count_by(session, Complaint.nature, where)
    report.by_channel = _count_by(session, Complaint.channel, where)

    times = session.execute(
        select(Complaint.created_at, Complaint.first_response_at, Complaint.resolved_at).where(*where)
    ).all()
    report.first_response = Durations.of([f - c for c, f, _ in times if f is not None])
    report.resolution = Durations.of([r - c for c, _, r in times if r is not None])
    firsts = session.execute(
        select(Clock.due_at, Clock.met_at)
        .join(Complaint, Complaint.id == Clock.complaint_id)
        .where(*where, Clock.kind == "first_response", Clock.cancelled_at.is_(None))
    ).all()
    decided = [(due, met) for due, met in firsts if met is not None or due <= now]
    if decided:
        report.first_response_on_time = round(
            sum(1 for due, met in decided if met is not None and met <= due) / len(decided), 3
        )

    scoped = _scoped(p, scope)
    paid: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for kind, currency, value in session.execute(
        select(Remedy.kind, Remedy.currency, Remedy.value)
        .join(Complaint, Complaint.id == Remedy.complaint_id)
        .where(*scoped, Remedy.state == "paid", Remedy.paid_at >= p.start, Remedy.paid_at < p.end)
    ):
        paid[currency][kind] += Decimal(value)
    report.remedies_paid = {cur: {k: str(v) for k, v in kinds.items()} for cur, kinds in sorted(paid.items())}

    scores = list(
        session.scalars(
            select(Survey.score)
            .join(Complaint, Complaint.id == Survey.complaint_id)
            .where(*scoped, Survey.created_at >= p.start, Survey.created_at < p.end)
        )
    )
    if scores:
        report.satisfaction_n = len(scores)
        report.satisfaction_average = round(statistics.fmean(scores), 2)
        report.satisfaction_low_share = round(sum(1 for s in scores if s <= 2) / len(scores), 3)

    summaries = session.execute(
        select(Complaint.tracking_number, Summary)
        .join(Summary, Summary.complaint_id == Complaint.id)
        .where(*scoped, Summary.updated_at >= p.start, Summary.updated_at < p.end)
        .order_by(Summary.updated_at)
    ).all()
    report.by_root_cause = dict(Counter(s.root_cause for _, s in summaries).most_common())
    report.measures = [
        Measure(tn, s.root_cause, s.lesson, s.prevention) for tn, s in summaries if s.prevention.strip()
    ]
    report.hot_spots = find_hot_spots(session, p, scope)
    stages = Counter(s.stage.stage for s in customers_at_risk(session, scope, now, team_id=p.team_id))
    report.customers_at_risk = {stage: stages.get(stage, 0) for stage in STAGES if stage not in ("recovered",)}
    return report


def find_hot_spots(
    session: Session, p: Period, scope: ColumnElement[bool], *, min_count: int = 3, rise: float = 1.5
) -> list[HotSpot]:
    columns = {
        "location": Complaint.location,
        "product": Complaint.product,
        "team": Team.name,
        "category": Complaint.category,
    }
    found: list[HotSpot] = []
    def rows(dimension: str, period: Period) -> list[Any]:
        query = (
            select(columns[dimension], Complaint.tracking_number)
            .where(*_in_period(period, scope))
            .order_by(Complaint.created_at, Complaint.id)
        )
        if dimension == "team":
            query = query.join(Team, Team.id == Complaint.lead_team_id)
        return list(session.execute(query).all())

    for dimension in columns:
        current = [(v, tn) for v, tn in rows(dimension, p)]
        previous = [v for v, _ in rows(dimension, p.before())]
        found += hot_spots(dimension, current, previous, min_count=min_count, rise=rise)
    return sorted(found, key=lambda h: -h.count)


@dataclass(slots=True)
class CustomerAtRisk:
    customer_id: int
    name: str
    email: str | None
    phone: str | None
    vip: bool
    stage: Stage

    @property
    def as_dict(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "vip": self.vip,
            "stage": self.stage.stage,
            "reasons": self.stage.reasons,
            "last_contact": self.stage.last_contact.isoformat() if self.stage.last_contact else None,
            "complaints": self.stage.tracking_numbers,
        }


def customers_at_risk(
    session: Session,
    scope: ColumnElement[bool],
    now: datetime,
    *,
    lookback_days: int = 365,
    silence_days: int = 30,
    team_id: int | None = None,
) -> list[CustomerAtRisk]:
    """Customers on the path to silence and loss, worst first (likely lost, silent, repeating)."""
    where = [scope, Complaint.created_at >= now - timedelta(days=lookback_days)]
    if team_id is not None:
        where.append(Complaint.lead_team_id == team_id)
    rows = session.execute(
        select(
            Complaint.id,
            Complaint.customer_id,
            Complaint.tracking_number,
            Complaint.created_at,
            Complaint.status,
            Complaint.closed_at,
            Complaint.is_repeat,
            Complaint.customer_accepted,
            Complaint.analysis,
        ).where(*where)
    ).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    latest_score: dict[int, int] = {}
    for complaint_id, score in session.execute(
        select(Survey.complaint_id, Survey.score).where(Survey.complaint_id.in_(ids)).order_by(Survey.created_at)
    ):
        latest_score[complaint_id] = score
    reopened = {
        cid
        for cid, data in session.execute(
            select(Event.complaint_id, Event.data).where(
                and_(Event.complaint_id.in_(ids), Event.kind == "status_changed")
            )
        )
        if (data or {}).get("action") == "reopen"
    }
    by_customer: dict[int, list[ComplaintFacts]] = defaultdict(list)
    for r in rows:
        risks = (r.analysis or {}).get("risks") or []
        by_customer[r.customer_id].append(
            ComplaintFacts(
                tracking_number=r.tracking_number,
                created_at=r.created_at,
                status=r.status,
                closed_at=r.closed_at,
                is_repeat=bool(r.is_repeat),
                customer_accepted=r.customer_accepted,
                survey_score=latest_score.get(r.id),
                churn_threat="churn" in risks,
                reopened=r.id in reopened,
            )
        )
    customers = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(by_customer)))}
    found = []
    for customer_id, facts in by_customer.items():
        stage = customer_stage(facts, now, silence_days)
        if stage.at_risk:
            c = customers[customer_id]
            found.append(CustomerAtRisk(c.id, c.name, c.email, c.phone, c.vip, stage))
    order = {s: i for i, s in enumerate(reversed(STAGES))}
    return sorted(found, key=lambda x: (order[x.stage.stage], not x.vip, x.stage.last_contact or now))
