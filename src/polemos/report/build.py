"""One self-contained, offline HTML report: overview, timeline, series, network, actor briefs.

The page loads nothing: CSS and the small script are inlined, charts are inline SVG built in
Python, and a Content-Security-Policy allows no network and only our own script (by hash).
Every piece of article text is escaped where it is placed.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from importlib import resources
from typing import Any

from polemos import __version__
from polemos.actors.kb import KnowledgeBase
from polemos.analysis.conflicts import Conflicts, load_conflicts
from polemos.analysis.scope import Scope, with_parties
from polemos.report.briefs import briefs_html
from polemos.report.charts import (
    BAR_COLOUR,
    QUAD_COLOURS,
    QUAD_LABELS,
    bar_chart_svg,
    esc,
    legend_svg,
    precision_legend_svg,
    series_svg,
    timeline_svg,
)
from polemos.report.data import (
    Overview,
    ReportEvent,
    actor_names,
    infer_parties,
    merged_events,
    outside_actors,
    overview,
    report_events,
)
from polemos.report.network import network_legend_svg, network_svg
from polemos.report.scope import resolve_scope
from polemos.report.sections import (
    documents_table_html,
    event_table_html,
    goldstein_series,
    marks_list_html,
    network_parts,
    plural,
    timeline_marks,
)
from polemos.store.scoped import ScopedEvents
from polemos.store.store import Store

N_OUTSIDE = 4
N_TIMELINE = 500  # merged events on the timeline: the most reported ones
N_EVENT_ROWS = 600  # event reports in the events list: the first ones in date order
N_SCOPE_IDS = 200  # document ids of the scope in the page's JSON


def _asset(name: str) -> str:
    return resources.files("polemos.report").joinpath(name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no "<", ">" or "&" survive unescaped."""
    text = json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True, slots=True)
class ReportParts:
    """The report's pieces: escaped HTML fragments the page (or the web app) lays out."""

    title: str
    header: str
    sections: tuple[tuple[str, str, str], ...]  # (anchor, label, section HTML)
    footer: str
    data: dict[str, Any]


def build_report(
    store: Store,
    *,
    conflict: str | None = None,
    kb: KnowledgeBase | None = None,
    conflicts: Conflicts | None = None,
) -> str:
    """The whole report for ``conflict`` (or the whole corpus) as one HTML document.

    ``kb`` gives actor names (else the most frequent mention text of each code);
    ``conflicts`` the definitions (else the built-in ones).

    Raises:
        QueryError: no stored document concerns the conflict (defined or not).
    """
    parts = report_parts(store, conflict=conflict, kb=kb, conflicts=conflicts)
    links = [(key, label) for key, label, _ in parts.sections]
    body = "".join([parts.header, _nav(links), '<main class="wrap">',
                    *(html for _, _, html in parts.sections), "</main>", parts.footer])
    return _page(parts.title, body, parts.data)


def report_parts(
    store: Store,
    *,
    conflict: str | None = None,
    kb: KnowledgeBase | None = None,
    conflicts: Conflicts | None = None,
    with_events: bool = True,
) -> ReportParts:
    """The report's sections for ``conflict`` (see :func:`build_report`).

    Raises:
        QueryError: no stored document concerns the conflict (defined or not).
    """
    conflicts = conflicts if conflicts is not None else load_conflicts()
    scope = resolve_scope(store, conflict, conflicts=conflicts)
    with store.scoped_events(scope.document_filter) as digest:
        scope = _with_parties(scope, digest)
        outside = outside_actors(digest, scope.parties, n=N_OUTSIDE)
        names = _names(store, digest, scope, kb)
        summary = overview(store, scope, digest)
        briefs = briefs_html(store, outside, scope, digest, names, kb=kb, conflicts=conflicts)
        sections = [
            ("overview", "Overview", _overview_section(summary)),
            ("timeline", "Timeline", _timeline_section(digest, names, summary)),
            ("series", "Cooperation & conflict", _series_section(digest, scope, outside, names)),
            ("network", "Actor network", _network_section(digest, scope, names)),
            ("briefs", "Outside actors", _briefs_section(briefs)),
        ]
    if with_events:
        events, total = report_events(store, scope, limit=N_EVENT_ROWS)
        titles = _titles(store, {e.doc_id for e in events})
        sections.append(("events", "Events", _events_section(events, total, names, titles)))
    data = {"scope": _scope_json(scope), "overview": asdict(summary), "outside_actors": outside,
            "names": names}
    return ReportParts(_title(scope), _header(scope, names), tuple(sections),
                       _footer(summary), data)


