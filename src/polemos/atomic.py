"""Whole-or-nothing output files: reports and exports are written beside their target and
renamed over it when complete, so a failed write (disk full, Ctrl-C) leaves the previous
file as it was and never a truncated one."""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from polemos.errors import OutputError
from polemos.sanitize import inert_line


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A fresh temporary path in ``path``'s folder, renamed to ``path`` when the block ends.

    The block writes the temporary file (by name, e.g. with a library's writer). When it
    raises, the temporary file is removed and ``path`` is untouched.

    Raises:
        OutputError: the folder is missing or not writable, the disk is full, ``path`` is a
            folder or a read-only file.
    """
    target = Path(path)
    _check_target(target)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # mode honours umask
    except OSError as err:
        raise OutputError(describe_write_error(target, err)) from err
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as err:
        _remove(tmp)
        raise OutputError(describe_write_error(target, err)) from err
    except BaseException:
        _remove(tmp)
        raise


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` whole, or leave ``path`` as it was.

    Raises:
        OutputError: see ``replacing``.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(path) as tmp:
        _write_all(tmp, payload)


def _write_all(path: Path, payload: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)  # the rename must not publish a file whose blocks are not on disk yet
    finally:
        os.close(fd)


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise OutputError(describe_write_error(target, IsADirectoryError(errno.EISDIR, "")))
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(describe_write_error(target, PermissionError(errno.EACCES, "")))


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()


def describe_write_error(target: Path, err: OSError) -> str:
    """One line: what failed writing ``target``, and what to do about it."""
    name = inert_line(str(target))
    folder = inert_line(str(target.parent))
    kept = "nothing was written and any previous file is unchanged"
    reasons = {
        errno.ENOSPC: f"the disk is full ({kept}). Free some space, or write elsewhere with -o.",
        errno.EDQUOT: f"your disk quota is used up ({kept}). Free some space, or write "
                      "elsewhere with -o.",
        errno.EROFS: f"the file system is read-only ({kept}). Write elsewhere with -o PATH.",
        errno.ENOENT: f"the folder {folder} does not exist. Create it, or choose another -o path.",
        errno.ENOTDIR: f"{folder} is not a folder. Choose another -o path.",
        errno.EISDIR: "is a folder. Give a file name, e.g. -o report.html.",
        errno.EFBIG: f"the file is too large for this file system ({kept}). Write elsewhere.",
    }
    if err.errno in (errno.EACCES, errno.EPERM):
        if target.exists() and not os.access(target, os.W_OK):
            return (f"{name}: the file is read-only ({kept}). Make it writable "
                    "(chmod u+w) or write elsewhere with -o.")
        return (f"{name}: permission denied: the folder {folder} is not writable ({kept}). "
                "Write elsewhere with -o, or make the folder writable.")
    reason = reasons.get(err.errno or 0)
    if reason is None:
        reason = f"cannot be written ({err.strerror or err}; {kept}). Check the path and the disk."
    return f"{name}: {reason}"


__all__ = ["describe_write_error", "replacing", "write_atomic"]
