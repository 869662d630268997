"""Split a complaint text into segments marked with the analysis heads whose evidence covers them."""

from __future__ import annotations

import itertools
from typing import Any


def segments(text: str, evidence: dict[str, Any] | None) -> list[tuple[str, list[str]]]:
    """[(piece of text, [heads])]; pieces without evidence have no heads. Bad spans are ignored."""
    spans: list[tuple[int, int, str]] = []
    for head, items in (evidence or {}).items():
        for item in items or []:
            try:
                start, end = int(item["start"]), int(item["end"])
            except (KeyError, TypeError, ValueError):
                continue
            if 0 <= start < end <= len(text):
                spans.append((start, end, str(head)))
    if not spans:
        return [(text, [])]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[tuple[str, list[str]]] = []
    for a, b in itertools.pairwise(cuts):
        heads = sorted({h for s, e, h in spans if s <= a and b <= e})
        if out and out[-1][1] == heads:
            out[-1] = (out[-1][0] + text[a:b], heads)
        else:
            out.append((text[a:b], heads))
    return out
