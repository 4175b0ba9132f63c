"""Participants the knowledge base does not code are shown by their text, escaped, on the
event pages and in the report's event list."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from starlette.testclient import TestClient

from polemos.actors.kb import KnowledgeBase
from polemos.records import Participant
from polemos.report.data import report_events
from polemos.report.scope import resolve_scope
from polemos.report.sections import describe, event_table_html
from polemos.store.store import Store
from polemos.web.app import create_app
from tests.store.test_read import event, result
from tests.web.conftest import PAYLOADS

NAMED = Participant(None, "CVL", f"civilians {PAYLOADS[0]}", 6, 15)


def seeded(path: Path) -> Path:
    attack = replace(event("m", "d1", 0, "GON", "MOR", day=dt.date(3019, 3, 1)),
                     recipients=(NAMED,))
    with Store.open(path) as store:
        store.add([result("d1", (attack,), title="t")])
        store.set_merged_ids({"m": "m"})
    return path


def test_event_pages_show_an_uncoded_participant_by_its_escaped_text(
        tmp_path: Path, middle_earth: KnowledgeBase) -> None:
    with TestClient(create_app(seeded(tmp_path / "x.duckdb"), kb=middle_earth)) as client:
        [row] = client.get("/events.json").json()["events"]
        assert row["recipients"] == [{"code": None, "sector": "CVL", "name": NAMED.text,
                                      "text": NAMED.text}]
        assert row["actors"][0]["code"] == "GON"
        page = client.get("/events").text
    assert "civilians &lt;script&gt;" in page and PAYLOADS[0] not in page


def test_report_event_list_names_an_uncoded_participant(tmp_path: Path) -> None:
    with Store.open(seeded(tmp_path / "x.duckdb")) as store:
        scope = resolve_scope(store, None, conflicts=None)
        [report_event] = report_events(store, scope, limit=10)[0]
    assert report_event.recipients == () and report_event.named_recipients == (NAMED.text,)
    assert f"→ {NAMED.text}" in describe(report_event, {"GON": "Gondor"})
    html = event_table_html([report_event], {"GON": "Gondor"}, {})
    assert "civilians &lt;script&gt;" in html and PAYLOADS[0] not in html
