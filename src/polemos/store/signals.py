"""Aggregates that tell which documents a question concerns, without loading them.

The positions layer (``analysis/``) ranks documents by the actors they mention, the words of
their titles and sentences and the conflicts between their actors, then loads only the best
ones. Each method here is one such aggregate, computed in DuckDB over the whole store (or over
the documents given). Patterns are RE2 regular expressions (DuckDB's ``regexp_matches``).

Copies of one story count once in every ranking. Identical texts get one id at ingest (the id
is a hash of the words), so copies are the same story republished with small changes (a
dateline, a byline): documents with the same title, date and number of sentences. Only the
first id of each story (the smallest) is ranked, and :meth:`SignalsAPI.copies` says how many
documents a story has. Documents without a title are each their own story.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

UNFLAGGED = ("NOT coalesce(is_negated, false) AND NOT coalesce(is_hypothetical, false) "
             "AND NOT coalesce(is_attempted, false)")
CODE_SECTOR = '[{"code": "VARCHAR", "sector": "VARCHAR"}]'
# what makes two documents copies of one story (see the module docstring): cheap columns only,
# reading every text to compare them would cost more than the query that follows
STORY = "coalesce(nullif(title, ''), doc_id), coalesce(published, text_date), n_sentences"
FIRSTS = f"SELECT min(doc_id) AS doc_id FROM documents GROUP BY {STORY}"


@dataclass(frozen=True, slots=True)
class MentionSentences:
    """The sentences of one document that mention one actor (code and sector)."""

    doc_id: str
    code: str
    sector: str | None
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MentionText:
    """How often the texts call ``code`` (with ``sector``, when counted by sector) ``text``."""

    code: str
    sector: str | None
    text: str
    n: int


@dataclass(frozen=True, slots=True)
class MentionContext:
    """A mention of an actor and the text right after it ("Balochistan" + " province")."""

    doc_id: str
    text: str
    after: str


@dataclass(frozen=True, slots=True)
class DyadSignal:
    """Unflagged conflictual events (quads 3–4) between two participants in one document."""

    doc_id: str
    source_code: str
    source_sector: str | None
    target_code: str
    target_sector: str | None
    n: int
    n_material: int  # of them quad 4


def _in_docs(doc_ids: Collection[str] | None, column: str = "doc_id"
             ) -> tuple[str, list[Any]]:
    """A semi-join on the given documents (``""`` for every document): the documents are
    matched first, so a costly condition next to it only runs on their rows."""
    if doc_ids is None:
        return "", []
    return f" AND {column} IN (SELECT unnest(?))", [sorted(doc_ids)]


class SignalsAPI:
    """Document-ranking aggregates shared by every ``Store``."""

    con: duckdb.DuckDBPyConnection

    def _fetch(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def mention_sentences(self, codes: Collection[str], *, limit: int = 2000
                          ) -> list[MentionSentences]:
        """Sentences mentioning ``codes`` (any sector), in the ``limit`` stories with most
        (one document per story)."""
        if not codes:
            return []
        rows = self._fetch(
            f"WITH firsts AS MATERIALIZED ({FIRSTS}), "
            "m AS MATERIALIZED (SELECT doc_id, code, sector, sentence FROM mentions "
            "    WHERE doc_id IN (SELECT doc_id FROM firsts) AND code IN (SELECT unnest(?))), "
            "ranked AS (SELECT doc_id, count(DISTINCT sentence) AS n FROM m GROUP BY doc_id), "
            "top AS (SELECT doc_id FROM ranked ORDER BY n DESC, doc_id LIMIT ?) "
            "SELECT doc_id, code, sector, list(DISTINCT sentence ORDER BY sentence) FROM m "
            "WHERE doc_id IN (SELECT doc_id FROM top) GROUP BY doc_id, code, sector "
            "ORDER BY doc_id, code, sector", [sorted(codes), limit])
        return [MentionSentences(d, c, s, tuple(sents)) for d, c, s, sents in rows]

    def top_mentioned(self, doc_ids: Collection[str] | None = None, *, per_doc: int = 10
                      ) -> list[MentionSentences]:
        """The ``per_doc`` most mentioned (code, sector) pairs of every document (or of
        ``doc_ids``) and their sentences."""
        where, params = _in_docs(doc_ids)
        rows = self._fetch(
            "WITH m AS (SELECT doc_id, code, sector, list(DISTINCT sentence ORDER BY sentence) s "
            f"           FROM mentions WHERE code IS NOT NULL{where} "
            "           GROUP BY doc_id, code, sector) "
            "SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY doc_id "
            "ORDER BY len(s) DESC, code, sector NULLS FIRST) <= ? ORDER BY doc_id, code, sector",
            [*params, per_doc])
        return [MentionSentences(d, c, s, tuple(sents)) for d, c, s, sents in rows]

    def matching_sentences(self, pattern: str, doc_ids: Collection[str] | None = None, *,
                           limit: int = 2000) -> dict[str, list[int]]:
        """doc_id → sentences matching ``pattern``, in ``doc_ids`` or else in the ``limit``
        documents with most matches."""
        where, params = _in_docs(doc_ids)
        rows = self._fetch(
            f"WITH s AS (SELECT doc_id, idx FROM sentences WHERE true{where} "
            "            AND regexp_matches(text, ?)), "
            "top AS (SELECT doc_id FROM s GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT ?) "
            "SELECT doc_id, list(idx ORDER BY idx) FROM s "
            "WHERE doc_id IN (SELECT doc_id FROM top) GROUP BY doc_id ORDER BY doc_id",
            [*params, pattern, limit])
        return {d: list(sents) for d, sents in rows}

    def matching_titles(self, pattern: str, *, limit: int = 2000) -> list[str]:
        """Ids of documents whose title matches ``pattern`` (one per story)."""
        return [r[0] for r in self._fetch(
            "SELECT min(doc_id) AS first FROM documents "
            f"WHERE regexp_matches(coalesce(title, ''), ?) GROUP BY {STORY} "
            "ORDER BY first LIMIT ?", [pattern, limit])]

    def pattern_counts(self, patterns: Mapping[str, str],
                       doc_ids: Collection[str] | None = None) -> dict[str, dict[str, int]]:
        """doc_id → pattern name → how many of its sentences match that pattern (every
        document, or those given)."""
        names = list(patterns)
        if not names:
            return {}
        cols = ", ".join(f"count(*) FILTER (WHERE regexp_matches(text, ?)) AS c{i}"
                         for i in range(len(names)))
        where, params = _in_docs(doc_ids)
        rows = self._fetch(f"SELECT doc_id, {cols} FROM sentences WHERE true{where} "
                           "GROUP BY doc_id ORDER BY doc_id",
                           [*(patterns[n] for n in names), *params])
        return {r[0]: {n: int(r[i + 1]) for i, n in enumerate(names)} for r in rows}

    def mention_texts(self, codes: Collection[str] | None = None, *,
                      kinds: Collection[str] | None = None, per_code: int | None = None,
                      by_sector: bool = True) -> list[MentionText]:
        """How the texts name each code: (code, sector, text, count), commonest first per
        code; only ``codes`` and mention ``kinds`` when given, ``per_code`` texts at most.
        Without ``by_sector`` the sectors are counted together (``sector`` is None)."""
        where, params = "code IS NOT NULL", list[Any]()
        if codes is not None:
            where += " AND code IN (SELECT unnest(?))"
            params.append(sorted(codes))
        if kinds is not None:
            where += " AND kind IN (SELECT unnest(?))"
            params.append(sorted(kinds))
        sector = "sector" if by_sector else "NULL::VARCHAR"
        sql = (f"SELECT code, {sector} AS sector, text, count(*) AS n FROM mentions "
               f"WHERE {where} GROUP BY code, {sector}, text")
        if per_code is not None:
            sql += " QUALIFY row_number() OVER (PARTITION BY code ORDER BY n DESC, text) <= ?"
            params.append(per_code)
        rows = self._fetch(sql + " ORDER BY code, n DESC, text, sector NULLS FIRST", params)
        return [MentionText(c, s, t, int(n)) for c, s, t, n in rows]

    def codes_named(self, phrases: Iterable[str]) -> list[MentionText]:
        """Resolved mentions whose lower-cased text is one of ``phrases``, commonest first
        (``text`` is the lower-cased phrase)."""
        wanted = sorted({p.lower() for p in phrases if p})
        if not wanted:
            return []
        rows = self._fetch(
            "SELECT code, sector, lower(text) AS t, count(*) AS n FROM mentions "
            "WHERE code IS NOT NULL AND list_contains(?, lower(text)) "
            "GROUP BY ALL ORDER BY n DESC, t, code, sector NULLS FIRST", [wanted])
        return [MentionText(c, s, t, int(n)) for c, s, t, n in rows]

    def mentioned_codes(self, codes: Collection[str]) -> set[str]:
        """Those of ``codes`` that some mention resolved to."""
        if not codes:
            return set()
        return {r[0] for r in self._fetch(
            "SELECT DISTINCT code FROM mentions WHERE code IN (SELECT unnest(?))", [sorted(codes)])}

    def conflict_dyads(self, doc_ids: Collection[str] | None = None) -> list[DyadSignal]:
        """Unflagged conflictual events counted by document and (source, target) participant
        (every document, or those given); events with an actor and a recipient only, every
        actor paired with every recipient."""
        where, params = _in_docs(doc_ids)
        rows = self._fetch(
            "WITH e AS (SELECT doc_id, quad, "
            f"  from_json(actors, '{CODE_SECTOR}') AS a, "
            f"  from_json(recipients, '{CODE_SECTOR}') AS r "
            f"  FROM events WHERE quad >= 3 AND {UNFLAGGED}{where}), "
            "p AS (SELECT doc_id, quad, unnest(a) AS s, r FROM e WHERE len(a) > 0 AND len(r) > 0),"
            "q AS (SELECT doc_id, quad, s, unnest(r) AS t FROM p) "
            "SELECT doc_id, s.code, s.sector, t.code, t.sector, count(*), "
            "count(*) FILTER (WHERE quad = 4) FROM q WHERE s.code IS NOT NULL "
            "AND t.code IS NOT NULL GROUP BY ALL ORDER BY ALL", params)
        return [DyadSignal(d, sc, ss, tc, ts, int(n), int(m)) for d, sc, ss, tc, ts, n, m in rows]

    def mention_contexts(self, codes: Collection[str], doc_ids: Collection[str], *,
                         width: int = 30) -> list[MentionContext]:
        """Mentions of ``codes`` in the given documents with the ``width`` characters of
        text right after each."""
        if not codes or not doc_ids:
            return []
        rows = self._fetch(
            "SELECT m.doc_id, m.text, substr(d.text, m.end_char + 1, ?) FROM mentions m "
            "JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE m.code IN (SELECT unnest(?)) AND m.doc_id IN (SELECT unnest(?)) "
            "ORDER BY m.doc_id, m.start_char", [width, sorted(codes), sorted(doc_ids)])
        return [MentionContext(d, t, after or "") for d, t, after in rows]

    def copies(self, doc_ids: Collection[str]) -> dict[str, int]:
        """doc_id → how many stored documents are copies of its story (itself included)."""
        if not doc_ids:
            return {}
        return {d: int(n) for d, n in self._fetch(
            f"SELECT doc_id, count(*) OVER (PARTITION BY {STORY}) AS n FROM documents "
            "QUALIFY doc_id IN (SELECT unnest(?))", [sorted(doc_ids)])}
