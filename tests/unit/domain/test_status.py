from __future__ import annotations

import pytest

from complaintdesk.domain.errors import IllegalTransition
from complaintdesk.domain.status import TRANSITIONS, Action, Status, allowed_actions, transition


@pytest.mark.parametrize(("status", "action", "after"), [(s, a, t) for (s, a), t in TRANSITIONS.items()])
def test_every_legal_transition(status: Status, action: Action, after: Status) -> None:
    assert transition(status, action) is after


ILLEGAL = [(s, a) for s in Status for a in Action if (s, a) not in TRANSITIONS]


@pytest.mark.parametrize(("status", "action"), ILLEGAL)
def test_every_illegal_transition_is_refused_with_the_allowed_actions(status: Status, action: Action) -> None:
    with pytest.raises(IllegalTransition) as info:
        transition(status, action)
    assert f"cannot {action.value}" in info.value.message
    for allowed in allowed_actions(status):
        assert allowed.value in info.value.message


def test_closing_only_after_resolution_and_follow_up_only_after_closing() -> None:
    assert Action.CLOSE not in allowed_actions(Status.IN_PROGRESS)
    assert Action.FOLLOW_UP not in allowed_actions(Status.RESOLVED)
    assert allowed_actions(Status.FOLLOWED_UP) == [Action.REOPEN]
