"""What each page shows, as plain data: the HTML page and its JSON twin render the same dict.

Every function reads through the store's read API and the positions layer; none writes
SQL. Values that only the HTML page needs (inline SVG charts) travel in a separate dict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from polemos.errors import QueryError
from polemos.records import Participant
from polemos.report.charts import bar_chart_svg
from polemos.store.model import EventFilter, EventRecord, StoredSentence
from polemos.store.store import Store

if TYPE_CHECKING:
    from polemos.actors.kb import KnowledgeBase
    from polemos.analysis import Answer, Brief, Conflicts
    from polemos.analysis.model import Evidence

PAGE_SIZE = 50
FLAG_CHOICES = ("exclude", "include", "only")


@dataclass(frozen=True)
class Context:
    """What every view needs: the knowledge base and the conflict definitions."""

    kb: KnowledgeBase
    conflicts: Conflicts

    def name(self, code: str) -> str:
        return self.kb.name_of(code)


@dataclass(frozen=True)
class View:
    """A page: its data (also the JSON twin) and the HTML-only extras (charts)."""

    data: dict[str, Any]
    charts: dict[str, str]


def cite_url(doc_id: str, sentence: int, start: int, end: int) -> str:
    """The document page scrolled to the sentence, the cited range highlighted."""
    return f"/documents/{doc_id}?hl={start}-{end}#s{sentence}"


def _event_row(record: EventRecord, ctx: Context) -> dict[str, Any]:
    e = record.event
    return {
        "merged_id": record.merged_id, "event_id": e.event_id, "n_reports": record.n_reports,
        "date": e.date.iso, "date_precision": e.date.precision, "date_basis": e.date.basis,
        "date_reason": e.date.reason, "type": e.type, "cameo": e.cameo,
        "goldstein": e.goldstein, "quad": e.quad,
        "actors": [_participant(p, ctx) for p in e.actors],
        "recipients": [_participant(p, ctx) for p in e.recipients],
        "mediators": [_participant(p, ctx) for p in e.mediators],
        "flags": list(record.flags), "trigger": e.trigger, "pattern": e.pattern,
        "doc_id": e.doc_id, "title": record.title, "url": record.url,
        "published": record.published, "sentence": e.sentence,
        "sentence_text": e.sentence_text, "trigger_start": e.trigger_start,
        "trigger_end": e.trigger_end, "parts": _trigger_parts(record),
        "cite": cite_url(e.doc_id, e.sentence, e.trigger_start, e.trigger_end),
    }


def _part(code: str, sector: str | None, ctx: Context) -> dict[str, Any]:
    return {"code": code, "sector": sector, "name": ctx.name(code)}


def _participant(part: Participant, ctx: Context) -> dict[str, Any]:
    """An event's participant as the page shows it: one the KB does not code by its text."""
    if part.code is None:
        return {"code": None, "sector": part.sector, "name": part.text, "text": part.text}
    return {**_part(part.code, part.sector, ctx), "text": part.text}


def _trigger_parts(record: EventRecord) -> list[str]:
    """The sentence as (before, trigger, after) when the trigger lies inside it."""
    e = record.event
    start, end = e.trigger_start - e.sentence_start, e.trigger_end - e.sentence_start
    text = e.sentence_text
    if not 0 <= start < end <= len(text):
        return [text, "", ""]
    return [text[:start], text[start:end], text[end:]]


# -- overview ----------------------------------------------------------------------------


def overview(store: Store, ctx: Context) -> View:
    stats = store.stats()
    by_type = store.event_counts("type")
    by_year = store.event_counts("year")
    actors = store.actor_counts(limit=20, with_documents=False)
    dyads = store.dyad_counts(limit=12)
    data = {
        "stats": stats, "by_type": by_type, "by_year": by_year,
        "actors": [{"code": a.code, "sector": a.sector, "person": a.person,
                    "name": ctx.name(a.code), "n_mentions": a.n_mentions,
                    "n_documents": a.n_documents} for a in actors],
        "dyads": [{"actor": _part(d.actor, None, ctx), "recipient": _part(d.recipient, None, ctx),
                   "n_events": d.n_events, "mean_goldstein": round(d.mean_goldstein, 2)}
                  for d in dyads],
        "conflicts": [{"name": c.name, "parties": list(c.parties)} for c in ctx.conflicts.items],
        "documents": store.documents(order="newest", limit=10),
    }
    charts = {
        "by_type": bar_chart_svg([(c.key, c.n_events) for c in by_type[:14]], label="types"),
        "by_year": bar_chart_svg([(c.key, c.n_events) for c in by_year[-30:]], label="years"),
    }
    return View(data, charts)


# -- documents -------------------------------------------------------------------------


def _page_number(params: Mapping[str, str]) -> int:
    try:
        return max(1, int(params.get("page", "1")))
    except ValueError:
        return 1


