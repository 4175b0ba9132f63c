"""Pure clean-up: normalised text, stable ids, metadata dates, the finished Article.

``make_article`` is the one place an Article is built, so every reader gets the same
id, language check and latest-date-in-text.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import logging
import re
import time
import unicodedata
from typing import Any

from polemos.ingest.language import detect_language, is_foreign
from polemos.records import Article, Skip
from polemos.timex import find_timexes

logger = logging.getLogger(__name__)

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORDS = re.compile(r"\w+")
TEXT_DATE_PRECISIONS = ("day", "month", "year")


def normalise_text(text: str) -> str:
    """NFC, no invisible characters, single spaces, paragraphs split by one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def doc_id_for(text: str) -> str:
    """Stable id from the words alone: spacing, case, quotes and dashes do not change it."""
    words = _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def parse_meta_date(value: Any) -> dt.date | None:
    """A publication date from metadata (ISO, RFC 2822, date objects); None when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).date() if value > 10**8 else None
    return _parse_date_string(str(value).strip())


def _parse_date_string(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value.replace(" ", "T", 1)).date()
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        logger.debug("unreadable publication date %r", value)
        return None


def latest_text_date(text: str, *, today: dt.date, anchor: dt.date | None = None) -> dt.date | None:
    """The latest date the text states (day, month or year precision), never after today."""
    dates = [
        timex.date.value
        for timex in find_timexes(text, anchor=anchor)
        if timex.date.value is not None
        and timex.date.precision in TEXT_DATE_PRECISIONS
        and timex.date.value <= today
    ]
    return max(dates, default=None)


def make_article(
    text: str, *, source: str, today: dt.date, **meta: Any
) -> Article | Skip:
    """A finished Article (id, language, latest date in text), or a Skip saying why not.

    ``meta`` takes the optional Article fields: title, url, published, author.
    """
    text = normalise_text(text)
    title = normalise_text(meta.get("title") or "") or None
    if not text:
        return Skip(source, "empty", "no text left after cleaning; nothing to ingest", title=title)
    doc_id = doc_id_for(text)
    language = detect_language(text)
    if is_foreign(language):
        return Skip(
            source, "language", f"not English (detected {language!r}); Polemos reads English text",
            doc_id=doc_id, title=title,
        )
    published = parse_meta_date(meta.get("published"))
    return Article(
        doc_id, text, title=title, source=source, url=meta.get("url") or None,
        published=published, author=meta.get("author") or None,
        text_date=latest_text_date(text, today=today, anchor=published),
        language=language or "en",
    )
