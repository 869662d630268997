"""Engines and sessions for SQLite (default, WAL mode) and PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


class WriterGate:
    """One SQLite transaction at a time per process, queued on a lock rather than in SQLite's busy handler.

    Every transaction begins IMMEDIATE (it takes the write lock), and SQLite makes the others wait by
    sleeping and polling in steps that grow to 100 ms: with eight requests at once the tail latency grew to
    seconds. Threads of one process now wait on this lock and start the moment it is free; other processes
    still meet SQLite's busy handler. A transaction that waited 30 s goes ahead and lets SQLite decide."""

    def __init__(self, timeout: float = 30.0) -> None:
        self._lock = threading.Lock()  # not an RLock: a transaction may end on another thread of the pool
        self._timeout = timeout

    def begin(self, conn: Any) -> None:
        acquired = self._lock.acquire(timeout=self._timeout)
        conn.info["writer_gate"] = acquired
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            self.end(conn)
            raise

    def end(self, conn: Any) -> None:
        if conn.info.pop("writer_gate", False):
            self._lock.release()


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # let SQLAlchemy, not the driver, start transactions: BEGIN IMMEDIATE takes the write lock
            # at once, so two writers queue instead of failing halfway through.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        gate = WriterGate()
        event.listen(engine, "begin", gate.begin)
        event.listen(engine, "commit", gate.end)
        event.listen(engine, "rollback", gate.end)

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    from .derived import track_derived_columns

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    track_derived_columns(factory)
    return factory
