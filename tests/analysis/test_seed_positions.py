"""Quality tests on the two seed texts: structure, valid citations and the expected roles.

The seeds are ingested once for the module with the real model; nothing here pins an
answer's wording — only the shape, the validity of every citation and the presence of
roles, stances, dated events and assessments that the issue's acceptance list names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from polemos.actors import load_kb
from polemos.analysis.ask import answer, answer_to_dict, build_brief
from polemos.analysis.conflicts import load_conflicts
from polemos.analysis.brief import render_brief
from polemos.events import load_patterns
from polemos.pipeline import Coder, ingest
from polemos.store.store import Store

pytestmark = pytest.mark.model

KEYS = {"actor", "conflict", "summary", "roles", "stance", "timeline", "timeline_total",
        "assessments", "statements", "passages", "scope", "disagreements", "sources",
        "totals"}


@pytest.fixture(scope="module")
def seeds(shared: Path, nlp: Any, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[Store, Any]]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    kb = load_kb()
    coder = Coder(nlp=nlp, kb=kb, patterns=load_patterns())
    ingest([str(shared / "corpus" / "seeds")], db=db, coder=coder)
    with Store.open(db, read_only=True) as store:
        yield store, kb


def citations(node: object) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        if set(node) == {"doc_id", "sentence_id", "text", "start", "end"}:
            return [node]
        return [c for value in node.values() for c in citations(value)]
    if isinstance(node, list):
        return [c for value in node for c in citations(value)]
    return []


def assert_valid(store: Store, data: dict[str, Any]) -> None:
    texts = {r["doc_id"]: r["text"] for r in store._rows("SELECT doc_id, text FROM documents")}
    found = citations(data)
    assert found
    for c in found:
        assert c["text"] and texts[c["doc_id"]][c["start"]:c["end"]] == c["text"]


def brief_json(seeds: tuple[Store, Any], actor: str, conflict: str) -> dict[str, Any]:
    store, kb = seeds
    data: dict[str, Any] = json.loads(render_brief(
        build_brief(store, actor, conflict=conflict, kb=kb), "json"))
    assert set(data) == KEYS
    assert_valid(store, data)
    return data


def roles_of(data: dict[str, Any]) -> dict[str, set[str]]:
    return {r["role"]: set(r["toward"]) for r in data["roles"]}


def test_russia_in_karabakh(seeds: tuple[Store, Any]) -> None:
    data = brief_json(seeds, "RUS", "Nagorno-Karabakh")
    roles = roles_of(data)
    assert {"ARM", "AZE"} <= roles["mediator"]
    assert {"ARM", "AZE"} <= roles["arms_supplier"]
    assert "ARM" in roles["ally"] and "AZE" not in roles["ally"]
    stance = {s["toward"]: s for s in data["stance"]}
    assert any("territorial integrity" in st for st in stance["AZE"]["statements"])
    assert stance["ARM"]["evidence"]
    dated = [t for t in data["timeline"] if "1991" <= t["date"][:4] <= "2020" and t["event_id"]]
    assert len(dated) >= 6
    topics = " ".join(a["text"] for a in data["assessments"])
    assert "influence decline" in topics and "partiality" in topics
    assert len(data["summary"].split()) <= 150


def test_same_code_answers_for_turkey_and_the_minsk_group(seeds: tuple[Store, Any]) -> None:
    turkey = roles_of(brief_json(seeds, "TUR", "Nagorno-Karabakh"))
    assert "AZE" in turkey.get("supporter", set()) | turkey.get("ally", set())
    minsk = roles_of(brief_json(seeds, "OSCE_MG", "Nagorno-Karabakh"))
    assert {"ARM", "AZE"} <= minsk["mediator"]


def test_eu_on_belarus_has_a_cited_brief(seeds: tuple[Store, Any]) -> None:
    data = brief_json(seeds, "EU", "Belarus 2020")
    assert data["roles"] and data["conflict"]["name"] == "Belarus 2020"


@pytest.mark.parametrize("question", [
    "What is the position of Russia in the Nagorno-Karabakh conflict?",
    "What role does Moscow play in the Karabakh conflict?",
    "What is the position of the Russian Federation in the Nagorno-Karabakh conflict?",
])
def test_ask_position_in_any_name_form(seeds: tuple[Store, Any], question: str) -> None:
    store, kb = seeds
    result = answer(store, question, kb=kb)
    assert result.actors == ("RUS",) and result.conflict == "Nagorno-Karabakh"
    data = answer_to_dict(result)
    assert_valid(store, data)
    assert {"mediator", "arms_supplier", "ally"} <= {r.role for r in result.brief.roles}  # type: ignore[union-attr]


def test_ask_who_mediated_names_russia_and_the_minsk_group(seeds: tuple[Store, Any]) -> None:
    store, kb = seeds
    result = answer(store, "Who mediated between Armenia and Azerbaijan?", kb=kb)
    assert {"RUS", "OSCE_MG"} <= {line.text.split(":")[0] and code for line in result.lines
                                  for code in ("RUS", "OSCE_MG")
                                  if kb.name_of(code) == line.text.split(":")[0]}
    assert_valid(store, answer_to_dict(result))


@pytest.mark.parametrize(("question", "status", "says"), [
    ("What is the position of Russia in the Syria conflict?", "nothing_found",
     "No document in this database is about the Syria conflict"),
    ("What is the position of China in the Nagorno-Karabakh conflict?", "nothing_found",
     "No document in this database is about China in the Nagorno-Karabakh conflict; 0 of 3"),
    ("What is the weather in Paris?", "not_understood", "What is the position of"),
])
def test_no_evidence_is_said_plainly(seeds: tuple[Store, Any], question: str, status: str,
                                     says: str) -> None:
    store, kb = seeds
    result = answer(store, question, kb=kb)
    assert result.status == status and says in result.answer and not result.lines


def test_a_passing_mention_keeps_the_baltic_article_out_of_karabakh(seeds: tuple[Store, Any]
                                                                   ) -> None:
    from polemos.analysis.scope import find_scope
    from polemos.report.scope import resolve_scope

    store, kb = seeds
    conflict = load_conflicts().find("Nagorno-Karabakh")
    scope, _ = find_scope(store, conflict, kb=kb)
    baltic = {r["doc_id"] for r in store._rows("SELECT doc_id FROM documents WHERE title "
                                              "LIKE 'NATO%'")}
    assert len(baltic) == 1 and not baltic & set(scope.links) and len(scope.links) == 3
    assert not baltic & set(resolve_scope(store, "Nagorno-Karabakh").doc_ids or ())


def test_the_russia_answer_shows_the_2016_and_2020_ceasefires(seeds: tuple[Store, Any]) -> None:
    store, kb = seeds
    result = answer(store, "What is the position of Russia in the Nagorno-Karabakh conflict?",
                    kb=kb)
    timeline = [line for line in result.lines if line.section == "timeline"]
    for year in ("2016", "2020"):
        assert any(year in line.text and "ceasefire" in " ".join(e.text for e in line.evidence)
                   for line in timeline), year
