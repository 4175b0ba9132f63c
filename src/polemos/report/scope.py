"""Which documents a report covers: a defined conflict, a name found in the texts, or everything."""

from __future__ import annotations

from dataclasses import replace

from polemos.analysis.conflicts import Conflicts, load_conflicts
from polemos.analysis.scope import Scope, documents_scope, find_scope, whole_corpus
from polemos.errors import QueryError
from polemos.store.store import Store


def resolve_scope(
    store: Store,
    conflict: str | None,
    *,
    conflicts: Conflicts | None = None,
) -> Scope:
    """The scope for ``conflict``: its definition when there is one, else a name filter.

    Raises:
        QueryError: the conflict is defined but no stored document concerns it, or it is not
            defined and no stored document contains its name.
    """
    if conflict is None:
        return whole_corpus()
    known = conflicts if conflicts is not None else load_conflicts()
    definition = known.get(conflict)
    n_docs = store.count_documents()
    if definition is not None:
        scope = find_scope(store, definition)[0]
        if not scope.links:
            raise QueryError(
                f"conflict {definition.name!r}: none of the {n_docs} stored documents is about "
                "it (a passing mention does not count). Ingest articles about it first, or run "
                "the report without --conflict."
            )
        note = (
            f"{len(scope.links)} of {n_docs} documents are about the conflict (ranked by how "
            "central it is to them: title, lead, share of sentences naming it or its parties)."
        )
        return replace(scope, note=note)
    doc_ids = store.document_ids_matching(conflict)
    if not doc_ids:
        near = ", ".join(known.nearest(conflict)) or "none"
        raise QueryError(
            f"unknown conflict {conflict!r}, and no stored document contains that name. "
            f"Nearest defined conflicts: {near}. Use one of them, add a definition, or run the "
            "report without --conflict."
        )
    note = (
        f"No definition of {conflict!r}: {len(doc_ids)} of {n_docs} documents contain the name."
    )
    return documents_scope(conflict, doc_ids, note=note)
