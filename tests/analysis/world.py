"""A tiny fictional world for the positions tests: Arnor mediates between Gondor and Mordor."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from polemos.actors.entries import Actor
from polemos.actors.kb import Candidate
from polemos.records import (
    Article,
    Claim,
    Event,
    EventDate,
    Mention,
    Participant,
    Result,
    Sentence,
)

NAMES = {"Arnor": "ARN", "Arnorian": "ARN", "Gondor": "GON", "Gondorian": "GON",
         "Mordor": "MOR", "Rohan": "ROH", "the Council": "WCO", "Ithilien": "ITH"}
KINDS = {"WCO": "igo", "ITH": "defacto"}


def year(y: int, m: int | None = None, d: int | None = None) -> EventDate:
    precision = "day" if d else "month" if m else "year"
    return EventDate(dt.date(y, m or 1, d or 1), precision, "text")  # type: ignore[arg-type]


@dataclass
class Doc:
    """Builds one Result: sentences, mentions by name, events and claims by sentence."""

    doc_id: str
    sentences: list[str]
    dates: list[EventDate]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def offsets(self, idx: int) -> tuple[int, int]:
        start = sum(len(s) + 1 for s in self.sentences[:idx])
        return start, start + len(self.sentences[idx])

    def records(self) -> tuple[Sentence, ...]:
        return tuple(Sentence(self.doc_id, i, *self.offsets(i), s)
                     for i, s in enumerate(self.sentences))

    def mentions(self) -> list[Mention]:
        out = []
        for i, sentence in enumerate(self.sentences):
            start, _ = self.offsets(i)
            for name, code in NAMES.items():
                for m in re.finditer(rf"\b{re.escape(name)}\b", sentence):
                    out.append(Mention(self.doc_id, i, start + m.start(), start + m.end(), name,
                                       code, "GOV", None, KINDS.get(code, "state")))  # type: ignore[arg-type]
        return sorted(out, key=lambda m: m.start)

    def participant(self, idx: int, code: str) -> Participant:
        name = next(n for n, c in NAMES.items() if c == code)
        start, _ = self.offsets(idx)
        at = self.sentences[idx].find(name)
        return Participant(code, "GOV", name, start + at, start + at + len(name))

    def event(self, idx: int, cameo: str, kind: str, actors: list[str], recipients: list[str],
              *, goldstein: float, quad: int, mediators: list[str] = (),  # type: ignore[assignment]
              date: EventDate | None = None, negated: bool = False, mode: str | None = None
              ) -> Event:
        start, end = self.offsets(idx)
        key = f"{self.doc_id}:{idx}:{cameo}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:12], doc_id=self.doc_id,
            sentence=idx, type=kind, cameo=cameo, goldstein=goldstein, quad=quad,
            actors=tuple(self.participant(idx, c) for c in actors),
            recipients=tuple(self.participant(idx, c) for c in recipients),
            mediators=tuple(self.participant(idx, c) for c in mediators), mode=mode,
            trigger=kind.lower(), date=date or self.dates[idx], is_negated=negated,
            sentence_text=self.sentences[idx], sentence_start=start, sentence_end=end,
            pattern="test", coder="test",
        )

    def claim(self, idx: int, kind: str, holder: str, topic: str, *, toward: tuple[str, ...] = (),
              polarity: float = 0.0, rule: str = "") -> Claim:
        start, end = self.offsets(idx)
        return Claim(f"{self.doc_id}-{idx}-{topic}-{holder}", self.doc_id, idx, kind,  # type: ignore[arg-type]
                     holder, self.sentences[idx], start, end, toward, polarity, topic,
                     rule or f"test:{topic}", self.dates[idx])

    def result(self, events: list[Event] = (), claims: list[Claim] = ()  # type: ignore[assignment]
               ) -> Result:
        article = Article(self.doc_id, self.text, title=f"Title {self.doc_id}")
        return Result(article, self.records(), tuple(self.mentions()), tuple(events),
                      tuple(claims), tuple(self.dates))


CONFLICTS = """
- name: War of the Ring
  aliases: [Ring War]
  parties: [GON, MOR]
  territories: [Ithilien, Osgiliath]
  start: 3018
- name: Northern Dispute
  parties: [ARN, ROH]
  territories: [Fornost]
