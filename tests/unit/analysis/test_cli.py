import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from complaintdesk.entrypoints.cli import analysis_cmds


def make_app() -> typer.Typer:
    app = typer.Typer()
    analysis_cmds.register(app)
    return app


runner = CliRunner()


def test_analyze_skips_bad_lines_with_their_number(small_model_file: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "家里一点信号都没有，马上派人来修！"}\n'
        "this is not json\n"
        "\n"
        '{"id": "c"}\n'
        '["a list"]\n'
        '{"id": "d", "text": "Your agent was rude and hung up on me.", "lang": "en"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        make_app(), ["analyze", "--input", str(src), "--output", str(out), "--model", str(small_model_file)]
    )
    assert result.exit_code == 0, result.output
    assert "line 2" in result.stderr and "line 4" in result.stderr and "line 5" in result.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "d"]
    first = lines[0]
    for key in ("language", "nature", "category", "emotion", "motives", "temperament", "risks", "amounts",
                "priority", "confidence", "evidence"):  # fmt: skip
        assert key in first
    assert first["telecom_phenomenon"] == first["extra"]["telecom_phenomenon"]


def test_analyze_stdin_to_stdout(small_model_file: Path) -> None:
    result = runner.invoke(
        make_app(),
        ["analyze", "--input", "-", "--output", "-", "--model", str(small_model_file)],
        input='{"id": 7, "text": "I was charged £45.99 twice"}\n',
    )
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip())
    assert line["id"] == 7 and line["amounts"] == [{"value": 45.99, "currency": "GBP"}]


def test_train_then_eval_with_custom_head(labelled_file: Path, tmp_path: Path) -> None:
    model = tmp_path / "m.joblib"
    result = runner.invoke(make_app(), ["train", "--labels", str(labelled_file), "--out", str(model)])
    assert result.exit_code == 0, result.output
    assert model.is_file() and "telecom_phenomenon" in result.stderr
    scores = tmp_path / "scores.json"
    result = runner.invoke(
        make_app(), ["eval", "--labels", str(labelled_file), "--model", str(model), "--json", str(scores)]
    )
    assert result.exit_code == 0, result.output
    for head in ("nature", "category", "emotion", "temperament", "primary_motive", "risks", "amounts",
                 "language", "priority", "telecom_phenomenon", "macro-F1", "micro-F1"):  # fmt: skip
        assert head in result.stdout
    data = json.loads(scores.read_text(encoding="utf-8"))
    assert data["language"]["accuracy"] == 1.0
    assert data["telecom_phenomenon"]["accuracy"] >= 0.8
    assert data["risks"]["micro_f1"] is not None


def test_missing_files_are_reported(tmp_path: Path) -> None:
    result = runner.invoke(make_app(), ["eval", "--labels", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    result = runner.invoke(make_app(), ["train", "--labels", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
