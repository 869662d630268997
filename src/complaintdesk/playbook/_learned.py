"""A small learned sentence scorer for the reply coach (check kind ``learned``).

The model is a logistic regression per rule ("head") over character n-grams of one sentence,
weighted tf-idf style (sublinear tf, idf, L2 norm), the same arithmetic as scikit-learn's
``TfidfVectorizer(analyzer="char", sublinear_tf=True)``. It is trained by
``python -m complaintdesk.playbook.train_coach`` on the labelled tune pairs (never the dev split)
and shipped as JSON in ``playbook/data/``. Scoring is plain Python over a dictionary, so the coach
needs no numerical library at run time and stays fast (a few hundred n-gram look-ups a sentence).

Sentences are scored on the coach's normalised text (Chinese in Simplified form with Cantonese
function words read as Mandarin), lower-cased, so one model serves the three languages.

The coach scores all sentences of a reply in one vectorised pass (`SentenceModel.scores_many`):
every n-gram of up to four characters of the Basic Multilingual Plane is packed into one 64-bit
integer (16 bits a character), looked up in two hash tables built at load (cuckoo hashing: every
vocabulary n-gram sits in one of its two slots), and the tf-idf weights and dot products are
summed per sentence with NumPy. The arithmetic is the
same as the plain-Python `scores` (which serves texts with characters beyond the BMP); only the
order of the floating-point additions differs (last-bit differences).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

_WHITE = re.compile(r"\s\s+")


@dataclass(frozen=True, eq=False)
class SentenceModel:
    """Char n-gram logistic regression heads; `vocab[gram] = (idf, weight of head 0, weight of head 1, ...)`."""

    lo: int
    hi: int
    heads: tuple[str, ...]
    intercepts: tuple[float, ...]
    vocab: dict[str, tuple[float, ...]]

    def grams(self, text: str) -> Counter[str]:
        text = _WHITE.sub(" ", text.lower())  # as scikit-learn's char analyzer: no strip
        counts: Counter[str] = Counter()
        n_text = len(text)
        for n in range(self.lo, min(self.hi, n_text) + 1):
            counts.update(text[i : i + n] for i in range(n_text - n + 1))
        return counts

    def score(self, text: str, head: str) -> float:
        """Probability that `text` (one sentence) shows the fault of `head`."""
        return self.scores(text)[self.heads.index(head)]

    def scores(self, text: str) -> tuple[float, ...]:
        """The probability of every head for one sentence (one pass over its n-grams)."""
        return _scores(self, text)

    def scores_many(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        """`scores` of every text, in one vectorised pass."""
        return _scores_many(self, texts)

    def to_json(self) -> dict[str, object]:
        return {
            "ngram": [self.lo, self.hi],
            "heads": list(self.heads),
            "intercepts": list(self.intercepts),
            "vocab": {g: list(v) for g, v in self.vocab.items()},
        }


def from_json(data: dict[str, object]) -> SentenceModel:
    ngram: list[int] = list(data["ngram"])  # type: ignore[call-overload]
    lo, hi = ngram
    vocab = {str(g): tuple(float(x) for x in v) for g, v in data["vocab"].items()}  # type: ignore[attr-defined]
    return SentenceModel(
        int(lo),
        int(hi),
        tuple(str(h) for h in data["heads"]),  # type: ignore[attr-defined]
        tuple(float(x) for x in data["intercepts"]),  # type: ignore[attr-defined]
        vocab,
    )


def _scores(model: SentenceModel, text: str) -> tuple[float, ...]:
    k = len(model.heads)
    norm2 = 0.0
    dots = [0.0] * k
    vocab = model.vocab
    for g, c in model.grams(text).items():
        row = vocab.get(g)
        if row is None:
            continue
        v = (1.0 + math.log(c)) * row[0] if c > 1 else row[0]
        norm2 += v * v
        for h in range(k):
            dots[h] += v * row[h + 1]
    scale = 1.0 / math.sqrt(norm2) if norm2 > 0 else 0.0
    return tuple(1.0 / (1.0 + math.exp(-(b + d * scale))) for b, d in zip(model.intercepts, dots, strict=True))


_BITS = 16  # bits a character in a packed n-gram (the Basic Multilingual Plane)
_SEP = "\uffff"  # between texts in a batch: a noncharacter, in no vocabulary n-gram
_TABLE_BITS = 16  # each of the two hash tables has 2**16 slots
_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)
_MASK64 = (1 << 64) - 1


@dataclass(frozen=True, eq=False)
class _Packed:
    keys: Any  # uint64 packed n-grams of the vocabulary, then one key that no n-gram has (the "absent" row)
    weights: Any  # float64 (len(keys), 1 + heads): idf, then idf * the weight of each head (0 for the last row)
    intercepts: Any  # float64 (heads,)
    multipliers: tuple[Any, Any]  # np.uint64 of the two hash functions
    tables: tuple[Any, Any]  # int32 slot -> row in keys (the absent row when the slot is empty)


def _pack(gram: str) -> int | None:
    """The n-gram's characters in 16-bit lanes, the first character in the lowest (as UTF-16-LE reads)."""
    key = 0
    for i, ch in enumerate(gram):
        code = ord(ch)
        if code == 0 or code >> _BITS or ch == _SEP:
            return None
        key |= code << (_BITS * i)
    return key


