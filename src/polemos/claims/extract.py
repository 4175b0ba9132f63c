"""Claim extraction (placeholder until the positions stage lands)."""

from __future__ import annotations

from collections.abc import Sequence

from polemos.nlp.annotate import Parsed
from polemos.records import Claim, Mention, TimeAnalysis


def extract_claims(
    parsed: Parsed, mentions: Sequence[Mention], *, time: TimeAnalysis
) -> list[Claim]:
    return []
