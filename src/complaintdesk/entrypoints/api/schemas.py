"""API schemas: what enters (strict: unknown fields refused, sizes limited) and what leaves."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Short = Annotated[str, StringConstraints(max_length=300)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Channel = Literal["phone", "walk_in", "web", "email", "letter", "social_media", "regulator", "chat", "app"]
Lang = Literal["zh-Hans", "zh-Hant", "en"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IntakeFields(Strict):
    location: Short | None = None
    occurred_at: Annotated[str, StringConstraints(max_length=100)] | None = None
    frequency: Annotated[str, StringConstraints(max_length=100)] | None = None
    product: Annotated[str, StringConstraints(max_length=200)] | None = None
    related_numbers: Short | None = None


class PublicComplaintCreate(IntakeFields):
    """What a customer can tell us on the public form."""

    text: Text
    name: Name
    email: Annotated[str, StringConstraints(max_length=254, strip_whitespace=True)] | None = None
    phone: Annotated[str, StringConstraints(max_length=50, strip_whitespace=True)] | None = None
    subject: Short | None = None
    language: Lang | None = None


class ComplaintCreate(PublicComplaintCreate):
    """What staff record when taking a complaint in (any channel)."""

    channel: Channel = "phone"
    customer_ref: Annotated[str, StringConstraints(max_length=100)] | None = None
    vip: bool | None = None
    special_notes: Annotated[str, StringConstraints(max_length=5000)] | None = None
    team: Annotated[str, StringConstraints(max_length=100)] | None = None


class ComplaintEdit(IntakeFields):
    version: int | None = None
    subject: Short | None = None
    text: Text | None = None
    channel: Channel | None = None
    special_notes: Annotated[str, StringConstraints(max_length=5000)] | None = None


class Versioned(Strict):
    version: int | None = Field(default=None, description="the version you saw; 409 if it changed since")


class MessageIn(Versioned):
    body: Text


StepId = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"^[a-z0-9_]+$")]


class ReplyIn(MessageIn):
    kind: Literal["reply", "progress"] = "progress"
    interim: bool = False
    check: bool = Field(default=True, description="run the reply coach and store its verdict")
    draft_id: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$")] | None = Field(
        default=None, description="the draft_id of GET .../draft when this reply started from the system's draft"
    )
    plan_steps: list[StepId] = Field(
        default_factory=list, max_length=50, description="plan step ids this reply carries out (GET .../plan)"
    )


class CommitmentIn(Versioned):
    due_at: AwareDatetime
    description: Text


class ResolveIn(Versioned):
    resolution: Text


class CloseIn(Versioned):
    outcome: Literal["upheld", "partly_upheld", "not_upheld"]
    relief: Literal["monetary", "non_monetary", "explanation_only"]
    communicated: bool
    customer_accepted: bool | None = None
    referral: Literal["ombudsman", "regulator", "court", "other"] | None = None


class SurveyIn(Strict):
    score: int = Field(ge=1, le=5)
    comment: Annotated[str, StringConstraints(max_length=5000)] = ""


class CustomerMessageIn(Strict):
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


class FollowUpIn(SurveyIn):
    version: int | None = None


class ReopenIn(Versioned):
    reason: Text


class AssignIn(Versioned):
    assignee_id: int | None = None
    lead_team_id: int | None = None


class AssistIn(Versioned):
    team_id: int


class ReturnIn(Versioned):
    team_id: int
    reason: Text


class RemedyIn(Versioned):
    kind: Literal[
        "apology", "refund", "replacement", "repair", "service_credit", "gift", "coupon", "compensation", "other"
    ]
    value: Decimal = Field(ge=0, le=Decimal("1e11"), max_digits=14, decimal_places=2)
    currency: Annotated[str, StringConstraints(min_length=3, max_length=3, pattern=r"^[A-Za-z]{3}$")] | None = None
    description: Annotated[str, StringConstraints(max_length=2000)] = ""


class DecisionIn(Strict):
    approve: bool
    note: Annotated[str, StringConstraints(max_length=2000)] = ""


class SummaryIn(Versioned):
    root_cause: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    cause_detail: Annotated[str, StringConstraints(max_length=5000)] = ""
    lesson: Annotated[str, StringConstraints(max_length=5000)] = ""
    prevention: Annotated[str, StringConstraints(max_length=5000)] = ""


class CoachIn(Strict):
    reply: Annotated[str, StringConstraints(max_length=20_000)]


class PlaybookUseIn(Strict):
    """Plan steps the handler has carried out (and whether the system's draft was sent)."""

    step_ids: list[StepId] = Field(default_factory=list, max_length=50)
    draft_used: bool = False


class UserCreate(Strict):
    username: Name
    role: Literal["handler", "supervisor", "admin"]
    teams: list[Annotated[str, StringConstraints(min_length=1, max_length=100)]] = Field(default_factory=list)
    display_name: Annotated[str, StringConstraints(max_length=200)] = ""
    email: Annotated[str, StringConstraints(max_length=254)] | None = None
    phone: Annotated[str, StringConstraints(max_length=50)] | None = None
    password: Annotated[str, StringConstraints(min_length=8, max_length=200)] | None = None
    language: Lang | None = None


class TeamCreate(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]
    description: Annotated[str, StringConstraints(max_length=2000)] = ""


class WebhookCreate(Strict):
    url: Annotated[str, StringConstraints(min_length=8, max_length=500, pattern=r"^https?://")]
    events: list[Annotated[str, StringConstraints(max_length=40)]] = Field(default_factory=list)
    secret: Annotated[str, StringConstraints(min_length=8, max_length=100)] | None = None


class SettingsPatch(Strict):
    name: Annotated[str, StringConstraints(max_length=200)] | None = None
    default_currency: Annotated[str, StringConstraints(min_length=3, max_length=3)] | None = None
    default_language: Lang | None = None
    timezone: Annotated[str, StringConstraints(max_length=64)] | None = None
    remedy_limit: Decimal | None = Field(default=None, ge=0, le=Decimal("1e11"))
    sla_policy: dict[str, Any] | None = None
    routing: dict[str, str] | None = None


# ---- what leaves the API ----


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TeamOut(Out):
    id: int
    name: str


class UserOut(Out):
    id: int
    username: str
    display_name: str
    role: str
    email: str | None
    teams: list[TeamOut]


class CustomerOut(Out):
    id: int
    name: str
    email: str | None
    phone: str | None
    external_id: str | None
    vip: bool
    doubtful_claims: int


class ComplaintSummaryOut(Out):
    id: int
    tracking_number: str
    version: int
    status: str
    priority: str
    channel: str
    language: str
    subject: str
    nature: str | None
    category: str | None
    emotion: str | None
    risks: list[str] = []
    customer: CustomerOut
    lead_team: TeamOut | None
    assignee_id: int | None
    is_repeat: bool
    needs_dispatch: bool
    escalation_level: int
    created_at: datetime
    updated_at: datetime
    next_due_at: datetime | None = None


class ClockOut(Out):
    id: int
    kind: str
    name: str
    due_at: datetime
    met_at: datetime | None
    breached_at: datetime | None
    cancelled_at: datetime | None
    extended: bool
    state: str = ""


class MessageOut(Out):
    id: int
    kind: str
    body: str
    customer_visible: bool
    author_name: str
    created_at: datetime
    coach: dict[str, Any] | None


class EventOut(Out):
    id: int
    at: datetime
    actor_kind: str
    actor_name: str
    kind: str
    data: dict[str, Any]
    customer_visible: bool


class CommitmentOut(Out):
    id: int
    due_at: datetime
    description: str
    state: str
    kept_at: datetime | None
    created_at: datetime


class AttachmentOut(Out):
    id: int
    filename: str
    content_type: str
    size: int
    sha256: str
    source: str
    author_name: str
    customer_visible: bool
    created_at: datetime


class RemedyOut(Out):
    id: int
    complaint_id: int
    kind: str
    value: Decimal
    currency: str
    description: str
    state: str
    requested_by_id: int | None
    approved_by_id: int | None
    decision_note: str | None
    created_at: datetime
    decided_at: datetime | None
    paid_at: datetime | None


class SurveyOut(Out):
    score: int
    comment: str
    source: str
    created_at: datetime


class AssistOut(Out):
    team: TeamOut
    role: str
    state: str
    reason: str | None
    created_at: datetime


class ComplaintOut(ComplaintSummaryOut):
    text: str
    location: str | None
    occurred_at: str | None
    frequency: str | None
    product: str | None
    related_numbers: str | None
    special_notes: str | None
    analysis: dict[str, Any] | None
    priority_reasons: list[str] | None
    repeat_of_tracking_number: str | None = None
    outcome: str | None
    relief: str | None
    outcome_communicated: bool
    customer_accepted: bool | None
    referral: str | None
    resolution: str | None
    first_response_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    followed_up_at: datetime | None
    allowed_actions: list[str] = []
    clocks: list[ClockOut] = []
    messages: list[MessageOut] = []
    events: list[EventOut] = []
    commitments: list[CommitmentOut] = []
    remedies: list[RemedyOut] = []
    attachments: list[AttachmentOut] = []
    surveys: list[SurveyOut] = []
    teams: list[AssistOut] = []
    earlier_complaints: list[ComplaintSummaryOut] = []
    summary: dict[str, Any] | None = None
    plan: dict[str, Any] | None = None


class PlanStepOut(BaseModel):
    id: str
    phase: str
    do: str
    say: list[str]
    principle: str
    source: str
    done: bool = False


class PlanOut(BaseModel):
    language: str
    tone: str
    needs_senior: bool
    needs_approval: bool
    steps: list[PlanStepOut]
    draft_used: bool = False


class ViolationOut(BaseModel):
    rule: str
    message: str
    principle: str
    suggestion: str
    span: list[int]
    evidence: str


class CoachOut(BaseModel):
    ok: bool
    language: str
    violations: list[ViolationOut]


class DraftOut(BaseModel):
    draft_id: str
    language: str
    tone: str
    text: str
    blocks: list[str]
    commit_by: datetime
    ok: bool
    violations: list[ViolationOut]
    source: str = "template"  # "llm" when the optional language model wrote it
    note: str = ""


class PlaybookUsesOut(BaseModel):
    steps_done: list[str]
    draft_used: bool
    records: int


class Page(BaseModel):
    items: list[ComplaintSummaryOut]
    total: int
    page: int
    per_page: int


class PublicCreated(BaseModel):
    tracking_number: str
    access_token: str
    status: str
    track_url: str


class PublicTimelineItem(BaseModel):
    at: datetime
    kind: str
    text: str | None = None
    status: str | None = None


class PublicAttachmentOut(BaseModel):
    id: int
    filename: str
    content_type: str
    size: int
    created_at: datetime


class PublicComplaintOut(BaseModel):
    tracking_number: str
    status: str
    subject: str
    created_at: datetime
    language: str
    commitment_due_at: datetime | None
    can_answer_survey: bool
    timeline: list[PublicTimelineItem]
    attachments: list[PublicAttachmentOut] = []
