"""Event extraction: triggers from the lexicon, arguments from the parse.

1. index the mentions by token once (``MentionIndex``)
2. one pass over the tokens: a token whose lemma has a class that fits becomes a candidate,
   with its actors, recipients and mediators read off the dependency arcs around it by the
   class's frame (events/frames.py)
3. the words decide the sense (events/senses.py): a physical class without a physical act,
   a consultation without a second party, a speech act whose subject is a thing are dropped
4. triggers combine (events/embedding.py): speech acts swallow what they embed, orders are
   carried out, nouns restating verbs are one event, mediated agreements are the parties'
5. each survivor becomes an Event with flags, date, provenance and a stable id; a stated
   intention ("will visit X") adds the statement of intent as an event (events/intent.py);
   background is left out (a subheading, an act in a relative clause with no time of its own)
6. across sentences: a claim of responsibility names who carried out the attack told before
   (events/responsibility.py); a mediation whose sentence names no sides takes those of its
   context (events/sides.py)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from polemos import timex
from polemos.events.args import (
    MentionIndex,
    clause_read_as_phrase,
    participants_of,
    phrase_mentions,
    subject_tokens,
)
from polemos.events.candidates import Candidate, build_candidate
from polemos.events.embedding import combine
from polemos.events.flags import Flags, flags_for
from polemos.events.frames import FORCE_TYPES, party_codes
from polemos.events.ids import event_id
from polemos.events.intent import intent_event
from polemos.events.matching import match_pattern
from polemos.events.named import moves_own_agents, named_participants, with_named
from polemos.events.ontology import Ontology
from polemos.events.patterns import Patterns
from polemos.events.reference import SAYING_VERBS, in_quotation, quoted_speaker
from polemos.events.responsibility import credit_claimed
from polemos.events.salience import in_heading, in_relative_clause, mark_secondary
from polemos.events.senses import DROP, sensed_code
from polemos.events.sides import WAR_CLASSES, give_sides
from polemos.events.stative import claims_habit, describes_state, is_topic, recalls_onset
from polemos.events.threats import conditional_threats
from polemos.nlp.annotate import Parsed
from polemos.records import Event, EventDate, Mention, Participant, TimeAnalysis, codes_of

CODER = "rules.v2"
def extract_events(
    parsed: Parsed, mentions: Sequence[Mention], patterns: Patterns, *, time: TimeAnalysis
) -> list[Event]:
    """Events reported in ``parsed``, one per trigger that survives embedding.

    Raises:
        Nothing on well-formed input: a trigger whose arguments cannot be found is
        coded with fewer participants (lower confidence) or left out.
    """
    index = MentionIndex(parsed.doc, mentions)
    candidates: dict[int, Candidate] = {}
    for token in parsed.doc:
        if _in_a_name(token, index):
            continue
        found = match_pattern(token, patterns)
        if found is not None and not in_heading(token):
            pattern, consumed = found
            candidate = build_candidate(token, pattern, index, consumed, patterns)
            if _admissible(candidate, patterns):
                candidates[token.i] = candidate
    combine(candidates, patterns.ontology)
    conditional_threats(candidates, index, patterns.ontology)
    starts = [s.start for s in parsed.sentences]
    events = []
    named: dict[str, tuple[tuple[Participant, ...], tuple[Participant, ...]]] = {}
    for candidate in candidates.values():
        sides_to_come = candidate.pattern.lemma_class in WAR_CLASSES  # events/sides.py
        if candidate.dropped or not (candidate.is_codable or sides_to_come) \
                or candidate.pattern.is_statement or not _has_speaker(candidate, patterns):
            continue
        event, flags = _event(candidate, parsed, time, starts, patterns.ontology)
        if candidate.stated_threat:  # "will strike unless X withdraws": threatened now
            event = replace(event, is_hypothetical=False)
        if event.date.basis != "text" and (
                in_relative_clause(candidate.token)  # "the sanctions X has imposed": background
                or describes_state(candidate, patterns)  # "the camps shelter refugees"
                or recalls_onset(candidate, patterns)  # "for starting the conflict"
                or is_topic(candidate)):  # "disagreed over U.S. aid to Ukraine"
            continue
        if event.date.basis != "text" and not event.is_hypothetical and claims_habit(candidate):
            event = replace(event, is_hypothetical=True)  # "rebels claim that they protect …"
        events.append(event)
        named[event.event_id] = _named(candidate, index, patterns)
        intent = intent_event(event, candidate.pattern.lemma_class, patterns.ontology) \
            if flags.is_intent and event.is_hypothetical and candidate.frame != "inverse" \
            and _subject_acts(candidate) and not _forecast_by_another(candidate, index) else None
        if intent is not None:
            events.append(intent)
            named[intent.event_id] = named[event.event_id]
    events = credit_claimed(_drop_restated(_link_mediation(events)), parsed.doc)
    events = give_sides(events, mentions, parsed.article.text)
    events = [e for e in events if e.actors or e.recipients or e.mediators
              or named.get(e.event_id, ((), ())) != ((), ())]  # a war no side was found for
    events += _brokered(events, patterns.ontology)  # once the sides are known
    # uncoded participants come last: the steps above pair, merge and fill coded ones only
    return [with_named(e, *named.get(e.event_id, ((), ())))
            for e in mark_secondary(events, parsed.doc)]


def _named(c: Candidate, index: MentionIndex,
           lexicon: Patterns) -> tuple[tuple[Participant, ...], tuple[Participant, ...]]:
    """Uncoded actors and recipients named by the candidate's frame (events/named.py); the
    actor's own agents the trigger moves ("withdrew ambassadors") and a topic ("discussed the
    refugees") are neither."""
    objects = [o for o in c.objects if not moves_own_agents(c.code, o, c.consumed)
               and not (c.pattern.topic_object and o.dep_ == "dobj")]
    subjects = [s for s in c.subjects if not moves_own_agents(c.code, s, c.consumed)]
    force = (c.type or c.pattern.type) in FORCE_TYPES
    return (named_participants(subjects, index, lexicon),
            named_participants(objects, index, lexicon, targets=force))


