"""What a complaint may carry as files: the kinds (recognised from the bytes, never from the name or the
sender's claim), the sizes, and a safe file name. No I/O here (services/attachments.py stores them)."""

from __future__ import annotations

import re
import unicodedata

import filetype

from .errors import InvalidInput

MAX_BYTES = 10 * 1024 * 1024
MAX_PER_COMPLAINT = 30
#: what people send with complaints: photos, scans and letters, office documents, call and voice recordings, clips
ALLOWED = frozenset({
    "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/tiff", "image/bmp",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/msword", "application/vnd.ms-excel",
    "audio/mpeg", "audio/mp4", "audio/m4a", "audio/x-wav", "audio/wav", "audio/amr", "audio/ogg", "audio/aac",
    "video/mp4", "video/quicktime", "video/3gpp",
    "text/plain",
})
#: shown inline by the browser (everything else is downloaded): pictures only, never HTML, SVG or PDF
INLINE = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def recognise(data: bytes) -> str:
    """The MIME type of these bytes; text that is valid UTF-8 (or GB18030/Big5) without control codes is
    text/plain. Raises InvalidInput for anything not in ALLOWED."""
    if not data:
        raise InvalidInput("the file is empty")
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    kind = filetype.guess_mime(data)
    if kind is None and _is_text(data):
        kind = "text/plain"
    if kind not in ALLOWED:
        raise InvalidInput(
            f"files of type {kind or 'unknown'} are not accepted: send a photo, a PDF, an office document, "
            "a recording or plain text"
        )
    return kind


def _is_text(data: bytes) -> bool:
    for encoding in ("utf-8", "gb18030", "big5hkscs"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return not any(unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f" for ch in text[:20000])
    return False


def safe_filename(name: str | None, kind: str) -> str:
    """The base name without folders, control characters or characters that trouble file systems; at most 200
    characters, keeping the extension; a name from the type when nothing is left."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r'[<>:"|?*]+', "_", base).strip(" .")
    if not base:
        base = "attachment." + (filetype.get_type(mime=kind).extension if filetype.get_type(mime=kind) else "txt")
    if len(base) > 200:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 200 - len(ext) - 1] + "." + ext) if dot and len(ext) <= 10 else base[:200]
    return base
