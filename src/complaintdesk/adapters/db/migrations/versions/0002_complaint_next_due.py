"""complaints.next_due_at: the earliest pending clock, stored for the urgency sort

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaintdesk.adapters.db.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.add_column(sa.Column("next_due_at", complaintdesk.adapters.db.types.UTCDateTime(), nullable=True))
    op.execute(
        "UPDATE complaints SET next_due_at = (SELECT MIN(due_at) FROM clocks WHERE clocks.complaint_id = complaints.id"
        " AND clocks.met_at IS NULL AND clocks.cancelled_at IS NULL)"
    )


def downgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("next_due_at")
