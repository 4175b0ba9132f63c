"""Ingest: read files, folders, URLs and feeds into clean Articles.

``read_sources`` is imported on first use (PEP 562): a worker process that only finishes
and codes articles (``polemos.ingest.clean``) does not load the readers' HTML, feed and
HTTP libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from polemos.ingest.readers import read_sources


def __getattr__(name: str) -> Any:
    if name == "read_sources":
        from polemos.ingest.readers import read_sources

        return read_sources
    raise AttributeError(f"module 'polemos.ingest' has no attribute {name!r}")


__all__ = ["read_sources"]
