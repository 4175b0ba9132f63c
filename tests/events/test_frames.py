"""Syntactic frames, senses and intentions on hand-built parses of fictional sentences."""

from __future__ import annotations

import pytest

from polemos.events import Patterns, extract_events
from polemos.events.args import MentionIndex
from polemos.events.candidates import clause_arguments
from polemos.records import Event, Mention
from tests.events.conftest import Token, make_parsed, mentions_of, one_date

V, N, P, X, A, D = "VERB", "NOUN", "PROPN", "ADP", "ADJ", "DET"

CARRIED_OUT: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("carried", 1, "ROOT", V, "carry"),
                            ("out", 1, "prt", X, "out"), ("strikes", 1, "dobj", N, "strike"),
                            ("on", 3, "prep", X, "on"), ("Gondor", 4, "pobj", P, "Gondor")]
CONDEMNED: list[Token] = [("Rohan", 1, "nsubj", P, "Rohan"), ("condemned", 1, "ROOT", V, "condemn"),
                          ("the", 3, "det", D, "the"), ("attack", 1, "dobj", N, "attack"),
                          ("on", 3, "prep", X, "on"), ("Gondor", 4, "pobj", P, "Gondor")]
UNDER_FIRE: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"), ("came", 1, "ROOT", V, "come"),
                           ("under", 1, "prep", X, "under"), ("fire", 2, "pobj", N, "fire"),
                           ("from", 3, "prep", X, "from"), ("Harad", 4, "pobj", P, "Harad")]
BARRAGE: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"), ("was", 1, "ROOT", "AUX", "be"),
                        ("under", 1, "prep", X, "under"), ("a", 4, "det", D, "a"),
                        ("barrage", 2, "pobj", N, "barrage"), ("of", 4, "prep", X, "of"),
                        ("Haradrim", 7, "amod", A, "haradrim"), ("rockets", 5, "pobj", N, "rocket")]
# "Gondor held elections under a barrage of Haradrim rockets": "under" parsed on the object
HELD_UNDER: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"), ("held", 1, "ROOT", V, "hold"),
                           ("elections", 1, "dobj", N, "election"), ("under", 2, "prep", X, "under"),
                           ("a", 5, "det", D, "a"), ("barrage", 3, "pobj", N, "barrage"),
                           ("of", 5, "prep", X, "of"), ("Haradrim", 8, "amod", A, "haradrim"),
                           ("rockets", 6, "pobj", N, "rocket")]
SHOT_DOWN: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("shot", 1, "ROOT", V, "shoot"),
                          ("down", 1, "prt", X, "down"), ("Gondorian", 4, "amod", A, "Gondorian"),
                          ("drones", 1, "dobj", N, "drone")]
SHELLING: list[Token] = [("Mordor", 2, "poss", P, "Mordor"), ("'s", 0, "case", "PART", "'s"),
                         ("shelling", 5, "nsubj", N, "shelling"), ("of", 2, "prep", X, "of"),
                         ("Gondor", 3, "pobj", P, "Gondor"), ("killed", 5, "ROOT", V, "kill"),
                         ("ten", 7, "nummod", "NUM", "ten"), ("people", 5, "dobj", N, "people")]
RECEIVED: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"), ("received", 1, "ROOT", V, "receive"),
                         ("weapons", 1, "dobj", N, "weapon"), ("from", 1, "prep", X, "from"),
                         ("Arnor", 3, "pobj", P, "Arnor")]
IN_MARCH: list[Token] = [("In", 3, "prep", X, "in"), ("March", 0, "pobj", P, "March"),
                         ("Arnor", 3, "nsubj", P, "Arnor"), ("agreed", 3, "ROOT", V, "agree")]
ATTACKED_PLAN: list[Token] = [("Elrond", 1, "nsubj", P, "Elrond"), ("attacked", 1, "ROOT", V, "attack"),
                              ("Gondor", 4, "poss", P, "Gondor"), ("'s", 2, "case", "PART", "'s"),
                              ("plan", 1, "dobj", N, "plan")]
