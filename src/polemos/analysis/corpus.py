"""Every read of the store the positions layer makes: the I/O edge of ``analysis/``.

Two kinds of reads. Aggregates find which documents a question concerns without loading them:
the sentences of each document that mention some actors, titles, sentences that match a pattern,
conflictual dyads. Then :func:`load_corpus` loads the rows of a bounded set of documents. No
other module of ``analysis/`` writes SQL.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from polemos.analysis.kbview import key_of
from polemos.analysis.model import Evidence, Source
from polemos.records import Claim, Event, EventDate
from polemos.store.store import Store

MAX_CANDIDATES = 2000  # documents a relevance ranking looks at (the most mentions first)
MAX_LOADED = 400  # documents loaded into memory for one answer
NAME_KINDS = ("state", "igo", "defacto", "armed_group")


@dataclass(frozen=True, slots=True)
class MentionRef:
    code: str | None
    sector: str | None
    members: tuple[str, ...]
    text: str
    start: int = 0
    end: int = 0
    kind: str = ""
    person: str | None = None

    @property
    def key(self) -> str | None:
        return key_of(self.code, self.sector) if self.code else None


@dataclass(frozen=True, slots=True)
class DocInfo:
    doc_id: str
    title: str
    n_sentences: int
    published: dt.date | None = None
    author: str | None = None
    text_date: dt.date | None = None  # the latest date the text states


@dataclass(frozen=True)
class Corpus:
    """Documents, sentences, mentions, events and claims of a set of documents, indexed."""

    texts: dict[str, str]
    sources: dict[str, Source]
    sentences: dict[tuple[str, int], tuple[int, int, EventDate]]
    mentions: dict[tuple[str, int], list[MentionRef]]
    events: list[Event]
    merged: dict[str, str]  # event_id → merged id
    claims: list[Claim]
    names: dict[str, str] = field(default_factory=dict)  # actor key → commonest mention text
    infos: dict[str, DocInfo] = field(default_factory=dict)
    name_counts: dict[str, Counter[str]] = field(default_factory=dict)  # key → text → count

    def evidence(self, doc_id: str, sentence: int) -> Evidence:
        """The cited sentence, its text sliced from the document so it always checks out."""
        start, end, _ = self.sentences.get((doc_id, sentence), (0, 0, EventDate()))
        return Evidence(doc_id, sentence, self.texts.get(doc_id, "")[start:end], start, end)

    def date_of(self, doc_id: str, sentence: int) -> EventDate:
        return self.sentences.get((doc_id, sentence), (0, 0, EventDate()))[2]

    def codes_in(self, doc_id: str, sentence: int) -> set[str]:
        out: set[str] = set()
        for ref in self.mentions.get((doc_id, sentence), ()):
            out.update(ref.members or ((ref.code,) if ref.code else ()))
        return out

    def keys_in(self, doc_id: str, sentence: int) -> set[str]:
        """Actor keys (CODE or CODE:SECTOR) mentioned in the sentence, group members included."""
        out: set[str] = set(self.codes_in(doc_id, sentence))
        out.update(ref.key for ref in self.mentions.get((doc_id, sentence), ()) if ref.key)
        return out

    def known_codes(self) -> set[str]:
        return set(self.names)

    def sentence_ids(self, doc_id: str) -> list[int]:
        return list(self._sentence_ids.get(doc_id, ()))

    @functools.cached_property
    def _sentence_ids(self) -> dict[str, list[int]]:
        """Sentence indexes by document, built once (a scan of every sentence per call made
        a pass over the scope's documents quadratic)."""
        out: dict[str, list[int]] = {}
        for doc_id, idx in sorted(self.sentences):
            out.setdefault(doc_id, []).append(idx)
        return out


# -- aggregates ------------------------------------------------------------------------


def count_documents(store: Store) -> int:
    return int(store.rows("SELECT count(*) AS n FROM documents")[0]["n"])


def doc_infos(store: Store, doc_ids: Collection[str] | None = None) -> dict[str, DocInfo]:
    """Title, length, date and author of the given documents (of all when None)."""
    sql = "SELECT doc_id, title, n_sentences, published, author, text_date FROM documents"
    rows = (store.rows(sql) if doc_ids is None
            else store.rows(sql + " WHERE list_contains(?, doc_id)", [list(doc_ids)]))
    return {r["doc_id"]: DocInfo(r["doc_id"], r["title"] or "", int(r["n_sentences"] or 0),
                                 r["published"], r["author"], r["text_date"]) for r in rows}


def mention_sentences(store: Store, codes: Collection[str], *, limit: int = MAX_CANDIDATES
                      ) -> dict[str, dict[str, list[int]]]:
    """doc_id → actor key → the sentences mentioning it, for mentions of ``codes`` (any
    sector); the ``limit`` documents with most such sentences."""
    if not codes:
        return {}
    rows = store.rows(
        "WITH m AS (SELECT doc_id, code, sector, sentence FROM mentions "
        "           WHERE list_contains(?, code)), "
        "top AS (SELECT doc_id FROM m GROUP BY doc_id "
        "        ORDER BY count(DISTINCT sentence) DESC, doc_id LIMIT ?) "
        "SELECT doc_id, code, sector, list(DISTINCT sentence ORDER BY sentence) AS sents "
        "FROM m WHERE doc_id IN (SELECT doc_id FROM top) GROUP BY doc_id, code, sector",
        [sorted(codes), limit])
    out: dict[str, dict[str, list[int]]] = {}
    for r in rows:
        keys = out.setdefault(r["doc_id"], {})
        key = key_of(r["code"], r["sector"])
        keys[key] = sorted(set(keys.get(key, [])) | set(r["sents"]))
    return out


def matching_sentences(store: Store, pattern: str, doc_ids: Collection[str] | None = None,
                       *, limit: int = MAX_CANDIDATES) -> dict[str, list[int]]:
    """doc_id → sentences whose text matches ``pattern`` (an RE2 regular expression), in the
    given documents, else in the ``limit`` documents with most matches."""
    where = "regexp_matches(text, ?)"
    params: list[object] = [pattern]
    if doc_ids is not None:
        where += " AND list_contains(?, doc_id)"
        params.append(list(doc_ids))
    rows = store.rows(
        f"WITH s AS (SELECT doc_id, idx FROM sentences WHERE {where}), "
        "top AS (SELECT doc_id FROM s GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT ?) "
        "SELECT doc_id, list(idx ORDER BY idx) AS sents FROM s "
        "WHERE doc_id IN (SELECT doc_id FROM top) GROUP BY doc_id", [*params, limit])
    return {r["doc_id"]: list(r["sents"]) for r in rows}


def matching_titles(store: Store, pattern: str, *, limit: int = MAX_CANDIDATES) -> list[str]:
    rows = store.rows("SELECT doc_id FROM documents WHERE regexp_matches(coalesce(title, ''), ?) "
                      "ORDER BY doc_id LIMIT ?", [pattern, limit])
    return [r["doc_id"] for r in rows]


def surface_texts(store: Store, codes: Collection[str], *, per_code: int = 40
                  ) -> dict[str, list[str]]:
    """The words the texts use for each code (commonest first), for matching titles."""
    if not codes:
        return {}
    rows = store.rows(
        "SELECT code, text, count(*) AS n FROM mentions WHERE list_contains(?, code) "
        "GROUP BY code, text QUALIFY row_number() OVER (PARTITION BY code ORDER BY n DESC, text) "
        "<= ? ORDER BY code, n DESC", [sorted(codes), per_code])
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["code"], []).append(r["text"])
    return out


