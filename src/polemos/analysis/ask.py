"""Answer questions from the store with citations; no language model.

Understood (see ``question.FORMS``): the position or role of X in Y; who mediated between A
and B; who supplied arms to A; how relations between A and B changed; what happened in Y in a
period. Every answer rests on the documents about the conflict (its scope, by relevance); an
answer's ``status`` says whether it found evidence (``answered``), found nothing in scope
(``nothing_found``, with what was searched) or did not understand the question
(``not_understood``, with the forms it understands).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from polemos.analysis import kbview
from polemos.analysis import render_answer as rendering
from polemos.analysis.brief import brief_from_scope, build_timeline
from polemos.analysis.conflicts import Conflict, Conflicts, load_conflicts
from polemos.analysis.corpus import Corpus
from polemos.analysis.kbview import ActorKB
from polemos.analysis.model import Answer, Brief, Evidence, Line, Role
from polemos.analysis.question import FORMS, Question, read_question
from polemos.analysis.roles import find_roles
from polemos.analysis.scope import Scope, find_scope, is_usable, keys_of
from polemos.analysis.target import (
    NothingFound,
    about_actor,
    check_actor,
    check_scope,
    conflict_for,
    conflict_label,
    display_name,
    store_names,
    unresolved_message,
    with_adversaries,
)
from polemos.claims.lexicon import load_lexicon
from polemos.errors import QueryError
from polemos.store.store import Store

MAX_CANDIDATES = 40
answer_to_dict = rendering.answer_to_dict
render_answer = rendering.render_answer


def answer(store: Store, question: str, *, kb: ActorKB | None = None,
           conflicts: Conflicts | None = None, full: bool = False) -> Answer:
    """Answer ``question`` from the store; ``full`` keeps every timeline item and passage.

    Raises:
        QueryError: the question names an actor neither the KB nor the store knows (the
            message lists the nearest names).
    """
    conflicts = conflicts if conflicts is not None else load_conflicts()
    q = read_question(question, kb=kb, conflicts=conflicts, names=store_names(store))
    if q.intent is None:
        return _not_understood(q)
    _check_names(q, store, kb)
    handler = {"position": _position, "mediation": _mediation, "arms": _arms,
               "relations": _relations, "events": _events}[q.intent]
    try:
        result: Answer = handler(store, q, kb, conflicts, full)
    except NothingFound as found:
        return Answer(q.text, q.intent, str(found), (), q.actors, None, status="nothing_found")
    return result


def build_brief(store: Store, actor: str, *, conflict: str | Conflict, since: int | None = None,
                until: int | None = None, kb: ActorKB | None = None, conflicts: Conflicts | None = None,
                full: bool = False) -> Brief:
    """The brief of ``actor`` (a code or a name) in ``conflict`` (a defined or discovered
    conflict's name, or words such as "the insurgency in Balochistan").

    Raises:
        QueryError: unknown actor (the message lists the nearest names).
        NothingFound: no document is about the conflict, or none of them names the actor.
    """
    key = resolve_actor(store, actor, kb=kb)
    if isinstance(conflict, str):
        conflict = conflict_for(store, conflict, kb=kb,
                                conflicts=conflicts if conflicts is not None else load_conflicts())
    scope, corpus = find_scope(store, conflict, kb=kb, since=since, until=until)
    where = conflict_label(conflict)
    known = conflicts if conflicts is not None else load_conflicts()
    check_scope(scope, where, known.nearest(conflict.name) if conflict.is_inferred else ())
    check_actor(scope, corpus, key, lambda: display_name(kb, key, store=store), where, kb)
    return brief_from_scope(corpus, key, with_adversaries(scope, corpus, key), kb=kb, full=full)


def resolve_actor(store: Store, actor: str, *, kb: ActorKB | None = None) -> str:
    """The actor key for a code or a name; QueryError with near names when unknown."""
    from polemos.analysis.corpus import common_names, keys_named

    if kbview.name_of(kb, actor) != actor or actor in common_names(store, [actor.split(":")[0]]):
        return actor
    key = kbview.resolve_key(kb, actor) or keys_named(store, [actor]).get(actor.lower())
    if key is not None:
        return key
    if actor.upper() != actor:
        return resolve_actor(store, actor.upper(), kb=kb)
    near = kbview.near(kb, actor, list(common_names(store).values()))
    raise QueryError(
        f"unknown actor {actor!r}: no such name or code in the knowledge base or the store. "
        f"Nearest known names: {', '.join(near) or '(none: the store is empty)'}. "
        "Use one of these, or an actor code such as RUS.")


def _not_understood(q: Question) -> Answer:
    text = ("This is not a question `polemos ask` understands, so nothing was searched. "
            "It answers: " + "; ".join(FORMS) + ".")
    return Answer(q.text, "unknown", text, (), q.actors, None, status="not_understood")


def _check_names(q: Question, store: Store, kb: ActorKB | None) -> None:
    needs = {"position": 1, "mediation": 0, "arms": 1, "relations": 2, "events": 0}[q.intent or ""]
    if len(q.actors) >= needs and (q.actors or q.conflict or q.phrase):
        return
    from polemos.analysis.corpus import common_names

    wanted = " ".join(q.unresolved) or q.text
    near = kbview.near(kb, wanted, list(common_names(store).values()))
    raise QueryError(unresolved_message(q.unresolved, near, q.text))


def _conflict_of(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts) -> Conflict | None:
    if q.conflict is not None:
        return q.conflict
    if q.crisis:
        return conflict_for(store, q.crisis, kb=kb, conflicts=conflicts)
    return None


def _scoped(store: Store, q: Question, conflict: Conflict, kb: ActorKB | None) -> tuple[Scope, Corpus]:
    scope, corpus = find_scope(store, conflict, kb=kb, since=q.since, until=q.until)
    check_scope(scope, conflict_label(conflict))
    return scope, corpus


# -- position ------------------------------------------------------------------------------


def _position(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts, full: bool) -> Answer:
    actor = q.actors[0]
    name = display_name(kb, actor, store=store)
    conflict = _conflict_of(store, q, kb, conflicts) or about_actor(actor, name)
    scope, corpus = _scoped(store, q, conflict, kb)
    where = conflict_label(conflict)
    check_actor(scope, corpus, actor, name, where, kb)
    scope = with_adversaries(scope, corpus, actor)
    brief = brief_from_scope(corpus, actor, scope, kb=kb, full=full)
    lines = rendering.brief_lines(brief)
    return _result(q, brief.summary, lines, scope, corpus, brief=brief, actors=(actor,),
                   names=brief.names)


# -- mediation, arms, relations, events ----------------------------------------------------


def _sides_conflict(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts,
                    sides: tuple[str, ...]) -> Conflict:
    """The conflict a question about sides concerns: the one it names, else the defined
    conflict that has them all as parties, else the sides themselves."""
    named = _conflict_of(store, q, kb, conflicts)
    if named is not None:
        return named
    fits = [c for c in conflicts.items if set(sides) <= set(c.party_keys)]
    if fits:
        return fits[0]
    names = " and ".join(display_name(kb, s, store=store) for s in sides)
    return replace(inferred_for(sides, q), name=f"the conflict involving {names}")


def inferred_for(sides: tuple[str, ...], q: Question) -> Conflict:
    return Conflict(name="sides", parties=sides, topic=q.topic, is_inferred=True)


def _role_holders(corpus: Corpus, scope: Scope, role: str, kb: ActorKB | None,
                  toward: set[str]) -> list[tuple[str, Role]]:
    """Actors with ``role`` toward any of ``toward`` in scope, strongest first."""
    counts: Counter[str] = Counter()
    for event in corpus.events:
        if scope.has_event(event):
            counts.update(keys_of(event))
    for claim in corpus.claims:
        if scope.has_claim(claim):
            counts[claim.holder] += 1
    out = []
    for code, _ in counts.most_common(MAX_CANDIDATES):
        for found in find_roles(corpus, scope, code, kb=kb):
            if found.role == role and (not toward or toward & set(found.toward)):
                out.append((code, found))
    return sorted(out, key=lambda pair: -pair[1].strength)


def _names(kb: ActorKB | None, corpus: Corpus, codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(kbview.name_of(kb, c, corpus.names) for c in codes) or "(none)"


def _mediation(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts, full: bool) -> Answer:
    conflict = _sides_conflict(store, q, kb, conflicts, q.actors)
    scope, corpus = _scoped(store, q, conflict, kb)
    sides = set(q.actors) or set(scope.conflict.party_keys)
    holders = [(c, r) for c, r in _role_holders(corpus, scope, "mediator", kb, sides)
               if c not in q.actors]
    lines = [Line(f"{kbview.name_of(kb, code, corpus.names)}: mediator ({r.first or '?'} … "
                  f"{r.last or '?'})", r.evidence[:4], "roles",
                  (("actor", code), ("role", "mediator"), ("target", list(r.toward)),
                   ("first", r.first), ("last", r.last))) for code, r in holders]
    between = _names(kb, corpus, list(q.actors) or list(scope.conflict.party_keys))
    text = (f"Mediators between {between}: "
            + ("; ".join(line.text for line in lines) if lines else
               f"none found in the {len(scope.links)} document(s) about them") + ".")
    return _result(q, text, lines, scope, corpus)


def _arms(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts, full: bool) -> Answer:
    target = {q.actors[-1]}
    conflict = _sides_conflict(store, q, kb, conflicts, q.actors[-1:])
    scope, corpus = _scoped(store, q, conflict, kb)
    holders = [(c, r) for c, r in _role_holders(corpus, scope, "arms_supplier", kb, target)
               if c not in target]
    both = load_lexicon().both_sides

    def about_target(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        """Sentences saying "both sides" first, then those naming the target, then the rest."""
        return tuple(sorted(evidence, key=lambda e: (
            not both.search(e.text), not target & corpus.keys_in(e.doc_id, e.sentence_id))))[:4]

    lines = [Line(f"{kbview.name_of(kb, code, corpus.names)} supplied arms to "
                  f"{_names(kb, corpus, list(target))} ({r.first or '?'} … {r.last or '?'})",
                  about_target(r.evidence), "roles",
                  (("actor", code), ("role", "arms_supplier"), ("target", sorted(target)),
                   ("first", r.first), ("last", r.last))) for code, r in holders]
    text = (f"Arms suppliers of {_names(kb, corpus, list(target))}: "
            + ("; ".join(line.text for line in lines) if lines else
               f"none found in the {len(scope.links)} document(s) about it") + ".")
    return _result(q, text, lines, scope, corpus)


def _relations(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts, full: bool) -> Answer:
    a, b = q.actors[0], q.actors[1]
    conflict = _conflict_of(store, q, kb, conflicts) or replace(
        inferred_for((a, b), q), name=f"the relations of {display_name(kb, a, store=store)} "
                                       f"and {display_name(kb, b, store=store)}")
    scope, corpus = _scoped(store, q, conflict, kb)
    years: dict[int, list[float]] = {}
    cites: dict[int, list[Evidence]] = {}
    for event in corpus.events:
        if (not is_usable(event) or event.date.value is None or event.doc_id not in scope.links
                or not scope.in_period(event.date)):
            continue
        sources = {kbview.key_of(p.code, p.sector) for p in event.actors if p.code is not None}
        targets = {kbview.key_of(p.code, p.sector) for p in event.recipients
                   if p.code is not None}
        if (a in sources and b in targets) or (b in sources and a in targets):
            year = event.date.value.year
            years.setdefault(year, []).append(event.goldstein)
            cites.setdefault(year, []).append(corpus.evidence(event.doc_id, event.sentence))
    lines = [Line(f"{year}: mean Goldstein {sum(v) / len(v):+.1f} over {len(v)} event(s)",
                  tuple(dict.fromkeys(cites[year]))[:3], "relations",
                  (("year", year), ("goldstein", round(sum(v) / len(v), 2)), ("events", len(v))))
             for year, v in sorted(years.items())]
    pair = _names(kb, corpus, [a, b])
    if len(lines) < 2:
        trend = "too few dated events between them to show a change"
    else:
        first, last = (sum(years[y]) / len(years[y]) for y in (min(years), max(years)))
        trend = ("improved" if last > first + 1 else "worsened" if last < first - 1
                 else "stayed about the same")
        trend = f"relations {trend} from {min(years)} ({first:+.1f}) to {max(years)} ({last:+.1f})"
    return _result(q, f"{pair}: {trend}.", lines, scope, corpus, actors=(a, b))


def _events(store: Store, q: Question, kb: ActorKB | None, conflicts: Conflicts, full: bool) -> Answer:
    conflict = _conflict_of(store, q, kb, conflicts)
    if conflict is None:
        if not q.actors:
            raise NothingFound(f"{q.text!r} names no conflict, actor or place to search for.")
        conflict = inferred_for(q.actors, q)
    scope, corpus = _scoped(store, q, conflict, kb)
    counts: Counter[str] = Counter()
    for event in corpus.events:
        if is_usable(event) and event.date.value and scope.has_event(event):
            counts.update(keys_of(event))
    items = []
    for code in (set(q.actors) or set(counts)):
        items += build_timeline(corpus, scope, code, kb=kb)
    unique = {(i.event_id or i.evidence[0].doc_id + str(i.evidence[0].sentence_id)): i
              for i in items if i.evidence}
    ordered = sorted(unique.values(), key=lambda i: i.date)
    lines = [Line(f"{i.date} {i.text}", i.evidence[:2], "timeline",
                  (("date", i.date), ("event_id", i.event_id))) for i in ordered]
    period = f" {q.since or '…'}–{q.until or '…'}" if q.since or q.until else ""
    text = (f"{len(lines)} dated item(s) in {conflict_label(scope.conflict)}{period}"
            + (f", from {ordered[0].date} to {ordered[-1].date}." if ordered else "."))
    return _result(q, text, lines, scope, corpus)


def _result(q: Question, text: str, lines: list[Line], scope: Scope, corpus: Corpus, *,
            brief: Brief | None = None, actors: tuple[str, ...] | None = None,
            names: tuple[tuple[str, str], ...] = ()) -> Answer:
    from polemos.analysis.brief import scope_note

    note = brief.scope if brief is not None else scope_note(scope, corpus)
    return Answer(q.text, q.intent or "", text, tuple(lines), actors or q.actors,
                  scope.conflict.name, scope.conflict.party_keys,
                  is_scope_inferred=scope.conflict.is_inferred, topic=scope.conflict.topic,
                  brief=brief, scope=note, names=names, how=scope.conflict.how)


__all__ = ["Answer", "Line", "answer", "answer_to_dict", "build_brief", "render_answer",
           "resolve_actor"]
