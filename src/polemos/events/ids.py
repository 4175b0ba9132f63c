"""Stable event ids."""

from __future__ import annotations

import hashlib


def event_id(doc_id: str, trigger_start: int, pattern_id: str) -> str:
    """Stable id: the same trigger coded by the same pattern always gets the same id."""
    return hashlib.sha1(f"{doc_id}|{trigger_start}|{pattern_id}".encode()).hexdigest()[:16]
