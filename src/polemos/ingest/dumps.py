"""Article dumps: JSON Lines, JSON and CSV records with a "text" field.

Fields: ``text`` (required), ``id``, ``title``, ``url``, ``published``, ``author``.
A broken record is reported by line or record number; the others are still read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

from polemos.errors import InputError
from polemos.ingest.clean import make_article
from polemos.records import Article, Failure, Skip

Item = Article | Skip | Failure
FIELDS = ("title", "url", "published", "author")


def read_dump(item: str, text: str, fmt: str, *, today: dt.date) -> Iterator[Item]:
    """Records of a .jsonl, .json or .csv file.

    Raises:
        InputError: a .json file that does not parse, or a CSV without a "text" column.
    """
    if fmt == "jsonl":
        yield from _read_jsonl(item, text, today)
    elif fmt == "json":
        yield from _read_json(item, text, today)
    else:
        yield from _read_csv(item, text, today)

def _read_jsonl(item: str, text: str, today: dt.date) -> Iterator[Item]:
    """One JSON object per line; a broken line is reported by number, the others read."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{item}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure(where, f"{item}, line {n}: not valid JSON ({err.msg}, column "
                          f"{err.colno}). Each line must be one JSON object with a \"text\" "
                          "field; fix or delete the line.")
            continue
        yield _from_record(where, record, today, label=f"{item}, line {n}")


def _read_json(item: str, text: str, today: dt.date) -> Iterator[Item]:
    """A .json file: one record, or a list of records, with the JSONL fields."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(item, f"not valid JSON ({err.msg}, line {err.lineno}). Fix the "
                         "file, or write one record per line as .jsonl.") from err
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        yield _from_record(f"{item}#{n}", record, today, label=f"{item}, record {n}")


def _from_record(where: str, record: Any, today: dt.date, *, label: str) -> Item:
    if not isinstance(record, dict):
        return Failure(where, f"{label}: expected a JSON object with a \"text\" field, got "
                       f"{type(record).__name__}. Fix or delete it.")
    text = record.get("text")
    if not isinstance(text, str):
        return Failure(where, f"{label}: missing the \"text\" field (a string). Each record "
                       "needs \"text\"; \"id\", \"title\", \"url\", \"published\" are optional.")
    if not text.strip():
        return Skip(where, "empty", "the \"text\" field is empty; nothing to ingest",
                    title=record.get("title"))
    meta = {k: record.get(k) for k in FIELDS}
    meta = {k: str(v) if k != "published" and v is not None else v for k, v in meta.items()}
    return make_article(text, source=where, today=today, **meta)


def _read_csv(item: str, text: str, today: dt.date) -> Iterator[Item]:
    """A CSV file with a header row that names a "text" column."""
    reader = csv.DictReader(io.StringIO(text))
    if "text" not in (reader.fieldnames or []):
        raise InputError(item, f"the CSV header {reader.fieldnames} has no \"text\" column. "
                         "Name the column that holds the article text \"text\".")
    for record in reader:
        n = reader.line_num
        yield _from_record(f"{item}:{n}", {k: v if k == "text" else v or None for k, v in record.items()}, today,
                           label=f"{item}, line {n}")
