"""Long texts parsed in parts and stitched into one Doc, so that work stays bounded.

spaCy refuses a text over ``nlp.max_length`` characters, its memory grows with the length
of each text it parses at once, and the stages after it work sentence by sentence: one
"sentence" of 100,000 words (a line without a full stop) makes them slow. So a text that
is long, or that holds a long run without a sentence end, is cut into parts:

1. at paragraph breaks, parts packed up to ``part_chars``;
2. a paragraph longer than that, at sentence ends;
3. a run of more than ``run_chars`` characters with no sentence end, at spaces (or anywhere,
   when it has none), each piece a part of its own: a part boundary is a sentence boundary;
4. a "word" of more than ``token_chars`` characters without a space, every ``token_chars``:
   spaCy's tokenizer takes time quadratic in the length of one (12,000 "!" took 42 s).

The parts, joined, are exactly the text, so the stitched Doc keeps every character offset.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

PART_CHARS = 50_000  # characters parsed at once (spaCy's own limit is 1,000,000)
RUN_CHARS = 2_000  # longest run without a sentence end kept whole (~400 words)
TOKEN_CHARS = 100  # longest run without a space kept whole (a long URL is cut in two)
_WORD = re.compile(r"\S+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?。！？\n]")
# a run starts where its class starts (the look-behind): a search then never re-scans a
# long run of dots from every position in it
_SENTENCE_BREAK = re.compile(r"(?<![.!?。！？])[.!?。！？]+[\"'”’)\]]*\s+")


def needs_parts(text: str, *, part_chars: int = PART_CHARS, run_chars: int = RUN_CHARS) -> bool:
    """Whether ``text`` is too long to parse at once, or holds a run without a sentence end
    or a word too long for the tokenizer."""
    return len(text) > part_chars or _longest_run(text) > run_chars or _has_long_word(text)


def split_parts(text: str, *, part_chars: int = PART_CHARS, run_chars: int = RUN_CHARS) -> list[str]:
    """``text`` cut into parts no longer than ``part_chars``; ``"".join(parts) == text``."""
    parts: list[str] = []
    current = ""
    for unit in _units(text, part_chars=part_chars, run_chars=run_chars):
        is_piece = len(unit) > run_chars or _longest_run(unit) > run_chars or _has_long_word(unit)
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
    """One Doc for ``text``, parsed part by part (see the module docstring).

    Parts go through ``nlp.pipe`` in groups of at most ``PART_CHARS`` characters: many
    small parts are batched, and big ones never sit in memory together.
    """
    docs: list[Doc] = []
    group: list[str] = []
    for part in [*split_parts(text, **limits), None]:
        if group and (part is None or sum(map(len, group)) + len(part) > PART_CHARS):
            docs.extend(nlp.pipe(group))
            group = []
        if part is not None:
            group.append(part)
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
    """Pieces of at most ``run_chars`` characters, cut after a space when there is one;
    a word longer than ``TOKEN_CHARS`` in pieces of that length."""
    pieces: list[str] = []
    start = 0
    for word in _WORD.finditer(text):
        if word.end() - word.start() > TOKEN_CHARS:
            if word.start() > start:
                pieces.extend(_cut_at_spaces(text[start : word.start()], run_chars))
            pieces.extend(text[i : min(i + TOKEN_CHARS, word.end())]
                          for i in range(word.start(), word.end(), TOKEN_CHARS))
            start = word.end()
    if start < len(text):
        pieces.extend(_cut_at_spaces(text[start:], run_chars))
    return pieces


def _has_long_word(text: str) -> bool:
    return any(word.end() - word.start() > TOKEN_CHARS for word in _WORD.finditer(text))


def _cut_at_spaces(text: str, run_chars: int) -> list[str]:
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
