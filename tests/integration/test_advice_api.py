"""Handling advice through the API: plan, reply coach, draft, and learning from outcomes (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from complaintdesk.bootstrap import Container
from complaintdesk.services import advice, users

from ..fakes import FakeClock
from .conftest import COMPLAINT, Headers


def _staff(container: Container, username: str, **kwargs: Any) -> Headers:
    with container.uow() as uow:
        _, token = users.create_user(uow, username, kwargs.pop("role", "handler"), **kwargs)
        uow.commit()
    return {"Authorization": f"Bearer {token}"}


def _create(api: TestClient, headers: Headers, **fields: Any) -> str:
    r = api.post("/api/v1/complaints", headers=headers, json={**COMPLAINT, **fields})
    assert r.status_code == 201, r.text
    return str(r.json()["tracking_number"])


def test_plan_coach_and_draft_of_a_complaint(api: TestClient, container: Container, clock: FakeClock) -> None:
    ana = _staff(
        container,
        "ana",
        teams=["Front desk"],
        display_name="Ana Torres",
        phone="020 7946 0321",
        email="ana@example.org",
    )
    tn = _create(api, ana)

    # the plan: ordered steps, each with its principle and source; shown with the complaint too
    r = api.get(f"/api/v1/complaints/{tn}/plan", headers=ana)
    assert r.status_code == 200, r.text
    plan = r.json()
    ids = [s["id"] for s in plan["steps"]]
    assert plan["language"] == "en"
    assert "listen_fully" in ids and "lead_with_deadline" in ids  # an angry eagle (the fake analyser)
    assert "safety_first" not in ids
    assert ids.index("listen_fully") < ids.index("commit_date") < ids.index("follow_up_week")
    assert all(s["principle"] and "seed" in s["source"] for s in plan["steps"])
    assert any("Ana Torres" in w for s in plan["steps"] for w in s["say"])
    assert not any(s["done"] for s in plan["steps"])
    detail = api.get(f"/api/v1/complaints/{tn}", headers=ana).json()
    assert [s["id"] for s in detail["plan"]["steps"]] == ids

    # the coach on a draft before it is sent
    bad = (
        "According to our policy, lifts are repaired in turn. You should have reported it earlier. We will fix it soon."
    )
    r = api.post(f"/api/v1/complaints/{tn}/coach", headers=ana, json={"reply": bad})
    assert r.status_code == 200, r.text
    verdict = r.json()
    rules = {v["rule"] for v in verdict["violations"]}
    assert verdict["ok"] is False
    assert {"policy_first", "argues_or_blames", "no_commitment", "no_apology", "no_contact"} <= rules
    for v in verdict["violations"]:
        start, end = v["span"]
        assert 0 <= start <= end <= len(bad) and v["principle"] and v["suggestion"]
    blame = next(v for v in verdict["violations"] if v["rule"] == "argues_or_blames")
    assert "should have reported" in bad[blame["span"][0] : blame["span"][1]]

    good = (
        "Dear Li Wei, I'm sorry your mother has been stuck for two weeks because of the broken lift in Block 3. "
        "An engineer is booked for tomorrow at 9 am and I will call you by 5 pm tomorrow to confirm it is working. "
        "I'm Ana Torres; you can reach me on 020 7946 0321."
    )
    r = api.post(f"/api/v1/complaints/{tn}/coach", headers=ana, json={"reply": good})
    assert r.json() == {"ok": True, "language": "en", "violations": []}

    # the draft: the complaint's language, the handler's name and line, the commitment date; it passes the coach
    due = clock.now + timedelta(days=2)
    r = api.post(
        f"/api/v1/complaints/{tn}/commitments",
        headers=ana,
        json={"due_at": due.isoformat(), "description": "The lift is repaired"},
    )
    assert r.status_code == 200, r.text
    r = api.get(f"/api/v1/complaints/{tn}/draft", headers=ana)
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["ok"] is True and draft["violations"] == [], draft
    assert draft["language"] == "en" and draft["tone"]
    assert "Ana Torres" in draft["text"] and "020 7946 0321" in draft["text"] and "Li Wei" in draft["text"]
    assert due.strftime("%A") in draft["text"] and str(due.day) in draft["text"]
    assert draft["commit_by"].startswith(due.date().isoformat())


def test_chinese_complaint_gets_chinese_advice(api: TestClient, container: Container) -> None:
    wang = _staff(container, "wang", teams=["Front desk"], display_name="王丽", phone="021-6432 7788")
    tn = _create(api, wang, text="电梯坏了两个星期，我母亲下不了楼！", name="李伟")
    plan = api.get(f"/api/v1/complaints/{tn}/plan", headers=wang).json()
    assert plan["language"] == "zh-Hans"
    assert any("让" in s["do"] or "说" in s["do"] for s in plan["steps"])
    draft = api.get(f"/api/v1/complaints/{tn}/draft", headers=wang).json()
    assert draft["ok"] is True, draft
    assert "王丽" in draft["text"] and "021-6432 7788" in draft["text"] and "抱歉" in draft["text"]
    verdict = api.post(
        f"/api/v1/complaints/{tn}/coach", headers=wang, json={"reply": "好好好，对对对，根据规定我们会尽快处理。"}
    ).json()
    assert {"filler_agreement", "policy_first", "no_commitment", "no_contact"} <= {
        v["rule"] for v in verdict["violations"]
    }
    assert verdict["violations"][0]["message"] and any("种子" in v["principle"] for v in verdict["violations"])


def test_advice_requests_are_strict_and_scoped(api: TestClient, container: Container, handler: Headers) -> None:
    tn = _create(api, handler)
    url = f"/api/v1/complaints/{tn}"
    assert api.post(f"{url}/coach", headers=handler, json={"reply": "ok", "extra": 1}).status_code == 422
    assert api.post(f"{url}/coach", headers=handler, json={"reply": "x" * 20_001}).status_code == 422
    assert api.post(f"{url}/coach", headers=handler, json={}).status_code == 422
    assert api.post(f"{url}/plan/steps-done", headers=handler, json={"step_ids": ["no_such_step"]}).status_code == 422
    assert api.post(f"{url}/plan/steps-done", headers=handler, json={"step_ids": ["Bad Id!"]}).status_code == 422
    assert api.get(f"{url}/plan").status_code == 401
    other = _staff(container, "olga", teams=["Billing"])
    for path in ("plan", "draft"):
        assert api.get(f"{url}/{path}", headers=other).status_code == 404
    assert api.post(f"{url}/coach", headers=other, json={"reply": "Hello"}).status_code == 404
    assert api.get("/api/v1/complaints/CD-NOPE/plan", headers=handler).status_code == 404


def test_used_steps_and_drafts_are_recorded_and_related_to_satisfaction(
    api: TestClient, container: Container, clock: FakeClock
) -> None:
    ana = _staff(container, "ana", teams=["Front desk"], display_name="Ana Torres", phone="020 7946 0321")
    scores = {}
    for n, score in enumerate([5, 4, 5, 2]):
        tn = _create(api, ana, name=f"Customer {n}", email=f"c{n}@example.org", phone=f"+86 138 0000 000{n}")
        url = f"/api/v1/complaints/{tn}"
        if score >= 4:
            draft = api.get(f"{url}/draft", headers=ana).json()
            r = api.post(
                f"{url}/replies",
                headers=ana,
                json={
                    "body": draft["text"],
                    "kind": "reply",
                    "draft_id": draft["draft_id"],
                    "plan_steps": ["acknowledge_feelings", "apologise_no_blame"],
                },
            )
            assert r.status_code == 200, r.text
            sent = r.json()["messages"][-1]
            assert sent["body"] == draft["text"] and sent["coach"]["ok"] is True, sent["coach"]
            r = api.post(f"{url}/plan/steps-done", headers=ana, json={"step_ids": ["commit_date"]})
            assert r.status_code == 200, r.text
            assert r.json() == {
                "steps_done": ["acknowledge_feelings", "apologise_no_blame", "commit_date"],
                "draft_used": True,
                "records": 2,
            }
            plan = api.get(f"{url}/plan", headers=ana).json()
            assert plan["draft_used"] is True
            assert {s["id"] for s in plan["steps"] if s["done"]} == {
                "acknowledge_feelings",
                "apologise_no_blame",
                "commit_date",
            }
        else:
            r = api.post(f"{url}/replies", headers=ana, json={"body": "We will look into it.", "kind": "reply"})
            assert r.status_code == 200, r.text
            assert r.json()["messages"][-1]["coach"]["ok"] is False
        # an unknown step in a reply is refused, and nothing of that reply is stored
        r = api.post(f"{url}/replies", headers=ana, json={"body": "Hello", "plan_steps": ["nope"]})
        assert r.status_code == 422
        clock.advance(hours=2)
        assert api.post(f"{url}/resolve", headers=ana, json={"resolution": "Repaired."}).status_code == 200
        closed = api.post(
            f"{url}/close",
            headers=ana,
            json={"outcome": "upheld", "relief": "non_monetary", "communicated": True, "customer_accepted": True},
        )
        assert closed.status_code == 200, closed.text
        r = api.post(f"{url}/follow-up", headers=ana, json={"score": score, "comment": ""})
        assert r.status_code == 200, r.text
        scores[tn] = score
        assert all(m["body"] != "Hello" for m in r.json()["messages"])

    with container.uow() as uow:
        report = advice.outcomes_report(uow, min_count=2)
    assert report["n"] == 4
    assert report["draft"] == {
        "key": "draft_used",
        "n_with": 3,
        "mean_with": round(14 / 3, 3),
        "n_without": 1,
        "mean_without": 2.0,
        "lift": round(14 / 3 - 2, 3),
    }
    by_step = {e["key"]: e for e in report["steps"]}
    assert by_step["commit_date"]["n_with"] == 3 and by_step["commit_date"]["lift"] > 0
    assert report["approaches"][0]["key"] == "choleric"


def test_the_optional_language_model_writes_the_draft_when_configured(
    api: TestClient, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    text = (
        "Dear Li Wei, I'm sorry your mother has been stuck because of the broken lift in Block 3. An engineer is "
        "booked for tomorrow at 9 am and I will call you by 5 pm tomorrow. I'm Ana Torres; you can reach me on "
        "020 7946 0321."
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            body = json.dumps({"choices": [{"message": {"content": text}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        ana = _staff(container, "ana", teams=["Front desk"], display_name="Ana Torres", phone="020 7946 0321")
        tn = _create(api, ana)
        assert api.get(f"/api/v1/complaints/{tn}/draft", headers=ana).json()["source"] == "template"
        monkeypatch.setenv("COMPLAINTDESK_LLM_URL", f"http://127.0.0.1:{httpd.server_address[1]}/v1")
        draft = api.get(f"/api/v1/complaints/{tn}/draft", headers=ana).json()
        assert draft["source"] == "llm" and draft["text"] == text and draft["ok"] is True
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
