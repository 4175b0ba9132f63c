"""Fixtures for the actor tests; helpers live in actorkit.py (imported by module name,
since several test folders have a conftest)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from actorkit import MIDDLE_EARTH, TokenSpec, make_doc  # type: ignore[import-not-found]
from spacy.tokens import Doc
from spacy.vocab import Vocab

from polemos.actors import KnowledgeBase
from polemos.actors.kb import kb_from_files


@pytest.fixture(scope="session")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return kb_from_files([str(MIDDLE_EARTH)])


@pytest.fixture
def doc_of(vocab: Vocab) -> Callable[[Sequence[TokenSpec]], Doc]:
    return lambda tokens: make_doc(vocab, tokens)
