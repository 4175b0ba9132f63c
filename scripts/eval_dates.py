"""Score event dates against hand-annotated clauses of real stories.

Gold files (tests/timex/voa_dates.yaml, tests/timex/seed_dates.yaml) name a story, a predicate by
its character offsets in the story's raw text, and the date(s) a careful reader gives that clause
(null when the text gives none). Each predicate is dated the way events are, by
``polemos.timex.date_for_span`` after ``analyse_time`` over the whole story, and its ``EventDate.iso``
is compared with the allowed readings. No text is stored in the gold files; the stories are read
from ../shared at run time.

Reported per split (``tune``: stories read while building the rules; ``heldout``: annotated first,
never tuned on):
  accuracy    share of items whose date is one the text allows (null included)
  dated       of the items that need a date (null not allowed), the share dated right
  wrong       of the items given a date, the share given a date the text does not allow
  withheld    of the items that need a date, the share given none

Examples:
    python scripts/eval_dates.py                       # VOA stories, both splits
    python scripts/eval_dates.py --misses tune         # list the tune split's errors
    python scripts/eval_dates.py --gold tests/timex/seed_dates.yaml
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from polemos.ingest import read_sources
from polemos.nlp import annotate, load_nlp
from polemos.nlp.annotate import Parsed
from polemos.records import Article, EventDate
from polemos.settings import Settings
from polemos.timex import analyse_time, date_for_span

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
VOA_GOLD = REPO / "tests" / "timex" / "voa_dates.yaml"
SEED_GOLD = REPO / "tests" / "timex" / "seed_dates.yaml"


@dataclass(frozen=True, slots=True)
class Item:
    story: str
    split: str
    start: int  # offsets into the story's raw text
    end: int
    allowed: tuple[str | None, ...]
    category: str


@dataclass
class Outcome:
    item: Item
    found: EventDate | None  # None when the offsets could not be found in the ingested text
    sentence: str = ""

    @property
    def iso(self) -> str | None:
        return None if self.found is None else self.found.iso

    @property
    def is_right(self) -> bool:
        return self.found is not None and self.iso in self.item.allowed


@dataclass
class Score:
    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, hits: int, total: int) -> float:
        return hits / total if total else 0.0

    @property
    def accuracy(self) -> float:
        return self._share(sum(o.is_right for o in self.outcomes), len(self.outcomes))

    def _needing(self) -> list[Outcome]:
        return [o for o in self.outcomes if None not in o.item.allowed]

    @property
    def dated(self) -> float:
        need = self._needing()
        return self._share(sum(o.is_right for o in need), len(need))

    @property
    def wrong(self) -> float:
        given = [o for o in self.outcomes if o.iso is not None]
        return self._share(sum(not o.is_right for o in given), len(given))

    @property
    def withheld(self) -> float:
        need = self._needing()
        return self._share(sum(o.iso is None for o in need), len(need))

    def summary(self) -> str:
        return (f"n={len(self.outcomes)} accuracy={self.accuracy:.3f} dated={self.dated:.3f} "
                f"wrong={self.wrong:.3f} withheld={self.withheld:.3f}")


def load_gold(path: Path) -> list[Item]:
    """Items of a gold file, checked; raises ValueError naming the story and item."""
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    items: list[Item] = []
    for story, entry in data["stories"].items():
        for number, row in enumerate(entry["items"], 1):
            if not (isinstance(row, list) and len(row) == 4):
                raise ValueError(f"{path}, story {story}, item {number}: expected "
                                 "[offset, length, date, category]")
            start, length, date, category = row
            allowed = tuple(date) if isinstance(date, list) else (date,)
            items.append(Item(str(story), entry["split"], start, start + length,
                              tuple(None if a is None else str(a) for a in allowed), category))
    return items


def voa_articles(stories: set[str]) -> dict[str, tuple[Article, str]]:
    """VOA stories by id: the article (dated by its `published` field) and the raw text."""
    out: dict[str, tuple[Article, str]] = {}
    path = CORPUS / "voa" / "voa_stories.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in stories:
            published = dt.date.fromisoformat(record["published"][:10])
            article = Article(record["id"], record["text"], published=published)
            out[record["id"]] = (article, record["text"])
    return out


def seed_articles(stories: set[str]) -> dict[str, list[tuple[Article, str]]]:
    """Seed articles by file name, ingested as a user would (one file may hold several)."""
    out: dict[str, list[tuple[Article, str]]] = {}
    for article in read_sources([str(CORPUS / "seeds")], settings=Settings()):
        if not isinstance(article, Article) or article.source is None:
            continue
        name = Path(article.source.split("#")[0]).name
        if name in stories:
            raw = (CORPUS / "seeds" / name).read_text(encoding="utf-8")
            out.setdefault(name, []).append((article, raw))
    return out


def locate(raw: str, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of the raw span [start, end), found by its context."""
    if raw == text:
        return start, end
    for width in (60, 30, 12):
        window = raw[max(0, start - width) : end + width]
        at = text.find(window)
        if at >= 0 and text.find(window, at + 1) < 0:
            shift = at - max(0, start - width)
            return start + shift, end + shift
    return None


