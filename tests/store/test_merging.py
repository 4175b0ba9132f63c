"""Merging in the store: only new reports and their neighbours, the same clusters as a
merge of everything, and a merge left undone by a stopped run is finished later."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from polemos.events.merge import close_links, merge_events
from polemos.records import Article, Event, EventDate, Participant, Result, Sentence
from polemos.store import merging
from polemos.store.store import Store

CODES = ("ARN", "GON", "ROH")
PRECISIONS = ("day", "day", "month", "year", "decade")


def random_event(rng: random.Random, doc_id: str, n: int) -> Event:
    value = dt.date(2030, 1, 1) + dt.timedelta(days=rng.randrange(0, 400))
    precision = rng.choice(PRECISIONS)
    end = value + dt.timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.1 else None
    date = EventDate() if rng.random() < 0.1 else EventDate(value, precision, "text", end=end)
    actors = tuple(Participant(c, None, c, 0, 1) for c in rng.sample(CODES, rng.randrange(0, 3)))
    recipients = (Participant(rng.choice(CODES), None, "x", 0, 1),)
    type_, cameo = rng.choice((("ASSAULT", "190"), ("ASSAULT", "193"), ("AID", "070"),
                               ("CONSULT", "190")))
    return Event(f"{doc_id}-{n:02d}", doc_id, 0, type_, cameo, 0.0, 4, actors, recipients,
                 date=date, is_negated=rng.random() < 0.15)


def document(rng: random.Random, doc_id: str, n_events: int) -> Result:
    article = Article(doc_id, "Arnor met Gondor.")
    events = tuple(random_event(rng, doc_id, n) for n in range(n_events))
    return Result(article, (Sentence(doc_id, 0, 0, 17, "Arnor met Gondor."),), events=events)


def stored_mapping(store: Store) -> dict[str, str]:
    return {r["event_id"]: r["merged_id"] for r in store._rows("SELECT event_id, merged_id FROM events")}


@pytest.mark.parametrize("seed", range(6))
def test_incremental_merges_equal_one_merge_of_everything(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    docs = [document(rng, f"d{n:02d}", rng.randrange(1, 12)) for n in range(30)]
    for doc in docs:  # one document per ingest: the join path after the first few
        store.add([doc])
        store.merge_new_events()
    everything = [e for doc in docs for e in doc.events]
    assert stored_mapping(store) == merge_events(everything)


def test_a_whole_store_sweep_equals_the_merge_in_python(store: Store) -> None:
    rng = random.Random(7)
    docs = [document(rng, f"d{n:02d}", 10) for n in range(40)]
    store.add(docs)
    assert store.merge_new_events() == 400
    assert stored_mapping(store) == merge_events([e for doc in docs for e in doc.events])


def test_a_merge_left_undone_is_finished_by_the_next_call(store: Store) -> None:
    rng = random.Random(3)
    docs = [document(rng, f"d{n:02d}", 8) for n in range(10)]
    store.add(docs[:5])
    store.merge_new_events()
    store.add(docs[5:])  # as if the run was killed between storing and merging
    assert store._rows("SELECT count(*) AS n FROM events WHERE merged_id IS NULL")[0]["n"] == 40
    assert store.merge_new_events() == 40
    assert store.merge_new_events() == 0
    assert stored_mapping(store) == merge_events([e for doc in docs for e in doc.events])


def test_a_new_report_bridging_two_stored_clusters_renames_the_later_one(store: Store) -> None:
    def event(event_id: str, day: int, precision: str = "day") -> Event:
        arnor = (Participant("ARN", None, "Arnor", 0, 5),)
        date = EventDate(dt.date(2030, 4, day), precision, "text")  # type: ignore[arg-type]
        return Event(event_id, event_id[0], 0, "ASSAULT", "190", -10.0, 4, arnor, date=date)

    def doc(doc_id: str, *events: Event) -> Result:
        return Result(Article(doc_id, "x"), (), events=events)

    store.add([doc("a", event("a1", 2)), doc("b", event("b1", 20))])
    store.merge_new_events()
    assert stored_mapping(store) == {"a1": "a1", "b1": "b1"}
    store.add([doc("c", event("c1", 1, "month"))])  # April 2030 overlaps both days
    store.merge_new_events()
    assert stored_mapping(store) == {"a1": "a1", "b1": "a1", "c1": "a1"}


def test_only_the_join_runs_when_few_reports_are_new(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    store.add([document(rng, f"d{n:02d}", 10) for n in range(20)])
    store.merge_new_events()
    monkeypatch.setattr(merging, "_RUNS", "SELECT error('the whole-store sweep ran')")
    store.add([document(rng, "new", 5)])
    assert store.merge_new_events() == 5


def test_close_links_keeps_the_smallest_id_of_each_cluster() -> None:
    mapping = close_links(["n2", "n1"], [("n2", "c5"), ("n1", "b0"), ("n2", "n1")])
    assert mapping == {"n1": "b0", "n2": "b0", "c5": "b0", "b0": "b0"}
