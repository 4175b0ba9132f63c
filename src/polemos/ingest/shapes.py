"""The shape of a block of text on a captured page: prose, heading, caption, chrome …

Pure functions over one line or paragraph. Nothing here knows a particular page:
the rules read punctuation, length, position words ("ago", "Photo:") and the small
vocabulary every web page shares ("Share", "Read more", "Subscribe").
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal[
    "prose",  # a paragraph of the article
    "heading",  # short, no sentence-final punctuation: title, section head, label, bio …
    "question",  # a short line ending in "?": a title when it opens an article
    "caption",  # an image caption or credit
    "byline",  # "By Jane Roe", "Authors: …"
    "dateline",  # a line that is only a date ("Published 7 January 2021")
    "chrome",  # navigation, share buttons, cookie notices, "From our partner …"
    "end",  # "Continue Reading", "Read more": the article stops here
    "label",  # a section label with a time ("Americas1 hour ago")
    "teaser",  # a blurb cut off with an ellipsis
    "note",  # a footnote or reference line ("[3] Author, Title, 2019.")
]

MAX_HEADING_WORDS = 25
MAX_HEADING_CHARS = 200

_CLOSERS = "\"'”’»)]*"
_FOOTNOTE_TAIL = re.compile(r"(\[\d+\]|\(\d+\))+$")
_ELLIPSIS = re.compile(r"(\.\s?\.\s?\.|…)[\"'”’)\]]*$")

_END = re.compile(
    r"^(continue reading|read more|keep reading|read on|read the (full|whole|rest of the) "
    r"(story|article|post)|read full (story|article)|(view|see) (more|full story)"
    # what follows these is not the article: comments, cards for other stories
    r"|\d* ?comments?|leave a (comment|reply)|join the (discussion|conversation)"
    r"|related( articles| stories| posts| news| coverage)?|more (stories|news|articles)"
    r"( from .{1,40})?|you (may|might) also like|read next|recommended( for you| stories)?"
    r"|more on this (story|topic)|more from .{1,40}|see all( from .{1,40})?)\W*$",
    re.IGNORECASE,
)
_CHROME = re.compile(
    r"^(connect with us|follow us( on .{1,40})?|share( this( article| story| post)?)?"
    r"|share on .{1,30}|tweet|email|e-mail|print|subscribe( now)?|sign (up|in)|log ?in"
    r"|register|menu|search|home|skip to (main )?content|advertisement|advertising|sponsored"
    r"( content)?|(accept|manage)( all)? cookies|trending( now)?|\d+\s*min(ute)?s? read"
    r"|most (read|popular|viewed)|latest( news| stories)?"
    r"|newsletter|back to top|(previous|next)( article| post| story)?"
    r"|don'?t miss|top stories|editor'?s picks?|watch|listen"
    r"|(read|see) also|also read|tags?|topics|categories|about us|contact( us)?"
    r"|privacy policy|terms (of use|of service|and conditions)|all rights reserved)\W*$",
    re.IGNORECASE,
)
_CHROME_PREFIX = re.compile(
    r"^((read also|also read|see also|read more|related|tags?|topics|filed under)\s*:"
    r"|(sign up|subscribe|follow us|join us|download|get) (to|for|on|the|our)\b[^.!?]{0,60}$"
    r"|from our partners?\b|originally published\b|this (article|story|post) (was |first )?"
    r"(originally )?(published|appeared)\b|we use cookies\b|this (web)?site uses cookies\b"
    r"|.{0,40}\b\d+\s*min(ute)?s? read\b.{0,40}$|listen to (this|the) (article|story)|write to .{1,60}\bat\b|appeared in (the )?.{0,40}"
    r"(print|edition)|\S+@\S+\.\w+$"
    r"|©|copyright\b|\(c\) \d{4})",
    re.IGNORECASE,
)
# A quantified run starts where its class starts (the look-behind): otherwise a search
# tries every position of a long digit run and re-scans the rest of it, quadratic time.
_TIME_AGO = re.compile(
    r"(?<!\d)\d+\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?)\s+ago$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(file )?(image|photo|picture|illustration|video|graphic|cover)s?"
    r"\s*(source|credit|courtesy|by)?\s*[:|]"
    r"|\b(photo|image|picture|illustration)s?\s*(source|credit|courtesy|by)?\s*:\s*[^.!?]{1,80}$"
    r"|\((photo|image|picture|file photo)[^)]{0,80}\)$"
    r"|\b(photograph|photo|image)\s+(by|courtesy of|credit)\s+[^.!?]{1,60}$",
    re.IGNORECASE,
)
_CREDIT = re.compile(  # agency/photographer credits: "REUTERS/Jane Roe", "(Jane Roe/AFP)"
    r"\b[A-Z]{2,}/[A-Z][a-z][\w.' -]{1,40}\)?$|/\s*(Getty Images|AFP|Reuters|AP|EPA|Shutterstock)\)?$"
)
_BYLINE = re.compile(
    r"^(by|written by|words by|reporting by|authors?\s*:|author\s+)\s*[A-Z\u00C0-\u024F]",
    re.IGNORECASE,
)
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_DATELINE = re.compile(
    r"^((published|updated|posted|last updated|date)\s*(on|:)?\s*)?"
    r"(\w+day,?\s+)?"
    r"(\d{1,2}\s+" + _MONTH + r",?\s+\d{4}|" + _MONTH + r"\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"([,\s]+(at\s+)?\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?\W*$",
    re.IGNORECASE,
)
_NOTE = re.compile(r"^(\[\d+\]|\^\d*|\d+\.\s+(ibid|see|cf)\b)", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s[|·•»/]\s")


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (., !, ?), past quotes and footnote marks."""
    tail = _FOOTNOTE_TAIL.sub("", text.rstrip()).rstrip(_CLOSERS).rstrip()
    return tail.endswith((".", "!", "?")) and not has_ellipsis(text)


