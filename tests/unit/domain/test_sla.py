from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from complaintdesk.domain.errors import InvalidInput
from complaintdesk.domain.sla import (
    BusinessHours,
    RegulatoryDeadline,
    SlaPolicy,
    add_business_days,
    add_business_hours,
    raise_priority,
)

SHANGHAI = BusinessHours(timezone="Asia/Shanghai", start=time(9), end=time(18))


def at(s: str) -> datetime:
    return datetime.fromisoformat(s)


def test_default_first_response_is_24_hours_around_the_clock() -> None:
    policy = SlaPolicy()
    received = at("2026-11-06T22:00:00+00:00")
    assert policy.first_response_due(received, "P3") == received + timedelta(hours=24)
    assert policy.first_response_due(received, "P1") == received + timedelta(hours=2)
    assert policy.follow_up_due(received) == received + timedelta(days=7)
    assert policy.next_update_due(received, "P3") == received + timedelta(hours=48)


def test_business_hours_skip_nights_and_weekends() -> None:
    # Friday 17:00 Shanghai + 2 working hours = Monday 10:00 Shanghai
    friday = at("2026-11-06T17:00:00+08:00")
    assert add_business_hours(friday, 2, SHANGHAI) == at("2026-11-09T10:00:00+08:00")
    # received at night counts from the next opening
    night = at("2026-11-03T23:30:00+08:00")
    assert add_business_hours(night, 1, SHANGHAI) == at("2026-11-04T10:00:00+08:00")
    # 24 working hours = 2 days and 6 hours of 9-hour days
    monday = at("2026-11-02T09:00:00+08:00")
    assert add_business_hours(monday, 24, SHANGHAI) == at("2026-11-04T15:00:00+08:00")


def test_holidays_are_not_working_days() -> None:
    bh = BusinessHours(timezone="UTC", holidays=frozenset({date(2026, 12, 25)}))
    eve = at("2026-12-24T17:00:00+00:00")
    assert add_business_hours(eve, 2, bh) == at("2026-12-28T10:00:00+00:00")  # Fri 25th holiday, weekend


def test_regulatory_deadlines_in_calendar_and_business_days() -> None:
    policy = SlaPolicy(
        business_hours=SHANGHAI,
        regulatory=(
            RegulatoryDeadline("final_response", days=56),
            RegulatoryDeadline("psd2", days=15, business_days=True, extended_days=35),
        ),
    )
    received = at("2026-11-02T10:00:00+08:00")  # a Monday
    assert policy.regulatory_due(received, policy.regulatory[0]) == received + timedelta(weeks=8)
    due = policy.regulatory_due(received, policy.regulatory[1])
    assert due.astimezone(UTC) == at("2026-11-23T18:00:00+08:00").astimezone(UTC)  # 15 working days later
    extended = policy.regulatory_due(received, policy.regulatory[1], extended=True)
    assert extended == add_business_days(received, 35, SHANGHAI)


def test_policy_round_trips_and_validates() -> None:
    policy = SlaPolicy.from_dict(
        {
            "targets": {"P1": {"first_response_hours": 1}},
            "business_hours": {"timezone": "Asia/Hong_Kong", "start": "08:30", "end": "17:30"},
            "regulatory": [{"name": "ack", "days": 3, "business_days": True, "met_by": "acknowledge"}],
        }
    )
    assert SlaPolicy.from_dict(policy.to_dict()) == policy
    with pytest.raises(InvalidInput):
        SlaPolicy.from_dict({"targets": {"P9": {}}})
    with pytest.raises(InvalidInput):
        SlaPolicy.from_dict({"business_hours": {"timezone": "Mars/Olympus"}})
    with pytest.raises(InvalidInput):
        SlaPolicy.from_dict({"regulatory": [{"name": "x"}]})


def test_raise_priority_stops_at_p1() -> None:
    assert [raise_priority(p) for p in ("P4", "P3", "P2", "P1")] == ["P3", "P2", "P1", "P1"]
