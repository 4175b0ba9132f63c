from __future__ import annotations

import pytest

from polemos.analysis.scope import came_to_nothing, is_usable
from polemos.records import Event, Participant


def event_in(text: str, trigger: str, *, start: int = 100) -> Event:
    at = text.index(trigger)
    return Event("e", "d", 0, "AID", "074", 7.0, 2, (Participant("ARN", "GOV", "Arnor", 0, 5),),
                 trigger=trigger, trigger_start=start + at, trigger_end=start + at + len(trigger),
                 sentence_text=text, sentence_start=start, sentence_end=start + len(text))


@pytest.mark.parametrize(("text", "trigger", "failed"), [
    ("Support for an Arnorian peacekeeping mission has faded over the years.", "mission", True),
    ("The Arnorian mission collapsed within weeks.", "mission", True),
    ("The plan was rejected by Gondor.", "plan", True),
    ("Arnor sent a peacekeeping mission, and the talks failed later.", "mission", False),
    ("Arnor deployed a mission to Gondor in 2001.", "mission", False),
])
def test_a_thing_said_to_come_to_nothing_does_not_count(text: str, trigger: str,
                                                        failed: bool) -> None:
    event = event_in(text, trigger)
    assert came_to_nothing(event) is failed
    assert is_usable(event) is not failed


# -- relevance: which documents are about a conflict -------------------------------------

from polemos.analysis.conflicts import Conflict  # noqa: E402
from polemos.analysis.scope import (  # noqa: E402
    MIN_RELEVANCE,
    Signals,
    centrality,
    combine,
    is_hedged,
    is_question,
    relevance,
    sides_of,
)

from .world import FakeKB  # noqa: E402

WAR = Conflict("War of the Ring", ("GON", "MOR"), territories=("Osgiliath",))


def signals(n: int = 20, title: str = "", places: tuple[int, ...] = (),
            topic: tuple[int, ...] = (), **keys: tuple[int, ...]) -> Signals:
    return Signals("d", title, n, keys, places, topic)


def test_centrality_counts_title_lead_and_share() -> None:
    assert centrality([], in_title=False, n_sentences=20) == 0
    assert centrality([0], in_title=True, n_sentences=20) == pytest.approx(0.3 + 0.2 + 0.1)
    assert centrality(range(10), in_title=False, n_sentences=20) == pytest.approx(0.7)


def test_one_passing_mention_never_brings_a_document_in() -> None:
    one = relevance(signals(GON=(12,), MOR=(12,), places=(12,)), sides_of(WAR, None), WAR)
    assert not one.is_in
    many = relevance(signals(title="Battle at Osgiliath", GON=(0, 3, 5, 8), MOR=(0, 3, 9),
                             places=(0, 4)), sides_of(WAR, None), WAR)
    assert many.is_in and many.score >= MIN_RELEVANCE


def test_a_document_about_one_side_only_is_not_about_the_war() -> None:
    alone = relevance(signals(title="Gondor", GON=tuple(range(15))), sides_of(WAR, None), WAR)
    assert alone.score == pytest.approx(0.0) and not alone.is_in
    assert combine([1.0, 0.05]) < combine([1.0, 0.2])


def test_sides_follow_parts_and_count_wholes_and_members_for_less() -> None:
    kb = FakeKB()
    gondor, _ = sides_of(WAR, kb)
    assert gondor.keys == {"GON", "ITH", "ANO"}  # Ithilien and Anórien are parts of Gondor
    doc = signals(ITH=(0, 2, 4, 6), MOR=(0, 2, 5))  # coded only with the part
    assert relevance(doc, sides_of(WAR, kb), WAR).is_in
    assert not relevance(doc, sides_of(WAR, None), WAR).is_in
    council = sides_of(Conflict("Council affair", ("WCO", "MOR")), kb)[0]
    assert council.loose == {"ARN", "GON"}  # members count, loosely


def test_sides_named_together_must_all_be_named() -> None:
    asked = Conflict("the dispute between Gondor and Mordor", ("GON", "MOR"), is_inferred=True)
    only_gondor = signals(title="Gondor", GON=tuple(range(12)))
    assert not relevance(only_gondor, sides_of(asked, None), asked).is_in
    both = signals(GON=(0, 1, 2, 5), MOR=(1, 2, 6))
    assert relevance(both, sides_of(asked, None), asked).is_in


def test_topic_words_weigh_on_documents_without_them() -> None:
    asked = Conflict("the dispute over missiles", ("GON",), topic=("missiles",),
                     is_inferred=True)
    with_topic = relevance(signals(GON=(0, 1, 2, 3, 4), topic=(1, 2, 3)), sides_of(asked, None),
                           asked)
    without = relevance(signals(GON=(0, 1, 2, 3, 4)), sides_of(asked, None), asked)
    assert with_topic.is_in and not without.is_in
    assert with_topic.score >= 2 * without.score


@pytest.mark.parametrize(("text", "question"), [
    ("Why are Arnorian peacekeepers welcomed in Ithilien?", True),
    ("Is this assessment accurate?\"", True),
    ("Arnor sent peacekeepers to Ithilien.", False),
])
def test_questions_assert_nothing(text: str, question: bool) -> None:
    assert is_question(text) is question


def test_a_perceived_act_is_hedged() -> None:
    text = "There were perceptions that Arnor directly supported Gondor."
    assert is_hedged(event_in(text, "supported"))
    assert not is_hedged(event_in("Arnor directly supported Gondor.", "supported"))
