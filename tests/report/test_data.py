"""Scope, aggregation and overview on a seeded fictional store."""

from __future__ import annotations

import datetime as dt

import pytest
from report_seed import NAMES, WAR

from polemos.errors import QueryError
from polemos.records import EventDate
from polemos.report.data import (
    date_span,
    infer_parties,
    merged_events,
    outside_actors,
    overview,
    period_of,
    periods_between,
    report_events,
)
from polemos.report.scope import resolve_scope
from polemos.report.sections import goldstein_series, network_parts
from polemos.store.store import Store


@pytest.mark.parametrize(
    ("date", "span"),
    [
        (EventDate(dt.date(2020, 9, 27), "day"), (dt.date(2020, 9, 27), dt.date(2020, 9, 28))),
        (EventDate(dt.date(2020, 12, 1), "month"), (dt.date(2020, 12, 1), dt.date(2021, 1, 1))),
        (EventDate(dt.date(2016, 1, 1), "year"), (dt.date(2016, 1, 1), dt.date(2017, 1, 1))),
        (EventDate(dt.date(1990, 1, 1), "decade"), (dt.date(1990, 1, 1), dt.date(2000, 1, 1))),
        (
            EventDate(dt.date(2020, 10, 9), "day", end=dt.date(2020, 10, 10)),
            (dt.date(2020, 10, 9), dt.date(2020, 10, 11)),
        ),
    ],
)
def test_date_span_covers_the_precision(date: EventDate, span: tuple[dt.date, dt.date]) -> None:
    assert date_span(date) == span


def test_periods() -> None:
    assert period_of(EventDate(dt.date(2020, 8, 1), "month"), "quarter") == "2020-Q3"
    assert period_of(EventDate(dt.date(2020, 1, 1), "year"), "quarter") is None
    assert period_of(EventDate(dt.date(1990, 1, 1), "decade"), "year") is None
    assert periods_between("2019-Q4", "2020-Q2", "quarter") == ["2019-Q4", "2020-Q1", "2020-Q2"]
    assert periods_between("2017", "2019", "year") == ["2017", "2018", "2019"]


def test_defined_conflict_keeps_its_documents_and_parties(war_store: Store) -> None:
    scope = resolve_scope(war_store, "ring war", conflicts=WAR)
    assert (scope.name, scope.parties, scope.document_filter) == (
        "War of the Ring",
        ("GON", "MOR"),
        ("war1",),
    )


def test_undefined_conflict_filters_documents_by_name(war_store: Store) -> None:
    scope = resolve_scope(war_store, "northern pact", conflicts=WAR)
    assert scope.document_filter == ("trade1",) and scope.parties == ()
    assert "No definition" in scope.note


def test_unknown_conflict_names_the_fix(war_store: Store) -> None:
    with pytest.raises(QueryError, match="no stored document contains that name.*War of the Ring"):
        resolve_scope(war_store, "War of Wrath", conflicts=WAR)


def test_whole_corpus_scope(war_store: Store) -> None:
    scope = resolve_scope(war_store, None, conflicts=WAR)
    assert scope.document_filter is None and report_events(war_store, scope, limit=3)[1] == 8


def test_event_list_is_the_first_reports_with_the_total(war_store: Store) -> None:
    scope = resolve_scope(war_store, None, conflicts=WAR)
    first, total = report_events(war_store, scope, limit=3)
    every, _ = report_events(war_store, scope, limit=100)
    assert total == len(every) == 8 and first == every[:3]
    assert [e.date.value for e in every if e.date.value] == sorted(
        e.date.value for e in every if e.date.value)


def test_flagged_and_merged_reports_are_counted_once(war_store: Store) -> None:
    war_store.set_merged_ids({"war1-0": "m1", "war1-1": "m1"})
    with war_store.scoped_events() as digest:
        totals = digest.totals()
        keys, n_dated = digest.top_keys(limit=100)
    assert (totals.n_reports, totals.n_flagged, totals.n_events) == (8, 1, 6)
    assert "m1" in keys and "war1-5" not in keys  # one merged event; the negated one left out


def test_merged_reports_pool_their_participants_and_best_date(war_store: Store) -> None:
    war_store.set_merged_ids({"war1-2": "m2", "war1-3": "m2"})  # year-dated and day-dated
    with war_store.scoped_events() as digest:
        [merged] = merged_events(digest, ["m2"])
        dates = digest.dates()
    assert set(merged.recipients) == {"GON", "MOR"}
    assert (merged.date.value, merged.date.precision) == (dt.date(3018, 6, 10), "day")
    assert (dt.date(3018, 6, 10), "day") in {(d.value, d.precision) for d in dates}


def test_parties_are_inferred_from_conflict_intensity(war_store: Store) -> None:
    with war_store.scoped_events() as digest:
        assert infer_parties(digest)[0] == ("GON", "MOR")


