"""`polemos events` exports: every format leads back to the source, -o works for each, and
CSV cells cannot start a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from polemos.cli.base import cli
from polemos.store.store import Store
from tests.store.test_read import event, result

FIELDS = ("doc_id", "url", "title", "published", "sentence", "sentence_start", "sentence_end",
          "trigger_start", "trigger_end", "date", "date_precision", "date_basis", "date_reason", "actors",
          "recipients", "flags", "pattern")


@pytest.fixture
def db(tmp_path: Path) -> str:
    import datetime as dt

    path = str(tmp_path / "x.duckdb")
    with Store.open(path) as store:
        store.add([result("d1", (event("m", "d1", 0, "ARN", "GON", type_="CONSULT", cameo="040",
                                       day=dt.date(2021, 6, 1), sector="GOV"),),
                          title="=cmd|' /C calc'!A0", url="https://example.org/1")])
        store.set_merged_ids({"m": "m"})
    return path


def run(*args: str) -> str:
    out = CliRunner().invoke(cli, ["events", *args])
    assert out.exit_code == 0, out.output
    return out.output


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl", "plover", "parquet"])
def test_every_format_writes_to_a_file(db: str, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{fmt}"
    run("--db", db, "--format", fmt, "-o", str(path))
    assert path.stat().st_size > 100
    if fmt == "table":
        assert "d1:0 @6-9 p.v1" in path.read_text() and "ARN:GOV" in path.read_text()


def test_csv_and_parquet_lead_back_to_the_sentence(db: str, tmp_path: Path) -> None:
    [row] = list(csv.DictReader(io.StringIO(run("--db", db, "--format", "csv"))))
    assert set(FIELDS) <= set(row)
    assert row["title"].startswith("'=cmd")  # neutralised
    assert row["date"] == "2021-06-01" and row["date_precision"] == "day"
    assert json.loads(row["actors"])[0] == {"code": "ARN", "sector": "GOV", "person": None,
                                            "text": "ARN", "start": 0, "end": 5}
    assert (row["sentence_start"], row["trigger_start"], row["trigger_end"]) == ("0", "6", "9")
    path = tmp_path / "e.parquet"
    run("--db", db, "--format", "parquet", "-o", str(path))
    table = pq.read_table(path)
    assert set(FIELDS) <= set(table.column_names)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert table.to_pylist()[0]["actors"][0]["sector"] == "GOV"


def test_jsonl_and_plover_carry_every_report_with_its_document(db: str) -> None:
    line = json.loads(run("--db", db, "--format", "jsonl"))
    assert line["url"] == "https://example.org/1" and line["published"] == "2020-05-02"
    assert line["evidence"][0]["doc_id"] == "d1" and line["evidence"][0]["trigger"] == "met"
    record = json.loads(run("--db", db, "--format", "plover"))
    info = record["text_info"][0]
    assert (info["doc_id"], info["start"], info["end"], info["pattern"]) == ("d1", 6, 9, "p.v1")
    assert record["actor"][0]["polemos_sector"] == "GOV"


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "\\x0dx"), ("Gondor", "Gondor"), (-2, -2), (None, None),
])
def test_csv_cells_that_start_a_formula_are_neutralised(value: object, expected: object) -> None:
    from polemos.sanitize import inert_csv_cell

    assert inert_csv_cell(value) == expected
