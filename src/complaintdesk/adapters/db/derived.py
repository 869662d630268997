"""Columns derived from other rows, kept up to date on every flush.

`complaints.next_due_at` is the earliest due time of the complaint's pending clocks (neither met nor
cancelled; a breached clock stays pending until met). The inbox sorts by it; computing it per row in
the query cost ~0.6 s at 100,000 complaints, a stored column ~0.07 s.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from .tables import Clock, Complaint


def next_due_subquery() -> Any:
    return (
        select(func.min(Clock.due_at))
        .where(Clock.complaint_id == Complaint.id, Clock.met_at.is_(None), Clock.cancelled_at.is_(None))
        .scalar_subquery()
    )


def refresh_next_due(session: Session, complaint_ids: set[int] | None = None) -> None:
    """Recompute next_due_at for these complaints (all when None), in the session's transaction."""
    stmt = update(Complaint.__table__).values(next_due_at=next_due_subquery())  # type: ignore[arg-type]
    if complaint_ids is not None:
        stmt = stmt.where(Complaint.__table__.c.id.in_(sorted(complaint_ids)))
    session.connection().execute(stmt)


def _after_flush(session: Session, _context: Any) -> None:
    touched = {
        obj.complaint_id
        for obj in (*session.new, *session.dirty, *session.deleted)
        if isinstance(obj, Clock) and obj.complaint_id is not None
    }
    if touched:
        refresh_next_due(session, touched)


def track_derived_columns(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
