"""Hot spots: many complaints about one place, product, team or kind of problem (SPEC section 1, step 10).

A value is a hot spot in a period when it drew at least ``min_count`` complaints and clearly more than
in the period before (``rise`` times as many). For narrow dimensions (a place, a product) a value with
no complaints before counts as a rise; broad ones (a team, a category) always draw some complaints, so
for them only a rise over a known level is news. Free-text values
(a location, a product) are compared after normalisation, so "Block 3 ", "block 3" and "BLOCK  3" count
together.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

DIMENSIONS = ("location", "product", "team", "category")
BROAD = frozenset({"team", "category"})
_SPACE = re.compile(r"\s+")


def normalise(value: str | None) -> str | None:
    """Full-width to half-width, case-folded, whitespace collapsed; None for blank."""
    if value is None:
        return None
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", value)).strip().casefold()
    return text or None


@dataclass(frozen=True, slots=True)
class HotSpot:
    dimension: str
    value: str
    count: int
    previous: int
    examples: tuple[str, ...]

    @property
    def rise(self) -> float | None:
        return None if self.previous == 0 else self.count / self.previous


def hot_spots(
    dimension: str,
    current: Iterable[tuple[str | None, str]],
    previous: Iterable[str | None],
    *,
    min_count: int = 3,
    rise: float = 1.5,
    examples: int = 5,
    broad: bool | None = None,
) -> list[HotSpot]:
    """`current`: (value, tracking number) per complaint of the period; `previous`: values of the period
    before. The hot spots, most complaints first. `broad` defaults to whether `dimension` is in BROAD."""
    broad = dimension in BROAD if broad is None else broad
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    seen: dict[str, list[str]] = {}
    for raw, tracking_number in current:
        key = normalise(raw)
        if key is None:
            continue
        counts[key] += 1
        spellings.setdefault(key, Counter())[(raw or "").strip()] += 1
        seen.setdefault(key, []).append(tracking_number)
    # shown as its most common spelling; on a tie, the one seen first
    labels = {key: forms.most_common(1)[0][0] for key, forms in spellings.items()}
    before = Counter(k for k in map(normalise, previous) if k is not None)
    found = [
        HotSpot(dimension, labels[key], n, before[key], tuple(seen[key][:examples]))
        for key, n in counts.items()
        if n >= min_count and (n >= rise * before[key] if before[key] else not broad)
    ]
    return sorted(found, key=lambda h: (-h.count, h.value))
