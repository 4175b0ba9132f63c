"""Claims: stance statements and authors' assessments, kept apart from events."""

from polemos.claims.extract import extract_claims

__all__ = ["extract_claims"]
