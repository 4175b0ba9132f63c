"""Participants named but not coded (issue 8): "Arnor killed 500 civilians" is ARN → "500
civilians" (sector CVL), not ARN → nobody. Hand-built parses of fictional sentences, no model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from spacy.tokens import Doc

from polemos.events import Patterns, extract_events
from polemos.events.merge import merge_events
from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, Event, EventDate, Participant
from tests.events.conftest import VOCAB, mentions_of, one_date

# (word, head, dep, pos, lemma, entity type)
Row = tuple[str, int, str, str, str, str]
N, P, V = "NOUN", "PROPN", "VERB"


def events_of(rows: Sequence[Row], patterns: Patterns) -> list[Event]:
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, spaces=[i + 1 < len(words) and words[i + 1] != "."
                                          for i in range(len(words))],
              heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              lemmas=[r[4] for r in rows], sent_starts=[i == 0 for i in range(len(words))],
              ents=[f"B-{r[5]}" if r[5] else "O" for r in rows])
    parsed = Parsed(Article("d1", doc.text, published=dt.date(2030, 1, 1)), doc,
                    tuple(sentences_of(doc, "d1")))
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def sides(event: Event) -> tuple[list[tuple[str | None, str | None, str]], ...]:
    return tuple([(p.code, p.sector, p.text) for p in parts]
                 for parts in (event.actors, event.recipients))


def test_people_named_without_a_code_are_the_recipients(patterns: Patterns) -> None:
    # "Arnor killed 500 civilians."
    [event] = events_of([("Arnor", 1, "nsubj", P, "Arnor", ""), ("killed", 1, "ROOT", V, "kill", ""),
                         ("500", 3, "nummod", "NUM", "500", ""),
                         ("civilians", 1, "dobj", N, "civilian", ""),
                         (".", 1, "punct", "PUNCT", ".", "")], patterns)
    assert sides(event) == ([("ARN", None, "Arnor")], [(None, "CVL", "500 civilians")])
    assert event.recipients[0] == Participant(None, "CVL", "500 civilians", 13, 26)


def test_a_coded_recipient_leaves_no_room_for_an_uncoded_one(patterns: Patterns) -> None:
    # "Arnor killed Gondorian civilians."
    [event] = events_of([("Arnor", 1, "nsubj", P, "Arnor", ""), ("killed", 1, "ROOT", V, "kill", ""),
                         ("Gondorian", 3, "amod", "ADJ", "gondorian", "NORP"),
                         ("civilians", 1, "dobj", N, "civilian", ""),
                         (".", 1, "punct", "PUNCT", ".", "")], patterns)
    assert [p.code for p in event.recipients] == ["GON"]


@pytest.mark.parametrize(("rows", "expected"), [
    # "Gunmen killed Arnorian soldiers.": the irregulars act, uncoded
    ([("Gunmen", 1, "nsubj", N, "gunman", ""), ("killed", 1, "ROOT", V, "kill", ""),
      ("Arnorian", 3, "amod", "ADJ", "arnorian", "NORP"), ("soldiers", 1, "dobj", N, "soldier", ""),
      (".", 1, "punct", "PUNCT", ".", "")],
     ([(None, "REB", "Gunmen")], [("ARN", None, "Arnorian")])),
    # "Arnor killed Beren.": a person the knowledge base does not know
    ([("Arnor", 1, "nsubj", P, "Arnor", ""), ("killed", 1, "ROOT", V, "kill", ""),
      ("Beren", 1, "dobj", P, "Beren", "PERSON"), (".", 1, "punct", "PUNCT", ".", "")],
     ([("ARN", None, "Arnor")], [(None, None, "Beren")])),
    # "Arnor mobilized troops.": its own troops are moved, not acted on
    ([("Arnor", 1, "nsubj", P, "Arnor", ""), ("mobilized", 1, "ROOT", V, "mobilize", ""),
      ("troops", 1, "dobj", N, "troop", ""), (".", 1, "punct", "PUNCT", ".", "")],
     ([("ARN", None, "Arnor")], [])),
    # "Arnor killed Tuesday.": a date is nobody, whatever its part of speech
    ([("Arnor", 1, "nsubj", P, "Arnor", ""), ("killed", 1, "ROOT", V, "kill", ""),
      ("Tuesday", 1, "dobj", P, "Tuesday", "DATE"), (".", 1, "punct", "PUNCT", ".", "")],
     ([("ARN", None, "Arnor")], [])),
    # "Arnor praised Belegaer.": a sea, a range or a region (LOC) is no party to words ...
    ([("Arnor", 1, "nsubj", P, "Arnor", ""), ("praised", 1, "ROOT", V, "praise", ""),
      ("Belegaer", 1, "dobj", P, "Belegaer", "LOC"), (".", 1, "punct", "PUNCT", ".", "")],
     ([("ARN", None, "Arnor")], [])),
    # "Arnor attacked Belegaer.": ... but what force is aimed at may be a place
    ([("Arnor", 1, "nsubj", P, "Arnor", ""), ("attacked", 1, "ROOT", V, "attack", ""),
      ("Belegaer", 1, "dobj", P, "Belegaer", "LOC"), (".", 1, "punct", "PUNCT", ".", "")],
     ([("ARN", None, "Arnor")], [(None, None, "Belegaer")])),
])
def test_which_phrases_become_uncoded_participants(
        rows: list[Row], expected: tuple[list[tuple[str | None, str | None, str]], ...],
        patterns: Patterns) -> None:
    [event] = [e for e in events_of(rows, patterns) if e.trigger == rows[1][0]]
    assert sides(event) == expected


def test_two_uncoded_participants_are_not_one_actor_when_merging() -> None:
    def attack(event_id: str, text: str) -> Event:
        return Event(event_id, "d1", 0, "ASSAULT", "190", -10.0, 4,
                     (Participant(None, "REB", text, 0, 6),),
                     date=EventDate(dt.date(2030, 1, 1), "day", "text"))

    merged = merge_events([attack("a", "Gunmen"), attack("b", "Rebels")])
    assert merged["a"] != merged["b"]
