"""The resolver on hand-built parses and the fictional KB (no model needed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from actorkit import TokenSpec, dated, parse  # type: ignore[import-not-found]
from spacy.tokens import Doc

from polemos.actors import KnowledgeBase, find_mentions
from polemos.records import Mention

DocOf = Callable[[Sequence[TokenSpec]], Doc]
GPE = {"ent": "GPE"}
PER = {"ent": "PERSON"}
ORG = {"ent": "ORG"}


def mentions(doc: Doc, kb: KnowledgeBase, year: int | None = None) -> list[Mention]:
    parsed = parse(doc)
    found = find_mentions(parsed, kb, time=dated(parsed, year))
    for m in found:
        assert parsed.article.text[m.start:m.end] == m.text
    return found


def one(found: list[Mention], text: str) -> Mention:
    [m] = [m for m in found if m.text == text]
    return m


def test_metonym_as_speaker_is_the_government(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Minas", 1, "compound", GPE), ("Tirith", 2, "nsubj", GPE), ("said", None, "ROOT"),
                  (".", 2, "punct")])
    m = one(mentions(doc, kb), "Minas Tirith")
    assert (m.code, m.sector, m.kind, m.rule) == ("GON", "GOV", "state", "metonym")


def test_metonym_as_place_keeps_code_but_no_sector(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Talks", 1, "nsubj"), ("opened", None, "ROOT"), ("in", 1, "prep"),
                  ("Minas", 4, "compound", GPE), ("Tirith", 2, "pobj", GPE), (".", 1, "punct")])
    m = one(mentions(doc, kb), "Minas Tirith")
    assert (m.code, m.sector) == ("GON", None)
    assert m.confidence < 0.7


def test_metonym_sector_from_the_kb(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("the", 3, "det"), ("Citadel", 3, "compound"), ("Guard", 3, "nsubj"),
                  ("fired", None, "ROOT")])
    m = one(mentions(doc, kb), "Citadel Guard")
    assert (m.code, m.sector) == ("GON", "MIL")


def foreign_minister_doc(doc_of: DocOf) -> Doc:
    return doc_of([("The", 3, "det"), ("Gondorian", 3, "amod"), ("foreign", 3, "amod", {"tag": "JJ"}),
                   ("minister", 4, "nsubj"), ("spoke", None, "ROOT", {"tag": "VBD"}),
                   (".", 4, "punct")])


@pytest.mark.parametrize(("year", "person"), [(1995, "Beregond Targon"), (2010, "Imrahil Dol")])
def test_title_resolves_to_the_holder_at_the_sentence_date(doc_of: DocOf, kb: KnowledgeBase,
                                                           year: int, person: str) -> None:
    [m] = mentions(foreign_minister_doc(doc_of), kb, year)
    assert (m.text, m.code, m.sector, m.person, m.kind, m.rule) == (
        "Gondorian foreign minister", "GON", "GOV", person, "person", "title")


def test_title_with_an_unknown_name_keeps_the_name(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Arnorian", 2, "amod"), ("King", 2, "compound"), ("Elendur", 3, "nsubj", PER),
                  ("said", None, "ROOT"), (".", 3, "punct"),
                  ("Elendur", 6, "nsubj", PER), ("left", None, "ROOT"), (".", 6, "punct")])
    found = mentions(doc, kb)
    first, second = found
    assert (first.text, first.code, first.sector, first.person) == (
        "Arnorian King Elendur", "ARN", "GOV", "Elendur")
    assert (second.code, second.person, second.rule) == ("ARN", "Elendur", "surname")


def test_unknown_entity_is_kept_unresolved(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Lothlorien", 1, "nsubj", ORG), ("protested", None, "ROOT"), (".", 1, "punct")])
    [m] = mentions(doc, kb)
    assert (m.text, m.code, m.kind) == ("Lothlorien", None, "unresolved")


@pytest.mark.parametrize("extra", [GPE, {}])
def test_misspelling_is_matched_fuzzily(doc_of: DocOf, kb: KnowledgeBase,
                                        extra: dict[str, str]) -> None:
    doc = doc_of([("Gonndor", 1, "nsubj", extra), ("protested", None, "ROOT"), (".", 1, "punct")])
    [m] = mentions(doc, kb)
    assert (m.code, m.rule) == ("GON", "fuzzy")


def test_adjectives_take_the_sector_of_their_noun(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Arnorian", 3, "amod"), ("and", 0, "cc"), ("Gondorian", 0, "conj"),
                  ("counterparts", 4, "nsubj"), ("met", None, "ROOT"), (".", 4, "punct")])
    found = mentions(doc, kb)
    assert [(m.code, m.sector, m.rule) for m in found] == [
        ("ARN", "GOV", "adjective"), ("GON", "GOV", "adjective")]



@pytest.mark.parametrize(("noun", "sector"), [("farmers", "BUS"), ("traders", "BUS"),
                                              ("dwellers", "CVL")])
def test_people_of_trade_and_residents_are_no_state(doc_of: DocOf, kb: KnowledgeBase,
                                                   noun: str, sector: str) -> None:
    doc = doc_of([("Arnorian", 1, "amod"), (noun, 2, "nsubj"), ("protested", None, "ROOT"),
                  (".", 2, "punct")])
    [m] = mentions(doc, kb)
    assert (m.code, m.sector) == ("ARN", sector)


@pytest.mark.parametrize(("before", "code"), [("Southern", None), ("southern", "ARN"),
                                              ("senior", "ARN")])
def test_an_adjective_after_a_compass_word_names_a_region(doc_of: DocOf, kb: KnowledgeBase,
                                                          before: str, code: str | None) -> None:
    doc = doc_of([(before, 2, "amod"), ("Arnorian", 2, "amod"), ("leaders", 3, "nsubj"),
                  ("met", None, "ROOT"), (".", 3, "punct")])
    assert one(mentions(doc, kb), "Arnorian").code == code


@pytest.mark.parametrize(("prefix", "code"), [("pro", None), ("anti", None), ("Pro", None),
                                              ("ex", "ARN")])
def test_a_name_after_pro_or_anti_says_whom_a_group_is_for(doc_of: DocOf, kb: KnowledgeBase,
                                                            prefix: str, code: str | None) -> None:
    doc = doc_of([(prefix, 2, "amod"), ("-", 2, "punct"), ("Arnorian", 3, "amod"),
                  ("rebels", 4, "nsubj"), ("fought", None, "ROOT"), (".", 4, "punct")])
    assert one(mentions(doc, kb), "Arnorian").code == code


def test_hyphenated_adjectives_give_both_actors(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Rohirric", 3, "amod"), ("-", 3, "punct"), ("Dunlendish", 3, "amod"),
                  ("drills", 4, "nsubj"), ("began", None, "ROOT")])
    found = mentions(doc, kb)
    assert [(m.code, m.sector, m.kind) for m in found] == [
        ("ROH", "MIL", "state"), ("DUN", "MIL", "defacto")]


def test_both_sides_after_between_a_and_b(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Talks", 5, "nsubj"), ("between", 0, "prep"), ("Arnor", 1, "pobj", GPE),
                  ("and", 2, "cc"), ("Rohan", 2, "conj", GPE), ("ended", None, "ROOT"),
                  (".", 5, "punct"),
                  ("Gondor", 8, "nsubj", GPE), ("watched", None, "ROOT"), (".", 8, "punct"),
                  ("Both", 11, "det"), ("sides", 12, "nsubj"), ("agreed", None, "ROOT"),
                  (".", 12, "punct")])
    group = one(mentions(doc, kb), "Both sides")
    assert (group.kind, group.members) == ("group", ("ARN", "ROH"))


def test_both_sides_without_context_stays_unresolved(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Both", 1, "det"), ("sides", 2, "nsubj"), ("agreed", None, "ROOT")])
    [group] = mentions(doc, kb)
    assert (group.kind, group.code, group.members) == ("group", None, ())


@pytest.mark.parametrize(("year", "members"), [(2000, ("ARN", "GON")), (2010, ("ARN", "ROH"))])
def test_co_chairs_are_the_members_at_that_date(doc_of: DocOf, kb: KnowledgeBase, year: int,
                                                members: tuple[str, ...]) -> None:
    doc = doc_of([("The", 2, "det"), ("Isengard", 2, "compound", ORG), ("Group", 3, "nsubj", ORG),
                  ("met", None, "ROOT"), (".", 3, "punct"),
                  ("The", 8, "det"), ("co", 8, "compound"), ("-", 8, "punct"),
                  ("chairs", 9, "nsubj", {"tag": "NNS"}), ("spoke", None, "ROOT"),
                  (".", 9, "punct")])
    group = one(mentions(doc, kb, year), "The co-chairs")
    assert (group.code, group.kind, group.members) == ("ISG", "group", members)


@pytest.mark.parametrize(("context", "code"), [(("White", "Council"), "ISG"),
                                               (("Riddermark", "troops"), "ROH")])
def test_ambiguous_name_follows_the_context(doc_of: DocOf, kb: KnowledgeBase,
                                            context: tuple[str, str], code: str) -> None:
    doc = doc_of([("Isengard", 1, "nsubj", GPE), ("said", None, "ROOT"), (".", 1, "punct"),
                  ("The", 5, "det"), (context[0], 5, "compound"), (context[1], 6, "nsubj"),
                  ("agreed", None, "ROOT"), (".", 6, "punct")])
    assert one(mentions(doc, kb), "Isengard").code == code


def test_an_ambiguous_name_takes_the_state_named_right_before_it(doc_of: DocOf,
                                                                  kb: KnowledgeBase) -> None:
    # Gondor and Rohan are both in the sentence; "Rohirric Westron" is Rohan's ("Syrian Kurdish")
    doc = doc_of([("Gondorian", 1, "amod"), ("troops", 2, "nsubj"), ("fought", None, "ROOT"),
                  ("Rohirric", 5, "amod"), ("Westron", 5, "amod"), ("rebels", 2, "dobj"),
                  (".", 2, "punct")])
    assert one(mentions(doc, kb), "Westron").code == "ROH"


def test_surname_after_a_full_mention(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Gandalf", 1, "compound", PER), ("Greyhame", 2, "nsubj", PER),
                  ("arrived", None, "ROOT"), (".", 2, "punct"),
                  ("Greyhame", 5, "nsubj", PER), ("spoke", None, "ROOT"), (".", 5, "punct")])
    first, second = mentions(doc, kb, 2000)
    assert (first.person, first.code, first.kind) == ("Gandalf Greyhame", "WC", "person")
    assert (second.person, second.code, second.rule) == ("Gandalf Greyhame", "WC", "surname")


def test_family_name_first_after_a_full_mention(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Gandalf", 1, "compound", PER), ("Greyhame", 2, "nsubj", PER),
                  ("arrived", None, "ROOT"), (".", 2, "punct"),
                  ("Gandalf", 5, "nsubj", PER), ("spoke", None, "ROOT"), (".", 5, "punct")])
    _first, second = mentions(doc, kb, 2000)
    assert (second.person, second.code, second.rule) == ("Gandalf Greyhame", "WC", "surname")


def test_place_name_inside_a_longer_person_name_is_not_a_place(doc_of: DocOf,
                                                               kb: KnowledgeBase) -> None:
    doc = doc_of([("Rohan", 1, "compound", PER), ("Smith", 2, "nsubj", PER),
                  ("spoke", None, "ROOT")])
    [m] = mentions(doc, kb)
    assert (m.text, m.code, m.kind) == ("Rohan Smith", None, "unresolved")


def test_mentions_carry_sentence_index_and_offsets(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Arnor", 1, "nsubj", GPE), ("left", None, "ROOT"), (".", 1, "punct"),
                  ("Mordor", 4, "nsubj", GPE), ("stayed", None, "ROOT"), (".", 4, "punct")])
    found = mentions(doc, kb)
    assert [(m.sentence, m.code, m.start, m.end) for m in found] == [
        (0, "ARN", 0, 5), (1, "MOR", 12, 18)]


@pytest.mark.parametrize(("extra", "code", "person"), [(GPE, "NUM", None),
                                                       (PER, "ARN", "Edain Numenor")])
def test_a_name_shared_by_a_state_and_a_person_follows_the_ner(
        doc_of: DocOf, kb: KnowledgeBase, extra: dict[str, str], code: str,
        person: str | None) -> None:
    doc = doc_of([("Numenor", 1, "nsubj", extra), ("protested", None, "ROOT")])
    [m] = mentions(doc, kb, 1985 if person is None else 2005)
    assert (m.code, m.person) == (code, person)


@pytest.mark.parametrize(("extra", "n"), [({}, 0), (PER, 1)])
def test_a_bare_surname_needs_an_entity(doc_of: DocOf, kb: KnowledgeBase,
                                        extra: dict[str, str], n: int) -> None:
    doc = doc_of([("Faramir", 1, "nsubj", extra), ("protested", None, "ROOT")])
    assert len(mentions(doc, kb, 2010)) == n


def test_the_group_refers_back_to_the_last_named_grouping(doc_of: DocOf,
                                                          kb: KnowledgeBase) -> None:
    doc = doc_of([("The", 2, "det"), ("Isengard", 2, "compound", ORG), ("Group", 3, "nsubj", ORG),
                  ("met", None, "ROOT"), (".", 3, "punct"),
                  ("The", 6, "det"), ("Group", 7, "nsubj", ORG), ("agreed", None, "ROOT")])
    found = mentions(doc, kb)
    assert [(m.text, m.code) for m in found] == [("Isengard Group", "ISG"), ("Group", "ISG")]


def test_the_two_countries_after_a_coordinated_pair_in_the_sentence(doc_of: DocOf,
                                                                    kb: KnowledgeBase) -> None:
    doc = doc_of([("Arnor", 1, "nsubj", GPE), ("met", None, "ROOT"), ("Mordor", 1, "dobj", GPE),
                  (".", 1, "punct"),
                  ("Gondorian", 7, "amod"), ("and", 4, "cc"), ("Rohirric", 4, "conj"),
                  ("envoys", 8, "nsubj"), ("said", None, "ROOT"), ("the", 11, "det"),
                  ("two", 11, "nummod"), ("countries", 12, "nsubj"), ("agreed", 8, "ccomp")])
    group = one(mentions(doc, kb), "the two countries")
    assert group.members == ("GON", "ROH")


def test_mediators_acting_on_the_parties_are_not_the_parties(doc_of: DocOf,
                                                             kb: KnowledgeBase) -> None:
    doc = doc_of([("Arnor", 3, "nsubj", GPE), ("and", 0, "cc"), ("Rohan", 0, "conj", GPE),
                  ("fought", None, "ROOT"), (".", 3, "punct"),
                  ("Gondor", 6, "nsubj", GPE), ("mediated", None, "ROOT"), ("between", 6, "prep"),
                  ("the", 9, "det"), ("parties", 7, "pobj")])
    group = one(mentions(doc, kb), "the parties")
    assert group.members == ("ARN", "ROH")


def test_matchers_built_inside_a_memory_zone_survive_it(vocab: object) -> None:
    from actorkit import MIDDLE_EARTH, make_doc  # type: ignore[import-not-found]

    from polemos.actors.kb import kb_from_files

    fresh = kb_from_files([str(MIDDLE_EARTH)])  # no matchers cached yet
    tokens: list[TokenSpec] = [("Gondor", 1, "nsubj", GPE), ("protested", None, "ROOT")]
    with vocab.memory_zone():  # type: ignore[attr-defined]
        assert [m.code for m in mentions(make_doc(vocab, tokens), fresh)] == ["GON"]
    assert [m.code for m in mentions(make_doc(vocab, tokens), fresh)] == ["GON"]


def test_an_empty_document_has_no_mentions(doc_of: DocOf, kb: KnowledgeBase) -> None:
    assert mentions(doc_of([]), kb) == []


def test_the_nearest_sector_word_wins(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("the", 3, "det"), ("Gondorian", 3, "amod"), ("military", 3, "amod"),
                  ("advantage", 4, "nsubj"), ("grew", None, "ROOT")])
    assert [(m.code, m.sector) for m in mentions(doc, kb)] == [("GON", "MIL")]


def test_government_soldiers_are_the_state_s_armed_force(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Gondorian", 2, "amod"), ("government", 2, "compound"),
                  ("soldiers", 3, "nsubj"), ("fired", None, "ROOT")])
    assert [(m.code, m.sector) for m in mentions(doc, kb)] == [("GON", "MIL")]


def test_official_capital_is_the_government_even_after_a_preposition(
        doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Steps", 1, "nsubj"), ("came", None, "ROOT"), ("from", 1, "prep"),
                  ("official", 4, "amod"), ("Fornost", 2, "pobj", GPE)])
    assert [(m.code, m.sector) for m in mentions(doc, kb)] == [("ARN", "GOV")]


def test_acronym_glued_to_a_word_is_a_mention_over_the_acronym(doc_of: DocOf, tmp_path) -> None:
    from polemos.actors.kb import kb_from_files
    path = tmp_path / "kb.yaml"
    path.write_text("igos:\n  - code: WC\n    names: [White Council, WHC]\n    plover: IGO\n"
                    "people:\n  - name: Ann Cole\n    aliases: [AC]\n")
    small = kb_from_files([str(path)])
    doc = doc_of([("quiet", 1, "advmod"), ("sinceWHC", None, "ROOT", ORG), ("knows", 1, "dep"),
                  ("WHCsanctions", 1, "dobj"), ("andAC", 1, "dobj"), ("sinceWHCX", 1, "dep"),
                  (".", 1, "punct")])
    found = mentions(doc, small)
    glued = [(m.text, m.code, m.rule) for m in found if m.rule == "glued"]
    assert glued == [("WHC", "WC", "glued"), ("WHC", "WC", "glued")]
    assert not any(m.text in {"sinceWHC", "andAC"} for m in found)


def test_a_wire_dateline_is_a_place_not_an_actor(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("EDORAS", 4, "npadvmod", GPE), (",", 0, "punct"), ("Rohan", 3, "nsubj", GPE),
                  ("spoke", 4, "ccomp"), ("today", None, "ROOT"), (".", 4, "punct")])
    found = mentions(doc, kb)
    assert (one(found, "EDORAS").code, one(found, "EDORAS").rule) == (None, "dateline")
    assert one(found, "Rohan").code == "ROH"
    later = doc_of([("Rohan", 1, "nsubj", GPE), ("met", None, "ROOT"), ("EDORAS", 1, "dobj", GPE),
                    (",", 1, "punct"), ("then", 1, "advmod")])
    assert one(mentions(later, kb), "EDORAS").code == "ROH"


def test_title_without_nationality_takes_the_one_state_of_the_sentence(
        doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("King", 1, "compound"), ("Elendur", 2, "nsubj", PER), ("ruled", None, "ROOT"),
                  ("in", 2, "prep"), ("Arnor", 3, "pobj", GPE), (".", 2, "punct")])
    m = one(mentions(doc, kb), "Elendur")
    assert (m.code, m.sector, m.person, m.kind, m.rule) == (
        "ARN", "GOV", "Elendur", "person", "title-context")
    assert m.confidence < 0.85  # lower than a title with an explicit nationality


def test_title_without_nationality_looks_back_to_the_previous_sentence(
        doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Rohan", 1, "nsubj", GPE), ("mourned", None, "ROOT"), (".", 1, "punct"),
                  ("King", 4, "compound"), ("Elendur", 5, "nsubj", PER), ("left", None, "ROOT"),
                  (".", 5, "punct")])
    m = one(mentions(doc, kb), "Elendur")
    assert (m.code, m.rule) == ("ROH", "title-context")
    assert m.confidence < one(mentions(doc, kb), "Rohan").confidence


def test_title_without_nationality_and_two_states_stays_unresolved(
        doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("King", 1, "compound"), ("Elendur", 2, "nsubj", PER), ("visited", None, "ROOT"),
                  ("Arnor", 2, "dobj", GPE), ("and", 3, "cc"), ("Rohan", 3, "conj", GPE),
                  (".", 2, "punct")])
    m = one(mentions(doc, kb), "Elendur")
    assert (m.code, m.kind) == (None, "unresolved")


def test_an_envoy_title_does_not_make_a_state_official(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Envoy", 1, "compound"), ("Elendur", 2, "nsubj", PER), ("visited", None, "ROOT"),
                  ("Arnor", 2, "dobj", GPE), (".", 2, "punct")])
    assert one(mentions(doc, kb), "Elendur").code is None


def test_a_nationality_before_a_modified_title_names_the_state(doc_of: DocOf,
                                                              kb: KnowledgeBase) -> None:
    doc = doc_of([("Arnorian", 2, "amod"), ("junior", 2, "amod", {"tag": "JJ"}),
                  ("foreign", 3, "amod"), ("minister", 4, "compound"),
                  ("Elendur", 5, "nsubj", PER), ("met", None, "ROOT"), ("Rohan", 5, "dobj", GPE),
                  (".", 5, "punct")])
    m = one(mentions(doc, kb), "Elendur")
    assert (m.code, m.sector, m.rule) == ("ARN", "GOV", "title-context")


def test_a_currency_is_not_the_state_in_context(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("King", 1, "compound"), ("Elendur", 2, "nsubj", PER), ("took", None, "ROOT"),
                  ("Gondor", 4, "compound", GPE), ("$", 2, "dobj"), ("5", 4, "nummod"),
                  (".", 2, "punct")])
    assert one(mentions(doc, kb), "Elendur").code is None


@pytest.mark.parametrize(("year", "person"), [(1995, "Beregond Targon"), (2010, "Imrahil Dol")])
def test_the_bare_title_is_the_holder_of_the_state_in_context(
        doc_of: DocOf, kb: KnowledgeBase, year: int, person: str) -> None:
    doc = doc_of([("Gondor", 1, "nsubj", GPE), ("voted", None, "ROOT"), ("as", 6, "mark"),
                  ("the", 5, "det"), ("foreign", 5, "amod", {"tag": "JJ"}),
                  ("minister", 6, "nsubj"), ("left", 1, "advcl"), (".", 1, "punct")])
    m = one(mentions(doc, kb, year), "foreign minister")
    assert (m.code, m.sector, m.person, m.rule) == ("GON", "GOV", person, "title-context")


def test_a_bare_title_of_something_else_is_not_resolved(doc_of: DocOf, kb: KnowledgeBase) -> None:
    doc = doc_of([("Gondor", 1, "nsubj", GPE), ("sued", None, "ROOT"), ("the", 3, "det"),
                  ("president", 1, "dobj"), ("of", 3, "prep"), ("the", 6, "det"),
                  ("bank", 4, "pobj"), (".", 1, "punct")])
    assert [m.text for m in mentions(doc, kb)] == ["Gondor"]


def test_a_named_party_belongs_to_the_state_its_sentence_names(doc_of: DocOf,
                                                               kb: KnowledgeBase) -> None:
    doc = doc_of([("The", 2, "det", ORG), ("Entwife", 2, "compound", ORG), ("Party", 3, "nsubj", ORG),
                  ("boycotted", None, "ROOT"), ("Rohan", 5, "poss", GPE), ("elections", 3, "dobj"),
                  (".", 3, "punct")])
    m = one(mentions(doc, kb), "The Entwife Party")
    assert (m.code, m.sector, m.rule) == ("ROH", "PTY", "local-org")
    assert m.confidence <= 0.5


def test_a_named_organisation_that_is_no_party_stays_unresolved(doc_of: DocOf,
                                                                kb: KnowledgeBase) -> None:
    doc = doc_of([("The", 2, "det", ORG), ("Entwife", 2, "compound", ORG), ("Bank", 3, "nsubj", ORG),
                  ("left", None, "ROOT"), ("Rohan", 3, "dobj", GPE), (".", 3, "punct")])
    assert one(mentions(doc, kb), "The Entwife Bank").code is None


def test_a_name_the_ner_took_for_an_organisation_after_a_title(doc_of: DocOf,
                                                               kb: KnowledgeBase) -> None:
    doc = doc_of([("President", 1, "compound"), ("Elendur", 2, "compound", ORG),
                  ("Halfelven", 3, "nsubj", ORG), ("left", None, "ROOT"), ("Rohan", 3, "dobj", GPE),
                  (".", 3, "punct")])
    m = one(mentions(doc, kb), "Elendur Halfelven")
    assert (m.code, m.kind, m.rule) == ("ROH", "person", "title-context")
    office = doc_of([("President", 1, "compound"), ("Elendur", 2, "compound", ORG),
                     ("Office", 3, "nsubj", ORG), ("left", None, "ROOT"), ("Rohan", 3, "dobj", GPE),
                     (".", 3, "punct")])
    assert one(mentions(office, kb), "Elendur Office").code is None
