"""report: the periodic improvement report and the customers at risk, as text, Markdown-ish tables or JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import true

from ...domain.errors import ComplaintdeskError
from ...insight.periodic import PeriodicReport, customers_at_risk, periodic_report
from ...services.reporting import org_zone, period
from .core_cmds import _container, err


def _table(title: str, counts: dict[str, object], header: str = "count") -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("")
    table.add_column(header, justify="right")
    for key, value in counts.items():
        table.add_row(key, str(value))
    return table


def _print(report: PeriodicReport, console: Console) -> None:
    console.print(
        f"[bold]Complaints {report.start.date()} – {(report.end - timedelta(days=1)).date()}[/bold]"
        + (f" · team {report.team}" if report.team else "")
        + f": {report.received} received (previous period {report.previous_received})"
    )
    fr, rs = report.first_response, report.resolution
    console.print(
        f"first response: median {fr.median_hours} h, p90 {fr.p90_hours} h (n={fr.n}); "
        f"on time {report.first_response_on_time}; resolution: median {rs.median_hours} h, p90 {rs.p90_hours} h"
    )
    if report.satisfaction_n:
        console.print(
            f"satisfaction: {report.satisfaction_average}/5 over {report.satisfaction_n} answers, "
            f"{report.satisfaction_low_share:.0%} low"
        )
    for title, counts in (
        ("by category", report.by_category),
        ("by nature", report.by_nature),
        ("by channel", report.by_channel),
        ("by root cause", report.by_root_cause),
        ("customers at risk", report.customers_at_risk),
    ):
        if counts:
            console.print(_table(title, dict(counts)))
    for currency, kinds in report.remedies_paid.items():
        console.print(_table(f"remedies paid ({currency})", dict(kinds), "total"))
    if report.hot_spots:
        table = Table(title="hot spots", title_justify="left")
        for col in ("dimension", "value", "count", "before", "examples"):
            table.add_column(col)
        for h in report.hot_spots:
            table.add_row(h.dimension, h.value, str(h.count), str(h.previous), " ".join(h.examples))
        console.print(table)
    if report.measures:
        table = Table(title="measures taken", title_justify="left")
        for col in ("complaint", "root cause", "prevention"):
            table.add_column(col)
        for m in report.measures:
            table.add_row(m.tracking_number, m.root_cause, m.prevention)
        console.print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def report(
        start: Annotated[str | None, typer.Option("--from", help="first day, YYYY-MM-DD (default 30 days ago)")] = None,
        end: Annotated[str | None, typer.Option("--to", help="last day, included (default today)")] = None,
        team_id: Annotated[int | None, typer.Option("--team-id", help="only this lead team")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
        at_risk: Annotated[bool, typer.Option("--at-risk", help="list the customers at risk instead")] = False,
    ) -> None:
        """The periodic improvement report (SPEC 1.10): counts, causes, times, remedies, satisfaction,
        measures, hot spots; or with --at-risk the customers on the path from complaint to silence."""
        c = _container()
        try:
            days = [date.fromisoformat(d) if d else None for d in (start, end)]
        except ValueError as exc:
            err.print(f"[red]error:[/red] dates are YYYY-MM-DD: {exc}")
            raise typer.Exit(2) from None
        with c.uow() as uow:
            now = uow.now()
            try:
                zone = org_zone(uow)
                p = period(days[0], days[1], now.astimezone(zone).date(), team_id, zone)
            except ComplaintdeskError as exc:
                err.print(f"[red]error:[/red] {exc.message}")
                raise typer.Exit(2) from None
            if at_risk:
                found = customers_at_risk(uow.session, true(), now, team_id=team_id)
                if as_json:
                    typer.echo(json.dumps([x.as_dict for x in found], ensure_ascii=False, indent=2))
                    return
                table = Table(title=f"{len(found)} customers at risk", title_justify="left")
                for col in ("stage", "customer", "contact", "last contact", "why", "complaints"):
                    table.add_column(col)
                for x in found:
                    d = x.as_dict
                    table.add_row(d["stage"], d["name"] + (" (VIP)" if x.vip else ""), d["phone"] or d["email"] or "",
                                  (d["last_contact"] or "")[:10], ", ".join(d["reasons"]), " ".join(d["complaints"]))
                Console().print(table)
                return
            result = periodic_report(uow.session, p, true(), now)
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            _print(result, Console())
