"""The ASGI application: the REST API, the web pages, and the background jobs (sweep, outbox)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from ... import __version__
from ...adapters.delivery import SmtpMailer, WebhookPoster
from ...adapters.inbound_mail import MAX_BYTES
from ...bootstrap import Container
from ...services import outbox, sweep
from . import errors, routes_admin, routes_complaints, routes_inbound, routes_public, routes_reports

log = logging.getLogger("complaintdesk")
MAX_BODY = 1_000_000


class BackgroundJobs:
    """Runs the SLA sweep and the outbox delivery on a schedule in a daemon thread."""

    def __init__(self, container: Container) -> None:
        self.container = container
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="complaintdesk-jobs", daemon=True)

    def _run(self) -> None:
        s = self.container.settings
        mailer = SmtpMailer(s.smtp_host, s.smtp_port, s.smtp_sender) if s.smtp_host else None
        poster = WebhookPoster()
        next_sweep = 0.0
        elapsed = 0.0
        while not self.stop.is_set():
            try:
                if elapsed >= next_sweep:
                    report = sweep.sweep(self.container.uow(), s.public_base_url)
                    if report.breached:
                        log.info("sweep: %d breached, %d escalated", report.breached, report.escalated)
                    next_sweep = elapsed + s.sweep_interval_seconds
                outbox.deliver(self.container.uow(), mailer, poster)
            except Exception:  # a failing job must not kill the loop; it is logged and retried
                log.exception("background job failed")
            self.stop.wait(s.deliver_interval_seconds)
            elapsed += s.deliver_interval_seconds
        poster.close()


def create_app(container: Container) -> FastAPI:
    jobs = BackgroundJobs(container) if container.settings.run_background_jobs else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if jobs:
            jobs.thread.start()
        yield
        if jobs:
            jobs.stop.set()
            jobs.thread.join(timeout=10)

    app = FastAPI(
        title="complaintdesk",
        version=__version__,
        description="Complaint handling: intake, analysis of the complainant, reply coaching, SLA promises and "
        "insight. Staff endpoints take `Authorization: Bearer <token>`; /api/v1/public is for customers.",
        lifespan=lifespan,
    )
    app.state.container = container
    errors.install(app)

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        path = request.url.path
        # e-mails and uploads carry files: their own limits (checked again where they are read)
        carries_files = path == routes_inbound.PATH or path == "/portal" or path.endswith(("/attachments", "/files"))
        limit = MAX_BYTES + 65_536 if carries_files else MAX_BODY
        if length is not None and (not length.isdigit() or int(length) > limit):
            return JSONResponse({"error": "too_large", "detail": f"request body over {limit} bytes"}, status_code=413)
        return await call_next(request)

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    app.include_router(routes_public.router)
    app.include_router(routes_complaints.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_reports.router)
    app.include_router(routes_inbound.router)
    from ..web import install as install_web

    install_web(app, container)
    return app
