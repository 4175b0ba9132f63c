"""read_sources on the real corpus in ../shared (skipped when absent); no model needed."""

from __future__ import annotations

from pathlib import Path

from polemos.ingest import read_sources
from polemos.records import Article, Skip
from polemos.settings import Settings

SEED_000 = [
    "Russia’s Foreign Policy Towards and Influence on the Nagorno-Karabakh Conflict",
    "An Impending Revolution",
    "The 44-Day War: Democracy Has Been Defeated by Autocracy in Nagorno-Karabakh",
    "NATO invented new threat in the Baltic States",
]
CHROME = ("Connect with us", "Continue Reading", "Image source", "Photo:", "From our partner",
          "hour ago", "Second-year student", "Eastern Europe\n")


def read(path: Path) -> list[Article]:
    return [i for i in read_sources([str(path)], settings=Settings()) if isinstance(i, Article)]


def test_seed_000_gives_its_four_articles_without_chrome(shared: Path) -> None:
    [path] = (shared / "corpus" / "seeds").glob("000_*.txt")
    found = read(path)
    assert [a.title for a in found] == SEED_000
    assert [c for c in CHROME for a in found if c in a.text] == []
    assert all(a.published is None and a.text_date is not None for a in found)
    assert all(len(a.text) > 2000 and a.text.rstrip().endswith(".") for a in found)
    assert not any(a.text.rstrip().endswith(("...", "…")) for a in found)


def test_seed_002_gives_one_article(shared: Path) -> None:
    [path] = (shared / "corpus" / "seeds").glob("002_*.txt")
    [article] = read(path)
    assert article.title == "What is the position of Russia in the Nagorno-Karabakh conflict?"
    assert not article.text.startswith(article.title)


def test_seed_folder_gives_five_articles_and_skips_its_notes(shared: Path) -> None:
    items = list(read_sources([str(shared / "corpus" / "seeds")], settings=Settings()))
    assert sum(isinstance(i, Article) for i in items) == 5
    [skip] = [i for i in items if isinstance(i, Skip)]
    assert Path(skip.item).name == "SOURCE.md"


def test_voa_jsonl_gives_49_dated_articles(shared: Path) -> None:
    found = read(shared / "corpus" / "voa" / "voa_stories.jsonl")
    assert len(found) == 49 and len({a.doc_id for a in found}) == 49
    assert all(a.published is not None and a.url and a.title for a in found)
