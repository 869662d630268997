"""Typed dependencies: the container, a unit of work, the signed-in actor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ...bootstrap import Container
from ...domain.errors import AuthenticationFailed
from ...services import users
from ...services.actors import Actor
from ...services.uow import UnitOfWork

bearer = HTTPBearer(auto_error=False)


def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


def get_uow(container: ContainerDep) -> Iterator[UnitOfWork]:
    uow = container.uow()
    with uow:
        yield uow


UowDep = Annotated[UnitOfWork, Depends(get_uow)]


def get_actor(uow: UowDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Actor:
    """The user behind the Bearer API token."""
    if credentials is not None and credentials.scheme.lower() == "bearer":
        actor = Actor.of(users.user_for_token(uow, credentials.credentials))
        # end the look-up's transaction (on SQLite every transaction holds the write lock), so that a route
        # that works in its own units of work, like the sweep, does not wait for this one
        uow.session.commit()
        return actor
    raise AuthenticationFailed("send an API token as 'Authorization: Bearer <token>'")


ActorDep = Annotated[Actor, Depends(get_actor)]
