"""Browser tests: a real `complaintdesk serve` process over a SQLite file with the demo data, driven by Debian's
Chromium through Playwright. One browser per session, one server per module (each on its own copy of the
demo database). Skipped, with the reason, only when /usr/bin/chromium is missing (scripts/install-browser.sh
installs it; CI runs it before the tests).

Screenshots of the main pages go to $E2E_SCREENSHOTS, else to the session's pytest temporary directory.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PASSWORD = "demo-password"
# the analyser's trained model is kept here and rebuilt only when the training data or the code changed (see
# _fresh_model), so that it is trained once per machine, not once per server
MODEL_HOME = Path(tempfile.gettempdir()) / "complaintdesk-e2e-model"
MODEL_FILE = MODEL_HOME / "var" / "models" / "analysis.joblib"
CLI = [str(Path(sys.executable).parent / "complaintdesk")]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: run scripts/install-browser.sh (Debian chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


def _env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": f"sqlite:///{workdir / 'complaintdesk.sqlite3'}",
        "COMPLAINTDESK_VAR": str(workdir / "var"),
        "COMPLAINTDESK_BACKGROUND": "0",
        "COMPLAINTDESK_SECRET_KEY": "e2e-secret-key-not-for-production",
        "COMPLAINTDESK_MODEL": str(MODEL_FILE),
    })
    return env


def _fresh_model() -> None:
    """Train the default model into MODEL_FILE unless the one there matches the training data and the code."""
    env = {k: v for k, v in os.environ.items() if k != "COMPLAINTDESK_MODEL"}
    env["COMPLAINTDESK_VAR"] = str(MODEL_HOME / "var")
    subprocess.run([*CLI, "analyze", "--input", "-", "--output", "-"], input='{"id": 1, "text": "warm-up"}\n',
                   env=env, cwd=MODEL_HOME, check=True, capture_output=True, text=True, timeout=900)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a database with the demo data, made once per session (and copied per module)."""
    workdir = tmp_path_factory.mktemp("e2e-demo")
    env = _env(workdir)
    MODEL_HOME.mkdir(exist_ok=True)
    _fresh_model()
    for args in (["init"], ["demo", "--per-language", "8"]):
        subprocess.run([*CLI, *args], env=env, cwd=MODEL_HOME, check=True, capture_output=True, timeout=600)
    return workdir


@dataclass
class Server:
    url: str
    workdir: Path

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="module")
def server(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("e2e-server")
    shutil.copy(demo_dir / "complaintdesk.sqlite3", workdir / "complaintdesk.sqlite3")
    port = _free_port()
    env = _env(workdir)
    env["COMPLAINTDESK_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
    log = (workdir / "server.log").open("wb")
    proc = subprocess.Popen([*CLI, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env, cwd=MODEL_HOME,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start:\n" + (workdir / "server.log").read_text())
            time.sleep(0.2)
        yield Server(url, workdir)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests save screenshots of the pages they visit, for review."""
    chosen = os.environ.get("E2E_SCREENSHOTS")
    path = Path(chosen) if chosen else tmp_path_factory.getbasetemp() / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def desktop(browser: Any, server: Server) -> Iterator[Any]:
    """A fresh browser context (no cookies) at desktop width, English unless a test switches."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


def sign_in(page: Any, server: Server, username: str, language: str | None = None) -> None:
    """Sign in through the form; `language` sets the language cookie first (else the user's own language)."""
    if language:
        page.context.add_cookies([{"name": "cd_lang", "value": language, "url": server.url}])
    page.goto(server("/signin"))
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("#signin-submit")