TARGETING: list[Token] = [("a", 1, "det", D, "a"), ("bill", 1, "ROOT", N, "bill"),
                          ("targeting", 1, "acl", V, "target"), ("Gondor", 2, "dobj", P, "Gondor")]
TRADE_WAR: list[Token] = [("Arnor", 3, "poss", P, "Arnor"), ("'s", 0, "case", "PART", "'s"),
                          ("trade", 3, "compound", N, "trade"), ("war", 3, "ROOT", N, "war"),
                          ("with", 3, "prep", X, "with"), ("Gondor", 4, "pobj", P, "Gondor")]


def coded(tokens: list[Token], patterns: Patterns, mentions: list[Mention] | None = None
          ) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions if mentions is not None else mentions_of(parsed),
                          patterns, time=one_date(parsed))


def summary(event: Event) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    return (event.type, tuple(p.code for p in event.actors),
            tuple(p.code for p in event.recipients), event.pattern)


@pytest.mark.parametrize(
    ("tokens", "want"),
    [
        (CARRIED_OUT, ("ASSAULT", ("HAR",), ("GON",), "fight.light.attack-noun")),
        (UNDER_FIRE, ("ASSAULT", ("HAR",), ("GON",), "fight.undergo.fire-under")),
        (BARRAGE, ("ASSAULT", ("HAR",), ("GON",), "fight.undergo.fire-under")),
        (HELD_UNDER, ("ASSAULT", ("HAR",), ("GON",), "fight.undergo.fire-under")),
        (SHOT_DOWN, ("ASSAULT", ("HAR",), ("GON",), "fight.active.shoot-down")),
        (SHELLING, ("ASSAULT", ("MOR",), ("GON",), "fight.nominal.shelling")),
        (RECEIVED, ("AID", ("ARN",), ("GON",), "aid.inverse.receive-arms")),
    ],
    ids=["light-verb-gives-its-subject", "came-under-fire-from-x", "barrage-of-x-rockets",
         "held-elections-under-a-barrage", "shot-down-x-drones-hits-x",
         "x-shelling-of-y-is-one-event", "received-from-x-is-x-giving"],
)
def test_frame_gives_direction(tokens: list[Token], want: tuple[str, ...],
                               patterns: Patterns) -> None:
    assert [summary(e) for e in coded(tokens, patterns)] == [want]


def test_a_verb_that_only_talks_about_an_event_gives_it_no_actor(patterns: Patterns) -> None:
    assert [summary(e)[:3] for e in coded(CONDEMNED, patterns)] == [("ACCUSE", ("ROH",), ())]


def test_month_name_is_no_march(patterns: Patterns) -> None:
    assert [e.type for e in coded(IN_MARCH, patterns)] == ["AGREE"]


@pytest.mark.parametrize(("tokens", "want"), [(ATTACKED_PLAN, ["ACCUSE"]), (TARGETING, []),
                                              (TRADE_WAR, [])],
                         ids=["attacking-a-plan-is-criticism", "a-bill-targeting-x-hits-no-one",
                              "a-trade-war-is-no-war"])
def test_physical_types_need_a_physical_act(tokens: list[Token], want: list[str],
                                            patterns: Patterns) -> None:
    assert [e.type for e in coded(tokens, patterns)] == want


def _future(modal: str, negated: bool = False) -> list[Token]:
    tokens: list[Token] = [("Arnor", 3, "nsubj", P, "Arnor"), (modal, 3, "aux", "AUX", modal),
                           ("not", 3, "neg", "PART", "not"), ("lift", 3, "ROOT", V, "lift"),
                           ("sanctions", 3, "dobj", N, "sanction"), ("on", 4, "prep", X, "on"),
                           ("Gondor", 5, "pobj", P, "Gondor")]
    if negated:
        return tokens
    return [(w, h - (h > 2), d, p, lemma) for i, (w, h, d, p, lemma) in enumerate(tokens) if i != 2]


