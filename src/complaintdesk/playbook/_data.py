"""Loading, merging and validating the playbook data files (format: docs/playbook-format.md).

The package ships defaults in `playbook/data/`. An organisation can point to its own folder
(argument `org_dir`, or the environment variable COMPLAINTDESK_PLAYBOOK_DIR) holding files with
the same names; they are merged over the defaults: mappings merge key by key, a list replaces the
default list, and a key written `+name` appends its list to the default `name`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..domain.labels import COACH_RULES, LANGUAGES
from ._text import cantonese_to_mandarin, to_simplified

DATA_DIR = Path(__file__).parent / "data"
ENV_DIR = "COMPLAINTDESK_PLAYBOOK_DIR"
LANG_FILES = ("coach", "plan", "draft", "principles")
CHECK_KINDS = ("phrase", "weighted", "opening", "absence", "remedy", "enumeration", "pairing", "learned")


class PlaybookDataError(ValueError):
    """A playbook data file is missing, malformed or refers to something that does not exist."""


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PlaybookDataError(f"{path}: invalid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PlaybookDataError(f"{path}: the top level must be a mapping")
    return data


def merge(base: Any, over: Any, *, append: bool = False) -> Any:
    """Merge `over` onto `base`: mappings key by key; lists replace (or append with `+key` / append=True)."""
    if isinstance(base, Mapping) and isinstance(over, Mapping):
        out = dict(base)
        for key, value in over.items():
            if isinstance(key, str) and key.startswith("+"):
                name = key[1:]
                out[name] = list(out.get(name) or []) + list(value or [])
            elif key in out:
                out[key] = merge(out[key], value, append=append)
            else:
                out[key] = value
        return out
    if append and isinstance(base, list) and isinstance(over, list):
        return base + over
    return over


def _load_tree(root: Path) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    common = root / "plan.yaml"
    if common.exists():
        tree["plan"] = _read(common)
    for lang in LANGUAGES:
        for name in LANG_FILES:
            path = root / lang / f"{name}.yaml"
            if path.exists():
                tree.setdefault(lang, {})[name] = _read(path)
    return tree


@dataclass
class Playbook:
    """All playbook data, merged and validated. Build with `load_playbook()`."""

    plan: dict[str, Any]
    langs: dict[str, dict[str, Any]]
    source: str = "default"
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def lang(self, language: str) -> dict[str, Any]:
        return self.langs[language if language in self.langs else "en"]

    def principle(self, language: str, pid: str) -> dict[str, str]:
        p = self.lang(language)["principles"].get(pid) or {}
        return {"text": str(p.get("text", pid)), "source": str(p.get("source", ""))}

    def coach_checks(self, language: str) -> dict[str, Any]:
        """The checks of every rule for `language`; for Chinese, the union of both scripts' patterns."""
        if language.startswith("zh"):
            hans = _to_simplified_tree(self.langs["zh-Hans"]["coach"], keep_text=True)
            hant = _to_simplified_tree(self.langs["zh-Hant"]["coach"])
            return {
                "rules": merge(hans.get("rules", {}), hant.get("rules", {}), append=True),
                "groups": merge(hans.get("groups", {}), hant.get("groups", {}), append=True),
                "params": merge(hans.get("params", {}), hant.get("params", {}), append=True),
                "macros": merge(hans.get("macros", {}), hant.get("macros", {})),
            }
        return self.lang(language)["coach"]


_TEXT_KEYS = ("message", "principle", "suggestion")


def _to_simplified_tree(node: Any, key: str = "", keep_text: bool = False) -> Any:
    """Patterns as the text is matched: Simplified, Cantonese function words in Mandarin (see _text.normalise)."""
    if isinstance(node, dict):
        return {
            k: (v if k in _TEXT_KEYS else _to_simplified_tree(v, str(k), keep_text))
            for k, v in node.items()
            if keep_text or k not in _TEXT_KEYS
        }
    if isinstance(node, list):
        return [_to_simplified_tree(v, key, keep_text) for v in node]
    if isinstance(node, str):
        return cantonese_to_mandarin(to_simplified(node))
    return node


_DRAFT_KEYS = ("when_format", "periods", "weekdays", "months", "order", "blocks")
_TEMPERAMENTS = ("choleric", "sanguine", "melancholic", "phlegmatic")


