from __future__ import annotations

from complaintdesk.domain.matching import normalise_email, normalise_phone, same_matter, similarity


def test_contact_details_are_normalised() -> None:
    assert normalise_phone("+86 138-0000-1111") == "+8613800001111"
    assert normalise_phone("(020) 7946 0000") == "02079460000"
    assert normalise_phone("n/a") is None
    assert normalise_email("  Li.Wei@Example.ORG ") == "li.wei@example.org"


def test_same_matter_in_chinese_and_english() -> None:
    assert same_matter("3号楼电梯又坏了，一直没人修", None, "3号楼电梯坏了两周没人修", None)
    assert not same_matter("3号楼电梯又坏了", None, "账单多收了我两百块钱", None)
    assert same_matter("The lift is broken again", None, "lift broken for two weeks in block 3", None)
    assert same_matter("anything", "Router X200", "something else", "router x200")
    assert similarity("", "x") == 0.0
