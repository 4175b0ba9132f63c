"""HTML pages, feeds and URLs: local files and a local http.server on 127.0.0.1 only."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.ingest import read_sources
from polemos.records import Article, Failure, Skip
from polemos.settings import Settings

P1 = ("The governments of Arnor and Gondor agreed on Tuesday to reopen the crossing at "
      "Osgiliath, closed since the spring clashes, officials from both sides said.")
P2 = ("Under the deal, monitors from the Council of the West will patrol both banks for six "
      "months. Traders had pressed for the reopening for weeks before the talks began.")
Q1 = ("Rohan called up two brigades of reservists on Friday, citing raids across the northern "
      "border that killed four herders last week, the defence ministry said.")
Q2 = ("The ministry said the call-up would last until the end of the harvest and that no "
      "troops would cross the border unless Rohan itself came under attack.")

PAGE = f"""<!doctype html><html><head><title>Crossing reopens | Western Wire</title>
<meta name="author" content="Mara Fenwick">
<meta property="article:published_time" content="2023-03-14T08:00:00Z">
<link rel="canonical" href="https://wire.test/crossing"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><h1>Crossing reopens</h1><p>{P1}</p><p>{P2}</p></main>
<aside><h3>Related</h3><ul><li>Rohan mobilises</li></ul></aside>
<footer>Copyright Western Wire</footer></body></html>"""

P3 = ("Merchants on both banks welcomed the news and said the first barges could cross within "
      "days, once the mines laid during the clashes have been cleared from the fords.")
CARD = "<article><h3>Dale votes</h3><p>The vote is delayed again, officials say.</p></article>"
TWO_ARTICLES = f"""<html><head><title>Northern Realms</title></head><body>
<article><h2>Crossing reopens</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<article><h2>Rohan calls up reservists</h2><p>{Q1}</p><p>{Q2}</p><p>{P3}</p></article>
<aside>{CARD}{CARD.replace("Dale", "Rohan")}</aside></body></html>"""

UNDATED = f"<html><body><div><h1>Crossing reopens</h1><p>14 March 2023</p><p>{P1}</p><p>{P2}</p></div></body></html>"


def read(*sources: str | Path, **settings: object) -> list[Article | Skip | Failure]:
    return list(read_sources([str(s) for s in sources], settings=Settings(**settings)))  # type: ignore[arg-type]


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    [article] = read(tmp_path / "p.html")
    assert isinstance(article, Article)
    assert article.title == "Crossing reopens"
    assert article.text == f"{P1}\n\n{P2}"
    assert (article.author, article.published) == ("Mara Fenwick", dt.date(2023, 3, 14))
    assert article.url == "https://wire.test/crossing"


def test_html_page_with_two_articles_gives_both(tmp_path: Path) -> None:
    (tmp_path / "two.htm").write_text(TWO_ARTICLES, encoding="utf-8")
    found = read(tmp_path / "two.htm")
    assert [(a.title, a.text) for a in found if isinstance(a, Article)] == [
        ("Crossing reopens", f"{P1}\n\n{P2}\n\n{P3}"),
        ("Rohan calls up reservists", f"{Q1}\n\n{Q2}\n\n{P3}")]


def test_html_date_in_the_text_is_not_a_publication_date(tmp_path: Path) -> None:
    (tmp_path / "u.html").write_text(UNDATED, encoding="utf-8")
    [article] = read(tmp_path / "u.html")
    assert isinstance(article, Article) and article.published is None


def test_html_without_article_text_fails_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<html><body><div><<>></div>\x0b</body", encoding="utf-8")
    [failure] = read(tmp_path / "bad.html")
    assert isinstance(failure, Failure)
    assert "bad.html" in failure.message and "malformed" in failure.message


def rss(items: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<link>https://wire.test/</link><description>News</description>{items}</channel></rss>"""


def rss_item(title: str, link: str, summary: str, date: str = "Tue, 14 Mar 2023 08:00:00 GMT") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><description>{summary}</description>"
            f"<pubDate>{date}</pubDate></item>")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A local web server on 127.0.0.1 serving tmp_path/www; yields its base URL."""
    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_url_page_is_fetched_and_extracted(server: str, tmp_path: Path) -> None:
    (tmp_path / "www" / "p.html").write_text(PAGE, encoding="utf-8")
    [article] = read(f"{server}/p.html")
    assert isinstance(article, Article)
    assert article.title == "Crossing reopens" and article.text == f"{P1}\n\n{P2}"
    assert article.source == f"{server}/p.html"


def test_url_not_found_fails_with_the_status(server: str) -> None:
    [failure] = read(f"{server}/missing.html")
    assert isinstance(failure, Failure) and "404" in failure.message


def test_unreachable_url_fails_quickly_with_a_hint() -> None:
    url = f"http://127.0.0.1:{unused_port()}/story"
    [failure] = read(url, timeout=2.0)
    assert isinstance(failure, Failure)
    assert failure.message.startswith(url) and "cannot reach" in failure.message


def test_silent_server_times_out() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)  # accepts the connection, never answers
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/slow"
        [failure] = read(url, timeout=0.5)
    assert isinstance(failure, Failure) and "no answer within 0.5 s" in failure.message


def test_feed_fetches_pages_of_summary_items_and_names_a_dead_one(server: str,
                                                                  tmp_path: Path) -> None:
    (tmp_path / "www" / "p.html").write_text(PAGE, encoding="utf-8")
    dead = f"http://127.0.0.1:{unused_port()}/gone"
    feed = rss(rss_item("Crossing reopens", f"{server}/p.html", "Talks end.")
               + rss_item("Rohan calls up reservists", dead, Q1))
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    first, second = read(tmp_path / "feed.xml", timeout=2.0)
    assert isinstance(first, Article) and isinstance(second, Failure)
    assert first.text == f"{P1}\n\n{P2}" and first.title == "Crossing reopens"
    assert first.published == dt.date(2023, 3, 14) and first.url == f"{server}/p.html"
    # the summary is not the article: not stored, so a later run stores the full page
    assert second.item == dead and "was not stored" in second.message


def test_feed_by_url_with_full_content(server: str, tmp_path: Path) -> None:
    long_text = f"{P1} {P2} {Q1} {Q2}"
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id>
<updated>2023-03-15T00:00:00Z</updated>
<entry><title>Northern roundup</title><id>urn:w:1</id><link href="{server}/none.html"/>
<published>2023-03-15T09:00:00Z</published><author><name>Ana Kessel</name></author>
<content type="html">&lt;p&gt;{long_text}&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "www" / "atom.xml").write_text(atom, encoding="utf-8")
    [article] = read(f"{server}/atom.xml")
    assert isinstance(article, Article)
    assert (article.text, article.author) == (long_text, "Ana Kessel")
    assert article.published == dt.date(2023, 3, 15)
