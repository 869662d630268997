"""The trainable part of the analyser: linear heads over `features.Featurizer`.

A `Model` is written to one joblib file holding its format/version string, the featurizer and,
per head, the classes, weights and threshold. Inference does its own matrix products (no
scikit-learn call per head), which keeps a single analysis well under a millisecond of model time.

Heads: nature, category, emotion, temperament and motive (the primary motive) are multiclass;
`motive:<id>` (the motive appears anywhere in the list) and `risk:<id>` are binary; any other
string-valued key found in the labelled rows becomes an organisation head `extra:<key>`.
"""

from __future__ import annotations

import hashlib
import json
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from ..domain.labels import MOTIVES, RISKS, SINGLE_HEADS
from .features import Featurizer, Prepared, prepare
from .lexicon import Lexicon

MODEL_FORMAT = "complaintdesk-analysis/2"
#: bumped when features, lexicon use or training change, so a saved default model is rebuilt
MODEL_CODE_VERSION = "2025.9"
CORE_KEYS = frozenset(
    {"nature", "category", "emotion", "motives", "temperament", "risks", "amounts", "priority", "language"}
)
META_KEYS = frozenset(
    {"id", "lang", "text", "industry", "channel", "source", "notes", "note", "split", "writer", "created", "weight"}
)


@dataclass(slots=True)
class Head:
    """One linear head: softmax over `classes` (multiclass) or a sigmoid (binary, classes = [label])."""

    name: str
    kind: str  # "multiclass" (softmax) | "ovr" (normalised one-vs-rest sigmoids) | "binary"
    classes: list[str]
    coef: np.ndarray  # (k, d) float32
    intercept: np.ndarray  # (k,) float32
    threshold: float = 0.5

    def proba(self, x: sp.csr_matrix) -> np.ndarray:
        """(n, k) probabilities; for a binary head the probability of its label."""
        return self.activate(np.asarray(x @ self.coef.T) + self.intercept)

    def activate(self, z: np.ndarray) -> np.ndarray:
        """(n, k) probabilities from the (n, k) scores `x @ coef.T + intercept`."""
        if self.kind == "binary":
            return np.asarray(1.0 / (1.0 + np.exp(-z)))
        if self.kind == "ovr":
            p = 1.0 / (1.0 + np.exp(-z))
            return np.asarray(p / p.sum(axis=1, keepdims=True))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))


@dataclass(slots=True)
class TrainConfig:
    c_single: float = 10.0
    c_binary: float = 8.0  # chosen by 3-fold CV on train_*.jsonl (risks micro-F1 0.750 at C=3, 0.758 at 8, 0.760 at 20)
    dense_weight: float = 0.5
    char_max: int = 3
    word_max: int = 2
    subword: bool = True
    max_features: int = 40000
    use_ngrams: bool = True
    risk_threshold: float = 0.5
    motive_threshold: float = 0.5
    class_weight: str | None = "balanced"
    binary_class_weight: str | None = None
    tune_thresholds: bool = True
    threshold_folds: int = 3
    # register-aware heads when borrowed (social-media) rows carry a single-label head: a binary
    # `register:social` head (own rows against borrowed rows) and `<head>@social`, fitted with the
    # borrowed rows at full weight and the own rows at `social_own_weight`
    social_heads: bool = True
    social_own_weight: float = 0.25
    c_social: float = 10.0
    borrowed_vocabulary: bool = False


@dataclass(slots=True)
class Model:
    version: str
    featurizer: Featurizer
    heads: dict[str, Head]
    extra_heads: list[str] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        joblib.dump({"format": MODEL_FORMAT, "model": self}, tmp, compress=3)
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: str | Path) -> Model:
        data = joblib.load(Path(path))
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ValueError(f"{path}: not a {MODEL_FORMAT} model file")
        model = data["model"]
        if not isinstance(model, Model):
            raise ValueError(f"{path}: unexpected content")
        return model


