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


#: weight of a borrowed GoEmotions row against one of our own labelled complaints
GOEMOTIONS_WEIGHT = 0.25


def goemotions_rows(weight: float = GOEMOTIONS_WEIGHT) -> list[dict[str, Any]]:
    """English emotion rows borrowed from GoEmotions (emotion label only).

    Source: the development split of GoEmotions (Demszky et al., ACL 2020; English Reddit comments;
    Apache-2.0, google-research/google-research), as mapped onto our five emotion states in
    ../shared/data/goemotions_dev.jsonl; only rows with exactly one mapped state are kept. They teach
    the emotion head informal English (social media), at a reduced weight, and train no other head.
    """
    from importlib import resources

    text = resources.files("complaintdesk.analysis").joinpath("data/goemotions_en.jsonl").read_text(encoding="utf-8")
    rows = [obj for _, obj in iter_jsonl(text.splitlines()) if isinstance(obj, dict)]
    for row in rows:
        row["weight"] = weight
    return rows


def microblog_rows(weight: float = GOEMOTIONS_WEIGHT) -> list[dict[str, Any]]:
    """Chinese microblog-style posts with an emotion label (data/analysis/emotion_zh_microblog.jsonl).

    Team-written in the style of Weibo, Douyin, Xiaohongshu, LIHKG, PTT and Dcard posts (see
    emotion_zh_microblog.md beside it); like the GoEmotions rows they train the emotion head only,
    at a reduced weight. Empty when the package runs outside a source checkout.
    """
    root = repo_root()
    path = root / "data" / "analysis" / "emotion_zh_microblog.jsonl" if root else None
    if path is None or not path.is_file():
        return []
    rows = load_labelled(path)
    for row in rows:
        row["weight"] = weight
    return rows


def borrowed_rows() -> list[dict[str, Any]]:
    """Every emotion-only row the default model adds to the labelled complaints."""
    return goemotions_rows() + microblog_rows()
