"""Bytes → text for files and downloads: size, binary and encoding checks.

Each check raises ``InputError`` with a message that names the item and the fix.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from polemos.errors import InputError

ENCODINGS = ("utf_8", "cp1252", "latin_1")
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_CONTROL_RATIO = 0.002  # more C0/C1 control characters than this is not text
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.odt)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}


def check_size(item: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            item,
            f"{_mb(size)} is over the size limit of {_mb(max_bytes)}. "
            "Split the file, or raise the limit with --max-bytes N.",
        )


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def decode_bytes(item: str, data: bytes) -> str:
    """The text of ``data``: UTF-8 first, then the likely single-byte encodings.

    Raises:
        InputError: the bytes are binary (NUL bytes, a known file signature) or no
            likely encoding gives readable text.
    """
    for bom, encoding in _BOMS:  # UTF-16/32 hold NUL bytes: read them before the binary check
        if data.startswith(bom):
            text = _try_decode(data[len(bom):], encoding)
            if text is None or not _is_readable(text):
                raise InputError(item, f"the file starts with a {encoding} byte-order mark but "
                                 f"is not valid {encoding} text. Re-save it as UTF-8 text.")
            return text
    _check_binary(item, data)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data, cp_isolation=list(ENCODINGS)).best()
    candidates = ([guess.encoding] if guess is not None else []) + list(ENCODINGS[1:])
    for encoding in candidates:
        text = _try_decode(data, encoding)
        if text is not None and _is_readable(text):
            return text
    raise InputError(
        item,
        "the bytes are not readable text in UTF-8, cp1252 or latin-1 (control characters "
        "or invalid sequences). Re-save the file as UTF-8 text.",
    )


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_readable(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls / len(text) <= MAX_CONTROL_RATIO


def _check_binary(item: str, data: bytes) -> None:
    head = data[:8192]
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(
                item,
                f"this is {what}, not text. Polemos reads .txt, .md, .html, .jsonl, .csv and "
                "RSS/Atom feeds; convert it to text first (e.g. pdftotext) or leave it out.",
            )
    if b"\x00" in head:
        raise InputError(
            item,
            "this is a binary file (it contains NUL bytes), not text. Polemos reads .txt, "
            ".md, .html, .jsonl, .csv and RSS/Atom feeds; leave it out or convert it to text.",
        )
