"""Learning from outcomes: satisfaction with and without each plan step, the draft and each approach."""

from __future__ import annotations

from complaintdesk.playbook import OutcomeRecord, learn_from_outcomes


def test_no_records() -> None:
    report = learn_from_outcomes([])
    assert report.n == 0 and report.mean is None and report.steps == ()


def test_lift_per_step_draft_and_approach() -> None:
    records = [
        OutcomeRecord(("listen_fully", "commit_date"), True, 5, "choleric"),
        OutcomeRecord(("listen_fully", "commit_date"), True, 4, "choleric"),
        OutcomeRecord(("commit_date",), False, 3, "phlegmatic"),
        OutcomeRecord(("listen_fully",), True, 5, "phlegmatic"),
        OutcomeRecord((), False, 1, "phlegmatic"),
        OutcomeRecord(("rare_step",), False, 2, None),
    ]
    report = learn_from_outcomes(records, min_count=2)
    assert report.n == 6 and round(report.mean or 0, 3) == round(20 / 6, 3)
    steps = {e.key: e for e in report.steps}
    assert set(steps) == {"listen_fully", "commit_date"}
    assert steps["listen_fully"].n_with == 3 and steps["listen_fully"].mean_with == 14 / 3
    assert steps["listen_fully"].mean_without == 2.0
    assert report.steps[0].key == "listen_fully"  # best lift first
    assert report.rare_steps == ("rare_step",)
    assert report.draft is not None and report.draft.n_with == 3 and report.draft.lift == 14 / 3 - 2
    assert [a.key for a in report.approaches] == ["choleric", "phlegmatic"]
    d = report.to_dict()
    assert d["steps"][0]["key"] == "listen_fully" and d["draft"]["n_without"] == 3


def test_a_step_used_everywhere_has_no_comparison() -> None:
    report = learn_from_outcomes([OutcomeRecord(("a",), False, 4), OutcomeRecord(("a",), False, 2)], min_count=1)
    assert report.steps[0].mean_without is None and report.steps[0].lift is None
