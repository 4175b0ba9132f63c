from __future__ import annotations

import pytest

from polemos.analysis.scope import came_to_nothing, is_usable
from polemos.records import Event, Participant


def event_in(text: str, trigger: str, *, start: int = 100) -> Event:
    at = text.index(trigger)
    return Event("e", "d", 0, "AID", "074", 7.0, 2, (Participant("ARN", "GOV", "Arnor", 0, 5),),
                 trigger=trigger, trigger_start=start + at, trigger_end=start + at + len(trigger),
                 sentence_text=text, sentence_start=start, sentence_end=start + len(text))


@pytest.mark.parametrize(("text", "trigger", "failed"), [
    ("Support for an Arnorian peacekeeping mission has faded over the years.", "mission", True),
    ("The Arnorian mission collapsed within weeks.", "mission", True),
    ("The plan was rejected by Gondor.", "plan", True),
    ("Arnor sent a peacekeeping mission, and the talks failed later.", "mission", False),
    ("Arnor deployed a mission to Gondor in 2001.", "mission", False),
])
def test_a_thing_said_to_come_to_nothing_does_not_count(text: str, trigger: str,
                                                        failed: bool) -> None:
    event = event_in(text, trigger)
    assert came_to_nothing(event) is failed
    assert is_usable(event) is not failed
