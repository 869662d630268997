"""Pure deadline maths for the promises an organisation keeps (SPEC sections 1 and 5).

No clock is read here: every function takes the moment it starts from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .errors import InvalidInput

PRIORITY_ORDER = ("P1", "P2", "P3", "P4")


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """Working time in the organisation's time zone: weekdays 0=Monday..6=Sunday, start/end of day."""

    timezone: str = "UTC"
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    start: time = time(9, 0)
    end: time = time(18, 0)
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise InvalidInput("business hours: start must be before end")
        if not self.weekdays or any(d < 0 or d > 6 for d in self.weekdays):
            raise InvalidInput("business hours: weekdays must be numbers 0 (Monday) to 6 (Sunday)")
        try:
            ZoneInfo(self.timezone)
        except Exception:
            raise InvalidInput(f"business hours: unknown time zone {self.timezone!r}") from None

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BusinessHours:
        try:
            return cls(
                timezone=data.get("timezone", "UTC"),
                weekdays=tuple(int(d) for d in data.get("weekdays", (0, 1, 2, 3, 4))),
                start=time.fromisoformat(data.get("start", "09:00")),
                end=time.fromisoformat(data.get("end", "18:00")),
                holidays=frozenset(date.fromisoformat(d) for d in data.get("holidays", [])),
            )
        except (TypeError, ValueError) as exc:
            raise InvalidInput(f"business hours: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "weekdays": list(self.weekdays),
            "start": self.start.strftime("%H:%M"),
            "end": self.end.strftime("%H:%M"),
            "holidays": sorted(d.isoformat() for d in self.holidays),
        }


def add_business_hours(start: datetime, hours: float, bh: BusinessHours) -> datetime:
    """The moment `hours` of working time after `start` (aware datetime in, aware UTC out)."""
    tz = ZoneInfo(bh.timezone)
    local = start.astimezone(tz)
    remaining = timedelta(hours=hours)
    while True:
        day = local.date()
        day_start = datetime.combine(day, bh.start, tz)
        day_end = datetime.combine(day, bh.end, tz)
        if not bh.is_working_day(day) or local >= day_end:
            local = datetime.combine(day + timedelta(days=1), bh.start, tz)
            continue
        if local < day_start:
            local = day_start
        available = day_end - local
        if remaining <= available:
            return (local + remaining).astimezone(UTC)
        remaining -= available
        local = datetime.combine(day + timedelta(days=1), bh.start, tz)


def add_business_days(start: datetime, days: int, bh: BusinessHours) -> datetime:
    """End of the `days`-th working day after the day of `start` (aware UTC)."""
    tz = ZoneInfo(bh.timezone)
    day = start.astimezone(tz).date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if bh.is_working_day(day):
            counted += 1
    return datetime.combine(day, bh.end, tz).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class PriorityTargets:
    first_response_hours: float
    update_interval_hours: float
    resolution_hours: float


DEFAULT_TARGETS: dict[str, PriorityTargets] = {
    "P1": PriorityTargets(first_response_hours=2, update_interval_hours=24, resolution_hours=72),
    "P2": PriorityTargets(first_response_hours=8, update_interval_hours=48, resolution_hours=120),
    "P3": PriorityTargets(first_response_hours=24, update_interval_hours=48, resolution_hours=240),
    "P4": PriorityTargets(first_response_hours=24, update_interval_hours=72, resolution_hours=336),
}


