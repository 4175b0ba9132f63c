"""Render a brief as JSON, plain text, Markdown or an escaped HTML fragment."""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from typing import Any

from polemos.analysis.model import Brief, Evidence
from polemos.errors import QueryError

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
                   "evidence": ev(r.evidence)} for r in brief.roles],
        "stance": [{"toward": s.toward, "alignment": s.alignment,
                    "statements": list(s.statements), "evidence": ev(s.evidence)}
                   for s in brief.stance],
        "timeline": [{"date": t.date, "text": t.text, "event_id": t.event_id,
                      "evidence": ev(t.evidence)} for t in brief.timeline],
        "assessments": [{"text": a.text, "evidence": ev(a.evidence)} for a in brief.assessments],
        "disagreements": [{"about": d.about, "accounts": [
            {"date": a.date, "evidence": asdict(a.evidence)} for a in d.accounts]}
            for d in brief.disagreements],
        "sources": [asdict(s) for s in brief.sources],
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
        value = f"{s.alignment:+.2f}" if s.evidence else "no events or statements"
        stance.append((f"toward {names(s.toward)}: {value}"
                       + (f"  (by year: {years})" if years else ""), list(s.evidence)))
    positions: list[tuple[str, list[Evidence]]] = [
        (st, []) for st in dict.fromkeys(st for s in brief.stance for st in s.statements)]
    timeline = [(f"{t.date}  {t.text}", list(t.evidence)) for t in brief.timeline]
    assessments = [(a.text, list(a.evidence)) for a in brief.assessments]
    disagreements = [(f"{d.about}: " + " vs ".join(f"{a.date} {_cite(a.evidence)}"
                                                  for a in d.accounts),
                      [a.evidence for a in d.accounts]) for d in brief.disagreements]
    sources: list[tuple[str, list[Evidence]]] = [(f"{s.doc_id}  {s.title or ''}  {s.url or ''}  {s.published or 'undated'}", [])
               for s in brief.sources]
    return [("Roles", roles), ("Stance", stance), ("Official positions", positions),
            ("Timeline", timeline), ("Assessments", assessments),
            ("Disagreements", disagreements), ("Sources", sources)]


def _lines(brief: Brief, *, is_md: bool) -> list[str]:
    title = f"{brief.actor_name} ({brief.actor_code}) in {brief.conflict}"
    out = [f"# {title}" if is_md else title, "", brief.summary]
    for heading, items in _sections(brief):
        out += ["", f"## {heading}" if is_md else heading.upper()]
        if not items:
            out.append("  (none found)")
        for line, evidence in items:
            out.append(f"- {line}" if is_md else f"  * {line}")
            for e in evidence[:3]:
                quote = e.text if len(e.text) < 300 else e.text[:297] + "…"
                out.append(f"    > {quote} {_cite(e)}" if is_md else f"      {_cite(e)} {quote}")
    return out


def render_brief_html(brief: Brief) -> str:
    """An escaped HTML fragment (no scripts, no external resources) for embedding."""
    esc = html.escape
    parts = [f'<section class="polemos-brief" data-actor="{esc(brief.actor_code)}">',
             f"<h2>{esc(brief.actor_name)} in {esc(brief.conflict)}</h2>",
             f'<p class="summary">{esc(brief.summary)}</p>']
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
