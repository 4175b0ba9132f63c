"""A small fictional corpus for report tests: Gondor and Mordor at war, Rohan and Arnor outside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from polemos.analysis.conflicts import Conflict, Conflicts
from polemos.records import Article, Event, EventDate, Mention, Participant, Result, Sentence

WAR = Conflicts(
    (
        Conflict(
            name="War of the Ring",
            parties=("GON", "MOR"),
            aliases=("Ring War",),
            territories=("Osgiliath",),
        ),
    )
)
NAMES = {"GON": "Gondor", "MOR": "Mordor", "ROH": "Rohan", "ARN": "Arnor", "SHI": "the Shire"}


@dataclass(frozen=True)
class Spec:
    """One event: in sentence ``sentence``, ``actor`` does ``cameo`` to ``recipient``."""

    sentence: int
    actor: str
    recipient: str | None
    cameo: str
    goldstein: float
    quad: int
    day: dt.date | None
    precision: str = "day"
    type: str = "CONSULT"
    is_negated: bool = False


def make_result(
    doc_id: str,
    title: str,
    sentences: Sequence[str],
    specs: Sequence[Spec],
    *,
    published: dt.date | None = None,
    names: Mapping[str, str] = NAMES,
) -> Result:
    """A stored-shape Result: sentences joined by spaces, a mention per actor name found."""
    text, records, offset = "", [], 0
    for i, sent in enumerate(sentences):
        records.append(Sentence(doc_id, i, offset, offset + len(sent), sent))
        text += sent + " "
        offset += len(sent) + 1
    mentions = []
    for record in records:
        for code, name in names.items():
            at = record.text.find(name)
            if at >= 0:
                start = record.start + at
                mentions.append(
                    Mention(
                        doc_id,
                        record.index,
                        start,
                        start + len(name),
                        name,
                        code,
                        kind="state",
                        rule="kb",
                    )
                )
    events = tuple(
        _event(doc_id, n, spec, records[spec.sentence], names) for n, spec in enumerate(specs)
    )
    article = Article(
        doc_id=doc_id, text=text.strip(), title=title, source=f"{doc_id}.txt", published=published
    )
    return Result(article, tuple(records), tuple(mentions), events)


def _event(doc_id: str, n: int, spec: Spec, sent: Sentence, names: Mapping[str, str]) -> Event:
    def part(code: str) -> Participant:
        return Participant(
            code=code, sector=None, text=names.get(code, code), start=sent.start, end=sent.start + 1
        )

    words = sent.text.split(" ")
    word = words[1] if len(words) > 1 else words[0]  # the verb, in these simple sentences
    at = sent.start + sent.text.index(word)
    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        sentence=sent.index,
        type=spec.type,
        cameo=spec.cameo,
        goldstein=spec.goldstein,
        quad=spec.quad,
        actors=(part(spec.actor),),
        recipients=(part(spec.recipient),) if spec.recipient else (),
        date=EventDate(
            spec.day, spec.precision if spec.day else None, "text" if spec.day else "none"
        ),
        is_negated=spec.is_negated,
        sentence_text=sent.text,
        sentence_start=sent.start,
        sentence_end=sent.end,
        pattern="test",
        coder="test.v1",
        trigger=word,
        trigger_start=at,
        trigger_end=at + len(word),
    )


WAR_SENTENCES = (
    "Mordor attacked Gondor at Osgiliath.",
    "Rohan sent riders to aid Gondor.",
    "Arnor met envoys of Gondor and Mordor.",
    "Mordor threatened Rohan.",
    "Rohan did not attack Mordor.",
    "The Shire traded with Arnor.",
)
WAR_EVENTS = (
    Spec(0, "MOR", "GON", "190", -10.0, 4, dt.date(3019, 3, 15), type="ASSAULT"),
    Spec(1, "ROH", "GON", "070", 7.0, 2, dt.date(3019, 3, 1), "month", type="AID"),
    Spec(2, "ARN", "GON", "040", 1.0, 1, dt.date(3018, 1, 1), "year"),
    Spec(2, "ARN", "MOR", "040", 1.0, 1, dt.date(3018, 6, 10)),
    Spec(3, "MOR", "ROH", "130", -6.0, 3, dt.date(3017, 1, 1), "year", type="THREATEN"),
    Spec(4, "ROH", "MOR", "190", -10.0, 4, dt.date(3019, 3, 20), type="ASSAULT", is_negated=True),
    Spec(5, "SHI", "ARN", "061", 6.0, 2, None, type="COOPERATE"),
)
OTHER_SENTENCES = ("Arnor and the Shire signed a trade pact.",)
OTHER_EVENTS = (Spec(0, "ARN", "SHI", "057", 8.0, 1, dt.date(3010, 5, 1), type="AGREE"),)