def _validate(pb: Playbook) -> None:
    """Check the merged data; every problem names the file and the entry (format: docs/playbook-format.md)."""
    where = "" if pb.source == "default" else f" (with {pb.source})"
    steps = pb.plan.get("steps", [])
    phases = pb.plan.get("phases", {})
    if not isinstance(steps, list) or not isinstance(phases, dict):
        raise PlaybookDataError(f"plan.yaml{where}: 'steps' must be a list and 'phases' a mapping")
    seen: set[str] = set()
    for n, step in enumerate(steps, start=1):
        if not isinstance(step, dict) or not step.get("id") or not step.get("principle"):
            raise PlaybookDataError(f"plan.yaml{where}: step {n} needs at least an id, a phase and a principle")
        if step["id"] in seen:
            raise PlaybookDataError(f"plan.yaml{where}: step id {step['id']!r} appears twice")
        seen.add(step["id"])
        if step.get("phase") not in phases:
            raise PlaybookDataError(f"plan.yaml{where}: step {step['id']} has unknown phase {step.get('phase')!r}")
        for key in ("when", "unless"):
            clauses = step.get(key) or []
            if not isinstance(clauses, list) or not all(isinstance(c, dict) for c in clauses):
                raise PlaybookDataError(f"plan.yaml{where}: step {step['id']}: '{key}' must be a list of mappings")
    for lang in LANGUAGES:
        files = pb.langs.get(lang)
        if not files:
            raise PlaybookDataError(f"no data for language {lang}{where}")
        for name in LANG_FILES:
            if name not in files:
                raise PlaybookDataError(f"{lang}/{name}.yaml is missing{where}")
        rules = files["coach"].get("rules", {})
        missing = [r for r in COACH_RULES if r not in rules]
        unknown = [r for r in rules if r not in COACH_RULES]
        if missing or unknown:
            raise PlaybookDataError(
                f"{lang}/coach.yaml{where}: missing rules {missing}, unknown rules {unknown} "
                f"(the rule ids are fixed: {', '.join(COACH_RULES)})"
            )
        for rid, rule in rules.items():
            if not isinstance(rule, dict):
                raise PlaybookDataError(f"{lang}/coach.yaml{where}: rule {rid} must be a mapping")
            for key in _TEXT_KEYS:
                if not rule.get(key):
                    raise PlaybookDataError(f"{lang}/coach.yaml{where}: rule {rid} has no {key}")
        step_texts = files["plan"].get("steps", {})
        for step in steps:
            if step["id"] not in step_texts:
                raise PlaybookDataError(f"{lang}/plan.yaml{where}: no text for step {step['id']}")
            if step.get("principle") not in files["principles"]:
                raise PlaybookDataError(f"{lang}/principles.yaml{where}: no principle {step.get('principle')!r}")
        draft = files["draft"]
        absent = [k for k in _DRAFT_KEYS if k not in draft]
        if absent:
            raise PlaybookDataError(f"{lang}/draft.yaml{where}: missing {', '.join(absent)}")
        if len(draft["weekdays"]) != 7 or len(draft["months"]) != 12:
            raise PlaybookDataError(f"{lang}/draft.yaml{where}: 'weekdays' needs 7 names and 'months' 12")
        if "phlegmatic" not in draft["order"]:
            raise PlaybookDataError(f"{lang}/draft.yaml{where}: 'order' needs at least the phlegmatic (default) order")
    for lang in LANGUAGES:
        checks = pb.coach_checks(lang)
        for rid, rule in checks["rules"].items():
            for cname, check in (rule.get("checks") or {}).items():
                kind = check.get("kind")
                if kind not in CHECK_KINDS:
                    raise PlaybookDataError(
                        f"{lang}/coach.yaml{where}: rule {rid} check {cname}: unknown kind {kind!r} "
                        f"(one of {', '.join(CHECK_KINDS)})"
                    )
                try:
                    patterns = _patterns_of(check, checks["groups"], checks.get("macros") or {})
                except PlaybookDataError as exc:
                    raise PlaybookDataError(f"{lang}/coach.yaml{where}: rule {rid} check {cname}: {exc}") from exc
                for pattern in patterns:
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise PlaybookDataError(
                            f"{lang}/coach.yaml{where}: rule {rid} check {cname}: bad pattern {pattern!r}: {exc}"
                        ) from exc


def _patterns_of(check: Mapping[str, Any], groups: Mapping[str, list[str]], macros: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    for key, value in check.items():
        if key == "cues":
            for cue in value:
                out.extend(expand(cue.get("patterns", []), groups, macros))
        elif key == "require":
            for pats in value.values():
                out.extend(expand(pats, groups, macros))
        elif key == "veto":
            for clause in value.values():
                out.extend(expand((clause.get("if") or []) + (clause.get("unless") or []), groups, macros))
        elif key == "exempt_when":
            for clause in value:
                out.extend(expand((clause.get("complaint") or []) + (clause.get("reply") or []), groups, macros))
        elif key in ("separators", "clause_separators", "stop") and isinstance(value, str):
            out.append(value)
        elif isinstance(value, list) and key not in ("ignore_inside", "skip_when"):
            out.extend(expand(value, groups, macros))
    return out


_MACRO = re.compile(r"<<([A-Z_]+)>>")


def expand(patterns: list[str], groups: Mapping[str, list[str]], macros: Mapping[str, str] | None = None) -> list[str]:
    """Replace `@group` items by the group's patterns and `<<NAME>>` by the macro's text."""
    out: list[str] = []
    for p in patterns:
        if isinstance(p, str) and p.startswith("@"):
            if p[1:] not in groups:
                raise PlaybookDataError(f"unknown pattern group {p}")
            out.extend(groups[p[1:]])
        else:
            out.append(str(p))
    if macros is None:
        return out

    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in macros:
            raise PlaybookDataError(f"unknown macro <<{m.group(1)}>>")
        return str(macros[m.group(1)])

    return [_MACRO.sub(sub, p) for p in out]


@lru_cache(maxsize=8)
def _load(org_dir: str | None) -> Playbook:
    tree = _load_tree(DATA_DIR)
    source = "default"
    if org_dir:
        root = Path(org_dir)
        if not root.is_dir():
            raise PlaybookDataError(f"playbook folder {org_dir} does not exist")
        tree = merge(tree, _load_tree(root))
        source = str(root)
    pb = Playbook(plan=tree.get("plan", {}), langs={k: v for k, v in tree.items() if k in LANGUAGES}, source=source)
    _validate(pb)
    from .coach import compile_checks  # a trial build: wrong numbers or shapes are reported here, not later

    for lang in LANGUAGES:
        try:
            compile_checks(pb, lang)
        except PlaybookDataError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
            raise PlaybookDataError(f"{lang}/coach.yaml ({source}): a check is malformed: {exc!r}") from exc
    return pb


def load_playbook(org_dir: str | os.PathLike[str] | None = None) -> Playbook:
    """The playbook data: defaults merged with `org_dir` (or $COMPLAINTDESK_PLAYBOOK_DIR). Cached."""
    chosen = org_dir if org_dir is not None else os.environ.get(ENV_DIR) or None
    return _load(str(chosen) if chosen else None)