# types whose events are said or offered by someone: without a named actor there is none
SPOKEN_TYPES = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT",
                          "CONSULT", "COOPERATE", "AID", "CONCEDE"})


def _has_speaker(c: Candidate, lexicon: Patterns) -> bool:
    """An appeal, a promise, a meeting … needs its named actor (or a mediator); force and
    coercion may be reported with only their victims ("nine activists were killed"). Told
    by a bare noun ("Washington's commitment", "the China-Russia partnership"), such an act
    is an event only with its other side named too: else it describes a stance, not an act."""
    if c.frame == "nominal" and not c.pattern.actorless and not any(
            m.code or m.members for m in c.actors + c.mediators):
        return False  # "sanctions against Turkey enjoy support": whose, the text does not say
    if (c.type or c.pattern.type) not in SPOKEN_TYPES:
        return True
    if c.frame == "passive":  # "was agreed", not a participle describing a thing with no
        return c.token.dep_ != "acl" or bool(c.actors)  # one named: "the initiative, undertaken …"
    named = {m.code for m in c.actors + c.mediators if m.code} | {
        code for m in c.actors for code in m.members}
    if c.frame == "nominal" and c.pattern.pos == "noun" and c.pattern.frame != "mediation":
        return bool(named) and (any(m.code for m in c.recipients) or len(named) >= 2
                                and c.pattern.frame == "symmetric" and c.governor is not None)
    parties = lexicon.words("irregulars") | lexicon.words("crowds") | lexicon.words("forces")
    return bool(named) or any(_names_someone(s, parties) for s in c.subjects)


def _subject_acts(c: Candidate) -> bool:
    """The intention is the actor's own: an actor is the subject the act was read from ("X
    will meet Y", "X said it will …"), not only a partner of an act someone else intends
    ("the visit is aimed at boosting cooperation with X")."""
    for subject in c.subjects:
        if subject.pos_ == "PRON":
            return True
        lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        if any(lo <= m.start < hi for m in c.actors + c.mediators):
            return True
    return False


