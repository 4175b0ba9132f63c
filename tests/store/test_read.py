"""The typed read API: filters, merging, paging, counts and converters, on a hand-made store."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from collections.abc import Iterator

import pytest

from polemos.errors import QueryError
from polemos.records import Article, Claim, Event, EventDate, Mention, Participant, Result, Sentence
from polemos.store.convert import date_from_row
from polemos.store.model import EventFilter
from polemos.store.store import Store

TEXT = "Arnor met Gondor. Gondor attacked Mordor. Arnor did not attack Mordor."


def part(code: str, sector: str | None = None) -> Participant:
    return Participant(code, sector, code, 0, 5)


def event(event_id: str, doc_id: str, sentence: int, actor: str, recipient: str, *,
          type_: str = "ASSAULT", cameo: str = "190", day: dt.date | None = None,
          confidence: float = 0.9, negated: bool = False, sector: str | None = None) -> Event:
    start = (0, 18, 42)[sentence]
    return Event(
        event_id, doc_id, sentence, type_, cameo, -10.0 if cameo == "190" else 1.0,
        4 if cameo == "190" else 1, (part(actor, sector),), (part(recipient),),
        trigger="met", trigger_start=start + 6, trigger_end=start + 9,
        date=EventDate(day, "day", "text") if day else EventDate(), is_negated=negated,
        sentence_text=TEXT.split(". ")[sentence], sentence_start=start,
        sentence_end=start + 16, pattern="p.v1", coder="rules.v1", confidence=confidence)


def result(doc_id: str, events: tuple[Event, ...], *, title: str, url: str | None = None
           ) -> Result:
    sentences = tuple(Sentence(doc_id, i, s, e, TEXT[s:e])
                      for i, (s, e) in enumerate(((0, 16), (18, 40), (42, 70))))
    mentions = (Mention(doc_id, 0, 0, 5, "Arnor", "ARN", "GOV", kind="state", rule="kb"),
                Mention(doc_id, 1, 18, 24, "Gondor", "GON", kind="state", rule="kb"),
                Mention(doc_id, 1, 34, 40, "Mordor", "MOR", kind="state", rule="kb"))
    claims = (Claim(f"{doc_id}-c", doc_id, 0, "stance", "ARN", TEXT[:16], 0, 16, ("GON",),
                    0.5),)
    dates = (EventDate(dt.date(2020, 5, 1), "month", "text"), EventDate(), EventDate())
    article = Article(doc_id, TEXT, title=title, url=url, published=dt.date(2020, 5, 2),
                      source=f"{doc_id}.txt")
    return Result(article, sentences, mentions, events, claims, dates)


@pytest.fixture
def store() -> Iterator[Store]:
    may, june = dt.date(2020, 5, 3), dt.date(2021, 6, 1)
    with Store.open(":memory:") as s:
        s.add([
            result("d1", (event("a", "d1", 1, "GON", "MOR", day=may, confidence=0.6),
                          event("n", "d1", 2, "ARN", "MOR", negated=True, day=may),
                          event("m", "d1", 0, "ARN", "GON", type_="CONSULT", cameo="040",
                                day=june, sector="GOV")),
                   title="=cmd|' /C calc'!A0", url="https://example.org/1"),
            result("d2", (event("b", "d2", 1, "GON", "MOR", day=may, confidence=0.95),
                          event("u", "d2", 0, "ARN", "GON", type_="CONSULT", cameo="043")),
                   title="Second"),
        ])
        s.set_merged_ids({"a": "a", "b": "a", "n": "n", "m": "m", "u": "u"})
        yield s


def test_merged_events_carry_the_surest_report_and_its_document(store: Store) -> None:
    [first, *rest] = store.events(EventFilter())
    assert (first.merged_id, first.event.event_id, first.n_reports) == ("a", "b", 2)
    assert first.title == "Second" and first.published == dt.date(2020, 5, 2)
    assert [r.merged_id for r in rest] == ["m", "u"]  # dated first, undated last
    assert store.count_events(EventFilter()) == 3


def test_every_report_and_the_flag_modes(store: Store) -> None:
    reports = store.events(EventFilter(merged=False, flags="include"))
    assert sorted(r.event.event_id for r in reports) == ["a", "b", "m", "n", "u"]
    assert [r.event.event_id for r in store.events(EventFilter(flags="only"))] == ["n"]
    assert store.events(EventFilter(flags="only"))[0].flags == ("negated",)


@pytest.mark.parametrize("query,ids", [
    (EventFilter(actor="arn"), ["m", "u"]),
    (EventFilter(recipient="MOR"), ["a"]),
    (EventFilter(involving="GON"), ["a", "m", "u"]),
    (EventFilter(type="consult"), ["m", "u"]),
    (EventFilter(cameo="04"), ["m", "u"]),
    (EventFilter(cameo="040"), ["m"]),
    (EventFilter(since=2021), ["m"]),
    (EventFilter(until=2020), ["a"]),
    (EventFilter(since=dt.date(2020, 5, 4), until=dt.date(2021, 12, 31)), ["m"]),
    (EventFilter(doc_ids=("d2",)), ["a", "u"]),
    (EventFilter(text="MET GONDOR"), ["m", "u"]),
    (EventFilter(order="newest"), ["m", "a", "u"]),
    (EventFilter(limit=1, offset=1), ["m"]),
])
def test_filters_run_in_duckdb(store: Store, query: EventFilter, ids: list[str]) -> None:
    assert [r.merged_id for r in store.events(query)] == ids
    assert store.count_events(query) == len(store.events(EventFilter(
        **{**{f: getattr(query, f) for f in query.__slots__}, "limit": None, "offset": 0})))


def test_export_table_leads_back_to_the_source(store: Store) -> None:
    table = store.events_table(EventFilter(actor="ARN", flags="include", merged=False))
    row = {r["event_id"]: r for r in table.to_pylist()}["m"]
    assert row["doc_id"] == "d1" and row["url"] == "https://example.org/1"
    assert row["published"] == dt.date(2020, 5, 2) and row["date"] == dt.date(2021, 6, 1)
    assert (row["date_precision"], row["date_basis"]) == ("day", "text")
    assert (row["sentence"], row["trigger_start"], row["trigger_end"]) == (0, 6, 9)
    assert row["actors"][0]["code"] == "ARN" and row["actors"][0]["sector"] == "GOV"
    assert row["actor_codes"] == ["ARN"] and row["flags"] == [] and row["pattern"] == "p.v1"
    assert {r["event_id"]: r["flags"] for r in table.to_pylist()}["n"] == ["negated"]
    assert str(table.schema.field("date").type) == "date32[day]"


def test_reports_of_a_merged_event(store: Store) -> None:
    groups = store.reports_of(["a"])
    assert [r.event.event_id for r in groups["a"]] == ["b", "a"]
    assert {r.n_reports for r in groups["a"]} == {2}


def test_counts_by_type_period_and_dyad(store: Store) -> None:
    by_type = {c.key: (c.n_events, c.n_reports, c.n_flagged) for c in store.event_counts("type")}
    assert by_type == {"ASSAULT": (1, 3, 1), "CONSULT": (2, 2, 0)}
    assert [(c.key, c.n_reports) for c in store.event_counts("month")] == [("2020-05", 3),
                                                                            ("2021-06", 1)]
    assert [c.key for c in store.event_counts("year")] == ["2020", "2021"]
    dyads = {(d.actor, d.recipient): d.n_events for d in store.dyad_counts()}
    assert dyads == {("ARN", "GON"): 2, ("GON", "MOR"): 1}
    with pytest.raises(QueryError, match="cannot count events by 'colour'"):
        store.event_counts("colour")


def test_stats(store: Store) -> None:
    stats = store.stats()
    assert (stats.n_documents, stats.n_sentences, stats.n_events, stats.n_reports) == (2, 6, 4, 5)
    assert (stats.n_flagged, stats.n_undated, stats.n_claims) == (1, 1, 2)
    assert (stats.first, stats.last) == (dt.date(2020, 5, 3), dt.date(2021, 6, 1))


def test_documents_sentences_and_prefixes(store: Store) -> None:
    docs = store.documents(count_events=True)
    assert [(d.doc_id, d.n_events, d.text) for d in docs] == [("d1", 3, None), ("d2", 2, None)]
    assert store.documents(search="second")[0].doc_id == "d2"
    assert store.count_documents(search="nothing like it") == 0
    assert store.find_document("D2").text == TEXT
    with pytest.raises(QueryError, match="fits several"):
        store.find_document("d")
    with pytest.raises(QueryError, match="polemos docs"):
        store.find_document("zz")
    with pytest.raises(QueryError, match="unknown document order"):
        store.documents(order="size")
    [first, *_] = store.sentences(["d1"])
    assert (first.start, first.end, first.text) == (0, 16, "Arnor met Gondor")
    assert first.date == EventDate(dt.date(2020, 5, 1), "month", "text")
    assert [s.index for s in store.sentences(["d1"], indexes=[2])] == [2]


def test_mentions_actors_names_and_claims(store: Store) -> None:
    assert [m.code for m in store.mentions(doc_prefix="d2")] == ["ARN", "GON", "MOR"]
    assert [m.doc_id for m in store.mentions(codes=["MOR"])] == ["d1", "d2"]
    [arnor] = store.actor_counts(codes=["ARN"])
    assert (arnor.sector, arnor.n_mentions, arnor.n_documents) == ("GOV", 2, 2)
    assert store.mention_names(["GON", "XXX"]) == {"GON": "Gondor"}
    assert [c.claim_id for c in store.claims(doc_ids=["d2"])] == ["d2-c"]
    assert store.claims(holder="GON") == []


def test_one_rule_for_missing_date_bases() -> None:
    day = dt.date(2020, 1, 1)
    assert date_from_row({"date_value": day}).basis == "text"
    assert date_from_row({"date_value": None}) == EventDate()
    assert date_from_row({"x_value": day, "x_basis": "publication"}, "x_").basis == "publication"


def test_ranking_aggregates(store: Store) -> None:
    [hit, *_] = store.mention_sentences(["GON"])
    assert (hit.doc_id, hit.code, hit.sentences) == ("d1", "GON", (1,))
    assert store.matching_sentences("(?i)attack") == {"d1": [1, 2], "d2": [1, 2]}
    assert store.matching_titles("^Sec") == ["d2"]
    assert store.pattern_counts({"met": "met"})["d1"] == {"met": 1}
    assert [(t.code, t.text, t.n) for t in store.mention_texts(["MOR"])] == [("MOR", "Mordor", 2)]
    assert [t.code for t in store.codes_named(["gondor"])] == ["GON"]
    dyads = {(d.doc_id, d.source_code, d.target_code): d.n for d in store.conflict_dyads()}
    assert dyads == {("d1", "GON", "MOR"): 1, ("d2", "GON", "MOR"): 1}


@pytest.mark.parametrize("query", [EventFilter(), EventFilter(actor="GON"),
                                   EventFilter(order="newest", limit=2),
                                   EventFilter(merged=False, flags="include", offset=1)])
def test_records_and_table_agree_row_for_row(store: Store, query: EventFilter) -> None:
    records = store.events(query)
    rows = store.events_table(query).to_pylist()
    assert [(r["event_id"], r["merged_id"], r["n_reports"]) for r in rows] == [
        (r.event.event_id, r.merged_id, r.n_reports) for r in records]


def test_copies_of_one_story_rank_once(store: Store) -> None:
    # d3 republishes d1's story (same title, date and number of sentences) with a new byline
    copy = result("d3", (), title="=cmd|' /C calc'!A0")
    store.add([replace(copy, article=replace(copy.article, text=TEXT + " (Wire)"))])
    assert [hit.doc_id for hit in store.mention_sentences(["GON"]) if hit.code == "GON"] == [
        "d1", "d2"]
    assert store.matching_titles("calc") == ["d1"]
    assert store.copies(["d1", "d2"]) == {"d1": 2, "d2": 1}
    assert store.mention_sentences([]) == [] and store.copies([]) == {}


def test_untitled_documents_are_each_their_own_story() -> None:
    with Store.open(":memory:") as s:
        s.add([result("u1", (), title=""), result("u2", (), title="")])
        assert {hit.doc_id for hit in s.mention_sentences(["GON"])} == {"u1", "u2"}


def test_reads_of_the_positions_layer(store: Store) -> None:
    assert [(c.doc_id, c.text, c.after) for c in store.mention_contexts(["MOR"], ["d2"], width=9)
            ] == [("d2", "Mordor", ". Arnor d")]
    assert store.mention_contexts(["MOR"], []) == []
    assert store.mentioned_codes(["GON", "XXX"]) == {"GON"}
    assert store.document_ids_matching("SECOND") == ("d2",)
    assert [e.event_id for e in store.event_reports(["d2"])] == ["b", "u"]
    assert {e.event_id for e in store.event_reports()} == {"a", "b", "m", "n", "u"}
    [words] = store.mention_texts(["ARN"], per_code=1, by_sector=False)
    assert (words.code, words.sector, words.text, words.n) == ("ARN", None, "Arnor", 2)
    assert [h.code for h in store.top_mentioned(["d1"], per_doc=1)] == ["ARN"]  # ties: by code


def test_conflict_dyads_pair_every_actor_with_every_recipient() -> None:
    two = replace(event("x", "d9", 1, "GON", "MOR"), actors=(part("GON"), part("ROH")),
                  recipients=(part("MOR"), part("ISE")))
    with Store.open(":memory:") as s:
        s.add([result("d9", (two,), title="T")])
        assert {(d.source_code, d.target_code) for d in s.conflict_dyads(["d9"])} == {
            ("GON", "MOR"), ("GON", "ISE"), ("ROH", "MOR"), ("ROH", "ISE")}
        assert s.conflict_dyads(["elsewhere"]) == []
