"""Exceptions raised by Polemos.

    PolemosError
    ├── InputError          an article, file, URL or row we cannot read      (item, line)
    ├── DictionaryError     a bad knowledge-base, pattern or conflict entry  (path, line, entry)
    ├── ConfigError         unknown setting, wrong type, missing file
    ├── ModelError          spaCy model missing, or it lacks a component we need
    ├── QueryError          a question, actor or conflict we cannot answer for
    ├── StoreError          the DuckDB file cannot be opened or written
    │   └── SchemaVersionError
    └── OutputError         a report or export file cannot be written

The library raises and never prints or exits; the CLI prints the message on stderr.
Every message says what went wrong, where, what was expected and how to fix it.
"""

from __future__ import annotations


class PolemosError(Exception):
    """Base class of every error Polemos raises on purpose."""


class InputError(PolemosError):
    def __init__(self, item: str, message: str, *, line: int | None = None) -> None:
        self.item = item
        self.line = line
        where = f"{item}, line {line}" if line is not None else item
        super().__init__(f"{where}: {message}")


class DictionaryError(PolemosError):
    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class ConfigError(PolemosError):
    pass


class ModelError(PolemosError):
    pass


class QueryError(PolemosError):
    pass


class StoreError(PolemosError):
    pass


class SchemaVersionError(StoreError):
    pass


class OutputError(PolemosError):
    pass
