"""The customer's side: submit, track with the private token, survey. A tracking number alone reveals nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import COMPLAINT, Headers


def test_submit_and_track(api: TestClient, handler: Headers) -> None:
    r = api.post("/api/v1/public/complaints", json=COMPLAINT)
    assert r.status_code == 201
    body = r.json()
    tn, token = body["tracking_number"], body["access_token"]
    assert body["track_url"].endswith(f"/track/{tn}?token={token}")
    api.post(f"/api/v1/complaints/{tn}/notes", headers=handler, json={"body": "internal: the neighbour reported it"})
    api.post(f"/api/v1/complaints/{tn}/acknowledge", headers=handler, json={"body": "We are on it. Hana, ext 204"})
    for view in (
        api.get(f"/api/v1/public/complaints/{tn}", params={"token": token}),
        api.get(f"/api/v1/public/complaints/{tn.lower()}", headers={"Authorization": f"Bearer {token}"}),
    ):
        assert view.status_code == 200
        data = view.json()
        assert data["status"] == "acknowledged"
        texts = " ".join(item.get("text") or "" for item in data["timeline"])
        assert "We are on it" in texts and "neighbour" not in texts
        assert set(data) == {
            "tracking_number",
            "status",
            "subject",
            "created_at",
            "language",
            "commitment_due_at",
            "can_answer_survey",
            "timeline",
        }


def test_wrong_or_missing_token_reveals_nothing(api: TestClient) -> None:
    tn = api.post("/api/v1/public/complaints", json=COMPLAINT).json()["tracking_number"]
    missing = api.get("/api/v1/public/complaints/CD-NOTEXIST")
    for r in (
        api.get(f"/api/v1/public/complaints/{tn}"),
        api.get(f"/api/v1/public/complaints/{tn}?token=wrong"),
        missing,
    ):
        assert r.status_code == 404
        assert r.json() == missing.json()


def test_survey_only_when_closed(api: TestClient) -> None:
    body = api.post("/api/v1/public/complaints", json=COMPLAINT).json()
    r = api.post(
        f"/api/v1/public/complaints/{body['tracking_number']}/survey",
        params={"token": body["access_token"]},
        json={"score": 4},
    )
    assert r.status_code == 409 and "after the complaint is closed" in r.json()["detail"]


def test_public_input_is_validated(api: TestClient) -> None:
    cases = [
        ({**COMPLAINT, "text": ""}, "text"),
        ({"text": "x", "name": "A"}, "email or a phone"),
        ({**COMPLAINT, "email": "not-an-email"}, "email"),
        ({**COMPLAINT, "admin": True}, "admin"),  # unknown fields are refused
        ({**COMPLAINT, "text": "x" * 20_001}, "text"),
        ({**COMPLAINT, "language": "fr"}, "language"),
    ]
    for payload, word in cases:
        r = api.post("/api/v1/public/complaints", json=payload)
        assert r.status_code == 422, (payload, r.text)
        assert word in r.json()["detail"]
    r = api.post("/api/v1/public/complaints", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    r = api.post("/api/v1/public/complaints", content=b"x" * 1_000_001, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
