"""Handling plans: different analyses give visibly different plans, each step tied to its principle."""

from __future__ import annotations

import pytest

from complaintdesk.domain.labels import LANGUAGES
from complaintdesk.playbook import PlanContext, make_plan

from .conftest import analysis

LIMIT = PlanContext(remedy_limit=200, currency="GBP", handler_name="Ana Lee", contact="020 7946 0321")

ANGRY_EAGLE_REFUND = analysis(
    nature="effective",
    emotion="anger",
    motives=["compensation", "fix"],
    temperament="choleric",
    risks=["compensation_demand"],
    amounts=[500],
    priority="P2",
)
CONFUSED_DOVE_QUESTION = analysis(nature="consultation", emotion="confusion", temperament="phlegmatic", priority="P4")
PRECISE_OWL = analysis(
    nature="effective", emotion="dissatisfaction", temperament="melancholic", motives=["respect", "advise"]
)
RETALIATION_MEDIA = analysis(
    nature="venting",
    emotion="anger",
    motives=["retaliate", "vent"],
    temperament="sanguine",
    risks=["media", "legal"],
    priority="P1",
)


def ids(a: object, ctx: PlanContext = LIMIT) -> list[str]:
    return make_plan(a, ctx).step_ids  # type: ignore[arg-type]


def test_an_angry_eagle_demanding_a_refund() -> None:
    plan = make_plan(ANGRY_EAGLE_REFUND, LIMIT)
    steps = plan.step_ids
    assert {"listen_fully", "keep_it_brief", "lead_with_deadline", "check_history", "check_claim_reasonable"} <= set(
        steps
    )
    assert "investigate_large_amount" in steps and plan.needs_approval  # 500 above the 200 limit
    assert not {"gentle_reassurance", "explain_step_by_step", "warm_rapport"} & set(steps)
    assert steps.index("listen_fully") < steps.index("apologise_no_blame") < steps.index("commit_date")
    assert plan.tone == "brief and deadline-first"
    big = next(s for s in plan.steps if s.id == "investigate_large_amount")
    assert "200 GBP" in big.do


def test_a_confused_dove_asking_a_question() -> None:
    plan = make_plan(CONFUSED_DOVE_QUESTION, LIMIT)
    steps = plan.step_ids
    assert {"explain_step_by_step", "gentle_reassurance", "solve_on_the_spot"} <= set(steps)
    assert not {"listen_fully", "keep_it_brief", "apologise_no_blame", "check_claim_reasonable"} & set(steps)
    assert not plan.needs_senior and not plan.needs_approval
    assert plan.tone == "gentle and reassuring"


def test_a_melancholic_owl_with_a_precise_effective_complaint() -> None:
    steps = ids(PRECISE_OWL)
    assert {"prepare_facts", "precise_facts", "respect_and_thank", "praise_expertise", "record_root_cause"} <= set(
        steps
    )
    assert "protect_informant" in steps  # effective complaints: no position before the facts
    assert "keep_it_brief" not in steps


def test_retaliation_and_media_risk_bring_a_senior_handler_and_evidence() -> None:
    plan = make_plan(RETALIATION_MEDIA, LIMIT)
    steps = plan.step_ids
    assert steps[:2] == ["senior_handler", "keep_evidence"]
    assert {"back_to_reason", "careful_wording", "steer_talkative", "warm_rapport"} <= set(steps)
    assert plan.needs_senior


def test_the_four_plans_are_all_different() -> None:
    plans = [ids(a) for a in (ANGRY_EAGLE_REFUND, CONFUSED_DOVE_QUESTION, PRECISE_OWL, RETALIATION_MEDIA)]
    assert len({tuple(p) for p in plans}) == 4
    # and not just in order: each pair differs by several steps
    for i, a in enumerate(plans):
        for b in plans[i + 1 :]:
            assert len(set(a) ^ set(b)) >= 4


def test_the_customer_record_changes_the_plan() -> None:
    base = set(ids(CONFUSED_DOVE_QUESTION))
    ctx = PlanContext(prior_complaints=2, repeat_matter=True, doubtful_claims=1, vip=True, remedy_limit=200)
    with_record = set(ids(CONFUSED_DOVE_QUESTION, ctx))
    assert with_record - base == {"repeat_escalate", "doubtful_history", "vip_attention"}
    assert make_plan(CONFUSED_DOVE_QUESTION, ctx).needs_senior


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_cites_its_principle_and_seed_in_the_complaints_language(lang: str) -> None:
    plan = make_plan(analysis(**{**RETALIATION_MEDIA.to_dict(), "amounts": [], "language": lang}), LIMIT)
    assert plan.language == lang
    for step in plan.steps:
        assert step.do and step.principle
        assert "seed" in step.source or "种子" in step.source or "種子" in step.source
    texts = " ".join(s.do for s in plan.steps)
    if lang == "en":
        assert texts.isascii()
    else:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in texts)
    words = [w for s in plan.steps for w in s.say]
    assert any("Ana Lee" in w for w in words)


def test_the_commitment_date_is_written_into_the_suggested_words() -> None:
    from datetime import datetime

    ctx = PlanContext(handler_name="Ana Lee", commit_by=datetime(2026, 6, 12, 17, 0))
    step = next(s for s in make_plan(ANGRY_EAGLE_REFUND, ctx).steps if s.id == "commit_date")
    assert step.say == ("I will call you by 5 pm on Friday 12 June with the result.",)
    hans = make_plan(analysis(**{**ANGRY_EAGLE_REFUND.to_dict(), "amounts": [], "language": "zh-Hans"}), ctx)
    assert "6月12日（星期五）下午5点前" in next(s for s in hans.steps if s.id == "commit_date").say[0]


def test_plan_as_a_dict() -> None:
    d = make_plan(RETALIATION_MEDIA, LIMIT).to_dict()
    assert set(d) == {"language", "tone", "needs_senior", "needs_approval", "steps"}
    assert set(d["steps"][0]) == {"id", "phase", "do", "say", "principle", "source"}
