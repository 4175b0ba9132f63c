"""The date each sentence speaks of, and the date of one event inside a sentence.

Rules for a sentence (``analyse_time``), in order:

1. **text**: the sentence has a resolved temporal expression of its own; when it has
   several, the one attached to the main clause (else the first). A sentence whose
   only expressions cannot be resolved ("yesterday" without a publication date) gets
   no date rather than a neighbour's.
2. **narrative**: the running anchor of the paragraph (the last date of a sentence
   before it in the same paragraph). Paragraphs are blocks separated by blank lines.
   The anchor also carries into the next paragraph, but only for past-tense sentences
   and only when the previous paragraph was itself mostly past-tense narration (a
   continuous history); a present-tense sentence gets the narrative anchor only inside
   its own paragraph and only when there is no publication date.
3. **publication**: the article's published date, only for present, present-perfect
   or future sentences.
4. **none**.

The publication date is never given to a past-tense sentence. Relative expressions
("Twenty-six years later", "the following year") resolve against the last anchor before
them anywhere in the document; deictic ones ("yesterday", "on Thursday") against the
publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from polemos.nlp.annotate import Parsed
from polemos.records import NO_DATE, EventDate, Sentence, TimeAnalysis, Timex
from polemos.timex.clauses import Tense, clause_of, span_of, tense_of
from polemos.timex.resolve import resolve
from polemos.timex.scan import Found, scan

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass
class _State:
    """The running anchors while reading a document."""

    reference: dt.date | None
    anchor: EventDate | None = None  # the last date given by the text (any paragraph)
    paragraph: int = -1
    paragraph_anchor: EventDate | None = None
    carried: EventDate | None = None  # anchor offered to the next paragraph's history
    n_past: int = 0
    n_tensed: int = 0


def analyse_time(parsed: Parsed) -> TimeAnalysis:
    """Timexes of the whole document and one EventDate per sentence."""
    text = parsed.article.text
    state = _State(parsed.article.published)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    found = scan(text)
    starts = [f.start for f in found]
    timexes: list[Timex] = []
    dates: list[EventDate] = []
    for sentence in parsed.sentences:
        _enter_paragraph(state, bisect.bisect_right(breaks, sentence.start))
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        sent = span_of(parsed.doc, sentence.start, sentence.end)
        tense: Tense = tense_of(sent) if sent is not None else "unknown"
        own = _resolve_all([_with_tense(f, tense) for f in found[lo:hi]], state)
        timexes.extend(timex for _, timex in own)
        date, is_anchor = _sentence_date(parsed, sent, own, tense, state)
        dates.append(date)
        _after_sentence(state, date, tense, is_anchor=is_anchor)
    return TimeAnalysis(tuple(timexes), tuple(dates))


def _enter_paragraph(state: _State, paragraph: int) -> None:
    if paragraph == state.paragraph:
        return
    # a paragraph without tensed sentences (a heading, a caption) does not break a history
    is_history = state.n_tensed == 0 or 2 * state.n_past >= state.n_tensed
    state.carried = (state.paragraph_anchor or state.carried) if is_history else None
    state.paragraph, state.paragraph_anchor = paragraph, None
    state.n_past = state.n_tensed = 0


def _after_sentence(state: _State, date: EventDate, tense: Tense, *, is_anchor: bool) -> None:
    state.n_tensed += tense != "unknown"
    state.n_past += tense == "past"
    if is_anchor and date.value is not None and date.basis == "text":
        state.paragraph_anchor = replace(date, basis="narrative", text=None)


def _with_tense(item: Found, tense: Tense) -> Found:
    """A bare weekday in a present or future sentence is the coming one ("meets Wednesday")."""
    if item.unit == "weekday" and item.amount == 0 and tense in ("present", "future"):
        return replace(item, is_future=True)
    return item


def _resolve_all(found: list[Found], state: _State) -> list[tuple[Found, Timex]]:
    out: list[tuple[Found, Timex]] = []
    for item in found:
        date = resolve(item, state.anchor, state.reference)
        if date.value is not None and item.is_anchor:
            state.anchor = date
        out.append((item, Timex(item.start, item.end, item.text, date)))
    return out


def _sentence_date(
    parsed: Parsed,
    sent: Span | None,
    own: list[tuple[Found, Timex]],
    tense: Tense,
    state: _State,
) -> tuple[EventDate, bool]:
    """The sentence's date, and whether it may anchor the sentences after it.

    A date anchors the narrative when it is a point (not "since 1994") and either
    the sentence is past tense or the expression belongs to the main clause: "...
    the first since the revolution of 1979" in a present-tense sentence does not.
    """
    dated = [(item, timex) for item, timex in own if timex.date.value is not None]
    if dated:
        item, main, is_main = _main_timex(parsed, sent, dated)
        is_anchor = item.is_anchor and (is_main or tense == "past")
        if is_anchor:
            state.anchor = main.date
        return main.date, is_anchor
    if own:  # it names a time ("yesterday", "two days later") that cannot be resolved
        return NO_DATE, False
    return context_date(tense, state.paragraph_anchor, state.carried, state.reference), False


def context_date(
    tense: Tense,
    paragraph_anchor: EventDate | None,
    carried: EventDate | None,
    reference: dt.date | None,
) -> EventDate:
    """The date of a sentence without its own expression (rules 2-4 of the module doc)."""
    if tense in ("present", "future") and reference is not None:
        return EventDate(reference, "day", "publication")
    if paragraph_anchor is not None:
        return paragraph_anchor
    if tense == "past" and carried is not None:
        return carried
    return NO_DATE


def _main_timex(
    parsed: Parsed, sent: Span | None, dated: list[tuple[Found, Timex]]
) -> tuple[Found, Timex, bool]:
    """The expression attached to the main clause (else the first), and whether it is.

    When the main clause has several ("Twenty-six years later, on 9 October 2020"),
    the most precise one wins.
    """
    if sent is not None:
        main = [
            (item, timex)
            for item, timex in dated
            if (head := timex_head(parsed, timex)) is not None and clause_of(head) == sent.root
        ]
        if main:
            item, timex = min(main, key=lambda pair: _PRECISION_RANK[pair[1].date.precision])
            return item, timex, True
    return dated[0][0], dated[0][1], sent is None


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, None: 4}


def timex_head(parsed: Parsed, timex: Timex) -> Token | None:
    span = span_of(parsed.doc, timex.start, timex.end)
    return None if span is None else span.root


def sentence_context(parsed: Parsed, time: TimeAnalysis, index: int) -> EventDate:
    """What sentence ``index`` would be dated by without its own expressions."""
    sentences = parsed.sentences
    sentence: Sentence = sentences[index]
    sent = span_of(parsed.doc, sentence.start, sentence.end)
    tense: Tense = tense_of(sent) if sent is not None else "unknown"
    text = parsed.article.text
    paragraph_start = text.rfind("\n\n", 0, sentence.start)
    anchor: EventDate | None = None
    carried: EventDate | None = None
    for before in range(index - 1, -1, -1):
        date = time.date_of(before)
        if date.value is None or date.basis not in ("text", "narrative"):
            continue
        narrative = replace(date, basis="narrative", text=None)
        if sentences[before].start > paragraph_start:
            anchor = narrative
        else:
            carried = narrative
        break
    return context_date(tense, anchor, carried, parsed.article.published)
