"""Scoring helpers of scripts/eval_events.py: folds, five classes, actor spans."""

from __future__ import annotations

from polemos.events.evaluate import (
    ClassScore,
    SpanScore,
    content_words,
    fold_of,
    penta_class,
    sentence_class,
    strongest,
)
from polemos.records import Event


def _event(cameo: str, goldstein: float, *, start: int = 0, **flags: bool) -> Event:
    return Event(f"e{cameo}{start}", "d", 0, "X", cameo, goldstein, 1, (), trigger_start=start,
                 **flags)


def test_folds_are_stable_and_cover_every_fold() -> None:
    ids = [f"r{i}" for i in range(200)]
    folds = [fold_of(i, 3) for i in ids]
    assert folds == [fold_of(i, 3) for i in ids]
    assert set(folds) == {0, 1, 2}


def test_penta_classes_follow_the_cameo_roots() -> None:
    assert [penta_class(c) for c in ("010", "023", "036", "057", "0871", "112", "163", "145",
                                     "173", "190")] == [0, 0, 1, 1, 2, 3, 3, 4, 4, 4]


def test_sentence_class_is_the_strongest_unflagged_event() -> None:
    talks, strike = _event("040", 1.0), _event("195", -10.0, start=5)
    assert sentence_class([talks, strike]) == 4
    assert strongest([talks, _event("195", -10.0, is_negated=True)]) is talks
    assert sentence_class([]) == 0


def test_macro_f1_averages_the_five_classes() -> None:
    score = ClassScore()
    for gold, predicted in ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (4, 3)):
        score.add(gold, predicted)
    assert round(score.accuracy, 3) == round(5 / 6, 3)
    assert score.f1_of(4) == 2 / 3 and score.f1_of(3) == 2 / 3
    assert round(score.macro_f1, 3) == round((3 + 4 / 3) / 5, 3)


def test_spans_match_by_content_words() -> None:
    text = "several Boko Haram fighters attacked the town of Gwoza"
    gold = [content_words(text, 0, 26)]  # "several Boko Haram fighters"
    score = SpanScore()
    score.add(gold=gold, covers=[[content_words(text, 8, 18)]],
              predicted=[content_words(text, 8, 18), content_words(text, 37, 54)])
    assert (score.n_found, score.n_gold, score.n_right, score.n_predicted) == (1, 1, 1, 2)
    assert content_words(text, 37, 54) == frozenset({41, 49})  # "the" and "of" left out
