"""Helpers for the playbook tests."""

from __future__ import annotations

from typing import Any

from complaintdesk.analysis.result import Amount, Analysis
from complaintdesk.playbook import NEUTRAL_LABELS


def analysis(**fields: Any) -> Analysis:
    """An analysis with neutral labels, overridden by `fields`."""
    data: dict[str, Any] = {"language": "en", **NEUTRAL_LABELS}
    data.update(fields)
    data["amounts"] = [a if isinstance(a, Amount) else Amount(float(a), "GBP") for a in data["amounts"]]
    return Analysis(**data)
