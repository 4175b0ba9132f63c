"""Actors named by a description (issue 8, fourth pass): "the country's forces", "the
government". Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from polemos.events import Patterns, extract_events
from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, Event, Mention
from tests.events.conftest import VOCAB, mentions_of, one_date
from tests.events.test_stative import Row


def parsed_of(rows: Sequence[Row]) -> Parsed:
    """A document of one or more sentences: a sentence starts after each full stop."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "'s"} for i in range(len(words))]
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
              lemmas=[r[5] for r in rows], sent_starts=starts)
    return Parsed(Article("d1", doc.text, published=dt.date(2030, 1, 1)), doc,
                  tuple(sentences_of(doc, "d1")))


def coded(rows: Sequence[Row], patterns: Patterns) -> list[Event]:
    parsed = parsed_of(rows)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def test_the_country_in_a_reported_clause_is_the_state_of_the_speaker(
        patterns: Patterns) -> None:
    # "Arnor's agency said the country's forces killed Harad's fighters."
    rows: list[Row] = [("Arnor", 2, "poss", "PROPN", "NNP", "Arnor"),
                       ("'s", 0, "case", "PART", "POS", "'s"),
                       ("agency", 3, "nsubj", "NOUN", "NN", "agency"),
                       ("said", 3, "ROOT", "VERB", "VBD", "say"),
                       ("the", 5, "det", "DET", "DT", "the"),
                       ("country", 7, "poss", "NOUN", "NN", "country"),
                       ("'s", 5, "case", "PART", "POS", "'s"),
                       ("forces", 8, "nsubj", "NOUN", "NNS", "force"),
                       ("killed", 3, "ccomp", "VERB", "VBD", "kill"),
                       ("Harad", 11, "poss", "PROPN", "NNP", "Harad"),
                       ("'s", 9, "case", "PART", "POS", "'s"),
                       ("fighters", 8, "dobj", "NOUN", "NNS", "fighter"),
                       (".", 3, "punct", "PUNCT", ".", ".")]
    [killing] = [e for e in coded(rows, patterns) if e.trigger == "killed"]
    assert [(p.code, p.sector) for p in killing.actors] == [("ARN", "MIL")]
    assert [p.code for p in killing.recipients] == ["HAR"]


def test_a_government_named_by_its_own_phrase_is_not_the_state_told_before(
        patterns: Patterns) -> None:
    # "Arnor fought Harad. The government of Gondor condemned Harad."
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
                       ("Harad", 1, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 1, "punct", "PUNCT", ".", "."),
                       ("The", 5, "det", "DET", "DT", "the"),
                       ("government", 8, "nsubj", "NOUN", "NN", "government"),
                       ("of", 5, "prep", "ADP", "IN", "of"),
                       ("Gondor", 6, "pobj", "PROPN", "NNP", "Gondor"),
                       ("condemned", 8, "ROOT", "VERB", "VBD", "condemn"),
                       ("Harad", 8, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 8, "punct", "PUNCT", ".", ".")]
    [condemning] = [e for e in coded(rows, patterns) if e.trigger == "condemned"]
    assert [p.code for p in condemning.actors] == ["GON"]


def test_the_government_told_before_keeps_its_state_with_the_sector_of_its_noun(
        patterns: Patterns) -> None:
    # "Arnor fought Harad. The government condemned Harad."
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
                       ("Harad", 1, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 1, "punct", "PUNCT", ".", "."),
                       ("The", 5, "det", "DET", "DT", "the"),
                       ("government", 6, "nsubj", "NOUN", "NN", "government"),
                       ("condemned", 6, "ROOT", "VERB", "VBD", "condemn"),
                       ("Harad", 6, "dobj", "PROPN", "NNP", "Harad"),
                       (".", 6, "punct", "PUNCT", ".", ".")]
    [condemning] = [e for e in coded(rows, patterns) if e.trigger == "condemned"]
    assert [(p.code, p.sector) for p in condemning.actors] == [("ARN", "GOV")]


