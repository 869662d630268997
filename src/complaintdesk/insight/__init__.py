"""Insight: read-only report queries over the complaint records (dashboards, periodic reports, exports).

Nothing here writes. Every function takes a SQLAlchemy session and a `ReportFilter`, and returns plain
dataclasses and dicts that a web page, a CSV export or the CLI can render.
"""

from .reports import (
    Dashboard,
    ReportFilter,
    commitments_kept,
    dashboard,
    emotion_mix,
    motive_mix,
    remedies_granted,
    satisfaction,
    sla_compliance,
    volume_by_day,
)
from .supervision import Breach, HostileLoad, Load, breaches, escalations, hostile_load_today, team_load

__all__ = [
    "Breach",
    "Dashboard",
    "HostileLoad",
    "Load",
    "ReportFilter",
    "breaches",
    "commitments_kept",
    "dashboard",
    "emotion_mix",
    "escalations",
    "hostile_load_today",
    "motive_mix",
    "remedies_granted",
    "satisfaction",
    "sla_compliance",
    "team_load",
    "volume_by_day",
]
