"""Answer questions from the store with citations; no language model.

Understood: the position or role of X in Y; who mediated between A and B (and when); what
happened in Y in a period; how relations between A and B changed; who supplied arms to A.
A crisis without a definition gets an inferred scope (the actors named, the states they
are in conflict with in the corpus, the topic words), and the answer says so.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, replace
from typing import Any

from polemos.analysis import kbview
from polemos.analysis.brief import brief_from_corpus, build_timeline, resolve_actor
from polemos.analysis.conflicts import Conflict, Conflicts, load_conflicts
from polemos.analysis.corpus import Corpus, load_corpus
from polemos.analysis.model import Brief, Evidence
from polemos.analysis.question import Question, read_question
from polemos.analysis.roles import find_roles
from polemos.analysis.scope import (
    Scope,
    build_scope,
    codes_of,
    corpus_scope,
    is_usable,
    link_conflict,
)
from polemos.claims.lexicon import load_lexicon
from polemos.errors import QueryError
from polemos.store.store import Store

MAX_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    intent: str
    answer: str  # one-paragraph answer
    lines: tuple[Line, ...]
    actors: tuple[str, ...]
    conflict: str | None
    parties: tuple[str, ...] = ()
    is_scope_inferred: bool = False
    topic: tuple[str, ...] = ()
    brief: Brief | None = None


def answer(store: Store, question: str, *, kb: Any = None,
           conflicts: Conflicts | None = None) -> Answer:
    """Answer ``question`` from the store.

    Raises:
        QueryError: the question names no actor or conflict we know (nearest names listed).
    """
    return answer_corpus(load_corpus(store), question, kb=kb,
                         conflicts=conflicts or load_conflicts())


def answer_corpus(corpus: Corpus, question: str, *, kb: Any, conflicts: Conflicts) -> Answer:
    names = {name.lower(): code for code, name in corpus.names.items()}
    q = read_question(question, kb=kb, conflicts=conflicts, names=names)
    _check_names(q, corpus, kb)
    chosen = q.conflict or (_defined_for(corpus, q, conflicts) if q.crisis is None else None)
    if chosen is None and q.crisis is None and q.intent != "position":
        conflict = Conflict(name="all stored documents", parties=q.actors)
        scope = corpus_scope(corpus, conflict, since=q.since, until=q.until)
    else:
        conflict = chosen or _inferred(corpus, q, kb)
        scope = build_scope(corpus, conflict, since=q.since, until=q.until)
    handler = {"position": _position, "mediation": _mediation, "arms": _arms,
               "relations": _relations, "events": _events}[q.intent]
    result: Answer = handler(corpus, q, scope, kb)
    if conflict.is_inferred:
        note = (f"Scope inferred from the question: no definition matches, so the parties are "
                f"{_names(kb, corpus, conflict.party_codes)} and the topic "
                f"{', '.join(conflict.topic) or '(none)'}.")
        result = replace(result, answer=f"{note} {result.answer}")
    return replace(result, is_scope_inferred=conflict.is_inferred, topic=conflict.topic)


def _check_names(q: Question, corpus: Corpus, kb: Any) -> None:
    needs = {"position": 1, "mediation": 0, "arms": 1, "relations": 2, "events": 0}[q.intent]
    if len(q.actors) >= needs and (q.actors or q.conflict or q.crisis):
        return
    wanted = " ".join(q.unresolved) or q.text
    near = kbview.near(kb, wanted, list(corpus.names.values()))
    raise QueryError(
        f"cannot answer {q.text!r}: it names no known actor"
        + (f" ({', '.join(q.unresolved)} is not in the knowledge base or the store)"
           if q.unresolved else "")
        + f". Nearest known names: {', '.join(near) or '(none)'}. Rephrase with one of them."
    )


def _defined_for(corpus: Corpus, q: Question, conflicts: Conflicts) -> Conflict | None:
    """For a question naming sides but no conflict: the defined conflict that has them all
    as parties (the target alone for arms questions), the one with most documents first."""
    if q.intent == "position" or not q.actors:
        return None
    wanted = set(q.actors[-1:]) if q.intent == "arms" else set(q.actors)
    fits = [c for c in conflicts.items if wanted <= set(c.party_codes)]
    scored = [(len(link_conflict(corpus, c)), c) for c in fits]
    scored = [(n, c) for n, c in scored if n]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _names(kb: Any, corpus: Corpus, codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(kbview.name_of(kb, c, corpus.names) for c in codes) or "(none)"


def _inferred(corpus: Corpus, q: Question, kb: Any) -> Conflict:
    """A scope for a crisis without a definition: named actors + their adversaries + topic."""
    seeds = q.actors[1:] if q.intent == "position" and len(q.actors) > 1 else q.actors
    topic = q.topic
    adversaries: Counter[str] = Counter()
    for event in corpus.events:
        codes = codes_of(event)
        on_topic = not topic or any(w in event.sentence_text.lower() for w in topic)
        if is_usable(event) and event.quad in (3, 4) and codes & set(seeds) and on_topic:
            adversaries.update(c for c in codes if c not in seeds)
    if topic:
        for (doc_id, idx), (start, end, _) in corpus.sentences.items():
            text = corpus.texts.get(doc_id, "")[start:end].lower()
            here = corpus.codes_in(doc_id, idx)
            if here & set(seeds) and any(word in text for word in topic):
                adversaries.update(c for c in here if c not in seeds)
    asked = {q.actors[0]} if q.intent == "position" and q.actors else set()
    extra = [c for c, _ in adversaries.most_common(6)
             if c not in asked and kbview.kind(kb, c) in ("state", None)][:3]
    return Conflict(name=q.crisis or f"dispute involving {_names(kb, corpus, seeds)}",
                    parties=tuple(dict.fromkeys([*seeds, *extra])), topic=topic,
                    is_inferred=True)


# -- handlers --------------------------------------------------------------------------


def _position(corpus: Corpus, q: Question, scope: Scope, kb: Any) -> Answer:
    actor = resolve_actor(corpus, q.actors[0], kb=kb)
    brief = brief_from_corpus(corpus, actor, scope.conflict, since=q.since, until=q.until,
                              kb=kb)
    lines = [Line(f"{r.role}" + (f" → {', '.join(brief.name(c) for c in r.toward)}"
                                 if r.toward else "") + f" ({r.first or '?'} … {r.last or '?'})",
                  r.evidence[:3]) for r in brief.roles]
    lines += [Line(f"stance toward {brief.name(s.toward)}: {s.alignment:+.2f}", s.evidence[:3])
              for s in brief.stance if s.evidence]
    lines += [Line(f"assessment — {a.text}", a.evidence) for a in brief.assessments[:6]]
    lines += [Line(f"{t.date} {t.text}", t.evidence[:1]) for t in brief.timeline[:12]]
    return _result(q, brief.summary, lines, scope, brief=brief, actors=(actor,))


def _role_holders(corpus: Corpus, scope: Scope, role: str, kb: Any,
                  toward: set[str]) -> list[tuple[str, Any]]:
    """Actors with ``role`` toward any of ``toward`` in scope, strongest first."""
    counts: Counter[str] = Counter()
    for event in corpus.events:
        if scope.has_event(event):
            counts.update(codes_of(event))
    for claim in corpus.claims:
        if scope.has_claim(claim):
            counts[claim.holder] += 1
    out = []
    for code, _ in counts.most_common(MAX_CANDIDATES):
        for found in find_roles(corpus, scope, code, kb=kb):
            if found.role == role and (not toward or toward & set(found.toward)):
                out.append((code, found))
    return sorted(out, key=lambda pair: -pair[1].strength)


def _mediation(corpus: Corpus, q: Question, scope: Scope, kb: Any) -> Answer:
    sides = set(q.actors) or set(scope.conflict.party_codes)
    holders = [(c, r) for c, r in _role_holders(corpus, scope, "mediator", kb, sides)
               if c not in q.actors]
    lines = [Line(f"{kbview.name_of(kb, code, corpus.names)}: mediator ({r.first or '?'} … "
                  f"{r.last or '?'})", r.evidence[:4]) for code, r in holders]
    between = _names(kb, corpus, list(q.actors) or list(scope.conflict.party_codes))
    text = (f"Mediators between {between}: "
            + ("; ".join(line.text for line in lines) if lines else "none found in the store")
            + ".")
    return _result(q, text, lines, scope)


def _arms(corpus: Corpus, q: Question, scope: Scope, kb: Any) -> Answer:
    target = {q.actors[-1]}
    holders = [(c, r) for c, r in _role_holders(corpus, scope, "arms_supplier", kb, target)
               if c not in target]
    both = load_lexicon().both_sides

    def about_target(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        """Sentences saying "both sides" first, then those naming the target, then the rest."""
        return tuple(sorted(evidence, key=lambda e: (
            not both.search(e.text), not target & corpus.codes_in(e.doc_id, e.sentence_id))))[:4]

    lines = [Line(f"{kbview.name_of(kb, code, corpus.names)} supplied arms to "
                  f"{_names(kb, corpus, list(target))} ({r.first or '?'} … {r.last or '?'})",
                  about_target(r.evidence)) for code, r in holders]
    text = (f"Arms suppliers of {_names(kb, corpus, list(target))}: "
            + ("; ".join(line.text for line in lines) if lines else "none found in the store")
            + ".")
    return _result(q, text, lines, scope)


def _relations(corpus: Corpus, q: Question, scope: Scope, kb: Any) -> Answer:
    a, b = q.actors[0], q.actors[1]
    years: dict[int, list[float]] = {}
    cites: dict[int, list[Evidence]] = {}
    for event in corpus.events:
        sources, targets = {p.code for p in event.actors}, {p.code for p in event.recipients}
        if not is_usable(event) or event.date.value is None or not scope.in_period(event.date):
            continue
        if (a in sources and b in targets) or (b in sources and a in targets):
            year = event.date.value.year
            years.setdefault(year, []).append(event.goldstein)
            cites.setdefault(year, []).append(corpus.evidence(event.doc_id, event.sentence))
    lines = [Line(f"{year}: mean Goldstein {sum(v) / len(v):+.1f} over {len(v)} event(s)",
                  tuple(dict.fromkeys(cites[year]))[:3]) for year, v in sorted(years.items())]
    pair = _names(kb, corpus, [a, b])
    if len(lines) < 2:
        trend = "too few dated events between them to show a change"
    else:
        first, last = (sum(years[y]) / len(years[y]) for y in (min(years), max(years)))
        trend = ("improved" if last > first + 1 else "worsened" if last < first - 1
                 else "stayed about the same")
        trend = f"relations {trend} from {min(years)} ({first:+.1f}) to {max(years)} ({last:+.1f})"
    return _result(q, f"{pair}: {trend}.", lines, scope, actors=(a, b))


def _events(corpus: Corpus, q: Question, scope: Scope, kb: Any) -> Answer:
    actors = set(q.actors)
    counts: Counter[str] = Counter()
    for event in corpus.events:
        if is_usable(event) and event.date.value and scope.has_event(event):
            counts.update(codes_of(event))
    items = []
    for code in (actors or set(counts)):
        items += build_timeline(corpus, scope, code, kb=kb)
    unique = {(i.event_id or i.evidence[0].doc_id + str(i.evidence[0].sentence_id)): i
              for i in items if i.evidence}
    ordered = sorted(unique.values(), key=lambda i: i.date)
    lines = [Line(f"{i.date} {i.text}", i.evidence[:2]) for i in ordered]
    period = f" {q.since or '…'}–{q.until or '…'}" if q.since or q.until else ""
    text = (f"{len(lines)} dated item(s) in {scope.conflict.name}{period}"
            + (f", from {ordered[0].date} to {ordered[-1].date}." if ordered else "."))
    return _result(q, text, lines, scope)


def _result(q: Question, text: str, lines: list[Line], scope: Scope, *,
            brief: Brief | None = None, actors: tuple[str, ...] | None = None) -> Answer:
    return Answer(q.text, q.intent, text, tuple(lines), actors or q.actors, scope.conflict.name,
                  scope.conflict.party_codes, brief=brief)


# -- rendering -------------------------------------------------------------------------


def answer_to_dict(result: Answer) -> dict[str, Any]:
    citations = list(dict.fromkeys(e for line in result.lines for e in line.evidence))
    return {
        "question": result.question, "intent": result.intent, "answer": result.answer,
        "actors": list(result.actors),
        "conflict": {"name": result.conflict, "parties": list(result.parties),
                     "topic": list(result.topic), "scope_inferred": result.is_scope_inferred},
        "scope_inferred": result.is_scope_inferred,
        "items": [{"text": line.text, "evidence": [asdict(e) for e in line.evidence]}
                  for line in result.lines],
        "citations": [asdict(e) for e in citations],
    }


def render_answer(result: Answer, fmt: str = "text") -> str:
    """The answer as ``text`` (with numbered citations) or ``json``."""
    if fmt == "json":
        return json.dumps(answer_to_dict(result), indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise QueryError(f"unknown answer format {fmt!r}. Use text or json.")
    out = [result.answer, ""]
    for line in result.lines:
        out.append(f"- {line.text}")
        for e in line.evidence[:3]:
            quote = e.text if len(e.text) < 260 else e.text[:257] + "…"
            out.append(f"    [{e.doc_id[:10]}:{e.sentence_id} @{e.start}-{e.end}] {quote}")
    return "\n".join(out) + "\n"
