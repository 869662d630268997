"""Texts in three languages, from the YAML files in locales/. `t("zh-Hant", "notify.ack", n="CD-…")`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LOCALES = Path(__file__).parent / "locales"
SUPPORTED = ("en", "zh-Hans", "zh-Hant")
FALLBACK = "en"


@cache
def catalogue(lang: str) -> dict[str, str]:
    flat: dict[str, str] = {}

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else str(key), value)
        else:
            flat[prefix] = str(node)

    # locales/<lang>.yaml and locales/<area>/<lang>.yaml (e.g. locales/web/en.yaml), merged
    for path in sorted([LOCALES / f"{lang}.yaml", *LOCALES.glob(f"*/{lang}.yaml")]):
        if path.exists():
            walk("", yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return flat


def negotiate(accept_language: str | None, default: str = "en") -> str:
    """The best supported language for an Accept-Language header."""
    if not accept_language:
        return default
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag in ("zh-tw", "zh-hk", "zh-mo", "zh-hant") or tag.startswith("zh-hant"):
            return "zh-Hant"
        if tag.startswith("zh"):
            return "zh-Hans"
        if tag.startswith("en"):
            return "en"
    return default


def t(lang: str, key: str, **values: Any) -> str:
    text = catalogue(lang).get(key) or catalogue(FALLBACK).get(key) or key
    return text.format(**values) if values else text
