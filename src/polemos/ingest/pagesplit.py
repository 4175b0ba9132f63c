"""Split a plain-text capture of a web page into the articles it holds.

A capture ("save as text", a copy-paste of a page) mixes the articles' paragraphs
with page chrome (menus, section labels, share buttons, "Continue Reading"), image
captions, author bios and feeds of teasers for other stories. Every rule here reads
the shape of a block (see ``shapes.py``) and its neighbours, never a page's strings.

1. cut the text into blocks (paragraphs; hard-wrapped lines are joined)
2. label each block by its shape; short lines repeated on the page are labels
3. drop teaser feeds: (label) + heading + blurb cut off with an ellipsis
4. walk the blocks: a heading followed by prose opens an article; an end marker,
   a label, a byline or a run of stray lines before the next heading closes it
5. trim each article: trailing lines that are not prose (credits, bios) go
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from polemos.ingest.shapes import Kind, classify, is_time_label, looks_like_bio, word_count

MIN_ARTICLE_CHARS = 80  # below this an untitled run of prose is page furniture
MIN_CARD_CHARS = 200  # beside real articles, an item with less prose than this is a card
HEADING_KINDS = ("heading", "question")
OPENING_SIGNS = ("label", "end", "byline", "dateline", "chrome")


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class PageArticle:
    """One article found on a page: its title (when it has one) and paragraphs."""

    title: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class _Draft:
    title: str | None
    body: list[Block] = field(default_factory=list)


def split_page(text: str) -> list[PageArticle]:
    """The articles of a plain-text page capture, chrome and teasers removed."""
    blocks = drop_teasers(label_blocks(cut_blocks(text)))
    drafts = _walk(blocks)
    articles = [a for a in (_finish(d) for d in drafts) if a is not None]
    if len(articles) > 1:  # beside real articles, untitled or one-line items are cards
        articles = [a for a in articles if a.title is not None and _is_substantial(a)] or articles[:1]
    if not articles:
        prose = tuple(b.text for b in blocks if b.kind == "prose")
        if prose:
            heading = next((b.text for b in blocks if b.kind in HEADING_KINDS), None)
            articles = [PageArticle(heading, prose)]
    return articles


def cut_blocks(text: str) -> list[str]:
    """Paragraphs separated by blank lines; a hard-wrapped paragraph is joined again."""
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(line.split()) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_wrapped(lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def _is_wrapped(lines: list[str]) -> bool:
    """Lines of a re-flowed paragraph: all but the last long, and most not ending a sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(len(line) < 40 or len(line) > 120 for line in body):
        return False
    open_ends = sum(1 for line in body if not line.rstrip().endswith((".", "!", "?", ":")))
    return open_ends * 2 >= len(body)


def label_blocks(texts: list[str]) -> list[Block]:
    """Classify blocks; recurring short lines and runs of menu items are page chrome.

    A short line seen twice on the page is a section label, unless one of its
    occurrences heads prose (a title that a teaser repeats further down).
    """
    blocks = [Block(t, classify(t)) for t in texts]
    counts = Counter(_norm(b.text) for b in blocks if b.kind in HEADING_KINDS)
    titled = {_norm(blocks[i].text) for i in range(len(blocks)) if _heads_prose(blocks, i)}
    blocks = [
        Block(b.text, "label")
        if b.kind in HEADING_KINDS and counts[_norm(b.text)] >= 2 and _norm(b.text) not in titled
        else b
        for b in blocks
    ]
    return _mark_menus(blocks)


def _heads_prose(blocks: list[Block], i: int) -> bool:
    """Is block i followed by prose, past captions, bylines and datelines?"""
    for block in blocks[i + 1 :]:
        if block.kind == "prose":
            return True
        if block.kind not in ("caption", "byline", "dateline"):
            return False
    return False


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _mark_menus(blocks: list[Block]) -> list[Block]:
    """Three or more one-to-three-word headings in a row are a navigation menu."""
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].kind in ("heading", "chrome") and word_count(out[j].text) <= 3:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                out[k] = Block(out[k].text, "chrome")
        i = max(j, i + 1)
    return out


