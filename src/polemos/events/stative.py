"""Sentences that describe how things are, or recall how a lasting state began, with the words
of an act: no event is reported.

- a description in the simple present: "the camps shelter 400,000 refugees", "the base hosts
  troops". The subject is a place or a thing, not a party, and the clause has no time of its
  own. A present-tense headline keeps its event: "Russia attacks Ukraine" has a named actor, and
  "Troops shell the town" a noun of people who act;
- the start of a lasting state told in passing: "responsible for starting the three-year
  conflict", "since entering the war". A support verb in a participial or subordinate clause
  with a noun of a lasting state (the ``durative`` words) recalls background; "Russia started a
  war on Thursday" in the main clause stays an event.

- a topic: an event noun that people argue or talk about ("disagreed over U.S. aid to Ukraine",
  "arguing against his ouster");
- a habit claimed in the present: "rebels claim that they protect the herders", "X says it
  defends civilians". An act in the simple present, in the complement of a verb of saying or
  claiming that is itself in the present, tells what the speaker says it does as a rule, not an
  act reported: the event is kept, flagged hypothetical (a claim, not a fact).

All apply only when the event has no date stated in the text (the caller checks).
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.events.args import subject_tokens
from polemos.events.candidates import Candidate
from polemos.events.patterns import Patterns
from polemos.events.salience import is_subordinate

PRESENT = frozenset({"VBZ", "VBP"})
AUXILIARIES = frozenset({"aux", "auxpass"})
CLAUSE_DEPS = frozenset({"pcomp", "advcl", "relcl", "acl"})
# word sets of places and things that do not act
THINGS = ("targets", "things", "information", "document", "abstract")


def describes_state(c: Candidate, lexicon: Patterns) -> bool:
    """An active verb in the simple present whose subjects are all places or things."""
    verb = c.token
    if c.pattern.pos != "verb" or c.frame != "active" or verb.tag_ not in PRESENT:
        return False
    if any(child.dep_ in AUXILIARIES for child in verb.children):
        return False
    subjects, passive = subject_tokens(verb)
    named = [(m.start, m.end) for m in c.actors + c.recipients]
    return not passive and bool(subjects) and all(
        _is_inanimate(s, lexicon) and not any(lo <= s.idx < hi for lo, hi in named)
        for s in subjects)  # a tagger may call a name a noun ("Russia attacks Ukraine")


def _is_inanimate(subject: Token, lexicon: Patterns) -> bool:
    """A common noun the word sets know as a place or a thing ("camps", "bases", "the economy",
    "the report", "the law"). A noun they do not know may be a body that acts ("the bar lifts
    its boycott"), so it is not taken for a thing."""
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    word, lemma = subject.lower_, subject.lemma_.lower()
    agents = lexicon.words("agents")
    if word in agents:  # "workers" are targets of attacks, and people who act
        return False
    if word in lexicon.words("targets"):  # "camps", "bases": places ("camp" is also a side)
        return True
    if lemma in agents:
        return False
    return any(word in lexicon.words(name) or lemma in lexicon.words(name) for name in THINGS)


# words of talking or disputing whose "over/about/against X" is what is talked about
TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning", "against"})
DISCUSSING = frozenset({"disagree", "argue", "talk", "speak", "debate", "quarrel", "comment",
                        "write", "testify", "bicker", "wrangle", "differ", "disagreement",
                        "argument", "row", "spat", "dispute", "feud",
                        "clash", "squabble"})


# feelings whose "over/with/at X" is what they are about: "angry with a Turkish offensive"
FEELING_PREPS = frozenset({"over", "about", "with", "at"})
FEELING = frozenset({"angry", "anger", "outrage", "outraged", "upset", "furious", "fury",
                     "frustrated", "frustration", "concerned", "worried", "unhappy",
                     "displeased", "displeasure", "indignation", "dismay", "dismayed"})


def is_topic(c: Candidate) -> bool:
    """An event noun that is what people argue or talk about: "the two leaders disagreed over
    U.S. aid to Ukraine", "filed cases arguing against his ouster". A topic, not an act
    reported (the aid or the ouster is told elsewhere, if at all)."""
    noun = c.anchor
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "angry with X's shift, but also Y"
        noun = noun.head
    if c.pattern.pos != "noun" or noun.dep_ != "pobj":
        return False
    prep, governor = noun.head.lower_, noun.head.head
    words = {governor.lemma_.lower(), governor.lower_}
    return prep in TOPIC_PREPS and bool(words & DISCUSSING) \
        or prep in FEELING_PREPS and bool(words & FEELING)


def recalls_onset(c: Candidate, lexicon: Patterns) -> bool:
    """A noun of a lasting state after a support verb in a participial or subordinate clause:
    "for starting the conflict", "since entering the war"."""
    gov = c.governor
    if c.frame != "light" or gov is None:
        return False
    durative = lexicon.words("durative")
    if c.anchor.lemma_.lower() not in durative and c.anchor.lower_ not in durative:
        return False
    return gov.tag_ == "VBG" or gov.dep_ in CLAUSE_DEPS or is_subordinate(gov)


# verbs that report a statement or a claim ("says", "claims", "insists", "maintains")
CLAIMING = frozenset({"say", "claim", "insist", "maintain", "argue", "contend", "assert",
                      "allege", "stress", "state", "tell", "believe"})


def claims_habit(c: Candidate) -> bool:
    """An active verb in the simple present in the complement of a present-tense verb of
    saying: "they claim that they protect …"; an event noun in such a clause is part of the
    claimed habit ("… protect them from regular attacks by X"). ("X said it attacked", "X says
    it will attack" and "X says it attacked on Monday" are not.)"""
    verb = c.token if c.pattern.pos == "verb" else _clause_verb(c.token)
    if verb is None or verb.tag_ not in PRESENT or verb.dep_ != "ccomp":
        return False
    if any(child.dep_ in AUXILIARIES for child in verb.children):
        return False
    head = verb.head
    return head.i != verb.i and head.tag_ in PRESENT and head.lemma_.lower() in CLAIMING \
        and not any(child.dep_ in AUXILIARIES for child in head.children)


NOUN_PHRASE_DEPS = frozenset({"pobj", "prep", "dobj", "conj", "appos", "compound"})


def _clause_verb(noun: Token) -> Token | None:
    """The finite verb whose clause a noun belongs to, up through objects, prepositions and
    non-finite complements ("protect cattle ranching populations from …")."""
    token = noun
    while token.dep_ in NOUN_PHRASE_DEPS | {"xcomp"} and token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "xcomp":
            return token
    return None