@pytest.mark.parametrize(
    ("tokens", "facts"),
    [
        (_future("will"), [("AGREE", "035")]),
        (_future("could"), []),
        (_future("will", negated=True), [("REJECT", "124")]),
    ],
    ids=["will-lift-is-a-stated-intention", "could-lift-is-only-possible",
         "will-not-lift-is-a-refusal"],
)
def test_future_acts_are_flagged_and_intentions_coded(tokens: list[Token],
                                                      facts: list[tuple[str, str]],
                                                      patterns: Patterns) -> None:
    events = coded(tokens, patterns)
    [act] = [e for e in events if e.trigger == "lift" and e.type == "RETREAT"]
    assert act.is_hypothetical  # never coded as fact
    assert [(e.type, e.cameo) for e in events if not e.is_flagged] == facts
    assert all(summary(e)[1:3] == (("ARN",), ("GON",)) for e in events)


def test_venue_named_in_an_agreement_is_no_party(patterns: Patterns) -> None:
    tokens: list[Token] = [("Arnor", 3, "nsubj", P, "Arnor"), ("and", 0, "cc", "CCONJ", "and"),
                           ("Gondor", 0, "conj", P, "Gondor"), ("signed", 3, "ROOT", V, "sign"),
                           ("the", 6, "det", D, "the"), ("Bree", 6, "compound", P, "Bree"),
                           ("Protocol", 3, "dobj", P, "protocol")]
    parsed = make_parsed(tokens)
    bree = parsed.doc[5]
    mentions = mentions_of(parsed) + [Mention("d1", 0, bree.idx, bree.idx + 4, "Bree", "ERI",
                                              kind="state", rule="metonym")]
    [event] = coded(tokens, patterns, mentions)
    assert summary(event)[:3] == ("SUPPORT", ("ARN", "GON"), ())


def test_venue_of_a_negotiated_agreement_is_no_recipient(patterns: Patterns) -> None:
    tokens: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"),
                           ("negotiated", 1, "ROOT", V, "negotiate"), ("the", 4, "det", D, "the"),
                           ("Bree", 4, "compound", P, "Bree"),
                           ("Protocol", 1, "dobj", P, "protocol")]
    parsed = make_parsed(tokens)
    bree = parsed.doc[3]
    mentions = mentions_of(parsed) + [Mention("d1", 0, bree.idx, bree.idx + 4, "Bree", "ERI",
                                              kind="state", rule="metonym")]
    assert [summary(e)[1:3] for e in coded(tokens, patterns, mentions)] == [(("ARN",), ())]


def test_mediation_names_the_sides_it_mediates_between(patterns: Patterns) -> None:
    tokens: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("brokered", 1, "ROOT", V, "broker"),
                           ("a", 3, "det", D, "a"), ("truce", 1, "dobj", N, "truce"),
                           ("between", 3, "prep", X, "between"), ("Gondor", 4, "pobj", P, "Gondor"),
                           ("and", 5, "cc", "CCONJ", "and"), ("Rohan", 5, "conj", P, "Rohan")]
    events = {e.type: e for e in coded(tokens, patterns)}
    mediation, truce = events["CONSULT"], events["CONCEDE"]
    assert [p.code for p in mediation.mediators] == ["ARN"]
    assert [p.code for p in mediation.recipients] == ["GON", "ROH"]
    assert [p.code for p in truce.actors] == ["GON", "ROH"]


