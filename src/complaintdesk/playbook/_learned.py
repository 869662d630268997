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
integer (16 bits a character), looked up in the sorted array of the vocabulary's packed n-grams,
and the tf-idf weights and dot products are summed per sentence with NumPy. The arithmetic is the
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


@dataclass(frozen=True, eq=False)
class _Packed:
    keys: Any  # sorted uint64 packed n-grams of the vocabulary
    idf: Any  # float64, as keys
    weights: Any  # float64 (len(keys), heads)
    intercepts: Any  # float64 (heads,)


def _pack(gram: str) -> int | None:
    key = 0
    for ch in gram:
        code = ord(ch)
        if code == 0 or code >> _BITS:
            return None
        key = (key << _BITS) | code
    return key


@lru_cache(maxsize=4)
def _packed(model: SentenceModel) -> _Packed:
    if model.hi * _BITS > 64:
        raise ValueError("packed n-grams hold at most 4 characters")
    items = sorted((k, g) for g in model.vocab if (k := _pack(g)) is not None)
    rows = [model.vocab[g] for _, g in items]
    return _Packed(
        np.array([k for k, _ in items], dtype=np.uint64),
        np.array([r[0] for r in rows], dtype=np.float64).reshape(-1),
        np.array([r[1:] for r in rows], dtype=np.float64).reshape(len(rows), len(model.heads)),
        np.array(model.intercepts, dtype=np.float64),
    )


def _scores_many(model: SentenceModel, texts: Sequence[str]) -> list[tuple[float, ...]]:
    out: list[tuple[float, ...] | None] = [None] * len(texts)
    batch: list[int] = []
    prepared: list[str] = []
    for i, text in enumerate(texts):
        low = _WHITE.sub(" ", text.lower())
        if low and (max(low) > "\uffff" or "\0" in low):
            out[i] = _scores(model, text)  # beyond 16 bits a character: the plain loop
        else:
            batch.append(i)
            prepared.append(low)
    if batch:
        for i, scores in zip(batch, _batch(model, prepared), strict=True):
            out[i] = scores
    return [s for s in out if s is not None]


def _batch(model: SentenceModel, texts: list[str]) -> list[tuple[float, ...]]:
    """Scores of texts (lower-cased, white space collapsed) with BMP characters only, none NUL."""
    packed = _packed(model)
    n_texts = len(texts)
    codes = np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    sep = codes == 0
    owner = np.cumsum(sep) - sep  # which text each position belongs to
    size = len(codes)
    keys_parts, owner_parts = [], []
    for n in range(model.lo, model.hi + 1):
        m = size - n + 1
        if m <= 0:
            break
        key = codes[:m].copy()
        bad = sep[:m].copy()
        for j in range(1, n):
            key = (key << np.uint64(_BITS)) | codes[j : j + m]
            bad |= sep[j : j + m]
        keep = ~bad
        keys_parts.append(key[keep])
        owner_parts.append(owner[:m][keep])
    vocab_keys = packed.keys
    n_vocab = len(vocab_keys)
    if keys_parts and n_vocab:
        keys = np.concatenate(keys_parts)
        owners = np.concatenate(owner_parts).astype(np.int64)
        pos = np.searchsorted(vocab_keys, keys)
        pos[pos >= n_vocab] = 0
        hit = vocab_keys[pos] == keys
        pair, counts = np.unique(owners[hit] * n_vocab + pos[hit].astype(np.int64), return_counts=True)
    else:
        pair, counts = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    text_of, gram = pair // max(n_vocab, 1), pair % max(n_vocab, 1)
    v = packed.idf[gram] * (1.0 + np.log(counts))
    norm2 = np.bincount(text_of, weights=v * v, minlength=n_texts)
    heads = len(model.heads)
    dots = np.empty((n_texts, heads))
    for h in range(heads):
        dots[:, h] = np.bincount(text_of, weights=v * packed.weights[gram, h], minlength=n_texts)
    with np.errstate(divide="ignore"):
        scale = np.where(norm2 > 0, 1.0 / np.sqrt(np.where(norm2 > 0, norm2, 1.0)), 0.0)
    probs = 1.0 / (1.0 + np.exp(-(packed.intercepts[None, :] + dots * scale[:, None])))
    return [tuple(row) for row in probs.tolist()]


@lru_cache(maxsize=4)
def load_model(path: str) -> SentenceModel:
    return from_json(json.loads(Path(path).read_text(encoding="utf-8")))
