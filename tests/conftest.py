"""Shared fixtures: paths to ../shared, the real model (skipped when missing), a tiny store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.store.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The third-party corpus beside the repository; tests using it skip when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy model, loaded once; tests using it skip when it is not installed."""
    from polemos.errors import ModelError
    from polemos.nlp import load_nlp

    try:
        return load_nlp()
    except ModelError as err:
        pytest.skip(str(err))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s
