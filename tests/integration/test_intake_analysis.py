"""Intake with the real analyser (a model trained on a slice of the repository's corpus), on both databases:
the analysis is stored with the complaint, shown in the API, and re-run when the text changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from complaintdesk.analysis import Analyzer, CustomerContext, train
from complaintdesk.analysis.result import Analysis
from complaintdesk.bootstrap import Container
from complaintdesk.domain import labels
from complaintdesk.entrypoints.api.app import create_app

from .conftest import Headers

DATA = Path(__file__).resolve().parents[2] / "data" / "analysis"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    rows = []
    for path in sorted(DATA.glob("train_*.jsonl")):
        with path.open(encoding="utf-8") as f:
            rows += [json.loads(line) for i, line in enumerate(f) if line.strip() and i % 3 == 0]
    return Analyzer(train(rows))


@pytest.fixture
def real_api(container: Container, analyzer: Analyzer) -> Iterator[TestClient]:
    def analyse(text: str, customer: CustomerContext, currency: str) -> Analysis:
        return analyzer.analyze(text, customer=customer, default_currency=currency)

    container.analyse = analyse
    with TestClient(create_app(container)) as client:
        yield client


def _valid(analysis: dict) -> None:
    assert analysis["nature"] in labels.NATURES
    assert analysis["category"] in labels.CATEGORIES
    assert analysis["emotion"] in labels.EMOTIONS
    assert analysis["temperament"] in labels.TEMPERAMENTS
    assert analysis["motives"] and set(analysis["motives"]) <= set(labels.MOTIVES)
    assert set(analysis["risks"]) <= set(labels.RISKS)
    assert analysis["priority"] in ("P1", "P2", "P3", "P4")


def test_intake_stores_the_analysis_and_shows_it(real_api: TestClient, handler: Headers) -> None:
    r = real_api.post(
        "/api/v1/complaints",
        headers=handler,
        json={
            "text": "快递显示已签收，但我根本没收到！客服还挂我电话，我要求退款299元。",
            "name": "王芳",
            "phone": "13912345678",
        },
    )
    assert r.status_code == 201, r.text
    body = r.json()
    analysis = body["analysis"]
    _valid(analysis)
    assert analysis["language"] == "zh-Hans" and body["language"] == "zh-Hans"
    assert analysis["amounts"] == [{"value": 299, "currency": "CNY"}]
    assert "compensation_demand" in analysis["risks"]
    assert body["category"] == analysis["category"] and body["emotion"] == analysis["emotion"]

    again = real_api.get(f"/api/v1/complaints/{body['tracking_number']}", headers=handler).json()
    assert again["analysis"] == analysis


def test_public_submission_is_analysed_in_its_own_language(real_api: TestClient, handler: Headers) -> None:
    r = real_api.post(
        "/api/v1/public/complaints",
        json={
            "text": "港鐵站部𨋢壞咗成個禮拜，我阿媽坐輪椅上唔到月台，你哋幾時整好？",
            "name": "陳太",
            "email": "chan@example.hk",
        },
    )
    assert r.status_code == 201, r.text
    detail = real_api.get(f"/api/v1/complaints/{r.json()['tracking_number']}", headers=handler).json()
    _valid(detail["analysis"])
    assert detail["analysis"]["language"] == "zh-Hant"


def test_a_changed_text_is_analysed_again(real_api: TestClient, handler: Headers) -> None:
    created = real_api.post(
        "/api/v1/complaints",
        headers=handler,
        json={"text": "Could you tell me when the pool reopens?", "name": "Ann Lee", "email": "ann@example.org"},
    ).json()
    assert created["analysis"]["language"] == "en"
    tn = created["tracking_number"]
    text = "你們的員工態度惡劣，還把我的行李箱摔壞了，我要求賠償新台幣3,000元，否則找消保官！"
    r = real_api.patch(f"/api/v1/complaints/{tn}", headers=handler, json={"text": text, "version": created["version"]})
    assert r.status_code == 200, r.text
    edited = r.json()
    assert edited["analysis"]["language"] == "zh-Hant" and edited["language"] == "zh-Hant"
    assert edited["analysis"]["amounts"] == [{"value": 3000, "currency": "TWD"}]
    kinds = [e["kind"] for e in edited["events"]]
    assert "reanalysed" in kinds
    # the history keeps the old text: nothing a customer wrote is overwritten silently
    edit = next(e for e in edited["events"] if e["kind"] == "edited")
    assert edit["data"]["text"]["before"] == "Could you tell me when the pool reopens?"


def test_a_broken_analyser_never_loses_the_complaint(container: Container, handler: Headers) -> None:
    def broken(text: str, customer: CustomerContext, currency: str) -> Analysis:
        raise RuntimeError("model file damaged")

    container.analyse = broken
    with TestClient(create_app(container)) as api:
        r = api.post(
            "/api/v1/public/complaints",
            json={"text": "我的快遞三天都沒到，客服電話一直打不通。", "name": "林小姐", "phone": "0912345678"},
        )
        assert r.status_code == 201, r.text
        detail = api.get(f"/api/v1/complaints/{r.json()['tracking_number']}", headers=handler).json()
    assert detail["text"].startswith("我的快遞") and detail["priority"] == "P2"
    assert detail["analysis"]["priority_reasons"] == ["analysis_unavailable"]
    assert detail["analysis"]["language"] == "zh-Hant"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("快递说已签收，但我根本没收到！客服态度还很差。", "快递说已签收，但我根本没收到！"),
        ("Dear Councillor Patel,\nThe lift in block 3 is broken. Fix it.", "The lift in block 3 is broken."),
        ("敬啟者：\n本人母親住院時自費明細列有兩筆。懇請查明。", "本人母親住院時自費明細列有兩筆。"),
        ("x" * 200, "x" * 79 + "…"),
    ],
)
def test_without_a_subject_the_first_sentence_is_the_subject(text: str, subject: str) -> None:
    from complaintdesk.services.intake import default_subject

    assert default_subject(text) == subject
