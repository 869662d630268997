"""Cookie sessions for the web pages: a signed (itsdangerous) cookie holding the user id, the CSRF token and
one-shot flash messages. HttpOnly, SameSite=Lax, Secure when settings.secure_cookies. The language choice
is a separate, unsigned cookie (it grants nothing)."""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from ...i18n import SUPPORTED, negotiate

COOKIE = "cd_session"
LANG_COOKIE = "cd_lang"
MAX_AGE = 12 * 3600  # a working day; sign in again after
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class WebSession:
    """The session of one request; `save()` writes the cookie back when something changed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = False

    @property
    def user_id(self) -> int | None:
        uid = self.data.get("uid")
        return int(uid) if isinstance(uid, int) else None

    def csrf(self) -> str:
        token = self.data.get("csrf")
        if not isinstance(token, str):
            token = secrets.token_urlsafe(24)
            self.data["csrf"] = token
            self.dirty = True
        return token

    def csrf_ok(self, sent: str | None) -> bool:
        token = self.data.get("csrf")
        return bool(sent) and isinstance(token, str) and hmac.compare_digest(token, str(sent))

    def sign_in(self, user_id: int) -> None:
        """A fresh session (new CSRF token) for the user: no fixation of a token known before sign-in."""
        self.data = {"uid": user_id, "csrf": secrets.token_urlsafe(24)}
        self.dirty = True

    def sign_out(self) -> None:
        self.data = {"csrf": secrets.token_urlsafe(24)}
        self.dirty = True

    def flash(self, kind: str, message: str) -> None:
        self.data.setdefault("flash", []).append([kind, message[:500]])
        self.dirty = True

    def take_flashes(self) -> list[tuple[str, str]]:
        found = self.data.pop("flash", None) or []
        if found:
            self.dirty = True
        return [(str(k), str(m)) for k, m in found]


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret or "complaintdesk-unset", salt="complaintdesk.web.session")


def load(request: Request, secret: str) -> WebSession:
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            data = _serializer(secret).loads(raw, max_age=MAX_AGE)
            if isinstance(data, dict):
                return WebSession(data)
        except BadSignature:
            pass
    return WebSession({})


def save(response: Response, session: WebSession, secret: str, secure: bool) -> None:
    if not session.dirty:
        return
    response.set_cookie(COOKIE, _serializer(secret).dumps(session.data), max_age=MAX_AGE, httponly=True,
                        samesite="lax", secure=secure, path="/")


def language(request: Request) -> str:
    """The chosen language (cookie), else the browser's (Accept-Language), else English."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in SUPPORTED:
        return chosen
    return negotiate(request.headers.get("accept-language"), default="en")


def set_language(response: Response, lang: str, secure: bool) -> None:
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, httponly=True, samesite="lax",
                        secure=secure, path="/")