def _forecast_by_another(c: Candidate, index: MentionIndex) -> bool:
    """'Kyiv said Russia will attack', 'analysts say China will visit Russia', "'… not that
    they [the U.S.] will disengage,' he said": someone else tells what the actor will do. A
    forecast, not the actor's stated intention (which "Russia said it will attack" is)."""
    own = party_codes(c.actors)
    clause = c.token
    while clause.dep_ not in {"ccomp", "ROOT"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING_VERBS:
        speakers = [m for s in clause.head.children if s.dep_ == "nsubj"
                    for m in phrase_mentions(s, index, depth=1)]
        if not speakers:
            return not any(s.pos_ == "PRON" for s in clause.head.children if s.dep_ == "nsubj")
        return not own & party_codes(speakers)
    if in_quotation(c.token):
        speakers = quoted_speaker(c.token, index)
        if not speakers:  # the speaker is named in another sentence: "we will" is theirs,
            return not any(s.lower_ in FIRST_PERSON for s in c.subjects)  # "they will" not
        return not own & party_codes(speakers)
    return False


FIRST_PERSON = frozenset({"we", "i"})


def _names_someone(subject: Token, parties: frozenset[str]) -> bool:
    """A subject that names an actor the knowledge base does not know ("Rebel leaders", "the
    Kachin Independence Organization", "protesters"), not a bare pronoun that stands for no one
    named, nor a generic noun of people outside politics ("analysts", "environment groups")."""
    return any(t.pos_ == "PROPN" or t.lemma_.lower() in parties for t in subject.subtree)


def _in_a_name(token: Token, index: MentionIndex) -> bool:
    """'the Quadrilateral Security Dialogue', 'the Rapid Support Forces': a word of an actor's
    name of several words triggers nothing."""
    mention = index.at(token)
    return mention is not None and (mention.code is not None or bool(mention.members)) \
        and " " in mention.text.strip()


# a subject that names no actor and is none of these is a thing: things do not agree, ask,
# criticise, meet or concede ("the population continues to decline", "a provision allows")
SPEECH_TYPES = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT",
                          "CONSULT", "CONCEDE", "COOPERATE", "AID", "RETREAT", ""})
PERSONAL = frozenset({"PRON", "PROPN"})


def _admissible(c: Candidate, lexicon: Patterns) -> bool:
    """The words give the trigger its event sense and the arguments its frame needs."""
    code = sensed_code(c, lexicon)
    if code == DROP:
        return False
    if code is not None and code != c.code:
        c.code, c.type = code, lexicon.ontology.code(code).type or c.type
        if c.inferred and c.type != "PROTEST":  # "Canada protested" (officially): at whom is
            c.recipients, c.inferred = [], False  # unsaid, not at its own government
    if c.pattern.needs_recipient and not any(m.code or m.members for m in c.recipients):
        return False
    if c.token.dep_ == "amod" and c.token.pos_ == "VERB" and not clause_read_as_phrase(c.token):
        return False  # "a Chinese-funded pipeline", "U.S.-backed forces": a description
    if c.frame == "nominal" and _is_background(c.anchor, lexicon):
        return False
    if c.frame == "setting" and not c.recipients:
        return False  # "said at one summit", "during Brexit negotiations": with whom, unsaid
    if _is_bare_warning(c):
        return False
    if c.pattern.type == "PROTEST" and c.frame == "passive":
        return False  # "was demonstrated by": shown, not protested
    if c.pattern.needs_partner and not _has_partner(c, lexicon):
        return False
    if c.pattern.needs_complement and not _has_complement(c.token, lexicon):
        return False
    return not _thing_acts(c, lexicon)