def score_items(items: Sequence[Item], *, nlp: Any = None) -> dict[str, Score]:
    """Date every item with the real stages; scores by split."""
    stories = {i.story for i in items}
    is_voa = all(s.isdigit() for s in stories)
    pairs: list[tuple[Article, str]] = (
        list(voa_articles(stories).values()) if is_voa
        else [p for ps in seed_articles(stories).values() for p in ps]
    )
    keys = {a.doc_id: (a.doc_id if is_voa else Path(str(a.source).split("#")[0]).name)
            for a, _ in pairs}
    raws = {a.doc_id: raw for a, raw in pairs}
    results: dict[tuple[str, int], Outcome] = {}
    for parsed in annotate(nlp or load_nlp(), [a for a, _ in pairs]):
        story = keys[parsed.article.doc_id]
        mine = [i for i in items if i.story == story]
        for outcome in _date_items(parsed, raws[parsed.article.doc_id], mine):
            if outcome.found is not None or (story, outcome.item.start) not in results:
                results[(story, outcome.item.start)] = outcome
    scores: dict[str, Score] = {}
    for item in items:
        outcome = results.get((item.story, item.start), Outcome(item, None))
        scores.setdefault(item.split, Score()).outcomes.append(outcome)
        scores.setdefault("all", Score()).outcomes.append(outcome)
    return scores


def _date_items(parsed: Parsed, raw: str, items: Sequence[Item]) -> Iterator[Outcome]:
    time = analyse_time(parsed)
    text = parsed.article.text
    for item in items:
        span = locate(raw, item.start, item.end, text)
        if span is None:
            continue
        sentence = parsed.sentences[parsed.sentence_at(span[0])].text
        yield Outcome(item, date_for_span(parsed, time, *span), sentence)


def by_category(score: Score) -> str:
    groups: dict[str, Score] = {}
    for outcome in score.outcomes:
        groups.setdefault(outcome.item.category, Score()).outcomes.append(outcome)
    return "\n".join(f"    {name:<9} {s.summary()}" for name, s in sorted(groups.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=VOA_GOLD, help="gold file (YAML)")
    parser.add_argument("--misses", metavar="SPLIT", default=None,
                        help="list the errors of this split (tune, heldout)")
    parser.add_argument("--categories", action="store_true", help="scores by category")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"{CORPUS} is missing: the stories are read from ../shared/corpus.", file=sys.stderr)
        return 2
    scores = score_items(load_gold(args.gold))
    for split in ("tune", "heldout", "all"):
        if split in scores:
            print(f"{split:<8} {scores[split].summary()}")
            if args.categories:
                print(by_category(scores[split]))
    if args.misses in scores:
        for o in scores[args.misses].outcomes:
            if not o.is_right:
                reason = "" if o.found is None else (getattr(o.found, "reason", None) or "")
                print(f"- {o.item.story} @{o.item.start} [{o.item.category}] got {o.iso} "
                      f"({o.found.basis if o.found else 'unaligned'}; {reason}) want "
                      f"{list(o.item.allowed)}\n    {o.sentence[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
