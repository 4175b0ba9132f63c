"""RSS/Atom feeds (feedparser): one article per item, full text when the feed has it.

When an item carries only a summary, its page is fetched (through the ``fetch_page``
function the caller passes in, in a few threads at once) and its main text used. When the
page cannot be read the item is a ``Failure`` naming the page: its summary is not stored in
place of the article, so a later run, with the page back, stores the full text.

feedparser is quadratic on long person fields (its e-mail pattern runs over every
``<author>``, ``<dc:creator>``, ``<managingEditor>`` …), so those are cut to
``PERSON_CHARS`` before it sees the feed.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import feedparser
import lxml.html

from polemos.errors import InputError
from polemos.ingest.clean import parse_meta_date
from polemos.ingest.fetch import is_url
from polemos.records import Failure

FULL_TEXT_CHARS = 600  # item content shorter than this is a summary, not the article
FETCH_THREADS = 6  # item pages downloaded at once: hides slow servers, stays polite
PERSON_CHARS = 500  # a person field longer than this is cut before feedparser reads it
_FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
# the text of a person element (any namespace prefix, optionally in CDATA) past PERSON_CHARS;
# every part stops at the next "<", so the scan is linear
_LONG_PERSON = re.compile(
    r"(<(?:[\w.-]+:)?(?:author|creator|contributor|publisher|managingeditor|webmaster|name"
    rf"|email|owner)\b[^<>]*>(?:<!\[CDATA\[)?)([^<\]]{{{PERSON_CHARS}}})[^<\]]*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FeedItem:
    text: str
    source: str
    title: str | None
    url: str | None
    published: str | None
    author: str | None


@dataclass(frozen=True, slots=True)
class _Draft:
    """An item as the feed has it; ``page`` is the link to fetch for the full text."""

    item: FeedItem
    page: str | None


FetchPage = Callable[[str], str]  # URL → main text of the page; raises InputError


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_START.match(text[:4000]))


def bound_feed(text: str) -> str:
    """The feed with every person field cut to ``PERSON_CHARS`` (linear time)."""
    return _LONG_PERSON.sub(_cut_person, text)


def _cut_person(match: re.Match[str]) -> str:
    kept = match.group(2)
    amp = kept.rfind("&")
    if amp > kept.rfind(";"):  # do not leave half an entity
        kept = kept[:amp]
    return match.group(1) + kept


def read_feed(
    item: str, text: str, *, fetch_page: FetchPage | None, threads: int = FETCH_THREADS
) -> Iterator[FeedItem | Failure]:
    """The items of a feed in order, each with the best text available; a Failure for an
    item without text or whose page cannot be read. Pages are fetched ``threads`` at once.

    Raises:
        InputError: the text is not a feed or has no items.
    """
    parsed = feedparser.parse(bound_feed(text))
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(
            item, f"not a readable RSS/Atom feed, or a feed with no items{problem}. "
            "Check the address or the file.",
        )
    drafts = (_guarded_draft(item, n, entry, has_fetch=fetch_page is not None)
              for n, entry in enumerate(parsed.entries, 1))
    if fetch_page is None:
        yield from (_finish(d, None) for d in drafts)
    else:
        yield from _with_pages(drafts, fetch_page, threads=threads)


def _with_pages(drafts: Iterable[_Draft | Failure], fetch_page: FetchPage, *, threads: int
                ) -> Iterator[FeedItem | Failure]:
    """Complete the drafts in order while up to ``threads`` pages download ahead of them."""
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="polemos-feed")
    pending: deque[tuple[_Draft | Failure, Future[str] | None]] = deque()
    try:
        for draft in drafts:
            page = draft.page if isinstance(draft, _Draft) else None
            pending.append((draft, None if page is None else pool.submit(fetch_page, page)))
            while len(pending) > 2 * threads:  # bounded look-ahead: pages wait for the coder
                yield _finish(*pending.popleft())
        while pending:
            yield _finish(*pending.popleft())
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # each running fetch has its deadline


def _guarded_draft(item: str, n: int, entry: Any, *, has_fetch: bool) -> _Draft | Failure:
    """``_draft``, or a Failure naming the item when the feed's HTML breaks the parser: one
    odd item must not cost the rest of the feed."""
    try:
        return _draft(item, n, entry, has_fetch=has_fetch)
    except Exception as err:  # noqa: BLE001 - lxml raises several kinds on odd fragments
        return Failure(f"{item}#{n}", f"{item}#{n}: this feed item's HTML cannot be read "
                       f"({type(err).__name__}: {err}); the item was left out.")


def _draft(item: str, n: int, entry: Any, *, has_fetch: bool) -> _Draft | Failure:
    link = entry.get("link") or None
    content = _html_text(entry["content"][0].get("value", "")) if entry.get("content") else ""
    summary = _html_text(entry.get("summary", ""))
    is_full = len(content) >= FULL_TEXT_CHARS
    # only a web page can hold the full text; any other link (urn:, a relative path) cannot
    page = link if link and is_url(link) and has_fetch and not is_full else None
    text = content if is_full else content or summary
    if not text and page is None:
        return Failure(f"{item}#{n}", f"{item}#{n}: this feed item has no text and no page to "
                       "read it from.")
    date = parse_meta_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    feed_item = FeedItem(
        text=text, source=link or f"{item}#{n}", title=entry.get("title") or None, url=link,
        published=date.isoformat() if date else None, author=entry.get("author") or None,
    )
    return _Draft(feed_item, page)


def _finish(draft: _Draft | Failure, page: Future[str] | None) -> FeedItem | Failure:
    if isinstance(draft, Failure):
        return draft
    if page is None:
        return draft.item
    link = draft.page or draft.item.source
    try:
        text = page.result()
    except InputError as err:
        return Failure(link, f"{err} The feed item was not stored (its summary is not the "
                       "article); ingest the feed again when the page can be read.")
    except Exception as err:  # noqa: BLE001 - a page that breaks the extractor costs one item
        return Failure(link, f"{link}: its page could not be read ({type(err).__name__}: "
                       f"{err}). The feed item was not stored.")
    if not (text or draft.item.text):
        return Failure(link, f"{link}: the page has no article text and the feed item none "
                       "either; nothing to store.")
    return FeedItem(text or draft.item.text, draft.item.source, draft.item.title,
                    draft.item.url, draft.item.published, draft.item.author)


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
