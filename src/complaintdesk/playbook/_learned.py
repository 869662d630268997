"""A small learned sentence scorer for the reply coach (check kind ``learned``).

The model is a logistic regression per rule ("head") over character n-grams of one sentence,
weighted tf-idf style (sublinear tf, idf, L2 norm), the same arithmetic as scikit-learn's
``TfidfVectorizer(analyzer="char", sublinear_tf=True)``. It is trained by
``python -m complaintdesk.playbook.train_coach`` on the labelled tune pairs (never the dev split)
and shipped as JSON in ``playbook/data/``. Scoring is plain Python over a dictionary, so the coach
needs no numerical library at run time and stays fast (a few hundred n-gram look-ups a sentence).

Sentences are scored on the coach's normalised text (Chinese in Simplified form with Cantonese
function words read as Mandarin), lower-cased, so one model serves the three languages.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=4)
def load_model(path: str) -> SentenceModel:
    return from_json(json.loads(Path(path).read_text(encoding="utf-8")))
