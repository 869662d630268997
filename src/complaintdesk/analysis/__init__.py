"""Complaint analysis: nature, category, emotion, motives, temperament, risks, amounts, priority.

Public interface::

    analyze(text, lang=None, customer=None, default_currency=None) -> Analysis   # default analyser
    Analyzer.load(path).analyze(...) / .analyze_batch(texts)
    detect_language(text) -> "zh-Hans" | "zh-Hant" | "en"
    extract_amounts(text, lang, default_currency) -> list[Amount]
    priority_for(nature=..., category=..., emotion=..., risks=..., amounts=..., customer=...)

Nothing is loaded at import time; the default model is loaded (or trained) on first use.
"""

from __future__ import annotations

from .amounts import extract_amounts
from .engine import Analyzer, analyze, default_analyzer, set_default_analyzer
from .model import Model, TrainConfig, train
from .priority import PriorityDecision, priority_for
from .result import Amount, Analysis, CustomerContext, Span
from .text import detect_language, normalize

__all__ = [
    "Amount",
    "Analysis",
    "Analyzer",
    "CustomerContext",
    "Model",
    "PriorityDecision",
    "Span",
    "TrainConfig",
    "analyze",
    "default_analyzer",
    "detect_language",
    "extract_amounts",
    "normalize",
    "priority_for",
    "set_default_analyzer",
    "train",
]
