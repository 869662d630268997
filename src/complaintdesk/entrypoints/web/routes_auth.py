"""Sign-in, sign-out and the language switch."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from ...domain.errors import AuthenticationFailed
from ...i18n import SUPPORTED
from ...services import users
from . import session as sessions
from .base import FormDep, WebDep, safe_next
from .render import render

router = APIRouter(include_in_schema=False)


@router.get("/signin")
def signin_form(w: WebDep, next: str = "/inbox") -> Response:
    with w.uow() as uow:
        return render("signin.html", w.page(uow), next=safe_next(next), username="")


@router.post("/signin")
def signin(w: WebDep, form: FormDep) -> Response:
    next_url = safe_next(form.get("next"))
    with w.uow() as uow:
        try:
            user = users.sign_in(uow, form.get("username"), form.raw("password"))
        except AuthenticationFailed as exc:
            page = w.page(uow)
            key = "signin.locked" if "too many" in exc.message else "signin.failed"
            page.flashes.append(("error", w.t(key)))
            return render("signin.html", page, status_code=401, next=next_url, username=form.get("username"))
        w.session.sign_in(user.id)
        if user.language in SUPPORTED and not w.request.cookies.get(sessions.LANG_COOKIE):
            response = w.redirect(next_url)
            sessions.set_language(response, user.language, w.container.settings.secure_cookies)
            return response
    return w.redirect(next_url)


@router.post("/signout")
def signout(w: WebDep, form: FormDep) -> Response:
    w.session.sign_out()
    w.session.flash("ok", w.t("signin.signed_out"))
    return w.redirect("/signin")


@router.post("/lang")
def switch_language(request: Request, w: WebDep, form: FormDep) -> Response:
    lang = form.get("lang")
    response: Response = RedirectResponse(safe_next(form.get("next"), "/"), status_code=303)
    if lang in SUPPORTED:
        sessions.set_language(response, lang, w.container.settings.secure_cookies)
    return response
