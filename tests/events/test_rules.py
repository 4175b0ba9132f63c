"""Coding rules beyond single triggers, on hand-built parses of fictional sentences."""

from __future__ import annotations

import pytest

from polemos.events import Patterns, extract_events
from polemos.records import Event
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P, X, A = "VERB", "NOUN", "PROPN", "ADP", "ADJ"

ORDERED: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("ordered", 1, "ROOT", V, "order"),
                        ("troops", 1, "dobj", N, "troop"), ("to", 4, "aux", "PART", "to"),
                        ("withdraw", 1, "xcomp", V, "withdraw"), ("from", 4, "prep", X, "from"),
                        ("Rohan", 5, "pobj", P, "Rohan")]
VOWED: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("vowed", 1, "ROOT", V, "vow"),
                      ("to", 3, "aux", "PART", "to"), ("attack", 1, "xcomp", V, "attack"),
                      ("Gondor", 3, "dobj", P, "Gondor")]
UNLESS: list[Token] = [("Harad", 2, "nsubj", P, "Harad"), ("will", 2, "aux", "AUX", "will"),
                       ("attack", 2, "ROOT", V, "attack"), ("Gondor", 2, "dobj", P, "Gondor"),
                       ("unless", 6, "mark", "SCONJ", "unless"), ("Gondor", 6, "nsubj", P, "Gondor"),
                       ("pays", 2, "advcl", V, "pay")]
NOT_ACCEPT: list[Token] = [("Rohan", 3, "nsubj", P, "Rohan"), ("did", 3, "aux", "AUX", "do"),
                           ("not", 3, "neg", "PART", "not"), ("accept", 3, "ROOT", V, "accept"),
                           ("the", 5, "det", "DET", "the"), ("terms", 3, "dobj", N, "term")]
OPPOSED: list[Token] = [("Rohan", 2, "nsubjpass", P, "Rohan"), ("is", 2, "auxpass", "AUX", "be"),
                        ("opposed", 2, "ROOT", V, "oppose"), ("to", 2, "prep", X, "to"),
                        ("Arnorian", 5, "amod", A, "arnorian"), ("mediation", 3, "pobj", N, "mediation")]
RIOT_POLICE: list[Token] = [("Gondorian", 2, "amod", A, "gondorian"), ("riot", 2, "compound", N, "riot"),
                            ("police", 3, "nsubj", N, "police"), ("waited", 3, "ROOT", V, "wait")]
PROTESTED: list[Token] = [("Gondorian", 1, "amod", A, "gondorian"), ("students", 2, "nsubj", N, "student"),
                          ("protested", 2, "ROOT", V, "protest")]
STAGED: list[Token] = [("Gondorian", 1, "amod", A, "gondorian"), ("students", 2, "nsubj", N, "student"),
                       ("staged", 2, "ROOT", V, "stage"), ("protests", 2, "dobj", N, "protest"),
                       ("to", 5, "aux", "PART", "to"), ("denounce", 2, "advcl", V, "denounce"),
                       ("Harad", 5, "dobj", P, "Harad")]
COMPLAINED: list[Token] = [("Rohan", 1, "nsubj", P, "Rohan"), ("complained", 1, "ROOT", V, "complain"),
                           ("to", 1, "prep", X, "to"), ("Arnor", 2, "pobj", P, "Arnor"),
                           ("over", 1, "prep", X, "over"), ("Harad", 4, "pobj", P, "Harad")]
ARRESTED: list[Token] = [("Ten", 1, "nsummod", "NUM", "ten"), ("people", 3, "nsubjpass", N, "people"),
                         ("were", 3, "auxpass", "AUX", "be"), ("arrested", 3, "ROOT", V, "arrest"),
                         ("in", 3, "prep", X, "in"), ("Harad", 4, "pobj", P, "Harad")]


def coded(tokens: list[Token], patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))


def summary(event: Event) -> tuple[str, str, tuple[str, ...], tuple[str, ...], bool]:
    return (event.type, event.cameo, tuple(p.code for p in event.actors),
            tuple(p.code for p in event.recipients), event.is_negated)


@pytest.mark.parametrize(
    ("tokens", "want"),
    [
        (ORDERED, ("RETREAT", "0874", ("ARN",), ("ROH",), False)),
        (VOWED, ("THREATEN", "138", ("HAR",), ("GON",), False)),
        (UNLESS, ("THREATEN", "138", ("HAR",), ("GON",), False)),
        (NOT_ACCEPT, ("REJECT", "120", ("ROH",), (), False)),
        (OPPOSED, ("REJECT", "126", ("ROH",), ("ARN",), False)),
        (PROTESTED, ("PROTEST", "141", ("GON",), ("GON",), False)),
        (STAGED, ("PROTEST", "141", ("GON",), ("HAR",), False)),
        (COMPLAINED, ("ACCUSE", "114", ("ROH",), ("HAR",), False)),
        (ARRESTED, ("COERCE", "173", ("HAR",), ("HAR",), False)),
    ],
    ids=["order-is-carried-out", "vow-of-force-is-threat", "unless-is-threat",
         "not-accepting-is-rejecting", "is-opposed-to", "protest-targets-own-government",
         "purpose-gives-target", "complain-to-audience-over-target", "arrest-in-place"],
)
def test_rule(tokens: list[Token], want: tuple[str, str, tuple[str, ...], tuple[str, ...], bool],
              patterns: Patterns) -> None:
    [event] = coded(tokens, patterns)
    assert summary(event) == want


