"""Optional: drafts written by a large language model behind an OpenAI-compatible endpoint.

Off by default. Turned on by configuration only:

    COMPLAINTDESK_LLM_URL      base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1
    COMPLAINTDESK_LLM_MODEL    model name sent with each request (default "default")
    COMPLAINTDESK_LLM_API_KEY  bearer token, if the endpoint wants one (read from the environment only)
    COMPLAINTDESK_LLM_TIMEOUT  seconds to wait (default 20)

The model gets the handling plan and the coach's principles and writes a first reply. Its text is
then checked by the coach like any draft; if it breaks a rule, or the call fails or times out, the
template draft (`draft_reply`) is used instead and the reason is given. Nothing else in the system
depends on this module.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import httpx

from ..analysis.result import Analysis
from ._data import Playbook, load_playbook
from .draft import Draft, DraftContext, check_draft, draft_reply
from .plan import PlanContext, make_plan

_LANG_NAMES = {"en": "English", "zh-Hans": "Simplified Chinese", "zh-Hant": "Traditional Chinese"}


@dataclass(frozen=True, slots=True)
class LlmConfig:
    url: str
    model: str = "default"
    api_key: str | None = None
    timeout: float = 20.0

    @classmethod
    def from_env(cls) -> LlmConfig | None:
        url = os.environ.get("COMPLAINTDESK_LLM_URL", "").strip()
        if not url:
            return None
        try:
            timeout = float(os.environ.get("COMPLAINTDESK_LLM_TIMEOUT", "20"))
        except ValueError:
            timeout = 20.0
        return cls(
            url=url.rstrip("/"),
            model=os.environ.get("COMPLAINTDESK_LLM_MODEL", "default"),
            api_key=os.environ.get("COMPLAINTDESK_LLM_API_KEY") or None,
            timeout=timeout,
        )


@dataclass(frozen=True, slots=True)
class LlmDraft:
    """The draft to show, where it came from ("llm" or "template"), and why the model's text was not used."""

    draft: Draft
    source: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self.draft.to_dict(), "source": self.source, "note": self.note}


def _prompt(analysis: Analysis, context: DraftContext, complaint: str, pb: Playbook) -> list[dict[str, str]]:
    lang = analysis.language if analysis.language in pb.langs else "en"
    plan = make_plan(
        analysis,
        PlanContext(handler_name=context.handler_name, contact=context.contact, commit_by=context.commit_by),
        playbook=pb,
    )
    rules = pb.lang(lang)["coach"]["rules"]
    principles = "\n".join(f"- {r['principle']}" for r in rules.values())
    steps = "\n".join(f"- {s.do}" for s in plan.steps)
    when = next((w for s in plan.steps if s.id == "commit_date" for w in s.say), "")
    system = (
        f"You write a complaint handler's first reply, in {_LANG_NAMES[lang]}, in a {plan.tone} tone. "
        "Follow these handling principles strictly:\n"
        f"{principles}\n"
        "Reply with the text of the message only."
    )
    user = (
        f"The complaint:\n{complaint}\n\n"
        f"The handling plan:\n{steps}\n\n"
        f"Handler: {context.handler_name}; direct line: {context.contact}. "
        f"Commitment: {when or context.commit_by.isoformat()}."
        + (f" Customer: {context.customer_name}." if context.customer_name else "")
        + (f" Approved remedy: {context.approved_remedy:g} {context.currency}." if context.approved_remedy else "")
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def llm_draft(
    analysis: Analysis,
    context: DraftContext,
    complaint: str,
    *,
    config: LlmConfig | None = None,
    playbook: Playbook | None = None,
) -> LlmDraft:
    """A draft from the configured model if it passes the coach, else the template draft (with the reason)."""
    pb = playbook or load_playbook()
    template = draft_reply(analysis, context, complaint=complaint, playbook=pb)
    cfg = config or LlmConfig.from_env()
    if cfg is None:
        return LlmDraft(template, "template", "no language model is configured")
    headers = {"Authorization": f"Bearer {cfg.api_key}"} if cfg.api_key else {}
    try:
        response = httpx.post(
            f"{cfg.url}/chat/completions",
            json={"model": cfg.model, "messages": _prompt(analysis, context, complaint, pb), "temperature": 0.2},
            headers=headers,
            timeout=cfg.timeout,
        )
        response.raise_for_status()
        text = str(response.json()["choices"][0]["message"]["content"]).strip()
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
        return LlmDraft(template, "template", f"the language model did not answer: {type(exc).__name__}")
    if not text:
        return LlmDraft(template, "template", "the language model answered with an empty text")
    check = check_draft(text, template.language, analysis, context, complaint, pb)
    if not check.ok:
        return LlmDraft(template, "template", "the model's text broke " + ", ".join(check.rules))
    return LlmDraft(Draft(template.language, template.tone, text, ("llm",), check), "llm")
