"""Fakes for tests: a controllable clock and a tiny deterministic analyser (no model)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from complaintdesk.analysis.result import Analysis, CustomerContext


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


def fake_analyse(text: str, customer: CustomerContext, currency: str) -> Analysis:
    """Keyword rules good enough to drive the workflow tests; the real analyser has its own tests."""
    lower = text.lower()
    risks = [
        r
        for r, words in {
            "legal": ("lawyer", "律师", "律師"),
            "safety": ("injur", "受伤", "受傷"),
            "repeat": ("again",),
        }.items()
        if any(w in lower for w in words)
    ]
    if customer.repeat_matter and "repeat" not in risks:
        risks.append("repeat")
    if risks and risks != ["repeat"]:
        priority = "P1"
    elif customer.vip or "repeat" in risks:
        priority = "P2"
    else:
        priority = "P3"
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return Analysis(
        language="zh-Hans" if cjk else "en",
        nature="effective" if "charged" in lower else "venting",
        category="equipment" if "lift" in lower else "service_quality",
        emotion="anger" if "!" in text else "dissatisfaction",
        motives=["fix"],
        temperament="choleric",
        risks=risks,
        amounts=[],
        priority=priority,
        priority_reasons=[f"fake: {priority}"],
        confidence={"nature": 0.5},
        model_version="fake",
    )
