"""Find and resolve actor mentions in a parsed article, at the date of each sentence.

Steps (``find_mentions``):
1. KB phrase matches (names, adjectives, demonyms, metonyms, people), longest first;
2. titles ("the Russian Foreign Minister", "Azerbaijani President X") → office holders;
3. named entities not yet covered: KB lookup, surname of a person named earlier, fuzzy
   match for misspellings, else kept unresolved (code None);
4. capitalised proper nouns no entity covers: fuzzy match only;
5. ambiguous names (Brussels, Minsk) from the other actors in the sentence and document;
   then a title before an unresolved name ("President X") takes the one state in context;
   Before 3, a known acronym glued to a lowercase word by a missing space ("sinceEU",
   "EUsanctions") is resolved over the acronym's characters only;
6. group expressions ("both sides", "the co-chairs") → the actors in context;
7. a wire dateline ("BUDAPEST, Dec. 6 —") is kept as a mention without a code.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from polemos.actors.context_titles import bare_titles, local_organisations, titles_in_context
from polemos.actors.draft import Found, Timeline, to_mentions
from polemos.actors.entries import NameEntry, Office, Person
from polemos.actors.groups import find_groups, resolve_ambiguous
from polemos.actors.kb import KnowledgeBase, normalise
from polemos.actors.matching import match_index, matchers_for
from polemos.actors.sectors import assign_sector
from polemos.actors.titles import apply_titles
from polemos.nlp.annotate import Parsed
from polemos.records import Mention, TimeAnalysis

NER_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
ROLE_ORDER = {"name": 0, "metonym": 1, "adjective": 2, "demonym": 3}
STANDING_RULES = frozenset({"region", "governs"})  # set by apply_standing; kept over a path's rule


def find_mentions(parsed: Parsed, kb: KnowledgeBase, *, time: TimeAnalysis,
                  fuzzy_threshold: float = 88.0) -> list[Mention]:
    """Every actor mention of the article, resolved at the date of its sentence.

    Named entities that cannot be resolved are kept with ``code=None``.
    """
    doc = parsed.doc
    timeline = Timeline(parsed, time)
    matchers = matchers_for(kb, doc.vocab)
    found = kb_matches(doc, kb, timeline)
    found = apply_titles(doc, kb, found, timeline, matchers)
    found += glued_mentions(doc, kb, found, timeline)
    found += entity_mentions(doc, kb, found, timeline, fuzzy_threshold)
    found += loose_mentions(doc, kb, found, timeline, fuzzy_threshold)
    found.sort(key=lambda f: f.start)
    resolve_ambiguous(found, kb, timeline)
    titles_in_context(doc, kb, found, timeline, matchers)
    found += bare_titles(doc, kb, found, timeline, matchers)
    local_organisations(doc, found, timeline)
    found += find_groups(doc, kb, found, timeline, matchers)
    found.sort(key=lambda f: f.start)
    for f in found:
        if is_dateline(doc, f.start, f.end):
            f.code, f.kind, f.rule, f.sector, f.person = None, "unresolved", "dateline", None, None
        elif is_region_adjective(doc, f.start, f.rule):
            f.code, f.kind, f.rule, f.sector, f.person = None, "unresolved", "region", None, None
        elif f.code and names_feature(doc, f.start, f.end):
            f.code, f.kind, f.rule, f.sector, f.person = None, "unresolved", "feature", None, None
        elif f.code and is_stance_prefixed(doc, f.start):
            f.code, f.kind, f.rule, f.sector, f.person = None, "unresolved", "stance", None, None
    return to_mentions(parsed, found)


STANCE_PREFIXES = frozenset({"pro", "anti"})


def is_stance_prefixed(doc: Doc, start: int) -> bool:
    """'pro-Russian separatists', 'anti-Israel protesters', 'pro-Iranian militias': a name
    after "pro-" or "anti-" says whom a group is for or against, not who the group is."""
    return start >= 2 and doc[start - 1].text in {"-", "\u2013"} \
        and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in STANCE_PREFIXES


COMPASS = frozenset({"central", "eastern", "western", "northern", "southern", "northeastern",
                     "northwestern", "southeastern", "southwestern"})


def is_region_adjective(doc: Doc, start: int, rule: str) -> bool:
    """'Central European leaders', 'Eastern European states': an adjective after a capitalised
    compass word names a region, not the organisation or state the adjective alone stands
    for ("the eastern Bosnian enclave" is still in Bosnia)."""
    return rule == "adjective" and start > 0 and doc[start - 1].lower_ in COMPASS \
        and doc[start - 1].is_title


# Linguistic knowledge: nouns of natural features. A state's name or adjective inside the proper
# name of such a feature ("Indian Ocean", "South China Sea", "Gulf of Mexico", "Taiwan Strait")
# names a place, not the state.
FEATURES = frozenset({"ocean", "sea", "seas", "gulf", "bay", "strait", "straits", "channel",
                      "river", "lake", "lakes", "mountains", "mountain", "range", "desert",
                      "basin", "peninsula", "coast", "valley", "plateau", "plain", "plains",
                      "highlands", "archipelago", "islands", "isthmus", "delta", "canal",
                      "sound", "lagoon", "reef", "current"})


def names_feature(doc: Doc, start: int, end: int) -> bool:
    """The name is part of the proper name of a natural feature: a capitalised feature noun
    right after it ("Indian Ocean", "Persian Gulf") or before "of" ahead of it ("Gulf of
    Mexico", "Sea of Japan"). A lowercase noun keeps the state ("the Israeli coast")."""
    def feature(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].lower_ in FEATURES and doc[i].is_title
    return feature(end) or (start >= 2 and doc[start - 1].lower_ == "of" and feature(start - 2))


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """A wire dateline ("BUDAPEST, Dec. 6 (Wire) —", "MOSCOW (Agency) -") names where the
    story was filed, not an actor: capitals at the very start, then a comma or a bracket."""
    first = next((t.i for t in doc if not t.is_space), 0)
    span = doc[start:end]
    return (start == first and end < len(doc) and doc[end].text in {",", "("}
            and span.text.isupper() and sum(c.isalpha() for c in span.text) >= 3)


def kb_matches(doc: Doc, kb: KnowledgeBase, timeline: Timeline) -> list[Found]:
    """Resolve every (longest, non-overlapping) phrase match of a KB surface form."""
    matchers = matchers_for(kb, doc.vocab)
    matches = matchers.names(doc) + matchers.names_lower(doc)
    spans = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matches])
    persons = {ent.start: ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    out: list[Found] = []
    seen_people: list[str] = []
    for span in spans:
        surface = matchers.surfaces[match_index(doc.vocab, span.label)]
        entries = kb.names[surface]
        if _inside_person(span, persons, entries) or _bare_surname(span, entries, seen_people):
            continue
        found = resolve_surface(doc, kb, span.start, span.end, surface, timeline,
                                seen_people=seen_people)
        if found.person:
            seen_people.append(found.person)
        out.append(found)
    return out


def _inside_person(span: Span, persons: dict[int, Span], entries: tuple[NameEntry, ...]) -> bool:
    """A place name inside a longer person name ("Jordan" in "Michael Jordan") is not a place."""
    if any(e.person for e in entries) or span[0].ent_type_ != "PERSON":
        return False
    return any(p.start <= span.start and span.end <= p.end and len(p) > len(span)
               for p in persons.values())


def _bare_surname(span: Span, entries: tuple[NameEntry, ...], seen: list[str]) -> bool:
    """A one-word person alias ("Baker", "Sharon") outside any named entity and not named in
    full before: more likely a common word or another person than the KB's office-holder."""
    if len(span) > 1 or not all(e.person for e in entries) or span[0].ent_type_ in NAME_LABELS:
        return False
    return not any(e.person in seen for e in entries)


def resolve_surface(doc: Doc, kb: KnowledgeBase, start: int, end: int, surface: str,
                    timeline: Timeline, *, seen_people: list[str] | None = None,
                    rule: str | None = None, confidence: float | None = None) -> Found:
    """Turn a known surface form at tokens [start, end) into a resolved Found."""
    when = timeline.at_token(doc, start)
    entries = kb.names.get(surface) or kb.lower_names.get(surface.lower(), ())
    if surface in kb.ambiguous:
        role = min((e.role for e in entries), key=lambda r: ROLE_ORDER.get(r, 9), default="name")
        found = Found(start, end, kb.ambiguous[surface][0], "state",
                      {"metonym": "metonym", "adjective": "adjective"}.get(role, "kb"),
                      confidence=0.6, role=role, candidates=kb.ambiguous[surface])
    elif _is_person(doc, start, entries, seen_people or []):
        found = _person_found(kb, start, end, entries, when, seen_people or [])
    else:
        found = _actor_found(kb, start, end, entries, when)
        apply_standing(kb, found, when)
    found.kind = kind_of(kb, found)
    assign_sector(doc, found, next((e.sector for e in entries if e.sector), "GOV"))
    if rule and found.rule not in STANDING_RULES:  # "region" says more than "kb" or "fuzzy"
        found.rule = rule
    if confidence is not None:
        found.confidence = confidence
    return found


def _is_person(doc: Doc, start: int, entries: tuple[NameEntry, ...], seen: list[str]) -> bool:
    """A person's name, unless it is also an actor's name ("Montenegro") and neither the NER
    nor an earlier full mention says person."""
    people = [e.person for e in entries if e.person]
    if not people:
        return False
    if all(e.person for e in entries):
        return True
    return doc[start].ent_type_ == "PERSON" or any(p in seen for p in people)


def _person_found(kb: KnowledgeBase, start: int, end: int, entries: tuple[NameEntry, ...],
                  when: dt.date, seen_people: list[str]) -> Found:
    people = [kb.people[e.person] for e in entries if e.person]
    person = _pick_person(people, when, seen_people)
    code, sector = office_code(kb, person.office_at(when), when)
    return Found(start, end, code, "person", "kb", sector=sector, person=person.name,
                 confidence=0.9)


def office_code(kb: KnowledgeBase, office: Office | None, when: dt.date
                ) -> tuple[str | None, str | None]:
    """The code and sector a person's office gives at ``when``: an office in an armed group takes
    the group's sector then (RSF: PRM, then REB), or the state's GOV while the group governs (the
    Taliban's spokesman after 2021-08-15); an office in a region codes as the region's state."""
    if office is None:
        return None, None
    if kb.kind(office.country) not in ("armed_group", "region"):
        return office.country, office.sector
    standing = kb.stands_for(office.country, when)
    return standing.code, standing.sector or office.sector


def _pick_person(people: list[Person], when: dt.date, seen: list[str]) -> Person:
    """Among people sharing a name: one named earlier, else one in office at the date."""
    for name in reversed(seen):
        for person in people:
            if person.name == name:
                return person
    in_office = [p for p in people if any(o.period.covers(when) for o in p.offices)]
    return (in_office or people)[0]


def _actor_found(kb: KnowledgeBase, start: int, end: int, entries: tuple[NameEntry, ...],
                 when: dt.date) -> Found:
    def rank(e: NameEntry) -> tuple[int, int]:
        actor = kb.actor(e.code or "")
        alive = actor is not None and actor.period.covers(when)
        return (0 if alive else 1, ROLE_ORDER.get(e.role, 9))

    entry = min((e for e in entries if not e.person), key=rank)
    rule = {"metonym": "metonym", "adjective": "adjective"}.get(entry.role, "kb")
    confidence = {"metonym": 0.85, "adjective": 0.9, "demonym": 0.85}.get(entry.role, 0.95)
    return Found(start, end, entry.code, "state", rule, sector=entry.sector,
                 confidence=confidence, role=entry.role)


def apply_standing(kb: KnowledgeBase, found: Found, when: dt.date) -> None:
    """A region's name codes as its state, a governing armed group as that state's GOV, an
    armed group as itself with its sector at the date (in place)."""
    if found.code is None or found.person:
        return
    standing = kb.stands_for(found.code, when)
    found.code = standing.code
    found.sector = found.sector or standing.sector
    if standing.rule == "governs":
        found.sector = standing.sector
    if standing.rule:
        found.rule = standing.rule


def kind_of(kb: KnowledgeBase, found: Found) -> str:
    if found.person:
        return "person"
    if found.code is None:
        return "unresolved"
    return kb.kind(found.code) or "state"


def entity_mentions(doc: Doc, kb: KnowledgeBase, found: list[Found], timeline: Timeline,
                    threshold: float) -> list[Found]:
    """Named entities no KB match covers: lookup, surname, fuzzy, else unresolved."""
    covered = {i for f in found for i in range(f.start, f.end)}
    out: list[Found] = []
    people = [f for f in found if f.person]
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        result = _back_reference(kb, ent, found) or _resolve_entity(
            doc, kb, ent, people, timeline, threshold)
        if result is None:
            continue
        out.append(result)
        if result.person:
            people.append(result)
    return out


def _resolve_entity(doc: Doc, kb: KnowledgeBase, ent: Span, people: list[Found],
                    timeline: Timeline, threshold: float) -> Found | None:
    key = normalise(ent.text)
    if key in kb.names or key.lower() in kb.lower_names:
        return resolve_surface(doc, kb, ent.start, ent.end, key, timeline, rule="kb")
    if ent.label_ == "PERSON":
        earlier = _same_surname(ent, people)
        if earlier is not None:
            return Found(ent.start, ent.end, earlier.code, "person", "surname",
                         sector=earlier.sector, person=earlier.person, confidence=0.8)
    if len(key) >= 6 and (ent.label_ != "PERSON" or len(ent) == 1):
        hit = kb.fuzzy(key, threshold)
        if hit is not None:
            return resolve_surface(doc, kb, ent.start, ent.end, hit, timeline, rule="fuzzy",
                                   confidence=0.7)
    if ent.label_ == "LOC":
        return None
    return Found(ent.start, ent.end, None, "unresolved", "ner", confidence=0.5)


def _back_reference(kb: KnowledgeBase, ent: Span, found: list[Found]) -> Found | None:
    """ "the Group", "the Union": the last actor named before whose multi-word name ends so."""
    if len(ent) != 1 or not ent.text[:1].isupper() or ent.label_ == "PERSON":
        return None
    word = ent.text
    for earlier in sorted((f for f in found if f.start < ent.start and f.code),
                          key=lambda f: -f.start):
        actor = kb.actor(earlier.code or "")
        if actor and any(len(n.split()) > 1 and n.split()[-1] == word for n in actor.names):
            return Found(ent.start, ent.end, actor.code, actor.kind, "kb", confidence=0.7)
    return None


def _same_surname(ent: Span, people: list[Found]) -> Found | None:
    """A person named in full earlier in the document whose surname this entity is: the last
    word of the name, or for a one-word entity the first ("Kim" after "Kim Jong Un", "Xi"
    after "Xi Jinping": family names that come first)."""
    last = ent[-1].text
    for person in reversed(people):
        if person.start < ent.start and person.person and person.person.split()[-1] == last:
            return person
    if len(ent) > 1:
        return None
    for person in reversed(people):
        names = person.person.split() if person.person else []
        if person.start < ent.start and len(names) > 1 and names[0] == last:
            return person
    return None


def loose_mentions(doc: Doc, kb: KnowledgeBase, found: list[Found], timeline: Timeline,
                   threshold: float) -> list[Found]:
    """Capitalised proper nouns outside every entity and match: misspelt actor names only."""
    covered = {i for f in found for i in range(f.start, f.end)}
    out: list[Found] = []
    for token in doc:
        if (token.pos_ != "PROPN" or token.ent_type_ or token.i in covered
                or len(token.text) < 6 or not token.text[0].isupper()):
            continue
        hit = kb.fuzzy(token.text, threshold)
        if hit is not None:
            out.append(resolve_surface(doc, kb, token.i, token.i + 1, hit, timeline,
                                       rule="fuzzy", confidence=0.7))
    return out


GLUED = re.compile(r"^(?P<pre>[a-z]{2,})(?P<acr>[A-Z]{2,6})$|^(?P<acr2>[A-Z]{2,6})(?P<post>[a-z]{3,})$")


def glued_mentions(doc: Doc, kb: KnowledgeBase, found: list[Found],
                   timeline: Timeline) -> list[Found]:
    """A typo: a known all-capitals acronym glued to a lowercase word ("sinceEU") becomes a
    mention over the acronym's characters; the token is otherwise left alone."""
    covered = {i for f in found for i in range(f.start, f.end)}
    out: list[Found] = []
    for token in doc:
        match = GLUED.match(token.text) if token.i not in covered else None
        if match is None:
            continue
        group = "acr" if match.group("acr") else "acr2"
        acronym = match.group(group)
        entries = kb.names.get(acronym, ())
        if not entries or any(e.person for e in entries) or acronym in kb.ambiguous:
            continue
        hit = resolve_surface(doc, kb, token.i, token.i + 1, acronym, timeline, rule="glued",
                              confidence=0.75)
        hit.chars = (token.idx + match.start(group), token.idx + match.end(group))
        out.append(hit)
    return out
