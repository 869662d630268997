"""Reading labelled and unlabelled complaint JSONL files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class BadLine(ValueError):
    """A JSONL line that is not a usable object; carries its 1-based line number."""

    def __init__(self, lineno: int, reason: str) -> None:
        super().__init__(f"line {lineno}: {reason}")
        self.lineno = lineno
        self.reason = reason


def parse_line(line: str, lineno: int, *, need_text: bool = True) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(lineno, f"invalid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise BadLine(lineno, "not a JSON object")
    if need_text and not isinstance(obj.get("text"), str):
        raise BadLine(lineno, 'no "text" string')
    return obj


def iter_jsonl(lines: Iterator[str] | list[str]) -> Iterator[tuple[int, dict[str, Any] | BadLine]]:
    """(line number, object or BadLine) for every non-blank line."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield lineno, parse_line(line, lineno)
        except BadLine as bad:
            yield lineno, bad


def load_labelled(path: str | Path) -> list[dict[str, Any]]:
    """All good rows of a labelled JSONL file (bad lines are skipped)."""
    with Path(path).open(encoding="utf-8") as fh:
        return [obj for _, obj in iter_jsonl(list(fh)) if isinstance(obj, dict)]


def repo_root() -> Path | None:
    """The source checkout this package runs from, if it has the analysis data."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "data" / "analysis").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return None


def default_training_files() -> list[Path]:
    root = repo_root()
    if root is None:
        return []
    return sorted((root / "data" / "analysis").glob("train_*.jsonl"))
