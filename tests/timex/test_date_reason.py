"""A date's reason is stored with events and sentences and shown by `polemos events --format jsonl`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from polemos.cli.base import cli
from polemos.records import Article, Event, EventDate, Participant, Result, Sentence
from polemos.store.store import Store
from polemos.timex import reasons

MONTH = EventDate(dt.date(2029, 12, 1), "month", "text", text="In December",
                  reason=reasons.bare_month(12, is_future=False))
WITHHELD = EventDate(reason=reasons.TOO_OLD_INHERITED)


def seeded(path: str) -> None:
    text = "In December, Arnor attacked Gondor. Gondor retaliated."
    sentences = (Sentence("d", 0, 0, 35, text[:35]), Sentence("d", 1, 36, len(text), text[36:]))
    parts = (Participant("ARN", None, "Arnor", 13, 18),)
    events = (Event("e1", "d", 0, "ASSAULT", "190", -10.0, 4, parts, date=MONTH),
              Event("e2", "d", 1, "ASSAULT", "190", -10.0, 4, parts, date=WITHHELD))
    result = Result(Article("d", text, published=dt.date(2030, 3, 13)), sentences,
                    events=events, sentence_dates=(MONTH, WITHHELD))
    with Store.open(path) as store:
        store.add([result])


def test_reasons_round_trip_through_the_store(tmp_path: Path) -> None:
    path = str(tmp_path / "r.duckdb")
    seeded(path)
    with Store.open(path, read_only=True) as store:
        dates = {e.event_id: e.date for e in store.event_reports()}
        rows = store._rows("SELECT idx, date_reason FROM sentences ORDER BY idx")
    assert dates == {"e1": MONTH, "e2": WITHHELD}
    assert [r["date_reason"] for r in rows] == [MONTH.reason, WITHHELD.reason]


def test_events_jsonl_shows_the_reason(tmp_path: Path) -> None:
    path = str(tmp_path / "r.duckdb")
    seeded(path)
    result = CliRunner().invoke(cli, ["events", "--db", path, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in map(json.loads, result.output.splitlines())}
    assert rows["e1"]["date_reason"] == MONTH.reason
    assert rows["e1"]["evidence"][0]["date_reason"] == MONTH.reason
    assert rows["e2"]["date"] is None and rows["e2"]["date_reason"] == WITHHELD.reason


def test_every_fixed_reason_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "data-model.md").read_text("utf-8")
    fixed = [v for k, v in vars(reasons).items() if k.isupper() and isinstance(v, str)]
    assert len(fixed) > 10
    assert [r for r in fixed if f"`{r}`" not in doc] == []