def extra_head_names(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Organisation heads: string-valued keys that are neither core labels nor metadata."""
    names: dict[str, None] = {}
    for row in rows:
        for key, value in row.items():
            if key not in CORE_KEYS and key not in META_KEYS and isinstance(value, str) and value:
                names[key] = None
    return list(names)


def _logreg(c: float, class_weight: str | None) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight=class_weight, max_iter=2000, solver="liblinear", random_state=0)


def _fit_head(
    name: str,
    kind: str,
    x: sp.csr_matrix,
    labels: Sequence[str],
    c: float,
    config: TrainConfig,
    weights: np.ndarray | None = None,
) -> Head:
    d = x.shape[1]
    classes = sorted(set(labels))
    if kind == "binary":
        y = np.asarray([lab == "1" for lab in labels], dtype=int)
        if y.min() == y.max():  # all one way: a constant head
            bias = 6.0 if y[0] == 1 else -6.0
            return Head(name, kind, [name], np.zeros((1, d), np.float32), np.asarray([bias], np.float32))
        clf = _logreg(c, config.binary_class_weight)
        clf.fit(x, y)
        threshold = config.risk_threshold if name.startswith("risk:") else config.motive_threshold
        if config.tune_thresholds:
            threshold = _tuned_threshold(x, y, c, config, threshold)
        return Head(name, kind, [name], clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32), threshold)
    if len(classes) == 1:
        return Head(name, kind, classes, np.zeros((1, d), np.float32), np.zeros(1, np.float32))
    # one-vs-rest logistic regressions (liblinear): much faster than a multinomial L-BFGS fit on
    # tens of thousands of n-gram columns, and as accurate here; probabilities are normalised sigmoids
    y = np.asarray(labels)
    class_weight = config.class_weight
    if weights is not None and class_weight == "balanced":
        # balance on the weighted counts: rows that count for less must not count fully in the balance
        total = {cls: float(weights[y == cls].sum()) for cls in classes}
        mean = sum(total.values()) / len(classes)
        weights = weights * np.asarray([mean / total[lab] for lab in y])
        class_weight = None
    coefs, intercepts = [], []
    for cls in classes:
        clf = _logreg(c, class_weight)
        clf.fit(x, (y == cls).astype(int), sample_weight=weights)
        coefs.append(clf.coef_[0])
        intercepts.append(clf.intercept_[0])
    return Head(name, "ovr", classes, np.vstack(coefs).astype(np.float32), np.asarray(intercepts, np.float32))


def _tuned_threshold(x: sp.csr_matrix, y: np.ndarray, c: float, config: TrainConfig, default: float) -> float:
    """The decision threshold that maximises F1 on out-of-fold probabilities (k folds of the training rows).

    A calibration of each binary head on data it was not fitted on: the dev split is never used.
    Falls back to `default` when there are too few positives to say.
    """
    positives = int(y.sum())
    folds = min(config.threshold_folds, positives, len(y) - positives)
    if folds < 3 or positives < 8:
        return default
    oof = np.zeros(len(y), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=7)
    for fit_idx, test_idx in splitter.split(np.zeros(len(y)), y):
        clf = _logreg(c, config.binary_class_weight)
        clf.fit(x[fit_idx], y[fit_idx])
        oof[test_idx] = clf.predict_proba(x[test_idx])[:, 1]
    best, best_f1 = default, -1.0
    for t in np.arange(0.15, 0.86, 0.025):
        pred = oof >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (float(pred.sum()) + positives) if positives else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    # shrink towards the default: the optimum on one small sample is noisy
    return round(0.75 * best + 0.25 * default, 3)


def data_fingerprint(rows: Sequence[dict[str, Any]]) -> str:
    h = hashlib.sha1()
    for row in rows:
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:12]


def train(
    rows: Sequence[dict[str, Any]],
    *,
    config: TrainConfig | None = None,
    lexicon: Lexicon | None = None,
    progress: Callable[[str], None] | None = None,
) -> Model:
    """Fit every head on labelled rows (LABELING.md keys). Rows missing a head's key do not train it."""
    config = config or TrainConfig()
    lexicon = lexicon or Lexicon.default()
    started = time.perf_counter()
    rows = [r for r in rows if isinstance(r.get("text"), str) and r["text"].strip()]
    if not rows:
        raise ValueError("no labelled rows with a text")
    prepared: list[Prepared] = [prepare(r["text"], lexicon, lang=r.get("lang")) for r in rows]
    featurizer = Featurizer(
        lexicon.groups,
        char_max=config.char_max,
        word_max=config.word_max,
        subword=config.subword,
        max_features=config.max_features,
        dense_weight=config.dense_weight,
        use_ngrams=config.use_ngrams and len(rows) >= 20,
    )
    # the n-gram vocabulary comes from the organisation's own rows; borrowed rows (weight < 1) are
    # only projected onto it, so a large borrowed set cannot crowd out the complaint vocabulary
    own = [p for p, r in zip(prepared, rows, strict=True) if _weight(r) >= 1.0] or prepared
    featurizer.fit(prepared if config.borrowed_vocabulary else own)
    x = featurizer.transform(prepared)
    heads: dict[str, Head] = {}

    row_weights = np.asarray([_weight(r) for r in rows], dtype=np.float64)

    def fit(
        name: str,
        kind: str,
        labels: list[str | None],
        c: float,
        full_weight: bool = False,
        sample_weights: np.ndarray | None = None,
    ) -> None:
        idx = [i for i, lab in enumerate(labels) if lab is not None]
        if not idx:
            return
        if progress:
            progress(name)
        w = row_weights[idx] if sample_weights is None else sample_weights[idx]
        weights = None if full_weight or np.all(w == 1.0) else w
        heads[name] = _fit_head(name, kind, x[idx], [labels[i] or "" for i in idx], c, config, weights)

    extras = extra_head_names(rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        borrowed = [_weight(r) < 1.0 for r in rows]
        social_weights = np.where(borrowed, 1.0, config.social_own_weight)
        has_register = False
        for head, allowed in SINGLE_HEADS.items():
            labels = [_single(r, head, allowed) for r in rows]
            if any(b and lab is not None for lab, b in zip(labels, borrowed, strict=True)):
                # the main head learns from the organisation's own rows only; a second head learns from
                # them and the borrowed rows (informal social-media text) together, and the analyser
                # mixes the two
                fit(f"{head}@mixed", "multiclass", labels, config.c_single, full_weight=True)
                if config.social_heads:
                    # for text in the borrowed rows' register (short social-media posts and comments):
                    # a head led by the borrowed rows, used as far as `register:social` says the text is one
                    fit(f"{head}@social", "multiclass", labels, config.c_social, sample_weights=social_weights)
                    if not has_register:
                        register = ["1" if b else "0" for b in borrowed]
                        fit("register:social", "binary", list(register), config.c_binary, full_weight=True)
                        has_register = True
                labels = [None if b else lab for lab, b in zip(labels, borrowed, strict=True)]
            fit(head, "multiclass", labels, config.c_single)
        fit("motive", "multiclass", [_first_motive(r) for r in rows], config.c_single)
        for motive in MOTIVES:
            fit(f"motive:{motive}", "binary", [_flag(r, "motives", motive) for r in rows], config.c_binary)
        for risk in RISKS:
            fit(f"risk:{risk}", "binary", [_flag(r, "risks", risk) for r in rows], config.c_binary)
        for name in extras:
            fit(f"extra:{name}", "multiclass", [_single(r, name, None) for r in rows], config.c_single)
    fingerprint = data_fingerprint(rows)
    info = {
        "rows": len(rows),
        "data_fingerprint": fingerprint,
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(time.perf_counter() - started, 2),
        "code": MODEL_CODE_VERSION,
        "config": {k: getattr(config, k) for k in config.__dataclass_fields__},
    }
    return Model(f"{MODEL_FORMAT}+{MODEL_CODE_VERSION}.{fingerprint}", featurizer, heads, extras, info)


def _weight(row: dict[str, Any]) -> float:
    """A row's weight in training (key "weight", default 1): borrowed data can count for less."""
    w = row.get("weight", 1.0)
    return float(w) if isinstance(w, int | float) and w > 0 else 1.0


def _single(row: dict[str, Any], key: str, allowed: Sequence[str] | None) -> str | None:
    value = row.get(key)
    if not isinstance(value, str) or not value or (allowed is not None and value not in allowed):
        return None
    return value


def _first_motive(row: dict[str, Any]) -> str | None:
    motives = row.get("motives")
    if isinstance(motives, list) and motives and motives[0] in MOTIVES:
        return str(motives[0])
    return None


def _flag(row: dict[str, Any], key: str, label: str) -> str | None:
    values = row.get(key)
    if not isinstance(values, list):
        return None
    return "1" if label in values else "0"
