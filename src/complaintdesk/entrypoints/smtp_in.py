"""An SMTP server that takes complaints in (aiosmtpd): point the organisation's mail exchanger, or a forwarding
rule, at it. Each message goes through services/mail_intake.py like the API's and mail-in's; a refused one is
answered 550 with the reason, so the sending server bounces it to its author instead of it vanishing."""

from __future__ import annotations

import asyncio
from typing import Any

from aiosmtpd.controller import Controller

from ..adapters.inbound_mail import MAX_BYTES
from ..bootstrap import Container
from ..services.mail_intake import MailResult, take_in_safely


class IntakeHandler:
    def __init__(self, container: Container) -> None:
        self.container = container

    def _take(self, raw: bytes) -> MailResult:
        c = self.container
        with c.uow() as uow:
            return take_in_safely(uow, raw, c.analyse, c.settings.public_base_url)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="surrogateescape")
        result = await asyncio.to_thread(self._take, raw)
        if result.outcome == "refused":
            return f"550 5.6.0 {(result.reason or 'refused').splitlines()[0][:200]}"
        return f"250 2.0.0 {result.outcome} {result.tracking_number or ''}".rstrip()


def controller(container: Container, host: str, port: int) -> Controller:
    return Controller(IntakeHandler(container), hostname=host, port=port, data_size_limit=MAX_BYTES)
