"""Fixtures for the web app: a fictional store on disk (the app opens it by path), the
middle-earth knowledge base, and the demo corpus ingested once (real model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from polemos.actors.kb import KnowledgeBase, kb_from_files
from polemos.store.store import Store
from polemos.web.app import create_app
from tests.report.report_seed import (
    OTHER_EVENTS,
    OTHER_SENTENCES,
    WAR,
    WAR_EVENTS,
    WAR_SENTENCES,
    Spec,
    make_result,
)

MIDDLE_EARTH = Path(__file__).resolve().parents[1] / "fixtures" / "middle_earth" / "kb.yaml"
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
)


@pytest.fixture(scope="session")
def middle_earth() -> KnowledgeBase:
    return kb_from_files([str(MIDDLE_EARTH)])


def war_db(path: Path) -> Path:
    """The war corpus of the report tests, plus a document whose text carries payloads."""
    evil_sentences = tuple(f"Gondor met Mordor at Osgiliath {p}." for p in PAYLOADS)
    evil = [Spec(i, "GON", "MOR", "040", 1.0, 1, dt.date(3019, 4, 1 + i)) for i in range(3)]
    with Store.open(path) as store:
        store.add([
            make_result("war1", "Battle at Osgiliath", WAR_SENTENCES, WAR_EVENTS,
                        published=dt.date(3019, 3, 25)),
            make_result("trade1", "A northern pact", OTHER_SENTENCES, OTHER_EVENTS),
            make_result("evil1", PAYLOADS[0] + " =HYPERLINK(1)", evil_sentences, evil),
        ])
        store.set_merged_ids({e.event_id: e.event_id for e in store.event_reports()})
    return path


@pytest.fixture
def war_path(tmp_path: Path) -> Path:
    return war_db(tmp_path / "war.duckdb")


@pytest.fixture
def client(war_path: Path, middle_earth: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(war_path, kb=middle_earth, conflicts=WAR)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def demo_db(nlp: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in demo corpus ingested once with the real model."""
    from polemos.actors.kb import load_kb
    from polemos.cli.core import demo_corpus_path
    from polemos.events import load_patterns
    from polemos.pipeline import Coder, ingest

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    coder = Coder(nlp=nlp, kb=load_kb(), patterns=load_patterns())  # type: ignore[arg-type]
    ingest([demo_corpus_path()], db=db, coder=coder)
    return db
