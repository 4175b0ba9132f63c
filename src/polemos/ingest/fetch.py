"""Download one URL (httpx) with a timeout and a size limit; the only network code."""

from __future__ import annotations

import math
import queue
import threading
import time
from dataclasses import dataclass

import httpx

from polemos.errors import InputError
from polemos.ingest.decode import check_size

_HEADERS = {"User-Agent": "polemos (news article reader)"}


@dataclass(frozen=True, slots=True)
class Download:
    url: str  # after redirects
    content_type: str  # media type without parameters, lower case ("text/html")
    charset: str | None
    data: bytes


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float, max_bytes: int) -> Download:
    """GET ``url``, all of it (name lookup, connection, headers, body) within ``timeout``.

    httpx's timeouts bound each network operation, so a server that drips one byte a
    second would hold a download for ever; the download therefore runs in a helper thread
    that this one waits for at most ``timeout`` seconds. A download given up on stops at
    its next chunk (or its next per-read timeout) by itself.

    Raises:
        InputError: no complete answer within ``timeout`` seconds, no connection, an HTTP
            error status, or a body over ``max_bytes``.
    """
    if not (math.isfinite(timeout) and timeout > 0):
        raise InputError(url, f"the timeout must be a number of seconds above 0, not {timeout}. "
                         "Give e.g. --timeout 20.")
    deadline = time.monotonic() + timeout
    outcome: queue.SimpleQueue[Download | BaseException] = queue.SimpleQueue()

    def download() -> None:
        try:
            outcome.put(_download(url, timeout=timeout, max_bytes=max_bytes, deadline=deadline))
        except BaseException as err:  # noqa: BLE001 - handed to the waiting thread, re-raised there
            outcome.put(err)

    worker = threading.Thread(target=download, name="polemos-fetch", daemon=True)
    worker.start()
    try:
        result = outcome.get(timeout=timeout)
    except queue.Empty:
        raise InputError(
            url, f"no answer within {timeout:g} s (the whole download counts, body included). "
            "Check the address and your network, or allow longer with --timeout SECONDS.",
        ) from None
    if isinstance(result, BaseException):
        raise result
    return result


def _download(url: str, *, timeout: float, max_bytes: int, deadline: float) -> Download:
    try:
        with httpx.stream(
            "GET", url, timeout=timeout, follow_redirects=True, headers=_HEADERS
        ) as response:
            _check_status(url, response)
            data = _read_body(url, response, max_bytes, deadline=deadline)
            media = response.headers.get("content-type", "")
            final_url = str(response.url)
    except httpx.TimeoutException as err:
        raise InputError(
            url, f"no answer within {timeout:g} s. Check the address and your network, "
            "or wait longer with --timeout SECONDS.",
        ) from err
    except (httpx.HTTPError, httpx.InvalidURL) as err:
        raise InputError(
            url, f"cannot reach it ({type(err).__name__}: {err or 'no details'}). Check the "
            "address and your network, or save the page and ingest the file.",
        ) from err
    media_type, _, params = media.partition(";")
    charset = params.split("charset=", 1)[1].strip().strip('"') if "charset=" in params else None
    return Download(final_url, media_type.strip().lower(), charset, data)


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        raise InputError(
            url, f"the server answered {response.status_code} {response.reason_phrase}. "
            "Check the address; the page may have moved or need a login.",
        )


def _read_body(url: str, response: httpx.Response, max_bytes: int, *, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit():
        check_size(url, int(declared), max_bytes)
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        check_size(url, total, max_bytes)
        if time.monotonic() > deadline:  # the waiting thread has given up on this download
            raise InputError(url, "download stopped at its deadline.")
        chunks.append(chunk)
    return b"".join(chunks)
