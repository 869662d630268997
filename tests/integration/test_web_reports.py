"""The report pages through the ASGI app: who may open them, the customers who fell silent after a complaint
that ended badly (seed 002), the periodic report with hot spots and measures, in the three languages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints.api.app import create_app
from complaintdesk.services import users

from ..fakes import FakeClock
from .test_web_pages import PASSWORD, csrf, sign_in, submit


@pytest.fixture
def web(container: Container) -> Iterator[TestClient]:
    with container.uow() as uow:
        users.create_user(uow, "hana", "handler", teams=["Front desk"], password=PASSWORD, display_name="Hana")
        users.create_user(uow, "sam", "supervisor", teams=["Front desk"], password=PASSWORD, display_name="Sam")
        users.create_user(uow, "olga", "supervisor", teams=["Facilities"], password=PASSWORD, display_name="Olga")
        uow.commit()
    with TestClient(create_app(container), follow_redirects=False) as client:
        yield client


def close(web: TestClient, tn: str, accepted: str, summary: dict[str, str] | None = None) -> None:
    """Work a complaint through to closed as the handler hana (then sign out)."""
    web.cookies.clear()
    sign_in(web, "hana")
    token = csrf(web.get(f"/complaints/{tn}").text)
    steps: list[tuple[str, dict[str, str]]] = [
        ("acknowledge", {"body": "Dear Li, I am sorry. Hana, ext. 204, will call you by 5 pm today."}),
        ("start", {}),
        ("resolve", {"resolution": "The deposit was returned."}),
        ("close", {"outcome": "partly_upheld", "relief": "explanation_only", "accepted": accepted,
                   "communicated": "1"}),
    ]
    if summary:
        steps.append(("summary", summary))
    for action, data in steps:
        r = web.post(f"/complaints/{tn}/{action}", data={"csrf_token": token, **data})
        assert r.status_code == 303, r.text
        assert "flash-error" not in web.get(f"/complaints/{tn}").text, action
    web.cookies.clear()


def table(html: str, table_id: str) -> str:
    """One table of the page, without the whitespace between tags."""
    return re.sub(r">\s+<", "><", html.split(f'id="{table_id}"')[1].split("</table>")[0])


def rows(html: str) -> list[str]:
    return re.findall(r'<tr class="risk-row row-[a-z_]+" data-stage="([a-z_]+)">', html)


def test_report_pages_are_for_supervisors_of_their_own_teams(web: TestClient) -> None:
    for path in ("/customers-at-risk", "/reports"):
        r = web.get(path)
        assert r.status_code == 303 and r.headers["location"].startswith("/signin?next=")
    sign_in(web, "hana")
    assert 'href="/customers-at-risk"' not in web.get("/inbox").text  # not in a handler's navigation
    for path in ("/customers-at-risk", "/reports"):
        r = web.get(path)
        assert r.status_code == 403 and "supervisors" in r.text
    web.cookies.clear()

    sign_in(web, "sam")
    dash = web.get("/dashboard").text
    assert 'href="/customers-at-risk"' in dash and 'href="/reports?period=30d"' in dash
    page = web.get("/customers-at-risk")
    assert page.status_code == 200 and 'aria-current="page">Customers at risk<' in page.text
    assert web.get("/reports").status_code == 200
    front = re.search(r'<option value="(\d+)" >Front desk</option>', page.text)
    assert front and "Facilities" not in page.text  # a supervisor picks among their own teams
    web.cookies.clear()

    sign_in(web, "olga")
    other = web.get(f"/customers-at-risk?team={front.group(1)}")  # another supervisor's team: ignored
    assert other.status_code == 200 and "Front desk" not in other.text and "Facilities" in other.text
    assert web.get(f"/reports?team={front.group(1)}").status_code == 200


def test_a_customer_who_did_not_accept_the_outcome_and_fell_silent_is_listed(
    web: TestClient, clock: FakeClock
) -> None:
    tn, _ = submit(web, "My deposit was never returned.")
    close(web, tn, accepted="no")
    sign_in(web, "sam")
    html = web.get("/customers-at-risk").text
    assert rows(html) == [] and 'id="risk-empty"' in html and "nobody fell silent for 30 days" in html

    clock.advance(days=40)
    html = web.get("/customers-at-risk").text
    assert rows(html) == ["silent"]
    assert "Li Wei" in html and 'href="mailto:li@example.org"' in html and f'href="/complaints/{tn}"' in html
    assert 'class="badge stage stage-silent">Silent<' in html
    assert "did not accept the outcome" in html and "silent for 40 days" in html
    assert "<td>2026-11-02</td>" in html  # the last contact: the day it was closed
    assert "outcome_not_accepted" not in html and "silent_40_days" not in html  # codes are put in words
    assert rows(web.get("/customers-at-risk?silence=60").text) == []  # not silent long enough for 60 days
    assert rows(web.get("/customers-at-risk?stage=likely_lost").text) == []
    assert rows(web.get("/customers-at-risk?stage=silent&silence=30").text) == ["silent"]

    report = web.get("/reports?period=90d").text  # the report counts them and links to the list
    assert re.search(r'href="/customers-at-risk\?stage=silent"><span class="badge stage stage-silent">Silent</span> 1<',
                     report)

    for lang, words in (("zh-Hans", ("流失风险客户", "不接受处理结果", "已沉默 40 天", "客户")),
                        ("zh-Hant", ("流失風險客戶", "不接受處理結果", "已沉默 40 天", "客戶"))):
        web.cookies.set("cd_lang", lang)
        html = web.get("/customers-at-risk").text
        assert f'lang="{lang}"' in html and rows(html) == ["silent"]
        for word in words:
            assert word in html, (lang, word)
        assert "did not accept" not in html and "outcome_not_accepted" not in html
    assert "客户" not in html and "投诉" not in html  # Traditional is not Simplified


def test_periodic_report_shows_volumes_times_hot_spots_and_measures(web: TestClient, clock: FakeClock) -> None:
    numbers = [submit(web, f"The lift in block 3 is broken, day {i}.")[0] for i in range(3)]
    clock.advance(hours=2)
    close(web, numbers[0], accepted="yes", summary={"root_cause": "maintenance_neglect", "lesson": "check lifts",
                                                   "prevention": "Monthly lift inspection <b>booked</b>"})
    sign_in(web, "sam")
    html = web.get("/reports?period=7d").text
    received = re.search(r'id="rep-received"><strong>(\d+)</strong>', html)
    assert received and received.group(1) == "3"
    assert "period before: 0" in html
    times = table(html, "rep-times")
    assert "First response</th><td>1</td><td>2.0 h</td><td>2.0 h</td>" in times
    hot = table(html, "rep-hot")
    assert "<td>Location</td>" in hot and "<strong>Block 3</strong></td><td>3</td><td>0</td>" in hot
    assert all(f'href="/complaints/{n}"' in hot for n in numbers)
    measures = table(html, "rep-measures")
    assert f'href="/complaints/{numbers[0]}"' in measures and "Maintenance neglected" in measures
    assert "&lt;b&gt;booked&lt;/b&gt;" in measures and "<b>booked" not in measures  # typed text stays text
    assert "Maintenance neglected</td><td>1</td>" in table(html, "rep-causes")

    # the period before: nothing was received then, so no hot spot and nothing received
    html = web.get("/reports?period=custom&from=2026-10-01&to=2026-10-20").text
    assert 'id="rep-no-hot"' in html and re.search(r'id="rep-received"><strong>0</strong>', html)

    web.cookies.set("cd_lang", "zh-Hant")
    html = web.get("/reports?period=7d").text
    assert "週期報告" in html and "投訴熱點" in html and "疏於維護" in html and "地點" in html
    web.cookies.set("cd_lang", "zh-Hans")
    html = web.get("/reports?period=7d").text
    assert "周期报告" in html and "投诉热点" in html and "疏于维护" in html and "地点" in html
