"""The playbook applied to a stored complaint: plan, reply coach and draft (see playbook/)."""

from __future__ import annotations

from typing import Any

from ..adapters.db.tables import Complaint
from .actors import Actor


def coach_for(complaint: Complaint, reply: str, actor: Actor) -> dict[str, Any] | None:
    """The coach's verdict on a reply to this complaint, or None while the playbook is not installed."""
    from .. import playbook

    coach = getattr(playbook, "coach", None)
    if not callable(coach):
        return None
    result = coach(reply, complaint=complaint.text, lang=complaint.language)
    return result.to_dict() if hasattr(result, "to_dict") else dict(result)
