"""Actor briefs: roles, stance, statements, timeline, assessments, disagreements, all cited.

``build_brief`` finds the conflict's scope in the store (by relevance, see ``scope``), loads only
those documents and assembles a frozen :class:`Brief`; the summary is made of template sentences
over the structured parts (no language model), so each of its sentences can be traced to the
evidence listed under the part it summarises.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from polemos.analysis import kbview
from polemos.analysis.attribution import VERBS, Holder, holder_of
from polemos.analysis.conflicts import Conflict
from polemos.analysis.corpus import Corpus
from polemos.analysis.kbview import ActorKB, key_of, split_key
from polemos.analysis.model import (
    Account,
    Assessment,
    Brief,
    Disagreement,
    Evidence,
    Role,
    ScopeNote,
    Source,
    Stance,
    Statement,
    TimelineItem,
)
from polemos.analysis.render import render_brief, render_brief_html
from polemos.analysis.roles import find_roles
from polemos.analysis.scope import Scope, build_scope, is_usable, keys_of
from polemos.analysis.summary import summarise
from polemos.claims.extract import CODER
from polemos.claims.lexicon import ROLE_TOPICS, STANCE_TOPICS, load_lexicon
from polemos.records import Claim, Event, EventDate, codes_of

__all__ = [
    "actor_keys",
    "brief_from_corpus",
    "brief_from_scope",
    "render_brief",
    "render_brief_html",
    "salient",
]

WHY = re.compile(r"^(?:First|Second|Third|Finally|These|This|Because|As a result|"
                 r"Therefore|Thus|Indeed|Moreover)\b")
SHOWN_TIMELINE = 12  # timeline items shown unless all are asked for (--all)
# a sentence that opens by referring back to what the previous one named
CONTINUES = re.compile(r"^(?:He|She|It|They|Its|Their|His|Her|Both|The two \w+|The (?:group|"
                       r"country|government|ministry|president|leader|official|envoy|minister|"
                       r"militants?|movement|army|forces|bloc|organi[sz]ation|alliance)s?)\b")
SHOWN_PASSAGES = 10  # sentences about the actor shown unless all are asked for
# the other lists are cut too unless all are asked for, so a brief stays readable (and its
# JSON small) however many documents the scope holds; the totals are kept and shown
SHOWN_STATEMENTS = 15
SHOWN_ASSESSMENTS = 15
SHOWN_DISAGREEMENTS = 10
SHOWN_EVIDENCE = 12  # cited sentences per role
SHOWN_SOURCES = 40
PASSAGES_PER_DOC = 4
# conclusions about change and partiality first: they are what a reader of a brief looks for
ASSESSMENT_ORDER = ("influence_decline", "influence_rise", "partiality", "capability",
                    "restraint", "interests", "balance")
DISAGREE_YEARS = 3  # two dates further apart than this are about different things
ANALYSIS_TITLE = re.compile(r"^(?:analysis|opinion|commentary|comment|op-ed|background|q&a|"
                            r"explainer|interview)\b", re.IGNORECASE)
REPORTING = re.compile(rf"\b(?:{VERBS}|according to)\b", re.IGNORECASE)
NEWS_REPORTING_SHARE = 0.2  # a text with fewer attributed sentences speaks in its author's voice
# event codes that mark turning points: agreements, ceasefires, mediation, force, sanctions
TURNING = ("03", "045", "046", "057", "074", "081", "0871", "16", "18", "19", "20")


def brief_from_corpus(corpus: Corpus, actor: str, conflict: Conflict, *,
                      since: int | None = None, until: int | None = None,
                      kb: ActorKB | None = None) -> Brief:
    """The brief over an already-loaded corpus: the scope is ranked over its documents."""
    scope = build_scope(corpus, conflict, since=since, until=until, kb=kb)
    return brief_from_scope(corpus, actor, scope, kb=kb)


def brief_from_scope(corpus: Corpus, actor: str, scope: Scope, *, kb: ActorKB | None = None,
                     full: bool = False) -> Brief:
    """Assemble the brief of ``actor`` (an actor key) in ``scope`` (pure). ``full``: every
    timeline item and passage, not only the salient ones."""
    from polemos.analysis.stance import find_stances

    voices = Voices(corpus, scope)
    roles = tuple(replace(r, n_evidence=len(r.evidence))
                  for r in find_roles(corpus, scope, actor, kb=kb))
    stances = tuple(find_stances(corpus, scope, actor))
    every = build_timeline(corpus, scope, actor, kb=kb)
    timeline = tuple(every if full else salient(every, SHOWN_TIMELINE))
    assessments = tuple(find_assessments(corpus, scope, actor, voices))
    statements = tuple(find_statements(corpus, scope, actor, voices))
    ranked = rank_passages(corpus, scope, actor, kb)
    passages = [_statement(corpus, doc_id, idx, voices, score)
                for score, doc_id, idx in (ranked if full else ranked[:SHOWN_PASSAGES])]
    disagreements = tuple(find_disagreements(corpus, scope, actor, kb=kb))
    codes = {actor, *scope.conflict.party_keys, *(c for r in roles for c in r.toward),
             *_grouping_codes(roles)}
    names = tuple((c, display(kb, corpus, c)) for c in sorted(codes))
    parts = Brief(
        actor_code=actor, actor_name=dict(names)[actor], conflict=scope.conflict.name,
        parties=scope.conflict.party_keys, summary="", roles=roles, stance=stances,
        timeline=timeline, assessments=assessments, disagreements=disagreements,
        sources=_sources(corpus, roles, stances, timeline, assessments, disagreements,
                         statements, passages, [doc_id for _, doc_id, _ in ranked]),
        names=names, since=scope.since, until=scope.until,
        is_scope_inferred=scope.conflict.is_inferred, statements=statements,
        passages=tuple(passages),
        scope=scope_note(scope, corpus, actor), timeline_total=len(every),
    )
    summary = summarise(parts)
    return replace(parts if full else bounded(parts, corpus), summary=summary)


def bounded(brief: Brief, corpus: Corpus) -> Brief:
    """The brief with its long lists cut to the ``SHOWN_*`` first items (roles to their first
    cited sentences); ``totals`` keeps how many each had, the sources are those of what is
    shown."""
    shown = replace(
        brief, roles=tuple(replace(r, evidence=r.evidence[:SHOWN_EVIDENCE]) for r in brief.roles),
        statements=brief.statements[:SHOWN_STATEMENTS],
        assessments=brief.assessments[:SHOWN_ASSESSMENTS],
        disagreements=brief.disagreements[:SHOWN_DISAGREEMENTS])
    sources = _sources(corpus, shown.roles, shown.stance, shown.timeline, shown.assessments,
                       shown.disagreements, shown.statements, shown.passages)[:SHOWN_SOURCES]
    found = {"statements": len(brief.statements), "assessments": len(brief.assessments),
             "disagreements": len(brief.disagreements), "sources": len(brief.sources)}
    kept = {"statements": len(shown.statements), "assessments": len(shown.assessments),
            "disagreements": len(shown.disagreements), "sources": len(sources)}
    return replace(shown, sources=sources,
                   totals=tuple((part, n) for part, n in found.items() if n > kept[part]))


def display(kb: ActorKB | None, corpus: Corpus, key: str) -> str:
    """The name a reader knows the actor by (see ``kbview.short_name``)."""
    return kbview.short_name(kb, key, corpus.name_counts.get(key))


GROUPING_RULES = ("kb:co-chair-of:", "kb:member-of:", "kb:co-chaired-by:")


def _grouping_codes(roles: Iterable[Role]) -> set[str]:
    """The codes the KB rules of the roles name (groupings, co-chairs): they need names too.
    Only rules that carry codes ("kb:member-of:CSTO"); "kb:patron" names none."""
    return {code for r in roles for rule in r.rules if rule.startswith(GROUPING_RULES)
            for code in rule.rsplit(":", 1)[-1].split("+")}


def actor_keys(actor: str, kb: ActorKB | None) -> frozenset[str]:
    """The actor and its parts (a state's regions and de facto entities; an organisation's
    bodies): what counts as the actor when its sentences are gathered."""
    code, sector = split_key(actor)
    return frozenset({actor, *(kbview.parts(kb, code) if sector is None else ())})


def names_actor(corpus: Corpus, doc_id: str, idx: int, keys: frozenset[str]) -> bool:
    return bool(corpus.keys_in(doc_id, idx) & keys)


def scope_note(scope: Scope, corpus: Corpus, actor: str | None = None, kb: ActorKB | None = None
               ) -> ScopeNote:
    keys = actor_keys(actor, kb) if actor else frozenset()
    naming = {d for (d, i) in corpus.mentions if d in scope.links
              and names_actor(corpus, d, i, keys)} if actor else set()
    return ScopeNote(scope.conflict.label, scope.conflict.how, scope.n_documents,
                     scope.n_mentioning, tuple((d, scope.links[d].relevance)
                                               for d in scope.doc_ids), len(naming),
                     scope.is_mentioning_capped, scope.n_copies)


# -- voices: who speaks in each document ------------------------------------------------


class Voices:
    """doc_id → (is it an analysis in its author's voice, its author) for the in-scope
    documents, worked out for a document the first time it is asked for: reading every
    sentence of every document in scope costs more than the few documents asked about."""

    def __init__(self, corpus: Corpus, scope: Scope) -> None:
        self.corpus = corpus
        self.scope = scope
        self.found: dict[str, tuple[bool, str | None]] = {}

    def get(self, doc_id: str, default: tuple[bool, str | None]) -> tuple[bool, str | None]:
        if doc_id not in self.scope.links:
            return default
        if doc_id not in self.found:
            self.found[doc_id] = self._voice(doc_id)
        return self.found[doc_id]

    def _voice(self, doc_id: str) -> tuple[bool, str | None]:
        info = self.corpus.infos.get(doc_id)
        title = info.title if info else ""
        ids = self.corpus.sentence_ids(doc_id)
        enough = NEWS_REPORTING_SHARE * max(1, len(ids))  # attributed sentences of news
        reported = 0
        for i in ids:  # counted until there are enough
            if reported >= enough:
                break
            reported += REPORTING.search(self.corpus.evidence(doc_id, i).text) is not None
        is_analysis = bool(ANALYSIS_TITLE.match(title)) or reported < enough
        return is_analysis, info.author if info else None


def holder_in(corpus: Corpus, doc_id: str, idx: int,
              voices: Voices) -> Holder:
    evidence = corpus.evidence(doc_id, idx)
    is_analysis, author = voices.get(doc_id, (False, None))
    return holder_of(evidence.text, corpus.mentions.get((doc_id, idx), []),
                     offset=evidence.start, author=author, is_analysis=is_analysis)


# -- statements and passages ------------------------------------------------------------


def find_statements(corpus: Corpus, scope: Scope, actor: str,
                    voices: Voices) -> list[Statement]:
    """What the actor says: sentences quoting it (a speaker resolved to the actor) and its
    stance statements as the texts report them, in document order."""
    out: dict[tuple[str, int], Statement] = {}
    code, sector = split_key(actor)
    stance_sentences = {(c.doc_id, c.sentence) for c in corpus.claims
                        if c.kind == "stance" and c.topic in STANCE_TOPICS and c.holder == code
                        and sector is None and scope.has_claim(c)}
    for doc_id, idx in sorted(set(corpus.mentions) | stance_sentences):
        if doc_id not in scope.links:
            continue
        # a quoted speaker is one of the sentence's mentions: no need to look for the holder
        # of a sentence that does not name the actor
        if (doc_id, idx) not in stance_sentences and not any(
                ref.key == actor for ref in corpus.mentions.get((doc_id, idx), ())):
            continue
        holder = holder_in(corpus, doc_id, idx, voices)
        quoted = holder.kind == "quoted" and actor in holder.keys
        if quoted or (doc_id, idx) in stance_sentences:
            ev = corpus.evidence(doc_id, idx)
            out[(doc_id, idx)] = Statement(holder.tag(), holder.kind, ev.text, (ev,))
    return list(out.values())


def find_passages(corpus: Corpus, scope: Scope, actor: str, kb: ActorKB | None,
                  voices: Voices) -> list[Statement]:
    """The sentences of the scope that name the actor, most telling first (see
    :func:`rank_passages`), each with who holds what it says."""
    return [_statement(corpus, doc_id, idx, voices, score)
            for score, doc_id, idx in rank_passages(corpus, scope, actor, kb)]


def rank_passages(corpus: Corpus, scope: Scope, actor: str, kb: ActorKB | None
                  ) -> list[tuple[float, str, int]]:
    """(score, doc_id, sentence) of the sentences of the scope that name the actor, most
    telling first: weighted by the document's relevance, and more when the actor is the
    sentence's first actor (its topic), when the sentence also names a party, reports an event
    or a claim of the actor, or opens its document; at most ``PASSAGES_PER_DOC`` per document
    before any document gives more."""
    keys = actor_keys(actor, kb)
    parties = set(scope.conflict.party_keys) - {actor}
    acting = {(e.doc_id, e.sentence) for e in corpus.events if actor in keys_of(e)}
    claimed = {(c.doc_id, c.sentence) for c in corpus.claims if c.holder == split_key(actor)[0]}
    scored = []
    for (doc_id, idx) in corpus.mentions:
        link = scope.links.get(doc_id)
        here = corpus.keys_in(doc_id, idx)
        if link is None or not here & keys or not scope.in_period(corpus.date_of(doc_id, idx)):
            continue
        bonus = (0.5 * bool(here & parties) + 0.3 * ((doc_id, idx) in acting)
                 + 0.3 * ((doc_id, idx) in claimed) + 0.2 * (idx < 3)
                 + 0.2 * (idx in link.sentences) + 0.4 * _leads(corpus, doc_id, idx, keys))
        scored.append((round(link.relevance * (1 + bonus), 3), doc_id, idx))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    return _spread(scored)


def _leads(corpus: Corpus, doc_id: str, idx: int, keys: frozenset[str]) -> bool:
    """The sentence's first actor is the actor: it is what the sentence is about."""
    refs = [r for r in corpus.mentions.get((doc_id, idx), []) if r.code or r.members]
    return bool(refs) and bool(({refs[0].key} | set(refs[0].members)) & keys
                               or refs[0].code in keys)


def _spread(scored: list[tuple[float, str, int]]) -> list[tuple[float, str, int]]:
    """Best first, but no document gives more than PASSAGES_PER_DOC before all have given
    theirs."""
    seen: dict[str, int] = {}
    head: list[tuple[float, str, int]] = []
    tail: list[tuple[float, str, int]] = []
    for item in scored:
        seen[item[1]] = seen.get(item[1], 0) + 1
        (head if seen[item[1]] <= PASSAGES_PER_DOC else tail).append(item)
    return head + tail


def _statement(corpus: Corpus, doc_id: str, idx: int,
               voices: Voices, score: float) -> Statement:
    """One passage; the next sentence joins it when it goes on about the same actor without
    naming it ("The two presidents are …", "He added …")."""
    holder = holder_in(corpus, doc_id, idx, voices)
    ev = corpus.evidence(doc_id, idx)
    follow = corpus.evidence(doc_id, idx + 1)
    firsts = [r for r in corpus.mentions.get((doc_id, idx + 1), []) if r.code][:1]
    goes_on = bool(follow.text) and CONTINUES.match(follow.text) is not None and not (
        firsts and firsts[0].start - follow.start < 40)
    return Statement(holder.tag(), holder.kind, ev.text, (ev, follow) if goes_on else (ev,),
                     score)


# -- timeline ----------------------------------------------------------------------------


def build_timeline(corpus: Corpus, scope: Scope, actor: str, *, kb: ActorKB | None = None
                   ) -> list[TimelineItem]:
    """Every dated event of the actor (merged reports once), then its dated role statements,
    in date order."""
    groups: dict[str, list[Event]] = {}
    for event in corpus.events:
        if (is_usable(event) and event.date.value is not None and scope.has_event(event)
                and actor in keys_of(event)):
            groups.setdefault(corpus.merged.get(event.event_id, event.event_id), []).append(event)
    items = [_event_item(corpus, merged_id, events, kb) for merged_id, events in groups.items()]
    cited = {(e.doc_id, e.sentence_id) for item in items for e in item.evidence}
    is_grouping = bool(kbview.co_chairs(kb, actor))
    code, sector = split_key(actor)
    for claim in corpus.claims:
        about = (claim.holder == code and sector is None) or (is_grouping and actor in claim.toward)
        if (about and claim.topic in ROLE_TOPICS and claim.date.value is not None
                and claim.date.basis == "text" and scope.has_claim(claim)
                and (claim.doc_id, claim.sentence) not in cited):
            cited.add((claim.doc_id, claim.sentence))
            items.append(_claim_item(corpus, claim, display(kb, corpus, actor)))
    items.sort(key=lambda i: (i.date, i.event_id or ""))
    return items


def salient(items: list[TimelineItem], n: int) -> list[TimelineItem]:
    """At most ``n`` items across the whole span, in date order: the first and the latest,
    then the turning points (most salient first, each further item in an already covered
    year counting for less), so a long record is not cut at its first years."""
    if len(items) <= n:
        return list(items)
    chosen = {0, len(items) - 1}
    years: dict[str, int] = {}
    for i in chosen:
        years[items[i].date[:4]] = years.get(items[i].date[:4], 0) + 1
    while len(chosen) < n:
        best = max((i for i in range(len(items)) if i not in chosen),
                   key=lambda i: (items[i].salience / (1 + years.get(items[i].date[:4], 0)), -i))
        chosen.add(best)
        years[items[best].date[:4]] = years.get(items[best].date[:4], 0) + 1
    return [items[i] for i in sorted(chosen)]


def _best_date(events: Iterable[Event]) -> EventDate:
    order = {"day": 0, "month": 1, "year": 2, "decade": 3}
    return min((e.date for e in events), key=lambda d: order.get(d.precision or "", 9))


def _event_item(corpus: Corpus, merged_id: str, events: list[Event], kb: ActorKB | None) -> TimelineItem:
    first = events[0]
    date = _best_date(events)

    def names(parts: Iterable[Any]) -> str:
        return ", ".join(dict.fromkeys(display(kb, corpus, key_of(p.code, p.sector))
                                       for p in parts if p.code is not None))

    text = f"{names(first.actors)} {first.type.lower()} ({first.cameo})".strip()
    if first.recipients:
        text += f" → {names(first.recipients)}"
    if first.trigger:
        text += f": “{first.trigger}”"
    evidence = tuple(dict.fromkeys(corpus.evidence(e.doc_id, e.sentence) for e in events))
    return TimelineItem(date.iso or "", date.precision, text, merged_id, evidence,
                        _salience(events, len({e.doc_id for e in events})))


def _salience(events: list[Event], n_docs: int) -> float:
    """More for turning points (agreements, ceasefires, mediation, force, sanctions), strong
    Goldstein scores, exact dates and several reporting documents."""
    first = events[0]
    turning = first.cameo.startswith(TURNING)
    precise = first.date.precision in ("day", "month")
    return round(1 + 1.5 * turning + abs(first.goldstein) / 10 + 0.5 * precise
                 + 0.5 * (n_docs - 1), 2)


def _claim_item(corpus: Corpus, claim: Claim, name: str) -> TimelineItem:
    label = claim.topic.replace("_", " ")
    turning = claim.topic in ("ceasefire", "mediation", "peacekeeping")
    precise = claim.date.precision in ("day", "month")
    return TimelineItem(claim.date.iso or "", claim.date.precision, f"{name}: {label} (statement)",
                        None, (corpus.evidence(claim.doc_id, claim.sentence),),
                        round(1 + 1.5 * turning + 0.5 * precise, 2))


# -- assessments -----------------------------------------------------------------------


def find_assessments(corpus: Corpus, scope: Scope, actor: str,
                     voices: Voices | None = None
                     ) -> list[Assessment]:
    """Conclusions about the actor, one per sentence, with who holds them and the sentences
    that say why."""
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    code, sector = split_key(actor)
    for claim in corpus.claims:
        if (claim.kind == "assessment" and claim.holder == code and sector is None
                and scope.has_claim(claim)):
            by_sentence.setdefault((claim.doc_id, claim.sentence), []).append(claim)
    out = []
    for (doc_id, idx), claims in sorted(by_sentence.items()):
        topics = tuple(dict.fromkeys(c.topic for c in claims))
        evidence = [corpus.evidence(doc_id, idx)]
        for nxt in (idx + 1, idx + 2):
            follow = corpus.evidence(doc_id, nxt)
            if not follow.text or not WHY.match(follow.text):
                break
            evidence.append(follow)
        label = ", ".join(t.replace("_", " ") for t in topics)
        holder = holder_in(corpus, doc_id, idx, voices or Voices(corpus, scope)).tag()
        out.append(Assessment(f"{label}: {evidence[0].text}", topics, tuple(evidence), holder))
    return sorted(out, key=lambda a: min(ASSESSMENT_ORDER.index(t) if t in ASSESSMENT_ORDER
                                         else len(ASSESSMENT_ORDER) for t in a.topics))


# -- disagreements ---------------------------------------------------------------------


def find_disagreements(corpus: Corpus, scope: Scope, actor: str, *,
                       kb: ActorKB | None = None) -> list[Disagreement]:
    """Texts that give different dates for the same thing, side by side.

    The same thing: one merged event, or (across documents) the same event type and
    actors, or the same kind of statement by the actor; dates a few years apart at most.
    """
    keyed: dict[tuple[str, ...], list[tuple[EventDate, Evidence, str]]] = {}
    for event in corpus.events:
        if is_usable(event) and event.date.value and scope.has_event(event) and actor in keys_of(
                event):
            ev = corpus.evidence(event.doc_id, event.sentence)
            merged = corpus.merged.get(event.event_id, event.event_id)
            keyed.setdefault(("merged", merged), []).append((event.date, ev, event.doc_id))
            key = ("event", event.cameo, *sorted(codes_of(event.actors)),
                   "→", *sorted(codes_of(event.recipients)))
            keyed.setdefault(key, []).append((event.date, ev, event.doc_id))
    once = {f"{CODER}:{cue.id}" for cue in load_lexicon().cues if cue.is_once}
    for claim in corpus.claims:
        if (claim.holder == split_key(actor)[0] and claim.rule in once and claim.date.value
                and claim.date.basis == "text" and scope.has_claim(claim)):
            key = ("claim", claim.rule)
            keyed.setdefault(key, []).append(
                (claim.date, corpus.evidence(claim.doc_id, claim.sentence), claim.doc_id))
    out: dict[frozenset[tuple[str, int]], Disagreement] = {}
    for key, accounts in keyed.items():
        found = _conflicting(accounts, is_merged=key[0] == "merged")
        if found:
            about = _about(key, actor, corpus, kb)
            ids = frozenset((a.evidence.doc_id, a.evidence.sentence_id) for a in found)
            out.setdefault(ids, Disagreement(about, found))
    return list(out.values())


def _conflicting(accounts: list[tuple[EventDate, Evidence, str]], *,
                 is_merged: bool) -> tuple[Account, ...]:
    """Two accounts from different documents whose dates cannot both hold: the first such
    pair in input order. Accounts are grouped by date, so a key that thousands of
    documents report costs accounts × distinct dates, not accounts squared."""
    dated = [(i, date.iso or "", date.value.year, doc)
             for i, (date, _, doc) in enumerate(accounts) if date.value is not None]
    by_iso: dict[str, list[int]] = {}
    for pos, (_, iso, _, _) in enumerate(dated):
        by_iso.setdefault(iso, []).append(pos)
    for pos, (i, iso, year, doc) in enumerate(dated):
        later = [_next_from_other_doc(dated, positions, pos, doc)
                 for other, positions in by_iso.items()
                 if _cannot_both_hold(iso, year, other, dated[positions[0]][2],
                                      is_merged=is_merged)]
        found = min((j for j in later if j is not None), default=None)
        if found is not None:
            j, other_iso = dated[found][0], dated[found][1]
            return (Account(iso, accounts[i][1]), Account(other_iso, accounts[j][1]))
    return ()


def _cannot_both_hold(iso_a: str, year_a: int, iso_b: str, year_b: int, *,
                      is_merged: bool) -> bool:
    if iso_a.startswith(iso_b) or iso_b.startswith(iso_a):  # equal, or one contains the other
        return False
    return is_merged or 0 < abs(year_a - year_b) <= DISAGREE_YEARS


def _next_from_other_doc(dated: list[tuple[int, str, int, str]], positions: list[int],
                         pos: int, doc: str) -> int | None:
    """The first of ``positions`` after ``pos`` whose account comes from another document."""
    for k in range(bisect.bisect_right(positions, pos), len(positions)):
        if dated[positions[k]][3] != doc:
            return positions[k]
    return None


def _about(key: tuple[str, ...], actor: str, corpus: Corpus, kb: ActorKB | None) -> str:
    name = display(kb, corpus, actor)
    if key[0] == "claim":
        return f"when {name}'s {key[1].rsplit(':', 1)[-1].replace('-', ' ')} role began"
    if key[0] == "event":
        return f"the date of a {key[1]} event involving {name}"
    return f"the date of one event involving {name}"


# -- sources ---------------------------------------------------------------------------


def _sources(corpus: Corpus, roles: tuple[Role, ...], stances: tuple[Stance, ...],
             timeline: tuple[TimelineItem, ...], assessments: tuple[Assessment, ...],
             disagreements: tuple[Disagreement, ...], statements: Iterable[Statement] = (),
             passages: Iterable[Statement] = (), passage_docs: Iterable[str] = ()
             ) -> tuple[Source, ...]:
    """The documents cited, in the order of the brief; ``passage_docs``: the documents of
    passages found but not built (they count as cited, after the built ones)."""
    parts: list[Role | Stance | TimelineItem | Assessment | Statement] = [
        *roles, *stances, *timeline, *assessments, *statements, *passages]
    doc_ids = [e.doc_id for part in parts for e in part.evidence]
    doc_ids += passage_docs
    doc_ids += [a.evidence.doc_id for d in disagreements for a in d.accounts]
    return tuple(corpus.sources[d] for d in dict.fromkeys(doc_ids) if d in corpus.sources)
