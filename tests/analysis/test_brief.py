from __future__ import annotations

import json

import pytest

from polemos.analysis import brief as brief_module
from polemos.analysis.ask import build_brief
from polemos.analysis.brief import render_brief, render_brief_html
from polemos.analysis.conflicts import Conflicts
from polemos.analysis.model import Brief, Evidence
from polemos.analysis.target import NothingFound
from polemos.errors import QueryError
from polemos.store.store import Store

KEYS = {"actor", "conflict", "summary", "roles", "stance", "timeline", "timeline_total",
        "assessments", "statements", "passages", "scope", "disagreements", "sources",
        "totals"}


def brief_of(world, conflicts: Conflicts, kb, actor: str = "ARN", **kw) -> Brief:  # type: ignore[no-untyped-def]
    store, _ = world
    return build_brief(store, actor, conflict="War of the Ring", kb=kb, conflicts=conflicts, **kw)


def all_evidence(data: dict) -> list[dict]:  # type: ignore[type-arg]
    found: list[dict] = []  # type: ignore[type-arg]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if set(node) == {"doc_id", "sentence_id", "text", "start", "end"}:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def test_json_has_the_issue_keys_and_every_citation_checks_out(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    store: Store = world[0]
    data = json.loads(render_brief(brief_of(world, conflicts, kb), "json"))
    assert set(data) == KEYS
    assert data["actor"] == {"code": "ARN", "name": "Arnor"}
    assert data["conflict"] == {"name": "War of the Ring", "parties": ["GON", "MOR"]}
    assert all(set(r) == {"role", "toward", "first", "last", "n_evidence", "evidence"}
               for r in data["roles"])
    cited = all_evidence(data)
    assert len(cited) > 10
    texts = {r["doc_id"]: r["text"] for r in store._rows("SELECT doc_id, text FROM documents")}
    for e in cited:
        assert texts[e["doc_id"]][e["start"]:e["end"]] == e["text"] != ""


