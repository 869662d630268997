"""The inbox's urgency order rests on the stored next_due_at; it must always equal the earliest pending
clock, whatever the workflow did to the clocks (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from complaintdesk.adapters.db.derived import refresh_next_due
from complaintdesk.adapters.db.tables import Complaint
from complaintdesk.bootstrap import Container

from ..fakes import FakeClock
from .conftest import Headers


def _create(api: TestClient, who: Headers, text: str, n: int) -> str:
    r = api.post("/api/v1/complaints", headers=who, json={"text": text, "name": f"C{n}", "email": f"c{n}@example.org"})
    assert r.status_code == 201, r.text
    return str(r.json()["tracking_number"])


def _check_stored_next_due(api: TestClient, who: Headers) -> list[dict]:
    items = api.get("/api/v1/complaints", headers=who, params={"sort": "urgency", "per_page": 50}).json()["items"]
    for item in items:
        detail = api.get(f"/api/v1/complaints/{item['tracking_number']}", headers=who).json()
        assert item["next_due_at"] == detail["next_due_at"], item["tracking_number"]
    return items


def test_next_due_follows_every_clock_change_and_orders_the_inbox(
    api: TestClient, handler: Headers, clock: FakeClock, container: Container
) -> None:
    a = _create(api, handler, "The invoice is wrong.", 1)
    clock.advance(hours=1)
    b = _create(api, handler, "The invoice is wrong too.", 2)
    items = _check_stored_next_due(api, handler)
    assert [i["tracking_number"] for i in items if i["priority"] == items[0]["priority"]][:2] == [a, b]

    # answering a meets its first-response clock: its next due moves later, b comes first
    r = api.post(f"/api/v1/complaints/{a}/acknowledge", headers=handler, json={"body": "Sorry, I am on it. Hana."})
    assert r.status_code == 200, r.text
    items = _check_stored_next_due(api, handler)
    order = [i["tracking_number"] for i in items]
    assert order.index(b) < order.index(a)

    # a close commitment on a brings it back to the top of its priority
    due = (clock.now + timedelta(hours=2)).isoformat()
    r = api.post(f"/api/v1/complaints/{a}/commitments", headers=handler, json={"due_at": due, "description": "call"})
    assert r.status_code == 200, r.text
    items = _check_stored_next_due(api, handler)
    order = [i["tracking_number"] for i in items]
    assert order.index(a) < order.index(b)

    # resolved and closed: no pending clock but the follow-up
    for action, body in (
        ("resolve", {"resolution": "Corrected."}),
        ("close", {"outcome": "upheld", "relief": "non_monetary", "communicated": True, "customer_accepted": True}),
    ):
        assert api.post(f"/api/v1/complaints/{a}/{action}", headers=handler, json=body).status_code == 200
    _check_stored_next_due(api, handler)

    # the migration's back-fill and refresh_next_due compute the same thing
    with container.uow() as uow:
        before = dict(uow.session.execute(select(Complaint.id, Complaint.next_due_at)).all())
        uow.session.execute(Complaint.__table__.update().values(next_due_at=None))
        refresh_next_due(uow.session)
        after = dict(uow.session.execute(select(Complaint.id, Complaint.next_due_at)).all())
    assert before == after and any(v is not None for v in after.values())
