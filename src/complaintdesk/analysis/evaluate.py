"""Scoring an analyser against labelled rows: the figures `complaintdesk eval` prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sklearn.metrics import f1_score

from ..domain.labels import LANGUAGES, MOTIVES, PRIORITIES, RISKS, SINGLE_HEADS
from .result import Analysis


@dataclass(slots=True)
class HeadScore:
    head: str
    n: int
    accuracy: float
    macro_f1: float | None = None
    micro_f1: float | None = None
    labels: list[str] = field(default_factory=list)
    confusion: list[list[int]] = field(default_factory=list)  # rows: gold, columns: predicted
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)  # multi-label heads

    def to_dict(self) -> dict[str, Any]:
        return {
            "head": self.head,
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": None if self.macro_f1 is None else round(self.macro_f1, 4),
            "micro_f1": None if self.micro_f1 is None else round(self.micro_f1, 4),
            "labels": self.labels,
            "confusion": self.confusion,
            "per_label": self.per_label,
        }


def _single(head: str, gold: list[str], pred: list[str], allowed: Sequence[str]) -> HeadScore:
    labels = [lab for lab in allowed if lab in gold or lab in pred]
    labels += sorted({*gold, *pred} - set(labels))
    index = {lab: i for i, lab in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        confusion[index[g]][index[p]] += 1
    n = len(gold)
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0
    gold_labels = [lab for lab in labels if lab in gold]
    macro = float(f1_score(gold, pred, labels=gold_labels, average="macro", zero_division=0)) if n else 0.0
    return HeadScore(head, n, accuracy, macro_f1=macro, labels=labels, confusion=confusion)


def _multi(head: str, gold: list[set[str]], pred: list[set[str]], allowed: Sequence[str]) -> HeadScore:
    tp = fp = fn = 0
    per: dict[str, dict[str, float]] = {}
    for lab in allowed:
        t = sum(1 for g, p in zip(gold, pred, strict=True) if lab in g and lab in p)
        f_p = sum(1 for g, p in zip(gold, pred, strict=True) if lab not in g and lab in p)
        f_n = sum(1 for g, p in zip(gold, pred, strict=True) if lab in g and lab not in p)
        tp, fp, fn = tp + t, fp + f_p, fn + f_n
        prec = t / (t + f_p) if t + f_p else 0.0
        rec = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": t + f_n}
    micro = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    supported = [v["f1"] for v in per.values() if v["support"]]
    macro = sum(supported) / len(supported) if supported else 0.0
    n = len(gold)
    exact = sum(g == p for g, p in zip(gold, pred, strict=True)) / n if n else 0.0
    return HeadScore(head, n, exact, macro_f1=macro, micro_f1=micro, labels=list(allowed), per_label=per)


def _amount_key(items: Sequence[Any]) -> frozenset[tuple[float, str]]:
    out = set()
    for a in items:
        if isinstance(a, dict):
            value, currency = a.get("value"), a.get("currency")
        else:
            value, currency = a.value, a.currency
        if isinstance(value, int | float):
            out.add((round(float(value), 2), str(currency).upper()))
    return frozenset(out)


def score(
    analyses: Sequence[Analysis], rows: Sequence[dict[str, Any]], extra_heads: Sequence[str] = ()
) -> list[HeadScore]:
    """Per head scores of `analyses` against the labels in `rows` (same order). Rows lacking a head skip it."""
    scores: list[HeadScore] = []

    def pairs(key: str) -> list[int]:
        return [i for i, r in enumerate(rows) if r.get(key) not in (None, "")]

    idx = pairs("lang")
    if idx:
        scores.append(
            _single("language", [rows[i]["lang"] for i in idx], [analyses[i].language for i in idx], LANGUAGES)
        )
    for head, allowed in SINGLE_HEADS.items():
        idx = pairs(head)
        if idx:
            gold = [str(rows[i][head]) for i in idx]
            pred = [str(getattr(analyses[i], head)) for i in idx]
            scores.append(_single(head, gold, pred, allowed))
    idx = [i for i, r in enumerate(rows) if isinstance(r.get("motives"), list) and r["motives"]]
    if idx:
        gold = [str(rows[i]["motives"][0]) for i in idx]
        pred = [analyses[i].motives[0] if analyses[i].motives else "" for i in idx]
        scores.append(_single("primary_motive", gold, pred, MOTIVES))
        scores.append(
            _multi("motives", [set(rows[i]["motives"]) for i in idx], [set(analyses[i].motives) for i in idx], MOTIVES)
        )
    idx = [i for i, r in enumerate(rows) if isinstance(r.get("risks"), list)]
    if idx:
        scores.append(
            _multi("risks", [set(rows[i]["risks"]) for i in idx], [set(analyses[i].risks) for i in idx], RISKS)
        )
    idx = [i for i, r in enumerate(rows) if isinstance(r.get("amounts"), list)]
    if idx:
        hits = sum(_amount_key(rows[i]["amounts"]) == _amount_key(analyses[i].amounts) for i in idx)
        scores.append(HeadScore("amounts", len(idx), hits / len(idx)))
    idx = pairs("priority")
    if idx:
        gold = [str(rows[i]["priority"]) for i in idx]
        scores.append(_single("priority", gold, [analyses[i].priority for i in idx], PRIORITIES))
    for name in extra_heads:
        idx = pairs(name)
        if idx:
            gold = [str(rows[i][name]) for i in idx]
            pred = [analyses[i].extra.get(name, "") for i in idx]
            scores.append(_single(name, gold, pred, sorted(set(gold))))
    return scores


def scores_to_dict(scores: Sequence[HeadScore]) -> dict[str, Any]:
    return {s.head: s.to_dict() for s in scores}
