"""Event extraction: triggers from the pattern dictionary, arguments from the parse.

1. index the mentions by token once (``MentionIndex``)
2. one pass over the tokens: a token whose lemma has patterns becomes a candidate,
   with its actors, recipients and mediators read off the dependency arcs around it
3. speech acts swallow the act they embed ("agreed to sign", "called on X to withdraw"):
   the embedded candidate is dropped and refines the embedding one's code
4. a noun governed by a mediation ("brokered a ceasefire between A and B") takes
   the parties as actors and the mediator as mediator
5. each survivor becomes an Event with flags, date, provenance and a stable id
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from polemos import timex
from polemos.events.args import MentionIndex
from polemos.events.candidates import Candidate, build_candidate, match_pattern
from polemos.events.flags import flags_for
from polemos.events.ontology import Ontology
from polemos.events.patterns import Patterns
from polemos.events.salience import mark_secondary
from polemos.nlp.annotate import Parsed
from polemos.records import Event, EventDate, Mention, Participant, TimeAnalysis

CODER = "rules.v1"
EMBED_CLIMB = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "nsubjpass",
                         "compound", "attr", "advcl", "relcl", "oprd"})
# how an embedding speech act is refined by the root of what it embeds (CAMEO structure)
REFINE: dict[str, dict[str, str]] = {
    "AGREE": {"04": "036", "045": "039", "05": "032", "06": "031", "07": "033", "072": "0332",
              "08": "035"},
    "REQUEST02": {"04": "026", "045": "028", "05": "022", "06": "021", "07": "023",
                  "074": "0234", "08": "025"},
    "REQUEST10": {"04": "106", "045": "108", "05": "102", "06": "101", "07": "103", "08": "105"},
    "THREATEN": {"18": "138", "19": "138", "20": "138", "16": "131", "17": "137", "14": "133",
                 "15": "138", "12": "130", "13": "130"},
    "REJECT": {"04": "125", "045": "126", "06": "121", "07": "122", "08": "124"},
}


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
        found = match_pattern(token, patterns)
        if found is not None:
            pattern, consumed = found
            candidates[token.i] = build_candidate(token, pattern, index, consumed)
    _absorb_purposes(candidates)
    _resolve_embedding(candidates, patterns.ontology)
    _military_aid(candidates)
    _attach_mediated(candidates)
    _preparations(candidates, patterns.ontology)
    starts = [s.start for s in parsed.sentences]
    events = []
    for candidate in candidates.values():
        if candidate.dropped or not candidate.is_codable:
            continue
        events.append(_event(candidate, parsed, time, starts, patterns.ontology))
    return mark_secondary(_drop_restated(_link_mediation(events)), parsed.doc)


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


def _drop_restated(events: list[Event]) -> list[Event]:
    """Two triggers in one sentence for one event: keep the one naming more participants."""

    def key(e: Event) -> tuple[str, int, bool, bool, bool]:
        kind = f"{e.type}/{e.cameo}/{bool(e.mediators)}"
        return (kind, e.sentence, e.is_negated, e.is_hypothetical, e.is_attempted)

    def codes(e: Event) -> tuple[set[str], set[str]]:
        return {p.code for p in e.actors}, {p.code for p in e.recipients}

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


def _embedder(candidate: Candidate, candidates: dict[int, Candidate]) -> Candidate | None:
    """The nearest embedding speech act above this trigger, if any (a few arcs up)."""
    node: Token = candidate.anchor
    for _ in range(5):
        if node.dep_ not in EMBED_CLIMB or node.head is node:
            return None
        came_by, prev = node.dep_, node
        node = node.head
        if came_by == "prep" and prev.lower_ in ADJUNCT_PREPS:
            return None  # "called for talks after the attack": the attack is not what is asked
        above = candidates.get(node.i)
        if above is not None and above.pattern.embeds and above is not candidate:
            return above
        if above is not None and came_by in {"prep", "pobj"} and node.pos_ == "VERB":
            return None  # "offered to negotiate following the invasions": an adjunct of another act
        if above is None and came_by == "ccomp":  # "reiterated its demand that X …"
            for child in node.children:
                noun = candidates.get(child.i)
                if child.dep_ == "dobj" and noun is not None and noun.pattern.embeds:
                    return noun
    return None


def _resolve_embedding(candidates: dict[int, Candidate], ontology: Ontology) -> None:
    consumed = {i for c in candidates.values() for i in c.consumed}
    for candidate in candidates.values():
        if candidate.token.i in consumed:
            candidate.dropped = True
            continue
        above = _embedder(candidate, candidates)
        if above is not None and above.pattern.command and _is_material(candidate.code):
            above.dropped = True  # "ordered troops to withdraw": the order is carried out
            candidate.actors = list(above.actors) or candidate.actors
            candidate.confidence = min(candidate.confidence, above.confidence)
        elif above is not None and above.pattern.intent and flags_for(candidate.anchor).is_negated:
            candidate.dropped = True  # "pledged not to attack" is a promise; "vowed not to return
            above.absorb(candidate, None)  # the land" refuses what the other side wants
            if not _is_conflict(candidate.code) and ontology.is_valid_code("120"):
                above.code, above.type = "120", "REJECT"
        elif above is not None and above.pattern.intent and _is_conflict(candidate.code):
            candidate.dropped = True  # "vowed to fight": a promise of force is a threat
            above.absorb(candidate, None)
            above.code, above.type = _threat_code(candidate.code, ontology), "THREATEN"
        elif above is not None:
            candidate.dropped = True
            above.absorb(candidate, _refined(above, candidate.code, ontology))
        elif _restates(candidate, candidates):
            candidate.dropped = True
    for candidate in candidates.values():
        if not candidate.dropped and _is_conflict(candidate.code) and _conditional(candidate):
            candidate.code = _threat_code(candidate.code, ontology)  # "will strike unless …"
            candidate.type = "THREATEN"


PURPOSE_TYPES = frozenset({"REQUEST", "ACCUSE", "PROTEST", "REJECT"})
HOST_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
ENABLING = frozenset({"080"})  # "allow/permit/let": what a concession is made for
ENABLING_HOSTS = frozenset({"RETREAT", "CONCEDE", "AID", "COOPERATE"})


def _absorb_purposes(candidates: dict[int, Candidate]) -> None:
    """'staged demonstrations to demand reforms', 'a hunger strike in protest against X': what
    an act is done for is part of that act; its target becomes the act's recipient."""
    for candidate in candidates.values():
        enabling = candidate.pattern.code in ENABLING  # "opened the border to allow aid in"
        if candidate.pattern.type not in PURPOSE_TYPES and not enabling \
                or not _is_purpose(candidate.anchor):
            continue
        head = candidate.anchor.head
        head = head.head if candidate.anchor.dep_ == "pobj" else head  # "in protest at"
        hosts = [head] + [c for c in head.children if c.dep_ in {"dobj", "nsubj"}]
        host_types = ENABLING_HOSTS if enabling else HOST_TYPES
        host = next((candidates[t.i] for t in hosts if t.i in candidates
                     and candidates[t.i].pattern.type in host_types
                     and candidates[t.i] is not candidate), None)
        if host is None:
            continue
        candidate.dropped = True
        if candidate.recipients and (host.inferred or not host.recipients):
            own = {m.code for m in host.actors}
            host.recipients = [m for m in candidate.recipients if m.code not in own] \
                or host.recipients
            host.inferred = False


