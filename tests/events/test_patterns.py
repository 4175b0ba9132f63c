"""The CAMEO table and the pattern dictionary are validated on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from polemos.errors import DictionaryError
from polemos.events import load_patterns
from polemos.events.ontology import load_ontology

FAMILY = ("families:\n  - family: consult\n    root: '04'\n    classes:\n"
          "      - {class: mediate, verbs: [confabulate], code: '046'}\n")


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
        ("verbs:\n  - {id: x, lemma: confabulate, code: '0444'}\n", r"line 2.*unknown CAMEO code"),
        ("verbs:\n  - {id: x, lemma: confabulate, code: '040', mode: phone2}\n", r"line 2.*mode"),
        ("verbs:\n  - {id: x, lemma: confabulate, code: '040', colour: red}\n", r"unknown key"),
        ("nouns:\n  - {id: x, code: '040'}\n", r'missing "lemma"'),
        ("verbs:\n  - {id: x, lemma: say, code: '010'}\n", r"no PLOVER type"),
        ("verbs:\n  - {id: x, lemma: confabulate, code: '040', frame: circular}\n", r"frame"),
        ("verbs: [\n", r"not valid YAML"),
        ("families:\n  - {family: fight, root: '18', classes: []}\n", r"not a CAMEO family"),
        (FAMILY.replace("'046'", "'190'"), r"not in family consult"),
        (FAMILY.replace("[confabulate]", "[$nowhere]"), r'unknown word set "\$nowhere"'),
        (FAMILY.replace("code: '046'", "code: '046', physical: sometimes"), r"physical"),
        (FAMILY.replace("code: '046'", "code: '046', senses: {mood: '190'}"), r"senses"),
        ("verbs:\n  - {id: x, lemma: confabulate, code: '040', negated: '9999'}\n", r"negated code"),
    ],
)
def test_bad_pattern_names_file_line_and_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        load_patterns([_write(tmp_path, text)])


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_patterns([str(tmp_path / "nope.yaml")])


def test_extra_file_overrides_a_class_by_family_and_name(tmp_path: Path) -> None:
    patterns = load_patterns([_write(tmp_path, FAMILY)])
    assert patterns.candidates("verb", "confabulate")[0].code == "046"
    assert patterns.candidates("verb", "mediate") == ()


def test_older_flat_lists_still_add_patterns(tmp_path: Path) -> None:
    extra = _write(tmp_path, "verbs:\n  - {id: v.confabulate, lemma: [confabulate], code: '046'}\n")
    [pattern] = load_patterns([extra]).candidates("verb", "confabulate")
    assert (pattern.code, pattern.family, pattern.lemma_class) == ("046", "consult", "v.confabulate")


def test_word_sets_are_merged_and_expanded(tmp_path: Path) -> None:
    extra = _write(tmp_path, "sets:\n  support: [spearhead-anew]\n  mine: [confabulate]\n"
                   "families:\n  - family: consult\n    root: '04'\n    classes:\n"
                   "      - {class: confabulate, verbs: [$mine], code: '040'}\n")
    patterns = load_patterns([extra])
    assert "spearhead-anew" in patterns.words("support") and "hold" in patterns.words("support")
    assert patterns.candidates("verb", "confabulate")[0].id == "consult.confabulate"
