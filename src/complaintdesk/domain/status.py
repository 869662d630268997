"""The complaint workflow as an explicit state machine (SPEC section 1).

The server enforces this table: `transition()` is the only way a status changes.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import IllegalTransition


class Status(StrEnum):
    RECEIVED = "received"  # taken in, tracking number given, nobody has answered yet
    ACKNOWLEDGED = "acknowledged"  # the customer has had a first response
    IN_PROGRESS = "in_progress"  # being investigated and acted on
    RESOLVED = "resolved"  # a solution is reached and told to the customer
    CLOSED = "closed"  # outcome recorded and communicated; follow-up pending
    FOLLOWED_UP = "followed_up"  # the satisfaction follow-up is done


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    START = "start"
    RESOLVE = "resolve"
    CLOSE = "close"
    FOLLOW_UP = "follow_up"
    REOPEN = "reopen"


TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.RECEIVED, Action.ACKNOWLEDGE): Status.ACKNOWLEDGED,
    (Status.RECEIVED, Action.START): Status.IN_PROGRESS,
    (Status.RECEIVED, Action.RESOLVE): Status.RESOLVED,  # solved on the spot
    (Status.ACKNOWLEDGED, Action.START): Status.IN_PROGRESS,
    (Status.ACKNOWLEDGED, Action.RESOLVE): Status.RESOLVED,
    (Status.IN_PROGRESS, Action.RESOLVE): Status.RESOLVED,
    (Status.RESOLVED, Action.CLOSE): Status.CLOSED,
    (Status.RESOLVED, Action.REOPEN): Status.IN_PROGRESS,
    (Status.CLOSED, Action.FOLLOW_UP): Status.FOLLOWED_UP,
    (Status.CLOSED, Action.REOPEN): Status.IN_PROGRESS,
    (Status.FOLLOWED_UP, Action.REOPEN): Status.IN_PROGRESS,
}

OPEN_STATUSES = frozenset({Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS})


def allowed_actions(status: Status) -> list[Action]:
    return [action for (src, action) in TRANSITIONS if src == status]


def transition(status: Status, action: Action) -> Status:
    """The status after `action`, or IllegalTransition with a message a person can act on."""
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        allowed = ", ".join(a.value for a in allowed_actions(status)) or "none"
        raise IllegalTransition(
            f"cannot {action.value} a complaint that is {status.value}; allowed now: {allowed}"
        ) from None
