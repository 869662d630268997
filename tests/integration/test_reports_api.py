"""Reports through the API on SQLite and PostgreSQL: the periodic report with hot spots and measures,
and the customers who complained and then fell silent."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from ..fakes import FakeClock
from .conftest import Headers


def _complain(api: TestClient, who: Headers, text: str, email: str, **extra: str) -> str:
    r = api.post("/api/v1/complaints", headers=who, json={"text": text, "name": email.split("@")[0], "email": email,
                                                          **extra})
    assert r.status_code == 201, r.text
    return str(r.json()["tracking_number"])


def _close(api: TestClient, who: Headers, tn: str, accepted: bool | None) -> None:
    for action, body in (
        ("acknowledge", {"body": "We are sorry; I am on it. Hana, ext. 204."}),
        ("resolve", {"resolution": "Repaired."}),
        ("close", {"outcome": "partly_upheld", "relief": "explanation_only", "communicated": True,
                   "customer_accepted": accepted}),
    ):
        r = api.post(f"/api/v1/complaints/{tn}/{action}", headers=who, json=body)
        assert r.status_code == 200, r.text


def test_periodic_report_counts_times_hot_spots_and_measures(
    api: TestClient, handler: Headers, supervisor: Headers, clock: FakeClock
) -> None:
    numbers = [
        _complain(api, handler, f"The lift is broken again, day {i}", f"r{i}@example.org", location=loc)
        for i, loc in enumerate(["Block 3", "block 3 ", "BLOCK 3", "Block 9"])
    ]
    clock.advance(hours=5)
    _close(api, handler, numbers[0], accepted=True)
    r = api.post(f"/api/v1/complaints/{numbers[0]}/summary", headers=handler,
                 json={"root_cause": "maintenance_neglect", "lesson": "check lifts", "prevention": "monthly checks"})
    assert r.status_code == 200, r.text

    day = clock.now.date().isoformat()
    r = api.get("/api/v1/reports/periodic", headers=supervisor, params={"from": day, "to": day})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["received"] == 4 and report["previous_received"] == 0
    assert sum(report["by_category"].values()) == 4
    assert report["first_response"]["n"] == 1 and report["first_response"]["median_hours"] == 5.0
    assert report["first_response_on_time"] == 1.0  # the other three are not due yet
    assert report["by_root_cause"] == {"maintenance_neglect": 1}
    assert report["measures"][0]["prevention"] == "monthly checks"
    spots = [(h["dimension"], h["value"], h["count"]) for h in report["hot_spots"]]
    assert ("location", "Block 3", 3) in spots
    assert not any(d == "location" and v == "Block 9" for d, v, _ in spots)


def test_a_customer_who_was_not_satisfied_and_fell_silent_is_flagged(
    api: TestClient, handler: Headers, supervisor: Headers, clock: FakeClock
) -> None:
    quiet = _complain(api, handler, "My deposit was never returned.", "quiet@example.org")
    happy = _complain(api, handler, "The bill was wrong.", "happy@example.org")
    _close(api, handler, quiet, accepted=False)
    _close(api, handler, happy, accepted=True)

    assert api.get("/api/v1/reports/customers-at-risk", headers=supervisor).json() == []
    clock.advance(days=40)
    found = api.get("/api/v1/reports/customers-at-risk", headers=supervisor).json()
    assert [(c["email"], c["stage"]) for c in found] == [("quiet@example.org", "silent")]
    assert "outcome_not_accepted" in found[0]["reasons"] and found[0]["complaints"] == [quiet]

    # a second complaint about the same matter that also ends badly: likely lost
    again = _complain(api, handler, "My deposit was never returned, again!", "quiet@example.org")
    _close(api, handler, again, accepted=False)
    clock.advance(days=35)
    found = api.get("/api/v1/reports/customers-at-risk", headers=supervisor, params={"silence_days": 30}).json()
    assert found[0]["stage"] == "likely_lost" and len(found[0]["complaints"]) == 2


def test_reports_are_for_supervisors_of_the_team_and_check_their_input(
    api: TestClient, handler: Headers, supervisor: Headers, make_user: Callable[..., Headers]
) -> None:
    assert api.get("/api/v1/reports/periodic", headers=handler).status_code == 403
    assert api.get("/api/v1/reports/customers-at-risk", headers=handler).status_code == 403
    other = make_user("olga", "supervisor", teams=("Facilities",))
    teams = api.get("/api/v1/teams", headers=supervisor).json()
    front = next(t["id"] for t in teams if t["name"] == "Front desk")
    r = api.get("/api/v1/reports/periodic", headers=other, params={"team_id": front})
    assert r.status_code == 403 and "your own teams" in r.json()["detail"]
    r = api.get("/api/v1/reports/periodic", headers=supervisor, params={"from": "2026-11-10", "to": "2026-11-01"})
    assert r.status_code == 422 and "after it ends" in r.json()["detail"]
    assert api.get("/api/v1/reports/periodic", headers=supervisor, params={"from": "yesterday"}).status_code == 422
    assert api.get("/api/v1/reports/periodic", headers=supervisor, params={"team_id": front}).status_code == 200


def test_report_days_start_at_the_organisations_midnight(
    api: TestClient, handler: Headers, supervisor: Headers, make_user: Callable[..., Headers], clock: FakeClock
) -> None:
    admin = make_user("boss", role="admin")
    r = api.patch("/api/v1/settings", headers=admin, json={"timezone": "Mars/Olympus"})
    assert r.status_code == 422 and "Mars/Olympus" in r.json()["detail"]
    r = api.patch("/api/v1/settings", headers=admin, json={"timezone": "Asia/Shanghai"})
    assert r.status_code == 200 and r.json()["timezone"] == "Asia/Shanghai"
    clock.now = clock.now.replace(hour=17, minute=30)  # 17:30 UTC on 2 November = 01:30 on 3 November in Shanghai
    _complain(api, handler, "The night bus never came.", "late@example.org")

    def received(day: str) -> int:
        r = api.get("/api/v1/reports/periodic", headers=supervisor, params={"from": day, "to": day})
        assert r.status_code == 200, r.text
        return int(r.json()["received"])

    assert received("2026-11-03") == 1
    assert received("2026-11-02") == 0
    assert api.get("/api/v1/reports/periodic", headers=supervisor).json()["end"].startswith("2026-11-04T00:00:00+08")
