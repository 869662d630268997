"""The path from complaint to silence to a lost customer (seed 002)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from complaintdesk.domain.retention import ComplaintFacts, customer_stage

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def closed(n: str, days_ago: int, **kw: object) -> ComplaintFacts:
    at = NOW - timedelta(days=days_ago)
    return ComplaintFacts(n, at - timedelta(days=3), "closed", closed_at=at, **kw)  # type: ignore[arg-type]


def test_a_good_follow_up_score_means_recovered() -> None:
    assert customer_stage([closed("A", 60, survey_score=5)], NOW).stage == "recovered"


def test_an_accepted_outcome_without_survey_means_recovered() -> None:
    assert customer_stage([closed("A", 60, customer_accepted=True)], NOW).stage == "recovered"


def test_an_open_complaint_is_in_progress_unless_it_repeats_an_earlier_one() -> None:
    fresh = ComplaintFacts("B", NOW - timedelta(days=1), "acknowledged")
    assert customer_stage([fresh], NOW).stage == "in_progress"
    again = ComplaintFacts("C", NOW - timedelta(days=1), "in_progress", is_repeat=True)
    stage = customer_stage([closed("B", 20, customer_accepted=False), again], NOW)
    assert stage.stage == "repeat_unresolved" and stage.at_risk
    assert stage.tracking_numbers == ["B", "C"]


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        ({"customer_accepted": False}, "outcome_not_accepted"),
        ({"survey_score": 2}, "low_follow_up_score"),
        ({}, "follow_up_unanswered"),
    ],
)
def test_closed_unsettled_and_then_nothing_for_a_month_is_silence(facts: dict, reason: str) -> None:
    stage = customer_stage([closed("A", 45, **facts)], NOW)
    assert stage.stage == "silent"
    assert reason in stage.reasons and "silent_45_days" in stage.reasons


def test_silence_is_not_called_before_the_silence_period() -> None:
    stage = customer_stage([closed("A", 10, customer_accepted=False)], NOW)
    assert stage.stage == "in_progress" and not stage.at_risk


def test_silence_after_a_repeat_or_a_churn_threat_is_likely_loss() -> None:
    repeat = [closed("A", 90, customer_accepted=False), closed("B", 40, is_repeat=True)]
    assert customer_stage(repeat, NOW).stage == "likely_lost"
    threat = [closed("C", 40, churn_threat=True)]
    lost = customer_stage(threat, NOW)
    assert lost.stage == "likely_lost" and "churn_threat" in lost.reasons


def test_a_recent_closed_repeat_still_unsettled_is_repeat_unresolved() -> None:
    facts = [closed("A", 50, customer_accepted=False), closed("B", 5, is_repeat=True, survey_score=1)]
    stage = customer_stage(facts, NOW)
    assert stage.stage == "repeat_unresolved"
    assert "low_follow_up_score" in stage.reasons


def test_the_order_of_the_complaints_does_not_matter() -> None:
    facts = [closed("B", 40, is_repeat=True), closed("A", 90, customer_accepted=False)]
    assert customer_stage(facts, NOW) == customer_stage(list(reversed(facts)), NOW)


def test_no_complaints_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        customer_stage([], NOW)
