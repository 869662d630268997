"""The `learned` check: a trained sentence scorer catches blame and demanded apologies worded in ways no
pattern lists, and stays quiet on replies that own the fault. New wordings, not taken from any labelled pair.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaintdesk.playbook import coach
from complaintdesk.playbook._data import DATA_DIR
from complaintdesk.playbook._learned import load_model
from complaintdesk.playbook.train_coach import examples, main

from .variants import reply

UNSEEN_BLAME = {
    "en": [
        "With respect, the registration card was left blank where the allergy question is asked.",
    ],
    "zh-Hans": [
        "您当时要是看一眼门口的告示，就不会白跑这一趟。",
    ],
    "zh-Hant": [
        "難道您沒有看到門口貼的公告嗎？",
    ],
}

UNSEEN_DEMAND = {
    "en": [
        "Our cashier is still upset, and we would like you to say sorry to her when you next come in.",
        "We can look at the refund once you are able to speak to our branch staff politely.",
        "Please be more respectful to the crew, otherwise we cannot take this further.",
    ],
    "zh-Hans": [
        "保安师傅被您骂哭了，希望您先向他赔个不是。",
        "请您冷静一点，注意用词，否则我们没法继续为您办理。",
    ],
    "zh-Hant": ["同事畀你鬧到喊，希望你先同佢講聲對唔住。"],
}

OWNING = {
    "en": [
        "You filled in every part of the form correctly; the fault was ours, because our scanner dropped page two.",
        "You told us about the allergy at booking, and we should have passed it on to the kitchen.",
    ],
    "zh-Hans": [
        "您的申请表填写完全正确，是我们的系统漏录了，与您无关。",
        "您说得对，工作人员当时就应该把材料清单一次讲清楚。",
    ],
    "zh-Hant": [
        "你份表格填得完全正確，係我哋系統漏咗，唔關你事。",
        "您說得對，同仁當時就應該一次把文件清單說明清楚。",
    ],
}


# not yet found (scores below the threshold): kept as known gaps
GAPS = [
    ("en", "The meter readings you sent in were several months out of date, so the estimate was used."),
    ("zh-Hans", "说实话，您寄来的申请表漏填了身份证号码，窗口只能退件。"),
    # found at the earlier threshold 0.65; the cross-validated 0.7 gives it up for precision
    ("zh-Hant", "講真，你當日交嚟嘅表格漏咗簽名，同事先會退件。"),
]

# near misses: polite replies that quote the customer, own a cause, say what staff did or ask neutrally
NEAR_MISS = {
    "en": [
        "You mentioned that the courier left the box by the bins; our driver has confirmed it, and I apologise.",
        "Could you tell me the date on the receipt, so that I can trace the payment for you?",
    ],
    "zh-Hans": [
        "您提到收银员多找了零钱又追出来要回，这样处理让您难堪，我们向您道歉。",
        "为了尽快为您查询，麻烦您提供一下订单号。",
    ],
    "zh-Hant": [
        "您提到櫃檯同仁沒有說明退費流程，這是我們的疏失，已經請她向您致歉。",
    ],
}


def _probes(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, s) for lang, sentences in table.items() for s in sentences]


@pytest.mark.parametrize(("lang", "sentence"), _probes(UNSEEN_BLAME))
def test_blame_in_new_words_is_found(lang: str, sentence: str) -> None:
    assert "argues_or_blames" in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.xfail(reason="known gap: blame stated as a bare fact about the customer's paperwork", strict=False)
@pytest.mark.parametrize(("lang", "sentence"), GAPS)
def test_known_gaps(lang: str, sentence: str) -> None:
    assert "argues_or_blames" in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.parametrize(("lang", "sentence"), _probes(UNSEEN_DEMAND))
def test_a_demanded_apology_in_new_words_is_found(lang: str, sentence: str) -> None:
    assert "demands_apology" in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.parametrize(("lang", "sentence"), _probes(OWNING))
def test_owning_the_fault_is_not_blame(lang: str, sentence: str) -> None:
    assert "argues_or_blames" not in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.parametrize(("lang", "sentence"), _probes(NEAR_MISS))
def test_a_near_miss_is_not_blame(lang: str, sentence: str) -> None:
    assert "argues_or_blames" not in coach(reply(lang, sentence), lang=lang).rules


def test_the_span_is_the_scored_sentence() -> None:
    sentence = UNSEEN_BLAME["en"][0]
    v = next(v for v in coach(reply("en", sentence), lang="en").violations if v.rule == "argues_or_blames")
    assert sentence.startswith(v.evidence) or v.evidence.startswith("With respect")


def test_the_shipped_model_has_the_heads_the_rules_use() -> None:
    model = load_model(str(DATA_DIR / "coach_model.json"))
    assert {"argues_or_blames", "demands_apology"} <= set(model.heads)
    assert 0.0 < model.score("您是不是把卡借给别人用过？", "argues_or_blames") <= 1.0


def test_examples_label_the_sentences_that_hold_the_evidence() -> None:
    row = {
        "id": "t-1",
        "lang": "en",
        "reply": "I am sorry. You should have read the sign. I will call you on Friday.",
        "violations": [{"rule": "argues_or_blames", "evidence": "You should have read the sign."}],
    }
    texts, labels = examples([row])
    assert len(texts) == 3
    assert labels == [set(), {"argues_or_blames"}, set()]


def test_training_refuses_the_dev_split(tmp_path: Path) -> None:
    pairs = tmp_path / "p.jsonl"
    pairs.write_text(json.dumps({"id": "cd-0001", "lang": "en", "reply": "x", "violations": []}) + "\n")
    with pytest.raises(SystemExit, match="dev split"):
        main(["--pairs", str(pairs), "--out", str(tmp_path / "m.json")])
