"""Article dumps: JSON Lines, JSON and CSV records with a "text" field.

Fields: ``text`` (required), ``id``, ``title``, ``url``, ``published``, ``author``.
A broken record is reported by line or record number; the others are still read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from polemos.errors import InputError
from polemos.guard import attempt
from polemos.ingest.clean import make_article, meta_text
from polemos.records import Article, Failure, Skip

Item = Article | Skip | Failure
FIELDS = ("title", "url", "published", "author")
# Lines end at \r\n, \n or \r (old Macs) only: str.splitlines() would also cut at U+2028
# and the other Unicode breaks, which a JSON string may hold raw.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_dump(item: str, text: str, fmt: str, *, today: dt.date | None) -> Iterator[Item]:
    """Records of a .jsonl, .json or .csv file.

    Raises:
        InputError: a .json file that does not parse, or a CSV without a "text" column.
    """
    readers = {"jsonl": _read_jsonl, "json": _read_json}
    n_records = 0
    for record in readers.get(fmt, _read_csv)(item, text, today):
        n_records += 1
        yield record
    if n_records == 0:
        yield Skip(item, "empty", "no records (only a header, blank lines or an empty list); "
                   "nothing to ingest")


def _read_jsonl(item: str, text: str, today: dt.date | None) -> Iterator[Item]:
    """One JSON object per line; a broken line is reported by number, the others read."""
    for n, line in enumerate(_LINE_BREAK.split(text), 1):
        if not line.strip():
            continue
        where = f"{item}:{n}"
        record = attempt(where, "reading", _json_line, item, n, line)
        if isinstance(record, Failure):
            yield record
            continue
        yield attempt(where, "reading", _from_record, where, record, today,
                      label=f"{item}, line {n}")


def _json_line(item: str, n: int, line: str) -> Any:
    """One line's JSON value.

    Raises:
        InputError: the line is not valid JSON, or nests deeper than Python can follow.
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(item, f"not valid JSON ({err.msg}, column {err.colno}). Each line "
                         "must be one JSON object with a \"text\" field; fix or delete the "
                         "line.", line=n) from err
    except RecursionError as err:
        raise InputError(item, "the JSON nests too deeply to read. Each line must be one "
                         "flat JSON object with a \"text\" field.", line=n) from err


def _read_json(item: str, text: str, today: dt.date | None) -> Iterator[Item]:
    """A .json file: one record, or a list of records, with the JSONL fields."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(item, f"not valid JSON ({err.msg}, line {err.lineno}). Fix the "
                         "file, or write one record per line as .jsonl.") from err
    except RecursionError as err:
        raise InputError(item, "the JSON nests too deeply to read. Write a list of flat "
                         "records with a \"text\" field.") from err
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        where = f"{item}#{n}"
        yield attempt(where, "reading", _from_record, where, record, today,
                      label=f"{item}, record {n}")


def _from_record(where: str, record: Any, today: dt.date | None, *, label: str) -> Item:
    if not isinstance(record, dict):
        return Failure(where, f"{label}: expected a JSON object with a \"text\" field, got "
                       f"{type(record).__name__}. Fix or delete it.")
    text = record.get("text")
    if not isinstance(text, str):
        return Failure(where, f"{label}: missing the \"text\" field (a string). Each record "
                       "needs \"text\"; \"id\", \"title\", \"url\", \"published\" are optional.")
    if not text.strip():
        return Skip(where, "empty", "the \"text\" field is empty; nothing to ingest",
                    title=meta_text(record.get("title")))
    meta = {k: record.get(k) for k in FIELDS}  # make_article writes numbers and lists as text
    return make_article(text, source=where, today=today, **meta)


def _read_csv(item: str, text: str, today: dt.date | None) -> Iterator[Item]:
    """A CSV file with a header row that names a "text" column.

    A cell may be as long as the file (the csv module's own limit, 131,072 characters, is
    raised while this file is read); a row the csv module cannot read is reported by line.
    """
    rows = _csv_rows(item, text)
    _, header = next(rows, (0, []))
    if isinstance(header, Failure):
        raise InputError(item, header.message.removeprefix(f"{item}, "))
    if "text" not in header:
        raise InputError(item, f"the CSV header {header} has no \"text\" column. "
                         "Name the column that holds the article text \"text\".")
    for n, row in rows:
        if isinstance(row, Failure):
            yield row
            continue
        record = {k: v if k == "text" else v or None for k, v in zip(header, row)}
        where = f"{item}:{n}"
        yield attempt(where, "reading", _from_record, where, record, today,
                      label=f"{item}, line {n}")


def _csv_rows(item: str, text: str) -> Iterator[tuple[int, list[str] | Failure]]:
    """(line, cells) of each row that is not blank, the header first; a row that the csv
    module refuses is a Failure in place of its cells, and the next row is read."""
    reader = csv.reader(io.StringIO(_LINE_BREAK.sub("\n", text) if "\r" in text else text))
    while True:
        line = reader.line_num + 1
        limit = csv.field_size_limit(max(len(text), 131_072))
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield line, Failure(f"{item}:{line}", f"{item}, line {line}: not a readable CSV "
                                f"row ({err}). Fix the quoting of that row, or delete it.")
            continue
        finally:
            csv.field_size_limit(limit)
        if any(cell.strip() for cell in row):
            yield line, row
