"""Render a brief as JSON, plain text, Markdown or an escaped HTML fragment."""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from typing import Any

from polemos.analysis.model import MIN_STANCE_SENTENCES, Brief, Evidence
from polemos.errors import QueryError
from polemos.sanitize import inert_markdown

FORMATS = ("text", "md", "json", "html")


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The JSON shape of the issue, key for key."""
    def ev(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
        return [asdict(e) for e in items]

    return {
        "actor": {"code": brief.actor_code, "name": brief.actor_name},
        "conflict": {"name": brief.conflict, "parties": list(brief.parties)},
        "summary": brief.summary,
        "roles": [{"role": r.role, "toward": list(r.toward), "first": r.first, "last": r.last,
                   "n_evidence": max(r.n_evidence, len(r.evidence)),
                   "evidence": ev(r.evidence)} for r in brief.roles],
        "stance": [{"toward": s.toward, "alignment": s.alignment if s.is_shown else None,
                    "computed": s.alignment, "is_withheld": not s.is_shown,
                    "n_events": s.n_events, "n_statements": s.n_statements,
                    "statements": list(s.statements), "evidence": ev(s.evidence)}
                   for s in brief.stance],
        "timeline": [{"date": t.date, "text": t.text, "event_id": t.event_id,
                      "salience": t.salience, "evidence": ev(t.evidence)} for t in brief.timeline],
        "timeline_total": brief.timeline_total,
        "assessments": [{"text": a.text, "holder": a.holder, "topics": list(a.topics),
                         "evidence": ev(a.evidence)} for a in brief.assessments],
        "statements": [{"holder": st.holder, "kind": st.kind, "evidence": ev(st.evidence)}
                       for st in brief.statements],
        "passages": [{"holder": p.holder, "kind": p.kind, "score": p.score,
                      "evidence": ev(p.evidence)} for p in brief.passages],
        "scope": asdict(brief.scope) if brief.scope else None,
        "disagreements": [{"about": d.about, "accounts": [
            {"date": a.date, "evidence": asdict(a.evidence)} for a in d.accounts]}
            for d in brief.disagreements],
        "sources": [asdict(s) for s in brief.sources],
        "totals": dict(brief.totals),
    }


def render_brief(brief: Brief, fmt: str = "text") -> str:
    """The brief as ``text``, ``md``, ``json`` or ``html`` (a fragment).

    Raises:
        QueryError: an unknown format.
    """
    if fmt == "json":
        return json.dumps(brief_to_dict(brief), indent=2, ensure_ascii=False)
    if fmt == "html":
        return render_brief_html(brief)
    if fmt in ("text", "md"):
        return "\n".join(_lines(brief, is_md=fmt == "md")) + "\n"
    raise QueryError(f"unknown brief format {fmt!r}. Use one of: {', '.join(FORMATS)}.")


def _cite(e: Evidence) -> str:
    return f"[{e.doc_id[:10]}:{e.sentence_id} @{e.start}-{e.end}]"


def _sections(brief: Brief) -> list[tuple[str, list[tuple[str, list[Evidence]]]]]:
    """(heading, [(line, evidence)]) — shared by the text, Markdown and HTML renderers."""
    names = brief.name
    roles = [(f"{r.role}" + (f" → {', '.join(names(c) for c in r.toward)}" if r.toward else "")
              + f"  {r.first or '?'} … {r.last or '?'}  strength {r.strength:.2f}",
              list(r.evidence)) for r in brief.roles]
    stance = []
    for s in brief.stance:
        years = ", ".join(f"{y}: {v:+.2f}" for y, v in s.by_year)
        if not s.evidence:
            value = "no events or statements"
        elif s.is_shown:
            value = f"{s.alignment:+.2f}; rests on {s.basis}"
        else:
            value = (f"withheld: rests on {s.basis} (a value needs {MIN_STANCE_SENTENCES} "
                     "cited sentences)")
        stance.append((f"toward {names(s.toward)}: {value}"
                       + (f"  (by year: {years})" if years and s.is_shown else ""),
                       list(s.evidence)))
    positions: list[tuple[str, list[Evidence]]] = [
        (st, []) for st in dict.fromkeys(st for s in brief.stance for st in s.statements)]
    timeline = [(f"{t.date}  {t.text}", list(t.evidence)) for t in brief.timeline]
    assessments = [(f"{a.holder}: {', '.join(t.replace('_', ' ') for t in a.topics)}",
                    list(a.evidence)) for a in brief.assessments]
    statements = [(st.holder, list(st.evidence)) for st in brief.statements]
    passages = [(p.holder, list(p.evidence)) for p in brief.passages]
    disagreements = [(f"{d.about}: " + " vs ".join(f"{a.date} {_cite(a.evidence)}"
                                                  for a in d.accounts),
                      [a.evidence for a in d.accounts]) for d in brief.disagreements]
    sources: list[tuple[str, list[Evidence]]] = [(f"{s.doc_id}  {s.title or ''}  {s.url or ''}  {s.published or 'undated'}", [])
               for s in brief.sources]
    shown = len(brief.timeline)
    when = (f"Timeline ({shown} of {brief.timeline_total} dated items: the first, the turning "
            "points and the latest)" if shown < brief.timeline_total else "Timeline")
    return [("Roles", roles), ("Stance", stance), ("Official positions", positions),
            (_counted("Statements", brief, "statements"), statements),
            (_counted("Assessments", brief, "assessments"), assessments),
            (f"What the texts say about {brief.actor_name}", passages), (when, timeline),
            (_counted("Disagreements", brief, "disagreements"), disagreements),
            (_counted("Sources", brief, "sources"), sources)]


def _counted(heading: str, brief: Brief, part: str) -> str:
    """ "Statements (the first 15 of 23; …)" when the list was cut, else the heading."""
    found = dict(brief.totals).get(part)
    return f"{heading} (the first {_shown(brief, part)} of {found}; --all shows every one)" \
        if found else heading


def _shown(brief: Brief, part: str) -> int:
    return {"statements": len(brief.statements), "assessments": len(brief.assessments),
            "disagreements": len(brief.disagreements), "sources": len(brief.sources)}[part]


def _lines(brief: Brief, *, is_md: bool) -> list[str]:
    """Plain-text or Markdown lines. In Markdown every piece of text (article sentences,
    titles, URLs, names) is escaped, so the rendered brief shows it and never runs it."""
    esc = inert_markdown if is_md else _as_is
    title = f"{brief.actor_name} ({brief.actor_code}) in {brief.conflict}"
    out = [f"# {esc(title)}" if is_md else title, "", esc(brief.summary)]
    if brief.scope is not None:
        out += ["", esc(_scope_line(brief))]
    for heading, items in _sections(brief):
        out += ["", f"## {esc(heading)}" if is_md else heading.upper()]
        if not items:
            out.append("  (none found)")
        for line, evidence in items:
            out.append(f"- {esc(line)}" if is_md else f"  * {line}")
            for e in evidence[:3]:
                out.append(f"    > {esc(e.text)} {esc(_cite(e))}" if is_md
                           else f"      {_cite(e)} {e.text}")
    return out


def _as_is(text: str) -> str:
    return text


def _scope_line(brief: Brief) -> str:
    from polemos.analysis.render_answer import scope_sentence

    return "Scope: " + scope_sentence(brief.scope, brief.actor_name) if brief.scope else ""


def render_brief_html(brief: Brief) -> str:
    """An escaped HTML fragment (no scripts, no external resources) for embedding."""
    esc = html.escape
    parts = [f'<section class="polemos-brief" data-actor="{esc(brief.actor_code)}">',
             f"<h2>{esc(brief.actor_name)} in {esc(brief.conflict)}</h2>",
             f'<p class="summary">{esc(brief.summary)}</p>']
    if brief.scope is not None:
        parts.append(f'<p class="scope">{esc(_scope_line(brief))}</p>')
    for heading, items in _sections(brief):
        parts.append(f"<h3>{esc(heading)}</h3>")
        if not items:
            parts.append('<p class="none">none found</p>')
            continue
        parts.append("<ul>")
        for line, evidence in items:
            quotes = "".join(
                f'<blockquote data-doc="{esc(e.doc_id)}" data-start="{e.start}" '
                f'data-end="{e.end}">{esc(e.text)} <cite>{esc(_cite(e))}</cite></blockquote>'
                for e in evidence[:3])
            parts.append(f"<li>{esc(line)}{quotes}</li>")
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)
