"""Pure helpers for recognising the same customer and the same matter again."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_email(email: str | None) -> str | None:
    if not email:
        return None
    email = email.strip().lower()
    return email or None


def normalise_phone(phone: str | None) -> str | None:
    """Digits only, with a leading + kept: '+86 138-0000-1111' -> '+8613800001111'."""
    if not phone:
        return None
    phone = phone.strip()
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 5:
        return None
    return ("+" if phone.startswith("+") else "") + digits


def _grams(text: str) -> set[str]:
    text = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower())
    grams: set[str] = set()
    for token in text.split():
        if token.isascii():
            grams.add(token)
        else:
            grams.update(token[i : i + 2] for i in range(max(1, len(token) - 1)))
    return grams


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of words (Latin) and character bigrams (CJK): 0 unrelated .. 1 the same."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / len(ga | gb)


def same_matter(
    new_text: str, new_product: str | None, old_text: str, old_product: str | None, threshold: float = 0.18
) -> bool:
    if new_product and old_product and new_product.strip().lower() == old_product.strip().lower():
        return True
    return similarity(new_text, old_text) >= threshold
