"""RSS/Atom feeds (feedparser): one article per item, full text when the feed has it.

When an item carries only a summary, its page is fetched (through the ``fetch_page``
function the caller passes in) and its main text used; when that fails, the summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import feedparser
import lxml.html

from polemos.errors import InputError
from polemos.ingest.clean import parse_meta_date
from polemos.records import Failure

FULL_TEXT_CHARS = 600  # item content shorter than this is a summary, not the article
_FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FeedItem:
    text: str
    source: str
    title: str | None
    url: str | None
    published: str | None
    author: str | None


FetchPage = Callable[[str], str]  # URL → main text of the page; raises InputError


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_START.match(text[:4000]))


def read_feed(
    item: str, text: str, *, fetch_page: FetchPage | None
) -> Iterator[FeedItem | Failure]:
    """The items of a feed, each with the best text available; a Failure for an empty item.

    Raises:
        InputError: the text is not a feed or has no items.
    """
    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(
            item, f"not a readable RSS/Atom feed, or a feed with no items{problem}. "
            "Check the address or the file.",
        )
    for n, entry in enumerate(parsed.entries, 1):
        try:
            yield _item(item, n, entry, fetch_page)
        except InputError as err:
            yield Failure(err.item, str(err))


def _item(item: str, n: int, entry: Any, fetch_page: FetchPage | None) -> FeedItem:
    link = entry.get("link") or None
    content = _html_text(entry["content"][0].get("value", "")) if entry.get("content") else ""
    summary = _html_text(entry.get("summary", ""))
    text = content if len(content) >= FULL_TEXT_CHARS else ""
    if not text and link and fetch_page is not None:
        try:
            text = fetch_page(link)
        except InputError:
            text = ""
    text = text or content or summary
    if not text:
        raise InputError(f"{item}#{n}", "this feed item has no text and no readable page.")
    date = parse_meta_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    return FeedItem(
        text=text, source=link or f"{item}#{n}", title=entry.get("title") or None, url=link,
        published=date.isoformat() if date else None, author=entry.get("author") or None,
    )


def _html_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraph breaks kept."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4"):
        br.tail = "\n\n" + (br.tail or "")
    return re.sub(r"\n\s*\n+", "\n\n", root.text_content()).strip()
