"""Cross-document merging inside DuckDB: only the events that could merge are read.

New reports are the events whose ``merged_id`` is NULL (just stored, or stored by a run
that was stopped before it could merge). Their bucket keys (type or CAMEO root, flags,
actor code: see ``polemos.events.merge``) are joined with the keys of every stored event
whose period overlaps, so the work grows with the new reports and their neighbours, not
with the store. When most of the store is new (a first ingest, ``polemos load``), one
sweep over every bucket in SQL is cheaper than the join and gives the same clusters.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import suppress

import duckdb

from polemos.events.merge import close_links

logger = logging.getLogger(__name__)

FULL_SHARE = 0.25  # above this share of new reports, sweep the whole store instead of joining

# One row per (event, bucket key) for dated events; ``node`` is what a link points at:
# the stored cluster's merged id, or the event itself while it is new. Mirrors
# events.merge._keys and events.merge.period.
_KEYED = """
WITH dated AS (
    SELECT event_id, merged_id,
        [type, substr(cameo, 1, 2)] AS kinds,
        CASE WHEN len(coalesce(actor_codes, [])) > 0 THEN actor_codes
             ELSE list_transform(coalesce(recipient_codes, []), lambda c: '→' || c) END AS codes,
        coalesce(is_negated, false)::INT::VARCHAR || coalesce(is_hypothetical, false)::INT::VARCHAR
            || coalesce(is_attempted, false)::INT::VARCHAR AS flags,
        date_value AS first_day,
        CASE WHEN date_end IS NOT NULL THEN greatest(date_value, date_end)
             WHEN date_precision = 'month' THEN last_day(date_value)
             WHEN date_precision = 'year' THEN make_date(year(date_value), 12, 31)
             WHEN date_precision = 'decade' THEN make_date(year(date_value) + 9, 12, 31)
             ELSE date_value END AS last_day
    FROM events WHERE date_value IS NOT NULL
), by_kind AS (
    SELECT * EXCLUDE (kinds), unnest(kinds) AS kind FROM dated
)
SELECT event_id, merged_id IS NULL AS is_new, coalesce(merged_id, event_id) AS node,
    kind, flags, unnest(codes) AS code, first_day, last_day
FROM by_kind
"""

# New reports against every overlapping report of the same bucket.
_LINKS = f"""
WITH keyed AS ({_KEYED}),
fresh AS (SELECT * FROM keyed WHERE is_new)
SELECT DISTINCT f.event_id, k.node
FROM fresh f JOIN keyed k
  ON k.kind = f.kind AND k.flags = f.flags AND k.code = f.code
 AND k.first_day <= f.last_day AND f.first_day <= k.last_day AND k.event_id <> f.event_id
"""

# Every bucket swept in order of first day: a report starts a new run when it begins after
# the latest last day of the reports before it; each report links to its run's first one.
_RUNS = f"""
WITH keyed AS ({_KEYED}),
reach AS (
    SELECT *, max(last_day) OVER (PARTITION BY kind, flags, code ORDER BY first_day, last_day,
        event_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
    FROM keyed
), runs AS (
    SELECT *, sum(CASE WHEN reach IS NULL OR first_day > reach THEN 1 ELSE 0 END)
        OVER (PARTITION BY kind, flags, code ORDER BY first_day, last_day, event_id
              ROWS UNBOUNDED PRECEDING) AS run
    FROM reach
), anchored AS (
    SELECT event_id, first(event_id) OVER (PARTITION BY kind, flags, code, run
        ORDER BY first_day, last_day, event_id) AS anchor
    FROM runs
)
SELECT DISTINCT event_id, anchor FROM anchored WHERE anchor <> event_id
"""


def merge_new_events(con: duckdb.DuckDBPyConnection) -> int:
    """Give every event whose merged id is NULL its merged id; returns how many were new.

    Clusters already stored that a new report joins are renamed to the smallest id of the
    joined cluster, in the same transaction, so the store never holds a half merge.
    """
    n_new, n_all = _counts(con)
    if n_new == 0:
        return 0
    if n_new > FULL_SHARE * n_all:
        rows = con.execute(_RUNS).fetchall()
        mapping = close_links(_all_ids(con), rows)
        _write(con, mapping, renamed={})
    else:
        new_ids = [r[0] for r in con.execute("SELECT event_id FROM events WHERE merged_id IS NULL")
                   .fetchall()]
        mapping = close_links(new_ids, con.execute(_LINKS).fetchall())
        fresh = set(new_ids)
        renamed = {k: v for k, v in mapping.items() if k not in fresh and k != v}
        _write(con, {k: v for k, v in mapping.items() if k in fresh}, renamed=renamed)
    logger.debug("merged %d new of %d events", n_new, n_all)
    return n_new


def _counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    # fetchall: a result left unfinished would block the caller's next query on ``con``
    [(n_new, n_all)] = con.execute(
        "SELECT count(*) FILTER (WHERE merged_id IS NULL), count(*) FROM events"
    ).fetchall()
    return n_new, n_all


def _all_ids(con: duckdb.DuckDBPyConnection) -> Iterator[str]:
    for (event_id,) in con.execute("SELECT event_id FROM events").fetchall():
        yield event_id


def _write(
    con: duckdb.DuckDBPyConnection, assigned: dict[str, str], *, renamed: dict[str, str]
) -> None:
    """Set the merged ids of ``assigned`` events and rename the ``renamed`` clusters."""
    con.execute("BEGIN TRANSACTION")
    try:
        _update(con, assigned, "event_id")
        _update(con, renamed, "merged_id")
        con.execute("COMMIT")
    except BaseException:
        with suppress(duckdb.Error):  # a failed rollback must not hide the first error
            con.execute("ROLLBACK")
        raise


def _update(con: duckdb.DuckDBPyConnection, mapping: dict[str, str], column: str) -> None:
    if not mapping:
        return
    import pyarrow as pa  # here: opening a store to read it needs no Arrow

    table = pa.table({"key": list(mapping), "merged": list(mapping.values())})
    con.register("_merge_map", table)
    try:
        con.execute(
            f"UPDATE events SET merged_id = m.merged FROM _merge_map m "
            f"WHERE events.{column} = m.key"
        )
    finally:
        con.unregister("_merge_map")