def keys_named(store: Store, phrases: Iterable[str]) -> dict[str, str]:
    """lower-case phrase → the actor key the stored mentions most often give it."""
    wanted = sorted({p.lower() for p in phrases if p})
    if not wanted:
        return {}
    rows = store.rows(
        "SELECT lower(text) AS t, code, sector, count(*) AS n FROM mentions "
        "WHERE code IS NOT NULL AND list_contains(?, lower(text)) "
        "GROUP BY ALL ORDER BY n DESC", [wanted])
    out: dict[str, str] = {}
    for r in rows:
        out.setdefault(r["t"], key_of(r["code"], r["sector"]))
    codes = sorted({p for p in phrases if p and p.isupper() and p.isalpha() and len(p) <= 8})
    if codes:  # an actor code typed as such ("RUS", "OSCE")
        for r in store.rows("SELECT DISTINCT code FROM mentions WHERE list_contains(?, code)",
                            [codes]):
            out.setdefault(r["code"].lower(), r["code"])
    return out


def common_names(store: Store, codes: Collection[str] | None = None) -> dict[str, str]:
    """actor key → the commonest capitalised mention text (for codes the KB does not name)."""
    return {key: _best_name(c) for key, c in name_counts(store, codes).items()}


def name_counts(store: Store, codes: Collection[str] | None = None) -> dict[str, Counter[str]]:
    """actor key → how often each mention text names it (states, organisations, de facto
    states and the non-state sectors of states)."""
    where = "code IS NOT NULL AND list_contains(?, kind)"
    params: list[object] = [list(NAME_KINDS)]
    if codes is not None:
        where += " AND list_contains(?, code)"
        params.append(sorted(codes))
    rows = store.rows(f"SELECT code, sector, text, count(*) AS n FROM mentions WHERE {where} "
                      "GROUP BY code, sector, text", params)
    counts: dict[str, Counter[str]] = {}
    for r in rows:
        counts.setdefault(key_of(r["code"], r["sector"]), Counter())[r["text"]] += int(r["n"])
    return counts


