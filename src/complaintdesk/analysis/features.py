"""Features of a complaint text: lexicon cue counts, style measures, character n-grams.

The lexicon and style features carry meaning that transfers across writers and languages (an
anger word is an anger word whoever wrote it); the character n-grams of the normalised text add
what the lexicon misses. Both feed the linear heads of `model.py`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from .amounts import amounts_in
from .lexicon import Cue, Lexicon
from .result import Amount
from .text import detect_language, normalize


@dataclass(slots=True)
class Prepared:
    """One text made ready for the heads."""

    text: str
    norm: str
    lang: str
    cues: list[Cue]
    amounts: list[Amount]


def prepare(text: str, lexicon: Lexicon, *, lang: str | None = None, default_currency: str | None = None) -> Prepared:
    norm = normalize(text)
    language = lang if lang in ("zh-Hans", "zh-Hant", "en") else detect_language(text)
    amounts = amounts_in(text, norm, language, default_currency)
    return Prepared(text, norm, language, lexicon.match(norm), amounts)


_DATE_TIME = re.compile(
    r"\d{1,2}:\d{2}|\d{1,2}\s?[月]\s?\d{1,2}\s?[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|[上下]午\s?\d|\d+\s?点|\d+\s?號"
)
_ONE_DIGIT = re.compile(r"\d")
_DIGIT_GROUP = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?。！？]+|\n+")
_LIST_MARK = re.compile(r"(?:^|\n)\s*(?:\d+[.)、]|[-•*]|[(（]?[一二三四五][)）、])")
_QUOTES = re.compile(r"[“”「」『』\"]")
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|:\)|:\(|:-\)|:-\(")
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_YOU = re.compile(r"你们|你|贵公司|贵司|您|\byou(?:r|rs)?\b")
_WE = re.compile(r"我们|\bwe\b|\bour\b|\bus\b")
_LANGS = ("zh-Hans", "zh-Hant", "en")

STYLE_NAMES = (
    "len", "excl", "excl_multi", "quest", "ends_quest", "caps", "digit_ratio", "digit_groups", "dates",
    "amounts", "lines", "sentences", "sent_len", "emoji", "quotes", "list_marks", "you", "we",
    "lang_zh-Hans", "lang_zh-Hant", "lang_en",
)  # fmt: skip


def style_features(p: Prepared) -> list[float]:
    text, norm = p.text, p.norm
    n = max(len(text), 1)
    sentences = [s for s in _SENTENCE_END.split(norm) if s.strip()]
    digits = len(_ONE_DIGIT.findall(norm))
    log = math.log1p
    return [
        log(n) / 6.0,
        log(norm.count("!")),
        1.0 if "!!" in norm else 0.0,
        log(norm.count("?")),
        1.0 if norm.rstrip().endswith("?") else 0.0,
        log(len(_CAPS_WORD.findall(text))),
        min(digits / n * 5.0, 1.0),
        log(len(_DIGIT_GROUP.findall(norm))),
        log(len(_DATE_TIME.findall(norm))),
        log(len(p.amounts)),
        log(norm.count("\n")),
        log(len(sentences)),
        min(n / max(len(sentences), 1) / 60.0, 2.0),
        log(len(_EMOJI.findall(text))),
        log(len(_QUOTES.findall(text))),
        log(len(_LIST_MARK.findall(norm))),
        log(len(_YOU.findall(norm))),
        log(len(_WE.findall(norm))),
        *(1.0 if p.lang == lang else 0.0 for lang in _LANGS),
    ]


def cue_features(p: Prepared, groups: Sequence[str], index: dict[str, int]) -> list[float]:
    counts = [0.0] * (2 * len(groups))
    offset = len(groups)
    for cue in p.cues:
        for g in cue.groups:
            i = index.get(g)
            if i is not None:
                counts[i + offset if cue.negated else i] += 1.0
    return [math.log1p(c) for c in counts]


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD_TOKEN = re.compile(r"[a-z][a-z']*|\d+(?:[.,]\d+)*")
_DIGITS = re.compile(r"\d")


def text_grams(norm: str, char_max: int = 3, word_max: int = 2, subword: bool = False) -> list[str]:
    """The n-grams of one normalised text.

    Chinese (runs of Han characters, already folded to Simplified so both scripts share them):
    character 1..`char_max`-grams that do not cross punctuation or Latin text. Latin-script text
    (English, or English words inside Chinese): word 1..`word_max`-grams, prefixed so they never
    collide with Chinese grams, digits folded to 0 (an order number is not a word); with `subword`
    also character 4-grams inside words ("refund" in "refunded", typos).
    """
    out: list[str] = []
    for run in _HAN_RUN.findall(norm):
        n = len(run)
        for k in range(1, char_max + 1):
            if k == 1:
                out.extend(run)
            elif n >= k:
                out.extend(run[i : i + k] for i in range(n - k + 1))
    words = _WORD_TOKEN.findall(norm)
    if words:
        words = ["#" + _DIGITS.sub("0", w) if w[0].isdigit() else w for w in words]
        out.extend("w " + w for w in words)
        for k in range(2, word_max + 1):
            out.extend("w " + " ".join(words[i : i + k]) for i in range(len(words) - k + 1))
        if subword:
            for w in words:
                if len(w) > 4 and w[0] != "#":
                    padded = f"<{w}>"
                    out.extend("s " + padded[i : i + 4] for i in range(len(padded) - 3))
    return out


class Ngrams:
    """TF-IDF of `text_grams` with a fast transform for short texts.

    Fitting uses scikit-learn's TfidfVectorizer (sublinear tf, l2 norm) with `text_grams` as the
    analyser; the transform is re-implemented with plain dict look-ups and one CSR build per batch,
    which is several times faster than scikit-learn's per-document machinery and gives the same matrix.
    """

    def __init__(
        self, char_max: int = 3, word_max: int = 2, subword: bool = False, max_features: int = 40000, min_df: int = 2
    ) -> None:
        self.char_max = char_max
        self.word_max = word_max
        self.subword = subword
        self.max_features = max_features
        self.min_df = min_df
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0, dtype=np.float32)

    def grams(self, text: str) -> list[str]:
        return text_grams(text, self.char_max, self.word_max, self.subword)

    def fit(self, texts: Sequence[str]) -> Ngrams:
        vec = TfidfVectorizer(
            analyzer=self.grams,
            min_df=self.min_df,
            max_features=self.max_features,
            sublinear_tf=True,
            dtype=np.float32,
        ).fit(texts)
        self.vocabulary = {str(k): int(v) for k, v in vec.vocabulary_.items()}
        self.idf = vec.idf_.astype(np.float32)
        return self

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        get = self.vocabulary.get
        indptr = [0]
        indices: list[int] = []
        counts: list[float] = []
        for text in texts:
            row: Counter[int | None] = Counter(map(get, self.grams(text)))
            row.pop(None, None)
            indices.extend(row)  # type: ignore[arg-type]
            counts.extend(row.values())
            indptr.append(len(indices))
        data: np.ndarray = np.asarray(counts, dtype=np.float32)
        idx = np.asarray(indices, dtype=np.int32)
        if len(data):
            data = (np.log(data) + 1.0) * self.idf[idx]
        m = sp.csr_matrix((data, idx, np.asarray(indptr, dtype=np.int32)), shape=(len(texts), self.size))
        sq = np.asarray(m.multiply(m).sum(axis=1)).ravel()
        norms = np.sqrt(sq, dtype=np.float32)
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ m, dtype=np.float32)


class Featurizer:
    """Turns prepared texts into one sparse matrix: [char n-grams | weight * (cues, style)]."""

    def __init__(
        self,
        groups: Sequence[str],
        *,
        char_max: int = 3,
        word_max: int = 2,
        subword: bool = False,
        max_features: int = 40000,
        dense_weight: float = 1.0,
        use_ngrams: bool = True,
    ) -> None:
        self.groups = tuple(groups)
        self.index = {g: i for i, g in enumerate(self.groups)}
        self.dense_weight = dense_weight
        self.use_ngrams = use_ngrams
        self.ngrams = Ngrams(char_max, word_max, subword, max_features)

    @property
    def dense_names(self) -> list[str]:
        return [*self.groups, *(f"neg:{g}" for g in self.groups), *STYLE_NAMES]

    def dense(self, prepared: Sequence[Prepared]) -> np.ndarray:
        rows = [cue_features(p, self.groups, self.index) + style_features(p) for p in prepared]
        return np.asarray(rows, dtype=np.float32).reshape(len(prepared), -1) * self.dense_weight

    def fit(self, prepared: Sequence[Prepared]) -> Featurizer:
        if self.use_ngrams:
            self.ngrams.fit([p.norm for p in prepared])
        return self

    def fit_transform(self, prepared: Sequence[Prepared]) -> sp.csr_matrix:
        dense = sp.csr_matrix(self.dense(prepared))
        if not self.use_ngrams:
            return dense
        texts = [p.norm for p in prepared]
        grams = self.ngrams.fit(texts).transform(texts)
        return sp.hstack([grams, dense], format="csr")

    def transform(self, prepared: Sequence[Prepared]) -> sp.csr_matrix:
        dense = sp.csr_matrix(self.dense(prepared))
        if not self.use_ngrams:
            return dense
        grams = self.ngrams.transform([p.norm for p in prepared])
        return sp.hstack([grams, dense], format="csr")
