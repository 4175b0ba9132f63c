"""Rules and the learned classifier together: the policy (docs/patterns.md, "Rules and classifier").

1. Agreement raises confidence: where the classifier gives a rule event's own label a fair
   probability at its trigger, the event's confidence becomes 1 - (1 - rule) × (1 - classifier).
2. The classifier corrects a type only when it is sure and the rules' type is implausible to it:
   P(its label) ≥ ``retype`` and P(the rules' label) ≤ ``implausible``; the rules keep the
   argument structure (actors, recipients, mediators, flags, date), the code becomes the
   label's typical code.
3. The classifier recovers events the rules miss: in a sentence where the rules coded nothing
   (or only negated, hypothetical or attempted acts),
   its likeliest event word with P(event) ≥ ``recover`` becomes an event; actors and recipients
   come from the clause around that word (subject, passive agent, owner; objects and
   prepositional objects), flags and date as for rule events.
4. A rule event the classifier finds very unlikely (P(none) ≥ ``doubt`` and P(its label) ≤
   ``implausible``) is dropped: the words matched a pattern but report no event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from polemos import timex
from polemos.events.args import (
    VERB_PREPS,
    MentionIndex,
    objects_of,
    owner_mentions,
    phrase_mentions,
    prep_objects,
    subject_tokens,
)
from polemos.events.classify import EventClassifier, Prediction, label_of
from polemos.events.extract import event_id
from polemos.events.flags import flags_for
from polemos.events.ontology import Ontology
from polemos.nlp.annotate import Parsed
from polemos.records import Event, Mention, Participant, TimeAnalysis

CODER = "clf.v1"


@dataclass(frozen=True, slots=True)
class Policy:
    """Thresholds of the combination (chosen on one fold of each development set)."""

    agree: float = 0.2  # P(rule label) at the trigger that counts as agreement
    retype: float = 0.85  # P(classifier label) needed to overrule the rules' type …
    implausible: float = 0.02  # … when P(rule label) is at most this
    recover: float = 0.5  # P(event) a word needs to become an event the rules missed
    lead: float = 0.8  # P(event) at which the classifier's word outranks disagreeing rules …
    yield_below: float = 0.1  # … whose own label has at most this probability
    doubt: float = 0.97  # P(none) at a rule trigger that halves its confidence


@dataclass(frozen=True)
class Context:
    parsed: Parsed
    index: MentionIndex
    classifier: EventClassifier
    ontology: Ontology
    time: TimeAnalysis
    policy: Policy


def combine(events: Sequence[Event], parsed: Parsed, mentions: Sequence[Mention],
            classifier: EventClassifier, *, ontology: Ontology, time: TimeAnalysis,
            policy: Policy = Policy()) -> list[Event]:
    """The rule events of one document checked, retyped or completed by the classifier."""
    ctx = Context(parsed, MentionIndex(parsed.doc, mentions), classifier, ontology, time, policy)
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    out: list[Event] = []
    for number, sent in enumerate(parsed.doc.sents):
        index = parsed.sentence_at(sent.start_char) if parsed.sentences else number
        out += _sentence(sent, index, by_sentence.pop(index, []), ctx)
    for rest in by_sentence.values():  # sentences the Doc splits differently: untouched
        out += rest
    return sorted(out, key=lambda e: (e.sentence, e.trigger_start))


@dataclass(frozen=True, slots=True)
class Support:
    """What the classifier thinks of a rule event at its trigger."""

    own: float  # P(the event's own label)
    best: str  # the likeliest event label
    p_best: float
    none: float  # P(no event)


def _sentence(sent: Span, index: int, found: list[Event], ctx: Context) -> list[Event]:
    """One sentence: rule events checked (rules 1, 2, 4), then led or completed (rule 3)."""
    policy = ctx.policy
    kept = []
    for event in found:
        support = _support(event, ctx)
        checked = event if support is None else _checked(event, support, ctx)
        if checked is not None:
            kept.append((checked, support))
    lead = max(ctx.classifier.predict(sent), key=lambda p: p.p_event, default=None)
    if lead is None or lead.p_event < policy.recover:
        return [event for event, _ in kept]
    usable = [(e, s) for e, s in kept if not e.is_flagged]
    if any(label_of(e.cameo, e.type) == lead.label for e, _ in usable):
        return [event for event, _ in kept]
    if usable and lead.p_event < policy.lead:
        return [event for event, _ in kept]
    token = sent.doc[lead.token]
    at_lead = [e for e, _ in usable if e.trigger_start == token.idx]
    if at_lead:  # the rules found the word but gave it another type: the classifier's
        return [_retyped(e, lead.label, lead.probability, ctx) if e in at_lead else e
                for e, _ in kept]
    rest = [e for e, s in kept
            if e.is_flagged or s is None or s.own > policy.yield_below]
    recovered = _recovered(token, lead, index, ctx)
    return rest + ([recovered] if recovered is not None else [])


def _support(event: Event, ctx: Context) -> Support | None:
    token = _token_at(ctx.parsed, event.trigger_start)
    if token is None:
        return None
    row = ctx.classifier.scores([token])[0]
    labels = ctx.classifier.labels
    own = label_of(event.cameo, event.type)
    events_only = row.copy()
    events_only[ctx.classifier.none] = -1.0
    best = int(events_only.argmax())
    return Support(float(row[labels.index(own)]) if own in labels else 0.0, labels[best],
                   float(row[best]), float(row[ctx.classifier.none]))


def _checked(event: Event, support: Support, ctx: Context) -> Event | None:
    policy = ctx.policy
    own = label_of(event.cameo, event.type)
    if support.own >= policy.agree:
        confidence = 1 - (1 - event.confidence) * (1 - support.own)
        return replace(event, confidence=round(confidence, 3))
    if support.p_best >= policy.retype and support.own <= policy.implausible:
        return _retyped(event, support.best, support.p_best, ctx)
    if support.none >= policy.doubt and support.own <= policy.implausible:
        return None
    return event


def _retyped(event: Event, label: str, probability: float, ctx: Context) -> Event:
    code = ctx.classifier.codes.get(label)
    if code is None or not ctx.ontology.is_valid_code(code):
        return event
    entry = ctx.ontology.code(code)
    if entry.type is None:
        return event
    return replace(event, type=entry.type, cameo=code, goldstein=entry.goldstein,
                   quad=entry.quad, mode=entry.mode, contexts=entry.contexts,
                   pattern=f"{event.pattern}>{label}", coder=f"{event.coder}+{CODER}",
                   confidence=round(probability * 0.8, 3))


def _recovered(token: Token, best: Prediction, index: int, ctx: Context) -> Event | None:
    code = ctx.classifier.codes.get(best.label)
    if code is None or not ctx.ontology.is_valid_code(code):
        return None
    entry = ctx.ontology.code(code)
    if entry.type is None:
        return None
    actors, recipients = clause_arguments(token, ctx.index)
    flags = flags_for(token)
    record = ctx.parsed.sentences[index] if ctx.parsed.sentences else None
    doc_id = ctx.parsed.article.doc_id
    pattern = f"clf:{best.label}"
    return Event(
        event_id=event_id(doc_id, token.idx, pattern), doc_id=doc_id, sentence=index,
        type=entry.type, cameo=code, goldstein=entry.goldstein, quad=entry.quad,
        actors=_participants(actors), recipients=_participants(recipients), mode=entry.mode,
        contexts=entry.contexts, trigger=token.text, trigger_start=token.idx,
        trigger_end=token.idx + len(token),
        date=timex.date_for_span(ctx.parsed, ctx.time, token.idx, token.idx + len(token)),
        is_negated=flags.is_negated, is_hypothetical=flags.is_hypothetical,
        is_attempted=flags.is_attempted, sentence_text=record.text if record else token.sent.text,
        sentence_start=record.start if record else token.sent.start_char,
        sentence_end=record.end if record else token.sent.end_char, pattern=pattern, coder=CODER,
        confidence=round(best.p_event * best.probability, 3),
    )


def clause_arguments(head: Token, index: MentionIndex) -> tuple[list[Mention], list[Mention]]:
    """Actors and recipients of the clause headed by ``head``: subject or passive agent (or,
    for a noun, its owner or the subject of the verb governing it); objects, passive subject
    and prepositional objects."""
    actors: list[Mention] = []
    recipients: list[Mention] = []
    if head.pos_ in {"NOUN", "PROPN"}:
        actors += owner_mentions(head, index)
        for prep, obj in prep_objects(head, VERB_PREPS | {"of", "for"}):
            (actors if prep == "by" else recipients).extend(phrase_mentions(obj, index))
        if not actors and head.dep_ in {"dobj", "pobj"}:
            verb = head.head if head.dep_ == "dobj" else head.head.head
            subjects, _ = subject_tokens(verb, exclude=head.i)
            actors += [m for s in subjects for m in phrase_mentions(s, index)]
    else:
        subjects, _ = subject_tokens(head)
        actors += [m for s in subjects for m in phrase_mentions(s, index)]
        recipients += [m for o in objects_of(head) for m in phrase_mentions(o, index)]
        recipients += [m for prep, o in prep_objects(head, VERB_PREPS) if prep != "by"
                       for m in phrase_mentions(o, index)]
    spans = {(m.start, m.end) for m in actors}
    return _unique(actors), _unique([m for m in recipients if (m.start, m.end) not in spans])


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for mention in mentions:
        if (mention.start, mention.end) not in seen:
            seen.add((mention.start, mention.end))
            out.append(mention)
    return out


def _participants(mentions: Sequence[Mention]) -> tuple[Participant, ...]:
    out: dict[str, Participant] = {}
    for m in mentions:
        for code in [m.code] if m.code else list(m.members):
            out.setdefault(code, Participant(code, m.sector, m.text, m.start, m.end, m.person))
    return tuple(out.values())


def _token_at(parsed: Parsed, char: int) -> Token | None:
    span = parsed.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


