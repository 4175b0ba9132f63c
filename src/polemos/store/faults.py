"""Opening a DuckDB file safely, and one clear line for each way it can fail.

Before DuckDB sees a file we check what it is: a SQLite file would make DuckDB look for
(and, with its defaults, download) the sqlite extension, and any other file would be
reported as a lock held by "another process". After it is open, a DuckDB file without our
schema is refused rather than given our tables. Errors while reading or writing (a
damaged block, a full disk, a read-only file system) are turned into one line that says
what happened and what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb

from polemos.errors import StoreError
from polemos.sanitize import inert_line

# DuckDB never loads or downloads an extension behind our back (no network at run time).
CONNECTION_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoload_known_extensions": False, "autoinstall_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file
SQLITE_MAGIC = b"SQLite format 3\x00"

_NEW_FILE = "Give a new file name with --db to start a new database."
_RESTORE = "Restore it from a backup, or re-ingest the sources into a new --db file."
# (words in DuckDB's message, what we say) — DuckDB gives no error codes, only messages
_KNOWN_FAULTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Could not set lock", "Conflicting lock"),
     ("is in use by another process (it holds DuckDB's lock). Wait for it to finish, or use "
     "another --db file.")),
    (("No space left on device",),
     ("the disk is full; the write under way was rolled back and what was stored before it "
      "is kept. Free some space and run the command again (stored documents are skipped).")),
    (("Disk quota exceeded",),
     ("your disk quota is used up; the write under way was rolled back. Free some space and "
      "run the command again.")),
    (("Read-only file system",),
     ("the file system is read-only. Copy the database to a writable disk, or read it with a "
     "read-only command (docs, events, ask …).")),
    (("Permission denied",),
     ("permission denied: the file or its folder is not writable by this user (DuckDB also "
     "writes a .wal file beside the database). Fix the permissions or use another --db file.")),
    (("Corrupt database file", "checksum", "Corrupt", "corrupt", "Serialization"),
     f"the database file is damaged. {_RESTORE}"),
    (("database file with version number", "storage version"),
     ("was written by a different DuckDB version than the one installed. Re-ingest into a new "
     "--db file, or install the DuckDB version that wrote it.")),
    (("not a valid DuckDB database",),
     f"is not a DuckDB database file. {_NEW_FILE}"),
)


def connect(name: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``name`` that will never load an extension.

    Raises:
        StoreError: the file is not a DuckDB database, is missing (``read_only``), is not
            writable, is locked or damaged; the message says which.
    """
    check_file(name, read_only=read_only)
    try:
        return duckdb.connect(name, read_only=read_only, config=CONNECTION_CONFIG)
    except duckdb.Error as err:
        raise StoreError(describe_fault(err, name, action="open")) from err


def check_file(name: str, *, read_only: bool) -> None:
    """Refuse, before DuckDB opens it, a path that is not a DuckDB database we can use.

    Raises:
        StoreError: a folder, a special file, an empty file, a SQLite or other non-DuckDB
            file; a missing file when ``read_only``; a read-only file or folder otherwise.
    """
    if name == ":memory:":
        return
    path, shown = Path(name), inert_line(name)
    if not path.exists():
        _check_new_file(path, shown, read_only=read_only)
        return
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise StoreError(f"{shown} is a folder, not a database file. Give a file name, e.g. "
                         f"--db {inert_line(str(path / 'polemos.duckdb'))}.")
    if not stat.S_ISREG(mode):
        raise StoreError(f"{shown} is not a regular file (a device, FIFO or socket). Give a "
                         "DuckDB file with --db.")
    _check_header(path, shown)
    if not read_only:
        _check_writable(path, shown)


