"""CSV and XLSX import with bad rows (reported by line, the rest imported) and export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from complaintdesk.adapters.db.tables import Complaint, Customer
from complaintdesk.bootstrap import Container
from complaintdesk.domain.errors import ComplaintdeskError
from complaintdesk.services import transfer
from complaintdesk.services.actors import Actor

from ..fakes import fake_analyse

HEADER = ["text", "name", "email", "phone", "channel", "received_at", "vip"]
ROWS = [
    ["电梯又坏了，三天没人修", "王芳", "wang@example.org", "", "phone", "2026-10-01T09:00:00+08:00", "yes"],
    ["", "No Text", "x@example.org", "", "email", "", ""],  # line 3: empty text
    ["Charged twice for my card", "David Chen", "d@example.org", "", "fax", "", ""],  # line 4: unknown channel
    ["Bill is wrong", "Grace Lee", "grace@example.org", "", "email", "yesterday", ""],  # line 5: bad date
    ["No contact given", "Nobody", "", "", "web", "", ""],  # line 6: no email or phone
    ["冷氣壞咗成個禮拜", "陳家豪", "", "+852 9123 4567", "phone", "", ""],
]


def _write_csv(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(ROWS)


def _write_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    wb.save(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_bad_rows_are_reported_by_line_and_the_rest_imports(container: Container, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"complaints{suffix}"
    (_write_csv if suffix == ".csv" else _write_xlsx)(path)
    ticks: list[int] = []
    report = transfer.import_file(container.uow, path, Actor("system", "import"), fake_analyse, ticks.append)
    assert report.imported == 2
    assert [line for line, _ in report.errors] == [3, 4, 5, 6]
    messages = dict(report.errors)
    assert "text" in messages[3] and "channel" in messages[4] and "received_at" in messages[5]
    assert "email or a phone" in messages[6]
    assert len(ticks) == len(ROWS)
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count(Complaint.id))) == 2
        assert uow.session.scalar(select(func.count(Customer.id))) == 2  # nothing half-written
        first = uow.session.scalars(select(Complaint).order_by(Complaint.id)).first()
        assert first is not None and first.created_at.isoformat() == "2026-10-01T01:00:00+00:00"
        assert first.customer.vip is True


def test_missing_columns_are_refused_at_line_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("complaint,who\nx,y\n", encoding="utf-8")
    with pytest.raises(ComplaintdeskError, match="line 1"):
        list(transfer.read_rows(path))
    with pytest.raises(ComplaintdeskError, match=r"\.csv and \.xlsx"):
        list(transfer.read_rows(tmp_path / "x.pdf"))


def test_export_csv_and_xlsx(container: Container, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    _write_csv(path)
    transfer.import_file(container.uow, path, Actor("system", "import"), fake_analyse)
    with container.uow() as uow:
        assert transfer.export_file(uow, tmp_path / "out.csv") == 2
        assert transfer.export_file(uow, tmp_path / "out.xlsx") == 2
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8-sig")))
    assert [r["customer"] for r in rows] == ["王芳", "陳家豪"]
    assert rows[0]["text"] == "电梯又坏了，三天没人修" and rows[0]["status"] == "received"
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert ws is not None and ws.max_row == 3
