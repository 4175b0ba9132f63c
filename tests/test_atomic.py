"""Reports and exports are written whole or not at all (issue 12, part 4)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from polemos import atomic
from polemos.atomic import replacing, write_atomic
from polemos.cli import cli
from polemos.errors import OutputError


def _disk_fills_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes get half-way, then the disk is full."""
    def write_half(path: Path, payload: bytes) -> None:
        path.write_bytes(payload[: len(payload) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", write_half)


def test_a_write_replaces_the_file_whole_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.csv", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "a.csv").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_full_disk_keeps_the_previous_file(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("previous report", encoding="utf-8")
    _disk_fills_up(monkeypatch)
    with pytest.raises(OutputError, match="the disk is full .nothing was written"):
        write_atomic(target, "x" * 10_000)
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_an_error_inside_the_block_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    target.write_bytes(b"previous")
    with pytest.raises(KeyboardInterrupt), replacing(target) as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"previous" and len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("where,words", [
    ("nowhere/report.html", "does not exist"),
    (".", "is a folder"),
])
def test_a_bad_target_is_named(tmp_path: Path, where: str, words: str) -> None:
    with pytest.raises(OutputError, match=words):
        write_atomic(tmp_path / where, "x")


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    target = tmp_path / "kept.html"
    target.write_text("kept", encoding="utf-8")
    if os.geteuid() == 0:  # root may write anything: only the check can be exercised
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, m, **kw: False if Path(p) == target
                            else real(p, m, **kw))
    else:
        target.chmod(0o444)
    with pytest.raises(OutputError, match="the file is read-only"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("code,words", [
    (errno.EROFS, "the file system is read-only"), (errno.EACCES, "is not writable"),
    (errno.EDQUOT, "quota"), (errno.EIO, "cannot be written (Input/output error"),
])
def test_each_write_error_has_its_own_line(tmp_path: Path, code: int, words: str) -> None:
    err = OSError(code, os.strerror(code))
    message = atomic.describe_write_error(tmp_path / "a\x1b[2J.csv", err)
    assert words in message and "\n" not in message and "\x1b" not in message


def _store(tmp_path: Path) -> str:
    from polemos.store.store import Store

    db = str(tmp_path / "s.duckdb")
    Store.open(db).close()
    return db


def test_report_on_a_full_disk_says_so_and_keeps_the_previous_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _store(tmp_path)
    out = tmp_path / "report.html"
    out.write_text("previous report", encoding="utf-8")
    _disk_fills_up(monkeypatch)
    result = CliRunner().invoke(cli, ["report", "-o", str(out), "--db", db])
    assert isinstance(result.exception, OutputError)  # main() prints it as one "Error:" line
    assert "report.html: the disk is full" in str(result.exception)
    assert out.read_text(encoding="utf-8") == "previous report"


def test_events_export_on_a_full_disk_keeps_the_previous_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _store(tmp_path)
    out = tmp_path / "events.csv"
    out.write_text("previous", encoding="utf-8")
    _disk_fills_up(monkeypatch)
    result = CliRunner().invoke(cli, ["events", "--format", "table", "-o", str(out), "--db", db])
    assert isinstance(result.exception, OutputError)
    assert out.read_text(encoding="utf-8") == "previous"