def _check_new_file(path: Path, shown: str, *, read_only: bool) -> None:
    if read_only:
        raise StoreError(f"{shown}: no such database. Run `polemos ingest SOURCE --db {shown}` "
                         "first.")
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"{shown}: the folder {inert_line(str(folder))} does not exist. "
                         "Create it, or give another --db path.")
    if not os.access(folder, os.W_OK):
        raise StoreError(f"{shown}: the folder {inert_line(str(folder))} is not writable, so the "
                         "database cannot be created there. Give another --db path.")


def _check_header(path: Path, shown: str) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as err:
        raise StoreError(f"{shown}: cannot be read ({err.strerror or err}). Check the file's "
                         "permissions (chmod +r).") from err
    if not head:
        raise StoreError(f"{shown} is an empty file, not a DuckDB database. Delete it, or give "
                         "another --db file.")
    if head.startswith(SQLITE_MAGIC):
        raise StoreError(f"{shown} is a SQLite database, not a DuckDB one; Polemos stores its "
                         f"data in DuckDB. {_NEW_FILE}")
    if head[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{shown} is not a DuckDB database file (its first bytes are not "
                         f"DuckDB's). {_NEW_FILE}")


def _check_writable(path: Path, shown: str) -> None:
    if os.statvfs(path).f_flag & os.ST_RDONLY:
        raise StoreError(f"{shown} is on a read-only file system, and this command writes to "
                         "it. Copy it to a writable disk; commands that only read (docs, "
                         "events, ask …) work on it as it is.")
    if not os.access(path, os.W_OK):
        raise StoreError(f"{shown} is read-only, and this command writes to it. Make it "
                         "writable (chmod u+w) or copy it; commands that only read (docs, "
                         "events, ask …) work on it as it is.")
    if not os.access(path.parent, os.W_OK):
        raise StoreError(f"{shown}: its folder {inert_line(str(path.parent))} is read-only, and "
                         "DuckDB writes a .wal file beside the database while it writes. Make "
                         "the folder writable, or copy the database elsewhere.")


def describe_fault(err: BaseException, name: str | None, *, action: str) -> str:
    """One line for a DuckDB error on the database ``name`` (None: not known here) while
    doing ``action``."""
    message = str(err)
    first = inert_line(message.splitlines()[0] if message else type(err).__name__)[:200]
    for needles, what in _KNOWN_FAULTS:
        if any(needle in message for needle in needles):
            return f"{_subject(name, what)} (DuckDB: {first})"
    return _subject(name, f"cannot {action} the database (DuckDB: {first}). Check the file and "
                          f"the disk; if it persists, {_RESTORE[0].lower()}{_RESTORE[1:]}")


def _subject(name: str | None, what: str) -> str:
    """``what`` said of the database: "x.duckdb is …", "x.duckdb: the disk …"."""
    is_verb = what.startswith(("is ", "was "))
    if name is None:
        return f"The database {what}" if is_verb else what[0].upper() + what[1:]
    return f"{inert_line(name)}{' ' if is_verb else ': '}{what}"


def is_known_fault(err: BaseException) -> bool:
    """Whether ``err`` comes from the file or the disk (I/O, damage, lock), not from a bug
    in our SQL or data (a constraint, a type): only the former become ``StoreError``."""
    if isinstance(err, duckdb.IOException):
        return True
    message = str(err)
    return any(needle in message for needles, _ in _KNOWN_FAULTS for needle in needles)


def is_store_fault(err: BaseException) -> bool:
    """Whether ``err`` is a fault of the database or its disk, which every later write would
    meet too (so an ingest stops), rather than a fault of the one document being stored."""
    faults = (StoreError, OSError, MemoryError, duckdb.IOException, duckdb.FatalException,
              duckdb.InternalException, duckdb.TransactionException, duckdb.PermissionException)
    return isinstance(err, faults) or is_known_fault(err)


def foreign_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables and views of a database that are not DuckDB's own."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal "
        "UNION SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


__all__ = ["CONNECTION_CONFIG", "check_file", "connect", "describe_fault", "foreign_tables",
           "is_known_fault", "is_store_fault"]
