"""The database tables (SQLAlchemy 2 declarative mapping). Business rules live in domain/ and services/."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import JSONType, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Organisation(Base):
    """The one organisation this installation serves, with its configurable policies."""

    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    default_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    default_language: Mapped[str] = mapped_column(String(8), default="zh-Hans")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    remedy_limit: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("200"))
    sla_policy: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # which team receives which category: {"equipment": "Facilities", "*": "Front desk"}
    routing: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class UserTeam(Base):
    __tablename__ = "user_teams"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))  # handler | supervisor | admin
    language: Mapped[str | None] = mapped_column(String(8))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    remedy_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # None: the organisation's
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    teams: Mapped[list[Team]] = relationship(secondary="user_teams", lazy="selectin")


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(50), index=True)  # digits only, normalised
    external_id: Mapped[str | None] = mapped_column(String(100), index=True)  # account / member / ID number
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(8))
    doubtful_claims: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Complaint(Base):
    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_number: Mapped[str] = mapped_column(String(20), unique=True)
    access_token_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    priority: Mapped[str] = mapped_column(String(2), index=True)
    language: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)
    # the intake checklist (seed 001)
    location: Mapped[str | None] = mapped_column(String(300))
    occurred_at: Mapped[str | None] = mapped_column(String(100))  # as told: "last night", "2026-11-02 20:00"
    frequency: Mapped[str | None] = mapped_column(String(100))
    product: Mapped[str | None] = mapped_column(String(200))
    related_numbers: Mapped[str | None] = mapped_column(String(300))
    special_notes: Mapped[str | None] = mapped_column(Text)
    # routing
    lead_team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    needs_dispatch: Mapped[bool] = mapped_column(Boolean, default=False)
    # analysis (SPEC section 2), stored whole and in the columns reports filter on
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    nature: Mapped[str | None] = mapped_column(String(20), index=True)
    category: Mapped[str | None] = mapped_column(String(20), index=True)
    emotion: Mapped[str | None] = mapped_column(String(20))
    priority_reasons: Mapped[list[str] | None] = mapped_column(JSONType)
    # history
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    # outcome
    outcome: Mapped[str | None] = mapped_column(String(20))  # upheld | partly_upheld | not_upheld
    relief: Mapped[str | None] = mapped_column(String(20))  # monetary | non_monetary | explanation_only
    outcome_communicated: Mapped[bool] = mapped_column(Boolean, default=False)
    customer_accepted: Mapped[bool | None] = mapped_column(Boolean)
    referral: Mapped[str | None] = mapped_column(String(20))  # ombudsman | regulator | court | other
    resolution: Mapped[str | None] = mapped_column(Text)
    # moments
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # derived: the earliest due time of the pending clocks, kept by adapters/db/derived.py (urgency sort)
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    customer: Mapped[Customer] = relationship(lazy="joined")
    lead_team: Mapped[Team | None] = relationship(lazy="joined")
    assignee: Mapped[User | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (Index("ix_complaints_status_priority", "status", "priority", "created_at"),)


class ComplaintTeam(Base):
    """Teams that work on a complaint besides the lead, and teams that handed it back."""

    __tablename__ = "complaint_teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    role: Mapped[str] = mapped_column(String(10))  # lead | assist
    state: Mapped[str] = mapped_column(String(10), default="active")  # active | returned | done
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    team: Mapped[Team] = relationship(lazy="joined")


class Message(Base):
    """Everything written to or by the customer, and internal notes. Never edited, never deleted."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # reply | progress | note | customer
    body: Mapped[str] = mapped_column(Text)
    customer_visible: Mapped[bool] = mapped_column(Boolean)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(200))
    coach: Mapped[dict[str, Any] | None] = mapped_column(JSONType)  # the coach's verdict at sending
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Commitment(Base):
    __tablename__ = "commitments"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    description: Mapped[str] = mapped_column(Text)
    made_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kept_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(10), default="open")  # open | kept | broken | replaced


class Remedy(Base):
    """The redress ledger: requested, approved (or rejected), paid."""

    __tablename__ = "remedies"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        String(20)
    )  # apology|refund|replacement|repair|service_credit|gift|coupon|compensation
    value: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("0"))
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10))  # requested | approved | rejected | paid
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decision_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Survey(Base):
    __tablename__ = "surveys"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    score: Mapped[int] = mapped_column(Integer)  # 1..5
    comment: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10))  # customer | staff
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Summary(Base):
    """Root cause, lesson and prevention measure: what the complaint teaches (step 9)."""

    __tablename__ = "summaries"
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)
    root_cause: Mapped[str] = mapped_column(String(40))  # a cause code, e.g. operator_error, supplier, force_majeure
    cause_detail: Mapped[str] = mapped_column(Text, default="")
    lesson: Mapped[str] = mapped_column(Text, default="")
    prevention: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Clock(Base):
    """A promise with a deadline: first response, progress update, commitment, follow-up, regulatory."""

    __tablename__ = "clocks"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(
        String(20)
    )  # first_response|progress_update|commitment|resolution|follow_up|regulatory
    name: Mapped[str] = mapped_column(String(60))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    met_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    breached_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_clocks_pending", "met_at", "cancelled_at", "breached_at", "due_at"),)


class Event(Base):
    """The append-only history of a complaint: who did what, when, with before/after of edited fields."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_kind: Mapped[str] = mapped_column(String(10))  # user | customer | system
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    customer_visible: Mapped[bool] = mapped_column(Boolean, default=False)


class PlaybookUse(Base):
    """Which plan steps and drafts a handler used, so reports can relate approaches to satisfaction."""

    __tablename__ = "playbook_uses"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    step_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    draft_used: Mapped[bool] = mapped_column(Boolean, default=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Webhook(Base):
    __tablename__ = "webhooks"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    secret: Mapped[str] = mapped_column(String(100))
    events: Mapped[list[str]] = mapped_column(JSONType, default=list)  # empty: all
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Outbox(Base):
    """Messages to deliver after the transaction that caused them commits: e-mails and webhook calls."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(10))  # email | webhook
    target: Mapped[str] = mapped_column(String(500))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Attachment(Base):
    """A file that came with a complaint (a photo of the damage, a receipt, a letter, a call recording), from the
    customer, by e-mail or from staff. Kept in the database with its digest; never edited, never deleted."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))  # as recognised from the bytes, not as claimed
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(20))  # customer | email | staff
    author_name: Mapped[str] = mapped_column(String(200))
    customer_visible: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class InboundMail(Base):
    """Every e-mail taken in, kept as received (the raw bytes), with what became of it: a new complaint, a
    message on an existing one, or skipped (an automatic message). The key makes taking in idempotent."""

    __tablename__ = "inbound_mail"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sender: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(500))
    outcome: Mapped[str] = mapped_column(String(20))  # new | appended | skipped
    reason: Mapped[str | None] = mapped_column(String(300))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id", ondelete="SET NULL"), index=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)


__all__ = [
    "Attachment",
    "Base",
    "Clock",
    "Commitment",
    "Complaint",
    "ComplaintTeam",
    "Customer",
    "Event",
    "InboundMail",
    "Message",
    "Organisation",
    "Outbox",
    "PlaybookUse",
    "Remedy",
    "Summary",
    "Survey",
    "Team",
    "User",
    "UserTeam",
    "Webhook",
]