def visit(place: str) -> list[Row]:
    """'The Gondorian king visited <place>.'"""
    return [("The", 2, "det", "DET", "DT", "the"),
            ("Gondorian", 2, "amod", "ADJ", "JJ", "Gondorian"),
            ("king", 3, "nsubj", "NOUN", "NN", "king"),
            ("visited", 3, "ROOT", "VERB", "VBD", "visit"),
            (place, 3, "dobj", "PROPN", "NNP", place),
            (".", 3, "punct", "PUNCT", ".", ".")]


def test_a_visit_to_a_city_of_the_visitors_own_state_is_no_visit(patterns: Patterns) -> None:
    parsed = parsed_of(visit("Minas"))
    city = Mention("d1", 0, parsed.doc[4].idx, parsed.doc[4].idx + 5, "Minas", "GON",
                   kind="state", rule="region")
    events = extract_events(parsed, [*mentions_of(parsed), city], patterns,
                            time=one_date(parsed))
    assert [e for e in events if e.type == "CONSULT"] == []


def test_a_visit_to_another_state_stays_a_visit(patterns: Patterns) -> None:
    events = coded(visit("Rohan"), patterns)
    assert [(e.type, tuple(p.code for p in e.actors), tuple(p.code for p in e.recipients))
            for e in events] == [("CONSULT", ("GON",), ("ROH",))]


def with_council(rows: list[Row], patterns: Patterns) -> list[Event]:
    """The rows coded with 'Council' known as an international organisation."""
    parsed = parsed_of(rows)
    mentions = [replace(m, kind="igo") if m.text == "Council" else m
                for m in mentions_of(parsed)]
    return extract_events(parsed, mentions, patterns, time=one_date(parsed))


COUNCIL_MET: list[Row] = [("The", 1, "det", "DET", "DT", "the"),
                          ("Council", 2, "nsubj", "PROPN", "NNP", "Council"),
                          ("met", 2, "ROOT", "VERB", "VBD", "meet"),
                          (".", 2, "punct", "PUNCT", ".", ".")]


