"""Render an answer: plain text an analyst can paste, or JSON with structured fields.

Quotes are whole sentences (never cut); each is cited ``[doc_id:sentence @start-end]`` so
that ``documents.text[start:end]`` is exactly the quoted text.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from polemos.analysis.model import (
    MIN_STANCE_SENTENCES,
    Answer,
    Brief,
    Evidence,
    Line,
    ScopeNote,
)
from polemos.analysis.render import brief_to_dict
from polemos.errors import QueryError

HEADINGS = {
    "roles": "ROLES", "stance": "STANCE (−1 hostile … +1 aligned)", "statements": "STATEMENTS",
    "assessments": "ASSESSMENTS", "passages": "WHAT THE TEXTS SAY", "timeline": "TIMELINE",
    "relations": "BY YEAR",
}
SHOWN_EVIDENCE = 3


def brief_lines(brief: Brief) -> list[Line]:
    """The brief as answer lines, section by section, each with its structured fields."""
    name = brief.name
    lines = [Line(f"{r.role}" + (f" → {', '.join(name(c) for c in r.toward)}" if r.toward else "")
                  + f" ({r.first or '?'} … {r.last or '?'})", r.evidence[:SHOWN_EVIDENCE], "roles",
                  (("role", r.role), ("target", list(r.toward)),
                   ("target_names", [name(c) for c in r.toward]), ("first", r.first),
                   ("last", r.last), ("strength", r.strength), ("n_evidence", len(r.evidence))))
             for r in brief.roles]
    for s in brief.stance:
        if not s.evidence:
            continue
        value = (f"{s.alignment:+.2f}" if s.is_shown else
                 f"withheld (a value needs {MIN_STANCE_SENTENCES} cited sentences)")
        lines.append(Line(f"toward {name(s.toward)}: {value}; rests on {s.basis}",
                          s.evidence[:SHOWN_EVIDENCE], "stance",
                          (("target", s.toward), ("alignment", s.alignment if s.is_shown else None),
                           ("n_events", s.n_events), ("n_statements", s.n_statements))))
    lines += [Line(st.holder, st.evidence, "statements", (("holder", st.holder),
                                                          ("kind", st.kind)))
              for st in brief.statements]
    lines += [Line(f"{a.holder}: {', '.join(t.replace('_', ' ') for t in a.topics)}",
                   a.evidence, "assessments", (("holder", a.holder), ("topics", list(a.topics))))
              for a in brief.assessments]
    lines += [Line(p.holder, p.evidence, "passages", (("holder", p.holder), ("kind", p.kind),
                                                      ("score", p.score)))
              for p in brief.passages]
    lines += [Line(f"{t.date} {t.text}", t.evidence[:1], "timeline",
                   (("date", t.date), ("precision", t.precision), ("event_id", t.event_id)))
              for t in brief.timeline]
    return lines


def scope_sentence(note: ScopeNote, actor: str | None = None) -> str:
    how = {"defined": "a shipped or user definition", "discovered": "discovered in the data",
           "inferred": "read from the question"}.get(note.how, note.how)
    mentioning = f"{note.n_mentioning_conflict}{'+' if note.is_mentioning_capped else ''}"
    text = (f"{len(note.documents)} of {note.n_documents} document(s) in this database are "
            f"about {note.conflict} ({how}; {mentioning} mention it or its parties at all)")
    if actor:
        text += f"; {note.n_naming_actor} of them name {actor}"
    if note.n_copies:
        text += (f"; {note.n_copies} more are copies of these (same title, date and length) "
                 "and were read once")
    return text + "."


def answer_to_dict(result: Answer) -> dict[str, Any]:
    citations = list(dict.fromkeys(e for line in result.lines for e in line.evidence))
    data: dict[str, Any] = {
        "question": result.question, "intent": result.intent, "status": result.status,
        "answer": result.answer, "actors": list(result.actors),
        "conflict": {"name": result.conflict, "parties": list(result.parties),
                     "topic": list(result.topic), "scope_inferred": result.is_scope_inferred,
                     "how": result.how},
        "scope_inferred": result.is_scope_inferred,
        "scope": asdict(result.scope) if result.scope else None,
        "items": [{"section": line.section, "text": line.text, **dict(line.fields),
                   "evidence": [asdict(e) for e in line.evidence]} for line in result.lines],
        "citations": [asdict(e) for e in citations],
        "text": render_answer(result, "text"),
    }
    if result.brief is not None:
        brief = brief_to_dict(result.brief)
        data.update({key: brief[key] for key in ("roles", "stance", "statements", "assessments",
                                                 "timeline", "passages", "disagreements",
                                                 "sources")})
    return data


def render_answer(result: Answer, fmt: str = "text") -> str:
    """The answer as ``text`` (whole sentences, each cited) or ``json``.

    Raises:
        QueryError: an unknown format.
    """
    if fmt == "json":
        return json.dumps(answer_to_dict(result), indent=2, ensure_ascii=False) + "\n"
    if fmt != "text":
        raise QueryError(f"unknown answer format {fmt!r}. Use text or json.")
    out = [result.answer]
    if result.scope is not None and result.status == "answered":
        actor = result.brief.actor_name if result.brief else None
        out += ["", "Scope: " + scope_sentence(result.scope, actor)]
    section = None
    for line in result.lines:
        if line.section != section:
            section = line.section
            out += ["", _heading(result, section)]
        out.append(f"- {line.text}")
        out += [f"    {cite(e)} {e.text}" for e in line.evidence[:SHOWN_EVIDENCE]]
    return "\n".join(out) + "\n"


def _heading(result: Answer, section: str) -> str:
    heading = HEADINGS.get(section, section.upper())
    brief = result.brief
    if brief is None:
        return heading
    if section == "timeline":
        shown = len(brief.timeline)
        if shown < brief.timeline_total:
            return (f"{heading} ({shown} of {brief.timeline_total} dated items: the first, the "
                    "turning points and the latest; --all shows all)")
        return f"{heading} ({shown} dated item(s))"
    if section == "passages":
        return f"{heading} ABOUT {brief.actor_name.upper()} (most central first; --all shows all)"
    return heading


def cite(e: Evidence) -> str:
    return f"[{e.doc_id[:10]}:{e.sentence_id} @{e.start}-{e.end}]"
