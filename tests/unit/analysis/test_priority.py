from complaintdesk.analysis import Amount, CustomerContext, priority_for


def prio(**kw: object) -> tuple[str, list[str]]:
    args: dict[str, object] = {
        "nature": "venting",
        "category": "service_quality",
        "emotion": "dissatisfaction",
        "risks": [],
    }
    args.update(kw)
    d = priority_for(**args)  # type: ignore[arg-type]
    return d.priority, d.reasons


def test_top_risks_and_emergencies_are_p1() -> None:
    assert prio(risks=["safety"]) == ("P1", ["risk:safety"])
    assert prio(category="emergency")[0] == "P1"
    for risk in ("legal", "media", "regulator", "collective"):
        assert prio(risks=[risk])[0] == "P1"


def test_p2_reasons() -> None:
    assert prio(emotion="anger", risks=["compensation_demand"])[0] == "P2"
    assert prio(emotion="anger", risks=["churn"])[0] == "P2"
    assert prio(risks=["repeat"])[0] == "P2"
    assert prio(amounts=[Amount(5000, "CNY")]) == ("P2", ["amount>=5000"])
    assert prio(nature="effective", amounts=[Amount(80, "USD")])[0] == "P2"
    assert prio(customer=CustomerContext(repeat_matter=True)) == ("P2", ["customer:repeat_matter"])


def test_p3_and_p4() -> None:
    assert prio()[0] == "P3"
    assert prio(nature="help_seeking", emotion="calm")[0] == "P3"
    assert prio(nature="consultation", emotion="calm")[0] == "P4"
    assert prio(nature="consultation", emotion="confusion", amounts=[Amount(68, "CNY")])[0] == "P4"
    assert prio(nature="consultation", emotion="anger")[0] == "P3"


def test_vip_raises_one_level() -> None:
    assert prio(customer=CustomerContext(vip=True))[0] == "P2"
    assert prio(nature="consultation", emotion="calm", customer=CustomerContext(vip=True))[0] == "P3"