@pytest.mark.parametrize(
    ("tokens", "head", "want"),
    [
        (RECEIVED, 1, (["ARN"], ["GON"])),
        (SHELLING, 2, (["MOR"], ["GON"])),
        ([("Gondor", 2, "nsubjpass", P, "Gondor"), ("was", 2, "auxpass", "AUX", "be"),
          ("flattered", 2, "ROOT", V, "flatter"), ("by", 2, "agent", X, "by"),
          ("Rohan", 3, "pobj", P, "Rohan")], 2, (["ROH"], ["GON"])),
    ],
    ids=["class-frame-inverse", "nominal-possessive-and-of", "generic-passive-with-agent"],
)
def test_clause_arguments_follow_the_frames(tokens: list[Token], head: int,
                                            want: tuple[list[str], list[str]],
                                            patterns: Patterns) -> None:
    parsed = make_parsed(tokens)
    index = MentionIndex(parsed.doc, mentions_of(parsed))
    actors, recipients = clause_arguments(parsed.doc[head], index, lexicon=patterns)
    assert ([m.code for m in actors], [m.code for m in recipients]) == want


HIT_WITH: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("hit", 1, "ROOT", V, "hit"),
                         ("Gondor", 1, "dobj", P, "Gondor"), ("with", 1, "prep", X, "with"),
                         ("sanctions", 3, "pobj", N, "sanction")]
HIT_PASSIVE: list[Token] = [("Gondor", 2, "nsubjpass", P, "Gondor"),
                            ("was", 2, "auxpass", "AUX", "be"), ("hit", 2, "ROOT", V, "hit"),
                            ("with", 2, "prep", X, "with"), ("sanctions", 3, "pobj", N, "sanction"),
                            ("by", 2, "agent", X, "by"), ("Arnor", 5, "pobj", P, "Arnor")]
FACES: list[Token] = [("Gondor", 1, "nsubj", P, "Gondor"), ("faces", 1, "ROOT", V, "face"),
                      ("sanctions", 1, "dobj", N, "sanction"), ("from", 2, "prep", X, "from"),
                      ("Arnor", 3, "pobj", P, "Arnor")]
OWN_TARIFFS: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("imposed", 1, "ROOT", V, "impose"),
                            ("tariffs", 1, "dobj", N, "tariff"), ("on", 2, "prep", X, "on"),
                            ("exports", 3, "pobj", N, "export"), ("to", 4, "prep", X, "to"),
                            ("Arnor", 5, "pobj", P, "Arnor")]


@pytest.mark.parametrize(
    ("tokens", "want"),
    [
        (HIT_WITH, [("SANCTION", ("ARN",), ("GON",))]),
        (HIT_PASSIVE, [("SANCTION", ("ARN",), ("GON",))]),
        (FACES, [("SANCTION", ("ARN",), ("GON",))]),
        (OWN_TARIFFS, [("SANCTION", ("ARN",), ())]),
    ],
    ids=["hit-with-sanctions-is-no-strike", "was-hit-with-sanctions-by-x",
         "faces-sanctions-from-x", "no-state-sanctions-itself"],
)
def test_sanctions_frames(tokens: list[Token], want: list[tuple[str, ...]],
                          patterns: Patterns) -> None:
    assert [summary(e)[:3] for e in coded(tokens, patterns)] == want


def test_a_warning_of_what_another_may_do_is_a_forecast(patterns: Patterns) -> None:
    tokens: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("warned", 1, "ROOT", V, "warn"),
                           ("that", 5, "mark", "SCONJ", "that"), ("Gondor", 5, "nsubj", P, "Gondor"),
                           ("could", 5, "aux", "AUX", "could"), ("attack", 1, "ccomp", V, "attack"),
                           ("Rohan", 5, "dobj", P, "Rohan")]
    assert [e.type for e in coded(tokens, patterns) if not e.is_flagged] == []


def test_warning_of_retaliation_against_x_threatens_x(patterns: Patterns) -> None:
    tokens: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("warned", 1, "ROOT", V, "warn"),
                           ("of", 1, "prep", X, "of"), ("retaliation", 2, "pobj", N, "retaliation"),
                           ("against", 3, "prep", X, "against"), ("Gondor", 4, "pobj", P, "Gondor")]
    assert [summary(e) for e in coded(tokens, patterns)] == [
        ("THREATEN", ("ARN",), ("GON",), "threaten.active.warn-of-force")]


