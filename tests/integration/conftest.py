from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints.api.app import create_app
from complaintdesk.services import users

Headers = dict[str, str]


@pytest.fixture
def api(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container)) as client:
        yield client


@pytest.fixture
def make_user(container: Container) -> Callable[..., Headers]:
    def make(
        username: str, role: str = "handler", teams: tuple[str, ...] = ("Front desk",), email: str | None = None
    ) -> Headers:
        with container.uow() as uow:
            _, token = users.create_user(uow, username, role, teams=list(teams), email=email)
            uow.commit()
        return {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
def handler(make_user: Callable[..., Headers]) -> Headers:
    return make_user("hana", "handler")


@pytest.fixture
def supervisor(make_user: Callable[..., Headers]) -> Headers:
    return make_user("sam", "supervisor", email="sam@example.org")


COMPLAINT = {
    "text": "The lift in block 3 has been broken for two weeks and my mother cannot get down!",
    "name": "Li Wei",
    "email": "li.wei@example.org",
    "phone": "+86 138 0000 1111",
    "location": "Block 3",
}
