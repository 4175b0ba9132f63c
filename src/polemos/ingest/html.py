"""HTML pages → main text and metadata (trafilatura), one result per article on the page.

trafilatura keeps only the first of several articles on a page, so a page with two
or more top-level <article> elements is split first and each part extracted alone.
Publication dates come from metadata only (meta tags, <time>, the URL), never from
the running text: htmldate's extensive search is switched off.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

from polemos.errors import InputError
from polemos.ingest.clean import parse_meta_date

logger = logging.getLogger(__name__)

MIN_ARTICLE_CHARS = 400  # an <article> with less text is a teaser card, not an article
MIN_WORDS = 3  # fewer real words than this is debris of broken markup, not text
_WORD = re.compile(r"[^\W\d_]{2,}")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]{0,200}\?>")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None  # ISO date from metadata
    author: str | None = None
    url: str | None = None


def extract_html(item: str, html: str, *, url: str | None = None) -> list[HtmlArticle]:
    """The articles of one HTML page.

    Raises:
        InputError: the markup cannot be parsed or holds no article text.
    """
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses it in a str (XHTML pages)
    root = _parse(item, html)
    parts = [a for a in root.xpath("//article[not(ancestor::article)]")
             if len(a.text_content().strip()) >= MIN_ARTICLE_CHARS]
    if len(parts) >= 2:
        found = [_extract_part(part, url=url) for part in parts]
        articles = [a for a in found if a is not None]
    else:
        whole = _extract(html, url=url, title=None)
        articles = [whole] if whole is not None else []
    if not articles:
        raise InputError(
            item,
            "no article text could be extracted: the HTML is malformed or the page holds "
            "no article. Check that it opens in a browser, or save the article as .txt.",
        )
    return articles


def _parse(item: str, html: str) -> lxml.html.HtmlElement:
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as err:
        raise InputError(
            item, f"the HTML cannot be parsed ({err}). Check that it is a web page, "
            "or save the article as .txt.",
        ) from err
    return root


def _extract_part(part: lxml.html.HtmlElement, *, url: str | None) -> HtmlArticle | None:
    heading = part.xpath("(.//h1|.//h2|.//h3)[1]")
    title = " ".join(heading[0].text_content().split()) if heading else None
    fragment = lxml.html.tostring(part, encoding="unicode")
    return _extract(f"<html><head></head><body>{fragment}</body></html>", url=url, title=title)


def _extract(html: str, *, url: str | None, title: str | None) -> HtmlArticle | None:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return None
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    text = str(doc.get("text") or "")
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    title = title or doc.get("title") or None
    published = parse_meta_date(doc.get("date"))
    return HtmlArticle(
        text=_body(text, title), title=title,
        published=published.isoformat() if published else None,
        author=doc.get("author") or None, url=doc.get("url") or url,
    )


def _body(text: str, title: str | None) -> str:
    """Paragraphs one blank line apart, without the title line trafilatura repeats."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)
