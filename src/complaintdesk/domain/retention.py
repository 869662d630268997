"""The path from complaint to silence to a lost customer (seed 002), as rules over one customer's complaints.

Most dissatisfied customers never complain; of those who do, one who complains twice without result
stops complaining and then leaves. Silence after a complaint is therefore not peace: a complaint closed
without the customer's acceptance, or a follow-up survey nobody answered or answered badly, followed
by no contact at all, is the moment a customer is being lost. These rules name each customer's stage
so that someone can call them back while it still helps.

Stages, from good to bad:

- ``recovered``: the latest complaint ended accepted or with a good follow-up score (4-5).
- ``in_progress``: a complaint is still open; nothing to say yet unless it repeats an earlier one.
- ``repeat_unresolved``: complained again about the same matter, and the latest is not settled well.
- ``silent``: the latest complaint was closed more than ``silence_days`` ago, the customer did not
  accept the outcome, or scored the follow-up low, or never answered it, and has not been heard since.
- ``likely_lost``: silent, and also a repeat complainant, or one who threatened to leave, or one
  whose outcomes were refused more than once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

STAGES = ("recovered", "in_progress", "repeat_unresolved", "silent", "likely_lost")
OPEN = frozenset({"received", "acknowledged", "in_progress", "resolved"})
GOOD_SCORE = 4
LOW_SCORE = 2


@dataclass(frozen=True, slots=True)
class ComplaintFacts:
    """What the rules need to know of one complaint."""

    tracking_number: str
    created_at: datetime
    status: str
    closed_at: datetime | None = None
    is_repeat: bool = False
    customer_accepted: bool | None = None
    survey_score: int | None = None  # the latest follow-up score, 1..5
    churn_threat: bool = False  # the analysis found a churn risk
    reopened: bool = False


@dataclass(frozen=True, slots=True)
class Stage:
    stage: str
    reasons: list[str] = field(default_factory=list)
    last_contact: datetime | None = None
    tracking_numbers: list[str] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return self.stage in ("repeat_unresolved", "silent", "likely_lost")


def _settled_well(c: ComplaintFacts) -> bool:
    if c.survey_score is not None:
        return c.survey_score >= GOOD_SCORE
    return c.customer_accepted is True


def _unsettled_reasons(c: ComplaintFacts) -> list[str]:
    reasons = []
    if c.customer_accepted is False:
        reasons.append("outcome_not_accepted")
    if c.survey_score is not None and c.survey_score <= LOW_SCORE:
        reasons.append("low_follow_up_score")
    if c.survey_score is None and c.customer_accepted is not True:
        reasons.append("follow_up_unanswered")
    return reasons


def customer_stage(complaints: Sequence[ComplaintFacts], now: datetime, silence_days: int = 30) -> Stage:
    """The stage of one customer, from all their complaints (any order)."""
    if not complaints:
        raise ValueError("a customer stage needs at least one complaint")
    ordered = sorted(complaints, key=lambda c: c.created_at)
    latest = ordered[-1]
    numbers = [c.tracking_number for c in ordered]
    last_contact = max(c.closed_at or c.created_at for c in ordered)
    repeats = sum(1 for c in ordered if c.is_repeat or c.reopened)
    refused = sum(1 for c in ordered if c.customer_accepted is False)
    threatened = any(c.churn_threat for c in ordered)

    if latest.status in OPEN:
        if latest.is_repeat:
            return Stage("repeat_unresolved", ["repeat_complaint_open"], last_contact, numbers)
        return Stage("in_progress", [], last_contact, numbers)
    if _settled_well(latest):
        return Stage("recovered", [], last_contact, numbers)
    if repeats and len(ordered) > 1 and latest.closed_at is not None and now - latest.closed_at < timedelta(
        days=silence_days
    ):
        return Stage("repeat_unresolved", ["repeat_complaint", *_unsettled_reasons(latest)], last_contact, numbers)
    closed = latest.closed_at or latest.created_at
    if now - closed < timedelta(days=silence_days):
        return Stage("in_progress", _unsettled_reasons(latest), last_contact, numbers)
    reasons = [*_unsettled_reasons(latest), f"silent_{(now - closed).days}_days"]
    if repeats:
        reasons.append("repeat_complaint")
    if threatened:
        reasons.append("churn_threat")
    if refused > 1:
        reasons.append("outcomes_refused_twice")
    lost = bool(repeats) or threatened or refused > 1
    return Stage("likely_lost" if lost else "silent", reasons, last_contact, numbers)
