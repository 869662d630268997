"""Demo data: staff, teams and complaints in three languages at every stage of their life."""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from ..adapters.db.tables import Complaint, User
from ..bootstrap import Container
from ..domain.errors import ComplaintdeskError
from ..i18n import t
from . import attachments, intake, remedies, sweep, users, workflow
from .actors import Actor, customer_actor
from .organisation import ensure_organisation, update_settings
from .uow import UnitOfWork, fixed_clock

REPO_DATA = Path(__file__).resolve().parents[3] / "data"
DEMO_PASSWORD = "demo-password"
TEAMS = ("Front desk", "Facilities", "Billing", "Customer care")
STAFF = (  # username, role, teams, display name, language
    ("admin", "admin", (), "Admin", "en"),
    ("mei", "supervisor", TEAMS, "Chen Mei", "zh-Hans"),
    ("hana", "handler", ("Front desk", "Customer care"), "Hana Lau", "zh-Hant"),
    ("tom", "handler", ("Facilities",), "Tom Baker", "en"),
    ("lin", "handler", ("Billing", "Front desk"), "Lin Jie", "zh-Hans"),
)
NAMES = {
    "zh-Hans": ["王芳", "李强", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周婷", "吴斌", "徐丽", "孙浩"],
    "zh-Hant": ["陳家豪", "林美玲", "黃志明", "張淑芬", "李嘉欣", "吳俊傑", "劉雅婷", "蔡宗翰", "許慧君", "鄭凱文"],
    "en": [
        "Alice Morgan",
        "David Chen",
        "Priya Nair",
        "James O'Connor",
        "Sofia Rossi",
        "Tom Walker",
        "Grace Lee",
        "Mohammed Ali",
        "Emma Clarke",
        "Lucas Brown",
    ],
}


@dataclass(slots=True)
class DemoResult:
    complaints: int = 0
    logins: list[tuple[str, str]] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)


