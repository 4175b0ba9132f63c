"""Quality floors with the real model: PLOVER gold records and the seed texts."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from polemos.actors import load_kb
from polemos.events import load_patterns
from polemos.events.classify import load_classifier
from polemos.ingest import read_sources
from polemos.pipeline import Coder, run
from polemos.records import Article, Event
from polemos.settings import Settings

pytestmark = pytest.mark.model
# measured 0.743 / 0.854 on plover-gsr-dev (158 records; 0.754 / 0.887 on fold 0, whose misses
# were read, 0.733 / 0.821 on fold 1, unread). The dictionary grown sentence by sentence on these
# records scored 0.760 / 0.899 here and 0.42 / 0.66 on the held-out half; the lexicon by CAMEO family
# codes what the brief asks even where these records code otherwise (announced future acts are
# flagged, intentions are AGREE/THREATEN, a speech act needs a speaker). Raise deliberately.
F1_FLOOR = 0.73
TYPE_FLOOR = 0.84
# conflibert-dev, rules + classifier: measured macro-F1 0.797, sources 0.816, targets 0.649
NEWS_F1_FLOOR = 0.77
SOURCES_FLOOR = 0.79
TARGETS_FLOOR = 0.62


def _eval_module() -> Any:
    path = Path(__file__).resolve().parents[2] / "scripts" / "eval_events.py"
    spec = importlib.util.spec_from_file_location("eval_events", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plover_gold_floor(nlp: Any, shared: Path) -> None:
    records = shared / "eval" / "plover-gsr-dev" / "records.json"
    if not records.is_file():
        pytest.skip("plover-gsr-dev is not present")
    score = _eval_module().evaluate_file(records, coder=_eval_module().make_coder(nlp=nlp))
    assert score.f1 >= F1_FLOOR, score.summary()
    assert score.type_accuracy >= TYPE_FLOOR, score.summary()


def test_news_sentences_floor(nlp: Any, shared: Path) -> None:
    """Five-class news sentences (evaluation only), rules and classifier as shipped."""
    path = shared / "eval" / "conflibert-dev" / "records.jsonl"
    if not path.is_file():
        pytest.skip("conflibert-dev is not present")
    module = _eval_module()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    summary = module.evaluate_sentences(records, module.make_coder(nlp=nlp))
    assert summary["macro_f1"] >= NEWS_F1_FLOOR, summary["macro_f1"]
    assert summary["sources"]["f1"] >= SOURCES_FLOOR, summary["sources"]
    assert summary["targets"]["f1"] >= TARGETS_FLOOR, summary["targets"]


@pytest.fixture(scope="module")
def seed_events(nlp: Any, shared: Path) -> Iterator[list[Event]]:
    articles = [a for a in read_sources([str(shared / "corpus" / "seeds")], settings=Settings())
                if isinstance(a, Article)]
    coder = Coder(nlp=nlp, kb=load_kb(), patterns=load_patterns(), classifier=load_classifier())
    yield [e for result in run(articles, coder) for e in result.events]


def _find(events: list[Event], type_: str, **want: Any) -> list[Event]:
    out = []
    for e in events:
        actors = {p.code for p in e.actors}
        recipients = {p.code for p in e.recipients}
        if e.type == type_ and set(want.get("actors", ())) <= actors \
                and set(want.get("recipients", ())) <= recipients:
            out.append(e)
    return out


def test_seed_outbreak_is_dated_from_its_sentence(seed_events: list[Event]) -> None:
    dated = [e.date.iso for e in _find(seed_events, "ASSAULT")]
    assert "2020-09-27" in dated


def test_seed_call_on_armenia(seed_events: list[Event]) -> None:
    assert _find(seed_events, "REQUEST", actors={"TUR"}, recipients={"ARM"})


def test_seed_russian_mediation_and_sanctions(seed_events: list[Event]) -> None:
    mediations = [e for e in _find(seed_events, "CONSULT", actors={"RUS"}) if e.cameo == "045"]
    assert mediations and all(e.mediators for e in mediations)
    assert _find(seed_events, "SANCTION", recipients={"BLR"})


def test_seed_events_never_take_the_publication_date_over_their_own(
        seed_events: list[Event]) -> None:
    assert all(e.date.basis != "publication" for e in seed_events if e.date.text)


def test_seed_mediation_of_october_2020_and_its_ceasefire(seed_events: list[Event]) -> None:
    october = [e for e in seed_events if e.date.iso == "2020-10-09"]
    mediation = [e for e in october if e.cameo == "045"
                 and {p.code for p in e.recipients} >= {"ARM", "AZE"}]
    assert mediation and {p.code for p in mediation[0].mediators} == {"RUS"}
    ceasefire = [e for e in october if e.cameo == "0871" and e.type == "CONCEDE"]
    assert ceasefire and {p.code for p in ceasefire[0].mediators} == {"RUS"}


def test_seed_ceasefire_of_may_1994_and_joint_drills(seed_events: list[Event]) -> None:
    assert any(e.cameo == "0871" and e.date.iso == "1994-05-12" for e in seed_events)
    drills = [e for e in _find(seed_events, "COOPERATE", actors={"TUR", "AZE"}) if e.cameo == "062"]
    assert drills and drills[0].date.value is not None and drills[0].date.value.year == 2020


def test_seed_arms_supply_to_armenia_is_not_dated_2020(seed_events: list[Event]) -> None:
    supplies = _find(seed_events, "AID", actors={"RUS"}, recipients={"ARM"})
    assert supplies and any(e.cameo == "072" for e in supplies)
    assert all(e.date.value is None or e.date.value.year < 2000 for e in supplies)
