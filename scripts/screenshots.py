#!/usr/bin/env python3
"""Screenshots of the web application for the README, from the demo data, in a real browser.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Starts `complaintdesk serve` on a fresh SQLite file with `complaintdesk demo`, drives Debian's Chromium
(/usr/bin/chromium, scripts/install-browser.sh; fonts-noto-cjk for the Chinese) with Playwright, and writes
inbox.png, complaint.png, supervisor.png, dashboard.png, customers-at-risk.png, reports.png (1280 px wide),
portal.png and track.png (phone width).
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CLI = str(Path(sys.executable).parent / "complaintdesk")
MODEL_HOME = Path(tempfile.gettempdir()) / "complaintdesk-e2e-model"  # shared with tests/e2e: trained once
PASSWORD = "demo-password"
ACK = ("陳小姐您好，我是物業客服陳美。噪音影響您休息，非常抱歉。我們今天已聯絡餐廳，會在後天傍晚六點前"
       "給您回覆處理結果。如有需要請致電 02-2345-6789。")
BAD_REPLY = "这是公司的规定，是你自己没听清楚，我们的员工没有问题。"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{workdir / 'demo.sqlite3'}", COMPLAINTDESK_VAR=str(workdir / "var"),
               COMPLAINTDESK_BACKGROUND="0", COMPLAINTDESK_PUBLIC_URL=f"http://127.0.0.1:{port}")
    MODEL_HOME.mkdir(exist_ok=True)
    for args in (["init"], ["demo"]):
        subprocess.run([CLI, *args], env=env, cwd=MODEL_HOME, check=True, capture_output=True)
    proc = subprocess.Popen([CLI, "serve", "--port", str(port)], env=env, cwd=MODEL_HOME,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the server did not start")


def pick_complaint(db: Path) -> str:
    """A Simplified Chinese complaint still waiting for its first answer, the most urgent first."""
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "select tracking_number from complaints where language = 'zh-Hans' and status = 'received' "
            "order by priority, is_repeat desc, id limit 1").fetchone()
    if row is None:
        raise SystemExit("no Simplified Chinese complaint in the demo data")
    return str(row[0])


def sign_in(page: Any, url: str, username: str, lang: str) -> None:
    page.context.add_cookies([{"name": "cd_lang", "value": lang, "url": url}])
    page.goto(url + "/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("#signin-submit")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start(Path(tmp))
        try:
            number = pick_complaint(Path(tmp) / "demo.sqlite3")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                desk = browser.new_context(viewport={"width": 1280, "height": 860})
                page = desk.new_page()
                sign_in(page, url, "admin", "en")
                page.goto(url + "/inbox")
                page.screenshot(path=str(out / "inbox.png"))
                page.goto(url + "/supervisor")
                page.screenshot(path=str(out / "supervisor.png"))
                page.goto(url + "/customers-at-risk")
                page.screenshot(path=str(out / "customers-at-risk.png"), full_page=True)
                desk.close()

                desk = browser.new_context(viewport={"width": 1280, "height": 1080})
                page = desk.new_page()
                sign_in(page, url, "mei", "zh-Hans")
                page.goto(url + f"/complaints/{number}")
                page.locator("#reply-body").press_sequentially(BAD_REPLY, delay=10)
                page.locator("#coach-list li").first.wait_for()
                page.screenshot(path=str(out / "complaint.png"))
                page.set_viewport_size({"width": 1280, "height": 1100})
                page.goto(url + "/dashboard?period=30d")
                page.screenshot(path=str(out / "dashboard.png"))
                page.goto(url + "/reports?period=30d")
                page.screenshot(path=str(out / "reports.png"), full_page=True)
                desk.close()

                phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                            device_scale_factor=2, locale="zh-TW")
                page = phone.new_page()
                page.goto(url + "/portal")
                page.fill("#p-name", "陳小姐")
                page.fill("#p-phone", "0912-345-678")
                page.fill("#p-text", "樓下餐廳的抽油煙機每天晚上十點後還在運轉，噪音很大，已經反映兩次都沒人處理。")
                page.fill("#p-location", "信義路 5 段 7 號 3 樓")
                page.screenshot(path=str(out / "portal.png"))
                with page.expect_navigation():
                    page.click("#portal-submit")
                number_new = page.locator("#tracking-number").inner_text().strip()
                link = str(page.locator("#private-link").get_attribute("href"))
                staff = browser.new_context(viewport={"width": 1280, "height": 900})
                desk_page = staff.new_page()
                sign_in(desk_page, url, "admin", "zh-Hant")
                desk_page.goto(url + f"/complaints/{number_new}")
                desk_page.fill("#reply-body", ACK)
                with desk_page.expect_navigation():
                    desk_page.click("#send-reply")
                desk_page.click("#commit-box summary")
                due = (datetime.now() + timedelta(days=2)).replace(hour=18, minute=0)
                desk_page.fill("#due_at", due.strftime("%Y-%m-%dT%H:%M"))
                desk_page.fill("#commit-desc", "與餐廳協調抽油煙機運轉時間")
                with desk_page.expect_navigation():
                    desk_page.click("#commit-box button[type=submit]")
                staff.close()
                page.goto(url + link)
                page.screenshot(path=str(out / "track.png"))
                phone.close()
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    for name in ("inbox", "complaint", "portal", "track", "supervisor", "dashboard", "customers-at-risk", "reports"):
        path = out / f"{name}.png"
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
