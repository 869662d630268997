"""Reports: the periodic improvement report with hot spots, and the customers on the path to silence."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from ...services import reporting
from .deps import ActorDep, UowDep

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])


@router.get("/periodic", summary="Counts, causes, times, remedies, satisfaction, measures and hot spots of a period")
def periodic(
    uow: UowDep,
    actor: ActorDep,
    start: Annotated[date | None, Query(alias="from", description="first day (default: 30 days ago)")] = None,
    end: Annotated[date | None, Query(alias="to", description="last day, included (default: today)")] = None,
    team_id: int | None = None,
) -> dict[str, Any]:
    return reporting.periodic(uow, actor, start, end, team_id).to_dict()


@router.get("/customers-at-risk", summary="Customers who complained and fell silent, or complained again in vain")
def customers_at_risk(
    uow: UowDep,
    actor: ActorDep,
    team_id: int | None = None,
    silence_days: Annotated[int, Query(ge=1, le=365)] = 30,
    lookback_days: Annotated[int, Query(ge=1, le=3660)] = 365,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[dict[str, Any]]:
    found = reporting.at_risk(uow, actor, team_id, silence_days, lookback_days)
    return [c.as_dict for c in found[:limit]]
