"""The playbook for the web pages: plan, coach and draft of a complaint, or None while not available.

The playbook is wired in services/advice.py; until every helper is there (or when it fails), the pages
show a "not available" note instead of an error. Nothing here changes data.
"""

from __future__ import annotations

import logging
from typing import Any

from ..adapters.db.tables import Complaint
from . import advice
from .actors import Actor

log = logging.getLogger("complaintdesk.web")


def _call(name: str, *args: Any, **kwargs: Any) -> Any:
    helper = getattr(advice, name, None)
    if helper is None:
        return None
    try:
        return helper(*args, **kwargs)
    except Exception:  # an unfinished playbook must not take the complaint page down
        log.exception("advice.%s failed", name)
        return None


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, dict | list | str):
        return value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def coach_installed() -> bool:
    """Whether the reply coach is wired (without running it)."""
    return callable(getattr(advice, "coach_for", None))


def coach(complaint: Complaint, reply: str, actor: Actor) -> dict[str, Any] | None:
    """{"violations": [{rule, message, principle, suggestion, span, evidence}], ...} or None."""
    result = _plain(_call("coach_for", complaint, reply, actor))
    return result if isinstance(result, dict) else None


def plan(complaint: Complaint, actor: Actor) -> dict[str, Any] | None:
    result = _plain(_call("plan_for", complaint, actor))
    return result if isinstance(result, dict) else None


def draft(complaint: Complaint, actor: Actor, commitment_due: Any = None) -> str | None:
    result = _plain(
        _call("draft_for", complaint, actor, commitment_due)
        if commitment_due is not None
        else _call("draft_for", complaint, actor)
    )
    if isinstance(result, dict):
        text = result.get("text") or result.get("body")
        return str(text) if text else None
    return result if isinstance(result, str) and result else None
