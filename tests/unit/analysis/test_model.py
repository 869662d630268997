from pathlib import Path

import pytest

from complaintdesk.analysis import Analyzer, CustomerContext, Model, train
from complaintdesk.analysis.model import MODEL_FORMAT, extra_head_names

from .conftest import fixture_rows


def test_custom_head_is_learned_without_code(small_analyzer: Analyzer) -> None:
    assert small_analyzer.model.extra_heads == ["telecom_phenomenon"]
    result = small_analyzer.analyze("家里一点信号都没有，马上派人来修！")
    assert result.extra["telecom_phenomenon"] == "signal"
    assert 0.0 < result.confidence["telecom_phenomenon"] <= 1.0


def test_round_trip_reproduces_training_labels(small_analyzer: Analyzer) -> None:
    rows = fixture_rows()
    results = small_analyzer.analyze_batch([r["text"] for r in rows])
    for head in ("nature", "category", "emotion", "temperament"):
        right = sum(getattr(a, head) == r[head] for a, r in zip(results, rows, strict=True))
        assert right >= 0.8 * len(rows), head
    phen = sum(a.extra["telecom_phenomenon"] == r["telecom_phenomenon"] for a, r in zip(results, rows, strict=True))
    assert phen >= 0.8 * len(rows)


def test_model_file_has_version_and_loads(small_model_file: Path) -> None:
    model = Model.load(small_model_file)
    assert model.version.startswith(MODEL_FORMAT + "+")
    assert model.info["rows"] == len(fixture_rows())


def test_load_rejects_other_files(tmp_path: Path) -> None:
    import joblib

    bad = tmp_path / "bad.joblib"
    joblib.dump({"hello": 1}, bad)
    with pytest.raises(ValueError):
        Model.load(bad)


def test_analysis_shape_and_evidence_offsets(small_analyzer: Analyzer) -> None:
    text = "客服態度惡劣還掛我電話，要道歉並退款HK$300，不然我找消委會！"
    result = small_analyzer.analyze(text, customer=CustomerContext(repeat_matter=True))
    assert result.language == "zh-Hant"
    assert [(a.value, a.currency) for a in result.amounts] == [(300, "HKD")]
    assert "repeat" in result.risks  # from the customer record
    assert result.priority in ("P1", "P2")
    assert result.motives and len(result.motives) <= 3 and len(set(result.motives)) == len(result.motives)
    for spans in result.evidence.values():
        for span in spans:
            assert text[span.start : span.end] == span.text
    d = result.to_dict()
    assert set(d["confidence"]) >= {"nature", "category", "emotion", "motives", "temperament", "risks", "priority"}


def test_empty_and_odd_texts_do_not_fail(small_analyzer: Analyzer) -> None:
    for text in ["", " ", "!!!", "12345", "😡😡😡", "a" * 5000]:
        result = small_analyzer.analyze(text)
        assert result.priority in ("P1", "P2", "P3", "P4")
    assert small_analyzer.analyze_batch([]) == []


def test_extra_heads_ignore_metadata() -> None:
    rows = [{"text": "x", "industry": "telecom", "channel": "phone", "id": "1", "lang": "en", "branch_area": "north"}]
    assert extra_head_names(rows) == ["branch_area"]


def test_training_needs_rows() -> None:
    with pytest.raises(ValueError):
        train([{"id": 1}])


def test_borrowed_emotion_rows_train_register_gated_social_head() -> None:
    social = [
        ("lol what is this even supposed to mean??", "confusion"),
        ("wait, how does that work? i'm lost", "confusion"),
        ("this is so dumb, I'm done with these idiots", "anger"),
        ("absolutely furious right now wtf", "anger"),
        ("meh, not great, expected a lot more tbh", "disappointment"),
        ("kind of a letdown after all the hype", "disappointment"),
        ("that's just bad, they should do better", "dissatisfaction"),
        ("not a fan of how this went at all", "dissatisfaction"),
        ("it's in the second drawer I think", "calm"),
        ("posted the link below for anyone curious", "calm"),
    ]
    borrowed = [
        {"id": f"bw-{i}-{k}", "lang": "en", "text": text, "emotion": emo, "weight": 0.25}
        for k in range(3)
        for i, (text, emo) in enumerate(social)
    ]
    model = train(fixture_rows() + borrowed)
    assert {"emotion@mixed", "emotion@social", "register:social"} <= set(model.heads)
    assert "nature@social" not in model.heads  # borrowed rows label the emotion only
    analyzer = Analyzer(model)
    assert analyzer.analyze("lol what is this even supposed to mean??").emotion == "confusion"
    result = analyzer.analyze("家里一点信号都没有，马上派人来修！")
    assert result.emotion == "anger"


def test_one_product_for_all_heads_matches_each_head(small_analyzer: Analyzer) -> None:
    import numpy as np

    from complaintdesk.analysis.features import prepare

    texts = ["No signal at home for a week. Fix the mast now!", "請問為什麼新卡一直無法登入網路？"]
    x = small_analyzer.model.featurizer.transform([prepare(t, small_analyzer.lexicon) for t in texts])
    z = np.asarray(x @ small_analyzer._weights) + small_analyzer._bias
    assert {name for name, *_ in small_analyzer._slices} == set(small_analyzer.model.heads)
    for _name, head, a, b in small_analyzer._slices:
        assert np.allclose(head.activate(z[:, a:b]), head.proba(x), atol=1e-5)
