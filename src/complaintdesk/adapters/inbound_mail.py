"""Reading one e-mail (RFC 5322 bytes) as a complaint or as a customer's reply: who wrote, the subject, the
text they wrote (plain text preferred, else the HTML's text; the quoted earlier message cut off), the
tracking number it refers to, and whether a machine rather than a person sent it.

Uses the standard library's `email` package for MIME and character sets (UTF-8, GB2312/GBK, Big5, ...); the
patterns for quoted replies and automatic messages are data (data/mail.yaml)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import yaml

MAX_BYTES = 10 * 1024 * 1024
TRACKING = re.compile(r"\bCD-[0-9A-Z]{8}\b")
#: character sets that mail programs announce but mean a superset of
WIDER_CHARSET = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "x-gbk": "gb18030"}


class UnreadableMail(ValueError):
    """The bytes are not an e-mail we can take a complaint from (no sender, no text, too large)."""


@dataclass(frozen=True, slots=True)
class InboundMail:
    key: str  # the Message-ID, else a digest of the bytes: the same e-mail is taken in once
    sender_email: str
    sender_name: str
    subject: str
    text: str  # what the sender wrote, without the quoted earlier message
    full_text: str  # the whole text part as received
    tracking_number: str | None
    automatic: str | None  # why it looks machine-sent, or None
    sent_at: Any = None  # aware datetime from the Date header, if readable
    files: tuple[tuple[str, bytes], ...] = ()  # (file name, bytes) of the attachments and inline pictures


@cache
def _rules() -> dict[str, Any]:
    text = resources.files("complaintdesk.adapters").joinpath("data/mail.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data["quote_rx"] = re.compile("|".join(f"(?:{p})" for p in data["quote_headers"]), re.MULTILINE | re.IGNORECASE)
    auto = data["automatic"]
    auto["senders_rx"] = [re.compile(p, re.IGNORECASE) for p in auto["senders"]]
    auto["subjects_rx"] = [re.compile(p, re.IGNORECASE) for p in auto["subjects"]]
    return data


class _HtmlText(HTMLParser):
    """The readable text of an HTML body: block elements become line breaks, scripts and styles vanish."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "table", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload() or "")
    charset = (part.get_content_charset() or "utf-8").lower()
    charset = WIDER_CHARSET.get(charset, charset)
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know: keep what UTF-8 can read
        return payload.decode("utf-8", errors="replace")


def _body(msg: Message) -> str:
    plain: str | None = None
    html: str | None = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _decoded(part)
        elif kind == "text/html" and html is None:
            html = _decoded(part)
    if plain and plain.strip():
        return plain.replace("\r\n", "\n").strip()
    return html_to_text(html) if html else ""


def _files(msg: Message) -> tuple[tuple[str, bytes], ...]:
    found: list[tuple[str, bytes]] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        if disposition != "attachment" and part.get_content_maintype() not in ("image", "audio", "video"):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            found.append((part.get_filename() or "", payload))
    return tuple(found)


def own_words(text: str) -> str:
    """The part of a reply above the quoted earlier message (all of it when nothing is quoted)."""
    found = _rules()["quote_rx"].search(text)
    head = text[: found.start()].strip() if found else text.strip()
    return head or text.strip()


def _automatic(msg: Message, sender: str, subject: str) -> str | None:
    auto = _rules()["automatic"]
    submitted = str(msg.get("Auto-Submitted", "")).strip().lower()
    if submitted and submitted not in auto["auto_submitted_not"]:
        return f"Auto-Submitted: {submitted}"
    precedence = str(msg.get("Precedence", "")).strip().lower()
    if precedence in auto["precedence"]:
        return f"Precedence: {precedence}"
    for header in auto["headers_present"]:
        if msg.get(header) is not None:
            return f"{header} header"
    if any(rx.search(sender) for rx in auto["senders_rx"]):
        return f"sender {sender}"
    if any(rx.search(subject) for rx in auto["subjects_rx"]):
        return "subject of an automatic reply"
    if msg.get_content_type() == "multipart/report":
        return "delivery report"
    return None


def parse(raw: bytes) -> InboundMail:
    """Read one e-mail; raises UnreadableMail with the reason when it cannot become a complaint or a reply."""
    if len(raw) > MAX_BYTES:
        raise UnreadableMail(f"the e-mail is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not raw.strip():
        raise UnreadableMail("the file is empty")
    msg = message_from_bytes(raw, policy=policy.default)
    try:
        senders = getaddresses([str(v) for v in msg.get_all("From", []) or msg.get_all("Reply-To", []) or []])
        subject = " ".join(str(msg.get("Subject", "")).split())[:500]
    except (ValueError, TypeError, IndexError) as exc:  # a header the parser cannot read
        raise UnreadableMail(f"unreadable header: {exc}") from None
    name, address = next(((n, a) for n, a in senders if "@" in a), ("", ""))
    if not address:
        raise UnreadableMail("no sender address (From or Reply-To)")
    address = address.strip().lower()
    full = _body(msg)
    automatic = _automatic(msg, address, subject)
    if not full and not subject and automatic is None:
        raise UnreadableMail("no text and no subject")
    text = own_words(full) if full else subject
    found = TRACKING.search(subject) or TRACKING.search(full)
    message_id = str(msg.get("Message-ID", "")).strip().strip("<>")[:250]
    try:
        sent_at = parsedate_to_datetime(str(msg["Date"])) if msg.get("Date") else None
    except (TypeError, ValueError, IndexError):
        sent_at = None
    return InboundMail(
        key=message_id or "sha256:" + hashlib.sha256(raw).hexdigest(),
        sender_email=address,
        sender_name=(name or address.split("@")[0]).strip()[:200],
        subject=subject,
        text=text,
        full_text=full,
        tracking_number=found.group(0) if found else None,
        automatic=automatic,
        sent_at=sent_at if sent_at is not None and sent_at.tzinfo is not None else None,
        files=_files(msg),
    )
