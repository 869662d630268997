"""Jinja2 rendering: one environment with autoescape, the translation function and display helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ...adapters.db.tables import User
from ...i18n import SUPPORTED, t
from .session import WebSession

HERE = Path(__file__).parent
REASON_HEADS = {"risk": ("risk", "risks"), "category": ("category", "category"), "emotion": ("emotion", "emotion"),
                "nature": ("nature", "nature")}
LANGUAGE_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html", "svg"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass
class Page:
    """What every template gets as `page`: language, user, CSRF token, flashes, time zone, now."""

    lang: str
    csrf: str
    now: datetime
    tz: ZoneInfo
    user: User | None = None
    flashes: list[tuple[str, str]] = field(default_factory=list)
    path: str = "/"
    here: str = "/"  # path and query: where the language switch comes back to

    def t(self, key: str, **values: Any) -> str:
        return t(self.lang, f"web.{key}", **values)

    def label(self, head: str, value: str | None) -> str:
        """A label id (SPEC section 2) or another fixed id, in the page's language."""
        if value is None or value == "":
            return "—"
        key = f"web.label.{head}.{value}"
        text = t(self.lang, key)
        return value if text == key else text

    def head(self, head: str) -> str:
        """The name of an analysis head (or an evidence key such as "risks:legal") in the page's language."""
        base, _, value = head.partition(":")
        key = f"web.head.{base}"
        name = t(self.lang, key)
        name = base if name == key else name
        return f"{name}: {value}" if value else name

    def reason(self, reason: str) -> str:
        """A priority reason id ("risk:safety", "anger+risk:churn", "amount>=5000") in the page's language."""
        parts = []
        for part in reason.split("+"):
            head, sep, value = part.partition(":")
            group = REASON_HEADS.get(head) if sep else None
            if group:
                parts.append(f"{self.head(group[1])}: {self.label(group[0], value)}")
            elif part in ("anger", "effective"):
                parts.append(self.label("emotion" if part == "anger" else "nature", part))
            elif part.startswith("amount>="):
                parts.append(f"{self.head('amounts')} ≥ {part[len('amount>='):]}")
            elif part == "customer:repeat_matter":
                parts.append(self.t("inbox.repeat"))
            elif part == "customer:vip":
                parts.append("VIP")
            else:
                parts.append(part)
        return " + ".join(parts)

    def local(self, moment: datetime | None, with_time: bool = True) -> str:
        if moment is None:
            return "—"
        local = moment.astimezone(self.tz)
        return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")

    def duration(self, delta: timedelta) -> str:
        minutes = int(abs(delta.total_seconds()) // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return self.t("unit.dh", d=days, h=hours)
        if hours:
            return self.t("unit.hm", h=hours, m=mins)
        return self.t("unit.m", m=mins)

    def sla(self, due: datetime | None) -> tuple[str, str]:
        """(css class, text) of a deadline: overdue (red), due within 4 hours (amber), later (green)."""
        if due is None:
            return "sla-none", "—"
        left = due - self.now
        if left.total_seconds() <= 0:
            return "sla-over", self.t("sla.overdue", d=self.duration(left))
        if left <= timedelta(hours=4):
            return "sla-soon", self.t("sla.left", d=self.duration(left))
        return "sla-ok", self.t("sla.left", d=self.duration(left))

    def age(self, since: datetime) -> str:
        return self.duration(self.now - since)

    @property
    def languages(self) -> list[tuple[str, str]]:
        return [(code, LANGUAGE_NAMES[code]) for code in SUPPORTED]


def page_for(request: Request, session: WebSession, lang: str, now: datetime, tz: str,
             user: User | None = None) -> Page:
    try:
        zone = ZoneInfo(tz)
    except Exception:
        zone = ZoneInfo("UTC")
    return Page(lang=lang, csrf=session.csrf(), now=now, tz=zone, user=user, flashes=session.take_flashes(),
                path=request.url.path,
                here=request.url.path + ("?" + request.url.query if request.url.query else ""))


def render(name: str, page: Page, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = _env.get_template(name).render(page=page, **context)
    return HTMLResponse(html, status_code=status_code, headers={"Cache-Control": "no-store"})


def render_fragment(name: str, page: Page, **context: Any) -> str:
    return _env.get_template(name).render(page=page, **context)
