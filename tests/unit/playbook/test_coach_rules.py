"""The reply coach: every rule fires on a bad reply and stays quiet on a good one, in each language."""

from __future__ import annotations

import pytest

from complaintdesk.analysis.result import Analysis
from complaintdesk.domain.labels import COACH_RULES, LANGUAGES
from complaintdesk.playbook import CoachContext, coach

from .cases import BAD, COMPLAINT, EN_SIGN, GOOD, GOOD_LOOKALIKES, HANS_SIGN, HANT_SIGN

CASES = [(rule, lang) for rule in COACH_RULES for lang in LANGUAGES]


def test_every_rule_has_a_case_in_every_language() -> None:
    assert set(BAD) == set(COACH_RULES) == set(GOOD_LOOKALIKES)
    for rule in COACH_RULES:
        assert set(BAD[rule]) == set(LANGUAGES) == set(GOOD_LOOKALIKES[rule])


@pytest.mark.parametrize(("rule", "lang"), CASES)
def test_bad_reply_raises_exactly_its_rule(rule: str, lang: str) -> None:
    reply = BAD[rule][lang]
    result = coach(reply, complaint=COMPLAINT[lang], lang=lang)
    assert result.rules == [rule], result.to_dict()
    v = result.violations[0]
    start, end = v.span
    assert 0 <= start <= end <= len(reply)
    assert v.evidence == reply[start:end]
    assert v.message and v.principle and v.suggestion
    assert "seed" in v.principle or "种子" in v.principle or "種子" in v.principle


@pytest.mark.parametrize(("rule", "lang"), CASES)
def test_lookalike_good_reply_raises_nothing(rule: str, lang: str) -> None:
    result = coach(GOOD_LOOKALIKES[rule][lang], complaint=COMPLAINT[lang], lang=lang)
    assert result.ok, result.to_dict()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_good_reply_passes_clean(lang: str) -> None:
    assert coach(GOOD[lang], complaint=COMPLAINT[lang], lang=lang).ok


@pytest.mark.parametrize("lang", LANGUAGES)
def test_texts_are_in_the_replys_language(lang: str) -> None:
    result = coach(BAD["no_apology"][lang], lang=lang)
    message = result.violations[0].message
    if lang == "en":
        assert message.isascii()
    elif lang == "zh-Hans":
        assert "回复" in message
    else:
        assert "回覆" in message


def test_language_is_detected_when_not_given() -> None:
    assert coach(BAD["no_apology"]["zh-Hant"]).language == "zh-Hant"
    assert coach(BAD["no_apology"]["zh-Hans"]).language == "zh-Hans"
    assert coach(BAD["no_apology"]["en"]).language == "en"


# ---- the subtle cases of the issue, in each language