def _samples(lang: str, n: int, rng: random.Random) -> list[dict[str, object]]:
    path = REPO_DATA / "analysis" / f"train_{lang}.jsonl"
    if not path.exists():
        raise ComplaintdeskError(f"demo texts not found: {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rng.sample(rows, min(n, len(rows)))


#: complaints of customers who fell silent, besides the per-language samples (three per language, one twice)
SILENT_COMPLAINTS = 12


def load_demo(
    c: Container, per_language: int = 24, progress: Callable[[int], None] | None = None, seed: int = 7
) -> DemoResult:
    rng = random.Random(seed)
    result = DemoResult(logins=[(u, DEMO_PASSWORD) for u, *_ in STAFF])
    with c.uow() as uow:
        ensure_organisation(uow)
        uow.commit()
        existing = uow.session.scalar(select(func.count(Complaint.id))) or 0
        have_users = {u.username for u in uow.session.scalars(select(User))}
        for username, role, teams, display, lang in STAFF:
            if username in have_users:
                continue
            _, token = users.create_user(
                uow,
                username,
                role,
                teams=list(teams),
                display_name=display,
                email=f"{username}@demo.complaintdesk.local",
                password=DEMO_PASSWORD,
                language=lang,
            )
            result.tokens[username] = token
        uow.commit()
    with c.uow() as uow:
        update_settings(
            uow,
            {
                "routing": {
                    "equipment": "Facilities",
                    "emergency": "Facilities",
                    "service_quality": "Customer care",
                    "service_attitude": "Customer care",
                    "*": "Front desk",
                },
                "sla_policy": {"regulatory": [{"name": "final_response_8_weeks", "days": 56}]},
            },
        )
    if existing:
        return result
    with c.uow() as uow:
        staff = {u.username: u for u in uow.session.scalars(select(User))}
    now = c.clock()
    for lang in ("zh-Hans", "zh-Hant", "en"):
        for i, row in enumerate(_samples(lang, per_language, rng)):
            stage = i % 8
            created = now - _age(stage, rng)
            name = rng.choice(NAMES[lang])
            data = intake.IntakeData(
                text=str(row["text"]),
                customer_name=name,
                email=f"customer{rng.randint(1000, 9999)}@example.org",
                phone=f"+86 139 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                channel=rng.choice(("phone", "web", "email", "walk_in", "social_media")),
                language=lang,
            )
            with UnitOfWork(c.sessions, fixed_clock(created)) as uow:
                received = intake.receive(uow, data, customer_actor(name), c.analyse, c.settings.public_base_url)
                uow.commit()
                ref = received.complaint.id
                team_id = received.complaint.lead_team_id
            handler = next(
                (u for u in staff.values() if u.role == "handler" and team_id in {t.id for t in u.teams}), staff["hana"]
            )
            # a stage that does not apply to this complaint (or lies in the future) leaves it where it is
            with contextlib.suppress(ComplaintdeskError):
                _advance(c, ref, Actor.of(handler), lang, created, now, stage=stage, rng=rng)
            result.complaints += 1
            if progress:
                progress(1)
    result.complaints += _fallen_silent(c, staff, now, rng, progress)
    sweep.sweep(c.uow(), c.settings.public_base_url)
    return result


def _fallen_silent(
    c: Container, staff: dict[str, User], now: datetime, rng: random.Random, progress: Callable[[int], None] | None
) -> int:
    """Customers on the path of seed 002: closed without accepting the outcome two months ago, never heard
    from since; some complained a second time about the same matter, in vain. The retention report finds them."""
    count = 0
    for lang in ("zh-Hans", "zh-Hant", "en"):
        names = rng.sample(NAMES[lang], 3)
        for k, row in enumerate(_samples(lang, 3, rng)):
            name = names[k]
            email = f"silent{rng.randint(1000, 9999)}@example.org"
            attempts = 2 if k == 0 else 1
            for attempt in range(attempts):
                created = now - timedelta(days=rng.uniform(65, 80) - 25 * attempt)
                data = intake.IntakeData(
                    text=str(row["text"]), customer_name=name, email=email, channel="phone", language=lang
                )
                with UnitOfWork(c.sessions, fixed_clock(created)) as uow:
                    received = intake.receive(uow, data, customer_actor(name), c.analyse, c.settings.public_base_url)
                    uow.commit()
                    ref, team_id = received.complaint.id, received.complaint.lead_team_id
                handler = next(
                    (u for u in staff.values() if u.role == "handler" and team_id in {t.id for t in u.teams}),
                    staff["hana"],
                )
                with contextlib.suppress(ComplaintdeskError):
                    _advance(c, ref, Actor.of(handler), lang, created, now, stage=6, rng=rng, accepted=False)
                count += 1
                if progress:
                    progress(1)
    return count


#: how old a demo complaint at each stage is, in hours (low, high): new ones are fresh, so that the inbox
#: shows clocks still running as well as a few overdue, as in a desk that keeps up
_AGES = {0: (0.2, 20), 1: (2, 40), 2: (26, 72), 3: (30, 140), 4: (40, 160), 5: (90, 250), 6: (180, 420), 7: (220, 500)}


def _age(stage: int, rng: random.Random) -> timedelta:
    low, high = _AGES[stage]
    return timedelta(hours=rng.uniform(low, high))


class _Future(ComplaintdeskError):
    """The next step of the story would lie after the demo's 'now'."""


def _advance(
    c: Container,
    ref: int,
    handler: Actor,
    lang: str,
    created: datetime,
    now: datetime,
    stage: int,
    rng: random.Random,
    accepted: bool = True,
) -> None:
    """Stages 0-1: untouched; 2: acknowledged; 3: in progress with a commitment; 4: remedy waiting for approval;
    5: resolved; 6: closed; 7: followed up. Steps that would lie in the future are not taken."""

    def _at(moment: datetime) -> UnitOfWork:
        if moment > now:
            raise _Future("later than now")
        return UnitOfWork(c.sessions, fixed_clock(moment))

    if stage < 2:
        return
    ack, progress, resolution = (
        t(lang, f"demo.{key}", name=handler.name, ext=200 + (handler.id or 0))
        for key in ("ack", "progress", "resolution")
    )
    moment = created + timedelta(hours=rng.uniform(1, 30))
    with _at(moment) as uow:
        workflow.acknowledge(uow, handler, ref, ack)
    if stage == 3:  # the customer writes again with a receipt, and waits for the answer
        with _at(moment + timedelta(hours=1)) as uow:
            complaint = uow.session.get(Complaint, ref)
            assert complaint is not None
            workflow.customer_writes(uow, complaint, t(lang, "demo.customer_again"), via="portal")
            who = customer_actor(complaint.customer.name if complaint.customer else "customer")
            receipt = t(lang, "demo.receipt", n=complaint.tracking_number).encode()
            attachments.add(uow, complaint, who, "receipt.txt", receipt, source="customer")
            uow.commit()
    if stage < 3:
        return
    moment += timedelta(hours=2)
    with _at(moment) as uow:
        workflow.start(uow, handler, ref)
    with _at(moment) as uow:
        workflow.commit_date(uow, handler, ref, moment + timedelta(days=2), "answer with the findings")
    if stage == 4:
        with _at(moment) as uow:
            remedies.request(
                uow,
                handler,
                ref,
                kind="compensation",
                value=rng.choice((300, 800, 1500)),
                description="goodwill gesture",
            )
        return
    if stage < 5:
        return
    moment += timedelta(days=1)
    with _at(moment) as uow:
        workflow.reply(uow, handler, ref, progress)
    if stage >= 6:
        with _at(moment) as uow:
            remedies.request(uow, handler, ref, kind="coupon", value=100, description="voucher")
    moment += timedelta(hours=20)
    with _at(moment) as uow:
        workflow.resolve(uow, handler, ref, resolution)
    if stage < 6:
        return
    moment += timedelta(hours=3)
    with _at(moment) as uow:
        workflow.close(
            uow,
            handler,
            ref,
            outcome=rng.choice(("upheld", "partly_upheld")),
            relief="monetary",
            communicated=True,
            customer_accepted=accepted,
        )
    with _at(moment) as uow:
        workflow.summarise(
            uow,
            handler,
            ref,
            root_cause=rng.choice(("operator_error", "supplier", "equipment_fault", "communication", "customer_error")),
            lesson="brief the team",
            prevention="add a check to the daily list",
        )
    if stage < 7:
        return
    moment += timedelta(days=rng.uniform(2, 7))
    with _at(moment) as uow:
        workflow.follow_up(uow, handler, ref, rng.choice((2, 4, 5, 5)), "")
