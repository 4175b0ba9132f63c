"""The report in headless Debian Chromium, offline: charts render, payloads stay inert.

These tests must run in CI: the shared `chromium` fixture installs Debian's chromium when missing.
Set POLEMOS_SKIP_BROWSER=1 to skip them on a machine without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_seed import WAR, WAR_EVENTS, Spec, make_result

from polemos.report import build_report
from polemos.store.store import Store

pytestmark = pytest.mark.browser

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
)


@pytest.fixture(scope="module")
def report_browser(chromium: Path) -> Iterator[Any]:
    """A headless Chromium (the shared ``chromium`` fixture installs it or fails loudly)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=ARGS)
        yield browser
        browser.close()


def open_offline(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """Open ``path`` with every non-file request aborted; returns page, errors, blocked URLs."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    blocked: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: errors.append(str(err)))

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, blocked


def test_report_renders_offline_with_its_charts(
    report_browser: Any, war_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    path.write_text(build_report(war_store, conflict="War of the Ring", conflicts=WAR), "utf-8")
    page, errors, blocked = open_offline(report_browser, path)
    for chart in ("bars", "timeline", "series", "network"):
        box = page.evaluate(
            """cls => { const svg = document.querySelector('svg.chart.' + cls);
                        if (!svg) return null; const r = svg.getBoundingClientRect();
                        return {children: svg.childElementCount, w: r.width, h: r.height}; }""",
            chart,
        )
        assert box is not None, f"no {chart} chart"
        assert box["children"] > 2 and box["w"] > 100 and box["h"] > 20, (chart, box)
    assert page.locator("svg.network .node").count() >= 4
    assert page.locator("svg.timeline .mark").count() == 5  # dated, not flagged
    page.hover("svg.timeline circle.mark")
    assert page.locator("#tip").is_visible() and "Goldstein" in page.inner_text("#tip")
    page.fill("#filter", "Rohan")
    assert page.inner_text("#filter-count").startswith("3 of 7")
    assert errors == [] and blocked == []
    RESULTS.mkdir(exist_ok=True)
    page.fill("#filter", "")
    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(RESULTS / "report.png"), full_page=True)
    page.close()


def test_planted_payloads_stay_inert_text(report_browser: Any, tmp_path: Path) -> None:
    names = {"GON": PAYLOADS[0], "MOR": PAYLOADS[1], "ROH": PAYLOADS[2], "ARN": "Arnor"}
    sentences = tuple(
        f"{names['GON']} and {names['MOR']} met {names['ROH']} at Osgiliath {p}." for p in PAYLOADS
    ) + ("Arnor spoke to all.", "x", "y")
    specs = [
        Spec(i, s.actor, s.recipient, s.cameo, s.goldstein, s.quad, s.day, s.precision, s.type)
        for i, s in enumerate(WAR_EVENTS[:5])
    ]
    with Store.open(":memory:") as store:
        store.add([make_result("evil", " ".join(PAYLOADS), sentences, specs, names=names)])
        html = build_report(store, conflict="War of the Ring", conflicts=WAR)
    for payload in PAYLOADS:
        assert payload not in html
    path = tmp_path / "evil.html"
    path.write_text(html, "utf-8")
    page, errors, blocked = open_offline(report_browser, path)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    text = page.inner_text("body")
    for payload in PAYLOADS:
        assert payload in text, payload
    data = page.evaluate("JSON.parse(document.getElementById('report-data').textContent)")
    assert PAYLOADS[2] in data["names"].values()
    assert errors == [] and blocked == []
    page.close()
