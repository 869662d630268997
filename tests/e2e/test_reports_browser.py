"""The report pages in a real browser, as the demo supervisor mei: the customers who fell silent after a complaint
(the demo makes some, seed 002) and the periodic report reached from the dashboard."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from complaintdesk.i18n import t

from .conftest import Server, sign_in

pytestmark = pytest.mark.e2e

CODES = re.compile(r"outcome_not_accepted|follow_up_unanswered|low_follow_up_score|silent_\d+_days|repeat_complaint")


def test_supervisor_opens_the_customers_at_risk_and_the_periodic_report(
        desktop: Any, server: Server, shots: Path) -> None:
    page = desktop.new_page()
    sign_in(page, server, "mei", language="zh-Hans")
    page.goto(server("/dashboard"))
    with page.expect_navigation():
        page.click(f"nav >> text={t('zh-Hans', 'web.nav.at_risk')}")
    assert page.url.endswith("/customers-at-risk")
    expect(page.locator("h1")).to_have_text(t("zh-Hans", "web.risk.title"))
    expect(page.locator("#risk-why")).to_be_visible()
    rows = page.locator("#risk-table tbody tr")
    assert rows.count() >= 3, "the demo's silent customers are listed"
    first = rows.first
    expect(first.locator(".badge.stage")).to_be_visible()
    assert first.locator(".badge.stage").inner_text() in {
        t("zh-Hans", f"web.risk.stage_{s}") for s in ("likely_lost", "silent", "repeat_unresolved")}
    assert first.locator("ul.reasons li").count() >= 1
    assert not CODES.search(page.locator("#risk-table").inner_text()), "reason codes are put in words"
    assert "已沉默" in page.locator("#risk-table").inner_text()
    # the red badge of a likely lost customer is not the amber one of a silent customer
    lost = page.locator("#risk-table .badge.stage-likely_lost").first
    silent = page.locator("#risk-table .badge.stage-silent").first
    if lost.count() and silent.count():
        colour = "(el) => getComputedStyle(el).backgroundColor"
        assert lost.evaluate(colour) != silent.evaluate(colour)
    page.screenshot(path=str(shots / "customers-at-risk.png"), full_page=True)

    page.fill("#risk-silence", "365")
    with page.expect_navigation():
        page.click("#risk-apply")
    assert "silence=365" in page.url
    expect(page.locator("#risk-silence")).to_have_value("365")
    stages = page.locator("#risk-table tbody tr").evaluate_all("(rows) => rows.map((r) => r.dataset.stage)")
    assert set(stages) <= {"repeat_unresolved"}  # nobody in the demo has been silent for a year

    page.goto(server("/customers-at-risk"))
    number = page.locator("#risk-table tbody tr a.tn-link").first.inner_text().strip()
    with page.expect_navigation():
        page.locator("#risk-table tbody tr a.tn-link").first.click()
    assert page.url.endswith(f"/complaints/{number}")

    page.goto(server("/dashboard"))
    with page.expect_navigation():
        page.locator("#dash-report-link a").first.click()
    assert "/reports?period=30d" in page.url
    expect(page.locator("h1")).to_have_text(t("zh-Hans", "web.rep.title"))
    assert int(page.locator("#rep-received strong").inner_text()) > 0
    expect(page.locator("#rep-times tbody tr")).to_have_count(2)
    assert page.locator("#rep-hot tbody tr").count() + page.locator("#rep-no-hot").count() >= 1
    assert page.locator("#rep-measures tbody tr").count() >= 1, "the demo's summaries record prevention measures"
    counts = page.locator("#rep-at-risk a")
    expect(counts).to_have_count(3)
    total = sum(int(re.findall(r"\d+", counts.nth(i).inner_text())[-1]) for i in range(3))
    assert total > 0
    page.screenshot(path=str(shots / "reports.png"), full_page=True)
    with page.expect_navigation():
        counts.nth(1).click()  # silent
    assert "/customers-at-risk?stage=silent" in page.url
    expect(page.locator("#risk-stage")).to_have_value("silent")
    stages = page.locator("#risk-table tbody tr").evaluate_all("(rows) => rows.map((r) => r.dataset.stage)")
    assert stages and set(stages) == {"silent"}
