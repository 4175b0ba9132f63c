"""The knowledge base: loading, validation errors that name file and line, time-aware queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from actorkit import MIDDLE_EARTH  # type: ignore[import-not-found]

from polemos.actors import KnowledgeBase, load_kb
from polemos.actors.kb import check_file, kb_from_files
from polemos.errors import DictionaryError


def test_fixture_kb_has_every_kind(kb: KnowledgeBase) -> None:
    assert kb.kind("GON") == "state"
    assert kb.kind("ISG") == "igo"
    assert kb.kind("DUN") == "defacto"
    assert kb.kind("XXX") is None
    assert kb.name_of("ARN") == "Arnor"
    assert kb.name_of("XXX") == "XXX"


@pytest.mark.parametrize(("name", "codes"), [
    ("Arnor", ["ARN"]),
    ("the White Tower", ["GON"]),
    ("Gondorian", ["GON"]),
    ("Isengard Group", ["ISG"]),
    ("Isengard", ["ROH", "ISG"]),
    ("Rohan's", ["ROH"]),
    ("nowhere", []),
])
def test_lookup_returns_candidate_codes(kb: KnowledgeBase, name: str, codes: list[str]) -> None:
    assert [c.code for c in kb.lookup(name)] == codes


def test_lookup_of_a_person_gives_the_office_at_that_date(kb: KnowledgeBase) -> None:
    [candidate] = kb.lookup("Denethor", when=dt.date(1999, 1, 1))
    assert (candidate.code, candidate.person, candidate.kind) == ("GON", "Denethor Ecthelion",
                                                                  "person")


def test_co_chairs_and_members_change_over_time(kb: KnowledgeBase) -> None:
    assert kb.co_chairs("ISG", dt.date(2000, 1, 1)) == ("ARN", "GON")
    assert kb.co_chairs("ISG", dt.date(2010, 1, 1)) == ("ARN", "ROH")
    assert kb.members("WC", dt.date(1999, 1, 1)) == ("ARN", "GON")
    assert kb.members("WC", dt.date(2002, 1, 1)) == ("ARN", "GON", "ROH")


def test_office_holder_at_a_date(kb: KnowledgeBase) -> None:
    assert kb.holder("foreign_minister", "GON", dt.date(1995, 1, 1)).name == "Beregond Targon"
    assert kb.holder("foreign_minister", "GON", dt.date(2020, 1, 1)).name == "Imrahil Dol"
    assert kb.holder("foreign_minister", "GON", dt.date(2000, 1, 1)) is None


def test_plover_codes(kb: KnowledgeBase) -> None:
    assert kb.plover_code("DUN") == ("ROH", "PRE")
    assert kb.plover_code("ISG") == ("IGO", None)
    assert kb.plover_code("GON") == ("GON", None)


def test_near_suggests_close_names(kb: KnowledgeBase) -> None:
    assert "Gondor" in kb.near("Gondr", 3)


def test_fuzzy_accepts_small_misspellings_only(kb: KnowledgeBase) -> None:
    assert kb.fuzzy("Gonndor", 88) == "Gondor"
    assert kb.fuzzy("Numenoor", 88) == "Numenor"
    assert kb.fuzzy("Gandalf", 88) is None
    assert kb.fuzzy("Isildur", 88) is None


@pytest.mark.parametrize(("text", "message", "line"), [
    ("- code: GON\n  names: [Gondor]\n  start: 2001-13-01\n", "not valid", 1),
    ("- code: ARN\n  names: [Arnor]\n- code: gon\n  names: [Gondor]\n", "'gon' is not valid", 3),
    ("- code: ARN\n  kind: state\n  nmes: [Arnor]\n", "unknown key 'nmes'", 1),
    ("- name: Someone\n  offices:\n    - {office: wizard, country: ARN}\n",
     "unknown office 'wizard'", 3),
    ("- name: Someone\n  offices:\n    - {office: envoy, country: ZZZ_ZZ}\n",
     "'ZZZ_ZZ' is not a known actor code", 1),
    ("- code: ARN\n  kind: state\n  names: [Arnor]\n  end: 1990\n  start: 1995\n",
     "before start", 1),
    ("- code: XQQ\n  names: [Xq]\n", "cannot tell what kind of actor XQQ is", 1),
    (("- code: ARN\n  names: [Arnor]\n- code: ORC\n  kind: armed_group\n  names: [Orcs]\n"
     "  part_of: [MOR]\n"), "armed group ORC has no sector: add 'sector: REB'", 3),
    ("- code: ORC\n  kind: armed_group\n  names: [Orcs]\n  sector: REB\n",
     "armed_group ORC is not placed anywhere", 1),
    ("- code: ORC\n  kind: armed_group\n  names: [Orcs]\n  sector: RBL\n  part_of: [MOR]\n",
     "unknown sector 'RBL'", 1),
    (("- code: ORC\n  kind: armed_group\n  names: [Orcs]\n  part_of: [MOR]\n  sector:\n"
     "    - {sector: PRM, end: 2001}\n    - {sector: REX, start: 2002}\n"),
     "unknown sector 'REX'", 7),
    (("- code: ORC\n  kind: armed_group\n  names: [Orcs]\n  sector: REB\n  part_of: [MOR]\n"
     "  governs: [{code: ZZZ_ZZ, start: 2001}]\n"), "governs 'ZZZ_ZZ' is not a known actor", 1),
    ("- code: ITH\n  kind: region\n  names: [Ithilien]\n", "region ITH is not placed", 1),
    ("- code: ITH\n  kind: region\n  names: [Ithilien]\n  part_of:\n    - {code: GON, strat: 2001}\n",
     "unknown key 'strat' in part_of entry", 5),
    ("- code: ARN\n  kind: state\n  names: [Arnor]\n  sector: REB\n",
     "'sector' is only for armed groups, and ARN is a state", 1),
    ("- code: ARN\n  kind: state\n  names: [Arnor\n", "not valid YAML", None),
    ("states:\n  - code: ARN\n    names: [Arnor]\nwizards: []\n", "unknown section 'wizards'", 1),
])
def test_bad_entries_name_file_line_and_fix(tmp_path: Path, text: str, message: str,
                                            line: int | None) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as info:
        kb_from_files([str(MIDDLE_EARTH), str(path)])
    assert info.value.path == str(path)
    if line is not None:
        assert info.value.line == line


def test_missing_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="file not found"):
        kb_from_files([str(tmp_path / "absent.yaml")])


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- code: GON\n  names: [Stoningland]\n"
        "- code: HAR\n  kind: state\n  names: [Harad]\n  adjectives: [Haradrim]\n"
        "- name: Faramir Hurin\n  aliases: [Captain Faramir]\n", encoding="utf-8")
    kb = kb_from_files([str(MIDDLE_EARTH), str(path)])
    assert [c.code for c in kb.lookup("Stoningland")] == ["GON"]
    assert [c.code for c in kb.lookup("Gondor")] == ["GON"]
    assert [c.code for c in kb.lookup("Haradrim")] == ["HAR"]
    assert kb.lookup("Captain Faramir")[0].person == "Faramir Hurin"
    assert kb.person("Faramir Hurin").offices  # offices kept when the user file gives none


def test_check_file_counts_entries_against_the_package_kb(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- code: XKQ\n  kind: defacto\n  names: [Freeland]\n  parent: RUS\n"
                    "- name: Jane Doe\n  offices:\n    - {office: envoy, country: XKQ}\n",
                    encoding="utf-8")
    assert check_file(str(path)) == 2


def test_package_kb_loads_with_pycountry_codes() -> None:
    kb = load_kb()
    assert kb.kind("FRA") == "state"
    assert "FRA" in {c.code for c in kb.lookup("France")}


def test_fuzzy_rejects_longer_or_shorter_words(kb: KnowledgeBase) -> None:
    assert kb.fuzzy("Gondors", 88) is None
    assert kb.fuzzy("Gondoria", 88) is None


def test_a_de_facto_state_with_its_own_plover_code_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("defacto:\n  - code: DUN\n    names: [Dunland]\n    parent: ROH\n"
                    "    plover: DUN\n    start: 1991\n")
    assert kb_from_files([str(MIDDLE_EARTH), str(path)]).plover_code("DUN") == ("DUN", None)


@pytest.mark.parametrize(("name", "code"), [
    ("International Labor Office", "ILO"), ("Kampuchean", "KHM"), ("Rhodesia", "ZWE"),
    ("Zairian", "COD"), ("Warsaw Pact", "WARSAW_PACT"), ("Namibia", "NAM"),
])
def test_package_kb_knows_historical_and_variant_names(name: str, code: str) -> None:
    assert code in {c.code for c in load_kb().lookup(name)}


def test_package_kb_exports_taiwan_as_itself_and_other_de_facto_states_as_parent() -> None:
    kb = load_kb()
    assert kb.plover_code("TWN") == ("TWN", None)
    assert kb.plover_code("NKR") == ("AZE", "PRE")


def test_an_organisation_cannot_reuse_a_state_code(tmp_path: Path) -> None:
    path = tmp_path / "clash.yaml"
    path.write_text("igos:\n  - code: NAM\n    names: [Non-Aligned Movement]\n", encoding="utf-8")
    with pytest.raises(DictionaryError,
                       match="line 2: code NAM is already used by an actor of kind state"):
        load_kb([str(path)])
