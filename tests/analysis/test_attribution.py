from __future__ import annotations

import re

import pytest

from polemos.analysis.attribution import holder_of
from polemos.analysis.corpus import MentionRef

NAMES = {"Arnor": "ARN", "Gondor": "GON", "Elrond": "ARN"}


def refs(text: str) -> list[MentionRef]:
    out = []
    for name, code in NAMES.items():
        for m in re.finditer(rf"\b{name}\b", text):
            out.append(MentionRef(code, "GOV", (), name, m.start(), m.end(), "state"))
    for m in re.finditer(r"\bAldo Baggins\b", text):  # a person the KB does not know
        out.append(MentionRef(None, None, (), m.group(), m.start(), m.end(), "unresolved"))
    return sorted(out, key=lambda r: r.start)


@pytest.mark.parametrize(("text", "kind", "label"), [
    ('"We will not retreat," Elrond said on Monday.', "quoted", "Elrond"),
    ("Arnor's foreign minister said the talks would resume.", "quoted",
     "Arnor's foreign minister"),
    ("According to Aldo Baggins, the envoy left early.", "quoted", "Aldo Baggins"),
    ("Critics say there were perceptions that Arnor directly supported Gondor.", "group",
     "critics"),
    ("Analysts warned that the truce may not hold.", "group", "analysts"),
    ("Arnor sent envoys to Gondor in 1994.", "report", "the report"),
])
def test_who_holds_a_sentence(text: str, kind: str, label: str) -> None:
    holder = holder_of(text, refs(text))
    assert (holder.kind, holder.label) == (kind, label)


def test_an_analysis_speaks_in_its_authors_voice_and_hedges_are_kept() -> None:
    text = "There were perceptions that Arnor directly supported Gondor."
    holder = holder_of(text, refs(text), author="Jane Roe", is_analysis=True)
    assert holder.kind == "author" and holder.is_hedged
    assert holder.tag() == "the author (Jane Roe) (hedged)"


def test_a_speaker_resolved_to_an_actor_is_known_by_its_key() -> None:
    text = '"The border stays closed," Elrond told reporters.'
    assert holder_of(text, refs(text)).keys == ("ARN",)


def test_a_verb_that_is_also_a_name_is_not_read_as_speech() -> None:
    text = "Gondor and the United States are close to a deal."  # "States" is no verb
    assert holder_of(text, refs(text)).kind == "report"


@pytest.mark.parametrize(("text", "label"), [
    ("In April this year Elrond said publicly that the plan stood.", "Elrond"),
    ("Officials in Arnor have defended the trade as lawful and said it would go on.", None),
    ("Mordor criticised Gondor, whose envoy Elrond said the border stays shut.", "envoy Elrond"),
])
def test_the_speaker_is_the_name_next_to_the_verb(text: str, label: str | None) -> None:
    holder = holder_of(text, refs(text))
    assert (holder.label if holder.kind == "quoted" else None) == label


def test_an_appositive_speaker_before_said_and_a_clause_after_it() -> None:
    text = ("Speaking in Gondor, the envoy of Arnor, Aldo Baggins, said Mordor was failing to "
            "rein in its raiders.")
    holder = holder_of(text, refs(text))
    assert (holder.kind, holder.label) == ("quoted", "Aldo Baggins")


@pytest.mark.parametrize("text", [
    "It is well known that Arnor member states agreed to enhance their presence.",
    "Both Arnor and Gondor reject the claims that their ventures harm anyone.",
    "It was evident that Arnor pursues not only the stated goals.",
])
def test_a_noun_that_looks_like_a_reporting_verb_is_no_speech(text: str) -> None:
    assert holder_of(text, refs(text)).kind == "report"


def test_a_month_is_no_hedge_and_adverbs_are_not_the_speaker() -> None:
    text = "In May 1992 Arnor brought the leaders of Gondor to its capital."
    assert not holder_of(text, refs(text)).is_hedged
    text = "Arnor officials have repeatedly said that the border is closed."
    assert holder_of(text, refs(text)).label == "Arnor officials"
