"""The unit of work: one transaction per use case. Services are the only place that commits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..domain.errors import Conflict

Clock = Callable[[], datetime]
T = TypeVar("T")


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at `moment`: for recording history that happened earlier (imports, demo data)."""

    def clock() -> datetime:
        return moment

    return clock


class UnitOfWork:
    """`with uow:` opens a session; `uow.commit()` commits; leaving without commit rolls back."""

    session: Session

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = system_clock) -> None:
        self._factory = session_factory
        self.clock = clock

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self._memo: dict[Any, Any] = {}
        return self

    def memo(self, key: Any, load: Callable[[], T]) -> T:
        """`load()` once per transaction: for rows many steps of one use case read (organisation, webhooks).
        None is not remembered: what did not exist yet may be created later in the transaction."""
        if key in self._memo:
            return self._memo[key]
        value = load()
        if value is not None:
            self._memo[key] = value
        return value

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # closing discards anything not committed; objects read in the block stay readable (detached)
        try:
            if exc_type is not None:
                self.session.rollback()
        finally:
            self.session.close()

    def now(self) -> datetime:
        return self.clock()

    def commit(self) -> None:
        try:
            self.session.commit()
        except StaleDataError:
            self.session.rollback()
            raise Conflict("the complaint was changed by someone else at the same time; reload and try again") from None
        except IntegrityError as exc:
            self.session.rollback()
            raise Conflict(f"the change conflicts with existing data: {exc.orig}") from None
