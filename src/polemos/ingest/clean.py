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
from dataclasses import replace
from typing import Any

from polemos.guard import at_stage, safe_text
from polemos.ingest.language import detect_language, is_foreign
from polemos.records import Article, Skip
from polemos.timex import find_timexes

logger = logging.getLogger(__name__)

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORDS = re.compile(r"\w+")
TEXT_DATE_PRECISIONS = ("day", "month", "year")


def normalise_text(text: str) -> str:
    """NFC, no invisible characters, single spaces, paragraphs split by one blank line.

    Lone surrogates (a JSON "\\ud800", an undecodable name) become U+FFFD: they cannot be
    encoded, printed or stored.
    """
    text = unicodedata.normalize("NFC", safe_text(text)).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def meta_text(value: Any) -> str | None:
    """A metadata field as one line of text: numbers and booleans written out, the items of
    a list joined with ", "; None when empty or not text-like (a mapping, a date)."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(t for t in (meta_text(v) for v in value if not isinstance(v, (list, tuple))) if t)
    elif isinstance(value, (bool, int, float)):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(normalise_text(value).split()) or None


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
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch_date(value)
    text = str(value).strip()
    if re.fullmatch(r"\d{9,16}(\.\d{1,9})?", text):  # an epoch written as a string
        return _epoch_date(float(text))
    return _parse_date_string(text)


def _epoch_date(value: float) -> dt.date | None:
    """A Unix time in seconds, or in milliseconds (JavaScript's); None for other numbers."""
    if not 10**8 < value < 10**14:  # 1973 .. 5138 in seconds, or 1973 .. 5138 in ms
        return None
    seconds = value / 1000 if value >= 10**11 else value  # 10^11 s is the year 5138
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


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
    except (TypeError, ValueError, IndexError, OverflowError):
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
    text: str, *, source: str, today: dt.date | None, **meta: Any
) -> Article | Skip:
    """A finished Article (id, language, latest date in text), or a Skip saying why not.

    ``meta`` takes the optional Article fields: title, url, published, author. A field of
    another type than text (a number, a list of authors from YAML or JSON) is written as
    text; one that cannot be (a mapping) is left out. With ``today`` None the Article is a
    draft: its id and metadata are set, and the costly steps (language, latest date in the
    text) are left to ``finish_article``, which the process that codes it runs.

    Raises:
        StageError: a step failed on this text (a bug); it names the step.
    """
    source = safe_text(source)
    text = at_stage("cleaning", normalise_text, text)
    title = at_stage("cleaning", meta_text, meta.get("title"))
    if not text:
        return Skip(source, "empty", "no text left after cleaning; nothing to ingest", title=title)
    draft = Article(
        doc_id_for(text), text, title=title, source=source, url=meta_text(meta.get("url")),
        published=at_stage("cleaning", parse_meta_date, meta.get("published")),
        author=meta_text(meta.get("author")),
    )
    return draft if today is None else finish_article(draft, today=today)


def finish_article(article: Article, *, today: dt.date) -> Article | Skip:
    """The draft ``article`` checked for language and dated by its text, or the Skip of a
    text that is not English.

    Raises:
        StageError: a step failed on this text (a bug); it names the step.
    """
    language = at_stage("language detection", detect_language, article.text)
    if is_foreign(language):
        return Skip(
            article.source or article.doc_id, "language",
            f"not English (detected {language!r}); Polemos reads English text",
            doc_id=article.doc_id, title=article.title,
        )
    text_date = at_stage("dating", latest_text_date, article.text, today=today,
                         anchor=article.published)
    return replace(article, text_date=text_date, language=language or "en")
