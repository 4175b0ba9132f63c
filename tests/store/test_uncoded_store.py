"""Uncoded participants in the store and its outputs: kept whole in the participant columns,
absent from the code arrays (so counts, dyads and merging read codes only), shown by their
text in every export and page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from polemos.cli.base import cli
from polemos.events.export import plover_record
from polemos.records import Participant
from polemos.store.model import EventFilter
from polemos.store.store import Store
from tests.store.test_read import event, result

CIVILIANS = Participant(None, "CVL", "<b>civilians</b>", 6, 15)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "x.duckdb")
    attack = replace(event("m", "d1", 0, "ARN", "GON", day=dt.date(2021, 6, 1)),
                     recipients=(CIVILIANS,))
    with Store.open(path) as store:
        store.add([result("d1", (attack,), title="t", url="https://example.org/1")])
        store.set_merged_ids({"m": "m"})
    return path


def test_an_uncoded_participant_survives_the_store_and_stays_out_of_the_code_arrays(
        db: str) -> None:
    with Store.open(db) as store:
        [record] = store.events(EventFilter())
        assert record.event.recipients == (CIVILIANS,)
        row = store.con.execute(
            "SELECT actor_codes, recipient_codes, mediator_codes FROM events").fetchone()
        assert row == (["ARN"], [], [])
        assert [e.recipients for e in store.events_for_merging()] == [()]
        assert store.count_events(EventFilter(recipient="CVL")) == 0


def run(*args: str) -> str:
    out = CliRunner().invoke(cli, ["events", *args])
    assert out.exit_code == 0, out.output
    return out.output


def test_csv_json_and_table_show_the_text_of_an_uncoded_participant(db: str) -> None:
    [row] = list(csv.DictReader(io.StringIO(run("--db", db, "--format", "csv"))))
    [recipient] = json.loads(row["recipients"])
    assert (recipient["code"], recipient["sector"], recipient["text"]) == (
        None, "CVL", "<b>civilians</b>")
    [line] = run("--db", db, "--format", "jsonl").splitlines()
    assert json.loads(line)["recipients"][0]["text"] == "<b>civilians</b>"
    assert "'<b>civilians</b>':CVL" in run("--db", db, "--format", "table")


def test_plover_export_leaves_out_a_participant_without_a_code(db: str) -> None:
    with Store.open(db) as store:
        reports = store.events(EventFilter())
    record = plover_record(reports, merged_id="m")
    assert [a["code"] for a in record["actor"]] == ["ARN"]
    assert record["recipient"] == []
