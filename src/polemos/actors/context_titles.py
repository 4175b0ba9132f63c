"""Titles and parties with no nationality: the state in context.

Also a definite bare title ("the president", ``bare_titles``) and a named party or movement
nobody resolved (``local_organisations``) take the one state their sentence names.

"President X declared a curfew in <country>": X is not in the KB and the title names no
country, but a state office-holder belongs to a state, and the one state the sentence names
(else the one named in the previous ``LOOKBACK`` sentences) is the best guess. The mention
gets that code, the office's sector (GOV unless the office says otherwise) and a lower
confidence than a title with an explicit nationality. Several candidate states: left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from polemos.actors.draft import Found, Timeline
from polemos.actors.entries import OFFICE_SECTORS
from polemos.actors.kb import KnowledgeBase
from polemos.actors.matching import Matchers, match_index

# Offices held inside a state's government (not envoys, IGO officials or rebels).
STATE_OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister",
                           "defence_minister", "interior_minister", "military_chief",
                           "intelligence_chief"})
STATE_KINDS = ("state", "defacto")
LOOKBACK = 2
SAME_SENTENCE, EARLIER, MODIFIED = 0.6, 0.5, 0.8
# Words between a nationality and a title that do not change whose official it is.
TITLE_MODIFIERS = frozenset({"vice", "deputy", "junior", "senior", "first", "former", "acting",
                             "interim", "then", "new", "ousted", "late", "exiled", "-"})
MAX_MODIFIERS = 2
ORG_WORDS = frozenset({"office", "ministry", "council", "committee", "commission", "party",
                       "union", "agency", "bank", "group", "foundation", "house", "court"})
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})
CURRENCIES = frozenset({"dollar", "dollars", "pound", "pounds", "euro", "euros", "rouble",
                        "roubles", "ruble", "rubles", "yen", "yuan", "franc", "francs"})


def titles_in_context(doc: Doc, kb: KnowledgeBase, found: list[Found], timeline: Timeline,
                      matchers: Matchers) -> None:
    """Give unresolved people right after a state title the country in context (in place)."""
    spans = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matchers.titles(doc)])
    titles = {span.end: span for span in spans}
    for f in found:
        span = titles.get(f.start)
        if span is None or f.code is not None:
            continue
        office = kb.title_office[matchers.title_texts[match_index(doc.vocab, span.label)]]
        if office not in STATE_OFFICES or not _looks_named(doc, f):
            continue
        code, confidence = _modified_nationality(doc, span, found)
        if code is None:
            code, confidence = _country_in_context(doc, f, found, timeline)
        if code is None:
            continue
        f.code, f.kind, f.rule, f.confidence = code, "person", "title-context", confidence
        f.sector, f.person = OFFICE_SECTORS.get(office, "GOV"), doc[f.start:f.end].text


def _looks_named(doc: Doc, f: Found) -> bool:
    """A person entity, or a two- or three-word capitalised name the NER took for an
    organisation right after a title ("Vice-President Moody Awori")."""
    tokens = doc[f.start:f.end]
    if tokens[0].ent_type_ == "PERSON":
        return True
    return (tokens[0].ent_type_ == "ORG" and 2 <= len(tokens) <= 3
            and all(t.is_alpha and t.is_title and t.lower_ not in ORG_WORDS for t in tokens))


def bare_titles(doc: Doc, kb: KnowledgeBase, found: list[Found], timeline: Timeline,
                matchers: Matchers) -> list[Found]:
    """ "... unless the president steps down": a definite singular state title with no name and
    no "of <country>" is the office-holder of the one state in context, at the sentence date."""
    covered = {i for f in found for i in range(f.start, f.end)}
    spans = filter_spans([Span(doc, s, e, label=mid) for mid, s, e in matchers.titles(doc)])
    out: list[Found] = []
    for span in spans:
        office = kb.title_office[matchers.title_texts[match_index(doc.vocab, span.label)]]
        if (office not in STATE_OFFICES or span.root.tag_ in ("NNS", "NNPS")
                or span.start == 0 or doc[span.start - 1].lower_ != "the"
                or any(i in covered for i in range(span.start - 1, span.end + 1))
                or (span.end < len(doc) and (doc[span.end].lower_ == "of"
                                             or doc[span.end].ent_type_ == "PERSON"))):
            continue
        draft = Found(span.start, span.end, None, "person", "title-context")
        code, confidence = _country_in_context(doc, draft, found, timeline)
        if code is None:
            continue
        holder = kb.holder(office, code, timeline.at_token(doc, span.start))
        draft.code, draft.confidence = code, confidence
        draft.sector, draft.person = OFFICE_SECTORS.get(office, "GOV"), holder.name if holder else None
        out.append(draft)
    return out


def _modified_nationality(doc: Doc, title: Span, found: list[Found]) -> tuple[str | None, float]:
    """ "Nigerian junior foreign minister X", "Ruritania's Vice Foreign Minister X": a state
    named right before the title, past up to ``MAX_MODIFIERS`` modifier words."""
    start = title.start
    for _ in range(MAX_MODIFIERS):
        if start == 0 or doc[start - 1].lower_ not in TITLE_MODIFIERS:
            break
        start -= 1
    if start == title.start:
        return None, 0.0
    if start > 0 and doc[start - 1].tag_ == "POS":
        start -= 1
    before = [f for f in found if f.end == start and f.code and f.kind in STATE_KINDS]
    return (before[0].code, MODIFIED) if before else (None, 0.0)


def _is_currency(doc: Doc, f: Found) -> bool:
    """ "US $50 million", "Hong Kong dollars": a currency, not the state as an actor."""
    after = doc[f.end] if f.end < len(doc) else None
    return (doc[f.start].ent_type_ == "MONEY"
            or (after is not None and (after.text in CURRENCY_SIGNS or after.lower_ in CURRENCIES)))


def _country_in_context(doc: Doc, person: Found, found: list[Found], timeline: Timeline
                        ) -> tuple[str | None, float]:
    """The single state named in the person's sentence, else in the sentences just before."""
    here = timeline.sentence_of(doc, person.start)
    by_sentence: dict[int, set[str]] = {}
    for f in found:
        if f.code and f.kind in STATE_KINDS and not f.person and not _is_currency(doc, f):
            by_sentence.setdefault(timeline.sentence_of(doc, f.start), set()).add(f.code)
    if by_sentence.get(here):
        codes = by_sentence[here]
        return (next(iter(codes)), SAME_SENTENCE) if len(codes) == 1 else (None, 0.0)
    earlier = set().union(*(by_sentence.get(i, set()) for i in range(here - LOOKBACK, here)))
    return (next(iter(earlier)), EARLIER) if len(earlier) == 1 else (None, 0.0)


# A named organisation whose name says it is a domestic political body, and its sector.
PARTY_WORDS = {"party": "PTY", "union": "PTY", "coalition": "PTY", "alliance": "PTY",
               "bloc": "PTY", "congress": "PTY", "movement": "OPP", "front": "OPP"}
LOCAL_ORG = 0.5


def local_organisations(doc: Doc, found: list[Found], timeline: Timeline) -> None:
    """ "The Homeland Union (...) began ... the <country> Parliament": an unresolved named party
    or movement belongs to the one state its sentence names (in place, low confidence)."""
    for f in found:
        if f.code is not None or f.kind != "unresolved" or doc[f.start].ent_type_ != "ORG":
            continue
        words = [t.lower_ for t in doc[f.start:min(len(doc), f.end + 2)] if t.is_alpha]
        sector = next((PARTY_WORDS[w] for w in reversed(words) if w in PARTY_WORDS), None)
        if sector is None:
            continue
        code, confidence = _country_in_context(doc, f, found, timeline)
        if code is not None and confidence == SAME_SENTENCE:
            f.code, f.kind, f.rule, f.sector, f.confidence = code, "state", "local-org", sector, LOCAL_ORG

