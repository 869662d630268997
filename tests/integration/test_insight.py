"""The report and supervision queries (insight/), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from complaintdesk import insight
from complaintdesk.adapters.db.tables import User
from complaintdesk.bootstrap import Container
from complaintdesk.services import intake, remedies, users, workflow
from complaintdesk.services.actors import Actor, customer_actor

from ..fakes import FakeClock


def _user(container: Container, name: str, role: str) -> int:
    with container.uow() as uow:
        user, _ = users.create_user(uow, name, role, teams=["Front desk"])
        uow.commit()
        return user.id


def _actor(uow, user_id: int) -> Actor:  # type: ignore[no-untyped-def]
    user = uow.session.get(User, user_id)
    assert user is not None
    return Actor.of(user)


def _receive(container: Container, text: str, email: str) -> str:
    with container.uow() as uow:
        got = intake.receive(uow, intake.IntakeData(text=text, customer_name="C", email=email),
                             customer_actor("C"), container.analyse)
        uow.commit()
        return got.complaint.tracking_number


def test_dashboard_counts_volume_mix_sla_remedies_and_satisfaction(container: Container, clock: FakeClock) -> None:
    hana = _user(container, "hana", "handler")
    sam = _user(container, "sam", "supervisor")
    start = clock.now - timedelta(days=1)
    a = _receive(container, "The lift is broken again!", "a@example.org")
    b = _receive(container, "I was charged twice for water", "b@example.org")
    clock.advance(hours=1)
    with container.uow() as uow:
        workflow.acknowledge(uow, _actor(uow, hana), a, "Sorry, Hana here, ext 204.")
    with container.uow() as uow:
        workflow.commit_date(uow, _actor(uow, hana), a, clock.now + timedelta(days=1), "repair")
    with container.uow() as uow:
        remedies.request(uow, _actor(uow, hana), a, kind="compensation", value="500")
    with container.uow() as uow:
        rid = remedies.pending_approvals(uow, _actor(uow, sam))[0][1].id
        remedies.decide(uow, _actor(uow, sam), rid, approve=True)
    with container.uow() as uow:
        workflow.resolve(uow, _actor(uow, hana), a, "Repaired; 500 CNY credited.")
    with container.uow() as uow:
        workflow.close(uow, _actor(uow, hana), a, outcome="upheld", relief="monetary", communicated=True)
    with container.uow() as uow:
        workflow.follow_up(uow, _actor(uow, hana), a, 4, "ok")
    clock.advance(days=3)  # b's first response (24 h for P3) is now overdue

    f = insight.ReportFilter(start, clock.now + timedelta(days=1))
    with container.uow() as uow:
        d = insight.dashboard(uow.session, f, clock.now)
    assert d.total == 2 and d.open == 1
    assert {(label, n) for _, label, n in d.by_category} == {("equipment", 1), ("service_quality", 1)}
    assert {(label, n) for _, label, n in d.by_nature} == {("venting", 1), ("effective", 1)}
    assert d.emotions == {"anger": 1, "dissatisfaction": 1}
    assert d.motives == {"fix": 2}
    assert d.sla["first_response"].on_time == 1 and d.sla["first_response"].breached == 1
    assert d.sla["first_response"].compliance == 0.5
    assert d.commitments == {"kept": 1}
    with container.uow() as uow:  # an open promise whose date has passed counts as overdue, not as open
        workflow.commit_date(uow, _actor(uow, hana), b, clock.now + timedelta(hours=2), "call back")
    clock.advance(hours=3)
    with container.uow() as uow:
        assert insight.commitments_kept(uow.session, f, clock.now) == {"kept": 1, "overdue": 1}
        assert insight.commitments_kept(uow.session, f) == {"kept": 1, "open": 1}
    assert [(r.kind, r.state, r.value) for r in d.remedies] == [("compensation", "approved", Decimal("500.00"))]
    assert d.satisfaction.count == 1 and d.satisfaction.average == 4.0 and d.satisfaction.scores[4] == 1

    with container.uow() as uow:  # another team: nothing
        other = insight.dashboard(uow.session, insight.ReportFilter(start, clock.now, team_id=999), clock.now)
    assert other.total == 0 and other.satisfaction.average is None
    with container.uow() as uow:  # a period before everything: nothing
        empty = insight.dashboard(uow.session, insight.ReportFilter(start - timedelta(days=9), start), clock.now)
    assert empty.total == 0 and empty.sla == {}
    assert b


def test_supervision_breaches_load_and_hostile_handlers(container: Container, clock: FakeClock) -> None:
    hana = _user(container, "hana", "handler")
    midnight = clock.now.replace(hour=0)
    numbers = [_receive(container, f"You are useless, number {i}!", f"x{i}@example.org") for i in range(3)]
    calm = _receive(container, "Please fix the lift", "calm@example.org")
    for n in [*numbers, calm]:
        with container.uow() as uow:
            workflow.start(uow, _actor(uow, hana), n)
    clock.advance(days=2)
    with container.uow() as uow:
        found = {(b.complaint.tracking_number, b.swept) for b in insight.breaches(uow.session, clock.now)}
        teams, people = insight.team_load(uow.session, clock.now)
        hostile = insight.hostile_load_today(uow.session, midnight, threshold=3)
        none_yet = insight.hostile_load_today(uow.session, midnight, threshold=4)
        escalated = insight.escalations(uow.session)
    assert found == {(n, False) for n in [*numbers, calm]}
    assert [(t.name, t.open, t.overdue) for t in teams] == [("Front desk", 4, 4)]
    assert [(p.user_id, p.open) for p in people] == [(hana, 4)]
    assert [(h.user_id, h.complaints) for h in hostile] == [(hana, 3)]
    assert set(hostile[0].tracking_numbers) == set(numbers)
    assert none_yet == [] and escalated == []