def _slot(key: int, multiplier: int) -> int:
    return ((key * multiplier) & _MASK64) >> (64 - _TABLE_BITS)


def _cuckoo(keys: list[int]) -> tuple[tuple[int, int], tuple[list[int], list[int]]]:
    """Two hash tables such that every key sits in the slot that one of the two hash functions gives it."""
    empty = len(keys)
    for a, b in ((a, b) for a in _MULTIPLIERS for b in _MULTIPLIERS if a != b):
        tables = ([empty] * (1 << _TABLE_BITS), [empty] * (1 << _TABLE_BITS))
        mults = (a, b)
        placed = True
        for row in range(len(keys)):
            item, side = row, 0
            for _ in range(64):
                slot = _slot(keys[item], mults[side])
                item, tables[side][slot] = tables[side][slot], item
                if item == empty:
                    break
                side = 1 - side
            else:
                placed = False
                break
        if placed:
            return mults, tables
    raise ValueError("vocabulary too large for the n-gram hash tables")


@lru_cache(maxsize=4)
def _packed(model: SentenceModel) -> _Packed:
    if model.hi * _BITS > 64:
        raise ValueError("packed n-grams hold at most 4 characters")
    items = [(k, g) for g in model.vocab if (k := _pack(g)) is not None]
    keys = [k for k, _ in items]
    mults, tables = _cuckoo(keys)
    heads = len(model.heads)
    rows = [model.vocab[g] for _, g in items]
    weights = np.zeros((len(rows) + 1, 1 + heads), dtype=np.float64)
    if rows:
        raw = np.array(rows, dtype=np.float64).reshape(len(rows), 1 + heads)
        weights[:-1, 0] = raw[:, 0]
        weights[:-1, 1:] = raw[:, :1] * raw[:, 1:]
    return _Packed(
        np.array([*keys, _MASK64], dtype=np.uint64),  # all lanes U+FFFF: the key of no n-gram
        weights,
        np.array(model.intercepts, dtype=np.float64),
        (np.uint64(mults[0]), np.uint64(mults[1])),
        (np.array(tables[0], dtype=np.int32), np.array(tables[1], dtype=np.int32)),
    )


def _scores_many(model: SentenceModel, texts: Sequence[str]) -> list[tuple[float, ...]]:
    out: list[tuple[float, ...] | None] = [None] * len(texts)
    batch: list[int] = []
    prepared: list[str] = []
    for i, text in enumerate(texts):
        low = _WHITE.sub(" ", text.lower())
        if low and (max(low) >= _SEP or "\0" in low):
            out[i] = _scores(model, text)  # beyond 16 bits a character: the plain loop
        else:
            batch.append(i)
            prepared.append(low)
    if batch:
        for i, scores in zip(batch, _batch(model, prepared), strict=True):
            out[i] = scores
    return [s for s in out if s is not None]


