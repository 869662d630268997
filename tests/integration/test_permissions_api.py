"""Who sees what: handlers their teams', supervisors their teams', admins everything; tokens reveal nothing."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from .conftest import COMPLAINT, Headers


def _create(api: TestClient, headers: Headers, team: str, text: str = COMPLAINT["text"]) -> str:
    r = api.post("/api/v1/complaints", headers=headers, json={**COMPLAINT, "text": text, "team": team})
    assert r.status_code == 201, r.text
    return str(r.json()["tracking_number"])


def test_team_scopes(api: TestClient, make_user: Callable[..., Headers]) -> None:
    admin = make_user("ada", "admin", teams=())
    billing = make_user("bill", "handler", teams=("Billing",))
    facilities = make_user("fay", "handler", teams=("Facilities",))
    sup = make_user("sue", "supervisor", teams=("Billing",))
    b = _create(api, admin, "Billing", "I was charged twice for October")
    f = _create(api, admin, "Facilities", "The lift is broken")

    def seen(h: Headers) -> set[str]:
        return {c["tracking_number"] for c in api.get("/api/v1/complaints", headers=h).json()["items"]}

    assert seen(admin) == {b, f}
    assert seen(billing) == {b}
    assert seen(facilities) == {f}
    assert seen(sup) == {b}
    # another team's complaint is 404, exactly like one that does not exist
    assert api.get(f"/api/v1/complaints/{b}", headers=facilities).status_code == 404
    assert api.post(f"/api/v1/complaints/{b}/start", headers=facilities, json={}).status_code == 404
    # asking Facilities to assist lets them see it
    team_ids = {t["name"]: t["id"] for t in api.get("/api/v1/teams", headers=admin).json()}
    assert (
        api.post(f"/api/v1/complaints/{b}/assist", headers=sup, json={"team_id": team_ids["Facilities"]}).status_code
        == 200
    )
    assert b in seen(facilities)
    # handlers cannot dispatch, admins only create users
    assert (
        api.post(
            f"/api/v1/complaints/{b}/assign", headers=billing, json={"lead_team_id": team_ids["Facilities"]}
        ).status_code
        == 403
    )
    assert api.post("/api/v1/users", headers=sup, json={"username": "x", "role": "admin"}).status_code == 403


def test_tokens(api: TestClient, handler: Headers) -> None:
    assert api.get("/api/v1/complaints").status_code == 401
    r = api.get("/api/v1/complaints", headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401 and "token" in r.json()["detail"]
    assert api.get("/api/v1/me", headers=handler).json()["username"] == "hana"


def test_return_to_dispatch_and_redispatch(api: TestClient, make_user: Callable[..., Headers]) -> None:
    admin = make_user("ada", "admin", teams=())
    billing = make_user("bill", "handler", teams=("Billing",))
    sup = make_user("sue", "supervisor", teams=("Billing", "Facilities"))
    tn = _create(api, admin, "Billing", "Water is leaking from the ceiling")
    teams = {t["name"]: t["id"] for t in api.get("/api/v1/teams", headers=admin).json()}
    assert (
        api.post(
            f"/api/v1/complaints/{tn}/return", headers=billing, json={"team_id": teams["Billing"], "reason": ""}
        ).status_code
        == 422
    )
    r = api.post(
        f"/api/v1/complaints/{tn}/return",
        headers=billing,
        json={"team_id": teams["Billing"], "reason": "a facilities matter"},
    )
    assert r.status_code == 200 and r.json()["needs_dispatch"] is True and r.json()["lead_team"] is None
    assert api.get(f"/api/v1/complaints/{tn}", headers=billing).status_code == 404
    r = api.post(f"/api/v1/complaints/{tn}/assign", headers=sup, json={"lead_team_id": teams["Facilities"]})
    assert r.json()["lead_team"]["name"] == "Facilities" and r.json()["needs_dispatch"] is False
    assert [t["state"] for t in r.json()["teams"]] == ["returned"]
