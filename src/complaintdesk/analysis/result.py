"""The result of analysing one complaint text: the contract between the analyser and its users.

The playbook, the API, the web pages and the reports read only this type, never the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the analysed text that drove a label: [start, end) in characters of the original text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    currency: str  # ISO 4217
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "currency": self.currency}


@dataclass(frozen=True, slots=True)
class CustomerContext:
    """What the customer record adds to the priority rule."""

    vip: bool = False
    prior_complaints: int = 0  # earlier complaints by the same customer
    repeat_matter: bool = False  # an earlier complaint about the same matter


@dataclass(slots=True)
class Analysis:
    language: str  # zh-Hans | zh-Hant | en
    nature: str
    category: str
    emotion: str
    motives: list[str]
    temperament: str
    risks: list[str]
    amounts: list[Amount]
    priority: str  # P1..P4
    priority_reasons: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    # organisation-defined extra heads, e.g. {"telecom_phenomenon": "signal"}
    extra: dict[str, str] = field(default_factory=dict)
    model_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "nature": self.nature,
            "category": self.category,
            "emotion": self.emotion,
            "motives": list(self.motives),
            "temperament": self.temperament,
            "risks": list(self.risks),
            "amounts": [a.to_dict() for a in self.amounts],
            "priority": self.priority,
            "priority_reasons": list(self.priority_reasons),
            "confidence": {k: round(v, 4) for k, v in self.confidence.items()},
            "evidence": {k: [s.to_dict() for s in spans] for k, spans in self.evidence.items()},
            "extra": dict(self.extra),
            "model_version": self.model_version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            language=data["language"],
            nature=data["nature"],
            category=data["category"],
            emotion=data["emotion"],
            motives=list(data.get("motives", [])),
            temperament=data["temperament"],
            risks=list(data.get("risks", [])),
            amounts=[Amount(float(a["value"]), a["currency"]) for a in data.get("amounts", [])],
            priority=data["priority"],
            priority_reasons=list(data.get("priority_reasons", [])),
            confidence=dict(data.get("confidence", {})),
            evidence={
                k: [Span(int(s["start"]), int(s["end"]), s["text"]) for s in spans]
                for k, spans in data.get("evidence", {}).items()
            },
            extra=dict(data.get("extra", {})),
            model_version=data.get("model_version", ""),
        )