def has_ellipsis(text: str) -> bool:
    return bool(_ELLIPSIS.search(text.rstrip()))


def word_count(text: str) -> int:
    return len(text.split())


def is_end_marker(text: str) -> bool:
    return bool(_END.match(text.strip()))


def is_time_label(text: str) -> bool:
    """A short label that carries a relative time: "Americas1 hour ago", "5 min ago"."""
    return word_count(text) <= 8 and bool(_TIME_AGO.search(text.strip()))


def is_chrome(text: str) -> bool:
    """Navigation, share buttons and notices every page carries."""
    line = text.strip().lstrip("•·-*>#").strip()
    if _CHROME.match(line) or (len(line) < 300 and _CHROME_PREFIX.match(line)):
        return True
    return len(_SEPARATORS.findall(line)) >= 2 and not ends_sentence(line)


def classify(text: str) -> Kind:
    """The kind of one block, from its shape alone (position rules come later)."""
    line = text.strip()
    n_words = word_count(line)
    if is_end_marker(line):
        return "end"
    if is_time_label(line):
        return "label"
    if is_chrome(line):
        return "chrome"
    if _NOTE.match(line) and len(line) < 400:
        return "note"
    if len(line) <= 300 and (_CAPTION.search(line) or _CREDIT.search(line)):
        return "caption"
    if n_words <= 12 and _DATELINE.match(line):
        return "dateline"
    if n_words <= 15 and _BYLINE.match(line) and not ends_sentence(line):
        return "byline"
    if has_ellipsis(line) and n_words > 3:
        return "teaser"
    return _shape(line, n_words)


def _shape(line: str, n_words: int) -> Kind:
    short = n_words <= MAX_HEADING_WORDS and len(line) <= MAX_HEADING_CHARS
    if short and line.rstrip(_CLOSERS).endswith("?") and n_words <= 20:
        return "question"
    if short and not ends_sentence(line) and not line.endswith((",", ";", ":")):
        return "heading"
    return "prose"


_BIO_ROLE = re.compile(
    r"\b(student|professor|lecturer|researcher|research fellow|fellow|analyst|journalist|"
    r"correspondent|editor|writer|author of|graduate|candidate|ph\.?d|director|founder|"
    r"expert|scholar|consultant|contributor|columnist)\b",
    re.IGNORECASE,
)
_BIO_NAME_IS = re.compile(
    r"^[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){1,3}\s+(is|was|has been|holds|teaches|works)\b"
)


def looks_like_bio(text: str) -> bool:
    """A one-paragraph author note: "Jane Roe is a fellow at …", "PhD candidate at …"."""
    line = text.strip()
    if len(line) > 350 or line.count(". ") > 2:
        return False
    head = " ".join(line.split()[:8])
    return bool(_BIO_NAME_IS.match(line) and _BIO_ROLE.search(line)) or bool(
        _BIO_ROLE.search(head) and not ends_sentence(line)
    )
