"""The playbook commands: coach, eval-coach, plan and draft over JSONL files and stdin/stdout."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from complaintdesk.entrypoints.cli import playbook_cmds

from .cases import BAD, COMPLAINT, GOOD

runner = CliRunner()
FULL_ANALYSIS = {
    "nature": "venting",
    "category": "service_quality",
    "emotion": "anger",
    "motives": ["vent"],
    "temperament": "choleric",
    "risks": [],
    "amounts": [],
    "priority": "P3",
}


def make_app() -> typer.Typer:
    app = typer.Typer()
    playbook_cmds.register(app)
    return app


def _jsonl(rows: list[object]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def test_coach_file_to_file_with_bad_lines_reported(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        _jsonl(
            [
                {"id": "a", "complaint": COMPLAINT["en"], "reply": BAD["no_commitment"]["en"], "lang": "en"},
                "{not json",
                {"id": "b", "complaint": COMPLAINT["zh-Hant"], "reply": GOOD["zh-Hant"]},
                {"id": "c", "complaint": "no reply here"},
                ["a", "list"],
                {"id": "d", "reply": "Hello", "lang": "fr"},
                "",
                {"id": "e", "complaint": COMPLAINT["zh-Hans"], "reply": BAD["filler_agreement"]["zh-Hans"]},
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out" / "o.jsonl"
    result = runner.invoke(make_app(), ["coach", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    for n in (2, 4, 5, 6):
        assert f"line {n}" in result.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "e"]
    assert rows[0]["ok"] is False and [v["rule"] for v in rows[0]["violations"]] == ["no_commitment"]
    assert set(rows[0]["violations"][0]) == {"rule", "message", "span"}
    start, end = rows[0]["violations"][0]["span"]
    assert 0 <= start < end <= len(BAD["no_commitment"]["en"])
    assert rows[1] == {"id": "b", "ok": True, "violations": []}
    assert [v["rule"] for v in rows[2]["violations"]] == ["filler_agreement"]


def test_coach_stdin_to_stdout_with_details() -> None:
    line = {"id": 7, "reply": BAD["policy_first"]["zh-Hans"], "lang": "zh-Hans"}
    result = runner.invoke(make_app(), ["coach", "--input", "-", "--details"], input=_jsonl([line]))
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip())
    assert row["id"] == 7 and row["violations"][0]["rule"] == "policy_first"
    assert row["violations"][0]["principle"] and row["violations"][0]["suggestion"]


def test_eval_coach_prints_precision_and_recall(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    rows = [
        {"id": "1", "lang": "en", "complaint": COMPLAINT["en"], "reply": GOOD["en"], "violations": []},
        {
            "id": "2",
            "lang": "en",
            "complaint": COMPLAINT["en"],
            "reply": BAD["overpromise"]["en"],
            "violations": [{"rule": "overpromise", "evidence": "never happen again"}],
        },
        {
            "id": "3",
            "lang": "zh-Hans",
            "complaint": COMPLAINT["zh-Hans"],
            "reply": BAD["excuses"]["zh-Hans"],
            "violations": [{"rule": "disclosure"}],  # a wrong label: one FP and one FN
        },
    ]
    pairs.write_text(_jsonl(rows), encoding="utf-8")
    result = runner.invoke(make_app(), ["eval-coach", "--pairs", str(pairs), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["pairs"] == 3
    assert figures["rules"]["overpromise"]["tp"] == 1
    assert figures["rules"]["excuses"]["fp"] == 1 and figures["rules"]["disclosure"]["fn"] == 1
    assert figures["overall"]["precision"] == 0.5 and figures["overall"]["recall"] == 0.5
    assert figures["good_replies"] == 1 and figures["good_clean_share"] == 1.0
    table = runner.invoke(make_app(), ["eval-coach", "--labels", str(pairs)])
    assert table.exit_code == 0
    assert "overpromise" in table.stdout and "overall" in table.stdout and "good replies passing clean" in table.stdout


def test_plan_and_draft_commands(tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(
        _jsonl(
            [
                {
                    "id": "x",
                    "text": COMPLAINT["en"],
                    "language": "en",
                    **FULL_ANALYSIS,
                    "handler_name": "Ana Lee",
                    "contact": "020 7946 0321",
                    "commit_by": "2026-06-12T17:00:00",
                    "context": {"vip": True},
                },
                "oops",
                {
                    "id": "y",
                    "text": COMPLAINT["zh-Hans"],
                    "language": "zh-Hans",
                    **FULL_ANALYSIS,
                    "handler_name": "王丽",
                    "contact": "021-6432 7788",
                    "commit_by": "bad date",
                },
            ]
        ),
        encoding="utf-8",
    )
    plan = runner.invoke(make_app(), ["plan", "--input", str(src)])
    assert plan.exit_code == 0, plan.output
    plans = [json.loads(x) for x in plan.stdout.splitlines()]
    assert [p["id"] for p in plans] == ["x", "y"]
    assert "vip_attention" in [s["id"] for s in plans[0]["steps"]] and plans[0]["tone"]
    assert plans[1]["language"] == "zh-Hans"
    draft = runner.invoke(make_app(), ["draft", "--input", str(src)])
    assert draft.exit_code == 0, draft.output
    assert "line 2" in draft.stderr and "line 3" in draft.stderr  # not JSON; a date that is not a date
    drafts = [json.loads(x) for x in draft.stdout.splitlines()]
    assert len(drafts) == 1 and drafts[0]["ok"] is True
    assert "Ana Lee" in drafts[0]["text"] and "5 pm on Friday 12 June" in drafts[0]["text"]


def test_a_broken_organisation_playbook_is_reported_clearly(tmp_path: Path) -> None:
    org = tmp_path / "org" / "en"
    org.mkdir(parents=True)
    (org / "coach.yaml").write_text("rules:\n  excuses: [not, a, mapping\n", encoding="utf-8")
    result = runner.invoke(
        make_app(), ["coach", "--input", "-", "--playbook", str(tmp_path / "org")], input=_jsonl([{"reply": "x"}])
    )
    assert result.exit_code == 2
    assert "playbook data is not valid" in result.stderr and "en/coach.yaml" in result.stderr
    assert "Traceback" not in result.output
