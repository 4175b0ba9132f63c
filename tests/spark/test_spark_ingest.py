"""spark-ingest in local mode: its Parquet, loaded into DuckDB, is what `polemos ingest` stores.

Needs pyspark (the test extra installs it) and Java 17+; skips saying which is missing.
About 30-60 s: a Spark session, two Python workers loading the model, five datasets.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from polemos.pipeline import ingest
from polemos.settings import Settings
from polemos.store.bulk import load_datasets
from polemos.store.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.model, pytest.mark.slow]

# Made-up reports about fictional states: nothing third-party in the repository.
TEXTS = [
    (("The foreign ministers of Arnor and Gondor met in Minas Tirith on 3 May 2021 and agreed "
     "to reopen the border. Rohan welcomed the talks."), "2021-05-04"),
    (("Gondor accused Rohan of shelling villages near the river on Tuesday. Rohan denied the "
     "accusation and threatened to expel Gondor's envoy."), "2022-03-09"),
    (("Russia and France called on both sides to respect the ceasefire agreed in October 2020, "
     "and offered to mediate new talks."), None),
    ("Rohan sent food and medicine to refugees who fled the fighting in Arnor.", "2021-11-30"),
]
KB = Path(__file__).resolve().parents[1] / "fixtures" / "middle_earth" / "kb.yaml"
SETTINGS = Settings(actors=(str(KB),))


@pytest.fixture(scope="module")
def spark_ready() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'polemos[spark]'")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed (Spark needs Java 17+ on the PATH or JAVA_HOME)")


def write_inputs(folder: Path) -> tuple[Path, Path]:
    """The first two texts as JSONL (read on the driver), the rest as Parquet (on executors)."""
    records = [{"text": text, "published": published} for text, published in TEXTS]
    jsonl = folder / "part.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records[:2]))
    parquet = folder / "rest.parquet"
    pq.write_table(pa.Table.from_pylist(records[2:]), parquet)
    everything = folder / "all.jsonl"
    everything.write_text("".join(json.dumps(r) + "\n" for r in records))
    return jsonl, parquet


def contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db, read_only=True) as store:
        return {
            "documents": store.con.execute(
                "SELECT doc_id, title, published, text_date, n_sentences, text FROM documents "
                "ORDER BY doc_id").fetchall(),
            "events": store.con.execute(
                "SELECT event_id, merged_id, doc_id, type, cameo, actor_codes, date_value "
                "FROM events ORDER BY event_id").fetchall(),
            "rows": store.con.execute(
                "SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), "
                "(SELECT count(*) FROM claims)").fetchall(),
        }


def test_spark_output_loaded_is_what_ingest_stores(spark_ready: None, tmp_path: Path,
                                                   nlp: object) -> None:
    from polemos.spark.job import spark_ingest

    jsonl, parquet = write_inputs(tmp_path)
    out = tmp_path / "coded"
    report = spark_ingest([str(jsonl), str(parquet)], out, master="local[2]", settings=SETTINGS)
    assert report.documents == len(TEXTS) and report.exit_code == 0
    assert sorted(p.name for p in (out / "events").iterdir() if p.is_dir()) == [
        "year=2021", "year=2022", "year=__HIVE_DEFAULT_PARTITION__"]
    with Store.open(tmp_path / "spark.duckdb") as store:
        assert len(load_datasets(store, out)) == len(TEXTS)
        assert load_datasets(store, out) == []  # a second load adds nothing
    ingest([str(tmp_path / "all.jsonl")], db=tmp_path / "ingest.duckdb", settings=SETTINGS)
    spark, local = contents(tmp_path / "spark.duckdb"), contents(tmp_path / "ingest.duckdb")
    assert spark == local
    assert len(spark["events"]) >= 4 and all(merged for _, merged, *_ in spark["events"])
