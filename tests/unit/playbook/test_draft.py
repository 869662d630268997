"""First-reply drafts: in the complaint's language and tone, filled in, and always passing the coach."""

from __future__ import annotations

import itertools
import random
from datetime import datetime

import pytest

from complaintdesk.domain.labels import EMOTIONS, LANGUAGES, MOTIVES, NATURES, RISKS, TEMPERAMENTS
from complaintdesk.playbook import DraftContext, coach, draft_reply

from .conftest import analysis

WHEN = datetime(2026, 6, 12, 17, 30)
HANDLER = {"en": ("Ana Lee", "020 7946 0321"), "zh-Hans": ("王丽", "021-6432 7788"), "zh-Hant": ("陳嘉欣", "2678 2678")}
CUSTOMER = {"en": "Mr Brown", "zh-Hans": "张先生", "zh-Hant": "陳太"}
CURRENCY = {"en": "GBP", "zh-Hans": "CNY", "zh-Hant": "HKD"}
WHEN_TEXT = {
    "en": "5:30 pm on Friday 12 June",
    "zh-Hans": "6月12日（星期五）下午5点30分前",
    "zh-Hant": "6月12日（星期五）下午5時30分前",
}


def _combinations(n: int) -> list[tuple[object, ...]]:
    """A reproducible sample of analysis combinations: every nature x emotion x temperament x language,
    with random motives, risks, names and remedies."""
    rng = random.Random(20260612)
    out = []
    for nature, emotion, temperament, lang in itertools.product(NATURES, EMOTIONS, TEMPERAMENTS, LANGUAGES):
        motives = rng.sample(MOTIVES, rng.randint(0, 3))
        risks = rng.sample(RISKS, rng.randint(0, 3))
        category = rng.choice(["equipment", "service_attitude", "service_quality", "emergency"])
        named = rng.random() < 0.5
        remedy = rng.choice([None, None, 50.0, 180.0])
        out.append((nature, emotion, temperament, lang, tuple(motives), tuple(risks), category, named, remedy))
    rng.shuffle(out)
    return out[:n]


COMBOS = _combinations(480)  # all 240 x 2 languages sampled: every combination of the single-label heads


def test_the_sample_covers_every_single_label_combination() -> None:
    seen = {(c[0], c[1], c[2], c[3]) for c in COMBOS}
    assert len(seen) == len(NATURES) * len(EMOTIONS) * len(TEMPERAMENTS) * len(LANGUAGES)


@pytest.mark.parametrize("combo", COMBOS, ids=lambda c: "-".join(map(str, c[:4])))
def test_every_draft_passes_the_coach(combo: tuple) -> None:  # type: ignore[type-arg]
    nature, emotion, temperament, lang, motives, risks, category, named, remedy = combo
    a = analysis(
        language=lang,
        nature=nature,
        emotion=emotion,
        temperament=temperament,
        motives=list(motives),
        risks=list(risks),
        category=category,
    )
    name, contact = HANDLER[lang]
    ctx = DraftContext(
        handler_name=name,
        contact=contact,
        commit_by=WHEN,
        customer_name=CUSTOMER[lang] if named else None,
        approved_remedy=remedy,
        currency=CURRENCY[lang],
        reference="CD-2026-0042",
        remedy_limit=200,
    )
    complaint = {"en": "The engineer never came.", "zh-Hans": "师傅一直没来。", "zh-Hant": "師傅一直都冇嚟。"}[lang]
    draft = draft_reply(a, ctx, complaint=complaint)
    assert draft.ok, (draft.text, draft.check.to_dict())
    # the same verdict from the coach on its own, with the complaint and the analysis
    assert coach(draft.text, complaint=complaint, lang=lang, analysis=a).ok
    assert draft.language == lang
    assert name in draft.text and contact in draft.text
    assert WHEN_TEXT[lang] in draft.text
    if named:
        assert CUSTOMER[lang] in draft.text
    if lang == "en":
        assert draft.text.isascii()
    else:
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in draft.text) > len(draft.text) / 2


def test_the_tone_follows_the_temperament() -> None:
    ctx = DraftContext("Ana Lee", "020 7946 0321", WHEN)
    eagle = draft_reply(analysis(emotion="anger", temperament="choleric"), ctx)
    dove = draft_reply(analysis(emotion="anger", temperament="phlegmatic"), ctx)
    assert eagle.tone != dove.tone
    # the eagle gets the deadline first, the dove reassurance
    assert eagle.blocks.index("commitment_first") < eagle.blocks.index("action")
    assert "reassure" in dove.blocks and "reassure" not in eagle.blocks
    assert eagle.text.index("5:30 pm") < eagle.text.index("sorry")


def test_risks_and_remedies_add_their_sentences() -> None:
    ctx = DraftContext("Ana Lee", "020 7946 0321", WHEN, approved_remedy=150, currency="GBP")
    d = draft_reply(analysis(risks=["legal", "safety", "collective"], category="emergency"), ctx)
    assert {"safety", "risk", "collective", "remedy"} <= set(d.blocks)
    assert "150 pounds" in d.text
    hans = draft_reply(
        analysis(language="zh-Hans", motives=["compensation"]),
        DraftContext("王丽", "021-6432 7788", WHEN, approved_remedy=150, currency="CNY"),
    )
    assert "150元" in hans.text
    claim = draft_reply(analysis(motives=["compensation"]), DraftContext("Ana Lee", "020 7946 0321", WHEN))
    assert "check your claim" in claim.text  # no amount promised before it is approved


def test_draft_as_a_dict() -> None:
    d = draft_reply(analysis(), DraftContext("Ana Lee", "020 7946 0321", WHEN)).to_dict()
    assert d["ok"] is True and d["violations"] == [] and d["language"] == "en" and d["text"]
