"""What every web route needs: the container, the session, the language, the signed-in user, checked forms,
and one way to run a service action (flash its result or its domain error, then redirect)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.responses import RedirectResponse, Response

from ...adapters.db.tables import User
from ...bootstrap import Container
from ...domain.attachments import MAX_BYTES as MAX_FILE
from ...domain.errors import ComplaintdeskError
from ...services.actors import Actor
from ...services.loading import organisation
from ...services.uow import UnitOfWork
from . import session as sessions
from .render import Page, page_for

log = logging.getLogger("complaintdesk.web")


class SignInRequired(Exception):
    """Raised by pages for staff when nobody is signed in; answered with a redirect to /signin."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


class CsrfFailed(Exception):
    """A form or fetch without the session's CSRF token."""


class Forbidden(Exception):
    """Signed in, but the page needs another role; answered with a 403 page."""


class Web:
    def __init__(self, request: Request) -> None:
        self.request = request
        self.container: Container = request.app.state.container
        self.session: sessions.WebSession = request.state.web_session
        self.lang = sessions.language(request)

    def uow(self) -> UnitOfWork:
        return self.container.uow()

    def user(self, uow: UnitOfWork, *roles: str) -> User:
        uid = self.session.user_id
        user = uow.session.get(User, uid) if uid is not None else None
        if user is None or not user.active:
            path = self.request.url.path
            if self.request.url.query:
                path += "?" + self.request.url.query
            raise SignInRequired(path)
        if roles and user.role not in roles:
            raise Forbidden()
        return user

    def page(self, uow: UnitOfWork, user: User | None = None) -> Page:
        tz = organisation(uow).timezone or "UTC"
        lang = self.lang
        return page_for(self.request, self.session, lang, uow.now(), tz, user)

    def t(self, key: str, **values: Any) -> str:
        from ...i18n import t

        return t(self.lang, f"web.{key}", **values)

    def redirect(self, url: str) -> RedirectResponse:
        return RedirectResponse(safe_next(url), status_code=303)

    def act(self, action: Callable[[UnitOfWork, Actor], Any], back: str, done: str | None = None,
            *roles: str, on_error: Callable[[ComplaintdeskError], Response] | None = None) -> Response:
        """Run a service as the signed-in user; flash `done` (a locale key) or the domain error; redirect.
        With `on_error`, a refused action answers with its response instead (after the rollback), so that a
        page can be shown again with what the user typed still in its form."""
        failed: ComplaintdeskError | None = None
        with self.uow() as uow:
            user = self.user(uow, *roles)
            try:
                action(uow, Actor.of(user))
            except ComplaintdeskError as exc:
                sep = "" if self.lang.startswith("zh") else " "
                self.session.flash("error", f"{self.t('done.failed')}{sep}{exc.message}")
                failed = exc
        if failed is not None:
            return on_error(failed) if on_error is not None else self.redirect(back)
        if done:
            self.session.flash("ok", self.t(done))
        return self.redirect(back)


def web(request: Request) -> Web:
    return Web(request)


WebDep = Annotated[Web, Depends(web)]


def safe_next(url: str | None, default: str = "/inbox") -> str:
    """Only local paths: no open redirect to another site."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return default
    return url


def signin_url(next_url: str) -> str:
    return "/signin?next=" + quote(next_url, safe="")


class Form:
    """A submitted form whose CSRF token was checked."""

    def __init__(self, data: dict[str, str], files: list[tuple[str, bytes]] | None = None) -> None:
        self.data = data
        self.files = files or []  # (file name, bytes) of the form's "files" input

    def get(self, name: str, default: str = "") -> str:
        return self.data.get(name, default).strip()

    def raw(self, name: str) -> str:
        return self.data.get(name, "")

    def opt(self, name: str) -> str | None:
        return self.get(name) or None

    def flag(self, name: str) -> bool:
        return self.get(name) in ("1", "on", "true", "yes")

    def kept(self, name: str) -> dict[str, str]:
        """What the user typed in form `name`, to fill it in again when the action was refused."""
        return {"form": name, **{k: v for k, v in self.data.items() if k not in ("csrf_token", "version")}}

    @property
    def version(self) -> int | None:
        v = self.get("version")
        return int(v) if v.isdigit() else None


async def checked_form(request: Request) -> Form:
    form = await request.form()
    data = {k: v for k, v in form.items() if isinstance(v, str)}
    session: sessions.WebSession = request.state.web_session
    if not session.csrf_ok(data.get(sessions.CSRF_FIELD) or request.headers.get(sessions.CSRF_HEADER)):
        raise CsrfFailed()
    files = []
    for value in form.getlist("files"):
        if isinstance(value, StarletteUpload) and (value.filename or value.size):
            files.append((value.filename or "", await value.read(MAX_FILE + 1)))  # one byte more tells "too large"
    return Form(data, files)


FormDep = Annotated[Form, Depends(checked_form)]


def check_csrf_header(request: Request) -> None:
    session: sessions.WebSession = request.state.web_session
    if not session.csrf_ok(request.headers.get(sessions.CSRF_HEADER)):
        raise CsrfFailed()