def _scope_json(scope: Scope) -> dict[str, object]:
    """The scope as JSON, its document ids cut to the first ``N_SCOPE_IDS`` (a name found in
    the texts can select most of a large store), with how many there are."""
    data = scope.summary()
    ids = scope.document_filter
    if ids is not None:
        data["doc_ids"] = list(ids[:N_SCOPE_IDS])
        data["n_doc_ids"] = len(ids)
    return data


def _with_parties(scope: Scope, digest: ScopedEvents) -> Scope:
    """The scope with its parties inferred from the events when it has none."""
    if scope.parties:
        return scope
    parties, note = infer_parties(digest)
    return replace(with_parties(scope, parties), note=" ".join(filter(None, [scope.note, note])))


def _names(
    store: Store, digest: ScopedEvents, scope: Scope, kb: KnowledgeBase | None
) -> dict[str, str]:
    """A display name per code: the knowledge base's, else the text's most frequent one."""
    names = actor_names(store, set(digest.codes()) | set(scope.parties))
    if kb is None:
        return names
    return {
        code: kb.name_of(code) if kb.name_of(code) != code else name for code, name in names.items()
    }


def _titles(store: Store, doc_ids: Collection[str]) -> dict[str, str]:
    return {d.doc_id: d.label for d in store.documents(doc_ids=doc_ids)} if doc_ids else {}


def _footer(summary: Overview) -> str:
    return (
        f'<footer class="wrap">Built by polemos {esc(__version__)} from {summary.n_documents} '
        "documents. Charts leave out negated, hypothetical and attempted events and count each "
        "merged event once.</footer>"
    )


def _title(scope: Scope) -> str:
    return f"Polemos report — {scope.name}" if scope.name else "Polemos report — whole corpus"


def _page(title: str, body: str, data: Mapping[str, Any]) -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; connect-src 'none'; font-src 'none'; form-action 'none'; "
        "base-uri 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_asset('report.css')}</style></head><body>"
        f'{body}<div id="tip" hidden></div>'
        f'<script type="application/json" id="report-data">{script_json(data)}</script>'
        f"<script>{script}</script></body></html>\n"
    )


def _header(scope: Scope, names: Mapping[str, str]) -> str:
    parties = ", ".join(f"{names.get(c, c)} ({c})" for c in scope.parties) or "none found"
    return (
        f'<header class="top"><div class="wrap"><h1>{esc(_title(scope))}</h1>'
        f'<div class="scope">Parties: {esc(parties)}</div>'
        f'<div class="scope">{esc(scope.note)}</div></div></header>'
    )


def _nav(links: Sequence[tuple[str, str]]) -> str:
    items = "".join(f'<a href="#{key}">{label}</a>' for key, label in links)
    return f'<nav class="toc"><div class="wrap">{items}</div></nav>'


def _chart(svg: str) -> str:
    return f'<div class="chartbox">{svg}</div>'


def _section(key: str, title: str, lead: str, content: str) -> str:
    return (
        f'<section class="card" id="{key}"><h2>{esc(title)}</h2>'
        f'<p class="lead">{esc(lead)}</p>{content}</section>'
    )


def _overview_section(summary: Overview) -> str:
    span = f"{summary.first} → {summary.last}" if summary.first else "—"
    kpis = [
        ("documents", summary.n_documents),
        ("sentences", summary.n_sentences),
        ("events", summary.n_events),
        ("event reports", summary.n_reports),
        ("flagged reports", summary.n_flagged),
        ("dated span", span),
    ]
    tiles = "".join(
        f'<div class="kpi{" wide" if k == "dated span" else ""}"><div class="v">{esc(v)}</div>'
        f'<div class="k">{esc(k)}</div></div>'
        for k, v in kpis
    )
    quads = [(QUAD_LABELS.get(q, str(q)), n) for q, n in summary.by_quad]
    colours = [QUAD_COLOURS.get(q, BAR_COLOUR) for q, _ in summary.by_quad]
    content = (
        f'<div class="kpis">{tiles}</div><div class="cols">'
        f"<div><h3>Events by type</h3>{_chart(bar_chart_svg(summary.by_type[:14], label='types'))}"
        "</div><div><h3>Events by quad class</h3>"
        f"{_chart(bar_chart_svg(quads, label='quad classes', colours=colours))}</div></div>"
        f"<h3>Documents</h3>"
        f"{documents_table_html(summary.documents, total=summary.n_documents)}"
    )
    lead = (
        "Documents in scope and the events coded from them. “Events” counts each merged event once "
        "and leaves out negated, hypothetical and attempted reports."
    )
    return _section("overview", "Corpus overview", lead, content)


