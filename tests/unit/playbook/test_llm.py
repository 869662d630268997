"""The optional language-model drafts, against a tiny OpenAI-compatible server started here (no mock)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from complaintdesk.playbook import DraftContext
from complaintdesk.playbook.llm import LlmConfig, llm_draft

from .cases import COMPLAINT, GOOD
from .conftest import analysis

CTX = DraftContext("Anna Lee", "020 7946 0321", datetime(2026, 6, 12, 17, 0), customer_name="Mr Brown")


class _Handler(BaseHTTPRequestHandler):
    answer: ClassVar[dict[str, Any]] = {}
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        status = int(self.answer.get("status", 200))
        payload = json.dumps(self.answer.get("json", {})).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.requests.clear()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def _completion(text: str) -> dict[str, Any]:
    return {"json": {"choices": [{"message": {"role": "assistant", "content": text}}]}}


def test_a_good_model_text_is_used(server: str) -> None:
    _Handler.answer = _completion(GOOD["en"])
    cfg = LlmConfig(url=server, model="tiny", api_key="k-123", timeout=5)
    out = llm_draft(analysis(emotion="anger", temperament="choleric"), CTX, COMPLAINT["en"], config=cfg)
    assert out.source == "llm" and out.draft.text == GOOD["en"] and out.draft.ok
    sent = _Handler.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k-123"
    assert sent["body"]["model"] == "tiny"
    system, user = sent["body"]["messages"]
    assert "English" in system["content"] and "seed" in system["content"]
    assert (
        COMPLAINT["en"] in user["content"]
        and "Anna Lee" in user["content"]
        and "5 pm on Friday 12 June" in (user["content"])
    )


def test_a_model_text_that_breaks_a_rule_falls_back_to_the_template(server: str) -> None:
    _Handler.answer = _completion("We are very busy. This will never happen again. Regards, Customer Services")
    out = llm_draft(analysis(), CTX, COMPLAINT["en"], config=LlmConfig(url=server, timeout=5))
    assert out.source == "template" and out.draft.ok
    assert "overpromise" in out.note and "no_contact" in out.note


@pytest.mark.parametrize(
    "answer", [{"status": 500, "json": {"error": "x"}}, {"json": {"choices": []}}, _completion("")]
)
def test_a_failing_model_falls_back_to_the_template(server: str, answer: dict[str, Any]) -> None:
    _Handler.answer = answer
    out = llm_draft(analysis(language="zh-Hans"), CTX, COMPLAINT["zh-Hans"], config=LlmConfig(url=server, timeout=5))
    assert out.source == "template" and out.draft.ok and out.draft.language == "zh-Hans" and out.note


def test_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COMPLAINTDESK_LLM_URL", raising=False)
    assert LlmConfig.from_env() is None
    out = llm_draft(analysis(), CTX, COMPLAINT["en"])
    assert out.source == "template" and "no language model" in out.note
    monkeypatch.setenv("COMPLAINTDESK_LLM_URL", "http://127.0.0.1:9/v1/")
    monkeypatch.setenv("COMPLAINTDESK_LLM_TIMEOUT", "0.5")
    cfg = LlmConfig.from_env()
    assert cfg is not None and cfg.url == "http://127.0.0.1:9/v1" and cfg.timeout == 0.5
    assert llm_draft(analysis(), CTX, COMPLAINT["en"]).source == "template"  # nothing listens on port 9
