"""Download one URL (httpx) with a timeout and a size limit; the only network code."""

from __future__ import annotations

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
    """GET ``url``.

    Raises:
        InputError: no answer within ``timeout`` seconds, no connection, an HTTP error
            status, or a body over ``max_bytes``.
    """
    try:
        with httpx.stream(
            "GET", url, timeout=timeout, follow_redirects=True, headers=_HEADERS
        ) as response:
            _check_status(url, response)
            data = _read_body(url, response, max_bytes)
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


def _read_body(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit():
        check_size(url, int(declared), max_bytes)
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        check_size(url, total, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)
