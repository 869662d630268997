"""The fixed label ids of the analysis (SPEC.md section 2) and the rule ids of the reply coach (section 3).

These ids are part of the public contract (API, CLI output, exports); the UI shows them translated.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("zh-Hans", "zh-Hant", "en")

NATURES: Final = ("effective", "help_seeking", "consultation", "venting")
CATEGORIES: Final = ("equipment", "service_attitude", "service_quality", "emergency")
EMOTIONS: Final = ("anger", "dissatisfaction", "confusion", "disappointment", "calm")
MOTIVES: Final = ("fix", "compensation", "respect", "vent", "advise", "retaliate")
TEMPERAMENTS: Final = ("choleric", "sanguine", "melancholic", "phlegmatic")
RISKS: Final = (
    "legal",
    "media",
    "regulator",
    "repeat",
    "collective",
    "safety",
    "churn",
    "compensation_demand",
    "abuse",
)
PRIORITIES: Final = ("P1", "P2", "P3", "P4")

#: single-label heads and their allowed values
SINGLE_HEADS: Final = {
    "nature": NATURES,
    "category": CATEGORIES,
    "emotion": EMOTIONS,
    "temperament": TEMPERAMENTS,
}

COACH_RULES: Final = (
    "argues_or_blames",
    "excuses",
    "policy_first",
    "demands_apology",
    "filler_agreement",
    "overpromise",
    "no_commitment",
    "no_apology",
    "disclosure",
    "boilerplate",
    "no_contact",
)
