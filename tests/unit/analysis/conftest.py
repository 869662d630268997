# ruff: noqa: E501  (one labelled row per line reads best)
"""A small labelled fixture (written for these tests) and a model trained on it once per session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from complaintdesk.analysis import Analyzer, train

# (lang, text, nature, category, emotion, motives, temperament, risks, telecom_phenomenon)
_ROWS: list[tuple[str, str, str, str, str, list[str], str, list[str], str]] = [
    ("en", "No signal at home for a week. Fix the mast now!", "help_seeking", "equipment", "anger", ["fix"], "choleric", [], "signal"),
    ("en", "Calls keep dropping and the voice is choppy, could you check?", "help_seeking", "equipment", "calm", ["fix"], "phlegmatic", [], "voice"),
    ("en", "Why can't I register my new SIM on the network?", "consultation", "service_quality", "confusion", ["fix"], "phlegmatic", [], "access"),
    ("en", "Mobile data is painfully slow every evening, third time I report it.", "effective", "service_quality", "dissatisfaction", ["fix"], "melancholic", ["repeat"], "data"),
    ("en", "Sorry, I think my phone settings were wrong, all fine now, thanks.", "consultation", "equipment", "calm", ["advise"], "phlegmatic", [], "user_side"),
    ("en", "Your agent was rude and hung up on me. I want an apology and a refund of $30 or I will sue.", "venting", "service_attitude", "anger", ["compensation", "respect"], "choleric", ["legal", "compensation_demand"], "access"),
    ("en", "I used to love your service, now the signal is gone and I am so disappointed.", "venting", "equipment", "disappointment", ["respect"], "sanguine", ["churn"], "signal"),
    ("en", "A cable fell from your pole and hit my son, he is injured. Send someone now.", "effective", "emergency", "anger", ["fix", "compensation"], "choleric", ["safety"], "signal"),
    ("en", "Voice quality is terrible on every call since Monday.", "venting", "equipment", "dissatisfaction", ["fix"], "melancholic", [], "voice"),
    ("en", "Cannot log in to the data portal, what should I do?", "help_seeking", "service_quality", "confusion", ["fix"], "phlegmatic", [], "access"),
    ("zh-Hans", "家里一点信号都没有，马上派人来修！", "help_seeking", "equipment", "anger", ["fix"], "choleric", [], "signal"),
    ("zh-Hans", "通话老是断断续续，声音听不清，麻烦看一下，谢谢。", "help_seeking", "equipment", "calm", ["fix"], "phlegmatic", [], "voice"),
    ("zh-Hans", "请问为什么新卡一直无法注册上网？", "consultation", "service_quality", "confusion", ["fix"], "phlegmatic", [], "access"),
    ("zh-Hans", "流量网速每天晚上都很慢，这是第三次反映了，很不满意。", "effective", "service_quality", "dissatisfaction", ["fix"], "melancholic", ["repeat"], "data"),
    ("zh-Hans", "不好意思，是我自己手机设置错了，现在好了。", "consultation", "equipment", "calm", ["advise"], "phlegmatic", [], "user_side"),
    ("zh-Hans", "客服态度恶劣还挂我电话，必须道歉并退款200元，否则我去12315投诉！", "venting", "service_attitude", "anger", ["compensation", "respect"], "choleric", ["regulator", "compensation_demand"], "access"),
    ("zh-Hans", "以前一直很喜欢你们，现在信号这么差，太失望了，准备携号转网。", "venting", "equipment", "disappointment", ["respect"], "sanguine", ["churn"], "signal"),
    ("zh-Hans", "你们的电线杆倒了砸伤了我父亲，赶紧派人来！", "effective", "emergency", "anger", ["fix", "compensation"], "choleric", ["safety"], "signal"),
    ("zh-Hans", "数据流量被乱扣费，上个月多收了我50块。", "effective", "service_quality", "dissatisfaction", ["compensation"], "melancholic", ["compensation_demand"], "data"),
    ("zh-Hant", "屋企完全冇訊號，即刻派人嚟整！", "help_seeking", "equipment", "anger", ["fix"], "choleric", [], "signal"),
    ("zh-Hant", "通話聲音斷斷續續，麻煩幫忙看看，謝謝。", "help_seeking", "equipment", "calm", ["fix"], "phlegmatic", [], "voice"),
    ("zh-Hant", "請問為什麼新卡一直無法登入網路？", "consultation", "service_quality", "confusion", ["fix"], "phlegmatic", [], "access"),
    ("zh-Hant", "行動數據每晚都很慢，已經第三次反映，很不滿意。", "effective", "service_quality", "dissatisfaction", ["fix"], "melancholic", ["repeat"], "data"),
    ("zh-Hant", "不好意思，是我自己手機設定錯了，現在沒事了。", "consultation", "equipment", "calm", ["advise"], "phlegmatic", [], "user_side"),
    ("zh-Hant", "客服態度惡劣還掛我電話，要道歉並退款，不然我找消委會！", "venting", "service_attitude", "anger", ["compensation", "respect"], "choleric", ["regulator", "compensation_demand"], "access"),
    ("zh-Hant", "以前好鍾意你哋，而家訊號咁差，好失望，準備轉台。", "venting", "equipment", "disappointment", ["respect"], "sanguine", ["churn"], "signal"),
]  # fmt: skip


def fixture_rows() -> list[dict[str, Any]]:
    rows = []
    for i, (lang, text, nature, category, emotion, motives, temperament, risks, phen) in enumerate(_ROWS, 1):
        rows.append(
            {
                "id": f"fx-{i:03d}",
                "lang": lang,
                "industry": "telecom",
                "text": text,
                "nature": nature,
                "category": category,
                "emotion": emotion,
                "motives": motives,
                "temperament": temperament,
                "risks": risks,
                "amounts": [],
                "priority": "P3",
                "telecom_phenomenon": phen,
            }
        )
    return rows


@pytest.fixture(scope="session")
def labelled_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("labels") / "telecom.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in fixture_rows()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = train(fixture_rows())
    return model.save(tmp_path_factory.mktemp("model") / "small.joblib")


@pytest.fixture(scope="session")
def small_analyzer(small_model_file: Path) -> Analyzer:
    return Analyzer.load(small_model_file)
