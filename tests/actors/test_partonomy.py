"""What is part of what: kb.wholes and kb.parts, both ways, at a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from actorkit import MIDDLE_EARTH  # type: ignore[import-not-found]

from polemos.actors import KnowledgeBase, load_kb
from polemos.actors.kb import kb_from_files
from polemos.errors import DictionaryError


def test_a_de_facto_state_is_part_of_its_parent_and_back(kb: KnowledgeBase) -> None:
    assert kb.wholes("DUN") == ("ROH",)
    assert "DUN" in kb.parts("ROH")
    assert kb.wholes("ROH") == ()


def test_an_organisation_body_is_part_of_its_organisation(kb: KnowledgeBase) -> None:
    assert kb.wholes("ISG") == ("WC",)
    assert kb.parts("WC") == ("ISG",)


def test_membership_joins_only_when_asked(kb: KnowledgeBase) -> None:
    assert "WC" not in kb.wholes("ARN")
    assert kb.wholes("ARN", members=True) == ("WC",)
    assert {"ISG", "ARN", "GON"} <= set(kb.parts("WC", members=True, when=dt.date(1999, 1, 1)))
    assert "ROH" in kb.parts("WC", members=True, when=dt.date(2002, 1, 1))
    assert "ROH" not in kb.parts("WC", members=True, when=dt.date(1999, 1, 1))


def test_dated_part_of_is_transitive_and_time_aware(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "defacto:\n"
        "  - code: ITH\n"
        "    names: [Ithilien]\n"
        "    parent: GON\n"
        "    part_of: [{code: DUN, start: 2001, end: 2003}]\n", encoding="utf-8")
    kb = kb_from_files([str(MIDDLE_EARTH), str(extra)])
    assert kb.wholes("ITH", when=dt.date(2002, 6, 1)) == ("GON", "DUN", "ROH")
    assert kb.wholes("ITH", when=dt.date(2010, 1, 1)) == ("GON",)
    assert "ITH" in kb.parts("ROH", when=dt.date(2002, 6, 1))
    assert "ITH" not in kb.parts("ROH", when=dt.date(2010, 1, 1))


def test_part_of_an_unknown_code_names_the_line(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("defacto:\n  - code: ITH\n    names: [Ithilien]\n    part_of: [XYZ]\n",
                     encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"line 2.*part_of 'XYZ' is not a known"):
        kb_from_files([str(MIDDLE_EARTH), str(extra)])


def test_a_region_is_part_of_its_state_and_back(kb: KnowledgeBase) -> None:
    assert kb.wholes("ANORIEN") == ("GON",)
    assert "ANORIEN" in kb.parts("GON")
    assert kb.state_of("ANORIEN") == "GON"


def test_an_armed_group_is_part_of_where_it_operates_transitively(kb: KnowledgeBase) -> None:
    assert kb.wholes("WHITE_HAND") == ("ANORIEN", "ROH", "GON")
    assert {"WHITE_HAND", "ANORIEN"} <= set(kb.parts("GON"))
    assert "WHITE_HAND" in kb.parts("ROH")
    assert kb.state_of("WHITE_HAND") == "GON"  # its first place, climbed to a state


def test_an_affiliate_is_not_part_of_the_group_it_pledged_to(kb: KnowledgeBase) -> None:
    assert kb.wholes("NAZGUL_ROH") == ("ROH",)
    assert "NAZGUL_ROH" not in kb.parts("MOR")
    assert kb.affiliations("NAZGUL_ROH", when=dt.date(2016, 1, 1)) == ("NAZGUL",)
    assert kb.affiliations("NAZGUL_ROH", when=dt.date(2014, 1, 1)) == ()


# ---------------------------------------------------------------- the package knowledge base


@pytest.fixture(scope="module")
def package_kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(("code", "whole"), [
    ("NKR", "AZE"), ("SRP", "BIH"), ("DPR", "UKR"), ("CRIMEA", "UKR"), ("GAZA", "PSE"),
    ("BALOCHISTAN", "PAK"), ("TIGRAY", "ETH"), ("DARFUR", "SDN"), ("KURDISTAN", "IRQ"),
    ("IDLIB", "SYR"), ("RAKHINE", "MMR"), ("CABO_DELGADO", "MOZ"), ("NORTH_KIVU", "COD"),
    ("BORNO", "NGA"), ("XINJIANG", "CHN"), ("ISWAP", "NGA"), ("IS_MOZAMBIQUE", "MOZ"),
    ("BLA", "PAK"), ("SHABAAB", "KEN"), ("M23", "COD"), ("YPG", "SYR"),
])
def test_package_parts_lie_in_their_state_both_ways(package_kb: KnowledgeBase, code: str,
                                                    whole: str) -> None:
    assert whole in package_kb.wholes(code)
    assert code in package_kb.parts(whole)


def test_ukraine_parts_at_a_date(package_kb: KnowledgeBase) -> None:
    parts = package_kb.parts("UKR", when=dt.date(2022, 6, 1))
    assert {"DPR", "LPR", "CRIMEA", "DONETSK_OBLAST", "DONBAS", "WAGNER"} <= set(parts)
    assert "WAGNER" not in package_kb.parts("UKR", when=dt.date(2024, 6, 1))


def test_a_province_of_the_islamic_state_is_not_inside_iraq(package_kb: KnowledgeBase) -> None:
    assert package_kb.affiliations("ISWAP", when=dt.date(2020, 1, 1)) == ("ISIL",)
    assert "IRQ" not in package_kb.wholes("ISWAP")
    assert package_kb.wholes("KASHMIR") == ("IND", "PAK")
