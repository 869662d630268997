from complaintdesk.analysis.lexicon import Lexicon
from complaintdesk.analysis.text import normalize


def cues(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    norm = normalize(text)
    return [(text[c.start : c.end], c.groups, c.negated) for c in Lexicon.default().match(norm)]


def groups(text: str, *, negated: bool = False) -> set[str]:
    return {g for _, gs, neg in cues(text) for g in gs if neg == negated}


def test_risk_cues_in_three_languages() -> None:
    assert "risk.legal" in groups("I will sue you and call my lawyer")
    assert "risk.regulator" in groups("再不处理我就打12315")
    assert "risk.media" in groups("我會放上Facebook讓大家看看")
    assert "risk.safety" in groups("My son was injured by the broken gate")


def test_negation_marks_the_cue() -> None:
    assert "emotion.anger" in groups("I am not angry, just tired", negated=True)
    assert "emotion.anger" not in groups("I am not angry, just tired")
    assert "emotion.anger" in groups("我不是很生气", negated=True)
    # 不断 is not a negation
    assert "nature.effective" in groups("你们不断地骗人")


def test_overlapping_and_traditional_cues() -> None:
    found = cues("部機壞咗，好嬲")
    texts = [t for t, _, _ in found]
    assert "好嬲" in texts and "嬲" in texts
    assert "emotion.anger" in groups("部機壞咗，好嬲")


def test_english_terms_are_whole_words_with_stems() -> None:
    assert "motive.compensation" in groups("They refunded nothing")  # refund*
    assert "risk.legal" not in groups("the issue persists")  # sue inside a word
    assert "risk.legal" in groups("我要sue你们")


def test_spans_are_offsets_into_the_original() -> None:
    text = "我們要求退款！"
    for span_text, _, _ in cues(text):
        assert span_text in text


def test_informal_english_and_microblog_cues() -> None:
    assert "emotion.anger" in groups("wtf is this, 3 weeks and nothing 😡")
    assert "emotion.anger" in groups("FFS, are you kidding me")
    assert "emotion.disappointment" in groups("honestly so done with you guys 😞")
    assert "risk.churn" in groups("never again, I'm done with this bank")
    assert "style.sarcasm" in groups("oh great, another delay. thanks for nothing 🙃")
    assert "emotion.anger" in groups("卧槽，又扣我钱")
    assert "emotion.confusion" in groups("一脸懵，这是啥情况")


def test_regular_expression_cues_and_merged_files() -> None:
    assert "risk.repeat" in groups("这是我第三次打电话了")
    assert "risk.repeat" in groups("This is the 4th time I have called")
    assert "risk.repeat" in groups("已經打了三次電話")
    # cues_more.yaml adds to the groups of cues.yaml rather than replacing them
    assert "risk.legal" in groups("I will sue you")
    assert "risk.abuse" in groups("you useless muppet")


def test_negated_risk_is_not_the_risk() -> None:
    assert "risk.legal" not in groups("I won't sue, I just want it fixed")
    assert "risk.compensation_demand" in groups("我不要求赔偿", negated=True)


def test_rule_groups_are_the_narrow_core_and_count_for_the_risk() -> None:
    # an explicit threat is a rule cue, and its terms also feed the model's risk group
    assert {"rule.legal", "risk.legal"} <= groups("I am going to sue you")
    assert {"rule.media", "risk.media"} <= groups("我要找记者曝光你们")
    assert "rule.media" in groups("this is going viral on social media")
    assert "rule.abuse" in groups("you useless idiot")
    # broad wording stays with the model only
    assert "rule.legal" not in groups("I called the police about the break-in")
    assert "rule.media" not in groups("我天天看新闻联播")
    assert "rule.legal" not in groups("Sue at the front desk was lovely")
    # negated threats are not rule cues
    assert "rule.legal" in groups("I won't sue you, I just want it fixed", negated=True)
    assert "rule.legal" not in groups("I won't sue you, I just want it fixed")
    assert "rule.media" not in groups("我不会找记者，只想解决问题")


def test_general_repeat_collective_churn_media_phrasings() -> None:
    assert "risk.repeat" in groups("I have called them twice about this")
    assert "risk.repeat" in groups("third outage in a row this week")
    assert "risk.repeat" in groups("打咗三次熱線都冇人理")
    assert "risk.repeat" in groups("这不是第一次了，我已经反映过")
    assert "risk.collective" in groups("six of us got sick after the meal")
    assert "risk.collective" in groups("附近居民都受影响")
    assert "risk.churn" in groups("I'll be taking my business elsewhere")
    assert "risk.churn" in groups("以后都唔會再幫襯")
    assert "risk.media" in groups("I'm posting about this all over facebook")
    assert "risk.media" in groups("照片會po上網")
