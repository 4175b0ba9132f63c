"""`polemos serve`: a local, read-only web app over one store (Starlette + Jinja2).

Every HTML page has a JSON twin (``/events`` and ``/events.json``) rendered from the same
data. The store is opened read-only for each request and closed after it, so an ingest can
take the file between requests (DuckDB allows one writer and, while it writes, no reader);
while one holds it, pages say so with status 503. Article text is escaped by Jinja2's
autoescaping; a Content-Security-Policy allows nothing but this server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from polemos.errors import QueryError, StoreError
from polemos.store.store import Store
from polemos.web import views
from polemos.web.views import Context, View

if TYPE_CHECKING:
    from polemos.actors.kb import KnowledgeBase
    from polemos.analysis import Conflicts

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
ASSETS = {"report.css": ("polemos.report", "text/css"),
          "report.js": ("polemos.report", "text/javascript"),
          "web.css": ("polemos.web", "text/css"), "web.js": ("polemos.web", "text/javascript")}
Handler = Callable[[Store, Request, Context], View]


def to_jsonable(value: Any) -> Any:
    """Records, dates and tuples as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class WebApp:
    """The pages of one store; ``app`` is the ASGI application."""

    def __init__(self, db: str | Path, ctx: Context) -> None:
        self.db = str(db)
        self.ctx = ctx
        self.env = Environment(loader=PackageLoader("polemos.web", "templates"),
                               autoescape=select_autoescape(default=True), trim_blocks=True,
                               lstrip_blocks=True)
        self.env.globals["db_name"] = Path(self.db).name
        self._cached: dict[str, tuple[tuple[int, int], View]] = {}
        self.app = Starlette(routes=self._routes())

    def cached(self, key: str, store: Store, build: Callable[[], View]) -> View:
        """``build()`` once per state of the database file: the store only changes when an
        ingest writes, and that changes the file's size or time (the whole-store counts of
        the overview take about a second at a million events)."""
        stat = Path(self.db).stat()
        state = (stat.st_mtime_ns, stat.st_size)
        hit = self._cached.get(key)
        if hit is None or hit[0] != state:
            hit = (state, build())
            self._cached[key] = hit
        return hit[1]

    def _routes(self) -> list[Route]:
        pages: list[tuple[str, str, Handler]] = [
            ("/", "overview.html",
             lambda s, r, c: self.cached("overview", s, lambda: views.overview(s, c))),
            ("/documents", "documents.html", lambda s, r, c: views.documents(s, r.query_params)),
            ("/documents/{doc_id}", "document.html",
             lambda s, r, c: views.document(s, r.path_params["doc_id"], r.query_params, c)),
            ("/events", "events.html", lambda s, r, c: views.events(s, r.query_params, c)),
            ("/actors", "actors.html", lambda s, r, c: views.actors(s, r.query_params, c)),
            ("/actors/{code}", "actor.html",
             lambda s, r, c: views.actor(s, r.path_params["code"], r.query_params, c)),
            ("/conflicts", "conflicts.html", lambda s, r, c: views.conflicts(c)),
            ("/conflicts/{name}", "conflict.html",
             lambda s, r, c: views.conflict(s, r.path_params["name"], c)),
            ("/ask", "ask.html", lambda s, r, c: views.ask(s, r.query_params, c)),
        ]
        routes = [Route("/static/{name}", self._asset)]
        for path, template, handler in pages:
            twin = "/index.json" if path == "/" else path + ".json"
            routes.append(Route(twin, self._endpoint(handler, None)))
        for path, template, handler in pages:
            routes.append(Route(path, self._endpoint(handler, template)))
        return routes

    def _endpoint(self, handler: Handler, template: str | None
                  ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            # DuckDB calls block: run them in a worker thread, one store per request
            return await run_in_threadpool(self._respond, handler, template, request)

        return endpoint

    def _respond(self, handler: Handler, template: str | None, request: Request) -> Response:
        try:
            with Store.open(self.db, read_only=True) as store:
                view = handler(store, request, self.ctx)
        except StoreError as err:
            return self._error(template, 503, _busy(self.db, err), {"Retry-After": "10"})
        except QueryError as err:
            return self._error(template, 404 if "no document" in str(err) else 400, str(err))
        if template is None:
            return JSONResponse(to_jsonable(view.data), headers=HEADERS)
        html = self.env.get_template(template).render(data=view.data, charts=view.charts,
                                                      json_url=_twin(request))
        return HTMLResponse(html, headers=HEADERS)

    def _error(self, template: str | None, status: int, message: str,
               extra: dict[str, str] | None = None) -> Response:
        headers = {**HEADERS, **(extra or {})}
        if template is None:
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        html = self.env.get_template("error.html").render(message=message, status=status)
        return HTMLResponse(html, status_code=status, headers=headers)

    async def _asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return Response("not found", status_code=404, headers=HEADERS)
        package, media = ASSETS[name]
        body = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        return Response(body, media_type=media, headers=HEADERS)


def _twin(request: Request) -> str:
    path = "/index.json" if request.url.path == "/" else request.url.path + ".json"
    return path + (f"?{request.url.query}" if request.url.query else "")


def _busy(db: str, err: StoreError) -> str:
    return (f"The database {db} cannot be read right now: {err} If `polemos ingest` is "
            "writing to it, DuckDB lets no other process open the file until it has "
            "finished; this page works again then (reload it).")


def create_app(db: str | Path, *, kb: KnowledgeBase | None = None,
               conflicts: Conflicts | None = None) -> Starlette:
    """The web app over the store at ``db`` (opened read-only for each request).

    Raises:
        StoreError: ``db`` does not exist or is not a Polemos store.
    """
    from polemos.actors.kb import load_kb
    from polemos.analysis import load_conflicts

    if not Path(db).exists():
        raise StoreError(f"{db}: no such database. Run `polemos ingest SOURCE --db {db}` first.")
    ctx = Context(kb if kb is not None else load_kb(),
                  conflicts if conflicts is not None else load_conflicts())
    return WebApp(db, ctx).app


__all__ = ["CSP", "WebApp", "create_app", "to_jsonable"]
