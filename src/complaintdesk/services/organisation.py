"""The organisation's settings: created by `init`, changed by an admin."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..adapters.db.tables import Organisation, Team
from ..domain.errors import InvalidInput
from ..domain.labels import CATEGORIES, LANGUAGES
from ..domain.sla import SlaPolicy
from .uow import UnitOfWork

DEFAULT_TEAMS = ("Front desk",)


def ensure_organisation(
    uow: UnitOfWork,
    name: str = "Demo organisation",
    currency: str = "CNY",
    language: str = "zh-Hans",
    timezone: str = "Asia/Shanghai",
) -> Organisation:
    org = uow.session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        org = Organisation(
            name=name,
            default_currency=currency,
            default_language=language,
            timezone=timezone,
            remedy_limit=Decimal("200"),
            sla_policy=SlaPolicy().to_dict(),
            routing={"*": DEFAULT_TEAMS[0]},
        )
        uow.session.add(org)
        for team in DEFAULT_TEAMS:
            if not uow.session.scalars(select(Team).where(Team.name == team)).first():
                uow.session.add(Team(name=team))
        uow.session.flush()
    return org


def update_settings(uow: UnitOfWork, values: dict[str, Any]) -> Organisation:
    org = ensure_organisation(uow)
    values = {k: v for k, v in values.items() if v is not None}  # null: leave as it is
    if "sla_policy" in values:
        org.sla_policy = SlaPolicy.from_dict(values["sla_policy"]).to_dict()  # validates
    if "routing" in values:
        routing = values["routing"] or {}
        for key, team in routing.items():
            if key != "*" and key not in CATEGORIES:
                raise InvalidInput(f"routing: {key!r} is not a category")
            if not uow.session.scalars(select(Team).where(Team.name == team)).first():
                raise InvalidInput(f"routing: there is no team {team!r}")
        org.routing = dict(routing)
    if "remedy_limit" in values:
        limit = Decimal(str(values["remedy_limit"]))
        if limit < 0:
            raise InvalidInput("remedy_limit: must not be negative")
        org.remedy_limit = limit
    if "default_currency" in values:
        cur = str(values["default_currency"]).upper()
        if len(cur) != 3 or not cur.isalpha():
            raise InvalidInput("default_currency: an ISO code like CNY, HKD, USD")
        org.default_currency = cur
    if "default_language" in values:
        if values["default_language"] not in LANGUAGES:
            raise InvalidInput(f"default_language: one of {', '.join(LANGUAGES)}")
        org.default_language = values["default_language"]
    if "timezone" in values:
        org.timezone = _zone_name(str(values["timezone"]))
    if "name" in values:
        org.name = str(values["name"]).strip()[:200] or org.name
    uow.commit()
    return org


def _zone_name(name: str) -> str:
    """An IANA time zone name (Asia/Hong_Kong, Europe/London, UTC), checked against the zone database."""
    try:
        ZoneInfo(name.strip())
    except (KeyError, ValueError):
        raise InvalidInput(f"timezone: {name!r} is not a time zone name like Asia/Hong_Kong or Europe/London") from None
    return name.strip()
