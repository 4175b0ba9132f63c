"""The CAMEO table and the pattern dictionary are validated on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from polemos.errors import DictionaryError
from polemos.events import load_patterns
from polemos.events.ontology import load_ontology


def test_cameo_table_has_every_three_digit_code_with_icews_values() -> None:
    ontology = load_ontology()
    three_digit = [c for c in ontology.codes if len(c) == 3]
    assert len(three_digit) == 147
    assert ontology.code("163").goldstein == -8.0
    assert ontology.code("072").type == "AID" and ontology.code("072").contexts == ("military",)
    assert ontology.code("045").quad == 1 and ontology.code("190").quad == 4
    assert ontology.code("0871").mode == "ceasefire"
    assert ontology.code("163").type == "SANCTION"


def test_packaged_patterns_load() -> None:
    patterns = load_patterns()
    assert len(patterns) > 100
    assert patterns.candidates("verb", "mediate")[0].code == "045"


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("verbs:\n  - {id: x, lemma: parley, code: '0444'}\n", r"line 2.*unknown CAMEO code"),
        ("verbs:\n  - {id: x, lemma: parley, code: '040', mode: phone2}\n", r"line 2.*mode"),
        ("verbs:\n  - {id: x, lemma: parley, code: '040', colour: red}\n", r"unknown key"),
        ("nouns:\n  - {id: x, code: '040'}\n", r'missing "lemma"'),
        ("verbs:\n  - {id: x, lemma: say, code: '010'}\n", r"no PLOVER type"),
        ("verbs:\n  - {id: x, lemma: parley, code: '040', frame: circular}\n", r"frame"),
        ("verbs: [\n", r"not valid YAML"),
        ("verbs:\n  - {id: x, lemma: parley, code: '040', negated: '9999'}\n", r"negated code"),
    ],
)
def test_bad_pattern_names_file_line_and_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        load_patterns([_write(tmp_path, text)])


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_patterns([str(tmp_path / "nope.yaml")])


def test_extra_file_adds_and_overrides_by_id(tmp_path: Path) -> None:
    extra = _write(tmp_path, "verbs:\n  - {id: v.mediate, lemma: [parley], code: '046'}\n")
    patterns = load_patterns([extra])
    assert patterns.candidates("verb", "parley")[0].code == "046"
    assert patterns.candidates("verb", "mediate") == ()
