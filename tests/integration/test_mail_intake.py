"""Complaints by e-mail on SQLite and PostgreSQL: through POST /api/v1/inbound/email and `complaintdesk mail-in`
(Maildir and mbox): a new complaint, a reply on it, the same e-mail twice, a stranger's reply, an auto-reply."""

from __future__ import annotations

import mailbox
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from complaintdesk.adapters.db.tables import Complaint, InboundMail, Outbox
from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints import cli
from complaintdesk.entrypoints.cli import core_cmds

from .conftest import Headers

MAIL = {"Content-Type": "message/rfc822"}


def _mail(body: str, subject: str = "Lift broken in block 3", sender: str = "Ann Lee <ann@example.org>",
          message_id: str = "<m1@example.org>", **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "complaints@estate.example"
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


def _post(api: TestClient, who: Headers, raw: bytes) -> tuple[int, dict[str, str | None]]:
    r = api.post("/api/v1/inbound/email", headers={**who, **MAIL}, content=raw)
    return r.status_code, r.json()


def test_a_mailed_complaint_a_reply_a_duplicate_a_stranger_and_a_machine(
    api: TestClient, container: Container, make_user: Callable[..., Headers]
) -> None:
    gateway = make_user("mailgate", "admin")
    code, first = _post(api, gateway, _mail("The lift in block 3 has been broken for a week."))
    assert code == 201 and first["outcome"] == "new"
    tn = first["tracking_number"]
    assert tn is not None
    detail = api.get(f"/api/v1/complaints/{tn}", headers=gateway).json()
    assert detail["channel"] == "email" and detail["subject"] == "Lift broken in block 3"

    reply = _mail("Still broken, my mother cannot go out.\n\nOn Monday, Estate wrote:\n> Thank you",
                  subject=f"Re: [{tn}] We have received your complaint", message_id="<m2@example.org>")
    assert _post(api, gateway, reply) == (200, {"outcome": "appended", "tracking_number": tn, "reason": None})
    assert _post(api, gateway, reply)[1]["outcome"] == "duplicate"  # the same Message-ID: nothing changes
    track = api.get(f"/api/v1/complaints/{tn}", headers=gateway).json()
    assert any(c["kind"] == "customer_message" for c in track["clocks"])

    stranger = _mail(f"About {tn}: I have the same problem.", sender="bob@example.org",
                     subject=f"Re: [{tn}]", message_id="<m3@example.org>")
    code, theirs = _post(api, gateway, stranger)
    assert code == 201 and theirs["outcome"] == "new" and theirs["tracking_number"] != tn

    machine = _mail("I am away until Monday.", subject="Automatic reply: We have received your complaint",
                    message_id="<m4@example.org>", Auto_Submitted="auto-replied")
    code, skipped = _post(api, gateway, machine)
    assert code == 200 and skipped["outcome"] == "skipped" and "Auto-Submitted" in str(skipped["reason"])

    with container.uow() as uow:
        kept = uow.session.scalars(select(InboundMail).order_by(InboundMail.id)).all()
        assert [m.outcome for m in kept] == ["new", "appended", "new", "skipped"]
        assert kept[1].raw == reply  # every e-mail kept as received
        acks = uow.session.scalars(select(Outbox).where(Outbox.channel == "email")).all()
        assert sorted(a.target for a in acks) == ["ann@example.org", "bob@example.org"]  # no answer to the machine


def test_inbound_email_refuses_handlers_bad_types_and_unreadable_mail(
    api: TestClient, handler: Headers, make_user: Callable[..., Headers]
) -> None:
    assert api.post("/api/v1/inbound/email", headers=MAIL, content=_mail("x")).status_code == 401
    assert _post(api, handler, _mail("x"))[0] == 403
    admin = make_user("root", "admin")
    r = api.post("/api/v1/inbound/email", headers={**admin, "Content-Type": "application/json"}, content=b"{}")
    assert r.status_code == 422 and "message/rfc822" in r.json()["detail"]
    code, body = _post(api, admin, b"Subject: hello\r\n\r\nno sender\r\n")
    assert code == 422 and "no sender" in str(body["detail"])


def test_mail_in_reads_a_maildir_and_an_mbox_and_reports_the_bad_ones(
    container: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core_cmds, "_container", lambda: container)
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    maildir.add(_mail("My parcel never came.", sender="ann@example.org", message_id="<a@x>"))
    maildir.add(_mail("快递三天都没送到，电话也打不通。", subject="投诉快递", sender="王芳 <wang@example.cn>",
                      message_id="<b@x>"))
    (tmp_path / "Maildir" / "new" / "garbage").write_bytes(b"this is not an e-mail")
    box = mailbox.mbox(tmp_path / "archive.mbox")
    box.add(_mail("The bill is wrong.", sender="carl@example.org", message_id="<c@x>"))
    box.add(_mail("My parcel never came.", sender="ann@example.org", message_id="<a@x>"))  # seen in the Maildir
    box.flush()

    runner = CliRunner()
    result = runner.invoke(cli.app, ["mail-in", str(tmp_path / "Maildir"), str(tmp_path / "archive.mbox")])
    assert result.exit_code == 0, result.output
    assert "garbage: refused" in result.output
    assert "5 e-mail(s): 3 new, 0 appended, 1 duplicate, 0 skipped, 1 refused" in result.output
    again = runner.invoke(cli.app, ["mail-in", str(tmp_path / "Maildir")])
    assert "3 e-mail(s): 0 new, 0 appended, 2 duplicate" in again.output
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count(Complaint.id)).where(Complaint.channel == "email")) == 3
    assert runner.invoke(cli.app, ["mail-in", str(tmp_path / "nowhere")]).exit_code == 2


def test_the_smtp_server_takes_complaints_in_and_bounces_unreadable_mail(container: Container) -> None:
    import smtplib
    import socket

    from complaintdesk.entrypoints.smtp_in import controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = controller(container, "127.0.0.1", port)
    server.start()
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
            refused = smtp.sendmail("ann@example.org", ["complaints@estate.example"],
                                    _mail("The heating is off again.", message_id="<smtp1@example.org>"))
            assert refused == {}
            with pytest.raises(smtplib.SMTPDataError) as bounced:
                smtp.sendmail("x@example.org", ["complaints@estate.example"], b"Subject: no sender\r\n\r\nhi\r\n")
            assert bounced.value.smtp_code == 550 and b"no sender" in bounced.value.smtp_error
    finally:
        server.stop()
    with container.uow() as uow:
        got = uow.session.scalars(select(Complaint).where(Complaint.channel == "email")).all()
        assert [c.text for c in got] == ["The heating is off again."]
