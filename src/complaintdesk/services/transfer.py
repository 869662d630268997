"""CSV and XLSX import and export of complaints. A bad row is reported with its line number; the rest imports."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..adapters.db.tables import Complaint
from ..domain.errors import ComplaintdeskError, InvalidInput
from . import intake
from .actors import Actor
from .intake import CHECKLIST, Analyse, IntakeData
from .uow import UnitOfWork, fixed_clock

IMPORT_COLUMNS = (
    "text",
    "name",
    "email",
    "phone",
    "customer_ref",
    "vip",
    "channel",
    *CHECKLIST,
    "language",
    "team",
    "received_at",
)
REQUIRED = ("text", "name")
EXPORT_COLUMNS = (
    "tracking_number",
    "status",
    "priority",
    "channel",
    "language",
    "created_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "customer",
    "email",
    "phone",
    "vip",
    "team",
    "assignee",
    "subject",
    "text",
    "nature",
    "category",
    "emotion",
    "motives",
    "temperament",
    "risks",
    "amounts",
    "is_repeat",
    "escalation_level",
    "outcome",
    "relief",
    "customer_accepted",
    "referral",
)
MAX_ROWS = 1_000_000


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    tracking_numbers: list[str] = field(default_factory=list)


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of a .csv or .xlsx file; line 1 is the header."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            _check_header(list(reader.fieldnames or []))
            for row in reader:
                yield reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}
    elif suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb.active
        if ws is None:
            raise ComplaintdeskError(f"{path}: the workbook has no sheet")
        rows = ws.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        _check_header(header)
        for number, values in enumerate(rows, start=2):
            if all(v is None for v in values):
                continue
            yield number, {h: _cell(v) for h, v in zip(header, values, strict=False) if h}
        wb.close()
    else:
        raise ComplaintdeskError(f"{path}: only .csv and .xlsx files can be imported")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _check_header(header: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ComplaintdeskError(
            f"line 1: the header lacks the column(s) {', '.join(missing)}; known columns: {', '.join(IMPORT_COLUMNS)}"
        )


def _intake(row: dict[str, str]) -> IntakeData:
    vip = row.get("vip", "").lower()
    return IntakeData(
        text=row.get("text", ""),
        customer_name=row.get("name", ""),
        email=row.get("email") or None,
        phone=row.get("phone") or None,
        customer_ref=row.get("customer_ref") or None,
        vip=vip in ("1", "true", "yes", "y", "是", "vip"),
        channel=row.get("channel") or "import",
        subject=row.get("subject") or None,
        location=row.get("location") or None,
        occurred_at=row.get("occurred_at") or None,
        frequency=row.get("frequency") or None,
        product=row.get("product") or None,
        related_numbers=row.get("related_numbers") or None,
        special_notes=row.get("special_notes") or None,
        language=row.get("language") or None,
        team=row.get("team") or None,
    )


def import_file(
    uow_factory: Callable[[], UnitOfWork],
    path: Path,
    actor: Actor,
    analyse: Analyse,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Each row is its own transaction: a bad row is rolled back whole and reported; the others stay."""
    report = ImportReport()
    for count, (line, row) in enumerate(read_rows(path), start=1):
        if count > MAX_ROWS:
            report.errors.append((line, f"more than {MAX_ROWS} rows; the rest was not read"))
            break
        try:
            received_at = _received_at(row.get("received_at", ""))
            uow = uow_factory()
            if received_at is not None:
                uow.clock = fixed_clock(received_at)
            with uow:
                received = intake.receive(uow, _intake(row), actor, analyse)
                uow.commit()
                report.tracking_numbers.append(received.complaint.tracking_number)
            report.imported += 1
        except ComplaintdeskError as exc:
            report.errors.append((line, exc.message))
        if progress:
            progress(1)
    return report


def _received_at(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"received_at: {value!r} is not an ISO date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def export_rows(uow: UnitOfWork, where: Any = None) -> Iterator[list[Any]]:
    query = select(Complaint).order_by(Complaint.id)
    if where is not None:
        query = query.where(where)
    for c in uow.session.scalars(query.execution_options(yield_per=500)):
        a = c.analysis or {}
        yield [
            c.tracking_number,
            c.status,
            c.priority,
            c.channel,
            c.language,
            _iso(c.created_at),
            _iso(c.first_response_at),
            _iso(c.resolved_at),
            _iso(c.closed_at),
            c.customer.name,
            c.customer.email,
            c.customer.phone,
            c.customer.vip,
            c.lead_team.name if c.lead_team else "",
            c.assignee.username if c.assignee else "",
            c.subject,
            c.text,
            c.nature,
            c.category,
            c.emotion,
            ";".join(a.get("motives", [])),
            a.get("temperament", ""),
            ";".join(a.get("risks", [])),
            ";".join(f"{x['value']} {x['currency']}" for x in a.get("amounts", [])),
            c.is_repeat,
            c.escalation_level,
            c.outcome or "",
            c.relief or "",
            "" if c.customer_accepted is None else c.customer_accepted,
            c.referral or "",
        ]


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def export_file(uow: UnitOfWork, path: Path, progress: Callable[[int], None] | None = None) -> int:
    count = 0
    if path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(EXPORT_COLUMNS)
            for row in export_rows(uow):
                writer.writerow(row)
                count += 1
                if progress:
                    progress(1)
        return count
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("complaints")
        ws.append(list(EXPORT_COLUMNS))
        for row in export_rows(uow):
            ws.append(row)
            count += 1
            if progress:
                progress(1)
        wb.save(path)
        return count
    raise ComplaintdeskError(f"{path}: export writes .csv or .xlsx")
