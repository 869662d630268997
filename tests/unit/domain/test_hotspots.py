"""Hot spots: many complaints about one place, product, team or category, more than before."""

from __future__ import annotations

from complaintdesk.domain.hotspots import hot_spots, normalise


def test_values_are_compared_after_normalisation() -> None:
    assert normalise("  Block   3 ") == normalise("BLOCK 3") == normalise("Ｂｌｏｃｋ ３") == "block 3"
    assert normalise("   ") is None and normalise(None) is None


def test_a_place_with_enough_new_complaints_is_a_hot_spot() -> None:
    current = [("Block 3", "A"), ("block 3", "B"), ("BLOCK 3 ", "C"), ("Block 4", "D"), (None, "E")]
    found = hot_spots("location", current, previous=[])
    assert [(h.value, h.count, h.previous) for h in found] == [("Block 3", 3, 0)]
    assert found[0].examples == ("A", "B", "C") and found[0].rise is None


def test_a_steady_level_is_not_news_but_a_rise_is() -> None:
    current = [("Lift", str(i)) for i in range(4)]
    assert hot_spots("product", current, previous=["lift"] * 4) == []
    rising = hot_spots("product", current, previous=["lift"] * 2)
    assert [(h.count, h.previous, h.rise) for h in rising] == [(4, 2, 2.0)]


def test_broad_dimensions_need_a_known_level_to_rise_from() -> None:
    current = [("Front desk", str(i)) for i in range(10)]
    assert hot_spots("team", current, previous=[]) == []
    assert [h.count for h in hot_spots("team", current, previous=["front desk"] * 3)] == [10]


def test_most_complaints_first_and_examples_capped() -> None:
    current = [("A", f"a{i}") for i in range(8)] + [("B", f"b{i}") for i in range(3)]
    found = hot_spots("location", current, previous=[], examples=2)
    assert [(h.value, len(h.examples)) for h in found] == [("A", 2), ("B", 2)]
