"""`uvicorn complaintdesk.entrypoints.asgi:app` — the app built from the environment (for several workers)."""

from __future__ import annotations

from ..bootstrap import build
from .api.app import create_app

app = create_app(build())
