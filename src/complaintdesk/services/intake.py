"""Receive a complaint from any channel: record it, recognise the customer, analyse, prioritise, route,
start the clocks."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import or_, select

from ..adapters.db.tables import Clock, Complaint, Customer, Team
from ..analysis.result import Analysis, CustomerContext
from ..domain import matching
from ..domain.errors import InvalidInput
from ..domain.labels import LANGUAGES
from ..domain.status import Status
from ..i18n import t
from . import history
from .actors import Actor
from .loading import organisation, sla_policy
from .uow import UnitOfWork

log = logging.getLogger(__name__)

CHANNELS = ("phone", "walk_in", "web", "email", "letter", "social_media", "regulator", "chat", "app", "import")
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REPEAT_WINDOW = timedelta(days=365)

#: analyse(text, customer context, default currency) -> Analysis
Analyse = Callable[[str, CustomerContext, str], Analysis]


@dataclass(slots=True)
class IntakeData:
    text: str
    customer_name: str
    email: str | None = None
    phone: str | None = None
    customer_ref: str | None = None  # account, member or ID number
    vip: bool | None = None
    channel: str = "web"
    subject: str | None = None
    location: str | None = None
    occurred_at: str | None = None
    frequency: str | None = None
    product: str | None = None
    related_numbers: str | None = None
    special_notes: str | None = None
    language: str | None = None
    team: str | None = None  # lead team by name; default: routing rules
    extra: dict[str, str] = field(default_factory=dict)


#: the intake checklist (seed 001) beyond who and what: the same names in the API, imports and edits
CHECKLIST = ("subject", "location", "occurred_at", "frequency", "product", "related_numbers", "special_notes")


@dataclass(frozen=True, slots=True)
class Received:
    complaint: Complaint
    access_token: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_tracking_number() -> str:
    return "CD-" + "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(8))


def _validate(data: IntakeData) -> None:
    if not data.text or not data.text.strip():
        raise InvalidInput("text: the complaint text is empty")
    if not data.customer_name or not data.customer_name.strip():
        raise InvalidInput("name: the customer's name is missing")
    if not (data.email or data.phone or data.customer_ref):
        raise InvalidInput("give at least an email or a phone number, so that we can answer")
    if data.email and "@" not in data.email:
        raise InvalidInput(f"email: {data.email!r} is not an e-mail address")
    if data.phone and matching.normalise_phone(data.phone) is None:
        raise InvalidInput(f"phone: {data.phone!r} is not a phone number")
    if data.channel not in CHANNELS:
        raise InvalidInput(f"channel: {data.channel!r} is not one of {', '.join(CHANNELS)}")
    if data.language and data.language not in LANGUAGES:
        raise InvalidInput(f"language: {data.language!r} is not one of {', '.join(LANGUAGES)}")


def match_customer(uow: UnitOfWork, data: IntakeData, actor: Actor) -> tuple[Customer, bool]:
    """The existing customer with this reference, e-mail or phone, or a new one. Returns (customer, is_new)."""
    email = matching.normalise_email(data.email)
    phone = matching.normalise_phone(data.phone)
    conditions = []
    if data.customer_ref:
        conditions.append(Customer.external_id == data.customer_ref.strip())
    if email:
        conditions.append(Customer.email == email)
    if phone:
        conditions.append(Customer.phone == phone)
    found = uow.session.scalars(select(Customer).where(or_(*conditions)).order_by(Customer.id)).first()
    if found is None:
        customer = Customer(
            name=data.customer_name.strip(),
            email=email,
            phone=phone,
            external_id=data.customer_ref.strip() if data.customer_ref else None,
            vip=bool(data.vip),
            language=data.language,
            created_at=uow.now(),
        )
        uow.session.add(customer)
        uow.session.flush()
        return customer, True
    # fill in what the record lacks; never overwrite what is there
    for name, value in (
        ("email", email),
        ("phone", phone),
        ("external_id", data.customer_ref.strip() if data.customer_ref else None),
    ):
        if value and not getattr(found, name):
            setattr(found, name, value)
    if data.vip:
        found.vip = True
    return found, False


def _earlier_complaints(uow: UnitOfWork, customer: Customer) -> list[Complaint]:
    return list(
        uow.session.scalars(
            select(Complaint).where(Complaint.customer_id == customer.id).order_by(Complaint.created_at.desc())
        )
    )


def _lead_team(uow: UnitOfWork, data: IntakeData, category: str) -> Team | None:
    name = data.team
    if not name:
        routing = organisation(uow).routing or {}
        name = routing.get(category) or routing.get("*")
    if not name:
        return None
    team = uow.session.scalars(select(Team).where(Team.name == name)).first()
    if team is None and data.team:
        raise InvalidInput(f"team: there is no team {data.team!r}")
    return team


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=[.])\s")
_SALUTATION = re.compile(r"(?i)^(dear|hi|hello|to whom|尊敬的|敬啟者|敬启者|您好|你好)|^.{0,40}[,:，：]$")
SUBJECT_CHARS = 80


def default_subject(text: str) -> str:
    """A subject when the customer gave none: the first sentence of the first line, cut at 80 characters."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    while len(lines) > 1 and _SALUTATION.match(lines[0]):
        lines.pop(0)
    first = lines[0] if lines else ""
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0].strip() or first
    return sentence if len(sentence) <= SUBJECT_CHARS else sentence[: SUBJECT_CHARS - 1].rstrip() + "…"


