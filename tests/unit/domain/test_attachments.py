"""Which files a complaint may carry: recognised from the bytes, limited in size, with a safe name."""

from __future__ import annotations

import pytest

from complaintdesk.domain.attachments import MAX_BYTES, recognise, safe_filename
from complaintdesk.domain.errors import InvalidInput

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (PDF, "application/pdf"),
        ("电梯坏了三天，这是维修记录。".encode(), "text/plain"),
        ("冷氣壞咗".encode("big5hkscs"), "text/plain"),
        (b"Receipt no. 42\r\nTotal: 45.99\r\n", "text/plain"),
    ],
)
def test_files_are_recognised_from_their_bytes(data: bytes, kind: str) -> None:
    assert recognise(data) == kind


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "not accepted"),  # a Windows program
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "not accepted"),
        (b"\x00\x01\x02\x03binary", "not accepted"),
        (PNG + b"\x00" * MAX_BYTES, "larger than"),
    ],
)
def test_other_files_are_refused_with_the_reason(data: bytes, why: str) -> None:
    with pytest.raises(InvalidInput, match=why):
        recognise(data)


def test_a_picture_named_like_a_page_is_still_a_picture() -> None:
    assert recognise(PNG) == "image/png" and safe_filename("evil.html", "image/png") == "evil.html"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ann\\receipt.pdf", "receipt.pdf"),
        ("电梯\u0000故障<照片>.jpg", "电梯故障_照片_.jpg"),
        ("", "attachment.png"),
        (None, "attachment.png"),
        (" . ", "attachment.png"),
        ("x" * 300 + ".jpeg", "x" * 195 + ".jpeg"),
    ],
)
def test_file_names_are_made_safe(name: str | None, safe: str) -> None:
    assert safe_filename(name, "image/png") == safe
