"""Mediations that name no sides take those of their context (events/sides.py)."""

from __future__ import annotations

from dataclasses import replace

from polemos.events import Patterns
from polemos.events.sides import give_sides
from polemos.records import Event, Mention, Participant
from tests.events.conftest import Token
from tests.events.test_frames import coded

# sentence 0 tells of a fight, sentence 1 of a mediation, sentence 2 of trade
TEXT = ("Arnor and Gondor fought again. Rohan brokered a truce for the sides. "
        "Rohan and Gondor traded.")


def mention(text: str, sentence: int, code: str | None = None, *, occurrence: int = 0,
            kind: str = "state", members: tuple[str, ...] = ()) -> Mention:
    start = TEXT.index(text) if occurrence == 0 else TEXT.index(text, TEXT.index(text) + 1)
    return Mention("d", sentence, start, start + len(text), text, code,
                   kind=kind, members=members)  # type: ignore[arg-type]


def party(code: str) -> Participant:
    return Participant(code, None, code, 0, 1)


ROHAN = party("ROH")
MEDIATION = Event("m", "d", 1, "CONSULT", "045", 0.0, 1, (ROHAN,), mediators=(ROHAN,))
CEASEFIRE = Event("c", "d", 1, "CONCEDE", "0871", 0.0, 1, (), mediators=(ROHAN,))


def codes(participants: tuple[Participant, ...]) -> list[str]:
    return [p.code for p in participants]


def test_the_sides_of_a_group_phrase_in_the_sentence() -> None:
    mentions = [mention("Rohan", 1, "ROH"),
                mention("the sides", 1, kind="group", members=("ARN", "GON"))]
    mediation, ceasefire = give_sides([MEDIATION, CEASEFIRE], mentions, TEXT)
    assert codes(mediation.recipients) == ["ARN", "GON"] and codes(mediation.actors) == ["ROH"]
    assert codes(ceasefire.actors) == ["ARN", "GON"] and codes(ceasefire.mediators) == ["ROH"]


def test_the_document_pair_named_twice() -> None:
    mentions = [mention("Arnor", 0, "ARN"), mention("Gondor", 0, "GON"),
                mention("Rohan", 1, "ROH")]
    # named together once: maybe a list, not the story's sides
    assert give_sides([MEDIATION], mentions, TEXT) == [MEDIATION]
    twice = TEXT + " Arnor and Gondor met."
    start = len(TEXT) + 1
    mentions += [Mention("d", 3, start, start + 5, "Arnor", "ARN", kind="state"),
                 Mention("d", 3, start + 10, start + 16, "Gondor", "GON", kind="state")]
    [mediation] = give_sides([MEDIATION], mentions, twice)
    assert codes(mediation.recipients) == ["ARN", "GON"]


def test_a_mediator_is_never_one_of_the_sides() -> None:
    mentions = [mention("Rohan", 2, "ROH", occurrence=1), mention("Gondor", 2, "GON",
                                                                  occurrence=1)]
    moved = Event("m", "d", 2, "CONSULT", "045", 0.0, 1, (ROHAN,), mediators=(ROHAN,))
    assert give_sides([moved], mentions, TEXT) == [moved]


def test_a_mediation_with_its_sides_is_left_alone() -> None:
    named = Event("m", "d", 1, "CONSULT", "045", 0.0, 1, (ROHAN,), (party("ARN"),),
                  mediators=(ROHAN,))
    mentions = [mention("the sides", 1, kind="group", members=("ARN", "GON"))]
    assert give_sides([named], mentions, TEXT) == [named]


def test_a_war_named_without_its_sides_takes_those_of_its_sentence() -> None:
    # "Arnor and Gondor fought again." read as a war noun with no party, in Rohan (a place)
    war = Event("w", "d", 0, "ASSAULT", "190", 0.0, 1, (), (ROHAN,), pattern="fight.nominal.war")
    attack = replace(war, event_id="a", pattern="fight.active.attack")
    mentions = [mention("Arnor", 0, "ARN"), mention("Gondor", 0, "GON")]
    sided, left = give_sides([war, attack], mentions, TEXT)
    assert codes(sided.actors) == ["ARN", "GON"] and sided.recipients == ()
    assert left == attack  # an attack on a place with no attacker named stays one


def test_a_war_noun_with_no_party_at_all_is_coded_only_when_sides_are_found(
        patterns: Patterns) -> None:
    """'As Arnor and Gondor argued, violence erupted.': the violence names no party itself and
    takes the sides of its sentence; 'Violence erupted.' with no sides anywhere is no event."""
    rows: list[Token] = [("As", 4, "mark", "SCONJ", "as"), ("Arnor", 4, "nsubj", "PROPN", "Arnor"),
                         ("and", 1, "cc", "CCONJ", "and"), ("Gondor", 1, "conj", "PROPN", "Gondor"),
                         ("argued", 7, "advcl", "VERB", "argue"), (",", 7, "punct", "PUNCT", ","),
                         ("violence", 7, "nsubj", "NOUN", "violence"),
                         ("erupted", 7, "ROOT", "VERB", "erupt"), (".", 7, "punct", "PUNCT", ".")]
    [violence] = [e for e in coded(rows, patterns) if e.trigger == "violence"]
    assert sorted(codes(violence.actors)) == ["ARN", "GON"]
    alone = [(w, h - 6, d, p, lem) for w, h, d, p, lem in rows[6:]]
    assert coded(alone, patterns) == []
