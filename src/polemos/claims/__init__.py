"""Claims: stance statements and authors' assessments, kept apart from events.

``extract_claims`` (it needs spaCy) is imported on first use, so the positions layer can read
the cue lexicon without loading spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from polemos.claims.extract import extract_claims


def __getattr__(name: str) -> Any:
    if name != "extract_claims":
        raise AttributeError(f"module 'polemos.claims' has no attribute {name!r}")
    from polemos.claims.extract import extract_claims

    return extract_claims


__all__ = ["extract_claims"]