def test_trigger_describing_a_thing_is_not_an_event(patterns: Patterns) -> None:
    assert coded(RIOT_POLICE, patterns) == []


AT_REQUEST: list[Token] = [("At", 6, "prep", X, "at"), ("Arnor", 3, "poss", P, "Arnor"),
                           ("'s", 1, "case", "PART", "'s"), ("request", 0, "pobj", N, "request"),
                           (",", 6, "punct", "PUNCT", ","), ("Gondor", 6, "nsubj", P, "Gondor"),
                           ("sent", 6, "ROOT", V, "send"), ("troops", 6, "dobj", N, "troop")]


def test_at_someones_request_the_asker_is_not_the_target(patterns: Patterns) -> None:
    found = sorted(summary(e) for e in coded(AT_REQUEST, patterns))
    assert found == [("MOBILIZE", "154", ("GON",), (), False),
                     ("REQUEST", "020", ("ARN",), ("GON",), False)]


ANNOUNCED: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"), ("announced", 1, "ROOT", V, "announce"),
                          ("it", 4, "nsubj", "PRON", "it"), ("would", 4, "aux", "AUX", "would"),
                          ("ban", 1, "ccomp", V, "ban"), ("aid", 4, "dobj", N, "aid"),
                          ("to", 4, "prep", X, "to"), ("Harad", 6, "pobj", P, "Harad")]


@pytest.mark.parametrize(("modal", "intent"), [("would", True), ("might", False)])
def test_announced_future_act_is_flagged_and_the_announcement_is_a_threat(
        modal: str, intent: bool, patterns: Patterns) -> None:
    tokens = [(modal, *t[1:]) if t[0] == "would" else t for t in ANNOUNCED]
    events = [e for e in coded(tokens, patterns) if e.trigger == "ban"]
    [ban] = [e for e in events if e.type == "SANCTION"]
    assert summary(ban) == ("SANCTION", "162", ("GON",), ("HAR",), False)
    assert ban.is_hypothetical  # "would cease aid" has not happened: never coded as fact
    threats = [summary(e) for e in events if not e.is_flagged]
    assert threats == ([("THREATEN", "131", ("GON",), ("HAR",), False)] if intent else [])


KIDNAPPED: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("kidnapped", 1, "ROOT", V, "kidnap"),
                          ("up", 1, "prt", X, "up"), ("to", 2, "prep", X, "to"),
                          ("16", 6, "nummod", "NUM", "16"), ("Gondorian", 6, "amod", A, "gondorian"),
                          ("advisers", 3, "pobj", N, "adviser")]
LANGUAGE: list[Token] = [("Rohan", 1, "nsubj", P, "Rohan"), ("lifted", 1, "ROOT", V, "lift"),
                         ("restrictions", 1, "dobj", N, "restriction"), ("on", 2, "prep", X, "on"),
                         ("the", 6, "det", "DET", "the"), ("Gondorian", 6, "amod", A, "gondorian"),
                         ("language", 3, "pobj", N, "language")]
PEACEKEEPERS: list[Token] = [("The", 1, "det", "DET", "the"), ("deployment", 7, "nsubj", N, "deployment"),
                             ("of", 1, "prep", X, "of"), ("Arnorian", 4, "amod", A, "arnorian"),
                             ("peacekeepers", 2, "pobj", N, "peacekeeper"), ("to", 1, "prep", X, "to"),
                             ("Rohan", 5, "pobj", P, "Rohan"), ("began", 7, "ROOT", V, "begin")]
UNDER_INQUIRY: list[Token] = [("A", 2, "det", "DET", "a"), ("Gondorian", 2, "amod", A, "gondorian"),
                              ("journalist", 4, "nsubjpass", N, "journalist"),
                              ("was", 4, "auxpass", "AUX", "be"), ("put", 4, "ROOT", V, "put"),
                              ("under", 4, "prep", X, "under"),
                              ("investigation", 5, "pobj", N, "investigation"),
                              ("in", 6, "prep", X, "in"), ("Harad", 7, "pobj", P, "Harad")]

FLEEING: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("sent", 1, "ROOT", V, "send"),
                        ("aid", 1, "dobj", N, "aid"), ("to", 1, "prep", X, "to"),
                        ("refugees", 3, "pobj", N, "refugee"), ("fleeing", 4, "acl", V, "flee"),
                        ("Harad", 5, "dobj", P, "Harad")]


@pytest.mark.parametrize(
    ("tokens", "want"),
    [
        (FLEEING, ("AID", "071", ("ARN",), ("HAR",), False)),
        (KIDNAPPED, ("COERCE", "181", ("HAR",), ("GON",), False)),
        (LANGUAGE, ("CONCEDE", "081", ("ROH",), (), False)),
        (PEACEKEEPERS, ("AID", "074", ("ARN",), ("ROH",), False)),
        (UNDER_INQUIRY, ("ACCUSE", "090", ("HAR",), ("GON",), False)),
    ],
    ids=["refugees-fleeing-x-are-of-x", "kidnapping-up-to-n-is-detention", "a-language-names-no-party",
         "deploying-peacekeepers-is-aid", "put-under-investigation-in-place"],
)
def test_more_rules(tokens: list[Token], want: tuple[str, str, tuple[str, ...], tuple[str, ...], bool],
                    patterns: Patterns) -> None:
    [event] = coded(tokens, patterns)
    assert summary(event) == want
