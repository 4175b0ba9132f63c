"""Long texts parsed in parts and stitched into one Doc, so that work stays bounded.

spaCy refuses a text over ``nlp.max_length`` characters, its memory grows with the length
of each text it parses at once, and the stages after it work sentence by sentence: one
"sentence" of 100,000 words (a line without a full stop) makes them slow. So a text that
is long, or that holds a long run without a sentence end, is cut into parts:

1. at paragraph breaks, parts packed up to ``part_chars``;
2. a paragraph longer than that, at sentence ends;
3. a run of more than ``run_chars`` characters with no sentence end, at spaces (or anywhere,
   when it has none), each piece a part of its own: a part boundary is a sentence boundary.

The parts, joined, are exactly the text, so the stitched Doc keeps every character offset.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

PART_CHARS = 50_000  # characters parsed at once (spaCy's own limit is 1,000,000)
RUN_CHARS = 2_000  # longest run without a sentence end kept whole (~400 words)
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?。！？\n]")
# a run starts where its class starts (the look-behind): a search then never re-scans a
# long run of dots from every position in it
_SENTENCE_BREAK = re.compile(r"(?<![.!?。！？])[.!?。！？]+[\"'”’)\]]*\s+")


def needs_parts(text: str, *, part_chars: int = PART_CHARS, run_chars: int = RUN_CHARS) -> bool:
    """Whether ``text`` is too long to parse at once, or holds a run without a sentence end."""
    return len(text) > part_chars or _longest_run(text) > run_chars


def split_parts(text: str, *, part_chars: int = PART_CHARS, run_chars: int = RUN_CHARS) -> list[str]:
    """``text`` cut into parts no longer than ``part_chars``; ``"".join(parts) == text``."""
    parts: list[str] = []
    current = ""
    for unit in _units(text, part_chars=part_chars, run_chars=run_chars):
        is_piece = len(unit) > run_chars or _longest_run(unit) > run_chars
        if is_piece or len(current) + len(unit) > part_chars:
            if current:
                parts.append(current)
            current = ""
        if is_piece:
            parts.extend(_cut_run(unit, run_chars))
        else:
            current += unit
    if current:
        parts.append(current)
    return parts


def parse_in_parts(nlp: Language, text: str, **limits: int) -> Doc:
    """One Doc for ``text``, parsed part by part (see the module docstring)."""
    docs = [nlp(part) for part in split_parts(text, **limits)]  # one by one: memory stays flat
    return Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]


def _units(text: str, *, part_chars: int, run_chars: int) -> list[str]:
    """Paragraphs (with the break after them); long ones as sentences."""
    units: list[str] = []
    for paragraph in _split_after(_PARAGRAPH_BREAK, text):
        if len(paragraph) <= part_chars and _longest_run(paragraph) <= run_chars:
            units.append(paragraph)
        else:
            units.extend(_split_after(_SENTENCE_BREAK, paragraph))
    return units


def _split_after(pattern: re.Pattern[str], text: str) -> list[str]:
    """``text`` cut after each match of ``pattern`` (the match stays with the piece before)."""
    pieces: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        if match.end() > start:
            pieces.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _cut_run(text: str, run_chars: int) -> list[str]:
    """Pieces of at most ``run_chars`` characters, cut after a space when there is one."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > run_chars:
        end = start + run_chars
        space = text.rfind(" ", start + run_chars // 2, end)
        end = space + 1 if space > 0 else end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _longest_run(text: str) -> int:
    """The most characters between two sentence ends (or line breaks), in one pass."""
    longest, last = 0, -1
    for match in _SENTENCE_END.finditer(text):
        longest = max(longest, match.start() - last - 1)
        last = match.start()
    return max(longest, len(text) - last - 1)
