"""Kinds of sentence in real news that report no event, or name its parties indirectly.

Each case is a class of construction found while judging events of news stories (issue 8):
foreseen acts, background states, descriptions, subheadings, definite descriptions and pronouns
that point back at an actor. Hand-built parses of fictional sentences, no model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from spacy.tokens import Doc

from polemos.events import Patterns, extract_events
from polemos.events.reference import fits_pronoun
from polemos.events.salience import in_heading
from polemos.nlp.annotate import Parsed, sentences_of
from polemos.records import Article, Event, EventDate, Mention, MentionKind, TimeAnalysis
from tests.events.conftest import VOCAB, Token, make_parsed, mentions_of, one_date

V, N, P, X, A, D = "VERB", "NOUN", "PROPN", "ADP", "ADJ", "DET"
STATED = EventDate(dt.date(2029, 5, 1), "month", "text", text="in May 2029")


def coded(tokens: list[Token], patterns: Patterns) -> list[Event]:
    parsed = make_parsed(tokens)
    return extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed, STATED))


def summary(events: Sequence[Event]) -> list[tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    return sorted((e.type, tuple(p.code for p in e.actors), tuple(p.code for p in e.recipients),
                   e.is_hypothetical) for e in events)


EXPECTS: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("expects", 1, "ROOT", V, "expect"),
                        ("Harad", 4, "nsubj", P, "Harad"), ("to", 4, "aux", "PART", "to"),
                        ("attack", 1, "ccomp", V, "attack"), ("Gondor", 4, "dobj", P, "Gondor")]
UNLIKELY: list[Token] = [("It", 1, "nsubj", "PRON", "it"), ("is", 1, "ROOT", "AUX", "be"),
                         ("unlikely", 1, "acomp", A, "unlikely"), ("Harad", 5, "nsubj", P, "Harad"),
                         ("will", 5, "aux", "AUX", "will"), ("attack", 2, "ccomp", V, "attack"),
                         ("Gondor", 5, "dobj", P, "Gondor")]
SAID: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("said", 1, "ROOT", V, "say"),
                     ("Harad", 3, "nsubj", P, "Harad"), ("attacked", 1, "ccomp", V, "attack"),
                     ("Gondor", 3, "dobj", P, "Gondor")]
PREPARING: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("appears", 1, "ROOT", V, "appear"),
                          ("to", 3, "aux", "PART", "to"), ("attack", 1, "xcomp", V, "attack"),
                          ("Gondor", 3, "dobj", P, "Gondor")]
PAVING: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("paved", 1, "ROOT", V, "pave"),
                       ("the", 3, "det", D, "the"), ("way", 1, "dobj", N, "way"),
                       ("for", 3, "prep", X, "for"), ("attacking", 4, "pcomp", V, "attack"),
                       ("Gondor", 5, "dobj", P, "Gondor")]

PERCEIVED: list[Token] = [("There", 1, "expl", "PRON", "there"), ("were", 1, "ROOT", "AUX", "be"),
                          ("perceptions", 1, "attr", N, "perception"),
                          ("that", 5, "mark", "SCONJ", "that"), ("Harad", 5, "nsubj", P, "Harad"),
                          ("attacked", 2, "acl", V, "attack"), ("Gondor", 5, "dobj", P, "Gondor")]


@pytest.mark.parametrize(("tokens", "hypothetical"), [
    (PERCEIVED, True),  # "perceptions that X attacked": a view, not a report
    (EXPECTS, True),  # "expects X to attack": foreseen, not reported
    (UNLIKELY, True),  # "unlikely X will attack"
    (PREPARING, True),  # "appears to attack"
    (PAVING, True),  # "paved the way for attacking": enabled, not done
    (SAID, False),  # "said X attacked": reported as fact
])
def test_foreseen_acts_are_hypothetical(tokens: list[Token], hypothetical: bool,
                                        patterns: Patterns) -> None:
    [attack] = [e for e in coded(tokens, patterns) if e.type == "ASSAULT"]
    assert attack.is_hypothetical is hypothetical


def _noun_phrase_then_verb(noun: str, lemma: str) -> list[Token]:
    """'the Arnorian <noun> continued'."""
    return [("the", 2, "det", D, "the"), ("Arnorian", 2, "amod", A, "arnorian"),
            (noun, 3, "nsubj", N, lemma), ("continued", 3, "ROOT", V, "continue")]


def test_a_bare_noun_of_a_lasting_state_is_background(patterns: Patterns) -> None:
    assert coded(_noun_phrase_then_verb("war", "war"), patterns) == []
    assert summary(coded(_noun_phrase_then_verb("offensive", "offensive"), patterns)) == [
        ("ASSAULT", ("ARN",), (), False)]


FUNDED: list[Token] = [("Arnor", 2, "npadvmod", P, "Arnor"), ("-", 2, "punct", "PUNCT", "-"),
                       ("funded", 3, "amod", V, "fund"), ("projects", 4, "nsubj", N, "project"),
                       ("stalled", 4, "ROOT", V, "stall")]


def test_a_participle_describing_a_noun_is_no_event(patterns: Patterns) -> None:
    assert coded(FUNDED, patterns) == []


def _spoke(prep: str, noun: str, rest: list[Token]) -> list[Token]:
    """'Elrond spoke <prep> a <noun> …'."""
    return [("Elrond", 1, "nsubj", P, "Elrond"), ("spoke", 1, "ROOT", V, "speak"),
            (prep, 1, "prep", X, prep), ("a", 4, "det", D, "a"), (noun, 2, "pobj", N, noun),
            *rest]


def test_a_meeting_named_as_a_setting_needs_the_other_party(patterns: Patterns) -> None:
    assert coded(_spoke("at", "summit", []), patterns) == []
    visit = _spoke("during", "visit", [("to", 4, "prep", X, "to"), ("Gondor", 5, "pobj", P, "Gondor")])
    assert summary(coded(visit, patterns)) == [("CONSULT", ("ARN",), ("GON",), False)]


LIFTED: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("lifted", 1, "ROOT", V, "lift"),
                       ("sanctions", 1, "dobj", N, "sanction"), ("imposed", 2, "acl", V, "impose"),
                       ("on", 3, "prep", X, "on"), ("Gondor", 4, "pobj", P, "Gondor")]


def test_lifting_what_was_imposed_on_someone_has_them_as_recipient(patterns: Patterns) -> None:
    [event] = coded(LIFTED, patterns)
    assert ([p.code for p in event.actors], [p.code for p in event.recipients]) == (["ARN"], ["GON"])


def _doc(tokens: list[Token], starts: set[int]) -> Doc:
    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=[t[1] for t in tokens],
               deps=[t[2] for t in tokens], pos=[t[3] for t in tokens],
               lemmas=[t[4] for t in tokens], sent_starts=[i in starts for i in range(len(words))])


def _mention(doc: Doc, i: int, code: str, kind: MentionKind, *, rule: str = "kb") -> Mention:
    token = doc[i]
    return Mention("d1", 0, token.idx, token.idx + len(token), token.text, code, kind=kind,
                   rule=rule)


# "Harad raided Gondor. The group attacked Rohan." (Harad: an armed group here)
TWO_SENTENCES: list[Token] = [("Harad", 1, "nsubj", P, "Harad"), ("raided", 1, "ROOT", V, "raid"),
                              ("Gondor", 1, "dobj", P, "Gondor"), (".", 1, "punct", "PUNCT", "."),
                              ("The", 5, "det", D, "the"), ("group", 6, "nsubj", N, "group"),
                              ("attacked", 6, "ROOT", V, "attack"), ("Rohan", 6, "dobj", P, "Rohan"),
                              (".", 6, "punct", "PUNCT", ".")]


def test_a_definite_description_points_back_at_an_actor_of_its_kind(patterns: Patterns) -> None:
    doc = _doc(TWO_SENTENCES, {0, 4})
    parsed = Parsed(Article("d1", doc.text, published=dt.date(2030, 1, 1)), doc,
                    tuple(sentences_of(doc, "d1")))
    mentions = [_mention(doc, 0, "HAR", "armed_group"), _mention(doc, 2, "GON", "state"),
                _mention(doc, 7, "ROH", "state")]
    time = TimeAnalysis((), tuple(STATED for _ in parsed.sentences))
    events = extract_events(parsed, mentions, patterns, time=time)
    attack = [e for e in events if e.trigger == "attacked"]
    assert summary(attack) == [("ASSAULT", ("HAR",), ("ROH",), False)]


def test_a_pronoun_stands_only_for_what_it_can() -> None:
    doc = _doc([("Elrond", 1, "nsubj", P, "Elrond"), ("met", 1, "ROOT", V, "meet"),
                ("Gondor", 1, "dobj", P, "Gondor"), ("she", 1, "dep", "PRON", "she"),
                ("it", 1, "dep", "PRON", "it"), ("they", 1, "dep", "PRON", "they")], {0})
    person, state = _mention(doc, 0, "ARN", "person"), _mention(doc, 2, "GON", "state")
    she, it, they = doc[3], doc[4], doc[5]
    assert fits_pronoun(she, person) and not fits_pronoun(she, state)
    assert fits_pronoun(it, state) and not fits_pronoun(it, person)
    assert fits_pronoun(they, person) and fits_pronoun(they, state)


@pytest.mark.parametrize(("words", "pos", "heading"), [
    (["Arnorian", "attack", "The", "siege", "ended"], [A, N, D, N, V], True),
    (["Arnorian", "attacks", "Since", "May", "Harad", "fought"], [A, N, "SCONJ", P, P, V], True),
    (["Arnor", "attacked", "and", "the", "siege", "ended"], [P, V, "CCONJ", D, N, V], False),
    (["Arnor", "attacked", "The", "Hague"], [P, V, D, P], False),  # "The" of a name
    # a long run before the restart is a sentence that lost its full stop, not a heading
    (["In", "May", "Arnor", "attacked", "the", "walls", "of", "the", "old", "white", "city",
      "The", "siege", "ended"], ["ADP", P, P, V, D, N, "ADP", D, A, A, N, D, N, V], False),
])
def test_a_subheading_glued_to_a_sentence_is_found(words: list[str], pos: list[str],
                                                   heading: bool) -> None:
    ents = ["O", "O", "B-GPE", "I-GPE"] if words[-1] == "Hague" else None
    doc = Doc(VOCAB, words=words, pos=pos, ents=ents,
              sent_starts=[i == 0 for i in range(len(words))])
    assert in_heading(doc[1]) is heading
    assert not in_heading(doc[len(words) - 1])


def _told(audience: list[Token]) -> list[Token]:
    """'Elrond told <audience> that Harad must withdraw'."""
    verb = len(audience) + 5
    return [("Elrond", 1, "nsubj", P, "Elrond"), ("told", 1, "ROOT", V, "tell"), *audience,
            ("that", verb, "mark", "SCONJ", "that"), ("Harad", verb, "nsubj", P, "Harad"),
            ("must", verb, "aux", "AUX", "must"), ("withdraw", 1, "ccomp", V, "withdraw")]


@pytest.mark.parametrize(("audience", "recipients"), [
    ([("Gondorian", 3, "amod", A, "gondorian"), ("newspapers", 1, "dobj", N, "newspaper")],
     ("HAR",)),  # told the (Gondorian) press: about Harad
    ([("Gondor", 1, "dobj", P, "Gondor")], ("GON",)),  # told Gondor: addressed to Gondor
])
def test_a_statement_told_to_the_press_is_addressed_to_whom_it_is_about(
        audience: list[Token], recipients: tuple[str, ...], patterns: Patterns) -> None:
    [event] = [e for e in coded(_told(audience), patterns) if e.type == "REQUEST"]
    assert tuple(p.code for p in event.recipients) == recipients


# "Gunmen raided Gondor on Tuesday. Harad claimed responsibility for the raid." (Harad: armed)
CLAIMED: list[Token] = [("Gunmen", 1, "nsubj", N, "gunman"), ("raided", 1, "ROOT", V, "raid"),
                        ("Gondor", 1, "dobj", P, "Gondor"), (".", 1, "punct", "PUNCT", "."),
                        ("Harad", 5, "nsubj", P, "Harad"), ("claimed", 5, "ROOT", V, "claim"),
                        ("responsibility", 5, "dobj", N, "responsibility"),
                        ("for", 6, "prep", X, "for"), ("the", 9, "det", D, "the"),
                        ("attack", 7, "pobj", N, "attack"), (".", 5, "punct", "PUNCT", ".")]


def test_a_claim_of_responsibility_names_who_carried_out_the_attack_told_before(
        patterns: Patterns) -> None:
    doc = _doc(CLAIMED, {0, 4})
    parsed = Parsed(Article("d1", doc.text, published=dt.date(2030, 1, 1)), doc,
                    tuple(sentences_of(doc, "d1")))
    mentions = [_mention(doc, 2, "GON", "state"), _mention(doc, 4, "HAR", "armed_group")]
    time = TimeAnalysis((), (STATED, EventDate()))
    events = extract_events(parsed, mentions, patterns, time=time)
    assert summary(events) == [("ASSAULT", ("HAR",), ("GON",), False)] * 2
    assert all(e.date == STATED for e in events)  # the claim takes the attack's date


def test_a_gerund_after_for_is_done_by_the_object_of_its_verb() -> None:
    from polemos.events.args import subject_tokens

    doc = _doc([("Arnor", 1, "nsubj", P, "Arnor"), ("criticised", 1, "ROOT", V, "criticise"),
                ("Gondor", 1, "dobj", P, "Gondor"), ("for", 1, "prep", X, "for"),
                ("refusing", 3, "pcomp", V, "refuse")], {0})
    assert [t.text for t in subject_tokens(doc[4])[0]] == ["Gondor"]


def test_a_pronoun_after_a_common_noun_subject_stands_for_that_noun() -> None:
    from polemos.events.args import MentionIndex
    from polemos.events.reference import resolve_pronoun

    # "Gondor reported the convoy was passing when it came under attack"
    doc = _doc([("Gondor", 1, "nsubj", P, "Gondor"), ("reported", 1, "ROOT", V, "report"),
                ("the", 3, "det", D, "the"), ("convoy", 4, "nsubj", N, "convoy"),
                ("passed", 1, "ccomp", V, "pass"), ("when", 7, "advmod", "SCONJ", "when"),
                ("it", 7, "nsubj", "PRON", "it"), ("came", 4, "advcl", V, "come")], {0})
    doc[3].tag_ = "NN"
    index = MentionIndex(doc, [_mention(doc, 0, "GON", "state")])
    assert resolve_pronoun(doc[6], index) == []
    doc[3].tag_ = "NNS"  # "the convoys … it": no agreement, the reporter is meant
    assert [m.code for m in resolve_pronoun(doc[6], index)] == ["GON"]


RIVALS: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("armed", 1, "ROOT", V, "arm"),
                       ("Gondorian", 3, "amod", A, "gondorian"), ("rivals", 1, "dobj", N, "rival")]


def test_people_named_by_whom_they_oppose_are_not_that_party(patterns: Patterns) -> None:
    for event in coded(RIVALS, patterns):
        assert "GON" not in {p.code for p in event.recipients + event.actors}


WARNED_STATE: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("warned", 1, "ROOT", V, "warn"),
                             ("that", 4, "mark", "SCONJ", "that"), ("Gondor", 4, "nsubj", P, "Gondor"),
                             ("is", 1, "ccomp", "AUX", "be"), ("dangerous", 4, "acomp", A, "dangerous")]
WARNED_ACT: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("warned", 1, "ROOT", V, "warn"),
                           ("that", 5, "mark", "SCONJ", "that"), ("it", 5, "nsubj", "PRON", "it"),
                           ("would", 5, "aux", "AUX", "would"), ("strike", 1, "ccomp", V, "strike"),
                           ("Gondor", 5, "dobj", P, "Gondor")]


def test_a_warning_threatens_only_with_what_will_follow(patterns: Patterns) -> None:
    assert [e for e in coded(WARNED_STATE, patterns) if e.type == "THREATEN"] == []
    threats = [e for e in coded(WARNED_ACT, patterns) if e.type == "THREATEN"]
    assert summary(threats) == [("THREATEN", ("ARN",), ("GON",), False)]


LETTER: list[Token] = [("Arnor", 1, "nsubj", P, "Arnor"), ("sent", 1, "ROOT", V, "send"),
                       ("a", 3, "det", D, "a"), ("letter", 1, "dobj", N, "letter"),
                       ("to", 1, "dative", X, "to"), ("Gondor", 4, "pobj", P, "Gondor"),
                       ("threatening", 1, "advcl", V, "threaten"), ("to", 8, "aux", "PART", "to"),
                       ("leave", 6, "xcomp", V, "leave")]


def test_a_speech_act_told_in_a_letter_is_addressed_to_its_addressee(patterns: Patterns) -> None:
    threats = [e for e in coded(LETTER, patterns) if e.type == "THREATEN"]
    assert summary(threats) == [("THREATEN", ("ARN",), ("GON",), False)]


def test_we_in_a_quotation_is_its_speaker() -> None:
    from polemos.events.args import MentionIndex
    from polemos.events.reference import resolve_pronoun

    # '"We met Gondor," Arnor said.'  /  '"We met Gondor," a witness said.'
    tokens: list[Token] = [('"', 2, "punct", "PUNCT", '"'), ("We", 2, "nsubj", "PRON", "we"),
                           ("met", 7, "ccomp", V, "meet"), ("Gondor", 2, "dobj", P, "Gondor"),
                           (",", 7, "punct", "PUNCT", ","), ('"', 7, "punct", "PUNCT", '"'),
                           ("Arnor", 7, "nsubj", P, "Arnor"), ("said", 7, "ROOT", V, "say")]
    doc = _doc(tokens, {0})
    index = MentionIndex(doc, [_mention(doc, 3, "GON", "state"), _mention(doc, 6, "ARN", "state")])
    assert [m.code for m in resolve_pronoun(doc[1], index)] == ["ARN"]
    index = MentionIndex(doc, [_mention(doc, 3, "GON", "state")])
    assert resolve_pronoun(doc[1], index) == []  # not Gondor, the nearest name