def analyse_safely(analyse: Analyse, text: str, context: CustomerContext, currency: str, lang: str | None) -> Analysis:
    """The analysis, or when the analyser fails a neutral one at P2 that a person must look at: a complaint is
    never refused or lost because its analysis broke."""
    try:
        return analyse(text, context, currency)
    except Exception:
        log.exception("analysis failed; the complaint is stored with a neutral analysis at P2")
        return Analysis(
            language=lang if lang in LANGUAGES else _guess_language(text),
            nature="effective",
            category="service_quality",
            emotion="dissatisfaction",
            motives=["fix"],
            temperament="phlegmatic",
            risks=[],
            amounts=[],
            priority="P2",
            priority_reasons=["analysis_unavailable"],
            model_version="unavailable",
        )


def _guess_language(text: str) -> str:
    try:
        from ..analysis import detect_language  # rule-based: works when the model does not

        return detect_language(text)
    except Exception:
        return "en"


def receive(uow: UnitOfWork, data: IntakeData, actor: Actor, analyse: Analyse, public_base_url: str = "") -> Received:
    """Take a complaint in. The caller commits (so that an import can take many in one go)."""
    _validate(data)
    now = uow.now()
    org = organisation(uow)
    customer, _new = match_customer(uow, data, actor)
    earlier = _earlier_complaints(uow, customer)
    repeat_of = next(
        (
            c
            for c in earlier
            if now - c.created_at <= REPEAT_WINDOW and matching.same_matter(data.text, data.product, c.text, c.product)
        ),
        None,
    )
    context = CustomerContext(vip=customer.vip, prior_complaints=len(earlier), repeat_matter=repeat_of is not None)
    analysis = analyse_safely(analyse, data.text, context, org.default_currency, data.language)
    if data.language:
        analysis.language = data.language
    token = secrets.token_urlsafe(24)
    team = _lead_team(uow, data, analysis.category)
    complaint = Complaint(
        tracking_number=new_tracking_number(),
        access_token_hash=hash_token(token),
        customer_id=customer.id,
        channel=data.channel,
        status=Status.RECEIVED.value,
        priority=analysis.priority,
        language=analysis.language,
        subject=(data.subject or default_subject(data.text))[:300],
        text=data.text,
        location=data.location,
        occurred_at=data.occurred_at,
        frequency=data.frequency,
        product=data.product,
        related_numbers=data.related_numbers,
        special_notes=data.special_notes,
        lead_team_id=team.id if team else None,
        needs_dispatch=team is None,
        analysis=analysis.to_dict(),
        nature=analysis.nature,
        category=analysis.category,
        emotion=analysis.emotion,
        priority_reasons=list(analysis.priority_reasons),
        is_repeat=repeat_of is not None,
        repeat_of_id=repeat_of.id if repeat_of else None,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(complaint)
    uow.session.flush()
    start_intake_clocks(uow, complaint)
    history.record(
        uow,
        complaint,
        actor,
        "received",
        {
            "channel": data.channel,
            "priority": complaint.priority,
            "repeat_of": repeat_of.tracking_number if repeat_of else None,
            "team": team.name if team else None,
        },
        customer_visible=True,
    )
    if customer.email:
        lang, n = complaint.language, complaint.tracking_number
        link = f"{public_base_url}/track/{n}?token={token}"
        history.enqueue_email(
            uow, customer.email, t(lang, "notify.ack_subject", n=n), t(lang, "notify.ack_body", n=n, link=link)
        )
    return Received(complaint, token)


def start_intake_clocks(uow: UnitOfWork, complaint: Complaint) -> None:
    policy = sla_policy(uow)
    now = complaint.created_at
    uow.session.add_all(
        [
            Clock(
                complaint_id=complaint.id,
                kind="first_response",
                name="first_response",
                due_at=policy.first_response_due(now, complaint.priority),
            ),
            Clock(
                complaint_id=complaint.id,
                kind="resolution",
                name="resolution",
                due_at=policy.resolution_due(now, complaint.priority),
            ),
            *[
                Clock(
                    complaint_id=complaint.id,
                    kind="regulatory",
                    name=deadline.name,
                    due_at=policy.regulatory_due(now, deadline),
                )
                for deadline in policy.regulatory
            ],
        ]
    )


def reanalyse(uow: UnitOfWork, complaint: Complaint, actor: Actor, analyse: Analyse) -> None:
    """After the text changed: analyse again; a more urgent priority is taken, a less urgent one is not."""
    org = organisation(uow)
    earlier = [c for c in _earlier_complaints(uow, complaint.customer) if c.id != complaint.id]
    context = CustomerContext(
        vip=complaint.customer.vip, prior_complaints=len(earlier), repeat_matter=complaint.is_repeat
    )
    analysis = analyse_safely(analyse, complaint.text, context, org.default_currency, complaint.language)
    before = {
        "priority": complaint.priority,
        "nature": complaint.nature,
        "category": complaint.category,
        "emotion": complaint.emotion,
        "language": complaint.language,
    }
    complaint.analysis = analysis.to_dict()
    complaint.nature, complaint.category, complaint.emotion = analysis.nature, analysis.category, analysis.emotion
    complaint.language = analysis.language
    complaint.priority_reasons = list(analysis.priority_reasons)
    if analysis.priority < complaint.priority:  # "P1" < "P2": more urgent
        complaint.priority = analysis.priority
    after = {
        "priority": complaint.priority,
        "nature": complaint.nature,
        "category": complaint.category,
        "emotion": complaint.emotion,
        "language": complaint.language,
    }
    history.record(
        uow,
        complaint,
        actor,
        "reanalysed",
        {k: {"before": before[k], "after": after[k]} for k in before if before[k] != after[k]},
    )
