"""Sending a stored file back safely: a download unless it is a plain picture, never sniffed, never run."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response

from ..adapters.db.tables import Attachment
from ..domain.attachments import INLINE


def file_response(item: Attachment) -> Response:
    ascii_name = item.filename.encode("ascii", "ignore").decode().replace('"', "") or f"attachment-{item.id}"
    disposition = "inline" if item.content_type in INLINE else "attachment"
    return Response(
        content=item.data,
        media_type=item.content_type,
        headers={
            "Content-Disposition": f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(item.filename)}",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
            "Cache-Control": "private, no-store",
        },
    )
