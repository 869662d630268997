"""Files with complaints, on SQLite and PostgreSQL: the customer's (public API, portal, e-mail) and staff's;
who may download which; refused kinds; the history records each."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from email.message import EmailMessage

import pytest
from fastapi.testclient import TestClient

from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints.api.app import create_app
from complaintdesk.services import users

from .conftest import COMPLAINT, Headers

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def test_customer_and_staff_files_and_who_sees_them(api: TestClient, handler: Headers) -> None:
    created = api.post("/api/v1/public/complaints", json=COMPLAINT).json()
    tn, token = created["tracking_number"], created["access_token"]
    public = f"/api/v1/public/complaints/{tn}"

    r = api.post(f"{public}/attachments", params={"token": token},
                 files={"file": ("../../lift photo 电梯.png", PNG, "text/html")})  # the claimed type is ignored
    assert r.status_code == 201, r.text
    [mine] = r.json()["attachments"]
    assert (mine["filename"], mine["content_type"], mine["size"]) == ("lift photo 电梯.png", "image/png", len(PNG))

    refused = api.post(f"{public}/attachments", params={"token": token}, files={"file": ("fix.exe", EXE)})
    assert refused.status_code == 422 and "not accepted" in refused.json()["detail"]
    assert api.post(f"{public}/attachments", params={"token": "wrong"},
                    files={"file": ("a.png", PNG)}).status_code == 404

    r = api.post(f"/api/v1/complaints/{tn}/attachments", headers=handler, files={"file": ("cctv note.pdf", PDF)})
    assert r.status_code == 201 and r.json()["customer_visible"] is False and r.json()["source"] == "staff"
    internal = r.json()["id"]

    detail = api.get(f"/api/v1/complaints/{tn}", headers=handler).json()
    assert [a["filename"] for a in detail["attachments"]] == ["lift photo 电梯.png", "cctv note.pdf"]
    assert [e["kind"] for e in detail["events"]].count("attachment_added") == 2

    got = api.get(f"/api/v1/complaints/{tn}/attachments/{internal}", headers=handler)
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf" and got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-disposition"].startswith("attachment;")
    picture = api.get(f"{public}/attachments/{mine['id']}", params={"token": token})
    assert picture.status_code == 200 and picture.content == PNG
    assert picture.headers["content-disposition"].startswith("inline;")
    assert "filename*=UTF-8''lift%20photo%20%E7%94%B5%E6%A2%AF.png" in picture.headers["content-disposition"]

    # the customer sees their picture, not the staff's internal note
    assert [a["filename"] for a in api.get(public, params={"token": token}).json()["attachments"]] == [
        "lift photo 电梯.png"
    ]
    assert api.get(f"{public}/attachments/{internal}", params={"token": token}).status_code == 404


def test_another_teams_handler_cannot_read_the_files(
    api: TestClient, handler: Headers, make_user: Callable[..., Headers]
) -> None:
    created = api.post("/api/v1/public/complaints", json=COMPLAINT).json()
    tn = created["tracking_number"]
    r = api.post(f"/api/v1/complaints/{tn}/attachments", headers=handler, files={"file": ("a.pdf", PDF)})
    assert r.status_code == 201, r.text
    outsider = make_user("olga", teams=("Billing",))
    assert api.get(f"/api/v1/complaints/{tn}/attachments/{r.json()['id']}", headers=outsider).status_code in (403, 404)


def test_files_of_an_emailed_complaint_are_attached(api: TestClient, make_user: Callable[..., Headers]) -> None:
    admin = make_user("gate", "admin")
    msg = EmailMessage()
    msg["From"] = "Ann <ann@example.org>"
    msg["Subject"] = "Damaged sofa"
    msg["Message-ID"] = "<sofa@example.org>"
    msg.set_content("The sofa arrived torn, photo attached.")
    msg.add_attachment(PNG, maintype="image", subtype="png", filename="sofa.png")
    msg.add_attachment(EXE, maintype="application", subtype="octet-stream", filename="setup.exe")
    r = api.post("/api/v1/inbound/email", headers={**admin, "Content-Type": "message/rfc822"}, content=msg.as_bytes())
    assert r.status_code == 201, r.text
    assert "setup.exe" in str(r.json()["reason"])
    detail = api.get(f"/api/v1/complaints/{r.json()['tracking_number']}", headers=admin).json()
    assert [(a["filename"], a["source"]) for a in detail["attachments"]] == [("sofa.png", "email")]


@pytest.fixture
def web_client(container: Container) -> Iterator[TestClient]:
    with container.uow() as uow:
        users.create_user(uow, "hana", "handler", teams=["Front desk"], password="demo-password-1")
        uow.commit()
    with TestClient(create_app(container), follow_redirects=False) as client:
        yield client


def test_portal_tracking_page_and_complaint_page_take_files(web_client: TestClient) -> None:
    web = web_client
    page = web.get("/").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token and 'enctype="multipart/form-data"' in page
    r = web.post("/portal", data={"csrf_token": token.group(1), "name": "Li Wei", "email": "li@example.org",
                                  "text": "The lift is broken, photo attached."},
                 files=[("files", ("lift.png", PNG, "image/png")), ("files", ("virus.exe", EXE, "image/png"))])
    assert r.status_code == 200, r.text
    assert 'id="files-refused"' in r.text and "virus.exe" in r.text
    link = re.search(r'href="(/track/[^"]+)" id="private-link"', r.text)
    assert link
    track = web.get(link.group(1).replace("&amp;", "&")).text
    assert "lift.png" in track
    file_link = re.search(r'href="(/track/[^"]+/files/\d+\?token=[^"]+)"', track)
    assert file_link and web.get(file_link.group(1).replace("&amp;", "&")).content == PNG
    tn, secret = re.search(r"/track/([^?]+)\?token=([^\"&]+)", link.group(1)).groups()  # type: ignore[union-attr]
    r = web.post(f"/track/{tn}/files", data={"csrf_token": token.group(1), "token": secret},
                 files=[("files", ("receipt.pdf", PDF, "application/pdf"))])
    assert r.status_code == 303
    assert "receipt.pdf" in web.get(link.group(1).replace("&amp;", "&")).text

    # the handler sees both files on the complaint page, downloads one and adds an internal one
    signin = web.get("/signin").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', signin)
    assert csrf
    r = web.post("/signin", data={"username": "hana", "password": "demo-password-1", "csrf_token": csrf.group(1)})
    assert r.status_code == 303, r.text
    staff = web.get(f"/complaints/{tn}").text
    assert "lift.png" in staff and "receipt.pdf" in staff
    staff_link = re.search(rf'href="(/complaints/{tn}/files/\d+)">receipt.pdf', staff)
    assert staff_link and web.get(staff_link.group(1)).content == PDF
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', staff)
    assert csrf
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
    r = web.post(f"/complaints/{tn}/files", data={"csrf_token": csrf.group(1)},
                 files=[("files", ("site visit.jpg", jpeg, "image/jpeg"))])
    assert r.status_code == 303
    assert "site visit.jpg" in web.get(f"/complaints/{tn}").text
    assert "site visit.jpg" not in web.get(link.group(1).replace("&amp;", "&")).text  # internal by default
