"""A complaint's whole life through the API, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from ..fakes import FakeClock
from .conftest import COMPLAINT, Headers


def test_whole_life_from_public_submission_to_follow_up(
    api: TestClient, handler: Headers, supervisor: Headers, clock: FakeClock
) -> None:
    created = api.post("/api/v1/public/complaints", json=COMPLAINT)
    assert created.status_code == 201, created.text
    tn, token = created.json()["tracking_number"], created.json()["access_token"]

    inbox = api.get("/api/v1/complaints", headers=handler).json()
    assert [c["tracking_number"] for c in inbox["items"]] == [tn]
    c = api.get(f"/api/v1/complaints/{tn}", headers=handler).json()
    assert c["status"] == "received" and c["category"] == "equipment"
    assert {k["kind"] for k in c["clocks"]} == {"first_response", "resolution"}

    clock.advance(hours=1)
    r = api.post(
        f"/api/v1/complaints/{tn}/acknowledge",
        headers=handler,
        json={"body": "Dear Ms Li, I am sorry. I have sent an engineer. Hana, ext. 204."},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "acknowledged"
    assert [k["state"] for k in r.json()["clocks"] if k["kind"] == "first_response"] == ["met"]

    r = api.post(f"/api/v1/complaints/{tn}/start", headers=handler, json={})
    assert r.json()["status"] == "in_progress"
    due = (clock.now + timedelta(days=2)).isoformat()
    r = api.post(
        f"/api/v1/complaints/{tn}/commitments",
        headers=handler,
        json={"due_at": due, "description": "The lift is repaired"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["commitments"][0]["state"] == "open"

    r = api.post(
        f"/api/v1/complaints/{tn}/remedies",
        headers=handler,
        json={"kind": "compensation", "value": "500", "description": "two weeks of stairs"},
    )
    assert r.status_code == 201 and r.json()["state"] == "requested"
    remedy_id = r.json()["id"]
    # a handler cannot approve; the supervisor can
    decision = f"/api/v1/remedies/{remedy_id}/decision"
    assert api.post(decision, headers=handler, json={"approve": True}).status_code == 403
    approvals = api.get("/api/v1/approvals", headers=supervisor).json()
    assert [a["remedy"]["id"] for a in approvals] == [remedy_id]
    assert (
        api.post(f"/api/v1/remedies/{remedy_id}/decision", headers=supervisor, json={"approve": True}).json()["state"]
        == "approved"
    )

    clock.advance(days=1)
    r = api.post(
        f"/api/v1/complaints/{tn}/resolve",
        headers=handler,
        json={"resolution": "The lift was repaired today and we credited 500 CNY."},
    )
    assert r.json()["status"] == "resolved"
    assert r.json()["commitments"][0]["state"] == "kept"

    r = api.post(
        f"/api/v1/complaints/{tn}/close",
        headers=handler,
        json={"outcome": "upheld", "relief": "monetary", "communicated": True, "customer_accepted": True},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "closed"
    assert any(k["kind"] == "follow_up" and k["state"] == "running" for k in r.json()["clocks"])

    public = api.get(f"/api/v1/public/complaints/{tn}", params={"token": token}).json()
    assert public["status"] == "closed" and public["can_answer_survey"] is True
    assert any(item["kind"] == "message" and "engineer" in item["text"] for item in public["timeline"])

    r = api.post(f"/api/v1/public/complaints/{tn}/survey", params={"token": token}, json={"score": 5})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "followed_up"
    r = api.post(
        f"/api/v1/complaints/{tn}/summary",
        headers=handler,
        json={
            "root_cause": "maintenance_neglect",
            "lesson": "monthly lift checks",
            "prevention": "contract with inspection clause",
        },
    )
    kinds = [e["kind"] for e in r.json()["events"]]
    assert kinds[0] == "received" and "survey_received" in kinds and kinds[-1] == "summary_written"
