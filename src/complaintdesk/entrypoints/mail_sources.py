"""Where e-mails come from on disk: single .eml files, mbox files, and folders of either (a Maildir's cur/ and
new/ included). Yields (where, bytes) per message, or (where, reason) when a source cannot be read."""

from __future__ import annotations

import mailbox
from collections.abc import Iterable, Iterator
from pathlib import Path


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(5) == b"From "


def _one(path: Path) -> Iterator[tuple[str, bytes | str]]:
    try:
        if _is_mbox(path):
            box = mailbox.mbox(path, create=False)
            for i, key in enumerate(box.iterkeys(), start=1):
                yield f"{path}#{i}", box.get_bytes(key)
            return
        yield str(path), path.read_bytes()
    except OSError as exc:
        yield str(path), f"cannot read: {exc.strerror or exc}"


def read_messages(paths: Iterable[Path]) -> Iterator[tuple[str, bytes | str]]:
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if not hidden and child.parent.name != "tmp":  # Maildir: tmp/ holds messages still being written
                    yield from _one(child)
        else:
            yield from _one(path)
