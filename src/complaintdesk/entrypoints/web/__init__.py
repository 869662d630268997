"""The web application: handler inbox and complaint page, supervisor view, dashboard, customer portal.

Server-rendered Jinja2 pages over the same services as the API, with cookie sessions and CSRF-checked forms;
a little vanilla JavaScript refreshes the inbox and shows the reply coach as the handler types.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import RedirectResponse, Response

from . import session as sessions
from .base import CsrfFailed, Forbidden, SignInRequired, signin_url

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # everything is served from here; inline scripts are not allowed, so injected markup cannot run
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
}


def _error_page(request: Request, status: int, title: str, message: str) -> Response:
    """An error page in the visitor's language (no database: it must work whatever failed)."""
    from .render import page_for, render

    session = getattr(request.state, "web_session", None) or sessions.WebSession({})
    page = page_for(request, session, sessions.language(request), datetime.now(UTC), "UTC")
    response: Response = render("error.html", page, status_code=status, title=page.t(f"error.{title}"),
                                message=page.t(f"error.{message}"))
    return response


def install(app: FastAPI, container: Any) -> None:
    """Add the web pages to the app."""
    from . import routes_auth, routes_complaint, routes_inbox, routes_portal, routes_reports, routes_supervisor

    settings = container.settings

    @app.middleware("http")
    async def web_session(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path.startswith(("/api/", "/static/", "/docs", "/openapi", "/healthz", "/redoc")):
            return await call_next(request)
        session = sessions.load(request, settings.secret_key)
        request.state.web_session = session
        response = await call_next(request)
        sessions.save(response, session, settings.secret_key, settings.secure_cookies)
        if response.headers.get("content-type", "").startswith("text/html"):
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
        return response

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        if request.url.path.endswith(("/rows", "/coach")):
            return Response(status_code=401)
        return RedirectResponse(signin_url(exc.next_url), status_code=303)

    @app.exception_handler(CsrfFailed)
    async def _csrf(request: Request, exc: CsrfFailed) -> Response:
        return _error_page(request, 403, "csrf_title", "csrf")

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return _error_page(request, 403, "forbidden_title", "forbidden")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and hasattr(request.state, "web_session"):
            return _error_page(request, 404, "title", "not_found")
        return await http_exception_handler(request, exc)

    app.mount("/static", StaticFiles(directory=STATIC), name="web-static")
    for module in (routes_auth, routes_portal, routes_inbox, routes_complaint, routes_supervisor, routes_reports):
        app.include_router(module.router)
