"""Playbook commands: `plan`, `coach`, `eval-coach` and `draft` over JSONL files (`-` = stdin/stdout)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.table import Table

from ...analysis.result import Amount, Analysis
from ...domain.labels import COACH_RULES
from ...playbook import (
    NEUTRAL_LABELS,
    CoachContext,
    DraftContext,
    PlanContext,
    Playbook,
    PlaybookDataError,
    coach,
    detect_language,
    draft_reply,
    load_playbook,
    make_plan,
)

_ANALYSIS_KEYS = ("language", *NEUTRAL_LABELS)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _playbook(playbook_dir: str | None) -> Playbook:
    """The playbook data, or a clear message and exit code 2 when a data file is wrong."""
    try:
        return load_playbook(playbook_dir)
    except PlaybookDataError as exc:
        _err(f"error: the playbook data is not valid: {exc}")
        raise typer.Exit(2) from None


@contextmanager
def _open_in(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdin
    else:
        with open(path, encoding="utf-8") as fh:
            yield fh


@contextmanager
def _open_out(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            yield fh


def read_jsonl(path: str, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for good lines; report bad lines on stderr and skip them."""
    with _open_in(path) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                _err(f"line {number}: not valid JSON ({exc.msg}); skipped")
                continue
            if not isinstance(obj, dict):
                _err(f"line {number}: expected a JSON object; skipped")
                continue
            missing = [k for k in required if not isinstance(obj.get(k), str) or not obj.get(k)]
            if missing:
                _err(f"line {number}: missing or empty {', '.join(missing)}; skipped")
                continue
            yield number, obj


def _analyzer() -> Callable[..., Analysis] | None:
    try:
        from ... import analysis as analysis_pkg  # lazily: the analyser may not exist yet
    except ImportError:  # pragma: no cover
        return None
    fn = getattr(analysis_pkg, "analyze", None)
    return fn if callable(fn) else None


def analysis_for(obj: dict[str, Any]) -> Analysis:
    """The line's analysis: given fields (top level or under "analysis"), else the analyser's, else defaults."""
    given = dict(obj.get("analysis") or {})
    given.update({k: obj[k] for k in _ANALYSIS_KEYS if k in obj})
    if "lang" in obj and "language" not in given:
        given["language"] = obj["lang"]
    text = str(obj.get("text") or obj.get("complaint") or "")
    complete = all(k in given for k in NEUTRAL_LABELS)
    if not complete:
        analyze = _analyzer()
        if analyze is not None and text:
            lang = given.get("language")
            base = (analyze(text, lang=lang) if lang else analyze(text)).to_dict()
            base.update(given)
            given = base
    data = {**NEUTRAL_LABELS, **given}
    data.setdefault("language", detect_language(text))
    data["amounts"] = [
        a if isinstance(a, Amount) else Amount(float(a["value"]), str(a.get("currency", ""))) for a in data["amounts"]
    ]
    amounts = data.pop("amounts")
    result = Analysis.from_dict({**data, "amounts": []})
    result.amounts = amounts
    return result


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"expected a number, not {value!r}")
    return float(value)


def _plan_context(obj: dict[str, Any]) -> PlanContext:
    c = obj.get("context") or {}
    return PlanContext(
        prior_complaints=int(c.get("prior_complaints", 0)),
        repeat_matter=bool(c.get("repeat_matter", False)),
        doubtful_claims=int(c.get("doubtful_claims", 0)),
        vip=bool(c.get("vip", False)),
        remedy_limit=float(c["remedy_limit"]) if c.get("remedy_limit") is not None else None,
        currency=str(c.get("currency", "")),
        handler_name=str(c.get("handler_name", "")),
    )


