"""Reading e-mails: senders, character sets, HTML-only bodies, quoted replies, tracking numbers, machines."""

from __future__ import annotations

import base64
from email.message import EmailMessage

import pytest

from complaintdesk.adapters.inbound_mail import MAX_BYTES, UnreadableMail, html_to_text, own_words, parse


def _mail(body: str = "The lift is broken again.", **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = headers.pop("From", "Ann Lee <Ann.Lee@Example.org>")
    msg["To"] = "complaints@estate.example"
    msg["Subject"] = headers.pop("Subject", "Lift in block 3")
    msg["Message-ID"] = headers.pop("Message_ID", "<abc123@example.org>")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


def test_a_plain_complaint() -> None:
    mail = parse(_mail(Date="Mon, 23 Nov 2026 09:30:00 +0800"))
    assert (mail.sender_email, mail.sender_name, mail.subject) == ("ann.lee@example.org", "Ann Lee", "Lift in block 3")
    assert mail.text == "The lift is broken again." and mail.key == "abc123@example.org"
    assert mail.tracking_number is None and mail.automatic is None
    assert mail.sent_at is not None and mail.sent_at.utcoffset().total_seconds() == 8 * 3600


def test_a_reply_keeps_its_own_words_and_finds_the_tracking_number() -> None:
    body = ("Still nothing, and my mother is stuck upstairs.\n\n"
            "On Mon, 23 Nov 2026 at 10:00, Estate Office <complaints@estate.example> wrote:\n"
            "> Thank you for telling us. Your complaint has the tracking number CD-7K3F9Q2M.\n")
    mail = parse(_mail(body, Subject="Re: [CD-7K3F9Q2M] We have received your complaint"))
    assert mail.text == "Still nothing, and my mother is stuck upstairs."
    assert mail.tracking_number == "CD-7K3F9Q2M" and "tracking number CD-7K3F9Q2M" in mail.full_text


@pytest.mark.parametrize(
    "header",
    [
        "在 2026年11月23日 10:00，物业客服 <complaints@estate.example> 写道：",
        "於 2026年11月23日 上午10:00，管理處 <complaints@estate.example> 寫道：",
        "------------------ 原始邮件 ------------------",
        "发件人: 物业客服 <complaints@estate.example>",
        "-----Original Message-----",
    ],
)
def test_quoted_earlier_messages_are_cut_in_every_language(header: str) -> None:
    assert own_words(f"电梯还是没修好。\n\n{header}\n感谢您的反馈……") == "电梯还是没修好。"


def test_gb2312_subject_and_body() -> None:
    body = base64.b64encode("你们多收了我三百元物业费，请尽快退还。".encode("gb2312")).decode()
    subject = "=?gb2312?B?" + base64.b64encode("物业费多收".encode("gb2312")).decode() + "?="
    raw = (f"From: =?utf-8?B?{base64.b64encode('王芳'.encode()).decode()}?= <wang@example.cn>\r\n"
           f"Subject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=gb2312\r\n"
           f"Content-Transfer-Encoding: base64\r\n\r\n{body}\r\n").encode("ascii")
    mail = parse(raw)
    assert (mail.sender_name, mail.subject) == ("王芳", "物业费多收")
    assert mail.text == "你们多收了我三百元物业费，请尽快退还。"
    assert mail.key.startswith("sha256:")  # no Message-ID: the same bytes are the same e-mail


def test_big5_html_only_body_loses_its_markup_and_scripts() -> None:
    html = ("<html><head><style>p{}</style></head><body><p>冷氣壞咗成個禮拜</p>"
            "<script>alert(1)</script><p>請盡快處理</p></body></html>")
    # Hong Kong mail programs say big5 and send HKSCS characters (咗 is not in plain Big5)
    body = base64.b64encode(html.encode("big5hkscs")).decode()
    raw = ("From: chan@example.hk\r\nSubject: =?big5?B?" + base64.b64encode("冷氣".encode("big5")).decode() + "?=\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/html; charset=big5\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + body + "\r\n").encode("ascii")
    mail = parse(raw)
    assert mail.subject == "冷氣"
    assert mail.text == "冷氣壞咗成個禮拜\n\n請盡快處理" and "alert" not in mail.text
    assert html_to_text("a&nbsp;b<br>c &amp; d") == "a b\nc & d"


def test_an_attachment_is_not_the_text() -> None:
    msg = EmailMessage()
    msg["From"] = "ann@example.org"
    msg["Subject"] = "Invoice wrong"
    msg.set_content("You billed me twice, see the invoice.")
    msg.add_attachment(b"INVOICE 42 ...", maintype="text", subtype="plain", filename="invoice.txt")
    assert parse(msg.as_bytes()).text == "You billed me twice, see the invoice."


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        ({"Auto_Submitted": "auto-replied"}, "Auto-Submitted"),
        ({"Precedence": "bulk"}, "Precedence"),
        ({"From": "MAILER-DAEMON@mx.example.org"}, "sender"),
        ({"Subject": "自动回复: 已收到您的投诉"}, "subject"),
        ({"Subject": "Out of Office: back on Monday"}, "subject"),
        ({"List_Id": "<news.example.org>"}, "List-Id"),
    ],
)
def test_machines_are_recognised(headers: dict[str, str], why: str) -> None:
    automatic = parse(_mail(**headers)).automatic
    assert automatic is not None and why in automatic


def test_a_person_who_says_auto_submitted_no_is_a_person() -> None:
    assert parse(_mail(Auto_Submitted="no")).automatic is None


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"Subject: hello\r\n\r\nno sender here\r\n", "no sender"),
        (b"From: someone-without-an-address\r\nSubject: x\r\n\r\ntext\r\n", "no sender"),
        (b"From: a@example.org\r\n\r\n\r\n", "no text"),
        (b"From: a@example.org\r\n\r\n" + b"x" * (MAX_BYTES + 1), "larger"),
    ],
)
def test_unreadable_mail_says_why(raw: bytes, reason: str) -> None:
    with pytest.raises(UnreadableMail, match=reason):
        parse(raw)
