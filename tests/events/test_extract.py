"""Extraction logic on hand-built parses of fictional sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from polemos.actors import find_mentions, load_kb
from polemos.events import Patterns, extract_events, load_patterns
from polemos.nlp import annotate
from polemos.records import Article, Event, EventDate
from polemos.timex import analyse_time
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P, X = "VERB", "NOUN", "PROPN", "ADP"

MEDIATE: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("mediated", 1, "ROOT", V, "mediate"),
                        ("between", 1, "prep", X, "between"), ("Gondor", 2, "pobj", P, "Gondor"),
                        ("and", 3, "cc", "CCONJ", "and"), ("Rohan", 3, "conj", P, "Rohan"),
                        (".", 1, "punct", "PUNCT", ".")]
NOT_ATTACK: list[Token] = [("Gondor", 3, "nsubj", P, "Gondor"), ("did", 3, "aux", "AUX", "do"),
                           ("not", 3, "neg", "PART", "not"), ("attack", 3, "ROOT", V, "attack"),
                           ("Rohan", 3, "dobj", P, "Rohan")]
TRIED: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("tried", 1, "ROOT", V, "try"),
                      ("to", 3, "aux", "PART", "to"), ("invade", 1, "xcomp", V, "invade"),
                      ("Rohan", 3, "dobj", P, "Rohan")]
WOULD_SUPPLY: list[Token] = [("Arnor", 2, "nsubj", P, "Arnor"), ("would", 2, "aux", "AUX", "would"),
                             ("supply", 2, "ROOT", V, "supply"), ("arms", 2, "dobj", N, "arm"),
                             ("to", 2, "dative", X, "to"), ("Gondor", 4, "pobj", P, "Gondor")]
CALL_ON: list[Token] = [("Elrond", 1, "nsubj", P, "Elrond"), ("called", 1, "ROOT", V, "call"),
                        ("on", 1, "prep", X, "on"), ("Mordor", 2, "pobj", P, "Mordor"),
                        ("to", 5, "aux", "PART", "to"), ("withdraw", 1, "xcomp", V, "withdraw")]
PASSIVE: list[Token] = [("Rohan", 2, "nsubjpass", P, "Rohan"), ("was", 2, "auxpass", "AUX", "be"),
                        ("attacked", 2, "ROOT", V, "attack"), ("by", 2, "agent", X, "by"),
                        ("Mordor", 3, "pobj", P, "Mordor")]
DRILLS: list[Token] = [("Rohirric", 4, "amod", "ADJ", "rohirric"), ("and", 0, "cc", "CCONJ", "and"),
                       ("Gondorian", 0, "conj", "ADJ", "gondorian"),
                       ("joint", 4, "amod", "ADJ", "joint"), ("drills", 5, "nsubj", N, "drill"),
                       ("began", 5, "ROOT", V, "begin")]
SANCTIONS: list[Token] = [("Council", 2, "poss", P, "Council"), ("'s", 0, "case", "PART", "'s"),
                          ("sanctions", 5, "nsubj", N, "sanction"), ("on", 2, "prep", X, "on"),
                          ("Harad", 3, "pobj", P, "Harad"), ("hurt", 5, "ROOT", V, "hurt")]
REFRAIN: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("refrained", 1, "ROOT", V, "refrain"),
                        ("from", 1, "prep", X, "from"), ("attacking", 2, "pcomp", V, "attack"),
                        ("Rohan", 3, "dobj", P, "Rohan")]

SAID_MUST: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("said", 1, "ROOT", V, "say"),
                          ("Gondor", 4, "nsubj", P, "Gondor"), ("must", 4, "aux", "AUX", "must"),
                          ("withdraw", 1, "ccomp", V, "withdraw")]

NEITHER: list[Token] = [("Neither", 1, "preconj", "CCONJ", "neither"), ("Gondor", 4, "nsubj", P, "Gondor"),
                        ("nor", 1, "cc", "CCONJ", "nor"), ("Rohan", 1, "conj", P, "Rohan"),
                        ("signed", 4, "ROOT", V, "sign"), ("the", 6, "det", "DET", "the"),
                        ("treaty", 4, "dobj", N, "treaty")]
UNREALISED: list[Token] = [("The", 1, "det", "DET", "the"), ("summit", 8, "nsubj", N, "summit"),
                           ("between", 1, "prep", X, "between"), ("Arnor", 2, "pobj", P, "Arnor"),
                           ("and", 3, "cc", "CCONJ", "and"), ("Gondor", 3, "conj", P, "Gondor"),
                           ("did", 8, "aux", "AUX", "do"), ("not", 8, "neg", "PART", "not"),
                           ("materialize", 8, "ROOT", V, "materialize")]


def coded(tokens: list[Token], patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def codes(parts: tuple) -> tuple[str, ...]:  # type: ignore[type-arg]
    return tuple(p.code for p in parts)


@pytest.mark.parametrize(
    ("tokens", "type_", "cameo", "actors", "recipients", "flags"),
    [
        (MEDIATE, "CONSULT", "045", ("ARN",), ("GON", "ROH"), (False, False, False)),
        (NOT_ATTACK, "ASSAULT", "190", ("GON",), ("ROH",), (True, False, False)),
        (TRIED, "ASSAULT", "190", ("HAR",), ("ROH",), (False, False, True)),
        (WOULD_SUPPLY, "AID", "072", ("ARN",), ("GON",), (False, True, False)),
        (CALL_ON, "REQUEST", "025", ("ARN",), ("MOR",), (False, False, False)),
        (PASSIVE, "ASSAULT", "190", ("MOR",), ("ROH",), (False, False, False)),
        (DRILLS, "COOPERATE", "062", ("ROH", "GON"), (), (False, False, False)),
        (SANCTIONS, "SANCTION", "163", ("CNL",), ("HAR",), (False, False, False)),
        (REFRAIN, "ASSAULT", "190", ("ARN",), ("ROH",), (True, False, False)),
        (SAID_MUST, "REQUEST", "105", ("ARN",), ("GON",), (False, False, False)),
        (NEITHER, "SUPPORT", "057", ("GON", "ROH"), (), (True, False, False)),
        (UNREALISED, "CONSULT", "040", ("ARN", "GON"), (), (False, False, True)),
    ],
    ids=["mediate", "negated", "attempted", "hypothetical", "call-on", "passive", "joint-drills",
         "nominal-sanctions", "refrained", "said-must", "neither-nor",
         "did-not-materialize"],
)
def test_sentence_is_coded(tokens: list[Token], type_: str, cameo: str, actors: tuple[str, ...],
                           recipients: tuple[str, ...], flags: tuple[bool, bool, bool],
                           patterns: Patterns) -> None:
    [event] = coded(tokens, patterns)
    assert (event.type, event.cameo) == (type_, cameo)
    assert codes(event.actors) == actors
    assert codes(event.recipients) == recipients
    assert (event.is_negated, event.is_hypothetical, event.is_attempted) == flags


def test_mediator_is_marked(patterns: Patterns) -> None:
    [event] = coded(MEDIATE, patterns)
    assert codes(event.mediators) == ("ARN",)
    assert event.contexts == ("diplomatic",)


def test_provenance_and_stable_id(patterns: Patterns) -> None:
    [first] = coded(MEDIATE, patterns)
    [again] = coded(MEDIATE, patterns)
    assert first.event_id == again.event_id
    assert first.trigger == "mediated"
    assert first.sentence_text[first.trigger_start:first.trigger_end] == "mediated"
    assert (first.pattern, first.coder) == ("consult.active.mediate", "rules.v2")
    assert 0 < first.confidence <= 1
    assert first.goldstein == 5.0 and first.quad == 1


def test_date_comes_from_the_sentence_not_the_publication(patterns: Patterns) -> None:
    parsed = make_parsed(MEDIATE)
    stated = EventDate(dt.date(1994, 5, 12), "day", "text", text="on 12 May 1994")
    [event] = extract_events(parsed, mentions_of(parsed), patterns,
                             time=one_date(parsed, stated))
    assert event.date.value == dt.date(1994, 5, 12)
    assert event.date.basis == "text"


def test_sentence_without_actors_gives_no_event(patterns: Patterns) -> None:
    tokens: list[Token] = [("They", 1, "nsubj", "PRON", "they"), ("attacked", 1, "ROOT", V, "attack"),
                           ("it", 1, "dobj", "PRON", "it")]
    assert coded(tokens, patterns) == []


def real_events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    """The rule events of ``text`` with the real model, knowledge base and dictionary."""
    stream = annotate(nlp, [Article("real", text, published=dt.date(2025, 3, 11))])
    parsed = next(stream)
    time = analyse_time(parsed)
    events = extract_events(parsed, find_mentions(parsed, load_kb(), time=time), load_patterns(),
                            time=time)
    stream.close()
    return events


def test_a_participle_describing_a_thing_with_no_one_named_is_no_speech_act(nlp) -> None:  # type: ignore[no-untyped-def]
    """'The initiative of President Lula, undertaken due to Brazil's close ties with …': a
    description of the initiative, not a promise by anyone, and Brazil is no one's target."""
    text = ("The initiative of President Lula, undertaken due to Brazil's close ties with both "
            "Armenia and Azerbaijan, did not materialize.")
    assert [e for e in real_events(nlp, text) if e.trigger == "undertaken"] == []