def test_a_state_gives_itself_no_aid(patterns: Patterns) -> None:
    """'Arnorian ships delivered weapons to Arnor and Gondor.': Gondor receives; Arnor, the
    giver's own state, is where the ships belong, not a recipient."""
    tokens: list[Token] = [("Arnorian", 1, "amod", A, "Arnorian"), ("ships", 2, "nsubj", N, "ship"),
                           ("delivered", 2, "ROOT", V, "deliver"),
                           ("weapons", 2, "dobj", N, "weapon"), ("to", 2, "prep", X, "to"),
                           ("Arnor", 4, "pobj", P, "Arnor"), ("and", 5, "cc", "CCONJ", "and"),
                           ("Gondor", 5, "conj", P, "Gondor")]
    [delivery] = coded(tokens, patterns)
    assert (delivery.type, [p.code for p in delivery.actors]) == ("AID", ["ARN"])
    assert [p.code for p in delivery.recipients] == ["GON"]


def test_the_actors_own_state_named_beside_its_partner_is_no_recipient(
        patterns: Patterns) -> None:
    """'Arnor defended Arnor and Gondor's treaty.' (as parsed: "Arnor" and "treaty" the
    conjoined objects, "Gondor" the owner of the treaty): Gondor is the other side."""
    tokens: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("defended", 1, "ROOT", V, "defend"),
                           ("Arnor", 1, "dobj", P, "Arnor"), ("and", 2, "cc", "CCONJ", "and"),
                           ("Gondor", 6, "poss", P, "Gondor"), ("'s", 4, "case", "PART", "'s"),
                           ("treaty", 2, "conj", N, "treaty")]
    [event] = coded(tokens, patterns)
    assert (event.type, [p.code for p in event.recipients]) == ("SUPPORT", ["GON"])


def test_the_possessor_of_an_arrest_is_who_is_arrested(patterns: Patterns) -> None:
    """'Elrond's arrest by Harad angered Gondor.': Harad arrests Elrond (of Arnor); with an
    "of" phrase ("Harad's arrest of Elrond") the possessor is the one who arrests."""
    def tokens(possessor: str, other: str, prep: str) -> list[Token]:
        return [(possessor, 2, "poss", P, possessor), ("'s", 0, "case", "PART", "'s"),
                ("arrest", 5, "nsubj", N, "arrest"), (prep, 2, "prep", X, prep),
                (other, 3, "pobj", P, other), ("angered", 5, "ROOT", V, "anger"),
                ("Gondor", 5, "dobj", P, "Gondor")]

    [arrest] = [e for e in coded(tokens("Elrond", "Harad", "by"), patterns)
                if e.trigger == "arrest"]
    assert ([p.code for p in arrest.actors], [p.code for p in arrest.recipients]) == (
        ["HAR"], ["ARN"])
    [arrest] = [e for e in coded(tokens("Harad", "Elrond", "of"), patterns)
                if e.trigger == "arrest"]
    assert ([p.code for p in arrest.actors], [p.code for p in arrest.recipients]) == (
        ["HAR"], ["ARN"])


def test_against_on_the_object_names_the_target(patterns: Patterns) -> None:
    """'Harad fought an insurgency against Gondor.': Gondor is fought."""
    tokens: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("fought", 1, "ROOT", V, "fight"),
                           ("an", 3, "det", D, "an"), ("insurgency", 1, "dobj", N, "insurgency"),
                           ("against", 3, "prep", X, "against"), ("Gondor", 4, "pobj", P, "Gondor")]
    [event] = coded(tokens, patterns)
    assert summary(event)[:3] == ("ASSAULT", ("HAR",), ("GON",))
