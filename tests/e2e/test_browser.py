"""The web application in a real browser: the customer's portal on a phone, a handler working a complaint from
the inbox to closing with the reply coach, a supervisor approving a remedy, the dashboard's charts, the
language switch, and the security basics (markup in complaints stays text, CSRF, lockout, cookies)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from complaintdesk.i18n import t

from .conftest import PASSWORD, Server, sign_in

pytestmark = pytest.mark.e2e

MARKUP = "<script>window.__pwned = 1; alert('x')</script><img src=x onerror=\"window.__pwned = 2\">"
COMPLAINT = "你們的技師三次上門都沒修好冷氣，這個月熱得睡不著。我要求退款500元！" + MARKUP
BAD_REPLY = "這是公司規定，你自己沒看清楚說明書。"
GOOD_REPLY = (
    "陳先生您好，我是客服專員劉海娜。冷氣三次都沒修好，給您添麻煩了，非常抱歉。我們已安排資深技師於下週一下午2點前"
    "上門檢修，退款的要求我會在下週二前給您答覆。有任何問題請直接打我的電話 02-2345-6789。"
)
NOTE = "內部備註：客戶上次來電情緒很激動"
BLAME_RULES = {"argues_or_blames", "policy_first"}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-TW"}


@dataclass
class Submitted:
    tracking_number: str
    link: str
    dialogs: list[str] = field(default_factory=list)


def watch(page: Any) -> list[str]:
    """Record any dialog (an alert would mean injected script ran) and dismiss it."""
    seen: list[str] = []

    def on_dialog(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen


def no_inline_script(page: Any) -> None:
    assert page.locator("script:not([src])").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")


UNLABELLED = """() => Array.from(document.querySelectorAll("input, select, textarea")).filter((e) => {
  if (e.type === "hidden" || e.type === "submit") return false;
  if (e.getAttribute("aria-label") || e.getAttribute("aria-labelledby") || e.closest("label")) return false;
  return !(e.id && document.querySelector(`label[for="${e.id}"]`));
}).map((e) => e.outerHTML.slice(0, 120))"""


def accessible_basics(page: Any) -> None:
    """Every field has a label, and the first Tab lands on the skip link."""
    assert page.evaluate(UNLABELLED) == []
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('skip')")


def handler_for(server: Server, tracking_number: str) -> tuple[str, str]:
    """(username, language) of a handler of the team the complaint was routed to (a supervisor if none)."""
    with sqlite3.connect(server.workdir / "complaintdesk.sqlite3") as db:
        row = db.execute(
            "select u.username, u.language from users u join user_teams ut on ut.user_id = u.id "
            "join complaints c on c.lead_team_id = ut.team_id "
            "where c.tracking_number = ? and u.role = 'handler' order by u.username limit 1", (tracking_number,)
        ).fetchone() or db.execute("select username, language from users where username = 'mei'").fetchone()
    return str(row[0]), str(row[1])


def lang_of(page: Any) -> str:
    return str(page.locator("html").get_attribute("lang"))


def fits_width(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))


@pytest.fixture(scope="module")
def submitted(browser: Any, server: Server, shots: Path) -> Submitted:
    """A customer submits a complaint in the portal on a phone (browser in Traditional Chinese)."""
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    dialogs = watch(page)
    page.goto(server("/"))
    assert lang_of(page) == "zh-Hant"  # the browser's Accept-Language: zh-TW
    expect(page.locator("h1")).to_have_text(t("zh-Hant", "web.portal.title"))
    accessible_basics(page)
    page.fill("#p-name", "陳大文")
    page.fill("#p-phone", "0912-345-678")
    page.fill("#p-subject", "冷氣修了三次還是壞的")
    page.fill("#p-text", COMPLAINT)
    page.fill("#p-location", "台北市信義區松仁路 5 號 12 樓")
    page.fill("#p-product", "分離式冷氣 RX-22")
    assert fits_width(page)
    page.screenshot(path=str(shots / "portal-phone.png"), full_page=True)
    with page.expect_navigation():
        page.click("#portal-submit")
    number = page.locator("#tracking-number").inner_text().strip()
    assert re.fullmatch(r"CD-[A-Z0-9]{8}", number)
    link = str(page.locator("#private-link").get_attribute("href"))
    assert link.startswith(f"/track/{number}?token=")
    assert fits_width(page)
    page.screenshot(path=str(shots / "portal-done-phone.png"), full_page=True)
    ctx.close()
    return Submitted(number, link, dialogs)


def test_customer_submits_and_follows_the_private_link_on_a_phone(
        browser: Any, server: Server, submitted: Submitted, shots: Path) -> None:
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    dialogs = watch(page)
    page.goto(server(submitted.link))
    expect(page.locator("h1")).to_contain_text(submitted.tracking_number)
    expect(page.locator("#track-status")).to_have_text(t("zh-Hant", "web.label.status.received"))
    expect(page.locator("#track-timeline li")).to_have_count(1)
    expect(page.locator("#track-timeline")).to_contain_text(t("zh-Hant", "web.track.received"))
    # the subject is what the customer typed, shown as text
    expect(page.locator("#track")).to_contain_text("冷氣修了三次還是壞的")
    assert fits_width(page)
    no_inline_script(page)
    page.screenshot(path=str(shots / "track-phone.png"), full_page=True)
    # a photo of the broken unit, then a message: both stay with the complaint, the message as text
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
    page.set_input_files("#t-files", {"name": "冷氣機.png", "mimeType": "image/png", "buffer": png})
    with page.expect_navigation():
        page.click("#files-submit")
    expect(page.locator(".file-list")).to_contain_text("冷氣機.png")
    page.fill("#w-text", "師傅話要換零件，<b>幾時</b>會有回覆？")
    with page.expect_navigation():
        page.click("#write-submit")
    expect(page.locator("#track-timeline .message.mine")).to_have_text("師傅話要換零件，<b>幾時</b>會有回覆？")
    # without the token the complaint is not shown
    page.goto(server(f"/track/{submitted.tracking_number}?token=wrong"))
    expect(page.locator("#track-timeline")).to_have_count(0)
    assert submitted.dialogs == [] and dialogs == []
    ctx.close()


def test_handler_works_the_complaint_from_the_inbox_to_closing(
        desktop: Any, server: Server, submitted: Submitted, shots: Path) -> None:
    page = desktop.new_page()
    dialogs = watch(page)
    handler, lang = handler_for(server, submitted.tracking_number)
    sign_in(page, server, handler)  # no language cookie: the handler's own language
    assert page.url.endswith("/inbox")
    assert lang_of(page) == lang
    rows = page.locator("#inbox-rows tr")
    assert rows.count() > 1
    accessible_basics(page)
    page.screenshot(path=str(shots / "inbox.png"))

    # the search filters the rows without reloading the page
    marker = page.evaluate("() => (window.__same_page = 1)")
    page.fill("#f-q", submitted.tracking_number)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(submitted.tracking_number)
    assert page.evaluate("() => window.__same_page") == marker
    assert f"q={submitted.tracking_number}" in page.url

    with page.expect_navigation():
        rows.first.locator("a").first.click()
    text = page.locator("#complaint-text")
    expect(text).to_contain_text("<script>window.__pwned = 1;")  # the markup is shown as text
    assert text.locator("script, img").count() == 0
    no_inline_script(page)
    status = page.locator("#status")
    expect(status).to_have_class(re.compile(r"status-received"))
    accessible_basics(page)

    # a bad reply: the coach flags it as it is typed
    editor = page.locator("#reply-body")
    editor.press_sequentially(BAD_REPLY, delay=5)
    flagged = page.locator("#coach-list li")
    expect(flagged.first).to_be_visible()
    rules = set(flagged.evaluate_all("els => els.map(e => e.dataset.rule)"))
    assert rules & BLAME_RULES, rules
    page.screenshot(path=str(shots / "complaint-coach.png"), full_page=True)

    # the drafted reply fills the editor
    if page.locator("#use-draft").count():
        page.click("#use-draft")
        assert editor.input_value().strip() and editor.input_value() != BAD_REPLY

    # a good reply: nothing about blame or policy, and it acknowledges the complaint
    editor.fill(GOOD_REPLY)
    editor.press("End")
    editor.type(" ")
    expect(page.locator("#coach-list li[data-rule='argues_or_blames']")).to_have_count(0)
    expect(page.locator("#coach-list li[data-rule='policy_first']")).to_have_count(0)
    with page.expect_navigation():
        page.click("#send-reply")
    expect(page.locator(".flash-ok")).to_be_visible()
    expect(status).to_have_class(re.compile(r"status-acknowledged"))
    expect(page.locator("#timeline")).to_contain_text("劉海娜")

    # an internal note, never shown to the customer
    page.fill("#note-body", NOTE)
    with page.expect_navigation():
        page.click("#add-note")
    expect(page.locator("#timeline")).to_contain_text(NOTE)

    # start, then promise a date
    with page.expect_navigation():
        page.click("#act-start")
    expect(status).to_have_class(re.compile(r"status-in_progress"))
    page.click("#commit-box summary")
    due = (datetime.now() + timedelta(days=3)).replace(hour=17, minute=0)
    page.fill("#due_at", due.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#commit-desc", "上門檢修並答覆退款")
    with page.expect_navigation():
        page.click("#commit-box button[type=submit]")
    expect(page.locator(".flash-ok")).to_be_visible()
    expect(page.locator("#remedies .commit-open")).to_have_count(1)

    # a remedy within the handler's own limit is granted at once
    page.click("#remedy-box summary")
    page.select_option("#remedy-kind", "refund")
    page.fill("#remedy-value", "150")
    page.fill("#remedy-desc", "退還第三次上門費")
    with page.expect_navigation():
        page.click("#remedy-box button[type=submit]")
    expect(page.locator("#remedies .remedy-approved")).to_have_count(1)

    # a progress update, then resolve and close with the outcome told to the customer
    editor.fill("陳先生您好，技師已確認是壓縮機故障，零件明天到貨，週四前換好。我是劉海娜，電話 02-2345-6789。")
    page.check("input[name=kind][value=progress]")
    with page.expect_navigation():
        page.click("#send-reply")
    expect(page.locator("#timeline .message").first).to_contain_text("壓縮機")
    page.click("#resolve-box summary")
    page.fill("#resolution", "更換壓縮機，冷氣恢復正常；退款 500 元已同意。")
    with page.expect_navigation():
        page.click("#resolve-box button[type=submit]")
    expect(status).to_have_class(re.compile(r"status-resolved"))
    page.select_option("#accepted", "yes")
    page.check("#communicated")
    with page.expect_navigation():
        page.click("#act-close")
    errors = page.locator(".flash-error").all_inner_texts()
    assert errors == []
    expect(status).to_have_class(re.compile(r"status-closed"))
    page.screenshot(path=str(shots / "complaint-closed.png"), full_page=True)

    # the customer sees the replies and the outcome on the private link, but not the internal events
    page.goto(server(submitted.link))
    expect(page.locator("#track-status")).to_have_text(t(lang, "web.label.status.closed"))
    expect(page.locator("#track-timeline")).to_contain_text("壓縮機")
    expect(page.locator("#track-timeline")).not_to_contain_text(NOTE)
    # and answers the follow-up survey there
    page.check("input[name=score][value='4']")
    page.fill("#s-comment", "修好了，謝謝。")
    with page.expect_navigation():
        page.click("#survey-submit")
    expect(page.locator(".flash-ok")).to_have_text(t(lang, "web.track.thanks"))
    expect(page.locator("#survey-submit")).to_have_count(0)
    assert dialogs == []


def test_supervisor_approves_a_remedy_above_the_limit(desktop: Any, server: Server, shots: Path) -> None:
    page = desktop.new_page()
    sign_in(page, server, "mei", language="en")
    page.goto(server("/supervisor"))
    approvals = page.locator("#approvals .approval")
    waiting = approvals.count()
    assert waiting > 0
    accessible_basics(page)
    page.screenshot(path=str(shots / "supervisor.png"), full_page=True)
    first = approvals.first
    number = first.locator("a").first.inner_text().strip()
    action = str(first.locator("form").get_attribute("action"))
    first.locator("input[name=note]").fill("Checked the receipts; approved.")
    with page.expect_navigation():
        first.locator("button[value=approve]").click()
    expect(page.locator(".flash-ok")).to_have_text(t("en", "web.done.approved"))
    expect(approvals).to_have_count(waiting - 1)
    assert page.locator(f"#approvals form[action='{action}']").count() == 0
    page.goto(server(f"/complaints/{number}"))
    expect(page.locator("#remedies .remedy-approved").first).to_be_visible()
    expect(page.locator("#timeline")).to_contain_text(t("en", "web.label.event.remedy_decided"))


def test_dashboard_draws_its_charts_and_filters_by_period_and_team(
        desktop: Any, server: Server, shots: Path) -> None:
    page = desktop.new_page()
    sign_in(page, server, "mei", language="zh-Hans")
    page.goto(server("/dashboard"))
    charts = page.locator("main svg.chart")
    assert charts.count() >= 2
    assert page.locator("main svg.chart rect").count() > 5  # columns were drawn
    assert page.locator("main .bar-row").count() >= 5
    assert int(page.locator(".kpi strong").first.inner_text()) > 0
    accessible_basics(page)
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    page.select_option("#period", "7d")
    page.select_option("#team", index=1)
    with page.expect_navigation():
        page.click("#dash-apply")
    assert "period=7d" in page.url and re.search(r"team=\d+", page.url)
    expect(page.locator("#period")).to_have_value("7d")
    assert page.locator("main svg.chart").count() >= 2


def test_language_follows_the_browser_and_switches(browser: Any, server: Server) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-TW")
    page = ctx.new_page()
    page.goto(server("/portal"))
    assert lang_of(page) == "zh-Hant"
    page.select_option("#lang-select", "zh-Hans")  # submits itself
    page.wait_for_url(server("/portal"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator("h1")).to_have_text(t("zh-Hans", "web.portal.title"))
    page.select_option("#lang-select", "zh-Hant")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("h1")).to_have_text(t("zh-Hant", "web.portal.title"))
    # signed in, the switch comes back to the same filtered inbox
    sign_in(page, server, "admin")
    page.goto(server("/inbox?group=all&priority=P1"))
    page.select_option("#lang-select", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/inbox?group=all&priority=P1")
    expect(page.locator("h1")).to_have_text(t("en", "web.inbox.title"))
    page.select_option("#lang-select", "zh-Hans")
    expect(page.locator("h1")).to_have_text(t("zh-Hans", "web.inbox.title"))
    ctx.close()


def test_forms_need_the_csrf_token_and_sign_in_locks_after_failures(desktop: Any, server: Server) -> None:
    page = desktop.new_page()
    response = page.goto(server("/signin"))
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    cookie = next(c for c in desktop.cookies() if c["name"] == "cd_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    # a form posted from elsewhere (no token) is refused, even with the right password
    forged = page.request.post(server("/signin"), form={"username": "tom", "password": PASSWORD},
                               max_redirects=0)
    assert forged.status == 403
    for _ in range(5):
        page.fill("#username", "lin")
        page.fill("#password", "not-the-password")
        with page.expect_navigation():
            page.click("#signin-submit")
        expect(page.locator(".flash-error")).to_be_visible()
    page.fill("#username", "lin")
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("#signin-submit")
    expect(page.locator(".flash-error")).to_have_text(t("en", "web.signin.locked"))
    assert "/signin" in page.url