_SHIFTS = tuple(np.uint64(_BITS * i) for i in range(4))
_SLOT_SHIFT = np.uint64(64 - _TABLE_BITS)


def _batch(model: SentenceModel, texts: list[str]) -> list[tuple[float, ...]]:
    """Scores of texts (lower-cased, white space collapsed), all characters below U+FFFF, none NUL.

    The texts are joined with U+FFFF after each; the n-grams of every size are packed from the
    16-bit code units with shifts, and an n-gram across two texts holds a U+FFFF lane, which no
    vocabulary key has. Keys are found by two-choice (cuckoo) hashing: two table reads and a
    comparison each, with no search. Then per text and n-gram the count (sublinear tf), and per
    text the sums of the tf-idf weights' squares and products with each head's weights.
    """
    packed = _packed(model)
    n_texts = len(texts)
    units = np.frombuffer((_SEP.join(texts) + _SEP).encode("utf-16-le"), dtype=np.uint16)
    codes = units.astype(np.uint64)
    blocks = [codes]  # n-grams of 1, 2, ... characters starting at each position
    for n in range(2, model.hi + 1):
        blocks.append(blocks[-1][:-1] | (codes[n - 1 :] << _SHIFTS[n - 1]))
    blocks = blocks[model.lo - 1 :]
    keys = np.concatenate(blocks)
    owner = np.cumsum(units == 0xFFFF)  # the text of each position (a position's U+FFFF ends its text)
    owners = np.concatenate([owner[: len(b)] for b in blocks])
    # (uint64 products wrap around silently in array arithmetic, as a multiplicative hash wants)
    first = packed.tables[0][((keys * packed.multipliers[0]) >> _SLOT_SHIFT).view(np.int64)]
    second = packed.tables[1][((keys * packed.multipliers[1]) >> _SLOT_SHIFT).view(np.int64)]
    rows = np.where(packed.keys[first] == keys, first, second)
    hit = packed.keys[rows] == keys
    n_rows = len(packed.keys)
    pair = np.sort(owners[hit] * n_rows + rows[hit])
    if not len(pair):
        return [tuple(float(x) for x in 1.0 / (1.0 + np.exp(-packed.intercepts)))] * n_texts
    starts = np.flatnonzero(np.concatenate(([True], pair[1:] != pair[:-1])))
    counts = np.empty_like(starts)
    counts[:-1] = starts[1:] - starts[:-1]
    counts[-1] = len(pair) - starts[-1]
    first_pair = pair[starts]
    text_of = first_pair // n_rows
    # one more row of zeros: an empty last text still has a start for reduceat
    values = np.zeros((len(starts) + 1, packed.weights.shape[1]))
    np.take(packed.weights, first_pair - text_of * n_rows, axis=0, out=values[:-1])
    values[:-1] *= (1.0 + np.log(counts))[:, None]
    values[:, 0] *= values[:, 0]  # the squared tf-idf weight, for the norm
    bounds = np.searchsorted(text_of, np.arange(n_texts + 1))
    sums = np.add.reduceat(values, bounds[:-1], axis=0)
    sums[bounds[:-1] == bounds[1:]] = 0.0  # texts without a known n-gram
    norm2 = sums[:, 0]
    scale = 1.0 / np.sqrt(np.where(norm2 > 0, norm2, 1.0))  # no n-gram: the products are 0 anyway
    probs = 1.0 / (1.0 + np.exp(-(packed.intercepts[None, :] + sums[:, 1:] * scale[:, None])))
    return [tuple(row) for row in probs.tolist()]


@lru_cache(maxsize=4)
def load_model(path: str) -> SentenceModel:
    return from_json(json.loads(Path(path).read_text(encoding="utf-8")))
