from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from polemos.analysis.conflicts import Conflicts, load_conflicts, parse_conflicts
from polemos.analysis.corpus import load_corpus
from polemos.analysis.scope import build_scope
from polemos.errors import DictionaryError, QueryError


def test_shipped_definitions_cover_the_issue_list() -> None:
    conflicts = load_conflicts()
    for name in ["Nagorno-Karabakh", "Russia-Ukraine", "Transnistria", "Abkhazia conflict",
                 "Israel-Palestine", "Syria", "Cyprus", "Kosovo-Serbia", "Belarus 2020", "Yemen",
                 "Sudan", "Libya", "Ethiopia-Tigray", "Armenia-Azerbaijan border"]:
        assert conflicts.find(name).parties, name


def test_find_is_case_and_dash_insensitive(conflicts: Conflicts) -> None:
    assert conflicts.find("ring war").name == "War of the Ring"
    assert conflicts.find("War-of-the-Ring").name == "War of the Ring"


def test_a_territory_finds_its_conflict(conflicts: Conflicts) -> None:
    assert conflicts.find("osgiliath").name == "War of the Ring"


def test_unknown_conflict_lists_nearest_names(conflicts: Conflicts) -> None:
    with pytest.raises(QueryError, match="Nearest known conflicts: War of the Ring"):
        conflicts.find("War of the Rings")


@pytest.mark.parametrize(("text", "message", "line"), [
    ("- name: X\n  parties: []\n", "has no parties", 1),
    ("- name: X\n  parties: [AAA]\n- name: Y\n  partys: [BBB]\n", "unknown field", 3),
    ("- name: X\n  parties: [AAA]\n  start: 2020-13\n", "month 13", 1),
    ("- name: X\n  parties: [lower]\n", "not an actor code", 1),
    ("- parties: [AAA]\n", "missing 'name'", 1),
])
def test_bad_entries_name_the_line(text: str, message: str, line: int) -> None:
    with pytest.raises(DictionaryError, match=message) as err:
        parse_conflicts(text, path="mine.yaml")
    assert err.value.line == line
    assert "mine.yaml" in str(err.value)


def test_user_file_adds_and_dates_are_read(conflict_file: Path) -> None:
    conflicts = load_conflicts([conflict_file])
    ring = conflicts.find("War of the Ring")
    assert ring.start == dt.date(3018, 1, 1) and ring.party_codes == ("GON", "MOR")
    assert conflicts.find("Nagorno-Karabakh").parties  # built-ins stay


def test_missing_user_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_conflicts([tmp_path / "nope.yaml"])


def test_sector_parties_match_only_that_sector() -> None:
    [c] = parse_conflicts("- name: X\n  parties: [BLR:OPP, BLR:GOV]\n", path="t")
    assert c.is_party("BLR", "OPP") and not c.is_party("BLR", "MIL")
    assert c.party_codes == ("BLR",)


def test_names_that_start_a_longer_proper_name_do_not_link() -> None:
    [c] = parse_conflicts("- name: X\n  parties: [AAA]\n  territories: [Minsk]\n", path="t")
    assert c.mentions_in("the Minsk Group met") == []
    assert c.mentions_in("protests in Minsk grew") == ["Minsk"]


def test_documents_about_a_conflict_name_both_sides_or_its_places(world, conflicts: Conflicts) -> None:  # type: ignore[no-untyped-def]
    store, _ = world
    corpus = load_corpus(store)
    ring = build_scope(corpus, conflicts.find("War of the Ring")).links
    assert set(ring) == {"doc-a", "doc-b"}
    assert 0 in ring["doc-a"].sentences  # names Ithilien
    northern = build_scope(corpus, conflicts.find("Northern Dispute")).links
    assert set(northern) == {"doc-a"}  # names both parties; doc-b is about Arnor only
    assert northern["doc-a"].n_places == 0


def test_topic_words_match_case_blind_with_endings_but_names_stay_exact() -> None:
    from polemos.analysis.conflicts import Conflict
    inferred = Conflict(name="dispute over X", parties=("GON",), topic=("nuclear", "programme"),
                        is_inferred=True)
    text = "renewed nuclear diplomacy; nuclear programs; Nuclear Agency"
    assert [text[a:b] for a, b in inferred.spans_in(text)] == ["nuclear", "nuclear", "programs"]
    defined = Conflict(name="Ring War", parties=("GON",), territories=("Ithilien",))
    assert defined.spans_in("in Ithilien today; Ithilien Rangers; ithilien") == [(3, 11)]