def test_refusing_to_attend_the_hearing_rejects_the_body_that_holds_it(
        patterns: Patterns) -> None:
    # "The Council met. Arnor refused to attend the hearing."
    rows: list[Row] = [*COUNCIL_MET, ("Arnor", 5, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("refused", 5, "ROOT", "VERB", "VBD", "refuse"),
                       ("to", 7, "aux", "PART", "TO", "to"),
                       ("attend", 5, "xcomp", "VERB", "VB", "attend"),
                       ("the", 9, "det", "DET", "DT", "the"),
                       ("hearing", 7, "dobj", "NOUN", "NN", "hearing"),
                       (".", 5, "punct", "PUNCT", ".", ".")]
    [refusal] = [e for e in with_council(rows, patterns) if e.trigger == "refused"]
    assert [p.code for p in refusal.recipients] == ["CNL"]


def test_boycotting_the_session_rejects_the_body_that_holds_it(patterns: Patterns) -> None:
    # "The Council met. Arnor boycotted the session."
    rows: list[Row] = [*COUNCIL_MET, ("Arnor", 5, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("boycotted", 5, "ROOT", "VERB", "VBD", "boycott"),
                       ("the", 7, "det", "DET", "DT", "the"),
                       ("session", 5, "dobj", "NOUN", "NN", "session"),
                       (".", 5, "punct", "PUNCT", ".", ".")]
    [boycott] = [e for e in with_council(rows, patterns) if e.trigger == "boycotted"]
    assert [p.code for p in boycott.recipients] == ["CNL"]


def test_what_is_given_goes_to_the_party_a_coordinated_taking_takes_from(
        patterns: Patterns) -> None:
    # "Arnor ceded the islands and leased back the port from Gondor."
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("ceded", 1, "ROOT", "VERB", "VBD", "cede"),
                       ("the", 3, "det", "DET", "DT", "the"),
                       ("islands", 1, "dobj", "NOUN", "NNS", "island"),
                       ("and", 1, "cc", "CCONJ", "CC", "and"),
                       ("leased", 1, "conj", "VERB", "VBD", "lease"),
                       ("back", 5, "prt", "ADP", "RP", "back"),
                       ("the", 8, "det", "DET", "DT", "the"),
                       ("port", 5, "dobj", "NOUN", "NN", "port"),
                       ("from", 8, "prep", "ADP", "IN", "from"),
                       ("Gondor", 9, "pobj", "PROPN", "NNP", "Gondor"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    [ceding] = [e for e in coded(rows, patterns) if e.trigger == "ceded"]
    assert [p.code for p in ceding.actors] == ["ARN"]
    assert [p.code for p in ceding.recipients] == ["GON"]


def test_the_attack_told_again_is_carried_out_by_the_attacker_told_before(
        patterns: Patterns) -> None:
    # "Arnor attacked Gondor. The attack killed Haradrim."
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
                       ("Gondor", 1, "dobj", "PROPN", "NNP", "Gondor"),
                       (".", 1, "punct", "PUNCT", ".", "."),
                       ("The", 5, "det", "DET", "DT", "the"),
                       ("attack", 6, "nsubj", "NOUN", "NN", "attack"),
                       ("killed", 6, "ROOT", "VERB", "VBD", "kill"),
                       ("Haradrim", 6, "dobj", "PROPN", "NNP", "Haradrim"),
                       (".", 6, "punct", "PUNCT", ".", ".")]
    [killing] = [e for e in coded(rows, patterns) if e.trigger == "killed"]
    assert [p.code for p in killing.actors] == ["ARN"]
    assert [p.code for p in killing.recipients] == ["HAR"]


def test_the_country_of_a_story_about_one_state_is_that_state(patterns: Patterns) -> None:
    # "Rebels fought in Arnor. Rebels attacked Arnor. The country's army killed rebels."
    rows: list[Row] = [("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
                       ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
                       ("in", 1, "prep", "ADP", "IN", "in"),
                       ("Arnor", 2, "pobj", "PROPN", "NNP", "Arnor"),
                       (".", 1, "punct", "PUNCT", ".", "."),
                       ("Rebels", 6, "nsubj", "NOUN", "NNS", "rebel"),
                       ("attacked", 6, "ROOT", "VERB", "VBD", "attack"),
                       ("Arnor", 6, "dobj", "PROPN", "NNP", "Arnor"),
                       (".", 6, "punct", "PUNCT", ".", "."),
                       ("The", 10, "det", "DET", "DT", "the"),
                       ("country", 12, "poss", "NOUN", "NN", "country"),
                       ("'s", 10, "case", "PART", "POS", "'s"),
                       ("army", 13, "nsubj", "NOUN", "NN", "army"),
                       ("killed", 13, "ROOT", "VERB", "VBD", "kill"),
                       ("rebels", 13, "dobj", "NOUN", "NNS", "rebel"),
                       (".", 13, "punct", "PUNCT", ".", ".")]
    [killing] = [e for e in coded(rows, patterns) if e.trigger == "killed"]
    assert [(p.code, p.sector) for p in killing.actors] == [("ARN", "MIL")]


def test_refusing_to_join_in_an_organisation_s_plan_rejects_the_organisation(
        patterns: Patterns) -> None:
    # "Arnor refused to participate in the Council plan."
    rows: list[Row] = [("Arnor", 1, "nsubj", "PROPN", "NNP", "Arnor"),
                       ("refused", 1, "ROOT", "VERB", "VBD", "refuse"),
                       ("to", 3, "aux", "PART", "TO", "to"),
                       ("participate", 1, "xcomp", "VERB", "VB", "participate"),
                       ("in", 3, "prep", "ADP", "IN", "in"),
                       ("the", 7, "det", "DET", "DT", "the"),
                       ("Council", 7, "compound", "PROPN", "NNP", "Council"),
                       ("plan", 4, "pobj", "NOUN", "NN", "plan"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    [refusal] = [e for e in with_council(rows, patterns) if e.trigger == "refused"]
    assert [p.code for p in refusal.recipients] == ["CNL"]


def test_a_name_read_as_the_object_of_said_is_the_subject_of_the_reported_verb(
        patterns: Patterns) -> None:
    # "Officials said Arnor in May attacked Gondor." (Arnor parsed as the object of "said")
    rows: list[Row] = [("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
                       ("said", 1, "ROOT", "VERB", "VBD", "say"),
                       ("Arnor", 1, "dobj", "PROPN", "NNP", "Arnor"),
                       ("in", 5, "prep", "ADP", "IN", "in"),
                       ("May", 3, "pobj", "PROPN", "NNP", "May"),
                       ("attacked", 1, "ccomp", "VERB", "VBD", "attack"),
                       ("Gondor", 5, "dobj", "PROPN", "NNP", "Gondor"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    [attack] = [e for e in coded(rows, patterns) if e.trigger == "attacked"]
    assert [p.code for p in attack.actors] == ["ARN"]
    assert [p.code for p in attack.recipients] == ["GON"]


def test_the_government_is_the_state_described_earlier_in_its_sentence(
        patterns: Patterns) -> None:
    # "Harad fought against the Gondorian state, accusing the government of theft."
    rows: list[Row] = [("Harad", 1, "nsubj", "PROPN", "NNP", "Harad"),
                       ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
                       ("against", 1, "prep", "ADP", "IN", "against"),
                       ("the", 5, "det", "DET", "DT", "the"),
                       ("Gondorian", 5, "amod", "ADJ", "JJ", "Gondorian"),
                       ("state", 2, "pobj", "NOUN", "NN", "state"),
                       (",", 1, "punct", "PUNCT", ",", ","),
                       ("accusing", 1, "advcl", "VERB", "VBG", "accuse"),
                       ("the", 9, "det", "DET", "DT", "the"),
                       ("government", 7, "dobj", "NOUN", "NN", "government"),
                       ("of", 7, "prep", "ADP", "IN", "of"),
                       ("theft", 10, "pobj", "NOUN", "NN", "theft"),
                       (".", 1, "punct", "PUNCT", ".", ".")]
    [accusing] = [e for e in coded(rows, patterns) if e.trigger == "accusing"]
    assert [(p.code, p.sector) for p in accusing.recipients] == [("GON", "GOV")]


def test_the_group_is_the_armed_group_told_as_a_subject(patterns: Patterns) -> None:
    # "Orcs say they protect herders from attacks by Wargs. Gondor accuses the group of raids."
    # (Orcs and Wargs both armed groups; the story is about the Orcs, its subject)
    rows: list[Row] = [("Orcs", 1, "nsubj", "PROPN", "NNPS", "Orcs"),
                       ("say", 1, "ROOT", "VERB", "VBP", "say"),
                       ("they", 3, "nsubj", "PRON", "PRP", "they"),
                       ("protect", 1, "ccomp", "VERB", "VBP", "protect"),
                       ("herders", 3, "dobj", "NOUN", "NNS", "herder"),
                       ("from", 3, "prep", "ADP", "IN", "from"),
                       ("attacks", 5, "pobj", "NOUN", "NNS", "attack"),
                       ("by", 6, "prep", "ADP", "IN", "by"),
                       ("Wargs", 7, "pobj", "PROPN", "NNPS", "Wargs"),
                       (".", 1, "punct", "PUNCT", ".", "."),
                       ("Gondor", 11, "nsubj", "PROPN", "NNP", "Gondor"),
                       ("accuses", 11, "ROOT", "VERB", "VBZ", "accuse"),
                       ("the", 13, "det", "DET", "DT", "the"),
                       ("group", 11, "dobj", "NOUN", "NN", "group"),
                       ("of", 11, "prep", "ADP", "IN", "of"),
                       ("raids", 14, "pobj", "NOUN", "NNS", "raid"),
                       (".", 11, "punct", "PUNCT", ".", ".")]
    parsed = parsed_of(rows)
    armed = {"Orcs": "ORC", "Wargs": "WRG"}
    mentions = mentions_of(parsed) + [
        Mention("d1", 0, t.idx, t.idx + len(t), t.text, armed[t.text], kind="armed_group",
                sector="REB") for t in parsed.doc if t.text in armed]
    events = extract_events(parsed, mentions, patterns, time=one_date(parsed))
    [accusing] = [e for e in events if e.trigger == "accuses"]
    assert [p.code for p in accusing.recipients] == ["ORC"]
