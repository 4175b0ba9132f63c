"""`polemos events`: merged rows, flag filtering and the export formats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from polemos.cli.base import cli
from polemos.events import merge_events
from polemos.records import Article, Result, Sentence
from polemos.store.store import Store
from tests.events.test_merge import report


def seeded_db(tmp_path: Path) -> str:
    path = str(tmp_path / "e.duckdb")
    text = "Arnor attacked Gondor."
    article = Article("d", text)
    events = (report("a"), report("b"), report("c", negated=True, actors=("HAR",)))
    with Store.open(path) as store:
        store.add([Result(article, (Sentence("d", 0, 0, len(text), text),), events=events)])
        store.set_merged_ids(merge_events(store.event_reports()))
    return path


def test_one_row_per_merged_event_flagged_left_out(tmp_path: Path) -> None:
    db = seeded_db(tmp_path)
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["id"], r["n_reports"]) for r in rows] == [("a", 2)]
    assert {e["event_id"] for e in rows[0]["evidence"]} == {"a", "b"}


def test_include_flagged_and_filters(tmp_path: Path) -> None:
    db = seeded_db(tmp_path)
    runner = CliRunner()
    flagged = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--include-flagged"])
    assert flagged.output.count("\n") == 3  # header + 2 merged events
    only = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--actor", "GON"])
    assert only.output.strip() == ""
    none = runner.invoke(cli, ["events", "--db", db, "--format", "csv", "--since", "2031"])
    assert none.output.strip() == ""


def test_plover_and_parquet_exports(tmp_path: Path) -> None:
    db = seeded_db(tmp_path)
    out = tmp_path / "ev.jsonl"
    result = CliRunner().invoke(cli, ["events", "--db", db, "--format", "plover", "-o", str(out)])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["event"] == "ASSAULT" and record["date"] == "2030-04-02"
    assert record["n_reports"] == 2 and len(record["text_info"]) == 2
    bad = CliRunner().invoke(cli, ["events", "--db", db, "--format", "parquet"])
    assert bad.exit_code == 2 and "-o" in bad.output
