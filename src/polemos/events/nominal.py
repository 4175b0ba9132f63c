"""Frames of event nouns: who a nominalised act belongs to.

- nominal: possessive, adjectival and compound modifiers act ("Russia's shelling"), "by X" acts,
  "of/from X" act when X is armed force or a weapon; other prepositions receive;
- light: a support verb ("carried out strikes", "held talks") gives the noun its subject as actor
  and its dative and prepositions as recipients; any other verb gives it nothing;
- undergo: "faces sanctions", "came under fire from X": the subject receives;
- setting: "said during a visit to X": the one the clause is about took part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from polemos.events.args import (
    NOUN_PREPS,
    VERB_PREPS,
    MentionIndex,
    governor,
    is_measure,
    objects_of,
    owner_mentions,
    phrase_mentions,
    prep_objects,
    subject_tokens,
)
from polemos.events.frames import MOTION, PLACE_PREPS, add_preps, lemma_of, mentions_of
from polemos.events.matching import forms_of
from polemos.events.patterns import Patterns
from polemos.events.senses import is_venue
from polemos.records import Mention

if TYPE_CHECKING:
    from polemos.events.candidates import Candidate

# verbs through "under" that put someone under something ("placed under arrest")
PUTTING = frozenset({"put", "place", "bring", "keep", "hold", "take"})


# acts whose noun's possessor is who undergoes them: "Navalny's arrest", "Bashir's ouster"
UNDERGONE = frozenset({"arrest", "arrests", "detention", "release", "ouster", "removal",
                       "killing", "assassination", "execution", "abduction", "kidnapping",
                       "murder", "expulsion", "deportation", "dismissal", "imprisonment",
                       "capture", "extradition", "sentencing", "conviction", "jailing",
                       "overthrow", "impeachment", "prosecution", "indictment"})


def _possessor_named(mention: Mention, anchor: Token) -> bool:
    """The mention is the noun's possessive ("Navalny's"), not an adjective ("Russian")."""
    return any(t.dep_ == "poss" and mention.start <= t.idx < mention.end for t in anchor.children)


def noun_arguments(c: Candidate, index: MentionIndex, lexicon: Patterns) -> None:
    anchor = c.anchor
    owners = owner_mentions(anchor, index, skip=c.token.i if anchor.i != c.token.i else -1)
    c.actors = [m for m in owners if not is_venue(m, anchor, index, lexicon)]
    c.actors = _without_forum(c.actors, anchor, index)
    if (lemma_of(anchor) in UNDERGONE or anchor.lower_ in UNDERGONE) and not any(
            p.dep_ == "prep" and p.lower_ == "of" for p in anchor.children):  # "X's arrest of Y"
        undergoing = [m for m in c.actors if _possessor_named(m, anchor)]
        c.actors = [m for m in c.actors if m not in undergoing]  # "Navalny's arrest": arrested
        c.recipients += undergoing
    if not c.actors:
        _participle_agents(c, anchor, index, lexicon)
    c.subjects = [t for t in anchor.children if t.dep_ in {"poss", "amod", "compound", "nmod"}]
    for obj in c.token.doc[anchor.sent.start:anchor.sent.end] if c.consumed else ():
        if obj.i in c.consumed and obj.dep_ != "compound":  # "suspension of links with X"
            add_preps(c, obj, VERB_PREPS, index)
    add_preps(c, anchor, NOUN_PREPS | PLACE_PREPS, index)
    if anchor.i != c.token.i:
        add_preps(c, c.token, NOUN_PREPS | PLACE_PREPS, index)
    c.governor = governor(anchor)
    under = _under_verb(anchor)
    phase = _phase_of(anchor)
    if under is not None:
        _undergo(c, under, index)
    elif phase is not None and c.pattern.type == "CONSULT":
        # "spoke at the start of talks with X": a setting; "with X" names whom, if anyone
        partners, c.actors = c.actors, []
        _setting(c, phase, index)
        c.recipients += [m for m in partners if m not in c.actors and m not in c.recipients]
    elif c.governor is not None and not _is_subject(anchor):
        _governed(c, c.governor, index, lexicon)
    elif c.governor is not None and not c.recipients and not c.pattern.embeds:
        add_preps(c, c.governor, frozenset({"in", "into", "against"}) | PLACE_PREPS,
                   index)  # "troops arrived in X"
    if not c.actors and c.pattern.type == "CONSULT":
        _setting(c, anchor, index)
    if c.pattern.prep and c.governor is not None:  # "at X's request, Y sent …": Y was asked
        c.recipients = mentions_of(subject_tokens(c.governor)[0], index)
    if c.pattern.embeds and not c.recipients and c.governor is not None:
        for clause in c.governor.children:
            if clause.dep_ == "ccomp":
                subjects = [s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}]
                c.recipients += mentions_of(subjects, index)
    c.recipients = [m for m in c.recipients if m not in c.actors]