def _is_purpose(anchor: Token) -> bool:
    if anchor.dep_ == "advcl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "in" and anchor.head.dep_ == "prep" \
        and anchor.lemma_.lower() in {"protest", "defiance"}


def _is_material(code: str) -> bool:
    """Acts done rather than said: aid, cooperation, retreat, coercion, force (CAMEO 06–08, 15–20)."""
    return code[:2] in {"06", "07", "08", "15", "16", "17", "18", "19", "20"}


def _is_conflict(code: str) -> bool:
    return code[:2] in {"14", "15", "16", "17", "18", "19", "20"}


PREPARE = frozenset({"prepare", "poise", "gear", "brace", "mass"})
FORCE_ROOTS = frozenset({"18", "19", "20"})


def _preparations(candidates: dict[int, Candidate], ontology: Ontology) -> None:
    """'troops prepared to attack', 'poised to resume shelling': the reported act is the
    military preparation (MOBILIZE 150), not a threat nor the attack itself."""
    if not ontology.is_valid_code("150"):
        return
    for candidate in candidates.values():
        if candidate.dropped or candidate.code[:2] not in FORCE_ROOTS:
            continue
        node = candidate.anchor
        for _ in range(3):
            if node.dep_ not in {"xcomp", "dobj", "pcomp", "acomp"} or node.head is node:
                break
            node = node.head
            if node.lemma_.lower() in PREPARE or node.lower_ in {"poised", "prepared"}:
                candidate.code, candidate.type, candidate.prepared_by = "150", "MOBILIZE", node
                break


def _threat_code(code: str, ontology: Ontology) -> str:
    found = REFINE["THREATEN"].get(code[:2], "130")
    return found if ontology.is_valid_code(found) else "130"


def _conditional(candidate: Candidate) -> bool:
    """An act made conditional on another party's conduct ('will boycott unless X resigns')."""
    node = candidate.anchor
    for _ in range(2):
        for child in node.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                             for m in child.children):
                return True
        if node.dep_ not in {"xcomp", "dobj", "pobj", "prep"}:
            break
        node = node.head
    return False


