"""Handling advice (SPEC section 3): handling plans, the reply coach, first-reply drafts and
learning from outcomes. Pure functions over `complaintdesk.analysis.Analysis`; every rule, phrase
and text is data under `playbook/data/` (docs/playbook-format.md).

    plan = make_plan(analysis, PlanContext(remedy_limit=200, currency="CNY", handler_name="王丽"))
    result = coach(reply, complaint=text, lang="zh-Hans")
    draft = draft_reply(analysis, DraftContext("王丽", "021-6432 7788", commit_by=when))
"""

from ._data import Playbook, PlaybookDataError, load_playbook
from ._text import detect_language
from .coach import CoachContext, CoachResult, Violation, coach
from .draft import Draft, DraftContext, draft_reply
from .outcomes import Effect, OutcomeRecord, OutcomeReport, learn_from_outcomes
from .plan import NEUTRAL_LABELS, Plan, PlanContext, PlanStep, make_plan

__all__ = [
    "NEUTRAL_LABELS",
    "CoachContext",
    "CoachResult",
    "Draft",
    "DraftContext",
    "Effect",
    "OutcomeRecord",
    "OutcomeReport",
    "Plan",
    "PlanContext",
    "PlanStep",
    "Playbook",
    "PlaybookDataError",
    "Violation",
    "coach",
    "detect_language",
    "draft_reply",
    "learn_from_outcomes",
    "load_playbook",
    "make_plan",
]
