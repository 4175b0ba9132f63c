"""The web app through Starlette's test client: pages, JSON twins, escaping, locks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from polemos.cli.web_cmds import is_loopback
from polemos.web.app import create_app
from tests.report.report_seed import WAR
from tests.web.conftest import PAYLOADS

PAGES = ["/", "/documents", "/documents/war1", "/events", "/actors", "/actors/GON",
         "/conflicts", "/conflicts/War%20of%20the%20Ring", "/ask"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_and_its_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    base, _, query = path.partition("?")
    twin = client.get(("/index" if base == "/" else base) + ".json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and isinstance(twin.json(), dict)
    assert '<a class="json" href="' in page.text


def test_events_filter_and_page(client: TestClient) -> None:
    data = client.get("/events.json?actor=Mordor&flags=include").json()
    assert data["total"] == 2
    assert {a["code"] for e in data["events"] for a in e["actors"]} == {"MOR"}
    first = data["events"][0]
    assert first["cite"] == (f"/documents/{first['doc_id']}?hl={first['trigger_start']}-"
                             f"{first['trigger_end']}#s{first['sentence']}")
    flagged = client.get("/events.json?flags=only").json()
    assert [e["flags"] for e in flagged["events"]] == [["negated"]]
    assert client.get("/events.json?type=ASSAULT&since=3019&until=3019").json()["total"] == 1
    bad = client.get("/events?since=soon")
    assert bad.status_code == 400 and "is not a year" in bad.text
    unknown = client.get("/events.json?actor=Narnia")
    assert unknown.status_code == 400 and "Nearest known names" in unknown.json()["error"]


def test_a_citation_opens_the_document_with_the_range_highlighted(client: TestClient) -> None:
    doc = client.get("/documents/war1.json").json()
    event = next(e for e in doc["events"] if e["type"] == "ASSAULT")
    page = client.get(event["cite"].split("#")[0])
    marked = page.text.split('<mark id="hl">')[1].split("</mark>")[0]
    assert marked == event["trigger"]
    assert f'id="s{event["sentence"]}"' in page.text
    assert '<mark id="hl">' not in client.get("/documents/war1?hl=5-2").text  # bad range ignored
    missing = client.get("/documents/nothing")
    assert missing.status_code == 404 and "polemos docs" in missing.text


def test_article_text_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/documents/evil1", "/events?doc=evil1", "/documents", "/", "/actors/GON"):
        html = client.get(path).text
        for payload in PAYLOADS:
            assert payload not in html, (path, payload)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in client.get("/documents/evil1").text


def test_actor_page_with_a_brief(client: TestClient) -> None:
    data = client.get("/actors/ROH.json?conflict=War%20of%20the%20Ring").json()
    assert data["name"] == "Rohan" and data["n_events"] >= 2
    brief = data["brief"]
    assert brief["conflict"] == "War of the Ring" and {"roles", "stance", "timeline"} <= set(brief)
    cites = [e["cite"] for item in brief["roles"] + brief["stance"] + brief["timeline"]
             for e in item["evidence"]]
    assert cites and all(c.startswith("/documents/") and "#s" in c for c in cites)


def test_static_files_are_only_ours(client: TestClient) -> None:
    assert client.get("/static/report.js").status_code == 200
    assert client.get("/static/app.py").status_code == 404


def test_a_locked_store_says_an_ingest_holds_it(war_path: Path, middle_earth: object) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); time.sleep(60)", str(war_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with TestClient(create_app(war_path, kb=middle_earth, conflicts=WAR)) as client:  # type: ignore[arg-type]
            page = client.get("/events")
            twin = client.get("/events.json")
    finally:
        holder.kill()
        holder.wait()
    assert page.status_code == 503 and "polemos ingest" in page.text
    assert page.headers["retry-after"] == "10"
    assert twin.status_code == 503 and "works again" in twin.json()["error"]


def test_serve_refuses_a_missing_store_and_knows_loopback(tmp_path: Path) -> None:
    from polemos.cli.base import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "no such database" in str(result.exception or result.output)
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_the_overview_is_recomputed_after_an_ingest(client: TestClient, war_path: Path) -> None:
    from polemos.store.store import Store
    from tests.report.report_seed import OTHER_EVENTS, OTHER_SENTENCES, make_result

    assert client.get("/index.json").json()["stats"]["n_documents"] == 3
    assert client.get("/index.json").json()["stats"]["n_documents"] == 3  # from the cache
    with Store.open(war_path) as store:
        store.add([make_result("trade2", "Another pact", OTHER_SENTENCES, OTHER_EVENTS)])
    assert client.get("/index.json").json()["stats"]["n_documents"] == 4