WARNING = frozenset({"warn", "caution"})
# what a warning threatens with when it names no act of its own
CONSEQUENCES = frozenset({"consequence", "consequences", "repercussion", "repercussions",
                          "retaliation", "reprisal", "reprisals", "response", "action",
                          "measure", "measures", "step", "steps", "escalation"})
WILL = frozenset({"will", "would", "'ll", "'d", "shall", "could", "might", "may", "wo"})


def _is_bare_warning(c: Candidate) -> bool:
    """'warned that the cooperation is dangerous', '"X is no option," he warned', 'warned
    against hospital care': a warning threatens only with what will follow ("warned it would
    retaliate", "warned of consequences", "warned against any attack") or someone named;
    without that it is a comment or advice."""
    if c.pattern.type != "THREATEN" or c.token.lemma_.lower() not in WARNING or c.pattern.prep:
        return False
    clauses = [t for t in c.token.children if t.dep_ in {"ccomp", "xcomp", "advcl"}]
    warned = [o for t in c.token.children if t.dep_ == "prep" and t.lower_ in {"of", "against"}
              for o in t.children if o.dep_ in {"pobj", "pcomp"}]
    if warned:  # "warned of retaliation", "warned against any attack", "warned Iran against …"
        return not c.recipients and not any(
            o.lemma_.lower() in CONSEQUENCES or c.lexicon.candidates("noun", o.lemma_.lower())
            or o.pos_ == "VERB" for o in warned)  # not "warned against hospital care"
    return not any(a.dep_ in {"aux", "auxpass"} and a.lower_ in WILL or a.dep_ == "mark"
                   and a.lower_ in {"if", "unless"} for t in clauses for a in t.children)


def _is_background(noun: Token, lexicon: Patterns) -> bool:
    """A bare event noun that names a lasting state ("during Russia's war in Ukraine", "the
    China-Russia partnership poses a threat"): background, not an event reported."""
    return noun.lemma_.lower() in lexicon.words("durative") \
        or noun.lower_ in lexicon.words("durative")


def _has_partner(c: Candidate, lexicon: Patterns) -> bool:
    """A consultation is between two: two named parties, or a partner phrase naming people."""
    if len({m.code for m in c.actors + c.recipients}) >= 2:
        return True
    partners = [o for o in c.objects if o.dep_ == "pobj" and o.head.lower_ in {"with", "to",
                                                                              "between"}]
    partners += [o for o in c.objects if o.dep_ == "dobj" and not c.pattern.topic_object]
    partners += [t for s in c.subjects for t in s.children if t.dep_ == "conj"]
    if any(m.kind == "igo" or m.members for m in c.actors) or any(
            s.tag_ in {"NNS", "NNPS"} and s.lemma_.lower() in lexicon.words("agents")
            for s in c.subjects):
        return True  # "G7 ministers discussed", "both sides met": several parties
    deals = lexicon.words("agreements") | lexicon.words("ceasefire") | lexicon.words("meetings")
    if any(o.dep_ == "dobj" and o.lemma_.lower() in deals for o in c.objects):
        return True  # "negotiated a ceasefire": the deal has another side
    return any(p.pos_ in PERSONAL or p.lemma_.lower() in lexicon.words("agents")
               for p in partners)


def _has_complement(verb: Token, lexicon: Patterns) -> bool:
    """'asked X for aid', 'allowed X to …', 'accepted the terms': an object, a clause that is
    no question ("asked whether"), or a 'for' phrase; not "the Japanese are accepting"."""
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and not any(
                g.dep_ == "mark" and g.lower_ in {"whether", "if"} for g in child.children):
            return child.dep_ == "xcomp" or not any(
                g.tag_ in {"WDT", "WP", "WRB"} for g in child.children)
        if child.dep_ == "prep" and child.lower_ == "for":
            return True
    return False


