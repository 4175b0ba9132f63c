"""find_timexes on tiny hand-made sentences: no model needed."""

from __future__ import annotations

import datetime as dt

import pytest

from polemos.timex import find_timexes

PUBLISHED = dt.date(2021, 3, 18)  # a Thursday


def only(text: str, anchor: dt.date | None = PUBLISHED):  # type: ignore[no-untyped-def]
    [timex] = find_timexes(text, anchor=anchor)
    return timex


@pytest.mark.parametrize(
    ("text", "iso", "precision", "end"),
    [
        ("On the 3rd of March 2011, the siege of Osgiliath began.", "2011-03-03", "day", None),
        ("Envoys met on the 4th and 5th of June 2019 in Bree.", "2019-06-04", "day", "2019-06-05"),
        ("Talks took place on 4-5 June 2019.", "2019-06-04", "day", "2019-06-05"),
        ("Talks took place on 4–5 June 2019.", "2019-06-04", "day", "2019-06-05"),
        ("The truce of 21 August 1987 held.", "1987-08-21", "day", None),
        ("The truce of August 21, 1987 held.", "1987-08-21", "day", None),
        ("Fighting raged from June 30 to July 2, 2003.", "2003-06-30", "day", "2003-07-02"),
        ("Fighting raged 30 June - 2 July 2003.", "2003-06-30", "day", "2003-07-02"),
        ("The border closed in April 2016.", "2016-04", "month", None),
        ("The border closed in late July 2014.", "2014-07", "month", None),
        ("Rohan mobilised in early March 2009.", "2009-03", "month", None),
        ("It was quiet from April to June 2012.", "2012-04", "month", "2012-06-30"),
        ("Joint drills were held in summer 2020.", "2020-06", "month", "2020-08-31"),
        ("Joint drills were held in the autumn of 2018.", "2018-09", "month", "2018-11-30"),
        ("Arnor declared independence in 1992.", "1992", "year", None),
        ("A war was fought in 1990-1991.", "1990", "year", "1991-12-31"),
        ("A war was fought between 1988 and 1994.", "1988", "year", "1994-12-31"),
        ("The 1994 armistice is fragile.", "1994", "year", None),
        ("Trade grew in the 2000s.", "2000s", "decade", None),
        ("Trade grew in the early 1990s.", "1990s", "decade", None),
        ("The deal was published on 2019-11-05.", "2019-11-05", "day", None),
        ("Gondor protested yesterday.", "2021-03-17", "day", None),
        ("Gondor protested on Monday.", "2021-03-15", "day", None),
        ("Gondor protested on Thursday.", "2021-03-18", "day", None),
        ("Gondor will vote on Saturday.", "2021-03-20", "day", None),
        ("Gondor protested last week.", "2021-03-08", "day", "2021-03-14"),
        ("Elections are due this year.", "2021", "year", None),
        ("The fort fell three years ago.", "2018", "year", None),
        ("Envoys met in May.", "2020-05", "month", None),
        ("Envoys will meet in May.", "2021-05", "month", None),
    ],
)
def test_absolute_and_deictic(text: str, iso: str, precision: str, end: str | None) -> None:
    timex = only(text)
    assert (timex.date.iso, timex.date.precision, timex.date.basis) == (iso, precision, "text")
    assert timex.date.end == (dt.date.fromisoformat(end) if end else None)
    assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("The truce came in 1994. Twenty-six years later, war returned.", "2020", "year"),
        ("Talks began on 2 May 2001. Two days later they failed.", "2001-05-04", "day"),
        ("Talks began on 2 May 2001. The next day they failed.", "2001-05-03", "day"),
        ("Talks began on 2 May 2001. A year earlier, a truce failed.", "2000", "year"),
        ("The war ended in 1994. The following year, talks began.", "1995", "year"),
        ("Talks began in March 2005. The following month, they failed.", "2005-04", "month"),
        ("Talks ended on 9-10 October 2020. The next day, shelling resumed.", "2020-10-11", "day"),
        ("Talks began in 2005. On 4 June, they failed.", "2005-06-04", "day"),
    ],
)
def test_relative_resolves_against_last_anchor(text: str, iso: str, precision: str) -> None:
    last = find_timexes(text, anchor=None)[-1]
    assert (last.date.iso, last.date.precision) == (iso, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Some 1,000 troops crossed the river.",
        "Resolution 822 demanded a withdrawal.",
        "Rohan bought S-300 systems.",
        "About 2,000 people fled.",
        "A force of 2000 troops arrived.",
        "Resolution 2334 was adopted.",
        "The 2000 soldiers left.",
        "They may return soon.",
        "The score was 1994 to 2001 points.",
        "Turnout rose by 12.5 percent.",
        "Call 0800 1234 for help.",
        "The ship left a month later than planned.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert find_timexes(text, anchor=PUBLISHED) == []


@pytest.mark.parametrize(
    "text", ["Two days later, the envoys left.", "The fort fell yesterday.", "They met on Friday."]
)
def test_unresolvable_expressions_are_kept_without_value(text: str) -> None:
    timex = only(text, anchor=None)
    assert timex.date.value is None and timex.date.precision is None


def test_offsets_are_absolute_and_in_order() -> None:
    text = "Gondor and Rohan met in 1994.\n\nIn the 2000s they met again on 5 May 2003."
    timexes = find_timexes(text)
    assert [t.text for t in timexes] == ["1994", "2000s", "5 May 2003"]
    assert all(text[t.start : t.end] == t.text for t in timexes)
    assert timexes == sorted(timexes, key=lambda t: t.start)


def test_named_historical_events_are_dated_from_the_eras_table() -> None:
    timex = only("After the collapse of the Soviet Union, Arnor armed Gondor.")
    assert (timex.text, timex.date.iso, timex.date.precision) == (
        "the collapse of the Soviet Union",
        "1991-12",
        "month",
    )


def test_since_does_not_anchor_what_follows() -> None:
    text = "Gondor has been ruled by the steward since 1994. It fell in August."
    assert [t.date.iso for t in find_timexes(text, anchor=PUBLISHED)] == ["1994", "2020-08"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- phrase: the Long Peace\n", "needs a phrase and a start"),
        ("- phrase: the Long Peace\n  start: 19xx\n", "YYYY"),
        ("- phrase: the (Long) Peace\n  start: 1950\n", "non-capturing"),
        ("phrase: x\n", "expected a list"),
    ],
)
def test_bad_eras_table_names_the_entry(tmp_path, content: str, message: str) -> None:  # type: ignore[no-untyped-def]
    from polemos.errors import DictionaryError
    from polemos.timex.eras import load_eras

    path = tmp_path / "eras.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        load_eras(path)


