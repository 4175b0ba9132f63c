"""Sentence boundaries our spaCy component sets before the parser (nlp/components.py), on the
real model."""

from __future__ import annotations


def test_a_bracket_opened_after_a_word_does_not_start_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“The worry is that they [the E.U.] will leave. Then we pay,” he said. Arnor (a "
            "small realm) attacked.")
    sentences = [s.text for s in nlp(text).sents]
    assert sentences[0] == "“The worry is that they [the E.U.] will leave."
    assert "Arnor (a small realm) attacked." in sentences


def test_a_blank_line_always_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gondor said “we will stay”\n\nArnor attacked Rohan."
    assert [s.text.strip() for s in nlp(text).sents][-1] == "Arnor attacked Rohan."
