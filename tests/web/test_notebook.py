"""The notebook example runs on the demo corpus; the DataFrames it builds are typed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import polemos

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "notebook.py"

pytestmark = pytest.mark.model


def test_the_example_script_runs(demo_db: Path) -> None:
    out = subprocess.run([sys.executable, str(EXAMPLE), str(demo_db)], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert "events with Russia as actor since 2020" in out.stdout
    assert "brief roles:" in out.stdout and "cites [" in out.stdout


def test_to_pandas_dtypes(demo_db: Path) -> None:
    with polemos.open(demo_db) as db:
        events = db.events(actor="RUS", since=2020)
        df = events.to_pandas()
        docs = db.documents().to_pandas()
    assert len(df) == events.total > 0
    dtypes = {name: str(dtype) for name, dtype in df.dtypes.items()}
    assert dtypes["date"] == dtypes["published"] == "date32[day][pyarrow]"
    assert dtypes["date_precision"] == dtypes["doc_id"] == "string[pyarrow]"
    assert dtypes["actor_codes"].startswith("list<") and dtypes["flags"].startswith("list<")
    assert dtypes["actors"].startswith("list<") and "sector: string" in dtypes["actors"]
    assert dtypes["quad"] == "int32[pyarrow]" and dtypes["goldstein"] == "double[pyarrow]"
    assert all(isinstance(d, dt.date) and d >= dt.date(2020, 1, 1) for d in df["date"])
    assert all("RUS" in [*actors, *mediators]  # the actor filter takes mediators too
               for actors, mediators in zip(df["actor_codes"], df["mediator_codes"], strict=True))
    assert str(docs.dtypes["published"]) == "date32[day][pyarrow]"
    assert len(docs) == 41 and "text" not in docs.columns
