"""analyze, train, eval: the complaint analyser on files of complaints (JSONL)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

if TYPE_CHECKING:
    from ...analysis.engine import Analyzer
    from ...analysis.evaluate import HeadScore

err = Console(stderr=True)

PROGRESS_MIN_LINES = 500
BATCH = 256


@contextmanager
def _open_in(name: str) -> Iterator[IO[str]]:
    if name == "-":
        yield sys.stdin
    else:
        with Path(name).open(encoding="utf-8") as fh:
            yield fh


@contextmanager
def _open_out(name: str) -> Iterator[IO[str]]:
    if name == "-":
        yield sys.stdout
    else:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            yield fh


def _analyzer(model: Path | None) -> Analyzer:
    from ...analysis.engine import Analyzer, default_analyzer

    if model is not None:
        if not model.is_file():
            err.print(f"[red]error:[/red] no model file {model}")
            raise typer.Exit(2)
        try:
            return Analyzer.load(model)
        except ValueError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    return default_analyzer()


def output_record(row: dict[str, Any], analysis_dict: dict[str, Any]) -> dict[str, Any]:
    """One output line: the input id, the analysis, and organisation heads also at top level."""
    out: dict[str, Any] = {"id": row.get("id")}
    out.update(analysis_dict)
    for key, value in analysis_dict.get("extra", {}).items():
        out.setdefault(key, value)
    return out


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=total < PROGRESS_MIN_LINES,
    )


def _summary_table(scores: Sequence[HeadScore]) -> Table:
    table = Table(title="Analysis evaluation", title_justify="left")
    for col in ("head", "n", "accuracy", "macro-F1", "micro-F1"):
        table.add_column(col, justify="left" if col == "head" else "right")

    def fmt(v: float | None) -> str:
        return "" if v is None else f"{v:.3f}"

    for s in scores:
        table.add_row(s.head, str(s.n), fmt(s.accuracy), fmt(s.macro_f1), fmt(s.micro_f1))
    return table


def _confusion_table(s: HeadScore) -> Table:
    table = Table(title=f"{s.head}: gold (rows) × predicted (columns)", title_justify="left")
    table.add_column("gold \\ pred")
    for lab in s.labels:
        table.add_column(lab, justify="right")
    for i, (lab, row) in enumerate(zip(s.labels, s.confusion, strict=True)):
        table.add_row(lab, *(f"[bold]{v}[/bold]" if j == i else str(v) for j, v in enumerate(row)))
    return table


def _per_label_table(s: HeadScore) -> Table:
    table = Table(title=f"{s.head}: per label", title_justify="left")
    for col in ("label", "support", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for lab, v in s.per_label.items():
        table.add_row(lab, str(int(v["support"])), f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}")
    return table


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""

    @app.command()
    def analyze(
        input: Annotated[str, typer.Option("--input", "-i", help="JSONL of {id, text[, lang]}; - for stdin")] = "-",
        output: Annotated[str, typer.Option("--output", "-o", help="JSONL of analyses; - for stdout")] = "-",
        model: Annotated[Path | None, typer.Option(help="model file (default: the default model)")] = None,
        currency: Annotated[str | None, typer.Option(help="organisation's default currency (ISO)")] = None,
    ) -> None:
        """Analyse complaints: nature, category, emotion, motives, temperament, risks, amounts, priority."""
        from ...analysis.corpus import BadLine, iter_jsonl

        with _open_in(input) as fh:
            lines = list(fh)
        rows: list[dict[str, Any]] = []
        bad = 0
        for lineno, item in iter_jsonl(lines):
            if isinstance(item, BadLine):
                err.print(f"line {lineno}: skipped, {item.reason}", markup=False, highlight=False)
                bad += 1
            else:
                rows.append(item)
        analyzer = _analyzer(model)
        with _open_out(output) as out, _progress(len(rows)) as progress:
            task = progress.add_task("analysing", total=len(rows))
            for start in range(0, len(rows), BATCH):
                chunk = rows[start : start + BATCH]
                langs = [r.get("lang") if isinstance(r.get("lang"), str) else None for r in chunk]
                results = analyzer.analyze_batch([r["text"] for r in chunk], langs=langs, default_currency=currency)
                for row, result in zip(chunk, results, strict=True):
                    out.write(json.dumps(output_record(row, result.to_dict()), ensure_ascii=False) + "\n")
                progress.advance(task, len(chunk))
        if bad:
            err.print(f"{len(rows)} analysed, {bad} bad line(s) skipped", highlight=False)

    @app.command()
    def train(
        labels: Annotated[
            list[Path] | None,
            typer.Option("--labels", help="labelled JSONL (repeatable); default data/analysis/train_*.jsonl"),
        ] = None,
        out: Annotated[Path, typer.Option("--out", help="model file to write")] = Path("var/models/analysis.joblib"),
        borrowed: Annotated[
            bool | None,
            typer.Option(
                "--borrowed/--no-borrowed",
                help="add the emotion-only rows (bundled GoEmotions English comments and the repository's "
                "Chinese microblog posts, reduced weight); default: on for the repository's corpus, off for --labels",
            ),
        ] = None,
    ) -> None:
        """Train the analyser on labelled complaints; extra string keys become organisation heads."""
        from ...analysis.corpus import borrowed_rows, default_training_files, load_labelled
        from ...analysis.model import train as train_model

        files = list(labels) if labels else default_training_files()
        if not files:
            err.print("[red]error:[/red] no labelled files given and no data/analysis/train_*.jsonl found")
            raise typer.Exit(2)
        for f in files:
            if not f.is_file():
                err.print(f"[red]error:[/red] no such file {f}")
                raise typer.Exit(2)
        rows = [row for f in files for row in load_labelled(f)]
        if borrowed if borrowed is not None else not labels:
            rows += borrowed_rows()
        try:
            model = train_model(rows)
        except ValueError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        model.save(out)
        extras = f", organisation heads: {', '.join(model.extra_heads)}" if model.extra_heads else ""
        err.print(
            f"trained {model.version} on {model.info['rows']} rows in {model.info['seconds']}s{extras} → {out}",
            highlight=False,
            soft_wrap=True,
        )

    @app.command(name="eval")
    def evaluate(
        labels: Annotated[Path, typer.Option("--labels", help="labelled JSONL to score against")],
        model: Annotated[Path | None, typer.Option(help="model file (default: the default model)")] = None,
        json_out: Annotated[Path | None, typer.Option("--json", help="also write the scores as JSON here")] = None,
        confusion: Annotated[bool, typer.Option(help="print the confusion tables")] = True,
    ) -> None:
        """Score the analyser on labelled complaints: accuracy, macro-F1, micro-F1 (risks), exact amounts."""
        from ...analysis.corpus import load_labelled
        from ...analysis.evaluate import score, scores_to_dict

        if not labels.is_file():
            err.print(f"[red]error:[/red] no such file {labels}")
            raise typer.Exit(2)
        rows = load_labelled(labels)
        if not rows:
            err.print("[red]error:[/red] no labelled rows")
            raise typer.Exit(2)
        analyzer = _analyzer(model)
        langs = [r.get("lang") if r.get("lang") not in ("", None) else None for r in rows]
        # the language head is scored too, so the analyser detects it rather than being told
        analyses = analyzer.analyze_batch([r["text"] for r in rows], langs=[None] * len(langs))
        scores = score(analyses, rows, analyzer.model.extra_heads)
        console = Console()
        console.print(f"model {analyzer.version}, {len(rows)} labelled rows from {labels}", highlight=False)
        console.print(_summary_table(scores))
        if confusion:
            for s in scores:
                if s.confusion:
                    console.print(_confusion_table(s))
                elif s.per_label:
                    console.print(_per_label_table(s))
        if json_out is not None:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(scores_to_dict(scores), indent=2, ensure_ascii=False), encoding="utf-8")
