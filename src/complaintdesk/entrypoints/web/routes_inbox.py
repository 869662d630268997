"""The handler's inbox: complaints sorted by urgency with SLA clocks, badges, filters and search.
/inbox/rows returns only the table body, for the periodic refresh."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from ...domain.labels import CATEGORIES, EMOTIONS, PRIORITIES
from ...services import queries
from ...services.actors import Actor
from .base import WebDep
from .render import render, render_fragment

router = APIRouter(include_in_schema=False)

PER_PAGE = 50
STATUS_GROUPS = {
    "open": ["received", "acknowledged", "in_progress"],
    "done": ["resolved", "closed", "followed_up"],
    "all": None,
}


@dataclass
class InboxQuery:
    group: str = "open"
    priority: str = ""
    category: str = ""
    emotion: str = ""
    q: str = ""
    breached: bool = False
    mine: bool = False
    page: int = 1

    @classmethod
    def of(cls, request: Request) -> InboxQuery:
        p = request.query_params
        group = p.get("group", "open")
        page = p.get("page", "1")
        return cls(
            group=group if group in STATUS_GROUPS else "open",
            priority=p.get("priority", "") if p.get("priority") in PRIORITIES else "",
            category=p.get("category", "") if p.get("category") in CATEGORIES else "",
            emotion=p.get("emotion", "") if p.get("emotion") in EMOTIONS else "",
            q=p.get("q", "").strip()[:200],
            breached=p.get("breached") == "1",
            mine=p.get("mine") == "1",
            page=int(page) if page.isdigit() and int(page) > 0 else 1,
        )

    def to_filter(self, user_id: int) -> queries.ComplaintFilter:
        return queries.ComplaintFilter(
            status=STATUS_GROUPS[self.group], priority=[self.priority] if self.priority else None,
            category=self.category or None, emotion=self.emotion or None, text=self.q or None,
            breached=True if self.breached else None, assignee_id=user_id if self.mine else None,
            page=self.page, per_page=PER_PAGE,
        )

    def query_string(self) -> str:
        from urllib.parse import urlencode

        values: dict[str, Any] = {"group": self.group, "priority": self.priority, "category": self.category,
                                  "emotion": self.emotion, "q": self.q, "breached": "1" if self.breached else "",
                                  "mine": "1" if self.mine else ""}
        return urlencode({k: v for k, v in values.items() if v})

    def rows_url(self) -> str:
        """The fragment of this very page (filters and page number), for the periodic refresh."""
        qs = self.query_string()
        if self.page > 1:
            qs = (qs + "&" if qs else "") + f"page={self.page}"
        return "/inbox/rows" + ("?" + qs if qs else "")

    def page_url(self, page: int) -> str:
        qs = self.query_string()
        return "/inbox?" + (qs + "&" if qs else "") + f"page={page}"




@router.get("/inbox")
def inbox(request: Request, w: WebDep) -> Response:
    query = InboxQuery.of(request)
    with w.uow() as uow:
        user = w.user(uow)
        page = w.page(uow, user)
        items, total = queries.list_complaints(uow, Actor.of(user), query.to_filter(user.id))
        waiting = queries.awaiting_answer(uow, [c.id for c, _ in items])
        return render("inbox.html", page, items=items, total=total, query=query, per_page=PER_PAGE,
                      categories=CATEGORIES, emotions=EMOTIONS, priorities=PRIORITIES, waiting=waiting)


@router.get("/inbox/rows")
def inbox_rows(request: Request, w: WebDep) -> Response:
    query = InboxQuery.of(request)
    with w.uow() as uow:
        user = w.user(uow)
        page = w.page(uow, user)
        items, total = queries.list_complaints(uow, Actor.of(user), query.to_filter(user.id))
        waiting = queries.awaiting_answer(uow, [c.id for c, _ in items])
        html = render_fragment("_inbox_rows.html", page, items=items, total=total, query=query, per_page=PER_PAGE,
                               waiting=waiting)
        return HTMLResponse(html, headers={"Cache-Control": "no-store", "X-Total": str(total)})
