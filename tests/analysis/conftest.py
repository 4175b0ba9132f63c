"""Fixtures: the fictional world seeded into an in-memory store, its conflicts and KB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.analysis.conflicts import Conflicts, parse_conflicts
from polemos.store.store import Store

from .world import CONFLICTS, Doc, FakeKB, seed


@pytest.fixture
def world() -> Iterator[tuple[Store, tuple[Doc, Doc]]]:
    with Store.open(":memory:") as store:
        docs = seed(store)
        yield store, docs


@pytest.fixture
def conflicts() -> Conflicts:
    return Conflicts(tuple(parse_conflicts(CONFLICTS, path="test.yaml")))


@pytest.fixture
def kb() -> FakeKB:
    return FakeKB()


@pytest.fixture
def conflict_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(CONFLICTS, encoding="utf-8")
    return path