def test_outside_actors_exclude_parties_and_unrelated_actors(war_store: Store) -> None:
    scope = resolve_scope(war_store, "War of the Ring", conflicts=WAR)
    with war_store.scoped_events(scope.document_filter) as digest:
        assert outside_actors(digest, ("GON", "MOR")) == ["ARN", "ROH"]


def test_overview_counts(war_store: Store) -> None:
    scope = resolve_scope(war_store, "War of the Ring", conflicts=WAR)
    with war_store.scoped_events(scope.document_filter) as digest:
        summary = overview(war_store, scope, digest)
    assert (summary.n_documents, summary.n_reports, summary.n_events, summary.n_flagged) == (
        1,
        7,
        6,
        1,
    )
    assert (summary.first, summary.last, summary.n_undated) == ("3017-01-01", "3019-03-15", 1)
    assert dict(summary.by_type)["ASSAULT"] == 1  # the negated assault is not counted
    assert [d.n_events for d in summary.documents] == [6]


def test_overview_lists_the_first_documents_and_counts_all(war_store: Store) -> None:
    scope = resolve_scope(war_store, None, conflicts=WAR)
    with war_store.scoped_events() as digest:
        summary = overview(war_store, scope, digest, n_documents=1)
    assert summary.n_documents == 2 and len(summary.documents) == 1
    assert summary.n_sentences == sum(
        d.n_sentences for d in war_store.documents())


def test_series_sum_goldstein_per_year(war_store: Store) -> None:
    scope = resolve_scope(war_store, "War of the Ring", conflicts=WAR)
    with war_store.scoped_events(scope.document_filter) as digest:
        series, periods, left_out, far = goldstein_series(digest, ["GON", "ROH"],
                                                          ("GON", "MOR"), NAMES)
    assert periods == ["3017", "3018", "3019"]
    gondor, rohan = series
    assert gondor.coop == (0.0, 1.0, 7.0) and gondor.conflict == (0.0, 0.0, -10.0)
    assert rohan.coop == (0.0, 0.0, 7.0) and rohan.conflict == (-6.0, 0.0, 0.0)
    assert gondor.is_party and not rohan.is_party and left_out == 0 and far == ""


def test_network_edges_weight_and_tone(war_store: Store) -> None:
    with war_store.scoped_events() as digest:
        nodes, edges = network_parts(digest.pairs(), ("GON", "MOR"), NAMES)
    assert [n.code for n in nodes][:2] == ["GON", "MOR"]
    by_pair = {(e.a, e.b): e for e in edges}
    assert by_pair[("GON", "MOR")].mean_goldstein == -10.0
    assert by_pair[("ARN", "SHI")].n_events == 2


def test_scoped_events_are_private_to_their_cursor(war_store: Store) -> None:
    with war_store.scoped_events() as one, war_store.scoped_events(("trade1",)) as two:
        assert one.totals().n_events == 7 and two.totals().n_reports == 1
        assert one.table != two.table
    assert not war_store.con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall()[0][0]


def _reference(store: Store) -> list:  # type: ignore[type-arg]
    """Every merged event combined in Python from all the reports: what the SQL must match."""
    from polemos.report.data import distinct

    scope = resolve_scope(store, None, conflicts=WAR)
    return distinct(report_events(store, scope, limit=1000)[0])


def test_counts_in_duckdb_match_the_reports_combined_in_python(war_store: Store) -> None:
    war_store.set_merged_ids({"war1-2": "m2", "war1-3": "m2", "war1-0": "m1", "war1-1": "m1"})
    events = _reference(war_store)
    pairs: dict[tuple[str, str], list[float]] = {}
    for e in events:
        for pair in {(min(a, b), max(a, b)) for a in e.actors for b in e.recipients if a != b}:
            pairs.setdefault(pair, []).append(e.goldstein)
    with war_store.scoped_events() as digest:
        assert {(p.a, p.b): (p.n, p.weight) for p in digest.pairs()} == {
            k: (len(v), sum(v)) for k, v in pairs.items()}
        assert {c.key: c.n for c in digest.counts("type")} == {
            t: sum(e.type == t for e in events) for t in {e.type for e in events}}
        assert {c.key: c.n for c in digest.code_counts()} == {
            code: sum(code in e.codes for e in events) for e in events for code in e.codes}
        assert sum(d.n for d in digest.dates()) == len(events)
        merged = merged_events(digest, sorted(e.key for e in events))
    assert {e.key: (set(e.codes), e.date, e.type) for e in merged} == {
        e.key: (set(e.codes), e.date, e.type) for e in events}


def test_a_merged_event_lists_its_first_reports_participants_first(war_store: Store) -> None:
    war_store.set_merged_ids({"war1-2": "m2", "war1-3": "m2"})
    [reference] = [e for e in _reference(war_store) if e.key == "m2"]
    with war_store.scoped_events() as digest:
        [merged] = merged_events(digest, ["m2"])
    assert merged.event_id == reference.event_id  # the first report in date order
    assert merged.recipients[0] == reference.recipients[0]
