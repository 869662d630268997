"""Remedy approvals, customers, users, teams, webhooks, settings and the sweep."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select

from ...adapters.db.tables import Team, User, Webhook
from ...domain.errors import NotFound
from ...services import queries, remedies, sweep, users
from ...services.access import require_role
from ...services.loading import organisation
from ...services.organisation import update_settings
from .deps import ActorDep, ContainerDep, UowDep
from .present import summary_out
from .schemas import (
    ComplaintSummaryOut,
    CustomerOut,
    DecisionIn,
    RemedyOut,
    SettingsPatch,
    TeamCreate,
    TeamOut,
    UserCreate,
    UserOut,
    WebhookCreate,
)

router = APIRouter(prefix="/api/v1", tags=["administration"])


class Approval(BaseModel):
    complaint: ComplaintSummaryOut
    remedy: RemedyOut


@router.get("/approvals", response_model=list[Approval], summary="Remedies waiting for a supervisor")
def approvals(uow: UowDep, actor: ActorDep) -> list[Approval]:
    return [
        Approval(complaint=summary_out(c), remedy=RemedyOut.model_validate(r))
        for c, r in remedies.pending_approvals(uow, actor)
    ]


@router.post("/remedies/{remedy_id}/decision", response_model=RemedyOut)
def decide(remedy_id: int, body: DecisionIn, uow: UowDep, actor: ActorDep) -> RemedyOut:
    return RemedyOut.model_validate(remedies.decide(uow, actor, remedy_id, approve=body.approve, note=body.note).remedy)


@router.post("/remedies/{remedy_id}/paid", response_model=RemedyOut)
def paid(remedy_id: int, uow: UowDep, actor: ActorDep) -> RemedyOut:
    return RemedyOut.model_validate(remedies.mark_paid(uow, actor, remedy_id).remedy)


class CustomerHistory(BaseModel):
    customer: CustomerOut
    complaints: list[ComplaintSummaryOut]


@router.get("/customers", response_model=list[CustomerOut])
def search_customers(
    uow: UowDep, actor: ActorDep, q: Annotated[str, Query(min_length=1, max_length=100)]
) -> list[CustomerOut]:
    return [CustomerOut.model_validate(c) for c in queries.search_customers(uow, actor, q)]


@router.get("/customers/{customer_id}", response_model=CustomerHistory, summary="A customer and their complaints")
def customer(customer_id: int, uow: UowDep, actor: ActorDep) -> CustomerHistory:
    cust, complaints = queries.customer_history(uow, actor, customer_id)
    return CustomerHistory(customer=CustomerOut.model_validate(cust), complaints=[summary_out(c) for c in complaints])


@router.get("/me", response_model=UserOut)
def me(actor: ActorDep) -> UserOut:
    return UserOut.model_validate(actor.user)


class UserCreated(UserOut):
    token: str


@router.get("/users", response_model=list[UserOut])
def list_users(uow: UowDep, actor: ActorDep) -> list[UserOut]:
    assert actor.user is not None
    require_role(actor.user, "supervisor", "admin")
    return [UserOut.model_validate(u) for u in uow.session.scalars(select(User).order_by(User.id))]


@router.post("/users", response_model=UserCreated, status_code=201)
def create_user(body: UserCreate, uow: UowDep, actor: ActorDep) -> UserCreated:
    assert actor.user is not None
    require_role(actor.user, "admin")
    user, token = users.create_user(
        uow,
        body.username,
        body.role,
        teams=body.teams,
        display_name=body.display_name,
        email=body.email,
        phone=body.phone,
        password=body.password,
        language=body.language,
    )
    uow.commit()
    return UserCreated(**UserOut.model_validate(user).model_dump(), token=token)


@router.get("/teams", response_model=list[TeamOut])
def list_teams(uow: UowDep, actor: ActorDep) -> list[TeamOut]:
    return [TeamOut.model_validate(t) for t in uow.session.scalars(select(Team).order_by(Team.id))]


@router.post("/teams", response_model=TeamOut, status_code=201)
def create_team(body: TeamCreate, uow: UowDep, actor: ActorDep) -> TeamOut:
    assert actor.user is not None
    require_role(actor.user, "admin")
    team = Team(name=body.name, description=body.description)
    uow.session.add(team)
    uow.commit()
    return TeamOut.model_validate(team)


class WebhookOut(BaseModel):
    id: int
    url: str
    events: list[str]
    active: bool
    secret: str | None = None


@router.post(
    "/webhooks",
    response_model=WebhookOut,
    status_code=201,
    summary="Subscribe a URL to events; each call is signed with HMAC-SHA256 of the body",
)
def create_webhook(body: WebhookCreate, uow: UowDep, actor: ActorDep) -> WebhookOut:
    assert actor.user is not None
    require_role(actor.user, "admin")
    hook = Webhook(
        url=body.url,
        events=body.events,
        secret=body.secret or secrets.token_urlsafe(24),
        active=True,
        created_at=uow.now(),
    )
    uow.session.add(hook)
    uow.commit()
    return WebhookOut(id=hook.id, url=hook.url, events=hook.events, active=True, secret=hook.secret)


@router.get("/webhooks", response_model=list[WebhookOut])
def list_webhooks(uow: UowDep, actor: ActorDep) -> list[WebhookOut]:
    assert actor.user is not None
    require_role(actor.user, "admin")
    return [
        WebhookOut(id=h.id, url=h.url, events=h.events, active=h.active)
        for h in uow.session.scalars(select(Webhook).order_by(Webhook.id))
    ]


@router.delete("/webhooks/{hook_id}", status_code=204)
def delete_webhook(hook_id: int, uow: UowDep, actor: ActorDep) -> None:
    assert actor.user is not None
    require_role(actor.user, "admin")
    hook = uow.session.get(Webhook, hook_id)
    if hook is None:
        raise NotFound(f"no webhook {hook_id}")
    hook.active = False
    uow.commit()


def _settings_dict(org: Any) -> dict[str, Any]:
    return {
        "name": org.name,
        "default_currency": org.default_currency,
        "default_language": org.default_language,
        "timezone": org.timezone,
        "remedy_limit": str(org.remedy_limit),
        "sla_policy": org.sla_policy,
        "routing": org.routing,
    }


@router.get("/settings")
def get_settings(uow: UowDep, actor: ActorDep) -> dict[str, Any]:
    return _settings_dict(organisation(uow))


@router.patch("/settings")
def patch_settings(body: SettingsPatch, uow: UowDep, actor: ActorDep) -> dict[str, Any]:
    assert actor.user is not None
    require_role(actor.user, "admin")
    return _settings_dict(update_settings(uow, body.model_dump(exclude_unset=True)))


@router.post("/admin/sweep", summary="Run the SLA sweep once now")
def run_sweep(actor: ActorDep, container: ContainerDep) -> dict[str, Any]:
    assert actor.user is not None
    require_role(actor.user, "supervisor", "admin")
    report = sweep.sweep(container.uow(), container.settings.public_base_url)
    return {
        "breached": report.breached,
        "escalated": report.escalated,
        "skipped": report.skipped,
        "tracking_numbers": report.tracking_numbers,
    }
