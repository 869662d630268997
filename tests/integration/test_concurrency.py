"""Two handlers acting on one complaint at once cannot corrupt it."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from .conftest import COMPLAINT, Headers


def test_stale_version_is_refused(api: TestClient, handler: Headers) -> None:
    c = api.post("/api/v1/complaints", headers=handler, json=COMPLAINT).json()
    tn, version = c["tracking_number"], c["version"]
    assert (
        api.post(
            f"/api/v1/complaints/{tn}/notes", headers=handler, json={"body": "first", "version": version}
        ).status_code
        == 200
    )
    r = api.post(f"/api/v1/complaints/{tn}/start", headers=handler, json={"version": version})
    assert r.status_code == 409 and "reload" in r.json()["detail"]


def test_simultaneous_transitions_one_wins(api: TestClient, make_user: object, handler: Headers) -> None:
    tn = api.post("/api/v1/complaints", headers=handler, json=COMPLAINT).json()["tracking_number"]
    results: list[int] = []
    barrier = threading.Barrier(4)

    def act() -> None:
        barrier.wait()
        r = api.post(f"/api/v1/complaints/{tn}/resolve", headers=handler, json={"resolution": "fixed on the spot"})
        results.append(r.status_code)

    threads = [threading.Thread(target=act) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results)[0] == 200 and results.count(200) == 1
    assert set(results) <= {200, 409}
    final = api.get(f"/api/v1/complaints/{tn}", headers=handler).json()
    assert final["status"] == "resolved"
    assert [e["kind"] for e in final["events"]].count("status_changed") == 1
    assert len([m for m in final["messages"] if m["body"] == "fixed on the spot"]) == 1
