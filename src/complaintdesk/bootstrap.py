"""Wiring: settings -> engine -> unit of work -> analyser. Called by the CLI, the server and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .adapters.db.engine import make_engine, make_session_factory
from .adapters.db.migrate import upgrade
from .analysis.result import Analysis, CustomerContext
from .config import Settings
from .services.intake import Analyse
from .services.uow import Clock, UnitOfWork, system_clock


def default_analyse(text: str, customer: CustomerContext, currency: str) -> Analysis:
    from .analysis import analyze  # the model loads on first use, not at import

    return analyze(text, customer=customer, default_currency=currency)


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock = system_clock
    analyse: Analyse = field(default=default_analyse)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.clock)


def build(
    settings: Settings | None = None,
    *,
    clock: Clock = system_clock,
    analyse: Analyse | None = None,
    migrate: bool = True,
) -> Container:
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    return Container(settings, engine, make_session_factory(engine), clock, analyse or default_analyse)
