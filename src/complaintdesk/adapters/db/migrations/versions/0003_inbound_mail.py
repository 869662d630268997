"""inbound_mail: every e-mail taken in, as received, and what became of it

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import complaintdesk.adapters.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbound_mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("received_at", complaintdesk.adapters.db.types.UTCDateTime(), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_inbound_mail_complaint_id_complaints"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_mail")),
        sa.UniqueConstraint("key", name=op.f("uq_inbound_mail_key")),
    )
    op.create_index(op.f("ix_inbound_mail_complaint_id"), "inbound_mail", ["complaint_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_inbound_mail_complaint_id"), table_name="inbound_mail")
    op.drop_table("inbound_mail")
