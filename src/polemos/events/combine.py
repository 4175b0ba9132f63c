"""Rules and the learned classifier together: the policy (docs/classifier.md).

1. Agreement raises confidence: where the classifier gives a rule event's own label at least
   ``agree`` at its trigger, the event's confidence becomes 1 - (1 - rule) × (1 - classifier).
2. The classifier recovers events the rules miss: in a sentence where the rules coded nothing
   usable (nothing, or only negated, hypothetical or attempted acts), its likeliest event word
   with P(event) ≥ ``recover`` becomes an event, unless the rules know that word (they matched
   it and coded it or chose not to); actors and recipients come from the clause
   around that word by the rules' own frames (``candidates.clause_arguments``), flags, stated
   intentions and date as for rule events.
The rules keep the argument structure, the specific code and the event itself wherever they
found one: letting the classifier retype, outrank or drop rule events did not pay (measured,
docs/classifier.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from polemos import timex
from polemos.events.args import MentionIndex, participants_of
from polemos.events.candidates import clause_arguments, match_pattern
from polemos.events.classify import EventClassifier, Prediction, label_of
from polemos.events.flags import flags_for
from polemos.events.ids import event_id
from polemos.events.intent import intent_event
from polemos.events.patterns import Patterns
from polemos.events.salience import in_heading
from polemos.events.senses import domestic_visit
from polemos.nlp.annotate import Parsed
from polemos.records import Event, Mention, TimeAnalysis

CODER = "clf.v1"


@dataclass(frozen=True, slots=True)
class Policy:
    """Thresholds of the combination (chosen on one fold of each development set)."""

    agree: float = 0.2  # P(rule label) at the trigger that counts as agreement
    recover: float = 0.7  # P(label) a word needs to become an event the rules missed


@dataclass(frozen=True)
class Context:
    parsed: Parsed
    index: MentionIndex
    classifier: EventClassifier
    patterns: Patterns
    time: TimeAnalysis
    policy: Policy


def combine(events: Sequence[Event], parsed: Parsed, mentions: Sequence[Mention],
            classifier: EventClassifier, *, patterns: Patterns, time: TimeAnalysis,
            policy: Policy = Policy()) -> list[Event]:
    """The rule events of one document checked and completed by the classifier."""
    ctx = Context(parsed, MentionIndex(parsed.doc, mentions), classifier, patterns, time, policy)
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


def _sentence(sent: Span, index: int, found: list[Event], ctx: Context) -> list[Event]:
    """One sentence: rule events checked (rule 1), then completed (rule 2)."""
    kept = [_checked(event, ctx) for event in found]
    if any(not e.is_flagged for e in kept):
        return kept
    best = max(ctx.classifier.predict(sent), key=lambda p: p.probability, default=None)
    if best is None or best.probability < ctx.policy.recover or in_heading(sent.doc[best.token]) \
            or _known_to_rules(sent.doc[best.token], ctx.patterns):
        return kept
    return kept + _recovered(sent.doc[best.token], best, index, ctx)


def _checked(event: Event, ctx: Context) -> Event:
    """The rule event, surer where the classifier gives its label at its trigger."""
    token = _token_at(ctx.parsed, event.trigger_start)
    if token is None:
        return event
    row = ctx.classifier.scores([token])[0]
    label = label_of(event.cameo, event.type)
    own = float(row[ctx.classifier.labels.index(label)]) if label in ctx.classifier.labels else 0.0
    if own >= ctx.policy.agree:
        return replace(event, confidence=round(1 - (1 - event.confidence) * (1 - own), 3))
    return event


def _recovered(token: Token, best: Prediction, index: int, ctx: Context) -> list[Event]:
    """The classifier's event at ``token`` (and the intention it states, if any)."""
    ontology = ctx.patterns.ontology
    code = ctx.classifier.codes.get(best.label)
    entry = ontology.code(code) if code is not None and ontology.is_valid_code(code) else None
    if code is None or entry is None or entry.type is None:
        return []
    actors, recipients = clause_arguments(token, ctx.index, lexicon=ctx.patterns)
    if not participants_of(actors) or domestic_visit(code, actors, recipients):
        return []  # as for the rules: an event names who acts; a trip at home is no visit
    flags = flags_for(token)
    record = ctx.parsed.sentences[index] if ctx.parsed.sentences else None
    doc_id = ctx.parsed.article.doc_id
    pattern = f"clf:{best.label}"
    event = Event(
        event_id=event_id(doc_id, token.idx, pattern), doc_id=doc_id, sentence=index,
        type=entry.type, cameo=code, goldstein=entry.goldstein, quad=entry.quad,
        actors=participants_of(actors), recipients=participants_of(recipients), mode=entry.mode,
        contexts=entry.contexts, trigger=token.text, trigger_start=token.idx,
        trigger_end=token.idx + len(token),
        date=timex.date_for_span(ctx.parsed, ctx.time, token.idx, token.idx + len(token)),
        is_negated=flags.is_negated, is_hypothetical=flags.is_hypothetical,
        is_attempted=flags.is_attempted, sentence_text=record.text if record else token.sent.text,
        sentence_start=record.start if record else token.sent.start_char,
        sentence_end=record.end if record else token.sent.end_char, pattern=pattern, coder=CODER,
        confidence=round(best.p_event * best.probability, 3),
    )
    intent = intent_event(event, "clf", ontology) if flags.is_intent else None
    return [event] if intent is None else [event, intent]


def _known_to_rules(token: Token, patterns: Patterns) -> bool:
    """The rules know the word: they read it as a statement ("expressed concern"), or matched
    it and chose not to code it ("warned against hospital care", a description, a topic).
    Not an event the rules missed, so not one to recover."""
    return match_pattern(token, patterns) is not None


def _token_at(parsed: Parsed, char: int) -> Token | None:
    span = parsed.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


