"""E-mails and webhooks delivered to real local servers: an SMTP server (aiosmtpd) and an HTTP receiver."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient

from complaintdesk.adapters.delivery import SmtpMailer, WebhookPoster
from complaintdesk.bootstrap import Container
from complaintdesk.services import outbox

from ..fakes import FakeClock
from .conftest import COMPLAINT


class Inbox:
    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append({"to": envelope.rcpt_tos, "data": envelope.content.decode("utf-8", "replace")})
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def receiver() -> Iterator[tuple[list[dict[str, Any]], str]]:
    calls: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            calls.append({"body": body, "signature": self.headers["X-Complaintdesk-Signature"],
                          "path": self.path})
            self.send_response(500 if self.path == "/fail" else 204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield calls, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_emails_reach_the_smtp_server(api: TestClient, container: Container, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    tn = api.post("/api/v1/public/complaints", json=COMPLAINT).json()["tracking_number"]
    report = outbox.deliver(container.uow(), SmtpMailer("127.0.0.1", port, "desk@example.org"), None)
    assert report.sent == 1
    assert inbox.messages[0]["to"] == ["li.wei@example.org"]
    assert tn in inbox.messages[0]["data"] and "/track/" in inbox.messages[0]["data"]
    assert outbox.deliver(container.uow(), SmtpMailer("127.0.0.1", port, "desk@example.org"), None).sent == 0


def test_webhooks_are_signed_and_retried(api: TestClient, container: Container, clock: FakeClock,
                                         make_user: Any, receiver: tuple[list[dict[str, Any]], str]) -> None:
    calls, base = receiver
    admin = make_user("ada", "admin", teams=())
    good = api.post("/api/v1/webhooks", headers=admin, json={"url": f"{base}/hook", "events": ["received",
                                                                                              "status_changed"]})
    assert good.status_code == 201
    secret = good.json()["secret"]
    api.post("/api/v1/webhooks", headers=admin, json={"url": f"{base}/fail", "events": ["received"]})
    tn = api.post("/api/v1/complaints", headers=admin, json=COMPLAINT).json()["tracking_number"]
    api.post(f"/api/v1/complaints/{tn}/start", headers=admin, json={})
    poster = WebhookPoster()
    report = outbox.deliver(container.uow(), None, poster)
    assert (report.sent, report.failed) == (2, 1)
    delivered = [c for c in calls if c["path"] == "/hook"]
    assert [json.loads(c["body"])["event"] for c in delivered] == ["received", "status_changed"]
    for call in delivered:
        expected = "sha256=" + hmac.new(secret.encode(), call["body"], hashlib.sha256).hexdigest()
        assert call["signature"] == expected
    assert json.loads(delivered[0]["body"])["complaint"]["tracking_number"] == tn
    # the failed call is retried later with back-off, never lost
    assert outbox.deliver(container.uow(), None, poster).failed == 0
    clock.advance(minutes=2)
    assert outbox.deliver(container.uow(), None, poster).failed == 1
    poster.close()


def test_bad_webhook_url_is_refused(api: TestClient, make_user: Any) -> None:
    admin = make_user("ada", "admin", teams=())
    r = api.post("/api/v1/webhooks", headers=admin, json={"url": "ftp://x.example"})
    assert r.status_code == 422 and "url" in r.json()["detail"]
