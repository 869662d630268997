"""The playbook data files: an organisation's folder layered over the defaults, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaintdesk.playbook import PlaybookDataError, coach, load_playbook, make_plan
from complaintdesk.playbook._data import DATA_DIR

from .cases import BAD, COMPLAINT, GOOD
from .conftest import analysis


def _org(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "org"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    root.mkdir(exist_ok=True)
    return root


def test_the_shipped_data_loads_and_covers_every_language() -> None:
    pb = load_playbook()
    assert pb.source == "default"
    assert set(pb.langs) == {"en", "zh-Hans", "zh-Hant"}
    for lang in pb.langs:
        assert {"coach", "plan", "draft", "principles"} <= set(pb.langs[lang])
    assert (DATA_DIR / "plan.yaml").is_file()


def test_an_organisation_adds_its_own_phrases_and_texts(tmp_path: Path) -> None:
    root = _org(
        tmp_path,
        {
            "en/coach.yaml": """
rules:
  boilerplate:
    message: "Stock phrase from the old letter templates."
  overpromise:
    checks:
      absolute:
        +patterns:
          - '\\bsorted in a jiffy\\b'
""",
            "en/plan.yaml": """
steps:
  listen_fully: {do: "Let them talk; our script A-1.", say: ["Take your time."]}
""",
        },
    )
    pb = load_playbook(root)
    assert pb.source == str(root)
    reply = GOOD["en"].replace("Thursday", "Thursday, sorted in a jiffy,", 1)
    assert coach(reply, lang="en", playbook=pb).rules == ["overpromise"]
    assert coach(reply, lang="en").ok  # the defaults are untouched
    assert (
        coach(BAD["boilerplate"]["en"], complaint=COMPLAINT["en"], lang="en", playbook=pb).violations[0].message
        == "Stock phrase from the old letter templates."
    )
    angry = make_plan(analysis(emotion="anger"), playbook=pb)
    assert next(s for s in angry.steps if s.id == "listen_fully").do == "Let them talk; our script A-1."


def test_the_environment_variable_selects_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _org(tmp_path, {"en/coach.yaml": "rules:\n  no_contact:\n    message: 'Sign it!'\n"})
    monkeypatch.setenv("COMPLAINTDESK_PLAYBOOK_DIR", str(root))
    assert load_playbook().source == str(root)
    monkeypatch.delenv("COMPLAINTDESK_PLAYBOOK_DIR")
    assert load_playbook().source == "default"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"en/coach.yaml": "rules: [unclosed\n"}, "en/coach.yaml: invalid YAML"),
        ({"en/coach.yaml": "- a list\n"}, "top level must be a mapping"),
        (
            {"en/coach.yaml": "rules:\n  be_nice: {message: x, principle: y, suggestion: z}\n"},
            "unknown rules ['be_nice']",
        ),
        ({"en/coach.yaml": "rules:\n  excuses: {message: ''}\n"}, "rule excuses has no message"),
        (
            {"en/coach.yaml": "rules:\n  excuses:\n    checks:\n      mine: {kind: magic, patterns: [x]}\n"},
            "rule excuses check mine: unknown kind 'magic'",
        ),
        (
            {"en/coach.yaml": "rules:\n  excuses:\n    checks:\n      mine: {kind: phrase, patterns: ['(unclosed']}\n"},
            "bad pattern '(unclosed'",
        ),
        (
            {"en/coach.yaml": "rules:\n  excuses:\n    checks:\n      mine: {kind: phrase, patterns: ['@nowhere']}\n"},
            "unknown pattern group @nowhere",
        ),
        (
            {
                "en/coach.yaml": (
                    "rules:\n  excuses:\n    checks:\n      mine: {kind: weighted, threshold: lots, cues: []}\n"
                )
            },
            "a check is malformed",
        ),
        ({"plan.yaml": "steps:\n  - {id: hug, phase: open, principle: fast}\n"}, "plan.yaml (with "),
        ({"plan.yaml": "steps:\n  - {id: hug, phase: dance, principle: fast}\n"}, "unknown phase 'dance'"),
        ({"plan.yaml": "steps:\n  - {phase: open}\n"}, "step 1 needs at least an id"),
        ({"en/draft.yaml": "weekdays: [Mon, Tue]\n"}, "'weekdays' needs 7 names"),
    ],
)
def test_a_broken_file_is_reported_with_its_name(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    root = _org(tmp_path, files)
    with pytest.raises(PlaybookDataError) as info:
        load_playbook(root)
    assert expected in str(info.value)
    if "YAML" not in expected and "mapping" not in expected:
        assert str(root) in str(info.value)


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PlaybookDataError, match="does not exist"):
        load_playbook(tmp_path / "nope")


def test_the_documented_example_loads_and_works(tmp_path: Path) -> None:
    """The example of docs/playbook-format.md, as written there."""
    root = _org(
        tmp_path,
        {
            "zh-Hant/coach.yaml": """
rules:
  excuses:
    checks:
      justifications:
        +cues:
          - weight: 2
            class: pressure
            patterns: ['基站(?:升級|維修)中|網絡繁忙']
  boilerplate:
    message: 回覆用了舊範本的套語，請改寫成這位客戶的情況。
""",
            "plan.yaml": """
+steps:
  - {id: field_test, phase: solve, principle: explain_steps, when: [{category: [equipment]}]}
""",
            **{
                f"{lang}/plan.yaml": """
steps:
  field_test: {do: "Book a field test at the customer's address.", say: ["An engineer will measure on {date}."]}
"""
                for lang in ("en", "zh-Hans", "zh-Hant")
            },
        },
    )
    pb = load_playbook(root)
    assert "field_test" in make_plan(analysis(category="equipment"), playbook=pb).step_ids
    assert "field_test" not in make_plan(analysis(category="service_quality"), playbook=pb).step_ids
    reply = (
        "陳先生您好，非常抱歉，基站維修中，網絡繁忙。我們星期四上午9時前修好，我會致電。"
        "客戶服務主任陳嘉欣，電話 2678 2678。"
    )
    assert "excuses" in coach(reply, lang="zh-Hant", playbook=pb).rules
    assert "excuses" not in coach(reply, lang="zh-Hant").rules