def test_an_act_told_as_a_purpose_in_order_to_is_not_yet_done(patterns: Patterns) -> None:
    """'Arnor met Gondor in order to sign a truce.': the meeting happened, the truce not yet."""
    tokens: list[Token] = [("Arnor", 1, "nsubj", "PROPN", "Arnor"), ("met", 1, "ROOT", "VERB", "meet"),
                           ("Gondor", 1, "dobj", "PROPN", "Gondor"), ("in", 1, "prep", "ADP", "in"),
                           ("order", 3, "pobj", "NOUN", "order"), ("to", 6, "aux", "PART", "to"),
                           ("sign", 4, "acl", "VERB", "sign"), ("a", 8, "det", "DET", "a"),
                           ("truce", 6, "dobj", "NOUN", "truce"), (".", 1, "punct", "PUNCT", ".")]
    parsed = make_parsed(tokens)
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    flagged = {e.trigger: e.is_hypothetical for e in events}
    assert flagged.get("met") is False
    assert flagged["sign"] is True


def test_a_quoted_forecast_about_a_third_party_is_no_stated_intention(nlp) -> None:  # type: ignore[no-untyped-def]
    """'"The worry is that they [the U.S.] will withdraw …," he said.' (the speaker is named in
    another sentence): "they" is whom the speaker talks about, so the withdrawal is a forecast,
    not a stated intention of the United States."""
    text = ("“The worry is not that they [the U.S.] will withdraw its troops from Europe. It is "
            "that they will want more money,” he said.")
    events = real_events(nlp, text)
    assert not [e for e in events if e.trigger == "withdraw" and not e.is_flagged]