def documents(store: Store, params: Mapping[str, str]) -> View:
    search = params.get("q") or None
    page = _page_number(params)
    items = store.documents(search=search, order="date", limit=PAGE_SIZE,
                            offset=(page - 1) * PAGE_SIZE, count_events=True)
    total = store.count_documents(search=search)
    return View({"q": search, "page": page, "total": total, "page_size": PAGE_SIZE,
                 "documents": items, "pages": _pages(params, page, total)}, {})


def _span(value: str | None, length: int) -> tuple[int, int] | None:
    """``start-end`` within a text of ``length`` characters, else None."""
    if not value or "-" not in value:
        return None
    start_text, _, end_text = value.partition("-")
    if not (start_text.isdigit() and end_text.isdigit()):
        return None
    start, end = int(start_text), int(end_text)
    return (start, end) if 0 <= start < end <= length else None


def _pieces(text: str, sentences: list[StoredSentence], hl: tuple[int, int] | None
            ) -> list[dict[str, Any]]:
    """The text as gaps and sentences; a sentence as (before, marked, after) around ``hl``."""
    out: list[dict[str, Any]] = []
    at = 0
    for s in sentences:
        if s.start > at:
            out.append({"gap": text[at:s.start]})
        lo, hi = (max(s.start, hl[0]), min(s.end, hl[1])) if hl else (s.end, s.end)
        if lo >= hi:
            lo = hi = s.end
        out.append({"index": s.index, "date": s.date.iso, "before": text[s.start:lo],
                    "marked": text[lo:hi], "after": text[hi:s.end]})
        at = max(at, s.end)
    if at < len(text):
        out.append({"gap": text[at:]})
    return out


def document(store: Store, doc_id: str, params: Mapping[str, str], ctx: Context) -> View:
    """One document with its whole text, sentences as anchors (#s12), a range highlighted.

    Raises:
        QueryError: no such document (or the prefix fits several).
    """
    doc = store.find_document(doc_id)
    text = doc.text or ""
    hl = _span(params.get("hl"), len(text))
    sentences = store.sentences([doc.doc_id])
    events = store.events(EventFilter(doc_ids=(doc.doc_id,), flags="include", merged=False,
                                      order="document"))
    data = {"document": doc, "highlight": hl, "pieces": _pieces(text, sentences, hl),
            "events": [_event_row(r, ctx) for r in events]}
    return View(data, {})


# -- events -----------------------------------------------------------------------------


def event_filter(params: Mapping[str, str], ctx: Context, *, page: int) -> EventFilter:
    """The filter a query string asks for; names are resolved through the knowledge base.

    Raises:
        QueryError: an unknown actor name, a year that is not a number or an unknown flag mode.
    """
    kind = (params.get("type") or "").strip()
    flags = params.get("flags") or "exclude"
    if flags not in FLAG_CHOICES:
        raise QueryError(f"flags={flags!r}: use one of {', '.join(FLAG_CHOICES)}.")
    return EventFilter(
        actor=_code(params.get("actor"), ctx), recipient=_code(params.get("recipient"), ctx),
        involving=_code(params.get("involving"), ctx),
        type=kind.upper() if kind and not kind[:1].isdigit() else None,
        cameo=kind if kind[:1].isdigit() else None,
        since=_year(params.get("since"), "since"), until=_year(params.get("until"), "until"),
        flags=flags,  # type: ignore[arg-type]  # checked against FLAG_CHOICES above
        doc_ids=(params["doc"],) if params.get("doc") else None,
        text=params.get("text") or None, merged=params.get("reports") != "1",
        limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)


def _year(value: str | None, name: str) -> int | None:
    if not value:
        return None
    if not value.strip().isdigit():
        raise QueryError(f"{name}={value!r} is not a year. Write a year such as 2020.")
    return int(value)


def _code(name: str | None, ctx: Context) -> str | None:
    """A code from a code or a name; unknown names raise with the nearest known ones."""
    if not name or not name.strip():
        return None
    wanted = name.strip()
    if ctx.kb.actor(wanted.upper()) is not None:
        return wanted.upper()
    codes = [c.code for c in ctx.kb.lookup(wanted) if c.code]
    if codes:
        return codes[0]
    if wanted.isupper() and wanted.isalpha():
        return wanted  # a code the knowledge base does not know, such as a user's own
    raise QueryError(f"unknown actor {name!r}. Nearest known names: "
                     f"{', '.join(ctx.kb.near(wanted, 5))}.")


def events(store: Store, params: Mapping[str, str], ctx: Context) -> View:
    page = _page_number(params)
    query = event_filter(params, ctx, page=page)
    items = store.events(query)
    total = store.count_events(query)
    shown = {k: params.get(k, "") for k in ("actor", "recipient", "involving", "type", "since",
                                            "until", "flags", "text", "doc", "reports")}
    return View({"filter": shown, "page": page, "total": total, "page_size": PAGE_SIZE,
                 "events": [_event_row(r, ctx) for r in items],
                 "pages": _pages(params, page, total)}, {})


