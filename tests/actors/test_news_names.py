"""Names as news writes them (issue 8, second pass): dotted acronyms, and "both leaders" taken
from the parties named just before. Hand-built parses, fictional KB, no model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from actorkit import MIDDLE_EARTH, TokenSpec, dated, parse  # type: ignore[import-not-found]
from spacy.tokens import Doc

from polemos.actors import KnowledgeBase, find_mentions
from polemos.actors.kb import dotted, kb_from_files
from polemos.records import Mention

DocOf = Callable[[Sequence[TokenSpec]], Doc]
GPE = {"ent": "GPE"}
ORG = {"ent": "ORG"}


def mentions(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    parsed = parse(doc)
    return find_mentions(parsed, kb, time=dated(parsed, None))


def test_only_an_acronym_has_a_dotted_spelling() -> None:
    assert dotted("FRA") == "F.R.A."
    assert [dotted(name) for name in ("Arnor", "F.R.A.", "A", "ABCDEFG", "Fr")] == [None] * 5


def test_an_acronym_in_the_kb_is_found_in_its_dotted_spelling(doc_of: DocOf,
                                                             tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("states:\n  - code: FRA\n    names: [Free Realm of Arnor, FRA]\n",
                     encoding="utf-8")
    kb = kb_from_files([str(MIDDLE_EARTH), str(extra)])
    for spelling in ("F.R.A.", "F.R.A"):  # the last dot dropped, as news often prints it
        doc = doc_of([("The", 1, "det"), (spelling, 2, "nsubj", ORG), ("accuses", None, "ROOT"),
                      ("Gondor", 2, "dobj", GPE)])
        assert [(m.text, m.code) for m in mentions(doc, kb)] == [(spelling, "FRA"),
                                                                 ("Gondor", "GON")]


@pytest.mark.parametrize(("noun", "members"), [
    ("leaders", ("ROH", "UMB")),  # people just told of
    ("presidents", ("ROH", "UMB")),  # any noun of people in office
    ("sides", ("ARN", "GON")),  # the sides of the story's conflict
])
def test_both_leaders_are_the_parties_named_just_before(doc_of: DocOf, kb: KnowledgeBase,
                                                       noun: str,
                                                       members: tuple[str, str]) -> None:
    doc = doc_of([("Rohan", 1, "nsubj", GPE), ("visited", None, "ROOT"), ("Umbar", 1, "dobj", GPE),
                  (".", 1, "punct"),
                  ("Both", 5, "det"), (noun, 6, "nsubj"), ("agreed", None, "ROOT"),
                  (".", 6, "punct"),
                  # the story's dyad, named more often but further on
                  ("Arnor", 11, "nsubj", GPE), ("and", 8, "cc"), ("Gondor", 8, "conj", GPE),
                  ("fought", None, "ROOT"), (".", 11, "punct"),
                  ("Arnor", 15, "nsubj", GPE), ("and", 13, "cc"), ("Gondor", 13, "conj", GPE),
                  ("talked", None, "ROOT")])
    [group] = [m for m in mentions(doc, kb) if m.text == f"Both {noun}"]
    assert group.members == members


def test_both_sides_with_too_few_parties_nearby_are_the_dyad(doc_of: DocOf,
                                                            kb: KnowledgeBase) -> None:
    doc = doc_of([("Rohan", 1, "nsubj", GPE), ("watched", None, "ROOT"), (".", 1, "punct"),
                  ("Both", 4, "det"), ("sides", 5, "nsubj"), ("agreed", None, "ROOT"),
                  (".", 5, "punct"),
                  ("Arnor", 10, "nsubj", GPE), ("and", 7, "cc"), ("Gondor", 7, "conj", GPE),
                  ("fought", None, "ROOT")])
    [group] = [m for m in mentions(doc, kb) if m.text == "Both sides"]
    assert group.members == ("ARN", "GON")


@pytest.mark.parametrize(("words", "feature"), [
    (["the", "Gondorian", "Ocean"], "Gondorian"),  # an adjective before a feature noun
    (["the", "South", "Rohan", "Sea"], "Rohan"),  # a name inside the feature's name
    (["the", "Gulf", "of", "Arnor"], "Arnor"),  # the feature noun before "of"
])
def test_a_state_inside_the_name_of_a_natural_feature_is_a_place(doc_of: DocOf,
                                                               kb: KnowledgeBase,
                                                               words: list[str],
                                                               feature: str) -> None:
    place = [(w, 5, "pobj") for w in words]
    doc = doc_of([("Umbar", 1, "nsubj", GPE), ("patrols", None, "ROOT"), ("in", 1, "prep"),
                  *place[:-1], (words[-1], 2, "pobj"), ("near", 1, "prep"),
                  ("Gondor", 3 + len(words), "pobj", GPE)])
    found = {m.text: m.code for m in mentions(doc, kb)}
    assert found[feature] is None
    assert found["Umbar"] == "UMB" and found["Gondor"] == "GON"  # "near Gondor": the state


def test_a_lowercase_feature_noun_keeps_the_state(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Umbar", 1, "nsubj", GPE), ("shelled", None, "ROOT"), ("the", 4, "det"),
                  ("Gondorian", 4, "amod"), ("coast", 1, "dobj")])
    assert {m.text: m.code for m in mentions(doc, kb)}["Gondorian"] == "GON"
