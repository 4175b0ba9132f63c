from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from polemos.analysis.conflicts import Conflicts
from polemos.analysis.discover import _kind, _naming, discover, discovered_named
from polemos.cli import cli
from polemos.store.store import Store

from .world import Doc, FakeKB, year

WAR_A = [
    "Mordor attacked Gondor at Osgiliath and the fighting killed dozens of soldiers.",
    "Gondor said its troops repelled the attack after heavy shelling.",
    "The war between Gondor and Mordor entered its third year.",
    "Mordor troops launched a new offensive against Gondor.",
    "Arnor called for a ceasefire and offered to mediate peace talks.",
]
WAR_B = [
    "Gondor and Mordor agreed a truce after weeks of fighting near Osgiliath.",
    "The war has killed thousands since Mordor invaded Gondor.",
    "Mordor accused Gondor of violating the ceasefire with drones.",
    "Rohan sent troops to help Gondor in the war.",
]
QUIET = [
    "Arnor opened a new library in its capital.",
    "The library holds old maps of Arnor and Rohan.",
    "Visitors from Rohan praised the reading rooms.",
]


def seed_corpus(store: Store) -> None:
    a = Doc("war-a", WAR_A, [year(3019, 3)] * len(WAR_A))
    b = Doc("war-b", WAR_B, [year(3019, 6)] * len(WAR_B))
    quiet = Doc("quiet", QUIET, [year(3019)] * len(QUIET))
    events_a = [a.event(0, "190", "ASSAULT", ["MOR"], ["GON"], goldstein=-10, quad=4),
                a.event(3, "190", "ASSAULT", ["MOR"], ["GON"], goldstein=-10, quad=4)]
    events_b = [b.event(1, "190", "ASSAULT", ["MOR"], ["GON"], goldstein=-10, quad=4),
                b.event(2, "112", "ACCUSE", ["MOR"], ["GON"], goldstein=-2, quad=3)]
    store.add([a.result(events_a), b.result(events_b), quiet.result()])


@pytest.fixture
def war_store() -> Store:
    with Store.open(":memory:") as store:
        seed_corpus(store)
        yield store  # type: ignore[misc]


def test_a_war_is_found_named_and_a_library_story_is_not(war_store: Store) -> None:
    [war] = discover(war_store, kb=FakeKB())
    assert war.name == "Gondor–Mordor war" and war.kind == "war"
    assert set(war.parties) == {"GON", "MOR"} and set(war.doc_ids) == {"war-a", "war-b"}


def test_a_discovered_name_is_accepted_as_a_conflict(war_store: Store) -> None:
    found = discovered_named(war_store, "the Gondor-Mordor war", kb=FakeKB())
    assert found is not None and found.is_discovered
    assert set(found.documents) == {"war-a", "war-b"}
    assert discovered_named(war_store, "the Arnor library dispute", kb=FakeKB()) is None


@pytest.mark.parametrize(("sides", "vocab", "kind"), [
    (("SDN:REB", "SDN"), {"civil_war": 1, "violence": 20}, "civil war"),
    (("SOM:REB", "SOM"), {"insurgency": 8, "violence": 20}, "insurgency"),
    (("USA", "CAN"), {"trade": 6, "coercion": 8, "violence": 1}, "trade dispute"),
    (("RUS", "UKR"), {"war": 5, "peace": 4, "violence": 12}, "war"),
    (("TUR", "USA"), {"coercion": 9, "violence": 4}, "dispute"),
])
def test_the_kind_comes_from_the_sides_and_the_words(sides: tuple[str, str],
                                                     vocab: dict[str, int], kind: str) -> None:
    assert _kind(sides, Counter(vocab), 40, 0, None) == kind


def test_names_an_analyst_recognises() -> None:
    labels = {"SOM:REB": "al-Shabab", "SOM": "Somalia", "KEN": "Kenya", "PAK": "Pakistan",
              "PAK:REB": "BLA", "RUS": "Russia", "UKR": "Ukraine"}
    assert _naming("insurgency", ("SOM:REB", "SOM"), ("SOM", "KEN"), labels, None)[0] == \
        "al-Shabab insurgency (Somalia, Kenya)"
    name, aliases = _naming("insurgency", ("PAK", "PAK:REB"), ("PAK",), labels, "Balochistan")
    assert name == "insurgency in Balochistan (Pakistan)" and "fight against BLA" in aliases
    assert _naming("war", ("UKR", "RUS"), ("UKR", "RUS"), labels, None)[0] == "Russia–Ukraine war"


