"""The demo data: every stage of the life of a complaint, in three languages, on both databases."""

from __future__ import annotations

from sqlalchemy import func, select

from complaintdesk.adapters.db.tables import Attachment, Complaint, Message, Remedy, User
from complaintdesk.bootstrap import Container
from complaintdesk.services.demo import load_demo


def test_the_demo_shows_every_stage_in_three_languages(container: Container) -> None:
    result = load_demo(container, per_language=8)
    assert result.complaints >= 24 and {u for u, _ in result.logins} >= {"hana", "mei", "admin"}
    with container.uow() as uow:
        s = uow.session
        languages = set(s.scalars(select(Complaint.language).distinct()))
        statuses = set(s.scalars(select(Complaint.status).distinct()))
        assert languages == {"zh-Hans", "zh-Hant", "en"}
        assert {"received", "acknowledged", "in_progress", "resolved", "closed", "followed_up"} <= statuses
        assert s.scalar(select(func.count(Message.id)).where(Message.kind == "customer")) >= 3
        assert s.scalar(select(func.count(Attachment.id))) >= 3
        assert s.scalar(select(func.count(Remedy.id)).where(Remedy.state == "requested")) >= 1
        assert s.scalar(select(func.count(User.id))) == len(result.logins)
    again = load_demo(container, per_language=8)  # a second run adds nothing
    assert again.complaints == 0
