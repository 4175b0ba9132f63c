"""Titles next to a nationality or a name: "the Russian Foreign Minister" → who held it then.

"<nationality> <title> [<name>]", "<country>'s <title> [<name>]" and "<title> of <country> [<name>]"
become one person mention: the named person when given (in the KB or not), else the
office holder of that country at the sentence's date (titles.yaml maps titles to offices).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from polemos.actors.draft import Found, Timeline
from polemos.actors.entries import OFFICE_SECTORS
from polemos.actors.kb import KnowledgeBase
from polemos.actors.matching import Matchers, match_index

ACTOR_KINDS = ("state", "defacto", "igo", "armed_group")


def apply_titles(doc: Doc, kb: KnowledgeBase, found: list[Found], timeline: Timeline,
                 matchers: Matchers) -> list[Found]:
    """Merge nationality + title (+ name) into person mentions; return the new list."""
    covered = {i for f in found for i in range(f.start, f.end)}
    spans = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matchers.titles(doc)])
    by_end = {f.end: f for f in found if f.kind in ACTOR_KINDS and not f.person}
    by_start = {f.start: f for f in found}
    person_ents = {ent.start: ent for ent in doc.ents if ent.label_ == "PERSON"}
    consumed: set[int] = set()
    new: list[Found] = []
    for span in spans:
        if any(i in covered for i in range(span.start, span.end)) or _is_plural(span):
            continue
        office = kb.title_office[matchers.title_texts[match_index(doc.vocab, span.label)]]
        nationality, after = _nationality(doc, span, by_end, by_start)
        if nationality is None:
            _title_before_name(kb, doc, span, office, by_start.get(span.end), timeline)
            continue
        consumed.add(id(nationality))
        start = min(nationality.start, span.start)
        named = by_start.get(after)
        if named is not None and named.person:
            consumed.add(id(named))
            new.append(_titled(nationality, named.end, office, named.person, named.sector, 0.95,
                               start=start))
        elif after in person_ents and not any(
                i in covered for i in range(after, person_ents[after].end)):
            ent = person_ents[after]
            new.append(_titled(nationality, ent.end, office, ent.text, None, 0.85, start=start))
        else:
            holder = kb.holder(office, nationality.code or "", timeline.at_token(doc, span.start))
            name = holder.name if holder else None
            new.append(_titled(nationality, after, office, name, None, 0.85 if name else 0.8,
                               start=start))
            if not name:
                new[-1].kind = nationality.kind
    return [f for f in found if id(f) not in consumed] + new


def _title_before_name(kb: KnowledgeBase, doc: Doc, span: Span, office: str,
                       named: Found | None, timeline: Timeline) -> None:
    """ "Foreign Minister Yevgeny Primakov": the office the title names decides code and sector."""
    if named is None or not named.person or kb.person(named.person) is None:
        return
    terms = [o for o in kb.people[named.person].offices if o.office == office]
    if not terms:
        return
    when = timeline.at_token(doc, span.start)
    term = min(terms, key=lambda o: 0 if o.period.covers(when) else abs(
        ((o.period.start or when) - when).days))
    named.start, named.code, named.sector, named.rule = span.start, term.country, term.sector, "title"


def _nationality(doc: Doc, span: Span, by_end: dict[int, Found], by_start: dict[int, Found]
                 ) -> tuple[Found | None, int]:
    """The actor a title belongs to and the token right after "title [of country]"."""
    before = by_end.get(span.start)
    if before is None and span.start > 0 and doc[span.start - 1].tag_ == "POS":
        before = by_end.get(span.start - 1)
    if before is not None:
        return before, span.end
    j = span.end
    if j < len(doc) and doc[j].lower_ == "of":
        j += 2 if j + 1 < len(doc) and doc[j + 1].lower_ == "the" else 1
        after = by_start.get(j)
        if after is not None and after.kind in ACTOR_KINDS and not after.person:
            return after, after.end
    return None, span.end


def _titled(nationality: Found, end: int, office: str, person: str | None,
            sector: str | None, confidence: float, *, start: int | None = None) -> Found:
    return Found(
        nationality.start if start is None else start, end, nationality.code, "person", "title",
        sector=sector or OFFICE_SECTORS.get(office, "GOV"), person=person, confidence=confidence,
    )


def _is_plural(span: Span) -> bool:
    """ "the co-chairs", "foreign ministers": several people, left to the group rules."""
    return span.root.tag_ in ("NNS", "NNPS")
