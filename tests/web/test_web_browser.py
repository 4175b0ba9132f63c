"""`polemos serve` in real headless Chromium, offline: every page, filters, citations, ask.

The server runs as its own process (`python -m polemos serve`) on a free loopback port.
Every request the page makes is checked: anything not addressed to 127.0.0.1 is aborted and
fails the test. Screenshots go to test-results/.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from tests.conftest import CHROMIUM_ARGS
from tests.web.conftest import PAYLOADS, war_db

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
MIDDLE_EARTH = Path(__file__).resolve().parents[1] / "fixtures" / "middle_earth" / "kb.yaml"
SEED_QUESTION = "What is the position of Russia in the Nagorno-Karabakh conflict?"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(db: Path, *extra: str) -> Iterator[str]:
    """Run `polemos serve` on a free port until the generator is closed; yields its URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "polemos", "serve", "--db", str(db),
                                "--port", str(port), *extra], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(url + "/static/web.css", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            pytest.fail(f"polemos serve did not start: {process.stderr.read() if process.stderr else ''}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def demo_url(demo_db: Path) -> Iterator[str]:
    yield from serve(demo_db)


class Tab:
    """A page whose requests must stay on 127.0.0.1 and whose scripts must not fail."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1366, "height": 900})
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, url: str) -> Any:
        response = self.page.goto(url)
        assert response is not None and response.status == 200, url
        return self.page

    def shot(self, name: str) -> None:
        RESULTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(RESULTS / f"web-{name}.png"), full_page=True)

    def close(self) -> None:
        assert self.errors == [] and self.outside == []
        self.page.close()


PAGES = {
    "overview": "/", "documents": "/documents", "events": "/events", "actors": "/actors",
    "actor": "/actors/RUS?conflict=Nagorno-Karabakh", "conflicts": "/conflicts",
    "conflict": "/conflicts/Nagorno-Karabakh", "ask": "/ask",
}


def test_every_page_loads_offline(browser: Any, demo_url: str) -> None:
    tab = Tab(browser)
    for name, path in PAGES.items():
        page = tab.open(demo_url + path)
        assert page.locator("main section.card").count() >= 1, name
        tab.shot(name)
    page = tab.open(demo_url + "/documents")
    page.locator("table.docs a").first.click()
    assert page.locator("article.doctext span.sent").count() > 3
    tab.shot("document")
    page = tab.open(demo_url + PAGES["conflict"])
    for chart in ("timeline", "series", "network"):
        assert page.locator(f"svg.chart.{chart}").count() == 1, chart
    tab.close()


def test_filter_events_then_open_a_citation(browser: Any, demo_url: str) -> None:
    tab = Tab(browser)
    page = tab.open(demo_url + "/events")
    page.fill("input[name=actor]", "Russia")
    page.fill("input[name=since]", "2020")
    page.click("#event-filters button")
    page.wait_for_url("**/events?*actor=Russia*")
    count = page.inner_text("#event-count")
    assert int(count.split()[0]) > 3
    rows = page.locator("#event-table tbody tr")
    assert rows.count() > 3
    for i in range(rows.count()):
        actors = rows.nth(i).locator("td").nth(2).inner_text()
        assert "RUS" in actors, actors
    trigger = rows.first.locator("td.quote mark").inner_text()
    rows.first.locator("a.cite").click()
    page.wait_for_url("**/documents/**")
    mark = page.locator("mark#hl")
    assert mark.inner_text() == trigger
    assert mark.is_visible() and _in_viewport(page, "mark#hl")
    assert page.evaluate("document.querySelector(':target').id").startswith("s")
    tab.shot("citation")
    tab.close()


def test_ask_the_seed_question_and_follow_a_citation(browser: Any, demo_url: str) -> None:
    tab = Tab(browser)
    page = tab.open(demo_url + "/ask")
    page.fill("#ask-form input[name=q]", SEED_QUESTION)
    page.click("#ask-form button")
    page.wait_for_selector("#answer")
    assert "Russia" in page.inner_text("#answer p")
    quote = page.locator("#answer blockquote.cite").first
    cited = quote.inner_text().split("] ", 1)[1]
    tab.shot("ask")
    quote.locator("a").click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark#hl").inner_text() == cited
    assert _in_viewport(page, "mark#hl")
    tab.close()


def test_payloads_in_article_text_stay_inert(browser: Any, tmp_path: Path) -> None:
    db = war_db(tmp_path / "war.duckdb")
    server = serve(db, "--actors", str(MIDDLE_EARTH))
    url = next(server)
    try:
        tab = Tab(browser)
        for path in ("/documents/evil1", "/events?doc=evil1&flags=include", "/documents"):
            page = tab.open(url + path)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("main img").count() == 0
        text = tab.page.inner_text("body")
        assert PAYLOADS[0] in text  # shown as text, on the documents list (title)
        page = tab.open(url + "/documents/evil1")
        for payload in PAYLOADS:
            assert payload in page.inner_text("article.doctext")
        tab.shot("payloads")
        tab.close()
    finally:
        server.close()


def _in_viewport(page: Any, selector: str) -> bool:
    return bool(page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight; }""", selector))
