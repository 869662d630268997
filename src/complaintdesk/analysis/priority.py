"""The explainable priority rule (SPEC.md section 2, LABELING.md "priority").

P1  safety, emergency, legal, media, regulator or collective risk
P2  anger with a compensation demand or churn threat, a repeat complaint (text or record), an amount
    of 5,000 or more, an effective complaint with a loss (money at stake or compensation asked),
    or a VIP customer whose complaint would otherwise be P3
P3  ordinary dissatisfaction, service-quality or equipment problems
P4  a calm or puzzled consultation or suggestion with no risk (figures quoted in a question are fine)

Each reason is a short id a UI can translate: "risk:safety", "category:emergency", "amount>=5000"...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .result import Amount, CustomerContext

TOP_RISKS = ("safety", "legal", "media", "regulator", "collective")
LARGE_AMOUNT = 5000.0


@dataclass(frozen=True, slots=True)
class PriorityDecision:
    priority: str
    reasons: list[str]


def priority_for(
    *,
    nature: str,
    category: str,
    emotion: str,
    risks: Iterable[str],
    amounts: Sequence[Amount] = (),
    customer: CustomerContext | None = None,
    motives: Sequence[str] = (),
) -> PriorityDecision:
    """Priority P1..P4 and the reasons that set it, from the heads, the amounts and the customer record."""
    risk_set = set(risks)
    customer = customer or CustomerContext()

    p1 = [f"risk:{r}" for r in TOP_RISKS if r in risk_set]
    if category == "emergency":
        p1.insert(0, "category:emergency")
    if p1:
        return PriorityDecision("P1", p1)

    p2: list[str] = []
    if emotion == "anger" and "compensation_demand" in risk_set:
        p2.append("anger+risk:compensation_demand")
    if emotion == "anger" and "churn" in risk_set:
        p2.append("anger+risk:churn")
    if "repeat" in risk_set:
        p2.append("risk:repeat")
    if customer.repeat_matter:
        p2.append("customer:repeat_matter")
    if any(a.value >= LARGE_AMOUNT for a in amounts):
        p2.append("amount>=5000")
    if nature == "effective" and (amounts or "compensation_demand" in risk_set):
        p2.append("effective+loss")
    if p2:
        return PriorityDecision("P2", p2)

    if nature == "consultation" and not risk_set and emotion in ("calm", "confusion"):
        reasons = ["nature:consultation", f"emotion:{emotion}"]
        if customer.vip:
            return PriorityDecision("P3", [*reasons, "customer:vip"])
        return PriorityDecision("P4", reasons)

    reasons = [f"emotion:{emotion}", f"category:{category}"]
    if customer.vip:
        return PriorityDecision("P2", [*reasons, "customer:vip"])
    return PriorityDecision("P3", reasons)
