"""Fixtures for the report tests (the fictional corpus lives in report_seed.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from report_seed import OTHER_EVENTS, OTHER_SENTENCES, WAR_EVENTS, WAR_SENTENCES, make_result

from polemos.store.store import Store


@pytest.fixture
def war_store() -> Iterator[Store]:
    with Store.open(":memory:") as store:
        store.add(
            [
                make_result(
                    "war1",
                    "Battle at Osgiliath",
                    WAR_SENTENCES,
                    WAR_EVENTS,
                    published=dt.date(3019, 3, 25),
                ),
                make_result("trade1", "A northern pact", OTHER_SENTENCES, OTHER_EVENTS),
            ]
        )
        yield store