def _thing_acts(c: Candidate, lexicon: Patterns) -> bool:
    """An active speech-act verb whose subject is a thing, not a party."""
    if c.pattern.pos != "verb" or (c.type or c.pattern.type) not in SPEECH_TYPES:
        return False
    subjects, passive = subject_tokens(c.token)
    if passive or not subjects or c.frame == "head":
        return False
    named = [m for m in c.actors if m.code or m.members]  # not "the camps" kept uncoded
    if named and all(s.lemma_.lower() in lexicon.words("document") for s in subjects):
        return False  # "issued a statement calling on X to …": the text speaks for its author
    things = lexicon.words("things") | lexicon.words("information") | lexicon.words("hazards")
    if any(s.lemma_.lower() in things and s.pos_ == "NOUN" for s in subjects):
        return True  # "Syria's population continues to decline", "exports rose"
    if named and not any(s.lemma_.lower() in lexicon.words("private") for s in subjects):
        return False
    private = lexicon.words("private")
    return all(s.lemma_.lower() in private or s.lower_ in private
               or s.pos_ not in PERSONAL and s.lemma_.lower() not in lexicon.words("agents")
               and s.lower_ not in lexicon.words("agents") for s in subjects)


def _link_mediation(events: list[Event]) -> list[Event]:
    """A mediation and the talks or ceasefire it produced in one sentence: the mediator
    mediates between the other parties, and is the mediator of that talk or agreement."""
    out = list(events)
    mediating = {(e.sentence, p.code) for e in events for p in e.mediators}
    for i, mediation in enumerate(events):
        if not mediation.mediators:
            continue
        mediator = {code for sentence, code in mediating if sentence == mediation.sentence}
        parties: list[Participant] = []
        for j, other in enumerate(events):
            if j == i or other.sentence != mediation.sentence or other.mediators:
                continue
            if other.type not in {"CONSULT", "CONCEDE", "RETREAT", "AGREE", "SUPPORT"}:
                continue
            rest = tuple(p for p in other.actors if p.code not in mediator)
            if not rest and other.type in {"CONCEDE", "RETREAT"}:
                out[j] = replace(other, actors=(), mediators=mediation.mediators)
            elif len(rest) >= 2:  # talks and agreements are between at least two parties
                parties += [p for p in rest if p.code not in {q.code for q in parties}]
                out[j] = replace(other, actors=rest, mediators=mediation.mediators)
        if not mediation.recipients and parties:
            out[i] = replace(mediation, recipients=tuple(parties))
    return out


SETTLEMENTS = frozenset({"AGREE", "CONCEDE", "CONSULT", "RETREAT"})
BROKERED_FACTOR = 0.9


def _brokered(events: list[Event], ontology: Ontology) -> list[Event]:
    """'The ceasefire was signed by the parties due to the efforts of Russia': the mediator's
    own act, mediation (045) between the parties, told only through the settlement. Added when
    the sentence tells no mediation by that mediator as a fact already; pattern
    ``consult.brokered.<class>``."""
    told = {(e.sentence, code) for e in events if e.cameo.startswith("045") and not e.is_flagged
            for code in codes_of(e.actors)}  # not "initial attempts fell short, but X secured …"
    entry = ontology.code("045")
    out: list[Event] = []
    for e in events:
        if e.type not in SETTLEMENTS or e.cameo.startswith("045") or not e.mediators \
                or not e.actors or any((e.sentence, c) in told for c in codes_of(e.mediators)):
            continue
        pattern = "consult.brokered." + e.pattern.rsplit(".", 1)[-1]
        if any(o.trigger_start == e.trigger_start and o.pattern == pattern for o in out):
            continue  # an act and the intention it states: one mediation
        out.append(replace(
            e, event_id=event_id(e.doc_id, e.trigger_start, pattern), type="CONSULT", cameo="045",
            goldstein=entry.goldstein, quad=entry.quad, mode=entry.mode, contexts=entry.contexts,
            actors=e.mediators, recipients=e.actors, pattern=pattern,
            confidence=round(e.confidence * BROKERED_FACTOR, 3)))
    return out