def test_conflicts_command_lists_them(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    with Store.open(db) as store:
        seed_corpus(store)
    result = CliRunner().invoke(cli, ["conflicts", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert row["documents"] == 2 and row["kind"] == "war"
    assert set(row["doc_ids"]) == {"war-a", "war-b"}


def test_one_state_far_weightier_than_the_next_is_a_crisis_in_that_state() -> None:
    from polemos.analysis.discover import DocProfile, _is_dominant

    doc = DocProfile("d", None, 0.4, {}, 20, {"BLR": 0.9, "LTU": 0.3}, {("BLR", "LTU"): (1, 0)})
    assert _is_dominant(("BLR", "LTU"), Counter(doc.weights), [doc], None)
    even = DocProfile("d", None, 0.4, {}, 20, {"TUR": 0.9, "USA": 0.6}, {})
    assert not _is_dominant(("TUR", "USA"), Counter(even.weights), [even], None)


def test_a_civil_war_is_what_the_texts_call_it_more_than_militancy() -> None:
    words = Counter({"civil_war": 2, "insurgency": 22, "violence": 40})
    assert _kind(("SOM:REB", "SOM"), words, 100, 0, None) == "insurgency"


def test_a_state_named_in_every_story_is_not_taken_for_a_side() -> None:
    from polemos.analysis.discover import DocProfile, _sides, specificity

    def doc(name: str, weights: dict[str, float]) -> DocProfile:
        return DocProfile(name, None, 0.4, {}, 20, weights, {})

    war = [doc("a", {"GON": 0.5, "MOR": 0.4, "ARN": 0.6}), doc("b", {"GON": 0.6, "MOR": 0.5,
                                                                       "ARN": 0.6})]
    others = [doc(f"o{i}", {"ARN": 0.8, f"X{i}": 0.5}) for i in range(6)]
    spec = specificity(war + others)
    weights = Counter({"GON": 1.1, "MOR": 0.9, "ARN": 1.2})
    assert set(_sides(war, weights)) == {"ARN", "GON"}  # raw weights: the ubiquitous one
    assert set(_sides(war, weights, spec)) == {"GON", "MOR"}


def test_one_armed_group_fought_in_two_states_is_one_insurgency() -> None:
    from polemos.analysis.discover import DocProfile, by_armed_group

    def doc(name: str, state: str) -> DocProfile:
        return DocProfile(name, None, 0.4, {}, 20, {state: 0.6, "ITH": 0.5},
                          {tuple(sorted((state, "ITH"))): (2, 1)})  # type: ignore[dict-item]

    groups = by_armed_group([[doc("a", "GON"), doc("b", "GON")], [doc("c", "ROH")],
                             [DocProfile("q", None, 0.4, {}, 20, {"ARN": 0.5, "ROH": 0.4}, {})]],
                            None, NonStateKB())
    assert sorted(len(g) for g in groups) == [1, 3]


class NonStateKB(FakeKB):
    def kind(self, code: str) -> str | None:
        return "armed_group" if code == "ITH" else super().kind(code)


def test_a_definition_names_the_sides_when_talks_with_a_backer_fill_the_cluster() -> None:
    from polemos.analysis.conflicts import Conflict
    from polemos.analysis.discover import _defined_sides

    defined = Conflicts((Conflict("War of the Ring", ("MOR", "GON"), outside=("ARN",)),))
    weights = Counter({"GON": 1.1, "ARN": 1.0, "MOR": 0.6, "WCO": 0.3})
    assert _defined_sides(("GON", "ARN"), weights, defined) == ("GON", "MOR")
    assert _defined_sides(("GON", "MOR"), weights, defined) == ("GON", "MOR")
    quiet = Counter({"GON": 1.1, "ARN": 1.0, "ROH": 0.6, "WCO": 0.3, "ITH": 0.3})  # no Mordor
    assert _defined_sides(("GON", "ARN"), quiet, defined) == ("GON", "ARN")
