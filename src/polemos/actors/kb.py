"""The knowledge base (placeholder until the actors stage lands)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class KnowledgeBase:
    sources: tuple[str, ...] = ()


def load_kb(extra: Sequence[str] = ()) -> KnowledgeBase:
    return KnowledgeBase(tuple(extra))