# participles whose agent takes part in it ("the summit attended by X and Y")
ATTENDING = frozenset({"attend", "join"})
# participles whose agent hosts or brokers it ("talks hosted by X"): an act of its own
HOSTING = frozenset({"host", "organize", "organise", "broker", "mediate", "sponsor", "convene",
                     "facilitate", "arrange", "chair"})


def _participle_agents(c: Candidate, anchor: Token, index: MentionIndex,
                       lexicon: Patterns) -> None:
    """'strikes carried out by X', 'the summit attended by X and Y': the agent of a
    participle of a support or attending verb acts in the noun's event. ('talks hosted by
    X' is not one: the host's act is an event of its own, coded from the participle.)"""
    for participle in anchor.children:
        if participle.dep_ != "acl":  # with an agent: a passive participle
            continue
        lemma = participle.lemma_.lower()
        agents = [o for a in participle.children if a.dep_ == "agent"
                  for o in a.children if o.dep_ == "pobj"]
        named = [m for o in agents for m in phrase_mentions(o, index)]
        if not named:
            continue
        if lemma in ATTENDING or lemma in lexicon.words("support") and lemma not in HOSTING:
            c.actors = named
            c.subjects = agents
            return


def _without_forum(actors: list[Mention], anchor: Token, index: MentionIndex) -> list[Mention]:
    """'Russia used its Security Council veto': with an owner named by a possessive, an
    international body named in a compound modifier is the forum of the act, not its actor."""
    owners = [m for t in anchor.children if t.dep_ == "poss" for m in phrase_mentions(t, index)]
    if not owners:
        return actors
    named = [index.at(t) for t in anchor.children if t.dep_ == "compound"]
    forums = [m for m in named if m is not None and m.kind == "igo" and m not in owners]
    return [m for m in actors if m not in forums]


SETTING_PREPS = frozenset({"during", "on", "at", "after", "before", "following", "ahead",
                           "throughout", "amid", "since", "upon", "in"})


def _setting(c: Candidate, anchor: Token, index: MentionIndex) -> None:
    """'X said during a visit to Beijing', 'X spoke at the summit': the one the clause is
    about took part in the meeting its setting names."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in SETTING_PREPS or prep.dep_ != "prep":
        return
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return
    subjects = [t for t in subject_tokens(verb)[0] if t.i != anchor.i]
    c.actors = mentions_of(subjects, index)
    c.subjects = subjects
    c.frame = "setting" if c.actors else c.frame


# nouns of a phase of something: "at the start of the talks" is a setting as "at the talks" is
PHASES = frozenset({"start", "beginning", "outset", "opening", "end", "close", "conclusion",
                    "eve", "height", "middle", "sidelines", "margins", "margin", "wake",
                    "aftermath", "course", "resumption", "round"})


def _phase_of(anchor: Token) -> Token | None:
    """'at the start of Brexit negotiations', 'on the sidelines of the summit': the phase noun
    that stands in a setting for the event noun it is a phase of."""
    of = anchor.head
    if anchor.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return None
    phase = of.head
    if phase.lemma_.lower() not in PHASES or phase.dep_ != "pobj":
        return None
    return phase if phase.head.lower_ in SETTING_PREPS else None


def _is_subject(anchor: Token) -> bool:
    """The noun (or the measure it is counted in: "a patch of troops") is its verb's subject."""
    node = anchor
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ == "of" \
            and is_measure(node.head.head):
        node = node.head.head
    return node.dep_ in {"nsubj", "nsubjpass"} and node.i != anchor.i or node.dep_ == "nsubj"