def _drop_restated(events: list[Event]) -> list[Event]:
    """Two triggers in one sentence for one event: keep the one naming more participants."""

    def key(e: Event) -> tuple[str, int, bool, bool, bool]:
        kind = f"{e.type}/{e.cameo}/{bool(e.mediators)}"
        return (kind, e.sentence, e.is_negated, e.is_hypothetical, e.is_attempted)

    def codes(e: Event) -> tuple[set[str], set[str]]:
        return set(codes_of(e.actors)), set(codes_of(e.recipients))

    groups: dict[tuple[str, int, bool, bool, bool], list[Event]] = {}
    for event in events:
        groups.setdefault(key(event), []).append(event)
    kept: list[Event] = []
    for event in events:
        actors, recipients = codes(event)
        covered = False
        for other in groups[key(event)]:
            if other is event:
                continue
            o_actors, o_recipients = codes(other)
            if actors <= o_actors and recipients <= o_recipients and (
                    (actors, recipients) != (o_actors, o_recipients)
                    or other.trigger_start < event.trigger_start):
                covered = True
                break
        if not covered:
            kept.append(event)
    return kept


def _date(parsed: Parsed, time: TimeAnalysis, token: Token, sentence: int) -> EventDate:
    date_for_span = getattr(timex, "date_for_span", None)
    if date_for_span is not None:
        result: EventDate = date_for_span(parsed, time, token.idx, token.idx + len(token))
        return result
    return time.date_of(sentence)


def _event(candidate: Candidate, parsed: Parsed, time: TimeAnalysis, starts: list[int],
           ontology: Ontology) -> tuple[Event, Flags]:
    token = candidate.token
    sentence = max(0, bisect.bisect_right(starts, token.idx) - 1)
    record = parsed.sentences[sentence] if parsed.sentences else None
    entry = ontology.code(candidate.code)
    pattern = candidate.pattern
    mode = pattern.mode if candidate.code == pattern.code else entry.mode
    if mode is not None and mode not in ontology.modes.get(candidate.type or pattern.type, ()):
        mode = pattern.mode if candidate.type is None else None
    contexts = tuple(dict.fromkeys(pattern.contexts + entry.contexts + candidate.contexts))
    flags = flags_for(token if candidate.anchor.i == token.i else candidate.anchor)
    if candidate.anchor.i != token.i and flags_for(token).is_hypothetical:
        flags = replace(flags, is_hypothetical=True, is_intent=False)  # "a ceasefire proposal"
    if candidate.prepared_by is not None:  # the preparation happened unless it is itself hedged
        flags = replace(flags, is_hypothetical=flags_for(candidate.prepared_by).is_hypothetical)
    event_type, code = candidate.type or pattern.type, candidate.code
    if flags.is_negated and pattern.negated and candidate.code == pattern.code:
        entry = ontology.code(pattern.negated)  # "did not accept" is a rejection
        event_type, mode = str(entry.type), entry.mode
        code = pattern.negated
        flags = replace(flags, is_negated=False)
        if flags.is_intent:  # "will not accept": refusing to act is an act, stated now
            flags = replace(flags, is_hypothetical=False, is_intent=False)
    doc_id = parsed.article.doc_id
    pattern_id = candidate.pattern_id
    return Event(
        event_id=event_id(doc_id, token.idx, pattern_id), doc_id=doc_id, sentence=sentence,
        type=event_type, cameo=code, goldstein=entry.goldstein, quad=entry.quad,
        actors=participants_of(candidate.actors),
        recipients=participants_of(candidate.recipients), mode=mode, contexts=contexts,
        mediators=participants_of(candidate.mediators), trigger=token.text,
        trigger_start=token.idx, trigger_end=token.idx + len(token),
        date=_date(parsed, time, token, sentence),
        is_negated=flags.is_negated, is_hypothetical=flags.is_hypothetical,
        is_attempted=flags.is_attempted,
        sentence_text=record.text if record else "", sentence_start=record.start if record else 0,
        sentence_end=record.end if record else 0, pattern=pattern_id, coder=CODER,
        confidence=round(candidate.confidence, 3),
    ), flags