@dataclass(frozen=True, slots=True)
class RegulatoryDeadline:
    """An external promise, e.g. 'final response within 8 weeks' or '15 business days, extendable to 35'."""

    name: str
    days: int
    business_days: bool = False
    met_by: str = "resolve"  # the event that meets it: acknowledge | resolve
    extended_days: int | None = None  # allowed with an interim response

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RegulatoryDeadline:
        try:
            deadline = cls(
                name=str(data["name"]),
                days=int(data["days"]),
                business_days=bool(data.get("business_days", False)),
                met_by=str(data.get("met_by", "resolve")),
                extended_days=int(data["extended_days"]) if data.get("extended_days") else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(f"regulatory deadline {data!r}: {exc}") from None
        if deadline.met_by not in ("acknowledge", "resolve"):
            raise InvalidInput("regulatory deadline: met_by must be acknowledge or resolve")
        if deadline.days <= 0:
            raise InvalidInput("regulatory deadline: days must be positive")
        return deadline

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "days": self.days,
            "business_days": self.business_days,
            "met_by": self.met_by,
            "extended_days": self.extended_days,
        }


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    targets: dict[str, PriorityTargets] = field(default_factory=lambda: dict(DEFAULT_TARGETS))
    business_hours: BusinessHours | None = None  # None: the clocks run around the clock
    follow_up_days: int = 7
    regulatory: tuple[RegulatoryDeadline, ...] = ()

    def target(self, priority: str) -> PriorityTargets:
        return self.targets.get(priority, self.targets.get("P3", DEFAULT_TARGETS["P3"]))

    def after_hours(self, start: datetime, hours: float) -> datetime:
        if self.business_hours is None:
            return start + timedelta(hours=hours)
        return add_business_hours(start, hours, self.business_hours)

    def first_response_due(self, received_at: datetime, priority: str) -> datetime:
        return self.after_hours(received_at, self.target(priority).first_response_hours)

    def next_update_due(self, last_contact_at: datetime, priority: str) -> datetime:
        return self.after_hours(last_contact_at, self.target(priority).update_interval_hours)

    def resolution_due(self, received_at: datetime, priority: str) -> datetime:
        return self.after_hours(received_at, self.target(priority).resolution_hours)

    def follow_up_due(self, closed_at: datetime) -> datetime:
        return closed_at + timedelta(days=self.follow_up_days)

    def regulatory_due(self, received_at: datetime, deadline: RegulatoryDeadline, extended: bool = False) -> datetime:
        days = deadline.extended_days if extended and deadline.extended_days else deadline.days
        if deadline.business_days:
            return add_business_days(received_at, days, self.business_hours or BusinessHours())
        return received_at + timedelta(days=days)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SlaPolicy:
        targets = dict(DEFAULT_TARGETS)
        for prio, values in (data.get("targets") or {}).items():
            if prio not in PRIORITY_ORDER:
                raise InvalidInput(f"SLA policy: unknown priority {prio!r}")
            base = targets[prio]
            try:
                targets[prio] = PriorityTargets(
                    first_response_hours=float(values.get("first_response_hours", base.first_response_hours)),
                    update_interval_hours=float(values.get("update_interval_hours", base.update_interval_hours)),
                    resolution_hours=float(values.get("resolution_hours", base.resolution_hours)),
                )
            except (TypeError, ValueError, AttributeError) as exc:
                raise InvalidInput(f"SLA policy for {prio}: {exc}") from None
            if min(targets[prio].first_response_hours, targets[prio].update_interval_hours) <= 0:
                raise InvalidInput(f"SLA policy for {prio}: hours must be positive")
        bh = data.get("business_hours")
        return cls(
            targets=targets,
            business_hours=BusinessHours.from_dict(bh) if bh else None,
            follow_up_days=int(data.get("follow_up_days", 7)),
            regulatory=tuple(RegulatoryDeadline.from_dict(d) for d in data.get("regulatory", [])),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "targets": {
                p: {
                    "first_response_hours": t.first_response_hours,
                    "update_interval_hours": t.update_interval_hours,
                    "resolution_hours": t.resolution_hours,
                }
                for p, t in self.targets.items()
            },
            "business_hours": self.business_hours.to_dict() if self.business_hours else None,
            "follow_up_days": self.follow_up_days,
            "regulatory": [d.to_dict() for d in self.regulatory],
        }


def raise_priority(priority: str) -> str:
    """One step more urgent (P1 stays P1)."""
    idx = PRIORITY_ORDER.index(priority) if priority in PRIORITY_ORDER else 2
    return PRIORITY_ORDER[max(0, idx - 1)]