"""


def seed(store) -> tuple[Doc, Doc]:  # type: ignore[no-untyped-def]
    """Two documents about the war; the second dates the Osgiliath truce differently."""
    a = Doc("doc-a", [
        "In 1994 Arnor mediated talks between Gondor and Mordor over Ithilien.",
        "Arnor delivered weapons to Gondor in 1995.",
        "Arnor has been a supplier of weapons to both sides.",
        "Arnor recognised the territorial integrity of Gondor in 1996.",
        "Arnor called on Mordor to withdraw from Ithilien in 1997.",
        "The strategic partnership between Arnor and Gondor deepened in 1998.",
        "Arnor did not send arms to Rohan in 1999.",
        "These steps signal a diminishing Arnorian influence on the war.",
        "First, Gondor and Mordor hardened their positions.",
        "Arnor brokered a truce at Osgiliath between Gondor and Mordor in 2001.",
    ], [year(1994), year(1995), EventDate(), year(1996), year(1997), year(1998), year(1999),
        EventDate(), EventDate(), year(2001)])
    b = Doc("doc-b", [
        "Arnor brokered a truce at Osgiliath between Gondor and Mordor in 2003.",
        "Critics said there were perceptions that Arnor directly supported Gondor.",
    ], [year(2003), EventDate()])
    events_a = [
        a.event(0, "045", "MEDIATE", ["ARN"], ["GON", "MOR"], goldstein=5.0, quad=1,
                mediators=["ARN"]),
        a.event(1, "072", "AID", ["ARN"], ["GON"], goldstein=7.4, quad=2, mode="military"),
        a.event(5, "062", "COOPERATE", ["ARN"], ["GON"], goldstein=6.0, quad=2),
        a.event(6, "072", "AID", ["ARN"], ["ROH"], goldstein=7.4, quad=2, negated=True),
        a.event(9, "045", "MEDIATE", ["ARN"], ["GON", "MOR"], goldstein=5.0, quad=1),
        a.event(4, "120", "REJECT", ["MOR"], ["ARN"], goldstein=-4.0, quad=3),
    ]
    claims_a = [
        a.claim(2, "stance", "ARN", "arms_supply", polarity=0.5, rule="cues.v1:arms-supply"),
        a.claim(3, "stance", "ARN", "territorial_integrity", toward=("GON",), polarity=1.0),
        a.claim(4, "stance", "ARN", "withdrawal", toward=("MOR",), polarity=-1.0),
        a.claim(5, "stance", "GON", "alliance", toward=("ARN",), polarity=0.6),
        a.claim(7, "assessment", "ARN", "influence_decline", polarity=-0.5),
    ]
    events_b = [b.event(0, "045", "MEDIATE", ["ARN"], ["GON", "MOR"], goldstein=5.0, quad=1)]
    claims_b = [b.claim(1, "assessment", "ARN", "partiality", polarity=-0.3)]
    store.add([a.result(events_a, claims_a), b.result(events_b, claims_b)])
    store.set_merged_ids({events_a[4].event_id: "truce", events_b[0].event_id: "truce"})
    return a, b


class FakeKB:
    """The questions the analyses ask of a knowledge base (``kbview.ActorKB``), over the
    fictional names."""

    def lookup(self, name: str, *, when: dt.date | None = None) -> list[Candidate]:
        aliases = {"Kingdom of Arnor": "ARN", "Fornost": "ARN", "Minas Tirith": "GON"}
        code = NAMES.get(name) or aliases.get(name)
        return [Candidate(code, KINDS.get(code, "state"), "name")] if code else []

    def name_of(self, code: str) -> str:
        return next((n for n, c in NAMES.items() if c == code), code)

    def members(self, code: str, when: dt.date | None = None) -> tuple[str, ...]:
        return ("ARN", "GON") if code == "WCO" else ()

    def co_chairs(self, code: str, when: dt.date | None = None) -> tuple[str, ...]:
        return ("ROH",) if code == "WCO" else ()

    def near(self, name: str, n: int = 5) -> list[str]:
        return sorted(NAMES)[:n]

    def kind(self, code: str) -> str | None:
        if code == "ANO":
            return "region"
        return KINDS.get(code, "state") if code in NAMES.values() else None

    def actor(self, code: str) -> Actor | None:
        """Only the region Anórien has an entry here (names, parent)."""
        return Actor("ANO", "region", ("Anórien", "Anorien"), parent="GON") if code == "ANO" \
            else None

    def wholes(self, code: str, *, when: dt.date | None = None,
               members: bool = False) -> tuple[str, ...]:
        return {"ITH": ("GON",), "ANO": ("GON",)}.get(code, ()) + (
            ("WCO",) if members and code in ("ARN", "GON") else ())

    def parts(self, code: str, *, when: dt.date | None = None,
              members: bool = False) -> tuple[str, ...]:
        return {"GON": ("ITH", "ANO")}.get(code, ()) + (
            ("ARN", "GON") if members and code == "WCO" else ())