def _restates(candidate: Candidate, candidates: dict[int, Candidate]) -> bool:
    """'killed 46 civilians in an attack': the noun restates the verb's event."""
    gov = candidate.governor
    if gov is None or candidate.pattern.pos != "noun":
        return False
    above = candidates.get(gov.i)
    if above is None or above.pattern.type != candidate.pattern.type:
        return False
    if not above.recipients:
        above.recipients = list(candidate.recipients)
    return True


def _refined(above: Candidate, embedded_code: str, ontology: Ontology) -> str | None:
    key = above.pattern.type
    if key == "REQUEST":
        key = "REQUEST02" if above.pattern.code.startswith("02") else "REQUEST10"
    table = REFINE.get(key, {})
    code = table.get(embedded_code) or table.get(embedded_code[:3]) or table.get(embedded_code[:2])
    return code if code is not None and ontology.is_valid_code(code) else None


ADJUNCT_PREPS = frozenset({"following", "after", "before", "amid", "amidst", "despite", "during",
                           "since", "until", "near", "outside", "inside", "throughout", "in",
                           "at", "by", "because", "due", "as"})
MILITARY_WORDS = frozenset({"military", "arm", "arms", "weapon", "weaponry", "ammunition",
                            "munition", "missile", "tank", "artillery", "army", "defence",
                            "defense"})


def _military_aid(candidates: dict[int, Candidate]) -> None:
    """Unspecified aid (070) in a sentence about arms or the military is military aid (072)."""
    for candidate in candidates.values():
        if candidate.code == "070" and not candidate.dropped and any(
                t.lemma_.lower() in MILITARY_WORDS for t in candidate.token.sent):
            candidate.code = "072"


def _attach_mediated(candidates: dict[int, Candidate]) -> None:
    """'Russia brokered a ceasefire between A and B': the ceasefire is A's and B's."""
    for candidate in candidates.values():
        gov = candidate.governor
        if candidate.dropped or gov is None:
            continue
        above = candidates.get(gov.i)
        if above is None or above.pattern.frame != "mediation":
            continue
        mediators = {m.code for m in above.actors}
        candidate.actors = [m for m in candidate.actors if m.code not in mediators]
        if not candidate.actors:
            candidate.actors = list(above.recipients)
        if not above.recipients:
            above.recipients = list(candidate.actors)
        candidate.mediators = list(above.actors)


def _participants(mentions: Sequence[Mention]) -> tuple[Participant, ...]:
    out: list[Participant] = []
    seen: set[str] = set()
    for m in mentions:
        codes = [m.code] if m.code else list(m.members)
        for code in codes:
            if code not in seen:
                seen.add(code)
                out.append(Participant(code, m.sector, m.text, m.start, m.end, m.person))
    return tuple(out)


def event_id(doc_id: str, trigger_start: int, pattern_id: str) -> str:
    """Stable id: the same trigger coded by the same pattern always gets the same id."""
    return hashlib.sha1(f"{doc_id}|{trigger_start}|{pattern_id}".encode()).hexdigest()[:16]


def _date(parsed: Parsed, time: TimeAnalysis, token: Token, sentence: int) -> EventDate:
    date_for_span = getattr(timex, "date_for_span", None)
    if date_for_span is not None:
        result: EventDate = date_for_span(parsed, time, token.idx, token.idx + len(token))
        return result
    return time.date_of(sentence)


def _event(candidate: Candidate, parsed: Parsed, time: TimeAnalysis, starts: list[int],
           ontology: Ontology) -> Event:
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
    if candidate.prepared_by is not None:  # the preparation happened unless it is itself hedged
        flags = replace(flags, is_hypothetical=flags_for(candidate.prepared_by).is_hypothetical)
    event_type, code = candidate.type or pattern.type, candidate.code
    if flags.is_negated and pattern.negated and candidate.code == pattern.code:
        entry = ontology.code(pattern.negated)  # "did not accept" is a rejection
        event_type, mode = str(entry.type), entry.mode
        code = pattern.negated
        flags = replace(flags, is_negated=False)
    doc_id = parsed.article.doc_id
    return Event(
        event_id=event_id(doc_id, token.idx, pattern.id), doc_id=doc_id, sentence=sentence,
        type=event_type, cameo=code, goldstein=entry.goldstein, quad=entry.quad,
        actors=_participants(candidate.actors),
        recipients=_participants(candidate.recipients), mode=mode, contexts=contexts,
        mediators=_participants(candidate.mediators), trigger=token.text,
        trigger_start=token.idx, trigger_end=token.idx + len(token),
        date=_date(parsed, time, token, sentence),
        is_negated=flags.is_negated, is_hypothetical=flags.is_hypothetical,
        is_attempted=flags.is_attempted,
        sentence_text=record.text if record else "", sentence_start=record.start if record else 0,
        sentence_end=record.end if record else 0, pattern=pattern.id, coder=CODER,
        confidence=round(candidate.confidence, 3),
    )
