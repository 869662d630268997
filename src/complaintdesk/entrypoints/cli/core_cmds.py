"""serve, init, demo, user, import, export, mail-in, mail-server, sweep, deliver."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ...bootstrap import Container, build
from ...domain.errors import ComplaintdeskError
from ...services.actors import SYSTEM, Actor

err = Console(stderr=True)


def _container() -> Container:
    try:
        return build()
    except ComplaintdeskError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )


def _load_analysis_model() -> None:
    """Load the analysis model now (training it first if the data changed), not on the first request."""
    from ...analysis import default_analyzer

    with err.status("loading the analysis model (the first run trains it from data/analysis, ~20 s)"):
        analyzer = default_analyzer()
    err.print(f"analysis model {analyzer.version}")


def register(app: typer.Typer) -> None:
    user_app = typer.Typer(help="Staff accounts.", no_args_is_help=True)
    app.add_typer(user_app, name="user")

    @app.command()
    def init(
        name: Annotated[str, typer.Option(help="organisation name")] = "Demo organisation",
        currency: Annotated[str, typer.Option(help="default currency (ISO)")] = "CNY",
        language: Annotated[str, typer.Option(help="default language")] = "zh-Hans",
    ) -> None:
        """Create the database tables (migrations) and the organisation record."""
        from ...services.organisation import ensure_organisation

        c = _container()
        with c.uow() as uow:
            org = ensure_organisation(uow, name=name, currency=currency.upper(), language=language)
            uow.commit()
            err.print(f"database ready: {c.settings.database_url} (organisation {org.name!r})")

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="port")] = 8000,
        workers: Annotated[int, typer.Option(help="worker processes")] = 1,
    ) -> None:
        """Run the web application and the API (database from DATABASE_URL; default a SQLite file here)."""
        import uvicorn

        from ...services.organisation import ensure_organisation

        c = _container()
        with c.uow() as uow:
            ensure_organisation(uow)
            uow.commit()
        _load_analysis_model()  # before any worker starts: they load the file instead of training at once
        if workers > 1:
            uvicorn.run("complaintdesk.entrypoints.asgi:app", host=host, port=port, workers=workers, log_level="info")
        else:
            from ..api.app import create_app

            uvicorn.run(create_app(c), host=host, port=port, log_level="info")

    @app.command()
    def demo(
        per_language: Annotated[int, typer.Option(help="complaints per language")] = 24,
        print_tokens: Annotated[bool, typer.Option(help="print the demo users' API tokens")] = False,
    ) -> None:
        """Load realistic sample complaints in the three languages, with staff, teams and handling history."""
        from ...services.demo import SILENT_COMPLAINTS, load_demo

        c = _container()
        _load_analysis_model()
        with progress_bar() as bar:
            task = bar.add_task("demo complaints", total=per_language * 3 + SILENT_COMPLAINTS)
            result = load_demo(c, per_language=per_language, progress=lambda n: bar.advance(task, n))
        err.print(
            f"loaded {result.complaints} complaints; sign in as " + ", ".join(f"{u} / {p}" for u, p in result.logins)
        )
        if print_tokens:
            for username, token in result.tokens.items():
                typer.echo(f"{username}\t{token}")

    @user_app.command("create")
    def user_create(
        username: str,
        role: Annotated[str, typer.Option(help="handler | supervisor | admin")] = "handler",
        team: Annotated[list[str] | None, typer.Option(help="team name (repeat for several)")] = None,
        email: Annotated[str | None, typer.Option()] = None,
        password: Annotated[str | None, typer.Option(help="password for the web sign-in")] = None,
        display_name: Annotated[str, typer.Option()] = "",
        print_token: Annotated[bool, typer.Option("--print-token", help="print only the API token")] = False,
    ) -> None:
        """Create a staff user with an API token."""
        from ...services import users

        c = _container()
        try:
            with c.uow() as uow:
                user, token = users.create_user(
                    uow, username, role, teams=team or [], email=email, password=password, display_name=display_name
                )
                uow.commit()
        except ComplaintdeskError as exc:
            err.print(f"[red]error:[/red] {exc.message}")
            raise typer.Exit(2) from None
        if print_token:
            typer.echo(token)
        else:
            typer.echo(f"created {user.username} ({user.role}); API token: {token}")

    @app.command("import")
    def import_(
        file: Annotated[Path, typer.Argument(help=".csv or .xlsx with a header row (text, name, email, phone, ...)")],
    ) -> None:
        """Import complaints; each bad row is reported with its line number and the rest still imports."""
        from ...services.transfer import import_file, read_rows

        if not file.exists():
            err.print(f"[red]error:[/red] {file} does not exist")
            raise typer.Exit(2)
        c = _container()
        try:
            total = sum(1 for _ in read_rows(file))
        except ComplaintdeskError as exc:
            err.print(f"[red]error:[/red] {exc.message}")
            raise typer.Exit(2) from None
        with progress_bar() as bar:
            task = bar.add_task(f"importing {file.name}", total=total)
            report = import_file(
                c.uow, file, Actor("system", "import"), c.analyse, progress=lambda n: bar.advance(task, n)
            )
        for line, message in report.errors:
            err.print(f"[yellow]{file}:{line}:[/yellow] {message}", soft_wrap=True)
        err.print(f"imported {report.imported} complaint(s), {len(report.errors)} row(s) with errors")
        if report.errors and not report.imported:
            raise typer.Exit(1)

    @app.command()
    def export(
        file: Annotated[Path, typer.Argument(help="where to write: .csv or .xlsx")],
    ) -> None:
        """Export all complaints with their analysis and outcome."""
        from sqlalchemy import func, select

        from ...adapters.db.tables import Complaint
        from ...services.transfer import export_file

        c = _container()
        with c.uow() as uow:
            total = uow.session.scalar(select(func.count(Complaint.id))) or 0
            with progress_bar() as bar:
                task = bar.add_task(f"exporting {file.name}", total=total)
                try:
                    n = export_file(uow, file, progress=lambda k: bar.advance(task, k))
                except ComplaintdeskError as exc:
                    err.print(f"[red]error:[/red] {exc.message}")
                    raise typer.Exit(2) from None
        err.print(f"wrote {n} complaint(s) to {file}")

    @app.command("mail-in")
    def mail_in(
        paths: Annotated[list[Path], typer.Argument(help=".eml files, mbox files, or folders of them (a Maildir)")],
    ) -> None:
        """Take in complaints sent by e-mail: each message becomes a complaint, or a message on the complaint it
        answers; each e-mail once (run it as often as you like); a bad one is reported and the rest go on."""
        from collections import Counter

        from ...services.mail_intake import take_in_safely
        from ..mail_sources import read_messages

        missing = [p for p in paths if not p.exists()]
        if missing:
            err.print(f"[red]error:[/red] {missing[0]} does not exist")
            raise typer.Exit(2)
        c = _container()
        messages = list(read_messages(paths))
        counts: Counter[str] = Counter()
        with progress_bar() as bar:
            task = bar.add_task("taking in e-mail", total=len(messages))
            for where, raw in messages:
                reason: str | None
                if isinstance(raw, str):  # the source could not be read
                    result_outcome, reason = "refused", raw
                else:
                    with c.uow() as uow:
                        result = take_in_safely(uow, raw, c.analyse, c.settings.public_base_url)
                    result_outcome, reason = result.outcome, result.reason
                    if result.tracking_number:
                        reason = f"{result.tracking_number}" + (f" ({reason})" if reason else "")
                counts[result_outcome] += 1
                if result_outcome in ("refused", "skipped"):
                    err.print(f"[yellow]{where}:[/yellow] {result_outcome}: {reason}", soft_wrap=True)
                bar.advance(task)
        summary = ", ".join(f"{counts[k]} {k}" for k in ("new", "appended", "duplicate", "skipped", "refused"))
        err.print(f"{len(messages)} e-mail(s): {summary}")
        if messages and counts["refused"] == len(messages):
            raise typer.Exit(1)

    @app.command("mail-server")
    def mail_server(
        host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="SMTP port")] = 2525,
    ) -> None:
        """Receive complaints by SMTP (point a mail exchanger or a forwarding rule here); stops on Ctrl-C."""
        import threading

        from ..smtp_in import controller

        c = _container()
        _load_analysis_model()
        smtp = controller(c, host, port)
        smtp.start()
        err.print(f"taking in e-mail on smtp://{host}:{port} (Ctrl-C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            smtp.stop()

    @app.command()
    def sweep() -> None:
        """Run the SLA sweep once: mark breaches, escalate, notify supervisors."""
        from ...services import sweep as sweep_service

        c = _container()
        report = sweep_service.sweep(c.uow(), c.settings.public_base_url)
        typer.echo(f"breached {report.breached}, escalated {report.escalated}, skipped {report.skipped}")

    @app.command()
    def deliver() -> None:
        """Deliver pending e-mails and webhook calls once (the server does this continuously)."""
        from ...adapters.delivery import SmtpMailer, WebhookPoster
        from ...services import outbox

        c = _container()
        s = c.settings
        mailer = SmtpMailer(s.smtp_host, s.smtp_port, s.smtp_sender) if s.smtp_host else None
        poster = WebhookPoster()
        report = outbox.deliver(c.uow(), mailer, poster, limit=10_000)
        poster.close()
        typer.echo(f"sent {report.sent}, failed {report.failed}, skipped {report.skipped}")

    _ = SYSTEM