def test_roles_from_events_statements_and_groupings(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    roles = {r.role: r for r in brief_of(world, conflicts, kb).roles}
    assert set(roles["mediator"].toward) == {"GON", "MOR"}
    assert (roles["mediator"].first, roles["mediator"].last) == ("1994", "2003")
    assert set(roles["arms_supplier"].toward) == {"GON", "MOR"}  # event + "both sides"
    assert roles["ally"].toward == ("GON",)
    assert "party" not in roles


def test_flagged_events_never_count(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    brief = brief_of(world, conflicts, kb)
    cited = [e.sentence_id for r in brief.roles for e in r.evidence if e.doc_id == "doc-a"]
    assert 6 not in cited  # "did not send arms" is negated
    assert all("1999" != t.date for t in brief.timeline)


def test_party_gets_the_party_role(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    roles = {r.role for r in brief_of(world, conflicts, kb, actor="GON").roles}
    assert "party" in roles


def test_a_party_is_never_a_mediator_of_its_own_conflict(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    # Arnor mediates in the War of the Ring but is a party to the Northern Dispute
    brief = build_brief(world[0], "ARN", conflict="Northern Dispute", kb=kb, conflicts=conflicts)
    roles = {r.role for r in brief.roles}
    assert "party" in roles and "mediator" not in roles


def test_stance_from_statements_and_events_in_both_directions(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    stance = {s.toward: s for s in brief_of(world, conflicts, kb).stance}
    assert set(stance) == {"GON", "MOR"}
    assert stance["GON"].alignment > 0.5
    assert stance["MOR"].alignment < stance["GON"].alignment
    assert any("territorial integrity" in s for s in stance["GON"].statements)
    assert any("withdrawal" in s for s in stance["MOR"].statements)
    assert all(-1 <= s.alignment <= 1 for s in stance.values())
    assert [y for y, _ in stance["GON"].by_year] == sorted(y for y, _ in stance["GON"].by_year)


def test_timeline_is_dated_sorted_and_merges_reports(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    timeline = brief_of(world, conflicts, kb).timeline
    dates = [t.date for t in timeline]
    assert dates == sorted(dates) and all(dates)
    assert sum(1 for t in timeline if t.event_id == "truce") == 1
    assert {"1994", "1995"} <= set(dates)


def test_period_filter(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    brief = brief_of(world, conflicts, kb, since=1995, until=1998)
    assert all("1995" <= t.date[:4] <= "1998" for t in brief.timeline)


def test_different_dates_for_one_merged_event_are_a_disagreement(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    [dis] = brief_of(world, conflicts, kb).disagreements
    assert {a.date for a in dis.accounts} == {"2001", "2003"}
    assert {a.evidence.doc_id for a in dis.accounts} == {"doc-a", "doc-b"}


def test_assessments_carry_the_why(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    assessments = brief_of(world, conflicts, kb).assessments
    decline = next(a for a in assessments if "influence_decline" in a.topics)
    assert len(decline.evidence) == 2  # the next sentence ("First, …") says why
    assert any("partiality" in a.topics for a in assessments)


def test_summary_is_short_and_restates_the_parts(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    brief = brief_of(world, conflicts, kb)
    assert len(brief.summary.split()) <= 150
    assert "mediator" in brief.summary and "Gondor" in brief.summary


def test_sources_are_the_cited_documents(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    assert {s.doc_id for s in brief_of(world, conflicts, kb).sources} == {"doc-a", "doc-b"}


def test_actor_by_name_through_the_kb(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    assert brief_of(world, conflicts, kb, actor="Kingdom of Arnor").actor_code == "ARN"


def test_unknown_actor_and_conflict_list_nearest_names(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match="Nearest known names"):
        brief_of(world, conflicts, None, actor="Arnorr")
    with pytest.raises(NothingFound, match="Nearest known conflicts: War of the Ring"):
        build_brief(world[0], "ARN", conflict="War of Rings", conflicts=conflicts)


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_renders_the_sections(world, conflicts, kb, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = render_brief(brief_of(world, conflicts, kb), fmt)
    for heading in ("Roles", "Stance", "Timeline", "Assessments", "Disagreements", "Sources"):
        assert heading.lower() in out.lower()


def test_unknown_format_is_an_error(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError, match="text, md, json, html"):
        render_brief(brief_of(world, conflicts, kb), "pdf")


def test_html_escapes_article_text() -> None:
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    ev = Evidence("d", 0, payload, 0, len(payload))
    from polemos.analysis.model import Assessment

    brief = Brief("ARN", "Arnor <b>", "War", ("GON",), payload,
                  assessments=(Assessment(payload, ("partiality",), (ev,)),))
    html = render_brief_html(brief)
    assert "<script>" not in html and "<img" not in html and "onerror=\"" not in html
    assert "&lt;script&gt;" in html


def test_summary_states_grounds_statements_and_assessments_in_the_texts_words(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    brief = brief_of(world, conflicts, kb)
    summary = brief.summary
    assert summary.index("mediator") < summary.index("Alignment") < summary.index("Assessments")
    assert "arms supplier to both Gondor and Mordor (1995) [supplier of weapons]" in summary
    assert "recognised the territorial integrity (Gondor)" in summary
    assert "diminishing Arnorian influence" in summary
    grounds = {rule: phrase for role in brief.roles for rule, phrase, _ in role.grounds}
    assert grounds["cues.v1:arms-supply"] == "supplier of weapons"
    for role in brief.roles:  # every phrase is the words of a cited sentence
        for _, phrase, _ in role.grounds:
            assert any(phrase.split(", ")[0] in e.text.lower() for e in role.evidence)


def test_a_mediating_grouping_names_its_co_chairs(kb) -> None:  # type: ignore[no-untyped-def]
    from polemos.analysis.model import Role
    from polemos.analysis.roles import _with_co_chairs
    from polemos.analysis.summary import _grounds

    role = Role("mediator", ("GON", "MOR"), "1994", "2003-05", 0.6, ())
    named = _with_co_chairs(role, "WCO", kb)
    assert named.rules == ("kb:co-chaired-by:ROH",)
    assert _with_co_chairs(role, "ARN", kb) == role
    brief = Brief("WCO", "the Council", "War of the Ring", ("GON", "MOR"), "", roles=(named,),
                  names=(("ROH", "Rohan"),))
    assert _grounds(brief, named) == "co-chaired by Rohan"


def test_a_stance_resting_on_too_few_sentences_is_withheld(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    from polemos.analysis.model import MIN_STANCE_SENTENCES, Stance

    stance = {s.toward: s for s in brief_of(world, conflicts, kb).stance}
    assert stance["GON"].is_shown and len(stance["GON"].evidence) >= MIN_STANCE_SENTENCES
    thin = Stance("MOR", -0.9, (), (Evidence("d", 0, "x", 0, 1),), n_events=1)
    assert not thin.is_shown and thin.basis == "1 event(s), 0 statement(s)"
    out = render_brief(Brief("ARN", "Arnor", "War", ("MOR",), "", stance=(thin,)), "text")
    assert "withheld: rests on 1 event(s), 0 statement(s)" in out and "-0.90" not in out


def test_the_salient_timeline_spans_the_record_and_says_how_much_it_holds() -> None:
    from polemos.analysis.brief import salient
    from polemos.analysis.model import TimelineItem

    items = [TimelineItem(f"{1990 + i}", "year", f"item {i}", None, (), 1.0) for i in range(30)]
    items[17] = TimelineItem("2007", "day", "truce signed", None, (), 5.0)
    chosen = salient(items, 5)
    assert len(chosen) == 5 and chosen[0].date == "1990" and chosen[-1].date == "2019"
    assert any(t.text == "truce signed" for t in chosen)
    assert [t.date for t in chosen] == sorted(t.date for t in chosen)
    assert salient(items[:3], 5) == items[:3]


def test_passages_quote_what_the_texts_say_about_the_actor(world, conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    brief = brief_of(world, conflicts, kb)
    assert brief.passages and all("Arnor" in p.text or "Arnorian" in p.text
                                  for p in brief.passages)
    assert brief.scope is not None and brief.scope.n_naming_actor == 2


def test_long_lists_are_cut_and_their_totals_kept(world, conflicts, kb, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    every = brief_of(world, conflicts, kb, full=True)
    assert len(every.assessments) >= 2 and not every.totals
    monkeypatch.setattr(brief_module, "SHOWN_ASSESSMENTS", 1)
    monkeypatch.setattr(brief_module, "SHOWN_EVIDENCE", 1)
    cut = brief_of(world, conflicts, kb)
    assert cut.assessments == every.assessments[:1]
    assert dict(cut.totals)["assessments"] == len(every.assessments)
    assert all(len(r.evidence) <= 1 and r.n_evidence >= len(r.evidence) for r in cut.roles)
    assert cut.summary == every.summary  # the summary speaks of everything found
    text = render_brief(cut, "text")
    assert f"ASSESSMENTS (THE FIRST 1 OF {len(every.assessments)}; --ALL" in text
    assert json.loads(render_brief(cut, "json"))["totals"]["assessments"] == len(
        every.assessments)


def test_scope_line_says_when_counts_stop_and_copies_were_read_once() -> None:
    from polemos.analysis.model import ScopeNote
    from polemos.analysis.render_answer import scope_sentence

    plain = ScopeNote("the war", "defined", 10, 4, (("d1", 0.9),), 1)
    assert scope_sentence(plain, "Arnor") == (
        "1 of 10 document(s) in this database are about the war (a shipped or user "
        "definition; 4 mention it or its parties at all); 1 of them name Arnor.")
    big = ScopeNote("the war", "defined", 9000, 2000, (("d1", 0.9),), 1,
                    is_mentioning_capped=True, n_copies=7)
    line = scope_sentence(big, "Arnor")
    assert "2000+ mention it" in line and "7 more are copies of these" in line


def test_copies_of_a_story_are_read_once(conflicts, kb) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from polemos.analysis.scope import find_scope

    from .world import Doc, seed

    with Store.open(":memory:") as store:
        a, _ = seed(store)
        copy = Doc("doc-a2", [*a.sentences[:-1], a.sentences[-1] + " (Wire)"], a.dates)
        result = copy.result()
        store.add([replace(result, article=replace(result.article, title="Title doc-a"))])
        scope, _ = find_scope(store, conflicts.get("War of the Ring"), kb=kb)
        assert "doc-a" in scope.links and "doc-a2" not in scope.links
        assert scope.n_copies == 1


def test_only_rules_that_carry_codes_add_names() -> None:
    from polemos.analysis.brief import _grouping_codes
    from polemos.analysis.model import Role

    role = Role("patron", ("ITH",), None, None, 1.0, (),
                rules=("kb:patron", "kb:member-of:WCO", "kb:co-chaired-by:ROH+ARN", "cameo:045"))
    assert _grouping_codes([role]) == {"WCO", "ROH", "ARN"}  # no "patron" (issue 10)
