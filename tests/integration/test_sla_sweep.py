"""Breach detection and escalation; idempotent; safe with several sweeps at once."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from complaintdesk.adapters.db.tables import Event, Outbox
from complaintdesk.bootstrap import Container
from complaintdesk.services import sweep

from ..fakes import FakeClock
from .conftest import COMPLAINT, Headers


def test_breach_escalates_once_and_notifies_supervisor(
    api: TestClient, container: Container, clock: FakeClock, handler: Headers, supervisor: Headers
) -> None:
    tn = api.post("/api/v1/complaints", headers=handler, json=COMPLAINT).json()["tracking_number"]
    before = api.get(f"/api/v1/complaints/{tn}", headers=handler).json()
    assert before["priority"] == "P3"
    clock.advance(hours=23)
    assert sweep.sweep(container.uow()).breached == 0
    clock.advance(hours=2)
    report = sweep.sweep(container.uow(), "http://x")
    assert (report.breached, report.escalated) == (1, 1)
    assert sweep.sweep(container.uow()).breached == 0  # idempotent
    after = api.get(f"/api/v1/complaints/{tn}", headers=handler).json()
    assert after["priority"] == "P2" and after["escalation_level"] == 1
    assert [c["state"] for c in after["clocks"] if c["kind"] == "first_response"] == ["breached"]
    assert [e["kind"] for e in after["events"]].count("sla_breached") == 1
    with container.uow() as uow:
        mails = uow.session.scalars(select(Outbox).where(Outbox.channel == "email")).all()
        assert any(m.target == "sam@example.org" and tn in m.payload["subject"] for m in mails)
    # answering late still records the response, as met late
    r = api.post(f"/api/v1/complaints/{tn}/acknowledge", headers=handler, json={"body": "Sorry for the wait."})
    assert [c["state"] for c in r.json()["clocks"] if c["kind"] == "first_response"] == ["met_late"]


def test_concurrent_sweeps_escalate_each_breach_once(
    api: TestClient, container: Container, clock: FakeClock, handler: Headers
) -> None:
    for i in range(12):
        api.post("/api/v1/complaints", headers=handler, json={**COMPLAINT, "text": f"complaint number {i}"})
    clock.advance(days=30)
    reports: list[sweep.SweepReport] = []

    def run() -> None:
        reports.append(sweep.sweep(container.uow()))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(r.breached for r in reports)
    with container.uow() as uow:
        events = uow.session.scalar(select(func.count()).select_from(Event).where(Event.kind == "sla_breached"))
    assert total == events == 24  # first response and resolution clocks of 12 complaints


def test_progress_update_clock_restarts_on_every_contact(
    api: TestClient, container: Container, clock: FakeClock, handler: Headers
) -> None:
    tn = api.post("/api/v1/complaints", headers=handler, json=COMPLAINT).json()["tracking_number"]
    api.post(f"/api/v1/complaints/{tn}/acknowledge", headers=handler, json={"body": "Received, Hana ext 204"})
    clock.advance(hours=40)
    api.post(f"/api/v1/complaints/{tn}/replies", headers=handler, json={"body": "Engineer booked for Friday"})
    clock.advance(hours=40)
    assert sweep.sweep(container.uow()).breached == 0
    clock.advance(hours=9)
    assert sweep.sweep(container.uow()).breached == 1