def test_since_reaches_over_a_noun_phrase_but_not_past_another_date() -> None:
    text = "The worst fighting since the 1994 truce broke out in 2016. It ended in May."
    assert [t.date.iso for t in find_timexes(text)] == ["1994", "2016", "2016-05"]
    text = "Peace has held since the fall of the old kingdom in 1994. It ended in May."
    assert [t.date.iso for t in find_timexes(text, anchor=PUBLISHED)] == ["1994", "2020-05"]


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        ("Despite September's delivery, they waited.", "September", "2020-09"),
        ("The September deal set the rules.", "September", "2020-09"),
        ("Gondor condemned Tuesday's attack.", "Tuesday", "2021-03-16"),
        ("At Friday’s meeting, Rohan objected.", "Friday", "2021-03-12"),
    ],
)
def test_possessive_and_attributive_months_and_weekdays(text: str, found: str, iso: str) -> None:
    timex = only(text)
    assert (timex.text, timex.date.iso) == (found, iso)


@pytest.mark.parametrize(
    "text", ["The May government fell.", "The March of the Ents began.", "They march on."]
)
def test_month_names_that_are_not_dates(text: str) -> None:
    assert find_timexes(text, anchor=PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The talks come two days after Gondor attacked.", "two days after"),
        ("Rohan later retaliated.", "later"),
        ("Subsequently, the envoys left.", "Subsequently"),
    ],
)
def test_offsets_and_vague_times_are_found_but_not_dated_alone(text: str, found: str) -> None:
    timex = only(text)
    assert (timex.text, timex.date.value) == (found, None)
    assert timex.date.reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Envoys met in May.", "bare month resolved to the nearest past May before publication"),
        ("Gondor protested on Monday.",
         "weekday resolved to the nearest past Monday before publication"),
        ("Gondor protested yesterday.", "counted from the publication date"),
        ("Arnor declared independence in 1992.", "stated in the text"),
    ],
)
def test_every_resolved_date_says_how_it_was_chosen(text: str, reason: str) -> None:
    assert only(text).date.reason == reason


def test_a_habit_is_not_a_day_and_years_ago_today_is_a_day() -> None:
    assert find_timexes("They march every Sunday and rest each Monday.", anchor=PUBLISHED) == []
    timex = only("Twenty-six years ago today the guns fell silent.")
    assert (timex.text, timex.date.iso) == ("Twenty-six years ago today", "1995-03-18")
