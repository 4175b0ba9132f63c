from __future__ import annotations

import json

import pytest

from polemos.analysis.ask import answer, render_answer
from polemos.analysis.question import read_period, read_phrase
from polemos.errors import QueryError


def ask(world, conflicts, kb, question: str):  # type: ignore[no-untyped-def]
    return answer(world[0], question, kb=kb, conflicts=conflicts)


def cited(result) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [e for line in result.lines for e in line.evidence]


def test_position_question_answers_with_the_brief(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What is the position of Arnor in the War of the Ring?")
    assert result.intent == "position" and result.actors == ("ARN",)
    assert result.conflict == "War of the Ring" and not result.is_scope_inferred
    assert {r.role for r in result.brief.roles} >= {"mediator", "arms_supplier", "ally"}
    assert cited(result)


def test_names_in_other_forms_resolve_through_the_kb(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What role does the Kingdom of Arnor play in the Ring War?")
    assert result.actors == ("ARN",) and result.conflict == "War of the Ring"


def test_who_mediated_between(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "Who mediated between Gondor and Mordor?")
    assert result.intent == "mediation"
    assert result.lines and result.lines[0].text.startswith("Arnor: mediator (1994")
    assert cited(result)


def test_who_supplied_arms(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "Who supplied arms to Gondor?")
    assert result.intent == "arms"
    assert any(line.text.startswith("Arnor supplied arms") for line in result.lines)


def test_relations_change_by_year(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "How have relations between Arnor and Gondor changed?")
    assert result.intent == "relations" and result.actors == ("ARN", "GON")
    assert [line.text[:4] for line in result.lines] == ["1994", "1995", "1998", "2001", "2003"]


def test_what_happened_in_a_period(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What happened in the War of the Ring between 1994 and 1996?")
    assert result.intent == "events" and result.lines
    assert all("1994" <= line.text[:4] <= "1996" for line in result.lines)


def test_undefined_crisis_gets_an_inferred_scope(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What is the position of Arnor in the dispute over "
                                       "Mordor's withdrawal?")
    assert result.is_scope_inferred
    assert "read from the question" in result.answer
    assert "MOR" in result.parties and "withdrawal" in result.topic


def test_unknown_actor_lists_near_names(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match="Nearest known names"):
        ask(world, conflicts, kb, "What is the position of Numenor in the War of the Ring?")
    with pytest.raises(QueryError, match="Nearest known names"):
        ask(world, conflicts, kb, "What is the position of numenor?")


def test_json_rendering_lists_citations(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "Who mediated between Gondor and Mordor?")
    data = json.loads(render_answer(result, "json"))
    assert data["intent"] == "mediation" and data["citations"]
    assert {"question", "answer", "items", "scope_inferred", "conflict"} <= set(data)


@pytest.mark.parametrize(("text", "period"), [
    ("between 1991 and 1994", (1991, 1994)), ("since 2008", (2008, None)),
    ("in 2020", (2020, 2020)), ("before 2000", (None, 2000)), ("1992-1994", (1992, 1994)),
    ("lately", (None, None)),
])
def test_periods(text: str, period: tuple[int | None, int | None]) -> None:
    assert read_period(f"What happened {text}?") == period


def test_a_capitalised_name_that_is_no_actor_is_a_place_not_an_anchor(kb) -> None:  # type: ignore[no-untyped-def]
    phrase = read_phrase("the dispute over the Upper Mordor's withdrawal", kb=kb)
    assert phrase.anchors == () and phrase.places == ("Upper Mordor",)
    assert phrase.topic == ("Upper Mordor", "withdrawal")
    assert read_phrase("the war in Mordor over Ithilien", kb=kb).anchors == ("MOR", "ITH")


def test_an_all_lower_case_question_still_finds_its_names(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "who mediated between gondor and mordor?")
    assert set(result.actors) == {"GON", "MOR"}
    assert ask(world, conflicts, kb, "Who mediated between gondor and Mordor?").actors == ("MOR",)


def test_an_actor_absent_from_the_conflicts_documents_is_nothing_found(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What is the position of the Council in the War of the "
                                       "Ring?")
    assert result.status == "nothing_found" and not result.lines
    assert result.answer.startswith("No document in this database is about the Council in the "
                                    "War of the Ring; 0 of 2 document(s) about it mention")


def test_a_conflict_no_document_is_about_is_nothing_found(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What is the position of Arnor in the Northern Dispute?")
    assert result.status == "answered"  # doc-a names Arnor and Rohan
    result = ask(world, conflicts, kb, "What role does Arnor play in the war in Rohan?")
    assert result.status == "nothing_found" and "passing" in result.answer


def test_a_question_of_another_kind_is_not_understood(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, "What is the weather in Minas Tirith?")
    assert result.status == "not_understood"
    assert "What is the position of" in result.answer and "Who mediated" in result.answer


@pytest.mark.parametrize("question", [
    "What is Arnor's role in the War of the Ring?",
    "What role did Arnor play in the War of the Ring?",
    "How is Arnor involved in the War of the Ring?",
    "Where does Arnor stand on the War of the Ring?",
    "What is the stance of the Kingdom of Arnor toward the Ring War?",
])
def test_position_questions_in_many_forms(world, conflicts, kb, question: str) -> None:  # type: ignore[no-untyped-def]
    result = ask(world, conflicts, kb, question)
    assert result.intent == "position" and result.actors == ("ARN",)
    assert result.conflict == "War of the Ring" and result.status == "answered"


def test_json_carries_structured_fields_and_exact_citations(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    store = world[0]
    data = json.loads(render_answer(ask(world, conflicts, kb, "What is the position of Arnor "
                                                              "in the War of the Ring?"), "json"))
    roles = [item for item in data["items"] if item["section"] == "roles"]
    mediator = next(r for r in roles if r["role"] == "mediator")
    assert mediator["target"] == ["GON", "MOR"] and mediator["first"] == "1994"
    assert data["status"] == "answered" and data["scope"]["documents"]
    assert data["text"].startswith(data["answer"])
    texts = {r["doc_id"]: r["text"] for r in store._rows("SELECT doc_id, text FROM documents")}
    assert all(texts[c["doc_id"]][c["start"]:c["end"]] == c["text"] for c in data["citations"])


def test_text_quotes_whole_sentences_with_who_holds_them(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    text = render_answer(ask(world, conflicts, kb, "What is the position of Arnor in the War "
                                                   "of the Ring?"))
    assert "critics (hedged)" in text
    result = ask(world, conflicts, kb, "What is the position of Arnor in the War of the Ring?")
    for line in result.lines:
        assert all(f"] {e.text}\n" in text for e in line.evidence[:3])  # quoted whole


def test_a_region_named_in_a_question_is_searched_as_a_place_of_its_state(kb) -> None:  # type: ignore[no-untyped-def]
    from polemos.analysis.question import Phrase
    from polemos.analysis.target import inferred

    conflict = inferred(Phrase("the insurgency in Anorien", anchors=("ANO",)), kb)
    assert conflict.parties == ("GON",) and "Anorien" in conflict.territories
    assert conflict.is_inferred and conflict.name == "the insurgency in Anorien"