def drop_teasers(blocks: list[Block]) -> list[Block]:
    """Remove teaser entries: an optional label, a heading, then a blurb cut off with '…'.

    A blurb counts as a teaser only when no prose follows it, so an article whose
    first paragraph happens to trail off is kept (as prose).
    """
    drop: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind == "label" and is_time_label(block.text):
            drop.add(i)
        if block.kind != "teaser":
            continue
        nxt = blocks[i + 1].kind if i + 1 < len(blocks) else None
        prev = i - 1
        if nxt == "prose" or prev < 0 or blocks[prev].kind not in HEADING_KINDS:
            continue
        drop.update({i, prev})
        if prev - 1 >= 0 and blocks[prev - 1].kind == "label":
            drop.add(prev - 1)
    kept = [b for i, b in enumerate(blocks) if i not in drop]
    return [Block(b.text, "prose") if b.kind == "teaser" else b for b in kept]


def _walk(blocks: list[Block]) -> list[_Draft]:
    """Group prose under the headings that open articles (step 4 of the module doc)."""
    drafts: list[_Draft] = []
    gap: list[Block] = []  # what lies between the last prose block and this one
    is_closed = True
    for block in blocks:
        if block.kind == "end":
            is_closed = True
            gap = []
            continue
        if block.kind != "prose":
            gap.append(block)
            continue
        if not drafts or is_closed or _opens_article(gap):
            drafts.append(_Draft(_pick_title(gap, is_first=not drafts)))
        else:
            drafts[-1].body.extend(b for b in gap if b.kind in HEADING_KINDS)
        drafts[-1].body.append(block)
        gap = []
        is_closed = False
    return drafts


def _opens_article(gap: list[Block]) -> bool:
    """Inside an article, does this run of non-prose blocks start a new one?

    A lone heading between paragraphs is a subheading. A label, an end marker, a
    byline or a dateline, or more than one stray line, mean a new article begins.
    """
    if any(b.kind in OPENING_SIGNS for b in gap):
        return any(b.kind in HEADING_KINDS for b in gap)
    return sum(1 for b in gap if b.kind in HEADING_KINDS) >= 2


def _pick_title(gap: list[Block], *, is_first: bool) -> str | None:
    """The title among the lines before an article's first paragraph.

    Lines after the last separator (label, end marker, chrome) are the article's head.
    The head's first heading of three words or more is the title (a caption or dek
    may follow it); with no separator between two articles, the previous article's
    leftovers come first, so the last heading is taken instead. When share buttons
    or a byline row follow the title, the head is empty: the nearest long heading
    before them is taken.
    """
    seps = [i for i, b in enumerate(gap) if b.kind in ("label", "end", "chrome")]
    last_sep = seps[-1] if seps else -1
    head = _title_candidates(gap[last_sep + 1 :])
    if not head:
        before = _title_candidates(gap[: max(last_sep, 0)])
        return next((t for t in reversed(before) if word_count(t) >= 3), None)
    if last_sep < 0 and not is_first:
        return head[-1]
    return next((t for t in head if word_count(t) >= 3), head[-1])


def _title_candidates(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.kind in HEADING_KINDS and not looks_like_bio(b.text)]


def _is_substantial(article: PageArticle) -> bool:
    """Enough running prose (subheadings not counted) to be an article, not a card."""
    prose = [p for p in article.paragraphs if classify(p) not in HEADING_KINDS]
    return sum(len(p) for p in prose) >= MIN_CARD_CHARS


def _finish(draft: _Draft) -> PageArticle | None:
    """Trim trailing non-prose lines and a closing author bio; drop empty drafts."""
    body = list(draft.body)
    while body and body[-1].kind != "prose":
        body.pop()
    if len(body) > 1 and looks_like_bio(body[-1].text):
        body.pop()
    while body and body[-1].kind != "prose":
        body.pop()
    paragraphs = tuple(b.text for b in body)
    if not paragraphs:
        return None
    if draft.title is None and sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS:
        return None
    return PageArticle(draft.title, paragraphs)
