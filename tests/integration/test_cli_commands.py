"""The operator's command line (user create, import, export, sweep, report) on SQLite and PostgreSQL, through
Typer's runner with the test container (the fake analyser: the real one is tested in tests/unit/analysis)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints import cli
from complaintdesk.entrypoints.cli import core_cmds, report_cmds
from complaintdesk.services import users

from ..fakes import FakeClock

runner = CliRunner()


@pytest.fixture(autouse=True)
def _cli_uses(container: Container, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core_cmds, "_container", lambda: container)
    monkeypatch.setattr(report_cmds, "_container", lambda: container)


def _import(tmp_path: Path, rows: list[list[str]]) -> tuple[int, str]:
    path = tmp_path / "in.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "name", "email", "phone", "channel"])
        w.writerows(rows)
    result = runner.invoke(cli.app, ["import", str(path)])
    return result.exit_code, result.output


def test_user_create_print_token_prints_only_a_working_token(container: Container) -> None:
    result = runner.invoke(cli.app, ["user", "create", "ling", "--role", "supervisor", "--team", "Billing",
                                     "--print-token"])
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert "\n" not in token and " " not in token and len(token) >= 32
    with container.uow() as uow:
        user = users.user_for_token(uow, token)
        assert (user.username, user.role, [t.name for t in user.teams]) == ("ling", "supervisor", ["Billing"])


def test_user_create_refuses_an_unknown_role_and_a_taken_name() -> None:
    bad = runner.invoke(cli.app, ["user", "create", "x", "--role", "king"])
    assert bad.exit_code == 2 and "role" in bad.output
    assert runner.invoke(cli.app, ["user", "create", "dup"]).exit_code == 0
    again = runner.invoke(cli.app, ["user", "create", "dup"])
    assert again.exit_code == 2 and "already" in again.output


def test_import_reports_bad_lines_and_keeps_the_rest_then_export_has_them(tmp_path: Path) -> None:
    code, out = _import(tmp_path, [
        ["The lift is broken", "Ann", "ann@example.org", "", "phone"],
        ["", "Empty", "e@example.org", "", "email"],  # line 3
        ["账单多收了两百元", "王芳", "", "13800138000", "pigeon"],  # line 4
        ["冷氣壞咗", "陳生", "", "+852 9123 4567", "web"],
    ])
    assert code == 0, out
    assert "in.csv:3:" in out and "in.csv:4:" in out and "imported 2 complaint(s), 2 row(s) with errors" in out

    target = tmp_path / "out.csv"
    result = runner.invoke(cli.app, ["export", str(target)])
    assert result.exit_code == 0, result.output
    with target.open(encoding="utf-8") as fh:
        texts = {row["text"] for row in csv.DictReader(fh)}
    assert texts == {"The lift is broken", "冷氣壞咗"}


def test_import_of_only_bad_rows_fails_and_a_missing_file_is_an_error(tmp_path: Path) -> None:
    code, out = _import(tmp_path, [["", "Empty", "e@example.org", "", "email"]])
    assert code == 1 and "imported 0 complaint(s)" in out
    missing = runner.invoke(cli.app, ["import", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_sweep_once_then_nothing_more(tmp_path: Path, clock: FakeClock) -> None:
    _import(tmp_path, [["Water leaking into the flat below", "Ann", "ann@example.org", "", "phone"]])
    assert runner.invoke(cli.app, ["sweep"]).output.startswith("breached 0,")
    clock.advance(days=5)
    first = runner.invoke(cli.app, ["sweep"])
    assert first.exit_code == 0 and not first.output.startswith("breached 0,"), first.output
    assert runner.invoke(cli.app, ["sweep"]).output.startswith("breached 0,")  # idempotent


def test_report_as_json_and_bad_dates(tmp_path: Path, clock: FakeClock) -> None:
    _import(tmp_path, [["The lift is broken", "Ann", "ann@example.org", "", "phone"]])
    day = clock.now.date().isoformat()
    result = runner.invoke(cli.app, ["report", "--from", day, "--to", day, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["received"] == 1
    text = runner.invoke(cli.app, ["report", "--from", day, "--to", day])
    assert text.exit_code == 0 and f"{day} – {day}" in text.output
    bad = runner.invoke(cli.app, ["report", "--from", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    backwards = runner.invoke(cli.app, ["report", "--from", "2026-11-05", "--to", "2026-11-01"])
    assert backwards.exit_code == 2 and "after it ends" in backwards.output
