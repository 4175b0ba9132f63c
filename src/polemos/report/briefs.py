"""Briefs of the main outside actors: the positions layer's briefs, else a record from events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from polemos.actors.kb import KnowledgeBase
from polemos.analysis.brief import brief_from_scope, render_brief_html
from polemos.analysis.conflicts import Conflicts
from polemos.analysis.corpus import load_corpus
from polemos.analysis.scope import Scope, build_scope
from polemos.report.charts import esc
from polemos.report.data import merged_events
from polemos.report.sections import fallback_brief_html
from polemos.store.scoped import ScopedEvents
from polemos.store.store import Store


def briefs_html(
    store: Store,
    actors: Sequence[str],
    scope: Scope,
    digest: ScopedEvents,
    names: Mapping[str, str],
    *,
    kb: KnowledgeBase | None,
    conflicts: Conflicts,
) -> list[str]:
    """One escaped HTML fragment per actor.

    A defined conflict gets the full brief (roles, stance, timeline, assessments, each cited);
    a name-filtered scope or the whole corpus has no parties to take positions toward, so it
    gets the actor's record with the inferred parties, from events alone.
    """
    definition = conflicts.get(scope.name) if scope.name else None
    if definition is None:
        return _fallbacks(actors, digest, scope.parties, names)
    corpus = load_corpus(store, scope.links)  # the scope's documents, not the whole store
    ranked = build_scope(corpus, definition, kb=kb, n_documents=scope.n_documents,
                         n_mentioning=scope.n_mentioning)
    return [render_brief_html(brief_from_scope(corpus, code, ranked, kb=kb)) for code in actors]


def _fallbacks(actors: Sequence[str], digest: ScopedEvents, parties: Sequence[str],
               names: Mapping[str, str]) -> list[str]:
    involvement = digest.involvement(actors, parties)
    dated = {e.key: e for e in merged_events(
        digest, [k for code in actors for k in involvement[code].dated_keys])}
    return [_card(code, names, fallback_brief_html(
        involvement[code], [dated[k] for k in involvement[code].dated_keys if k in dated],
        names)) for code in actors]


def _card(code: str, names: Mapping[str, str], body: str) -> str:
    return (
        f'<h2 class="fallback-title">{esc(names.get(code, code))} '
        f'<span class="code">{esc(code)}</span></h2>{body}'
    )