def _timeline_section(
    digest: ScopedEvents, names: Mapping[str, str], summary: Overview
) -> str:
    legend = (
        legend_svg([(QUAD_COLOURS[q], QUAD_LABELS[q]) for q in (1, 2, 3, 4)])
        + precision_legend_svg()
    )
    keys, total = digest.top_keys(limit=N_TIMELINE)
    notes = []
    if total > len(keys):
        notes.append(f"Shown: the {len(keys)} most reported of {plural(total, 'dated event')}.")
    if summary.n_undated:
        notes.append(f"Not shown: {plural(summary.n_undated, 'undated event')}.")
    note = f'<p class="note">{esc(" ".join(notes))}</p>' if notes else ""
    lead = (
        "Each mark is one event, placed by the date the text gives. A dot is a day; a bar covers "
        "the month, year or decade when the text is no more precise. Hover for the sentence; "
        "printed, the events are listed under the chart."
    )
    marks = timeline_marks(merged_events(digest, keys), names)
    content = (
        f'{legend}<div class="chartbox">{timeline_svg(marks)}</div>{note}'
        f"{marks_list_html(marks)}"
    )
    return _section("timeline", "Timeline", lead, content)


def _series_section(
    digest: ScopedEvents, scope: Scope, outside: Sequence[str], names: Mapping[str, str]
) -> str:
    actors = list(scope.parties) + [c for c in outside if c not in scope.parties]
    series, periods, n_left_out, far = goldstein_series(digest, actors, scope.parties, names)
    note = (
        f'<p class="note">Not shown: {plural(n_left_out, "event")} of these actors, undated or '
        "dated too coarsely for these periods.</p>"
        if n_left_out
        else ""
    ) + (f'<p class="note">{esc(far)}</p>' if far else "")
    legend = legend_svg(
        [
            ("#2f6fb0", "cooperation (sum of positive Goldstein)"),
            ("#c0392b", "conflict (sum of negative Goldstein)"),
            ("#1d232b", "net (line)"),
        ]
    )
    lead = (
        "Per actor and period, the Goldstein scores of the events it took part in as actor or "
        "recipient, on one shared scale. Parties in bold."
    )
    return _section(
        "series",
        "Cooperation and conflict over time",
        lead,
        f'{legend}<div class="chartbox">{series_svg(series, periods)}</div>{note}',
    )


def _network_section(digest: ScopedEvents, scope: Scope, names: Mapping[str, str]) -> str:
    nodes, edges = network_parts(digest.pairs(), scope.parties, names)
    lead = (
        "Actors linked by the events between them (either direction). Node size: number of "
        "events; line width: events in the pair; colour: their mean Goldstein score."
    )
    return _section(
        "network",
        "Actor network",
        lead,
        f'{network_legend_svg()}<div class="chartbox">{network_svg(nodes, edges)}</div>',
    )


def _briefs_section(fragments: Sequence[str]) -> str:
    articles = "".join(f'<article class="actor">{fragment}</article>' for fragment in fragments)
    lead = (
        "The actors that are not parties but take part in the most events involving a party, "
        "with their record toward the parties."
    )
    content = (
        f'<div class="briefs">{articles}</div>'
        if articles
        else '<p class="note">No outside actors found.</p>'
    )
    return _section("briefs", "Main outside actors", lead, content)


def _events_section(
    events: Sequence[ReportEvent], total: int, names: Mapping[str, str],
    titles: Mapping[str, str],
) -> str:
    toolbar = (
        '<div class="toolbar"><input type="search" id="filter" '
        'placeholder="Filter events: actor, type, word…" aria-label="filter events">'
        '<label><input type="checkbox" id="show-flagged" checked> '
        "show negated / hypothetical / attempted</label>"
        '<span id="filter-count" class="sub"></span></div>'
    )
    lead = (
        f"The event reports in scope ({total}) with their sentence and source, in date order "
        f"(the first {N_EVENT_ROWS} at most). Flagged reports are greyed."
    )
    table = event_table_html(events, names, titles, limit=N_EVENT_ROWS, total=total)
    return _section("events", "Events", lead, f'{toolbar}<div class="scroll">{table}</div>')


__all__ = ["ReportParts", "build_report", "report_parts", "script_json"]
