"""Aggregates that tell which documents a question concerns, without loading them.

The positions layer (``analysis/``) ranks documents by the actors they mention, the words of
their titles and sentences and the conflicts between their actors, then loads only the best
ones. Each method here is one such aggregate, computed in DuckDB over the whole store.
Patterns are RE2 regular expressions (DuckDB's ``regexp_matches``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

UNFLAGGED = ("NOT coalesce(is_negated, false) AND NOT coalesce(is_hypothetical, false) "
             "AND NOT coalesce(is_attempted, false)")
CODE_SECTOR = '[{"code": "VARCHAR", "sector": "VARCHAR"}]'


@dataclass(frozen=True, slots=True)
class MentionSentences:
    """The sentences of one document that mention one actor (code and sector)."""

    doc_id: str
    code: str
    sector: str | None
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MentionText:
    """How often the texts call ``code`` (with ``sector``) by ``text``."""

    code: str
    sector: str | None
    text: str
    n: int


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


class SignalsAPI:
    """Document-ranking aggregates shared by every ``Store``."""

    con: duckdb.DuckDBPyConnection

    def _fetch(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def mention_sentences(self, codes: Collection[str], *, limit: int = 2000
                          ) -> list[MentionSentences]:
        """Sentences mentioning ``codes`` (any sector), in the ``limit`` documents with most."""
        if not codes:
            return []
        rows = self._fetch(
            "WITH m AS (SELECT doc_id, code, sector, sentence FROM mentions "
            "           WHERE list_contains(?, code)), "
            "top AS (SELECT doc_id FROM m GROUP BY doc_id "
            "        ORDER BY count(DISTINCT sentence) DESC, doc_id LIMIT ?) "
            "SELECT doc_id, code, sector, list(DISTINCT sentence ORDER BY sentence) FROM m "
            "WHERE doc_id IN (SELECT doc_id FROM top) GROUP BY doc_id, code, sector "
            "ORDER BY doc_id, code, sector", [sorted(codes), limit])
        return [MentionSentences(d, c, s, tuple(sents)) for d, c, s, sents in rows]

    def top_mentioned(self, *, per_doc: int = 10) -> list[MentionSentences]:
        """Every document's ``per_doc`` most mentioned (code, sector) pairs and their
        sentences."""
        rows = self._fetch(
            "WITH m AS (SELECT doc_id, code, sector, list(DISTINCT sentence ORDER BY sentence) s "
            "           FROM mentions WHERE code IS NOT NULL GROUP BY doc_id, code, sector) "
            "SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY doc_id "
            "ORDER BY len(s) DESC, code, sector NULLS FIRST) <= ? ORDER BY doc_id", [per_doc])
        return [MentionSentences(d, c, s, tuple(sents)) for d, c, s, sents in rows]

    def matching_sentences(self, pattern: str, doc_ids: Collection[str] | None = None, *,
                           limit: int = 2000) -> dict[str, list[int]]:
        """doc_id → sentences matching ``pattern``, in ``doc_ids`` or else in the ``limit``
        documents with most matches."""
        where, params = "regexp_matches(text, ?)", list[Any]([pattern])
        if doc_ids is not None:
            where += " AND list_contains(?, doc_id)"
            params.append(sorted(doc_ids))
        rows = self._fetch(
            f"WITH s AS (SELECT doc_id, idx FROM sentences WHERE {where}), "
            "top AS (SELECT doc_id FROM s GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT ?) "
            "SELECT doc_id, list(idx ORDER BY idx) FROM s "
            "WHERE doc_id IN (SELECT doc_id FROM top) GROUP BY doc_id", [*params, limit])
        return {d: list(sents) for d, sents in rows}

    def matching_titles(self, pattern: str, *, limit: int = 2000) -> list[str]:
        """Ids of documents whose title matches ``pattern``."""
        return [r[0] for r in self._fetch(
            "SELECT doc_id FROM documents WHERE regexp_matches(coalesce(title, ''), ?) "
            "ORDER BY doc_id LIMIT ?", [pattern, limit])]

    def pattern_counts(self, patterns: Mapping[str, str]) -> dict[str, dict[str, int]]:
        """doc_id → pattern name → how many of its sentences match that pattern."""
        names = list(patterns)
        if not names:
            return {}
        cols = ", ".join(f"count(*) FILTER (WHERE regexp_matches(text, ?)) AS c{i}"
                         for i in range(len(names)))
        rows = self._fetch(f"SELECT doc_id, {cols} FROM sentences GROUP BY doc_id",
                           [patterns[n] for n in names])
        return {r[0]: {n: int(r[i + 1]) for i, n in enumerate(names)} for r in rows}

    def mention_texts(self, codes: Collection[str] | None = None, *,
                      kinds: Collection[str] | None = None, per_code: int | None = None
                      ) -> list[MentionText]:
        """How the texts name each code: (code, sector, text, count), commonest first per
        code; only ``codes`` and mention ``kinds`` when given, ``per_code`` texts at most."""
        where, params = "code IS NOT NULL", list[Any]()
        if codes is not None:
            where += " AND list_contains(?, code)"
            params.append(sorted(codes))
        if kinds is not None:
            where += " AND list_contains(?, kind)"
            params.append(sorted(kinds))
        sql = (f"SELECT code, sector, text, count(*) AS n FROM mentions WHERE {where} "
               "GROUP BY code, sector, text")
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
            "GROUP BY ALL ORDER BY n DESC, t, code", [wanted])
        return [MentionText(c, s, t, int(n)) for c, s, t, n in rows]

    def conflict_dyads(self) -> list[DyadSignal]:
        """Unflagged conflictual events counted by document and (source, target)
        participant; events with an actor and a recipient only."""
        rows = self._fetch(
            "WITH e AS (SELECT doc_id, quad, "
            f"  from_json(actors, '{CODE_SECTOR}') AS a, "
            f"  from_json(recipients, '{CODE_SECTOR}') AS r "
            f"  FROM events WHERE quad >= 3 AND {UNFLAGGED}), "
            "p AS (SELECT doc_id, quad, unnest(a) AS s, r FROM e WHERE len(a) > 0 AND len(r) > 0),"
            "q AS (SELECT doc_id, quad, s, unnest(r) AS t FROM p) "
            "SELECT doc_id, s.code, s.sector, t.code, t.sector, count(*), "
            "count(*) FILTER (WHERE quad = 4) FROM q WHERE s.code IS NOT NULL "
            "AND t.code IS NOT NULL GROUP BY ALL ORDER BY doc_id, 2, 3, 4, 5")
        return [DyadSignal(d, sc, ss, tc, ts, int(n), int(m)) for d, sc, ss, tc, ts, n, m in rows]
