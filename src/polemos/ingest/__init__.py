"""Ingest: read files, folders, URLs and feeds into clean Articles."""

from polemos.ingest.readers import read_sources

__all__ = ["read_sources"]