# -- aggregates for discovering conflicts --------------------------------------------


@dataclass(frozen=True, slots=True)
class Dyad:
    """Conflictual events between two actor keys in one document."""

    doc_id: str
    source: str
    target: str
    n: int
    n_material: int  # of them quad 4 (material conflict)


def top_keys(store: Store, doc_ids: Collection[str] | None = None, *, per_doc: int = 10
             ) -> dict[str, dict[str, list[int]]]:
    """doc_id → its most mentioned actor keys → their sentences (every document, or those
    given)."""
    where, params = _in_docs(doc_ids, " AND")
    rows = store.rows(
        "WITH m AS (SELECT doc_id, code, sector, list(DISTINCT sentence ORDER BY sentence) s "
        f"           FROM mentions WHERE code IS NOT NULL{where} GROUP BY doc_id, code, sector) "
        "SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY doc_id "
        "ORDER BY len(s) DESC, code, sector) <= ?", [*params, per_doc * 2])
    out: dict[str, dict[str, list[int]]] = {}
    for r in rows:
        keys = out.setdefault(r["doc_id"], {})
        key = key_of(r["code"], r["sector"])
        keys[key] = sorted(set(keys.get(key, [])) | set(r["s"]))
    return {d: dict(sorted(k.items(), key=lambda kv: -len(kv[1]))[:per_doc])
            for d, k in out.items()}


def _in_docs(doc_ids: Collection[str] | None, glue: str = " WHERE") -> tuple[str, list[object]]:
    if doc_ids is None:
        return "", []
    return f"{glue} list_contains(?, doc_id)", [sorted(doc_ids)]


def conflict_dyads(store: Store, doc_ids: Collection[str] | None = None) -> list[Dyad]:
    """Unflagged conflictual events (quad 3 and 4) with a source and a target, counted by
    document and (source, target) actor keys."""
    where, params = _in_docs(doc_ids, " AND")
    rows = store.rows(
        "WITH e AS (SELECT doc_id, quad, "
        "  from_json(actors, '[{\"code\": \"VARCHAR\", \"sector\": \"VARCHAR\"}]') AS a, "
        "  from_json(recipients, '[{\"code\": \"VARCHAR\", \"sector\": \"VARCHAR\"}]') AS r "
        "  FROM events WHERE quad >= 3 AND NOT coalesce(is_negated, false) "
        f"  AND NOT coalesce(is_hypothetical, false) AND NOT coalesce(is_attempted, false){where}), "
        "p AS (SELECT doc_id, quad, unnest(a) AS s, unnest(r) AS t FROM e "
        "      WHERE len(a) > 0 AND len(r) > 0) "
        "SELECT doc_id, s.code AS sc, s.sector AS ss, t.code AS tc, t.sector AS ts, "
        "count(*) AS n, count(*) FILTER (WHERE quad = 4) AS m FROM p GROUP BY ALL", params)
    return [Dyad(r["doc_id"], key_of(r["sc"], r["ss"]), key_of(r["tc"], r["ts"]), int(r["n"]),
                 int(r["m"])) for r in rows if r["sc"] and r["tc"]]


def pattern_counts(store: Store, patterns: dict[str, str],
                   doc_ids: Collection[str] | None = None) -> dict[str, dict[str, int]]:
    """doc_id → pattern name → sentences matching that RE2 pattern (every document, or
    those given)."""
    names = list(patterns)
    cols = ", ".join(f"count(*) FILTER (WHERE regexp_matches(text, ?)) AS c{i}"
                     for i in range(len(names)))
    where, params = _in_docs(doc_ids)
    rows = store.rows(f"SELECT doc_id, {cols} FROM sentences{where} GROUP BY doc_id",
                      [*(patterns[n] for n in names), *params])
    return {r["doc_id"]: {n: int(r[f"c{i}"]) for i, n in enumerate(names)} for r in rows}


