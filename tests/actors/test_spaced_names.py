"""A name of the KB written with a hyphen is found when news writes it with a space
("Guinea Bissau"). Hand-built parse, fictional KB, no model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from actorkit import MIDDLE_EARTH, TokenSpec, dated, parse  # type: ignore[import-not-found]
from spacy.tokens import Doc

from polemos.actors import find_mentions
from polemos.actors.kb import kb_from_files

DocOf = Callable[[Sequence[TokenSpec]], Doc]
GPE = {"ent": "GPE"}


def test_a_hyphenated_name_is_found_with_a_space(doc_of: DocOf, tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("states:\n  - code: GRH\n    names: [Gondor-Rhudaur]\n", encoding="utf-8")
    kb = kb_from_files([str(MIDDLE_EARTH), str(extra)])
    doc = doc_of([("Arnor", 1, "nsubj", GPE), ("accuses", None, "ROOT"),
                  ("Gondor", 3, "compound", GPE), ("Rhudaur", 1, "dobj", GPE)])
    parsed = parse(doc)
    found = find_mentions(parsed, kb, time=dated(parsed, None))
    assert [(m.text, m.code) for m in found] == [("Arnor", "ARN"), ("Gondor Rhudaur", "GRH")]
