"""The `complaintdesk` command line. Each command group lives in its own module and registers itself."""

from __future__ import annotations

import typer

from . import analysis_cmds, core_cmds, playbook_cmds, report_cmds

app = typer.Typer(
    name="complaintdesk",
    help="Complaint handling: intake, analysis, reply coaching, SLA clocks and insight.",
    no_args_is_help=True,
    add_completion=False,
)

core_cmds.register(app)
analysis_cmds.register(app)
playbook_cmds.register(app)
report_cmds.register(app)


def main() -> None:
    app()