def _pages(params: Mapping[str, str], page: int, total: int) -> dict[str, str | None]:
    """Links to the previous and next pages, keeping the other parameters."""
    last = max(1, -(-total // PAGE_SIZE))

    def link(n: int) -> str:
        return "?" + urlencode({**{k: v for k, v in params.items() if v}, "page": str(n)})

    return {"previous": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < last else None, "last": str(last)}


# -- actors ----------------------------------------------------------------------------


def actors(store: Store, params: Mapping[str, str], ctx: Context) -> View:
    page = _page_number(params)
    items = store.actor_counts(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                               with_documents=False)
    rows = [{"code": a.code, "sector": a.sector, "person": a.person, "kind": a.kind,
             "name": ctx.name(a.code), "n_mentions": a.n_mentions,
             "n_documents": a.n_documents} for a in items]
    return View({"page": page, "actors": rows,
                 "pages": _pages(params, page, page * PAGE_SIZE + (len(items) == PAGE_SIZE))},
                {})


def actor(store: Store, code: str, params: Mapping[str, str], ctx: Context) -> View:
    """An actor: its events over time, counterparts and, for a conflict, its brief.

    Raises:
        QueryError: an unknown actor or conflict (nearest names listed).
    """
    code = _code(code, ctx) or code
    involving = EventFilter(involving=code)
    by_year = store.event_counts("year", EventFilter(involving=code, flags="include"))
    counterparts = [d for d in store.dyad_counts(involving, limit=None)
                    if code in (d.actor, d.recipient)][:15]
    conflict = params.get("conflict") or None
    brief = _brief(store, code, conflict, ctx) if conflict else None
    data = {
        "code": code, "name": ctx.name(code), "kind": ctx.kb.kind(code),
        "n_events": store.count_events(involving), "by_year": by_year,
        "counterparts": [{"actor": _part(d.actor, None, ctx),
                          "recipient": _part(d.recipient, None, ctx), "n_events": d.n_events,
                          "mean_goldstein": round(d.mean_goldstein, 2)} for d in counterparts],
        "recent": [_event_row(r, ctx) for r in store.events(
            EventFilter(involving=code, order="newest", limit=10))],
        "conflicts": [c.name for c in ctx.conflicts.items],
        "conflict": conflict, "brief": brief,
    }
    charts = {"by_year": bar_chart_svg([(c.key, c.n_events) for c in by_year[-30:]],
                                       label="events by year")}
    return View(data, charts)


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"doc_id": e.doc_id, "sentence_id": e.sentence_id, "text": e.text,
             "start": e.start, "end": e.end,
             "cite": cite_url(e.doc_id, e.sentence_id, e.start, e.end)} for e in items]


def _brief(store: Store, code: str, conflict: str, ctx: Context) -> dict[str, Any]:
    from polemos.analysis import build_brief

    brief: Brief = build_brief(store, code, conflict=conflict, kb=ctx.kb,
                               conflicts=ctx.conflicts)
    return {
        "summary": brief.summary, "conflict": brief.conflict, "parties": list(brief.parties),
        "roles": [{"role": r.role, "toward": [brief.name(c) for c in r.toward],
                   "first": r.first, "last": r.last, "strength": round(r.strength, 2),
                   "rules": list(r.rules), "evidence": _evidence(r.evidence)}
                  for r in brief.roles],
        "stance": [{"toward": brief.name(s.toward), "alignment": round(s.alignment, 2),
                    "n_events": s.n_events, "n_statements": s.n_statements,
                    "statements": list(s.statements), "evidence": _evidence(s.evidence)}
                   for s in brief.stance],
        "timeline": [{"date": t.date, "text": t.text, "evidence": _evidence(t.evidence)}
                     for t in brief.timeline],
    }


# -- conflicts and questions -----------------------------------------------------------------


def conflicts(ctx: Context) -> View:
    return View({"conflicts": [{"name": c.name, "aliases": list(c.aliases),
                                "parties": [_part(p.partition(":")[0], p.partition(":")[2] or None,
                                                  ctx) for p in c.parties]}
                               for c in ctx.conflicts.items]}, {})


def conflict(store: Store, name: str, ctx: Context) -> View:
    """The report's sections for one conflict (or for any name found in the texts).

    Raises:
        QueryError: no stored document concerns it.
    """
    from polemos.report.build import report_parts

    parts = report_parts(store, conflict=name, kb=ctx.kb, conflicts=ctx.conflicts,
                         with_events=False)
    data = {"name": name, "title": parts.title, "report": parts.data}
    charts = {"header": parts.header,
              "sections": "".join(html for _, _, html in parts.sections)}
    return View(data, charts)


def ask(store: Store, params: Mapping[str, str], ctx: Context) -> View:
    question = (params.get("q") or "").strip()
    if not question:
        return View({"question": "", "answer": None}, {})
    from polemos.analysis import answer

    result: Answer = answer(store, question, kb=ctx.kb, conflicts=ctx.conflicts)
    return View({"question": question, "answer": {
        "text": result.answer, "intent": result.intent, "conflict": result.conflict,
        "parties": list(result.parties), "is_scope_inferred": result.is_scope_inferred,
        "lines": [{"text": line.text, "evidence": _evidence(line.evidence)}
                  for line in result.lines]}}, {})