def _under_verb(anchor: Token) -> Token | None:
    """'came under fire', 'is under occupation': the verb the 'under' phrase hangs from, also
    through the object it is parsed on ("held elections under a barrage of rockets": whoever
    held them was under the barrage)."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "under" and anchor.head.dep_ == "prep":
        verb = anchor.head.head
        while verb.dep_ in {"dobj", "conj"} and verb.pos_ in {"NOUN", "PROPN"} \
                and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            return verb
    return None


def _undergo(c: Candidate, verb: Token, index: MentionIndex) -> None:
    targets = [t for t in objects_of(verb) if t.dep_ in {"dobj", "nsubjpass"}]
    # "placed X under arrest": who places acts, X undergoes; "held elections under a barrage of
    # X's rockets" (the noun names its own actor, the object no one): the holder undergoes
    if lemma_of(verb) in PUTTING and (mentions_of(targets, index) or not c.actors):
        c.frame = "light"
        subjects, passive = subject_tokens(verb)
        if not c.actors:
            c.actors = mentions_of(subjects, index) if not passive or subjects else []
            c.subjects = subjects
        c.recipients = mentions_of(targets, index) or c.recipients
        return
    c.frame = "undergo"
    subjects = subject_tokens(verb)[0] or [t for t in verb.children if t.dep_ == "nsubjpass"]
    sufferers = mentions_of(subjects, index)
    c.objects += subjects
    givers = [m for node in (verb, c.anchor) for _, o in prep_objects(node, frozenset({"from"}))
              for m in phrase_mentions(o, index)]  # "faced criticism from X"
    c.actors += [m for m in givers if m not in c.actors and m not in sufferers]
    if sufferers:
        c.recipients = [m for m in sufferers if m not in c.actors]


def _governed(c: Candidate, gov: Token, index: MentionIndex, lexicon: Patterns) -> None:
    """A noun object of a verb: a support verb's subject does it, an undergoing verb's subject
    suffers it, any other verb only talks about it."""
    forms = set(forms_of(gov))
    lemma = lemma_of(gov)
    support = bool(forms & (lexicon.words("support") | c.pattern.light | c.pattern.governors)) \
        or (gov.pos_ == "VERB" and _same_family(gov, c, lexicon))
    if forms & (lexicon.words("undergo") - lexicon.words("support") - c.pattern.light
                - c.pattern.governors) and not _is_setting(c.anchor):
        _undergo(c, gov, index)
        return
    if not support:
        if c.pattern.frame == "symmetric" and not c.actors:
            _joint_parties(c, gov, index)
        return
    c.frame = "light"
    if (not c.actors or c.pattern.frame == "symmetric") and not c.pattern.prep:
        subjects = [t for t in subject_tokens(gov, exclude=c.anchor.i)[0] if t.i != c.anchor.i]
        c.subjects = subjects
        c.actors = mentions_of(subjects, index) + [m for m in c.actors if m not in
                                                    mentions_of(subjects, index)]
        if c.pattern.frame == "symmetric":
            for subject in subjects:
                add_preps(c, subject, frozenset({"with", "between"}), index)
        c.confidence *= 0.9
    if not c.recipients:  # "gave X an ultimatum": the dative receives (not "led hours of talks")
        c.recipients = mentions_of([t for t in gov.children if t.dep_ in {"dative", "dobj",
                                    "nsubjpass"} and c.anchor not in t.subtree], index)
    if not c.recipients:  # "returned to Geneva for talks": Geneva is only where
        motion = lemma in MOTION
        add_preps(c, gov, VERB_PREPS - {"to", "into"} if motion else VERB_PREPS, index)


def _is_setting(anchor: Token) -> bool:
    """'getting weapons at the meeting': a meeting where something else happens is undergone
    by no one."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ in SETTING_PREPS - {"in"}


def _joint_parties(c: Candidate, gov: Token, index: MentionIndex) -> None:
    """'its ties with Azerbaijan, demonstrated by joint drills': a joint act whose owner is not
    named is between the two or more parties its clause names, and only then."""
    subjects = [t for t in subject_tokens(gov, exclude=c.anchor.i)[0] if t.i != c.anchor.i]
    subjects = subjects or [t for t in gov.children if t.dep_ == "nsubjpass"]
    parties = mentions_of(subjects, index)
    for subject in subjects:
        parties += [m for _, o in prep_objects(subject, frozenset({"with", "between"}))
                    for m in phrase_mentions(o, index) if m not in parties]
    if len({m.code for m in parties if m.code}) >= 2:
        c.actors, c.subjects = parties, subjects


def _same_family(verb: Token, c: Candidate, lexicon: Patterns) -> bool:
    """'attacked … in a raid': the governing verb names an act of the same family."""
    return any(p.family == c.pattern.family and not p.is_constrained
               for p in lexicon.candidates("verb", lemma_of(verb)))
