"""The customer's side: submit, track with the private token, survey. A tracking number alone reveals nothing."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from complaintdesk.adapters.db.tables import Outbox
from complaintdesk.bootstrap import Container
from complaintdesk.services import sweep, users

from ..fakes import FakeClock
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
            "attachments",
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


def test_the_customer_writes_again_and_an_answer_falls_due(
    api: TestClient, container: Container, clock: FakeClock, make_user: Callable[..., Headers]
) -> None:
    ivy = make_user("ivy", email="ivy@example.org")
    body = api.post("/api/v1/public/complaints", json=COMPLAINT).json()
    tn, token = body["tracking_number"], body["access_token"]
    with container.uow() as uow:
        ivy_id = users.user_for_token(uow, ivy["Authorization"].split()[1]).id
    api.post(f"/api/v1/complaints/{tn}/assign", headers=ivy, json={"assignee_id": ivy_id})
    api.post(f"/api/v1/complaints/{tn}/acknowledge", headers=ivy, json={"body": "We are on it. Ivy, ext 204"})

    r = api.post(f"/api/v1/public/complaints/{tn}/messages", params={"token": token},
                 json={"text": "The lift <b>stopped</b> again with my mother inside."})
    assert r.status_code == 201, r.text
    mine = [i for i in r.json()["timeline"] if i["kind"] == "customer_message"]
    assert [i["text"] for i in mine] == ["The lift <b>stopped</b> again with my mother inside."]

    detail = api.get(f"/api/v1/complaints/{tn}", headers=ivy).json()
    owed = [c for c in detail["clocks"] if c["kind"] == "customer_message"]
    assert [c["state"] for c in owed] == ["running"]
    with container.uow() as uow:
        mails = uow.session.scalars(select(Outbox).where(Outbox.target == "ivy@example.org")).all()
        assert any(tn in m.payload["subject"] for m in mails)

    # unanswered past the first-response time: the sweep escalates; the next reply meets the clock
    clock.advance(days=3)
    assert sweep.sweep(container.uow()).escalated >= 1
    r = api.post(f"/api/v1/complaints/{tn}/replies", headers=ivy, json={"body": "Sorry: the engineer is there now."})
    assert r.status_code == 200, r.text
    assert [c["state"] for c in r.json()["clocks"] if c["kind"] == "customer_message"] == ["met_late"]


def test_a_customer_message_needs_the_token_and_some_text(api: TestClient) -> None:
    body = api.post("/api/v1/public/complaints", json=COMPLAINT).json()
    url = f"/api/v1/public/complaints/{body['tracking_number']}/messages"
    assert api.post(url, json={"text": "hello"}).status_code == 404
    assert api.post(url, params={"token": "wrong"}, json={"text": "hello"}).status_code == 404
    for bad in ({"text": ""}, {"text": "   "}, {"text": "x" * 20_001}, {"text": "hi", "name": "x"}, {}):
        r = api.post(url, headers={"Authorization": f"Bearer {body['access_token']}"}, json=bad)
        assert r.status_code == 422, (bad, r.text)


def test_a_customer_who_writes_after_closing_is_answered_without_reopening(
    api: TestClient, handler: Headers
) -> None:
    body = api.post("/api/v1/public/complaints", json=COMPLAINT).json()
    tn, token = body["tracking_number"], body["access_token"]
    url = f"/api/v1/complaints/{tn}"
    assert api.post(f"{url}/acknowledge", headers=handler, json={"body": "We are on it."}).status_code == 200
    assert api.post(f"{url}/resolve", headers=handler, json={"resolution": "Repaired."}).status_code == 200
    closing = {"outcome": "upheld", "relief": "non_monetary", "communicated": True, "customer_accepted": True}
    assert api.post(f"{url}/close", headers=handler, json=closing).status_code == 200
    # nothing to answer: writing on a closed complaint needs a reopening
    r = api.post(f"{url}/replies", headers=handler, json={"body": "One more thing."})
    assert r.status_code == 409 and "reopen" in r.json()["detail"]

    question = {"text": "Is the warranty extended?"}
    r = api.post(f"/api/v1/public/complaints/{tn}/messages", params={"token": token}, json=question)
    assert r.status_code == 201, r.text
    r = api.post(f"{url}/replies", headers=handler, json={"body": "Yes: by twelve months, in writing by Friday."})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "closed"  # answered, not reopened
    assert [c["state"] for c in r.json()["clocks"] if c["kind"] == "customer_message"] == ["met"]
    # answered: the next message to the customer needs a reopening again
    assert api.post(f"{url}/replies", headers=handler, json={"body": "And another."}).status_code == 409
