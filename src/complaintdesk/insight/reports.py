"""Report queries for the dashboard and periodic reports (SPEC section 1, step 10). Read-only.

The period is [start, end) over the complaint's reception time; a team filter keeps complaints whose lead
team it is. Results are plain values, so that the same numbers feed the web charts and CSV exports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from ..adapters.db.tables import Clock, Commitment, Complaint, Remedy, Survey


@dataclass(frozen=True, slots=True)
class ReportFilter:
    start: datetime  # aware; inclusive
    end: datetime  # aware; exclusive
    team_id: int | None = None


def _where(f: ReportFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [Complaint.created_at >= f.start, Complaint.created_at < f.end]
    if f.team_id is not None:
        clauses.append(Complaint.lead_team_id == f.team_id)
    return clauses


def _complaint_ids(f: ReportFilter) -> Select[Any]:
    return select(Complaint.id).where(*_where(f))


def _day(value: Any) -> date:
    """func.date() gives a date on PostgreSQL and an ISO string on SQLite."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def volume_by_day(session: Session, f: ReportFilter, by: str = "category") -> list[tuple[date, str, int]]:
    """(day, label, count) of complaints received, by category or nature; days in UTC, sorted."""
    column = {"category": Complaint.category, "nature": Complaint.nature, "priority": Complaint.priority,
              "channel": Complaint.channel}[by]
    day = func.date(Complaint.created_at)
    rows = session.execute(
        select(day, column, func.count(Complaint.id)).where(*_where(f)).group_by(day, column)
    ).all()
    return sorted((_day(d), str(label or "unknown"), int(n)) for d, label, n in rows)


def emotion_mix(session: Session, f: ReportFilter) -> dict[str, int]:
    rows = session.execute(
        select(Complaint.emotion, func.count(Complaint.id)).where(*_where(f)).group_by(Complaint.emotion)
    ).all()
    return {str(e or "unknown"): int(n) for e, n in rows}


def motive_mix(session: Session, f: ReportFilter, strongest_only: bool = False) -> dict[str, int]:
    """How often each motive appears (or is the strongest, with `strongest_only`). Motives live in the
    analysis document, which the databases store as JSON of different kinds: they are counted here."""
    counts: Counter[str] = Counter()
    for analysis in session.scalars(select(Complaint.analysis).where(*_where(f))):
        motives = list((analysis or {}).get("motives") or [])
        counts.update(motives[:1] if strongest_only else motives)
    return dict(counts.most_common())


@dataclass(slots=True)
class ClockStats:
    kind: str
    on_time: int = 0
    late: int = 0  # met after the deadline
    breached: int = 0  # past due and still not met
    running: int = 0

    @property
    def decided(self) -> int:
        return self.on_time + self.late + self.breached

    @property
    def compliance(self) -> float | None:
        """Share of decided clocks met on time, 0..1; None when none is decided yet."""
        return self.on_time / self.decided if self.decided else None


def sla_compliance(session: Session, f: ReportFilter, now: datetime) -> dict[str, ClockStats]:
    """Per kind of clock (first_response, progress_update, commitment, resolution, follow_up, regulatory)."""
    stats: dict[str, ClockStats] = {}
    rows = session.execute(
        select(Clock.kind, Clock.due_at, Clock.met_at, Clock.breached_at)
        .where(Clock.cancelled_at.is_(None), Clock.complaint_id.in_(_complaint_ids(f)))
    ).all()
    for kind, due_at, met_at, breached_at in rows:
        s = stats.setdefault(kind, ClockStats(kind))
        if met_at is not None:
            if breached_at is None and met_at <= due_at:
                s.on_time += 1
            else:
                s.late += 1
        elif breached_at is not None or due_at <= now:
            s.breached += 1
        else:
            s.running += 1
    return dict(sorted(stats.items()))


def commitments_kept(session: Session, f: ReportFilter, now: datetime | None = None) -> dict[str, int]:
    """Commitments by state: open, kept, late, broken, replaced; with `now`, an open commitment whose date has
    passed counts as "overdue" (a promise already missed, whatever happens next)."""
    rows = session.execute(
        select(Commitment.state, Commitment.due_at)
        .where(Commitment.complaint_id.in_(_complaint_ids(f)))
    ).all()
    counts: dict[str, int] = {}
    for state, due_at in rows:
        key = "overdue" if state == "open" and now is not None and due_at <= now else str(state)
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


@dataclass(frozen=True, slots=True)
class RemedyLine:
    kind: str
    state: str
    currency: str
    count: int
    value: Decimal


def remedies_granted(session: Session, f: ReportFilter) -> list[RemedyLine]:
    rows = session.execute(
        select(Remedy.kind, Remedy.state, Remedy.currency, func.count(Remedy.id),
               func.coalesce(func.sum(Remedy.value), 0))
        .where(Remedy.complaint_id.in_(_complaint_ids(f)))
        .group_by(Remedy.kind, Remedy.state, Remedy.currency)
    ).all()
    lines = [RemedyLine(str(k), str(s), str(c), int(n), Decimal(str(v)).quantize(Decimal("0.01")))
             for k, s, c, n, v in rows]
    return sorted(lines, key=lambda x: (x.kind, x.state, x.currency))


@dataclass(frozen=True, slots=True)
class Satisfaction:
    scores: dict[int, int]  # score 1..5 -> number of answers
    count: int
    average: float | None


def satisfaction(session: Session, f: ReportFilter) -> Satisfaction:
    rows = session.execute(
        select(Survey.score, func.count(Survey.id))
        .where(Survey.complaint_id.in_(_complaint_ids(f))).group_by(Survey.score)
    ).all()
    scores = {s: 0 for s in range(1, 6)}
    for score, n in rows:
        scores[int(score)] = int(n)
    count = sum(scores.values())
    average = sum(s * n for s, n in scores.items()) / count if count else None
    return Satisfaction(scores, count, average)


@dataclass(slots=True)
class Dashboard:
    filter: ReportFilter
    total: int = 0
    open: int = 0
    by_category: list[tuple[date, str, int]] = field(default_factory=list)
    by_nature: list[tuple[date, str, int]] = field(default_factory=list)
    emotions: dict[str, int] = field(default_factory=dict)
    motives: dict[str, int] = field(default_factory=dict)
    sla: dict[str, ClockStats] = field(default_factory=dict)
    commitments: dict[str, int] = field(default_factory=dict)
    remedies: list[RemedyLine] = field(default_factory=list)
    satisfaction: Satisfaction = field(default_factory=lambda: Satisfaction({}, 0, None))


def dashboard(session: Session, f: ReportFilter, now: datetime) -> Dashboard:
    """Everything the dashboard page shows, for one period and team."""
    open_statuses = ("received", "acknowledged", "in_progress")
    total, still_open = session.execute(
        select(func.count(Complaint.id),
               func.count(Complaint.id).filter(Complaint.status.in_(open_statuses)))
        .where(and_(*_where(f)))
    ).one()
    return Dashboard(
        filter=f, total=int(total), open=int(still_open),
        by_category=volume_by_day(session, f, "category"), by_nature=volume_by_day(session, f, "nature"),
        emotions=emotion_mix(session, f), motives=motive_mix(session, f), sla=sla_compliance(session, f, now),
        commitments=commitments_kept(session, f, now), remedies=remedies_granted(session, f),
        satisfaction=satisfaction(session, f),
    )
