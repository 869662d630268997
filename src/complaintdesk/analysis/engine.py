"""The analyser: text in, `Analysis` out.

`Analyzer` wraps one trained `Model` with the rule-based parts (language, amounts, priority,
evidence). `default_analyzer()` loads the default model once, lazily and thread-safely:
$COMPLAINTDESK_MODEL, else var/models/analysis.joblib under the working folder, else it trains
the default model from the repository's data/analysis/train_*.jsonl and saves it there.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..domain.labels import MOTIVES, RISKS, SINGLE_HEADS
from .corpus import borrowed_rows, default_training_files, load_labelled
from .features import Prepared, prepare
from .lexicon import Lexicon
from .model import MODEL_CODE_VERSION, Model, data_fingerprint, train
from .priority import TOP_RISKS, priority_for
from .result import Analysis, CustomerContext, Span

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = Path("var/models/analysis.joblib")  # under $COMPLAINTDESK_VAR when that is set
MAX_SPANS = 8
# risks that are said in so many words: a cue of this lexicon group (not negated) is enough by itself;
# the `rule.*` groups hold only the unambiguous core of each risk (the broader `risk.*` groups feed the model)
RULE_RISKS = {"legal": "rule.legal", "media": "rule.media", "abuse": "rule.abuse", "regulator": "rule.regulator"}
# share of the `<head>@mixed` head (own rows + borrowed social-media rows) in the final probabilities
MIXED_WEIGHT = {"en": 0.25, "zh-Hans": 0.4, "zh-Hant": 0.4}
# how strongly the `register:social` probability hands a single-label head over to its `@social` head
SOCIAL_GAIN = 1.0
_FALLBACK = {"nature": "venting", "category": "service_quality", "emotion": "dissatisfaction",
             "temperament": "phlegmatic", "motive": "fix"}  # fmt: skip


class Analyzer:
    """A loaded model plus the rules around it. Safe to share between threads (read-only)."""

    def __init__(self, model: Model, lexicon: Lexicon | None = None) -> None:
        self.model = model
        self.lexicon = lexicon or Lexicon.default()
        # every head's weights in one contiguous (features, scores) matrix: one sparse product per
        # batch instead of one per head (each of which copied the transposed weights)
        heads = list(model.heads.values())
        coefs = [h.coef for h in heads] or [np.zeros((0, 0), np.float32)]
        self._weights = np.ascontiguousarray(np.vstack(coefs).T, dtype=np.float32)
        self._bias = np.concatenate([h.intercept for h in heads] or [np.zeros(0, np.float32)]).astype(np.float32)
        bounds = [int(b) for b in np.cumsum([0, *(len(h.intercept) for h in heads)])]
        self._slices = [
            (name, h, a, b) for (name, h), a, b in zip(model.heads.items(), bounds[:-1], bounds[1:], strict=True)
        ]

    @classmethod
    def load(cls, path: str | Path) -> Analyzer:
        return cls(Model.load(path))

    @property
    def version(self) -> str:
        return self.model.version

    def analyze(
        self,
        text: str,
        *,
        lang: str | None = None,
        customer: CustomerContext | None = None,
        default_currency: str | None = None,
    ) -> Analysis:
        return self.analyze_batch([text], langs=[lang], customers=[customer], default_currency=default_currency)[0]

    def analyze_batch(
        self,
        texts: Sequence[str],
        *,
        langs: Sequence[str | None] | None = None,
        customers: Sequence[CustomerContext | None] | None = None,
        default_currency: str | None = None,
    ) -> list[Analysis]:
        if not texts:
            return []
        langs = langs or [None] * len(texts)
        customers = customers or [None] * len(texts)
        prepared = [
            prepare(t or "", self.lexicon, lang=lg, default_currency=default_currency)
            for t, lg in zip(texts, langs, strict=True)
        ]
        x = self.model.featurizer.transform(prepared)
        probs: dict[str, list[list[float]]] = {}
        if self._slices:
            z = np.asarray(x @ self._weights) + self._bias
            probs = {name: head.activate(z[:, a:b]).tolist() for name, head, a, b in self._slices}
        return [self._assemble(i, p, probs, c) for i, (p, c) in enumerate(zip(prepared, customers, strict=True))]

    # -- one result ---------------------------------------------------------------------------

    def _single(self, name: str, i: int, probs: dict[str, list[list[float]]]) -> tuple[str, float]:
        head = self.model.heads.get(name)
        if head is None:
            return _FALLBACK.get(name, ""), 0.0
        row = probs[name][i]
        k = max(range(len(row)), key=row.__getitem__)
        return head.classes[k], row[k]

    def _assemble(
        self, i: int, p: Prepared, probs: dict[str, list[list[float]]], customer: CustomerContext | None
    ) -> Analysis:
        confidence: dict[str, float] = {}
        labels: dict[str, str] = {}
        social = probs["register:social"][i][0] if "register:social" in probs else 0.0
        for head in SINGLE_HEADS:
            labels[head], confidence[head] = self._single(head, i, probs)
            mixed = self.model.heads.get(f"{head}@mixed")
            w = MIXED_WEIGHT.get(p.lang, 0.0)
            if mixed is not None and w > 0 and mixed.classes == self.model.heads[head].classes:
                row = [(1 - w) * a + w * b for a, b in zip(probs[head][i], probs[f"{head}@mixed"][i], strict=True)]
                gated = self.model.heads.get(f"{head}@social")
                if gated is not None and gated.classes == mixed.classes and social > 0:
                    # social-media register: the head led by the borrowed rows takes over in proportion
                    share = min(1.0, SOCIAL_GAIN * social)
                    row = [(1 - share) * a + share * b for a, b in zip(row, probs[f"{head}@social"][i], strict=True)]
                k = max(range(len(row)), key=row.__getitem__)
                labels[head], confidence[head] = mixed.classes[k], row[k]

        primary, confidence["motives"] = self._single("motive", i, probs)
        scored = []
        for m in MOTIVES:
            m_head = self.model.heads.get(f"motive:{m}")
            if m_head is not None and m != primary:
                pm = probs[f"motive:{m}"][i][0]
                if pm >= m_head.threshold:
                    scored.append((pm, m))
        motives = [primary, *(m for _, m in sorted(scored, reverse=True))][:3]

        risks: list[str] = []
        certainty: list[float] = []
        said = {g for cue in p.cues if not cue.negated for g in cue.groups}
        for r in RISKS:
            r_head = self.model.heads.get(f"risk:{r}")
            if r_head is None:
                continue
            pr = probs[f"risk:{r}"][i][0]
            if pr >= r_head.threshold or RULE_RISKS.get(r) in said:
                risks.append(r)
            certainty.append(max(pr, 1.0 - pr))
        if customer is not None and customer.repeat_matter and "repeat" not in risks:
            risks.append("repeat")
        confidence["risks"] = sum(certainty) / len(certainty) if certainty else 0.0

        decision = priority_for(
            nature=labels["nature"], category=labels["category"], emotion=labels["emotion"],
            risks=risks, amounts=p.amounts, customer=customer, motives=motives,
        )  # fmt: skip
        confidence["priority"] = min(confidence[h] for h in ("nature", "category", "emotion", "risks"))
        confidence["amounts"] = 0.9 if p.amounts else 0.8
        confidence["language"] = 1.0

        extra: dict[str, str] = {}
        for name in self.model.extra_heads:
            if f"extra:{name}" in self.model.heads:
                extra[name], confidence[name] = self._single(f"extra:{name}", i, probs)

        by_group: dict[str, list[Span]] = {}
        for cue in p.cues:
            if not cue.negated:
                span = Span(cue.start, cue.end, p.text[cue.start : cue.end])
                for g in cue.groups:
                    by_group.setdefault(g, []).append(span)

        def spans(groups: list[str]) -> list[Span]:
            found = sorted({s for g in groups for s in by_group.get(g, ())}, key=lambda s: (s.start, -s.end))
            out: list[Span] = []
            for s in found:
                if out and s.start < out[-1].end:
                    continue  # inside a longer cue already kept
                out.append(s)
            return out[:MAX_SPANS]

        evidence = {
            "nature": spans([f"nature.{labels['nature']}"]),
            "category": spans([f"category.{labels['category']}"]),
            "emotion": spans([f"emotion.{labels['emotion']}"]),
            "temperament": spans([f"temperament.{labels['temperament']}"]),
            "motives": spans([f"motive.{m}" for m in motives]),
            "risks": spans([f"risk.{r}" for r in risks] + [RULE_RISKS[r] for r in risks if r in RULE_RISKS]),
            "amounts": [a.span for a in p.amounts if a.span is not None],
        }
        driving = [r.split(":", 1)[1] for r in decision.reasons if r.startswith("risk:")]
        priority_groups = [f"risk.{r}" for r in driving if r in TOP_RISKS or r == "repeat"]
        priority_groups += [RULE_RISKS[r] for r in driving if r in RULE_RISKS]
        if "category:emergency" in decision.reasons:
            priority_groups.append("category.emergency")
        evidence["priority"] = spans(priority_groups)
        if "amount>=5000" in decision.reasons:
            evidence["priority"] += [a.span for a in p.amounts if a.span is not None and a.value >= 5000]

        return Analysis(
            language=p.lang,
            nature=labels["nature"],
            category=labels["category"],
            emotion=labels["emotion"],
            motives=motives,
            temperament=labels["temperament"],
            risks=risks,
            amounts=list(p.amounts),
            priority=decision.priority,
            priority_reasons=decision.reasons,
            confidence=confidence,
            evidence=evidence,
            extra=extra,
            model_version=self.model.version,
        )


# -- the default analyser ---------------------------------------------------------------------

_default: Analyzer | None = None
_default_lock = threading.Lock()


def train_default_model() -> Model:
    files = default_training_files()
    if not files:
        raise FileNotFoundError("no data/analysis/train_*.jsonl found next to the package to train the default model")
    rows = [row for f in files for row in load_labelled(f)]
    return train(rows + borrowed_rows())


def _default_data_fingerprint() -> str | None:
    files = default_training_files()
    if not files:
        return None
    rows = [r for f in files for r in load_labelled(f)] + borrowed_rows()
    return data_fingerprint([r for r in rows if isinstance(r.get("text"), str) and r["text"].strip()])


def load_default_model() -> Model:
    env = os.environ.get("COMPLAINTDESK_MODEL")
    if env:
        return Model.load(env)
    var = os.environ.get("COMPLAINTDESK_VAR")
    path = Path(var) / "models" / "analysis.joblib" if var else DEFAULT_MODEL_PATH
    if path.is_file():
        try:
            model = Model.load(path)
        except Exception as exc:  # an older format or a damaged file: rebuild it
            log.info("analysis: cannot use %s (%s); retraining", path, exc)
        else:
            current = _default_data_fingerprint()
            if current is None or (
                model.info.get("data_fingerprint") == current and model.info.get("code") == MODEL_CODE_VERSION
            ):
                return model
            log.info("analysis: training data or analyser code changed since %s was built; retraining", path)
    model = train_default_model()
    model.save(path)
    log.info("analysis: trained the default model on %s rows in %ss, saved to %s",
             model.info["rows"], model.info["seconds"], path)  # fmt: skip
    return model


def default_analyzer() -> Analyzer:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer(load_default_model())
    return _default


def set_default_analyzer(analyzer: Analyzer | None) -> None:
    """Replace (or with None, forget) the default analyser; for tests and reloads."""
    global _default
    with _default_lock:
        _default = analyzer


def analyze(
    text: str,
    *,
    lang: str | None = None,
    customer: CustomerContext | None = None,
    default_currency: str | None = None,
) -> Analysis:
    """Analyse one complaint with the default analyser."""
    return default_analyzer().analyze(text, lang=lang, customer=customer, default_currency=default_currency)
