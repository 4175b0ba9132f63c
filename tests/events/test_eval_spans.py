"""How scripts/eval_events.py finds a gold actor phrase in a sentence (no model needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def evaluator() -> Any:
    path = Path(__file__).resolve().parents[2] / "scripts" / "eval_events.py"
    spec = importlib.util.spec_from_file_location("eval_events_spans", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Haradrim refugees fled to Harad.", "Harad", 26),  # whole words, not inside "Haradrim"
    ("The Haradrim marched.", "Harad", 4),  # only inside a word: its first occurrence
    ("Gondor and Rohan met.", "Rohan", 11),
    ("Gondor and Rohan met.", "Arnor", -1),
])
def test_a_gold_phrase_is_located_as_whole_words(evaluator: Any, text: str, phrase: str,
                                                 expected: int) -> None:
    assert evaluator.locate(text, phrase) == expected