def mention_contexts(store: Store, codes: Collection[str], doc_ids: Collection[str],
                     *, width: int = 30) -> list[tuple[str, str, str]]:
    """(document, mention text, the text right after it) for mentions of ``codes`` in the given
    documents: how a place is named ("Balochistan" + " province")."""
    if not codes or not doc_ids:
        return []
    rows = store.rows(
        "SELECT m.doc_id, m.text, substr(d.text, m.end_char + 1, ?) AS after FROM mentions m "
        "JOIN documents d ON d.doc_id = m.doc_id "
        "WHERE list_contains(?, m.code) AND list_contains(?, m.doc_id)",
        [width, sorted(codes), sorted(doc_ids)])
    return [(r["doc_id"], r["text"], r["after"] or "") for r in rows]


# -- loading documents --------------------------------------------------------------------


def load_corpus(store: Store, doc_ids: Collection[str] | None = None) -> Corpus:
    """The rows of the given documents (all when None) in a handful of queries.

    Raises nothing; unknown ids are ignored. Callers bound ``doc_ids`` (see MAX_LOADED).
    """
    ids = None if doc_ids is None else sorted(doc_ids)
    where, params = ("", []) if ids is None else (" WHERE list_contains(?, doc_id)", [ids])
    texts, sources = {}, {}
    for row in store.rows("SELECT doc_id, title, url, source, published, text FROM documents"
                          + where, params):
        texts[row["doc_id"]] = row["text"]
        published = row["published"].isoformat() if row["published"] else None
        sources[row["doc_id"]] = Source(row["doc_id"], row["title"], row["url"] or row["source"],
                                        published)
    sentences = {
        (r["doc_id"], r["idx"]): (r["start_char"], r["end_char"], _date(r))
        for r in store.rows("SELECT doc_id, idx, start_char, end_char, date_value, date_end, "
                            "date_precision, date_basis FROM sentences" + where, params)
    }
    mentions, counts = _mentions(store, where, params)
    merged = {r["event_id"]: r["merged_id"] or r["event_id"]
              for r in store.rows("SELECT event_id, merged_id FROM events" + where, params)}
    condition = where.removeprefix(" WHERE ")
    return Corpus(texts, sources, sentences, mentions, store.events(condition, params),
                  merged, store.claims(condition, params),
                  {key: _best_name(c) for key, c in counts.items()},
                  doc_infos(store, None if ids is None else ids), counts)


def _mentions(store: Store, where: str, params: Sequence[object]
              ) -> tuple[dict[tuple[str, int], list[MentionRef]], dict[str, Counter[str]]]:
    mentions: dict[tuple[str, int], list[MentionRef]] = {}
    counts: dict[str, Counter[str]] = {}
    for r in store.rows("SELECT doc_id, sentence, code, sector, members, text, kind, start_char, "
                        "end_char, person FROM mentions" + where + " ORDER BY doc_id, start_char",
                        params):
        ref = MentionRef(r["code"], r["sector"], tuple(r["members"] or ()), r["text"],
                         r["start_char"], r["end_char"], r["kind"], r["person"])
        mentions.setdefault((r["doc_id"], r["sentence"]), []).append(ref)
        if r["code"] and r["kind"] in NAME_KINDS:
            counts.setdefault(key_of(r["code"], r["sector"]), Counter())[r["text"]] += 1
    return mentions, counts


def _best_name(counter: Counter[str]) -> str:
    """The commonest capitalised mention text that is not a possessive."""
    for text, _ in counter.most_common():
        if text[:1].isupper() and not text.endswith(("'s", "’s")):
            return text.removeprefix("the ").removeprefix("The ")
    return counter.most_common(1)[0][0]


def _date(row: dict[str, object]) -> EventDate:
    value = row["date_value"]
    if not isinstance(value, dt.date):
        return EventDate()
    end = row["date_end"] if isinstance(row["date_end"], dt.date) else None
    return EventDate(value=value, precision=row["date_precision"],  # type: ignore[arg-type]
                     basis=row["date_basis"] or "text", end=end)  # type: ignore[arg-type]
