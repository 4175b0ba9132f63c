"""Read sources (files, folders, URLs, feeds) into Articles, Skips and Failures.

Every problem with one item becomes a ``Failure`` (or a ``Skip`` when the item is
left out on purpose) and the next item is read: one bad file never stops a run.

    source ─┬─ URL ──────── fetch ─┐
            ├─ folder ── files ────┼─ bytes → text ─┬─ .jsonl  → records
            └─ file ───────────────┘                ├─ .html   → trafilatura
                                                    ├─ feed    → items (+ their pages)
                                                    └─ .txt/.md → page split
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from polemos.errors import DictionaryError, InputError
from polemos.guard import guard_stream
from polemos.ingest.clean import doc_id_for, make_article
from polemos.ingest.decode import check_size, decode_bytes
from polemos.ingest.dumps import read_dump
from polemos.ingest.feeds import FeedItem, looks_like_feed, read_feed
from polemos.ingest.fetch import fetch, is_url
from polemos.ingest.html import extract_html
from polemos.ingest.pagesplit import split_page
from polemos.records import Article, Failure, Skip
from polemos.settings import Settings
from polemos.yamldata import load_with_lines

__all__ = ["doc_id_for", "read_sources"]

Item = Article | Skip | Failure
Format = Literal["text", "markdown", "html", "jsonl", "json", "csv", "feed", "xml"]

SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json", ".csv": "csv", ".rss": "feed", ".atom": "feed", ".xml": "xml", "": "text",
}
# Files that describe a corpus folder rather than hold an article.
CORPUS_DOC = re.compile(
    r"^(readme|sources?|licen[cs]e|copying|notice|changelog|changes|history|authors"
    r"|contributors|contributing|citation|code_of_conduct)\b",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_FEED_DOCTYPE = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(<!DOCTYPE\s+(?:rss|feed|rdf:RDF)\b[^>\[]{0,500}>)",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Context:
    settings: Settings
    today: dt.date | None  # None: articles are drafts (``make_article``)


def read_sources(
    sources: Sequence[str], *, settings: Settings, drafts: bool = False
) -> Iterator[Item]:
    """Every article in SOURCES (files, folders read recursively, URLs, feeds), in order.

    Each source, each file of a folder and each record of a dump is read under a guard
    (``polemos.guard``): whatever goes wrong with one becomes its Failure, and the next
    one is read. With ``drafts`` the articles are not yet checked for language nor dated by
    their text: ``polemos.ingest.clean.finish_article`` does it where they are coded.
    """
    ctx = _Context(settings, None if drafts else dt.date.today())
    for source in sources:
        yield from guard_stream(path_name(source), "reading", _read_source(source, ctx))


def _read_source(source: str, ctx: _Context) -> Iterator[Item]:
    if is_url(source):
        yield from _read_url(source, ctx)
        return
    path = Path(source)
    if not path.exists():
        yield Failure(path_name(path), f"{path_name(path)}: no such file or folder. Check the "
                      f"path (relative paths start from {path_name(Path.cwd())}).")
    elif path.is_dir():
        yield from _read_folder(path, ctx)
    else:
        yield from _read_file(path, ctx)


def path_name(path: str | Path) -> str:
    """A path as messages and the store show it, on one line: bytes that are not UTF-8 and
    control characters (a line break, ESC) in a file name written as \\xNN."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def _read_folder(folder: Path, ctx: _Context) -> Iterator[Item]:
    root = folder.resolve()
    files = sorted(
        p for p in folder.rglob("*")
        if (p.is_file() or p.is_symlink() or _is_special(p))
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if not files:
        yield Skip(path_name(folder), "empty", "the folder holds no files; nothing to ingest")
    for path in files:
        item = path_name(path)
        if not _is_inside(path, root):
            yield Skip(item, "link", "a symbolic link to a file outside the folder; name its "
                       "target to ingest it")
        elif CORPUS_DOC.match(path.name):
            yield Skip(item, "notes", "describes the corpus folder (README, SOURCE, "
                       "LICENSE …), not an article; name the file itself to ingest it anyway")
        elif path.suffix.lower() not in SUFFIXES:
            yield Skip(item, "type", f"unsupported file type {path_name(path.suffix)!r}; "
                       "Polemos reads .txt, .md, .html, .jsonl, .json, .csv and RSS/Atom feeds")
        else:
            yield from guard_stream(item, "reading", _read_file(path, ctx))


def _is_inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links, a dangling one
        return False


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket: reading one blocks or never ends."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _read_file(path: Path, ctx: _Context) -> Iterator[Item]:
    item = path_name(path)
    try:
        data = _read_bytes(path, ctx.settings.max_bytes)
        if not data.strip():
            yield Skip(item, "empty", "empty file; nothing to ingest")
            return
        text = without_feed_doctype(decode_bytes(item, data))
    except InputError as err:
        yield Failure(item, str(err))
        return
    yield from _read_text(item, text, _format_of(path.suffix.lower(), text), ctx, url=None)


def without_feed_doctype(text: str) -> str:
    """The text without the DOCTYPE line an RSS 0.91 feed opens with, so that it is read as a
    feed; one with an internal subset (entity definitions) is left alone, and refused."""
    match = _FEED_DOCTYPE.match(text)
    return text[: match.start(1)] + text[match.end(1):] if match else text


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    item = path_name(path)
    try:
        if _is_special(path):
            raise InputError(item, "not a regular file (a device, FIFO or socket), which "
                             "could be read forever. Save the text to a file and ingest that.")
        check_size(item, path.stat().st_size, max_bytes)
        return path.read_bytes()
    except PermissionError as err:
        raise InputError(item, "permission denied. Make the file readable (chmod +r) "
                         "or run as a user who can read it.") from err
    except OSError as err:
        raise InputError(item, f"cannot be read ({err.strerror or err}). Check the file "
                         "and the disk.") from err


def _format_of(suffix: str, text: str) -> Format:
    """The format a suffix names; feeds, XML and unknown suffixes are sniffed."""
    known = SUFFIXES.get(suffix, "text")
    if known not in ("feed", "xml", "text"):
        return known
    head = text[:2000].lstrip().lower()
    if looks_like_feed(text):
        return "feed"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "xml" if known in ("feed", "xml") else "text"


def _read_url(url: str, ctx: _Context) -> Iterator[Item]:
    try:
        download = fetch(url, timeout=ctx.settings.timeout, max_bytes=ctx.settings.max_bytes)
        text = without_feed_doctype(_decode_download(url, download.data, download.charset))
    except InputError as err:
        yield Failure(url, str(err))
        return
    fmt = _format_of_media(download.content_type, text)
    yield from _read_text(url, text, fmt, ctx, url=download.url)


MEDIA_TYPES: dict[str, Format] = {
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/json": "json",
    "text/csv": "csv", "text/markdown": "markdown",
}


def _format_of_media(media: str, text: str) -> Format:
    """The format of a download: feeds are sniffed first, then the media type decides."""
    if looks_like_feed(text):
        return "feed"
    if "html" in media:
        return "html"
    return MEDIA_TYPES.get(media) or _format_of("", text)


def _decode_download(url: str, data: bytes, charset: str | None) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(url, data)


def _read_text(item: str, text: str, fmt: Format, ctx: _Context, *, url: str | None) -> Iterator[Item]:
    """Dispatch decoded text to the reader of its format."""
    try:
        if fmt in ("jsonl", "json", "csv"):
            yield from read_dump(item, text, fmt, today=ctx.today)
        elif fmt == "xml":
            raise InputError(item, "an XML file that is not an RSS/Atom feed. Polemos reads "
                             "feeds, .txt, .md, .html, .jsonl, .json and .csv.")
        elif fmt == "html":
            yield from _read_html(item, text, ctx, url=url)
        elif fmt == "feed":
            yield from _read_feed(item, text, ctx)
        else:
            yield from _read_plain(item, text, ctx, url=url, is_markdown=fmt == "markdown")
    except InputError as err:
        yield Failure(item, str(err))


def _read_plain(
    item: str, text: str, ctx: _Context, *, url: str | None, is_markdown: bool
) -> Iterator[Item]:
    meta, body = _front_matter(item, text)
    if is_markdown:
        body = _strip_markdown(body)
    articles = split_page(body)
    if not articles:
        yield Skip(item, "no-text", "no article text found (only headings or page chrome)")
        return
    for n, found in enumerate(articles, 1):
        fields: dict[str, Any] = {"url": url, "title": found.title}
        if len(articles) == 1:
            fields.update(meta)  # front matter wins over what the text shows
        source = item if len(articles) == 1 else f"{item}#{n}"
        yield make_article(found.text, source=source, today=ctx.today, **fields)


def _front_matter(item: str, text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (title, published, url, author) at the top of a text file."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match is None:
        return {}, text
    try:  # dates stay strings: "2020-02-30" is then an unreadable date, not a crash
        meta = load_with_lines(match.group(1), path=item, expected="Fix it or remove it.")
    except DictionaryError as err:
        detail = str(err).removeprefix(f"{item}, ").removeprefix(f"{item}: ")
        raise InputError(item, f"the front matter between '---' lines, {detail}") from err
    if not isinstance(meta, dict):
        return {}, text
    keep = {k: meta[k] for k in ("title", "published", "url", "author") if meta.get(k)}
    if "date" in meta and "published" not in keep:
        keep["published"] = meta["date"]
    return keep, text[match.end():]


def _strip_markdown(text: str) -> str:
    # The spans exclude their own opening bracket: a search from each "[" of a long run of
    # them then stops at the next one instead of re-scanning the rest (quadratic time).
    text = re.sub(r"!\[[^\[\]]*\]\([^()]*\)", "", text)  # images
    text = re.sub(r"\[([^\[\]]+)\]\([^()]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.MULTILINE)  # heading marks
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)  # quotes
    return re.sub(r"(\*\*|__|`)", "", text)


def _read_html(item: str, text: str, ctx: _Context, *, url: str | None) -> Iterator[Item]:
    found = extract_html(item, text, url=url)
    for n, page in enumerate(found, 1):
        source = item if len(found) == 1 else f"{item}#{n}"
        yield make_article(
            page.text, source=source, today=ctx.today, title=page.title,
            url=page.url or url, published=page.published, author=page.author,
        )


def _read_feed(item: str, text: str, ctx: _Context) -> Iterator[Item]:
    def fetch_page(link: str) -> str:
        if not is_url(link):
            raise InputError(link, "not a web address")
        download = fetch(link, timeout=ctx.settings.timeout, max_bytes=ctx.settings.max_bytes)
        page = _decode_download(link, download.data, download.charset)
        return extract_html(link, page, url=download.url)[0].text

    for entry in read_feed(item, text, fetch_page=fetch_page):
        if isinstance(entry, FeedItem):
            yield make_article(
                entry.text, source=entry.source, today=ctx.today, title=entry.title,
                url=entry.url, published=entry.published, author=entry.author,
            )
        else:
            yield entry
