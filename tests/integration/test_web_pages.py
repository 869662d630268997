"""The web pages through the ASGI app (no browser): sessions, CSRF, every page renders, escaping, errors."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints.api.app import create_app
from complaintdesk.services import users

from ..fakes import FakeClock

PASSWORD = "correct horse battery"


@pytest.fixture
def web(container: Container) -> Iterator[TestClient]:
    with container.uow() as uow:
        users.create_user(uow, "hana", "handler", teams=["Front desk"], password=PASSWORD, display_name="Hana")
        users.create_user(uow, "sam", "supervisor", teams=["Front desk"], password=PASSWORD, display_name="Sam")
        uow.commit()
    with TestClient(create_app(container), follow_redirects=False) as client:
        yield client


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def sign_in(client: TestClient, username: str) -> None:
    token = csrf(client.get("/signin").text)
    r = client.post("/signin", data={"username": username, "password": PASSWORD, "csrf_token": token, "next": "/inbox"})
    assert r.status_code == 303 and r.headers["location"] == "/inbox"


def submit(client: TestClient, text: str) -> tuple[str, str]:
    token = csrf(client.get("/").text)
    r = client.post("/portal", data={"csrf_token": token, "name": "Li Wei", "email": "li@example.org", "text": text,
                                     "location": "Block 3"})
    assert r.status_code == 200, r.text
    link = re.search(r'href="(/track/[^"]+)"', r.text)
    assert link
    tn = re.search(r'id="tracking-number">([A-Z0-9-]+)<', r.text)
    assert tn
    return tn.group(1), link.group(1).replace("&amp;", "&")


def test_staff_pages_need_a_session_and_forms_need_the_csrf_token(web: TestClient) -> None:
    assert web.get("/inbox").headers["location"].startswith("/signin?next=")
    assert web.get("/inbox/rows").status_code == 401
    assert web.post("/signin", data={"username": "hana", "password": PASSWORD}).status_code == 403
    sign_in(web, "hana")
    cookie = web.cookies.get("cd_session")
    assert cookie
    assert web.get("/inbox").status_code == 200
    assert web.get("/supervisor").status_code == 403  # a handler is not a supervisor
    r = web.post("/signout", data={"csrf_token": "forged"})
    assert r.status_code == 403


def test_session_cookie_flags(web: TestClient) -> None:
    r = web.get("/signin")
    header = r.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header
    assert "content-security-policy" in r.headers


def test_wrong_password_is_refused_and_locks_after_five(web: TestClient) -> None:
    for _ in range(5):
        token = csrf(web.get("/signin").text)
        r = web.post("/signin", data={"username": "hana", "password": "wrong-password", "csrf_token": token})
        assert r.status_code == 401
    token = csrf(web.get("/signin").text)
    r = web.post("/signin", data={"username": "hana", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 401 and "locked" in r.text


def test_portal_to_inbox_to_close_with_every_page_rendering(web: TestClient, clock: FakeClock) -> None:
    tn, link = submit(web, "The lift <script>alert(1)</script> is broken again!")
    page = web.get(link)
    assert page.status_code == 200 and tn in page.text
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert web.get(f"/track/{tn}?token=wrong").status_code == 404

    sign_in(web, "hana")
    inbox = web.get("/inbox").text
    assert tn in inbox and "&lt;script&gt;" in inbox
    assert tn in web.get("/inbox/rows?q=lift").text
    assert tn not in web.get("/inbox/rows?q=nothing-like-this").text
    c = web.get(f"/complaints/{tn}")
    assert c.status_code == 200 and "<script>alert(1)</script>" not in c.text
    token = csrf(c.text)
    version = re.search(r'name="version" value="(\d+)"', c.text)
    assert version

    def post(action: str, **data: str) -> str:
        r = web.post(f"/complaints/{tn}/{action}", data={"csrf_token": token, **data})
        assert r.status_code == 303, r.text
        return web.get(f"/complaints/{tn}").text

    html = post("acknowledge", body="Dear Li, I am sorry. Hana, ext. 204, will call you by 5 pm today.")
    assert "status-acknowledged" in html
    html = post("start")
    assert "status-in_progress" in html
    html = post("commit", due_at="2026-11-05T17:00", description="The lift is repaired")
    assert "The lift is repaired" in html
    html = post("remedy", kind="coupon", value="50", description="for the stairs")
    assert "remedy-approved" in html
    html = post("close", outcome="upheld", relief="monetary", communicated="1")  # not resolved yet: refused
    assert "flash-error" in html
    html = post("reply", body="The engineer is on site; parts arrive tomorrow. Hana, ext. 204.", kind="progress")
    assert "parts arrive tomorrow" in html and 'badge visible">Progress update<' in html
    html = post("note", body="Customer sounded very upset.")
    assert 'badge internal">Internal note<' in html
    html = post("resolve", resolution="The lift was repaired today.")
    assert "status-resolved" in html
    html = post("close", outcome="upheld", relief="non_monetary", accepted="yes")  # not told: refused
    assert "flash-error" in html and "status-resolved" in html
    html = post("close", outcome="upheld", relief="non_monetary", accepted="yes", communicated="1")
    assert "status-closed" in html
    html = post("summary", root_cause="maintenance_neglect", lesson="monthly checks")
    assert "maintenance_neglect" in html and 'id="reply-form"' not in html  # closed: reopen to write

    # the customer asks a question after closing: the handler answers it without reopening
    track = web.get(link).text
    r = web.post(f"/track/{tn}/message", data={"csrf_token": csrf(track), "token": link.split("token=")[1],
                                               "text": "Is the lift warranty longer now?"})
    assert r.status_code == 303
    html = web.get(f"/complaints/{tn}").text
    assert 'id="answer-after-close"' in html and 'id="reply-form"' in html
    html = post("reply", body="Yes, by a year; the letter follows by Friday. Hana, ext. 204.", kind="reply")
    assert "status-closed" in html and 'id="answer-after-close"' not in html and 'id="reply-form"' not in html

    track = web.get(link).text
    assert 'name="score"' in track
    r = web.post(f"/track/{tn}/survey", data={"csrf_token": csrf(track), "token": link.split("token=")[1],
                                              "score": "9", "comment": "Fixed, but <i>slowly</i>."})
    assert r.status_code == 422 and "Fixed, but &lt;i&gt;slowly&lt;/i&gt;.</textarea>" in r.text  # kept, escaped
    r = web.post(f"/track/{tn}/survey", data={"csrf_token": csrf(track), "token": link.split("token=")[1],
                                              "score": "5"})
    assert r.status_code == 303
    html = web.get(f"/complaints/{tn}").text
    assert "status-followed_up" in html and 'id="reopen-box"' in html
    token = csrf(html)
    html = post("reopen", reason="The lift stopped again the next day.")
    assert 'id="status"' in html and "status-followed_up" not in html and "status-closed" not in html
    assert "Customer sounded very upset." not in web.get(link).text  # internal notes stay internal


def test_a_refused_action_shows_the_page_again_with_what_was_typed(web: TestClient) -> None:
    tn, _ = submit(web, "The heating has been off for a week.")
    sign_in(web, "hana")
    page = web.get(f"/complaints/{tn}").text
    token = csrf(page)
    old = re.search(r'name="version" value="(\d+)"', page)
    assert old
    # a colleague acts first: the version in this page is now stale
    note = web.post(f"/complaints/{tn}/note", data={"csrf_token": token, "body": "Called the engineer."})
    assert note.status_code == 303
    reply = "Dear customer, <b>sorry</b> for the cold week: the engineer comes tomorrow at 9, Hana, ext. 204."
    r = web.post(f"/complaints/{tn}/acknowledge", data={"csrf_token": token, "version": old.group(1), "body": reply})
    assert r.status_code == 409
    assert "Called the engineer." in r.text  # the page as it is now
    assert r.text.count("Dear customer, &lt;b&gt;sorry&lt;/b&gt; for the cold week") == 2  # the editor and the copy
    assert "<b>sorry</b>" not in r.text and 'id="kept"' in r.text
    fresh = re.search(r'name="version" value="(\d+)"', r.text)
    assert fresh and fresh.group(1) != old.group(1)

    # a mistake in one field: the other fields of that form are kept, and the form is open
    r = web.post(f"/complaints/{tn}/commit", data={"csrf_token": token, "version": fresh.group(1),
                                                   "due_at": "next week", "description": "New boiler fitted"})
    assert r.status_code == 422
    assert 'value="New boiler fitted"' in r.text and 'id="commit-box" open' in r.text
    assert 'value="next week"' in r.text


def test_the_customer_writes_from_the_tracking_page_and_the_handler_sees_it(web: TestClient) -> None:
    tn, link = submit(web, "My parcel is a week late.")
    token = link.split("token=")[1]
    page = web.get(link).text
    assert 'id="w-text"' in page
    r = web.post(f"/track/{tn}/message", data={"csrf_token": csrf(page), "token": token,
                                               "text": "It is a birthday present: <script>x()</script>"})
    assert r.status_code == 303
    page = web.get(link).text
    assert "It is a birthday present: &lt;script&gt;x()&lt;/script&gt;" in page and "<script>x()" not in page
    r = web.post(f"/track/{tn}/message", data={"csrf_token": csrf(page), "token": "wrong", "text": "hello"})
    assert r.status_code == 404
    r = web.post(f"/track/{tn}/message", data={"csrf_token": csrf(page), "token": token, "text": "x" * 20_001})
    assert r.status_code == 422 and ("x" * 20_001) + "</textarea>" in r.text  # refused, but kept in the form

    sign_in(web, "hana")
    staff = web.get(f"/complaints/{tn}").text
    assert "It is a birthday present" in staff and "From the customer" in staff
    row = next(r for r in web.get("/inbox").text.split("<tr") if tn in r)
    assert "Customer wrote" in row
    token = csrf(staff)
    web.post(f"/complaints/{tn}/acknowledge", data={"csrf_token": token, "body": "Sorry! It arrives tomorrow. Hana"})
    row = next(r for r in web.get("/inbox").text.split("<tr") if tn in r)
    assert "Customer wrote" not in row  # answered


def test_supervisor_approves_a_large_remedy_and_sees_dashboard(web: TestClient) -> None:
    tn, _ = submit(web, "You charged me twice! I want 900 back.")
    sign_in(web, "hana")
    token = csrf(web.get(f"/complaints/{tn}").text)
    web.post(f"/complaints/{tn}/remedy", data={"csrf_token": token, "kind": "refund", "value": "900"})
    assert "remedy-requested" in web.get(f"/complaints/{tn}").text
    web.cookies.clear()
    sign_in(web, "sam")
    sup = web.get("/supervisor")
    assert sup.status_code == 200 and tn in sup.text
    remedy_id = re.search(r'action="/remedies/(\d+)/decide"', sup.text)
    assert remedy_id
    r = web.post(f"/remedies/{remedy_id.group(1)}/decide",
                 data={"csrf_token": csrf(sup.text), "decision": "approve", "back": "/supervisor"})
    assert r.status_code == 303
    assert "remedy-approved" in web.get(f"/complaints/{tn}").text
    for query in ("", "?period=7d", "?period=365d", "?period=custom&from=2026-10-01&to=2026-11-30", "?team=1"):
        d = web.get("/dashboard" + query)
        assert d.status_code == 200, d.text
        assert "<svg" in d.text or "dash" in d.text


@pytest.mark.parametrize(
    ("accept", "expected"), [("zh-CN,zh;q=0.9", "投诉"), ("zh-TW", "投訴"), ("en-GB", "complaint")]
)
def test_language_follows_the_browser_and_the_switch(web: TestClient, accept: str, expected: str) -> None:
    r = web.get("/", headers={"Accept-Language": accept})
    assert expected in r.text
    token = csrf(r.text)
    r = web.post("/lang", data={"csrf_token": token, "lang": "zh-Hant", "next": "/"})
    assert r.status_code == 303
    assert 'lang="zh-Hant"' in web.get("/", headers={"Accept-Language": accept}).text


def test_error_pages_and_portal_errors_speak_the_visitor_s_language(web: TestClient) -> None:
    r = web.get("/no-such-page", headers={"Accept-Language": "zh-TW"})
    assert r.status_code == 404 and "這個網址沒有頁面" in r.text and 'lang="zh-Hant"' in r.text
    assert web.get("/api/no-such-thing").json() == {"detail": "Not Found"}  # the API keeps its JSON
    page = web.get("/", headers={"Accept-Language": "zh-CN"})
    r = web.post("/portal", data={"csrf_token": csrf(page.text), "name": "李伟", "text": "电梯又坏了"},
                 headers={"Accept-Language": "zh-CN"})
    assert r.status_code == 422 and "请留下电子邮件或电话" in r.text
    assert "电梯又坏了" in r.text  # what the customer typed is kept
    sign_in(web, "hana")
    r = web.get("/supervisor")
    assert r.status_code == 403 and "supervisors" in r.text


def test_priority_reasons_and_filters_are_shown_in_the_page_language(web: TestClient) -> None:
    tn, _ = submit(web, "The boiler leaked gas, my child is in hospital. I will call my lawyer!")
    sign_in(web, "hana")
    web.cookies.set("cd_lang", "zh-Hans")
    page = web.get(f"/complaints/{tn}").text
    assert "risk:" not in page and "category:" not in page  # reason ids are translated
    rows = web.get(f"/inbox/rows?q={tn}")
    assert rows.status_code == 200 and rows.headers["x-total"] == "1" and tn in rows.text
    assert 'data-template="' in web.get("/inbox").text


def test_coach_endpoint_answers_json(web: TestClient) -> None:
    tn, _ = submit(web, "The lift is broken!")
    sign_in(web, "hana")
    token = csrf(web.get(f"/complaints/{tn}").text)
    assert web.post(f"/complaints/{tn}/coach", json={"text": "x"}).status_code == 403
    r = web.post(f"/complaints/{tn}/coach", json={"text": "It is our policy. You are wrong."},
                 headers={"X-CSRF-Token": token})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"available", "violations"}
    if body["available"]:
        assert body["violations"], "a bad draft is flagged"


def test_every_web_text_and_label_id_is_in_the_three_languages() -> None:
    from complaintdesk.domain import labels
    from complaintdesk.i18n import catalogue

    english = {k for k in catalogue("en") if k.startswith("web.")}
    for lang in ("zh-Hans", "zh-Hant"):
        assert english == {k for k in catalogue(lang) if k.startswith("web.")}, lang
    heads = {"nature": labels.NATURES, "category": labels.CATEGORIES, "emotion": labels.EMOTIONS,
             "motive": labels.MOTIVES, "temperament": labels.TEMPERAMENTS, "risk": labels.RISKS,
             "coach": labels.COACH_RULES}
    for head, ids in heads.items():
        assert {f"web.label.{head}.{i}" for i in ids} <= english, head
