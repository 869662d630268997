"""Talking to the outside: e-mail over SMTP and signed webhook calls over HTTP."""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
from email.message import EmailMessage
from typing import Any

import httpx


class SmtpMailer:
    def __init__(self, host: str, port: int, sender: str, timeout: float = 10.0) -> None:
        self.host, self.port, self.sender, self.timeout = host, port, sender, timeout

    def send(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.send_message(msg)


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookPoster:
    """POSTs JSON with an `X-Complaintdesk-Signature: sha256=<hmac>` header; a non-2xx answer is a failure."""

    def __init__(self, timeout: float = 10.0) -> None:
        self.client = httpx.Client(timeout=timeout, follow_redirects=False)

    def post(self, url: str, secret: str, payload: dict[str, Any]) -> None:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        response = self.client.post(
            url,
            content=body,
            headers={
                "Content-Type": "application/json",
                "X-Complaintdesk-Event": str(payload.get("event", "")),
                "X-Complaintdesk-Signature": signature(secret, body),
            },
        )
        response.raise_for_status()

    def close(self) -> None:
        self.client.close()
