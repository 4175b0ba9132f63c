"""What is part of what: kb.wholes and kb.parts, both ways, at a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from actorkit import MIDDLE_EARTH  # type: ignore[import-not-found]

from polemos.actors import KnowledgeBase
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
    assert set(kb.parts("WC", members=True, when=dt.date(1999, 1, 1))) == {"ISG", "ARN", "GON"}
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
