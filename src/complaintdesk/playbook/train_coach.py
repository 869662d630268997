"""Train the coach's learned sentence scorer (check kind ``learned``) from labelled tune pairs.

    python -m complaintdesk.playbook.train_coach                       # the shipped model
    python -m complaintdesk.playbook.train_coach --pairs a.jsonl --pairs b.jsonl --out model.json

Every sentence of every reply is one example; it is positive for a rule when it overlaps that
rule's evidence. Only the tune files are read by default (``data/coach/pairs_tune*.jsonl``); a row
of the dev split (id ``cd-…``) stops the training, so the dev figures stay held out. Needs
scikit-learn (training only; the coach scores with plain Python, see ``_learned``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ._data import DATA_DIR
from ._learned import SentenceModel
from ._text import normalise, sentences

HEADS = ("argues_or_blames", "demands_apology", "disclosure")
REPO = Path(__file__).resolve().parents[3]
DEFAULT_PAIRS = sorted((REPO / "data" / "coach").glob("pairs_tune*.jsonl"))
DEFAULT_OUT = DATA_DIR / "coach_model.json"


def examples(rows: Iterable[dict[str, Any]]) -> tuple[list[str], list[set[str]]]:
    """(sentence text as the coach sees it, rules whose evidence overlaps it) for every reply sentence."""
    texts: list[str] = []
    labels: list[set[str]] = []
    for r in rows:
        if str(r.get("id", "")).startswith("cd-"):
            raise SystemExit(f"row {r['id']} is from the dev split: never train on it")
        reply = str(r["reply"])
        norm = normalise(reply, str(r.get("lang") or "en"))
        spans = []
        for v in r.get("violations") or []:
            ev = v.get("evidence") or ""
            start = reply.find(ev) if ev else -1
            if start >= 0:
                spans.append((v["rule"], start, start + len(ev)))
        for s in sentences(norm):
            texts.append(norm[s.start : s.end])
            labels.append({rule for rule, a, b in spans if a < s.end and b > s.start})
    return texts, labels


def train(
    rows: Sequence[dict[str, Any]], heads: Sequence[str] = HEADS, c: float = 4.0, ngram: tuple[int, int] = (1, 4)
) -> SentenceModel:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = examples(rows)
    vec = TfidfVectorizer(analyzer="char", ngram_range=ngram, sublinear_tf=True, min_df=2, lowercase=True)
    x = vec.fit_transform(texts)
    coefs, intercepts = [], []
    for head in heads:
        y = np.array([head in lab for lab in labels])
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x, y)
        coefs.append(model.coef_[0])
        intercepts.append(round(float(model.intercept_[0]), 5))
    vocab: dict[str, tuple[float, ...]] = {}
    for gram, j in vec.vocabulary_.items():
        vocab[gram] = (round(float(vec.idf_[j]), 4), *(round(float(w[j]), 5) for w in coefs))
    return SentenceModel(ngram[0], ngram[1], tuple(heads), tuple(intercepts), dict(sorted(vocab.items())))


def read_pairs(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pairs", type=Path, action="append", help="tune pairs (repeat); default data/coach/pairs_tune*"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation of the regressions")
    args = parser.parse_args(argv)
    paths = args.pairs or DEFAULT_PAIRS
    rows = read_pairs(paths)
    model = train(rows, c=args.c)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rows)} pairs from {', '.join(p.name for p in paths)}: {len(model.vocab)} n-grams -> {args.out}")


if __name__ == "__main__":
    main()
