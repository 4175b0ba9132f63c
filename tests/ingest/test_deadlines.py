"""Total deadlines against slow servers on 127.0.0.1, concurrent feed pages, bounded feed
parsing (issue 12, part 2). Bounds are generous: they fail on a hang, not on a slow CI."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from polemos.errors import InputError
from polemos.ingest import read_sources
from polemos.ingest.feeds import PERSON_CHARS, read_feed
from polemos.ingest.fetch import fetch
from polemos.records import Article, Failure
from polemos.settings import Settings

TIMEOUT = 1.5
PAGE = "<html><head><title>Page {n}</title></head><body><article>" + (
    "<p>The council of Gondor met the envoys of Rohan on Tuesday and agreed on a truce "
    "along the river, according to officials in Minas Tirith.</p>" * 8) + "</article></body></html>"


def _rss(links: list[str], *, author: str = "Desk") -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link><author>{author}</author>"
        f"<description>Short summary {n}.</description></item>"
        for n, link in enumerate(links, 1))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        if path == "/drip":  # headers at once, then one byte a second, for ever
            self._head("text/html")
            for _ in range(120):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
        elif path.startswith("/stall"):  # accepts, then says nothing
            time.sleep(60)
        elif path.startswith("/page/"):
            self._send("text/html", PAGE.format(n=path.rsplit("/", 1)[1]))
        elif path.startswith("/feed/dead"):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            self._send("application/rss+xml", _rss([f"{base}/stall/{n}" for n in range(6)]))
        elif path.startswith("/feed/mixed"):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            links = [f"{base}/page/1", f"{base}/stall/2", f"{base}/page/3", f"{base}/drip"]
            self._send("application/rss+xml", _rss(links))
        else:
            self.send_error(404)

    def _head(self, media: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.end_headers()

    def _send(self, media: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", f"{media}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_dripping_server_is_given_up_at_the_total_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"/drip: no answer within 1.5 s"):
        fetch(f"{server}/drip", timeout=TIMEOUT, max_bytes=10_000_000)
    assert time.monotonic() - started < TIMEOUT + 2


def test_a_silent_server_is_given_up_at_the_total_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="within 1.5 s"):
        fetch(f"{server}/stall/x", timeout=TIMEOUT, max_bytes=10_000_000)
    assert time.monotonic() - started < TIMEOUT + 2


@pytest.mark.parametrize("timeout", [-5.0, 0.0, float("nan"), float("inf")])
def test_a_timeout_that_is_not_a_positive_number_is_refused(server: str, timeout: float) -> None:
    with pytest.raises(InputError, match="number of seconds above 0"):
        fetch(f"{server}/page/1", timeout=timeout, max_bytes=10_000_000)


def test_a_reachable_page_still_downloads(server: str) -> None:
    download = fetch(f"{server}/page/7", timeout=TIMEOUT, max_bytes=10_000_000)
    assert download.content_type == "text/html" and b"Page 7" in download.data


def test_dead_item_pages_are_fetched_at_once_and_each_named(server: str) -> None:
    settings = Settings(timeout=TIMEOUT)
    started = time.monotonic()
    items = list(read_sources([f"{server}/feed/dead"], settings=settings))
    elapsed = time.monotonic() - started
    assert all(isinstance(i, Failure) for i in items) and len(items) == 6
    for n, failure in enumerate(items):
        assert isinstance(failure, Failure)
        assert failure.message.startswith(f"{server}/stall/{n}: no answer within")
        assert "was not stored" in failure.message and "\n" not in failure.message
    assert elapsed < 2 * TIMEOUT + 3  # one after another would take 6 × 1.5 s


def test_good_pages_are_stored_and_bad_ones_named_in_feed_order(server: str) -> None:
    items = list(read_sources([f"{server}/feed/mixed"], settings=Settings(timeout=TIMEOUT)))
    kinds = [(type(i).__name__, i.source if isinstance(i, Article) else i.item) for i in items]
    assert kinds == [("Article", f"{server}/page/1"), ("Failure", f"{server}/stall/2"),
                     ("Article", f"{server}/page/3"), ("Failure", f"{server}/drip")]
    article = items[0]
    assert isinstance(article, Article) and "truce along the river" in article.text


def test_a_feed_file_without_page_fetching_keeps_its_summaries() -> None:
    items = list(read_feed("f.xml", _rss(["http://127.0.0.1:9/x"]), fetch_page=None))
    assert [getattr(i, "text", None) for i in items] == ["Short summary 1."]


def test_a_long_author_is_cut_before_feedparser_reads_it() -> None:
    feed = _rss(["http://127.0.0.1:9/x"], author="a" * 100_000)
    started = time.monotonic()
    [item] = list(read_feed("f.xml", feed, fetch_page=None))
    assert time.monotonic() - started < 5
    assert not isinstance(item, Failure) and item.author == "a" * PERSON_CHARS


@pytest.mark.parametrize("element", ["dc:creator", "managingEditor", "webMaster",
                                     "itunes:author"])
def test_every_person_field_is_bounded(element: str) -> None:
    body = f"<{element}><![CDATA[{'b' * 100_000}]]></{element}>"
    feed = _rss(["http://127.0.0.1:9/x"]).replace("<title>t</title>", f"<title>t</title>{body}")
    started = time.monotonic()
    assert len(list(read_feed("f.xml", feed, fetch_page=None))) == 1
    assert time.monotonic() - started < 5


def _polemos(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "polemos", *args], capture_output=True,
                          text=True, timeout=timeout, check=False)


def test_ingest_of_a_dripping_url_ends_with_one_error_line(server: str, tmp_path: object) -> None:
    started = time.monotonic()
    done = _polemos("ingest", f"{server}/drip", "--timeout", "2", "--db",
                    f"{tmp_path}/d.duckdb", "--workers", "1")
    assert time.monotonic() - started < 2 + 20  # start-up included; a hang would be 120 s
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and f"{server}/drip" in errors[0]
    assert done.returncode == 1


def test_ingest_of_a_feed_of_dead_pages_names_each(server: str, tmp_path: object) -> None:
    started = time.monotonic()
    done = _polemos("ingest", f"{server}/feed/dead", "--timeout", "2", "--db",
                    f"{tmp_path}/f.duckdb", "--workers", "1")
    assert time.monotonic() - started < 2 * 2 + 20
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 6 and done.returncode == 1
    assert all(sum(f"/stall/{n}:" in e for e in errors) == 1 for n in range(6))


def test_an_item_whose_html_breaks_the_parser_is_a_failure_naming_it() -> None:
    from polemos.ingest.feeds import _guarded_draft

    entry = {"summary": "<html></html>", "link": None}  # lxml: "too many bodies"
    failure = _guarded_draft("f.xml", 3, entry, has_fetch=False)
    assert isinstance(failure, Failure) and failure.item == "f.xml#3"
    assert "cannot be read" in failure.message and "left out" in failure.message


def test_an_item_whose_link_is_not_a_web_address_keeps_its_summary() -> None:
    def no_fetch(link: str) -> str:
        raise AssertionError(f"fetched {link}")

    items = list(read_feed("f.xml", _rss(["urn:uuid:1234", "story/2.html"]), fetch_page=no_fetch))
    assert [getattr(i, "text", None) for i in items] == ["Short summary 1.", "Short summary 2."]
