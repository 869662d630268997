"""Helpers for the playbook tests."""

from __future__ import annotations

from typing import Any

from complaintdesk.analysis.result import Amount, Analysis


def analysis(**fields: Any) -> Analysis:
    """An analysis with neutral labels, overridden by `fields`."""
    data: dict[str, Any] = {
        "language": "en",
        "nature": "help_seeking",
        "category": "service_quality",
        "emotion": "calm",
        "motives": [],
        "temperament": "phlegmatic",
        "risks": [],
        "amounts": [],
        "priority": "P3",
    }
    data.update(fields)
    data["amounts"] = [a if isinstance(a, Amount) else Amount(float(a), "GBP") for a in data["amounts"]]
    return Analysis(**data)
