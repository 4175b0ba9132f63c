"""Event patterns (placeholder until the events stage lands)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Patterns:
    sources: tuple[str, ...] = ()


def load_patterns(extra: Sequence[str] = ()) -> Patterns:
    return Patterns(tuple(extra))
