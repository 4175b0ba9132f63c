"""The assembled page: self-contained, deterministic, escaped, with a JSON twin."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from click.testing import CliRunner
from report_seed import OTHER_EVENTS, OTHER_SENTENCES, WAR, WAR_EVENTS, WAR_SENTENCES, make_result

from polemos.cli import cli
from polemos.errors import QueryError
from polemos.report import build_report
from polemos.report.build import script_json
from polemos.store.store import Store


def test_page_has_every_section_and_loads_nothing(war_store: Store) -> None:
    html = build_report(war_store, conflict="War of the Ring", conflicts=WAR)
    for key in ("overview", "timeline", "series", "network", "briefs", "events"):
        assert f'id="{key}"' in html
    assert not re.search(r'\b(?:src|href)="(?!#)', html)  # no external resource, only anchors
    assert "@import" not in html and "url(" not in html
    assert "<title>Polemos report — War of the Ring</title>" in html


def test_page_is_deterministic(war_store: Store) -> None:
    assert build_report(war_store, conflicts=WAR) == build_report(war_store, conflicts=WAR)


def test_only_our_script_may_run(war_store: Store) -> None:
    html = build_report(war_store, conflicts=WAR)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy.group(1)


def test_json_twin_describes_the_scope(war_store: Store) -> None:
    html = build_report(war_store, conflict="War of the Ring", conflicts=WAR)
    raw = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', html, re.DOTALL
    )
    assert raw is not None
    data = json.loads(raw.group(1))
    assert data["scope"]["parties"] == ["GON", "MOR"]
    assert data["outside_actors"] == ["ARN", "ROH"]
    assert data["overview"]["n_events"] == 6 and data["names"]["ROH"] == "Rohan"


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"a": "</script><script>alert(1)</script>", "b": "<!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["a"] == "</script><script>alert(1)</script>"


def test_article_text_is_escaped_everywhere() -> None:
    payload = '<img src=x onerror="alert(1)">'
    with Store.open(":memory:") as store:
        store.add(
            [
                make_result(
                    "d1",
                    payload,
                    (f"{payload} Gondor met Mordor.",) + WAR_SENTENCES[1:],
                    WAR_EVENTS,
                    names={"GON": "Gondor", "MOR": payload},
                )
            ]
        )
        html = build_report(store)
    assert payload not in html
    assert html.count("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;") >= 3


def test_event_list_marks_the_trigger(war_store: Store) -> None:
    html = build_report(war_store, conflicts=WAR)
    assert "Mordor <mark>attacked</mark> Gondor at Osgiliath." in html


def test_brief_section_lists_outside_actors(war_store: Store) -> None:
    html = build_report(war_store, conflict="War of the Ring", conflicts=WAR)
    briefs = html[html.index('id="briefs"') : html.index('id="events"')]
    assert "Arnor" in briefs and "Rohan" in briefs and "the Shire" not in briefs


def _file_store(path: Path) -> None:
    with Store.open(path) as store:
        store.add(
            [
                make_result("war1", "Battle at Osgiliath", WAR_SENTENCES, WAR_EVENTS),
                make_result("trade1", "A northern pact", OTHER_SENTENCES, OTHER_EVENTS),
            ]
        )


def test_cli_writes_the_report(tmp_path: Path) -> None:
    db, out = tmp_path / "t.duckdb", tmp_path / "r.html"
    _file_store(db)
    result = CliRunner().invoke(
        cli, ["report", "--conflict", "Osgiliath", "-o", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "Polemos report — Osgiliath" in html and "Wrote" in result.output


def test_cli_unknown_conflict_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    _file_store(db)
    result = CliRunner().invoke(
        cli,
        [
            "report",
            "--conflict",
            "Battle of Hogwarts",
            "-o",
            str(tmp_path / "r.html"),
            "--db",
            str(db),
        ],
    )
    assert isinstance(result.exception, QueryError)
    assert "no stored document contains that name" in str(result.exception)
    assert not (tmp_path / "r.html").exists()


def test_sources_are_shown_short() -> None:
    from polemos.report.sections import short_source

    assert short_source("/data/corpus/wire.jsonl:12") == "wire.jsonl:12"
    assert short_source("https://example.org/a/b") == "https://example.org/a/b"


def test_an_empty_store_still_gives_a_page(store: Store) -> None:
    html = build_report(store, conflicts=WAR)
    assert html.count('class="chart') >= 4 and "no dated events" in html


def test_briefs_read_the_scope_not_the_whole_store(war_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import polemos.report.briefs as briefs

    asked: list[object] = []
    real = briefs.load_corpus

    def load_corpus(store: Store, doc_ids: object = None):  # type: ignore[no-untyped-def]
        asked.append(doc_ids)
        return real(store, doc_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(briefs, "load_corpus", load_corpus)
    build_report(war_store, conflict="War of the Ring", conflicts=WAR)
    assert asked and all(ids is not None and set(ids) == {"war1"} for ids in asked)  # type: ignore[call-overload]


def test_timeline_and_event_list_are_bounded_with_their_totals(war_store: Store,
                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import polemos.report.build as build

    monkeypatch.setattr(build, "N_TIMELINE", 2)
    monkeypatch.setattr(build, "N_EVENT_ROWS", 3)
    html = build_report(war_store, conflicts=WAR)
    timeline = html[html.index('id="timeline"') : html.index('id="series"')]
    events = html[html.index('id="events"') :]
    assert "the 2 most reported of 6 dated events" in timeline
    assert timeline.count('class="mark ') == 2
    assert "Showing the first 3 of 8 event reports" in events
    assert events.count("<tr class=") == 3


def test_json_twin_cuts_a_large_scope_to_its_first_ids(war_store: Store,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import polemos.report.build as build

    monkeypatch.setattr(build, "N_SCOPE_IDS", 1)
    html = build_report(war_store, conflict="Arnor", conflicts=WAR)  # both documents name it
    raw = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', html, re.DOTALL
    )
    assert raw is not None
    scope = json.loads(raw.group(1))["scope"]
    assert scope["doc_ids"] == ["trade1"] and scope["n_doc_ids"] == 2
