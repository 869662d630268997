"""Train the coach's learned sentence scorer (check kind ``learned``) from labelled tune pairs.

    python -m complaintdesk.playbook.train_coach                       # the shipped model
    python -m complaintdesk.playbook.train_coach --pairs a.jsonl --pairs b.jsonl --out model.json
    python -m complaintdesk.playbook.train_coach --cv 5 [--floor 0.8]   # choose thresholds, write nothing

Every sentence of every reply is one example; it is positive for a rule when it overlaps that
rule's evidence. Only the tune files are read by default (``data/coach/pairs_tune*.jsonl``); a row
of the dev split (id ``cd-…``) stops the training, so the dev figures stay held out. Needs
scikit-learn (training only; the coach scores with plain Python, see ``_learned``).

``--cv K`` chooses the thresholds of the ``learned`` checks without looking at dev: the tune pairs
are split into K folds; for each fold a model is trained on the other folds and the coach is run on
the fold's replies with that model. A rule is raised on a reply when its other checks fire or when
the best eligible sentence (long enough, no ``unless`` in it or the next sentence) scores at or
above the threshold, so every threshold is evaluated from one run. For each learned head the
threshold with the best F1 among those whose cross-validated precision reaches ``--floor`` (a tie
to three decimals goes to the higher threshold) is printed with the figures of the grid.
"""

from __future__ import annotations

import argparse
import json
import zlib
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


def _fold_of(row_id: str, k: int) -> int:
    return zlib.crc32(row_id.encode("utf-8")) % k


def cross_validate(
    rows: Sequence[dict[str, Any]], k: int, c: float = 4.0, heads: Sequence[str] = HEADS
) -> dict[str, list[tuple[bool, bool, float]]]:
    """Per learned rule, for every reply of every held-out fold: (gold, other checks fire, best score)."""
    import dataclasses

    from ._data import load_playbook
    from ._text import normalise as _normalise
    from .coach import _any, _Check, compile_checks
    from .coach import sentences as _sentences

    out: dict[str, list[tuple[bool, bool, float]]] = {}
    for fold in range(k):
        train_rows = [r for r in rows if _fold_of(str(r["id"]), k) != fold]
        test_rows = [r for r in rows if _fold_of(str(r["id"]), k) == fold]
        model = train(train_rows, heads=heads, c=c)
        pb = load_playbook()
        learned: dict[str, list[_Check]] = {}
        for lang in ("en", "zh-Hans", "zh-Hant"):
            compiled = compile_checks(pb, lang)
            checks = []
            for ch in compiled.checks:
                if ch.kind == "learned":
                    ch = dataclasses.replace(ch, model=model)
                    learned.setdefault(lang, []).append(ch)
                    ch = dataclasses.replace(ch, threshold=2.0)  # the other checks alone
                checks.append(ch)
            pb._compiled[f"coach:{lang}"] = dataclasses.replace(compiled, checks=tuple(checks))
        from .coach import coach as run_coach

        for r in test_rows:
            lang = str(r.get("lang") or "en")
            fired = set(run_coach(str(r["reply"]), complaint=r.get("complaint"), lang=lang, playbook=pb).rules)
            gold = {v["rule"] for v in r.get("violations") or []}
            norm = _normalise(str(r["reply"]), lang)
            sents = _sentences(norm)
            texts = [norm[s.start : s.end] for s in sents]
            scores = model.scores_many(texts) if texts else []
            for ch in learned.get(lang, []):
                best = 0.0
                for i, text in enumerate(texts):
                    if len(text.strip()) < ch.min_item_chars:
                        continue
                    context = norm[sents[i].start : sents[i + 1].end] if i + 1 < len(sents) else text
                    if not _any(ch.unless, context):
                        best = max(best, scores[i][model.heads.index(ch.head)])
                out.setdefault(ch.rule, []).append((ch.rule in gold, ch.rule in fired, best))
    return out


def choose_thresholds(
    results: dict[str, list[tuple[bool, bool, float]]], floor: float, grid: Sequence[float]
) -> dict[str, float | None]:
    """Print P/R/F1 of each learned rule over the threshold grid; return the best F1 with P >= floor."""
    chosen: dict[str, float | None] = {}
    for rule, items in sorted(results.items()):
        print(f"{rule}: {len(items)} replies, {sum(g for g, _, _ in items)} with the fault")
        best: tuple[float, float] | None = None
        for t in [*grid, 2.0]:
            tp = sum(g and (o or s >= t) for g, o, s in items)
            fp = sum((not g) and (o or s >= t) for g, o, s in items)
            fn = sum(g and not (o or s >= t) for g, o, s in items)
            p = tp / (tp + fp) if tp + fp else 0.0
            rc = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
            label = "off" if t > 1 else f"{t:.2f}"
            print(f"  threshold {label}: P {p:.3f} R {rc:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")
            # the best F1 among the thresholds meeting the floor; a tie (to 3 decimals) goes to the higher one
            if t <= 1 and p >= floor and (best is None or round(f1, 3) >= round(best[0], 3)):
                best = (f1, t)
        chosen[rule] = best[1] if best else None
        print(f"  chosen: {chosen[rule]}")
    return chosen


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
    parser.add_argument("--cv", type=int, default=0, help="K-fold CV of the thresholds (writes no model)")
    parser.add_argument("--floor", type=float, default=0.9, help="with --cv: the precision a threshold must reach")
    args = parser.parse_args(argv)
    paths = args.pairs or DEFAULT_PAIRS
    rows = read_pairs(paths)
    if args.cv:
        examples(rows)  # refuses dev rows
        grid = [round(0.4 + 0.05 * i, 2) for i in range(12)]
        choose_thresholds(cross_validate(rows, args.cv, c=args.c), args.floor, grid)
        return
    model = train(rows, c=args.c)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rows)} pairs from {', '.join(p.name for p in paths)}: {len(model.vocab)} n-grams -> {args.out}")


if __name__ == "__main__":
    main()