def evaluate(rows: list[dict[str, Any]], playbook: Playbook | None = None) -> dict[str, Any]:
    """Precision, recall and F1 per rule and overall (micro), and the share of good replies passing clean."""
    pb = playbook or load_playbook()
    tp = dict.fromkeys(COACH_RULES, 0)
    fp = dict.fromkeys(COACH_RULES, 0)
    fn = dict.fromkeys(COACH_RULES, 0)
    good = clean = 0
    for r in rows:
        pred = set(coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb).rules)
        gold = {v["rule"] for v in r.get("violations") or [] if v.get("rule") in tp}
        if not gold:
            good += 1
            clean += not pred
        for rule in COACH_RULES:
            tp[rule] += rule in pred and rule in gold
            fp[rule] += rule in pred and rule not in gold
            fn[rule] += rule in gold and rule not in pred

    def prf(t: int, f_p: int, f_n: int) -> dict[str, float | int]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": t, "fp": f_p, "fn": f_n, "support": t + f_n, "precision": p, "recall": r, "f1": f1}

    per_rule = {rule: prf(tp[rule], fp[rule], fn[rule]) for rule in COACH_RULES}
    overall = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "pairs": len(rows),
        "rules": per_rule,
        "overall": overall,
        "good_replies": good,
        "good_clean": clean,
        "good_clean_share": clean / good if good else 0.0,
    }


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""

    @app.command("plan")
    def plan_cmd(
        input: str = typer.Option(..., "--input", "-i", help="JSONL: text, optional analysis fields, context"),
        output: str = typer.Option("-", "--output", "-o", help="JSONL output ('-' = stdout)"),
        playbook_dir: str | None = typer.Option(None, "--playbook", help="organisation playbook folder"),
    ) -> None:
        """Propose a handling plan for each complaint."""
        pb = _playbook(playbook_dir)
        with _open_out(output) as out:
            for number, obj in read_jsonl(input):
                try:
                    plan = make_plan(analysis_for(obj), _plan_context(obj), playbook=pb)
                except (KeyError, TypeError, ValueError) as exc:
                    _err(f"line {number}: {exc}; skipped")
                    continue
                out.write(json.dumps({"id": obj.get("id"), **plan.to_dict()}, ensure_ascii=False) + "\n")

    @app.command("coach")
    def coach_cmd(
        input: str = typer.Option(..., "--input", "-i", help='JSONL: {"id","complaint","reply","lang"?}'),
        output: str = typer.Option("-", "--output", "-o", help="JSONL output ('-' = stdout)"),
        playbook_dir: str | None = typer.Option(None, "--playbook", help="organisation playbook folder"),
        details: bool = typer.Option(False, "--details", help="also write principle, suggestion and evidence"),
    ) -> None:
        """Check handlers' replies against the complaint-handling principles."""
        pb = _playbook(playbook_dir)
        with _open_out(output) as out:
            for number, obj in read_jsonl(input, required=("reply",)):
                lang = obj.get("lang") if isinstance(obj.get("lang"), str) else None
                complaint = obj.get("complaint") if isinstance(obj.get("complaint"), str) else None
                ctx = obj.get("context") or {}
                try:
                    if lang is not None and lang not in ("zh-Hans", "zh-Hant", "en"):
                        raise ValueError(f"lang must be zh-Hans, zh-Hant or en, not {lang!r}")
                    if not isinstance(ctx, dict):
                        raise ValueError("context must be an object")
                    result = coach(
                        obj["reply"],
                        complaint=complaint,
                        lang=lang,
                        context=CoachContext(
                            approved_remedy=_number(ctx.get("approved_remedy")),
                            remedy_limit=_number(ctx.get("remedy_limit")),
                            handler_name=ctx.get("handler_name") if isinstance(ctx.get("handler_name"), str) else None,
                        ),
                        playbook=pb,
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    _err(f"line {number}: {exc}; skipped")
                    continue
                violations = [
                    v.to_dict() if details else {"rule": v.rule, "message": v.message, "span": list(v.span)}
                    for v in result.violations
                ]
                row = {"id": obj.get("id"), "ok": result.ok, "violations": violations}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")

    @app.command("eval-coach")
    def eval_coach_cmd(
        labels: list[str] = typer.Option(
            ...,
            "--labels",
            "--pairs",
            "-l",
            help='JSONL: {"id","lang","complaint","reply","violations"}; repeat to pool several files',
        ),
        playbook_dir: str | None = typer.Option(None, "--playbook", help="organisation playbook folder"),
        as_json: bool = typer.Option(False, "--json", help="print the figures as JSON"),
    ) -> None:
        """Precision/recall/F1 of the coach per rule and overall on labelled pairs."""
        pb = _playbook(playbook_dir)
        rows = [obj for path in labels for _, obj in read_jsonl(path, required=("reply",))]
        figures = evaluate(rows, pb)
        if as_json:
            print(json.dumps(figures, indent=2))
            return
        console = Console()
        table = Table(title=f"Reply coach on {' + '.join(labels)} ({figures['pairs']} pairs)")
        for col in ("rule", "support", "tp", "fp", "fn", "precision", "recall", "F1"):
            table.add_column(col, justify="left" if col == "rule" else "right")

        def add(name: str, m: dict[str, Any], style: str | None = None) -> None:
            table.add_row(
                name,
                *(str(m[k]) for k in ("support", "tp", "fp", "fn")),
                *(f"{m[k]:.3f}" for k in ("precision", "recall", "f1")),
                style=style,
            )

        for rule, m in figures["rules"].items():
            add(rule, m)
        add("overall (micro)", figures["overall"], "bold")
        console.print(table)
        console.print(
            f"good replies passing clean: {figures['good_clean']}/{figures['good_replies']}"
            f" = {figures['good_clean_share']:.3f}"
        )

    @app.command("draft")
    def draft_cmd(
        input: str = typer.Option(..., "--input", "-i", help="JSONL: text, optional analysis fields, handler"),
        output: str = typer.Option("-", "--output", "-o", help="JSONL output ('-' = stdout)"),
        playbook_dir: str | None = typer.Option(None, "--playbook", help="organisation playbook folder"),
    ) -> None:
        """Draft a first reply for each complaint (each draft is checked by the coach)."""
        pb = _playbook(playbook_dir)
        default_when = (datetime.now() + timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
        with _open_out(output) as out:
            for number, obj in read_jsonl(input):
                try:
                    when = datetime.fromisoformat(obj["commit_by"]) if obj.get("commit_by") else default_when
                    ctx = DraftContext(
                        handler_name=str(obj.get("handler_name") or "…"),
                        contact=str(obj.get("contact") or "…"),
                        commit_by=when,
                        customer_name=obj.get("customer_name"),
                        approved_remedy=obj.get("approved_remedy"),
                        currency=str(obj.get("currency") or ""),
                        reference=obj.get("reference"),
                    )
                    text = obj.get("complaint") or obj.get("text")
                    draft = draft_reply(
                        analysis_for(obj), ctx, complaint=text if isinstance(text, str) else None, playbook=pb
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    _err(f"line {number}: {exc}; skipped")
                    continue
                out.write(json.dumps({"id": obj.get("id"), **draft.to_dict()}, ensure_ascii=False) + "\n")
