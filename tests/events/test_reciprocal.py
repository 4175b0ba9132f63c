"""Mutual acts of two parties (issue 8, third pass): no party is its own recipient. Hand-built
parses of fictional sentences, no model."""

from __future__ import annotations

from polemos.events import Patterns, extract_events
from polemos.records import Mention
from tests.events.conftest import mentions_of, one_date
from tests.events.test_stative import Row, parsed_of, triples

# "<subject> withdrew ambassadors over Gondor's raids."
TAIL: list[Row] = [("withdrew", 2, "ROOT", "VERB", "VBD", "withdraw"),
                   ("ambassadors", 2, "dobj", "NOUN", "NNS", "ambassador"),
                   ("over", 2, "prep", "ADP", "IN", "over"),
                   ("Gondor", 7, "poss", "PROPN", "NNP", "Gondor"),
                   ("'s", 5, "case", "PART", "POS", "'s"),
                   ("raids", 4, "pobj", "NOUN", "NNS", "raid"),
                   (".", 2, "punct", "PUNCT", ".", ".")]


def test_a_party_of_a_group_is_not_the_recipient_of_its_own_mutual_act(
        patterns: Patterns) -> None:
    rows: list[Row] = [("Both", 1, "det", "DET", "DT", "both"),
                       ("countries", 2, "nsubj", "NOUN", "NNS", "country"), *TAIL]
    parsed = parsed_of(rows)
    group = Mention("d1", 0, 0, len("Both countries"), "Both countries", None, kind="group",
                    members=("ARN", "GON"), rule="group")
    events = extract_events(parsed, [group, *mentions_of(parsed)], patterns,
                            time=one_date(parsed))
    [withdrawal] = [e for e in events if e.trigger == "withdrew"]
    assert sorted(p.code for p in withdrawal.actors) == ["ARN", "GON"]
    assert withdrawal.recipients == ()  # Gondor's raids are the reason, not Gondor the target


def test_one_party_keeps_the_party_it_blames_as_recipient(patterns: Patterns) -> None:
    rows: list[Row] = [("The", 1, "det", "DET", "DT", "the"),
                       ("Arnor", 2, "nsubj", "PROPN", "NNP", "Arnor"), *TAIL]
    parsed = parsed_of(rows)
    events = extract_events(parsed, mentions_of(parsed), patterns, time=one_date(parsed))
    assert ("SANCTION", ("ARN",), ("GON",)) in triples(events)
