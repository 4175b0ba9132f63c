"""Armed groups are actors of their own: their code and sector in mentions and exports, and
the changes over time (a sector that changes, a group that becomes a government)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pytest
from actorkit import TokenSpec, dated, parse  # type: ignore[import-not-found]
from spacy.tokens import Doc

from polemos.actors import KnowledgeBase, find_mentions, load_kb
from polemos.records import Mention

DocOf = Callable[[Sequence[TokenSpec]], Doc]
ORG = {"ent": "ORG"}
GPE = {"ent": "GPE"}


def mention_of(doc: Doc, kb: KnowledgeBase, text: str, year: int) -> Mention:
    parsed = parse(doc)
    [m] = [m for m in find_mentions(parsed, kb, time=dated(parsed, year)) if m.text == text]
    return m


def attack_by(doc_of: DocOf, *words: str) -> Doc:
    """ "<words> attacked Edoras ." with the words as one organisation subject."""
    n = len(words)
    tokens: list[TokenSpec] = [(w, n - 1, "compound", ORG) for w in words[:-1]]
    tokens += [(words[-1], n, "nsubj", ORG), ("attacked", None, "ROOT", {"tag": "VBD"}),
               ("Edoras", n, "dobj", GPE), (".", n, "punct")]
    return doc_of(tokens)


@pytest.mark.parametrize(("year", "sector"), [(1998, "PRM"), (2005, "REB")])
def test_an_armed_group_resolves_to_itself_with_its_sector_at_the_date(
        doc_of: DocOf, kb: KnowledgeBase, year: int, sector: str) -> None:
    m = mention_of(attack_by(doc_of, "White", "Hand"), kb, "White Hand", year)
    assert (m.code, m.kind, m.sector) == ("WHITE_HAND", "armed_group", sector)


def test_a_group_adjective_keeps_the_group_and_its_sector(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Urukish", 1, "amod", {"ent": "NORP", "tag": "JJ"}), ("fighters", 2, "nsubj"),
                  ("attacked", None, "ROOT", {"tag": "VBD"}), (".", 2, "punct")])
    m = mention_of(doc, kb, "Urukish", 2005)
    assert (m.code, m.kind, m.sector) == ("WHITE_HAND", "armed_group", "REB")


def test_a_group_resolves_differently_once_it_governs(doc_of: DocOf, kb: KnowledgeBase) -> None:
    before = mention_of(attack_by(doc_of, "Corsairs"), kb, "Corsairs", 2020)
    after = mention_of(attack_by(doc_of, "Corsairs"), kb, "Corsairs", 2022)
    assert (before.code, before.kind, before.sector) == ("CORSAIRS", "armed_group", "REB")
    assert (after.code, after.kind, after.sector, after.rule) == ("UMB", "state", "GOV", "governs")


def test_a_region_name_codes_as_its_state_and_says_so(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Anorien", 1, "nsubj", GPE), ("voted", None, "ROOT", {"tag": "VBD"}),
                  (".", 1, "punct")])
    m = mention_of(doc, kb, "Anorien", 2005)
    assert (m.code, m.kind, m.rule) == ("GON", "state", "region")


def test_a_region_found_by_the_entity_path_keeps_the_region_rule(doc_of: DocOf,
                                                                  kb: KnowledgeBase) -> None:
    doc = doc_of([("Troops", 1, "nsubj"), ("entered", None, "ROOT", {"tag": "VBD"}),
                  ("ANORIEN", 1, "dobj", GPE), (".", 1, "punct")])
    m = mention_of(doc, kb, "ANORIEN", 2005)
    assert (m.code, m.kind, m.rule) == ("GON", "state", "region")


def test_a_group_leader_is_a_person_of_the_group_then_of_the_state(
        doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Lugburz", 1, "compound", {"ent": "PERSON"}),
                  ("Ghash", 2, "nsubj", {"ent": "PERSON"}),
                  ("spoke", None, "ROOT", {"tag": "VBD"}), (".", 2, "punct")])
    before = mention_of(doc, kb, "Lugburz Ghash", 2018)
    after = mention_of(doc, kb, "Lugburz Ghash", 2023)
    assert (before.code, before.sector) == ("CORSAIRS", "REB")
    assert (after.code, after.sector) == ("UMB", "GOV")


@pytest.mark.parametrize(("code", "when", "expected"), [
    ("WHITE_HAND", dt.date(1998, 1, 1), ("GON", "PRM")),   # main country: first place → state
    ("WHITE_HAND", None, ("GON", "REB")),                   # no date: the latest sector
    ("NAZGUL", None, ("IMG", "REB")),                       # transnational militarised group
    ("NAZGUL_ROH", None, ("ROH", "REB")),
    ("CORSAIRS", dt.date(2020, 1, 1), ("UMB", "REB")),
    ("CORSAIRS", dt.date(2022, 1, 1), ("UMB", "GOV")),
    ("ANORIEN", None, ("GON", None)),
    ("DUN", None, ("ROH", "PRE")),
])
def test_plover_export_of_groups_and_regions(kb: KnowledgeBase, code: str,
                                             when: dt.date | None,
                                             expected: tuple[str, str | None]) -> None:
    assert kb.plover_code(code, when=when) == expected


def test_plover_entity_keeps_the_group_identity(kb: KnowledgeBase) -> None:
    entity = kb.plover_entity("WHITE_HAND")
    assert (entity.country, entity.sector, entity.identifier, entity.name, entity.kind) == (
        "GON", "REB", "WHITE_HAND", "White Hand", "armed_group")
    assert kb.plover_entity("GON").identifier == "GON"


# ---------------------------------------------------------------- the package knowledge base


@pytest.fixture(scope="module")
def package_kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(("year", "expected"), [
    (2020, ("TALIBAN", "armed_group", "REB")),
    (2022, ("AFG", "state", "GOV")),
])
def test_the_taliban_are_insurgents_until_2021_08_15_then_the_government(
        doc_of: DocOf, package_kb: KnowledgeBase, year: int,
        expected: tuple[str, str, str]) -> None:
    m = mention_of(attack_by(doc_of, "Taliban"), package_kb, "Taliban", year)
    assert (m.code, m.kind, m.sector) == expected


@pytest.mark.parametrize(("words", "code", "sector", "year"), [
    (("al", "-", "Shabaab"), "SHABAAB", "REB", 2019),
    (("Baloch", "Liberation", "Army"), "BLA", "REB", 2025),
    (("Rapid", "Support", "Forces"), "RSF", "PRM", 2019),
    (("Rapid", "Support", "Forces"), "RSF", "REB", 2024),
    (("Wagner",), "WAGNER", "PRM", 2022),
    (("Sinaloa", "Cartel"), "SINALOA_CARTEL", "CRM", 2025),
])
def test_package_armed_groups_resolve_to_themselves(doc_of: DocOf, package_kb: KnowledgeBase,
                                                    words: tuple[str, ...], code: str,
                                                    sector: str, year: int) -> None:
    m = mention_of(attack_by(doc_of, *words), package_kb, " ".join(words).replace(" - ", "-"), year)
    assert (m.code, m.kind, m.sector) == (code, "armed_group", sector)


@pytest.mark.parametrize(("code", "expected"), [
    ("SHABAAB", ("SOM", "REB")),
    ("BLA", ("PAK", "REB")),       # through its region, Balochistan
    ("ISWAP", ("NGA", "REB")),
    ("ISIL", ("IMG", "REB")),      # transnational militarised group
    ("AFRICA_CORPS", ("RUS", "MIL")),
    ("HOUTHI", ("YEM", "REB")),
    ("NKR", ("AZE", "PRE")),
    ("BALOCHISTAN", ("PAK", None)),
])
def test_package_plover_export(package_kb: KnowledgeBase, code: str,
                               expected: tuple[str, str | None]) -> None:
    assert package_kb.plover_code(code) == expected
    assert package_kb.plover_entity(code).identifier == code


def test_every_armed_group_has_a_country_and_a_sector(package_kb: KnowledgeBase) -> None:
    groups = [a for a in package_kb.actors.values() if a.kind == "armed_group"]
    assert len(groups) >= 80
    for group in groups:
        country, sector = package_kb.plover_code(group.code)
        assert country in package_kb.actors or country == "IMG", group.code
        assert sector is not None, group.code


def test_no_name_stands_for_two_actors_unless_listed_as_ambiguous(
        package_kb: KnowledgeBase) -> None:
    clashes = {surface: codes for surface, entries in package_kb.names.items()
               if surface not in package_kb.ambiguous
               and len(codes := {e.code for e in entries if e.person is None}) > 1}
    assert clashes == {}