SUBTLE: list[tuple[str, str, str]] = [
    # an excuse wrapped in politeness
    (
        "excuses",
        "en",
        "Dear Mr Brown, we sincerely apologise; however, as you may appreciate, our engineers were extremely busy "
        "that week and the holiday period meant a backlog of visits. The visit is on Thursday at 9 am; I will call "
        "you by 5 pm Wednesday." + EN_SIGN,
    ),
    (
        "excuses",
        "zh-Hans",
        "张先生您好，真的非常抱歉，不过也请您体谅，那几天正值节假日高峰，师傅们实在忙不过来，再加上系统升级。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
    ),
    (
        "excuses",
        "zh-Hant",
        "陳太您好，非常抱歉，不過那幾天正值旺季，人手唔夠，加上颱風影響，師傅真係忙唔切。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    ),
    # "according to regulations" as the first words
    (
        "policy_first",
        "en",
        "According to our regulations, missed visits are rebooked in turn. I'm sorry for the wait; the visit is on "
        "Thursday at 9 am and I will call you by 5 pm Wednesday." + EN_SIGN,
    ),
    (
        "policy_first",
        "zh-Hans",
        "根据规定，上门时间只能按排队顺序安排。让您久等了，非常抱歉。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
    ),
    (
        "policy_first",
        "zh-Hant",
        "根據規定，上門時間只可按輪候次序安排。令您久等，非常抱歉。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    ),
    # "I'll get back to you soon" with no time
    (
        "no_commitment",
        "en",
        "Dear Mr Brown, I'm sorry the engineer did not come. I'll get back to you soon." + EN_SIGN,
    ),
    ("no_commitment", "zh-Hans", "张先生您好，师傅没来让您白等，非常抱歉。我们稍后再联系您。" + HANS_SIGN),
    ("no_commitment", "zh-Hant", "陳太您好，師傅冇到令您白等，非常抱歉。我哋遲啲再聯絡您。" + HANT_SIGN),
    # "this will never happen again"
    (
        "overpromise",
        "en",
        "Dear Mr Brown, I'm sorry the engineer did not come. This will never happen again. The visit is on "
        "Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
    ),
    (
        "overpromise",
        "zh-Hans",
        "张先生您好，让您白等了一天，非常抱歉，这种事以后再也不会发生。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
    ),
    (
        "overpromise",
        "zh-Hant",
        "陳太您好，令您白等一日，非常抱歉，以後唔會再有呢種事。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    ),
    # a neighbour named as the informant
    (
        "disclosure",
        "en",
        "Dear Mr Brown, I'm sorry for the trouble. Your neighbour at number 14 reported the noise to us. Our officer "
        "will visit on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
    ),
    (
        "disclosure",
        "zh-Hans",
        "张先生您好，给您添麻烦了，抱歉。是您楼上的邻居打电话来投诉的。我们周四上午9点上门了解，周三下午5点前我会给您回电。"
        + HANS_SIGN,
    ),
    (
        "disclosure",
        "zh-Hant",
        "陳太您好，令您不便，非常抱歉。係你隔籬屋打嚟投訴嘅。我們星期四上午9時上門了解，星期三下午5時前我會致電。"
        + HANT_SIGN,
    ),
]


@pytest.mark.parametrize(("rule", "lang", "reply"), SUBTLE, ids=[f"{r}-{lang}" for r, lang, _ in SUBTLE])
def test_subtle_cases(rule: str, lang: str, reply: str) -> None:
    assert rule in coach(reply, complaint=COMPLAINT[lang], lang=lang).rules


# ---- negation and context: what must *not* fire

NOT_VIOLATIONS: list[tuple[str, str, str]] = [
    (
        "overpromise",
        "en",
        "Dear Mr Brown, I'm sorry the engineer did not come. I can't promise it will never happen again, but I have "
        "changed how visits are confirmed. The visit is on Thursday at 9 am; I will call you by 5 pm Wednesday."
        + EN_SIGN,
    ),
    (
        "overpromise",
        "zh-Hans",
        "张先生您好，让您白等了一天，非常抱歉。我不能保证以后绝对不会出问题，但已改为上门前一天电话确认。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
    ),
    (
        "argues_or_blames",
        "en",
        "Dear Mr Brown, I'm sorry: you should have received a reminder text and you didn't, which is our fault. The "
        "visit is on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
    ),
    (
        "argues_or_blames",
        "zh-Hans",
        "张先生您好，一年没用却多扣了钱，换谁都会不高兴，非常抱歉，这不是因为您的操作，是系统重复扣款。"
        "多扣的30元已经原路退回。" + HANS_SIGN,
    ),
    (
        "no_commitment",
        "en",
        "Dear Mr Brown, thanks for asking; I can see why the charge looked odd. The £30 is the call-out fee, which is "
        "why it appears separately from the repair. You don't need to do anything." + EN_SIGN,
    ),
    (
        "no_commitment",
        "zh-Hans",
        "张先生您好，谢谢您来咨询，费用突然变多，担心是正常的。我查了一下，这是上门费，所以单独列出，您不需要再做什么。"
        + HANS_SIGN,
    ),
    (
        "demands_apology",
        "zh-Hans",
        "张先生您好，让您白等了一天，非常抱歉，我已让当事员工向您当面道歉。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
    ),
    (
        "disclosure",
        "zh-Hant",
        "鄺先生您好，兩個月來天天聽鑽牆聲，真係辛苦您，很抱歉。我們今日已向該單位業主發出書面警告，明天起每朝八時巡查，"
        "下星期五前我會致電向您更新情況。" + HANT_SIGN,
    ),
]


@pytest.mark.parametrize(
    ("rule", "lang", "reply"), NOT_VIOLATIONS, ids=[f"not-{r}-{lang}" for r, lang, _ in NOT_VIOLATIONS]
)
def test_lookalikes_with_negation_and_context(rule: str, lang: str, reply: str) -> None:
    result = coach(reply, complaint=COMPLAINT[lang], lang=lang)
    assert rule not in result.rules, result.to_dict()


def test_consultation_question_answered_needs_no_commitment() -> None:
    question = "Why was I charged £30 on top of the repair? Is that normal?"
    reply = (
        "Dear Mr Brown, thanks for asking. The £30 is the call-out fee, which is why it is shown separately; it is "
        "charged on every visit." + EN_SIGN
    )
    assert "no_commitment" not in coach(reply, complaint=question, lang="en").rules


def test_the_handlers_name_from_the_context_counts_as_a_signature() -> None:
    reply = (
        "Dear Mr Brown, I'm sorry. The visit is on Thursday at 9 am; I will call you by 5 pm Wednesday. "
        "Hana, 020 7946 0321"
    )
    assert "no_contact" not in coach(reply, lang="en", context=CoachContext(handler_name="Hana")).rules


def test_a_remedy_above_the_limit_is_an_overpromise_unless_approved() -> None:
    reply = (
        "Dear Mr Brown, I'm sorry the engineer did not come. I will refund you £500 for the lost day. The visit is on "
        "Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN
    )
    assert "overpromise" in coach(reply, lang="en", context=CoachContext(remedy_limit=200)).rules
    approved = CoachContext(remedy_limit=200, approved_remedy=500)
    assert "overpromise" not in coach(reply, lang="en", context=approved).rules
    hans = "张先生您好，让您白等了一天，非常抱歉。我们赔偿您800元误工费。周三下午5点前我会给您回电。" + HANS_SIGN
    assert "overpromise" in coach(hans, lang="zh-Hans", context=CoachContext(remedy_limit=200)).rules
    # amounts in Chinese numerals, and money named as "a payment of"
    hans = "张先生您好，非常抱歉。除了全额退款，我再额外赔您五千元作为补偿。周三下午5点前我会给您回电。" + HANS_SIGN
    assert "overpromise" in coach(hans, lang="zh-Hans", context=CoachContext(remedy_limit=200)).rules
    assert "overpromise" not in coach(hans, lang="zh-Hans", context=CoachContext(remedy_limit=8000)).rules
    reply = "Dear Mr Brown, I'm sorry. I've arranged a payment of £1,500 for a new one; I'll call you Friday." + EN_SIGN
    assert "overpromise" in coach(reply, lang="en", context=CoachContext(remedy_limit=200)).rules


def test_analysis_exempts_a_calm_question_from_an_apology() -> None:
    reply = "Dear Mr Brown, the £30 is the call-out fee, shown separately on every bill." + EN_SIGN
    calm_question = Analysis(
        language="en",
        nature="consultation",
        category="service_quality",
        emotion="calm",
        motives=[],
        temperament="phlegmatic",
        risks=[],
        amounts=[],
        priority="P4",
    )
    assert "no_apology" in coach(reply, lang="en").rules
    assert "no_apology" not in coach(reply, lang="en", analysis=calm_question).rules


def test_empty_reply_reports_the_missing_essentials() -> None:
    result = coach("", lang="en")
    assert {"no_apology", "no_contact", "no_commitment"} <= set(result.rules)
    assert all(v.span == (0, 0) for v in result.violations)
