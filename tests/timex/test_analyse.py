"""analyse_time and date_for_span with the real model on small hand-written texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from polemos.nlp.annotate import Parsed, annotate
from polemos.records import Article
from polemos.timex import analyse_time, date_for_span

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2021, 3, 18)

HISTORY = (
    "Gondor and Mordor fought a war that started in 1988. "
    "The war ended with the truce of 12 May 1994. Arnor mediated the talks.\n\n"
    "Twenty-six years later, fighting resumed. Rohan sent envoys to Minas Tirith.\n\n"
    "Gondor accuses Mordor of violating the truce. Rohan has imposed new sanctions. "
    "Rohan announced further sanctions yesterday."
)


@pytest.fixture(scope="module")
def parsed_texts(nlp) -> Iterator[dict[str, Parsed]]:  # type: ignore[no-untyped-def]
    """Parse the texts once; the generator stays open so the Docs stay valid."""
    articles = {
        "history": Article("history", HISTORY, published=PUBLISHED),
        "undated": Article("undated", HISTORY),
        "clauses": Article(
            "clauses",
            "The blockade, which began in 2011, ended with the accord of 4 June 2015. "
            "Arnor, which had armed Gondor in the 1990s, sent observers in 2016. "
            "Rohan said on Monday that Gondor had attacked its villages in 2014.",
            published=PUBLISHED,
        ),
    }
    stream = annotate(nlp, articles.values())
    out: dict[str, Parsed] = {}
    for parsed in stream:
        out[parsed.article.doc_id] = parsed
        if len(out) == len(articles):
            break
    yield out
    stream.close()


def dates(parsed: Parsed) -> list[tuple[str | None, str]]:
    time = analyse_time(parsed)
    assert len(time.sentence_dates) == len(parsed.sentences)
    return [(d.iso, d.basis) for d in time.sentence_dates]


def test_sentences_dated_by_text_narrative_and_publication(parsed_texts) -> None:  # type: ignore[no-untyped-def]
    assert dates(parsed_texts["history"]) == [
        (None, "none"),  # 1988 dates the relative clause (the war's start), not "fought"
        ("1994-05-12", "text"),
        (None, "none"),  # would inherit 1994: more than two years before publication
        ("2020", "text"),  # "Twenty-six years later", resolved against 1994
        ("2020", "narrative"),
        ("2021-03-18", "publication"),  # present tense news
        ("2021-03-18", "publication"),  # present perfect
        ("2021-03-17", "text"),  # "yesterday"
    ]


def test_undated_history_dates_from_the_text_alone(parsed_texts) -> None:  # type: ignore[no-untyped-def]
    assert dates(parsed_texts["undated"])[:5] == [
        (None, "none"),
        ("1994-05-12", "text"),
        ("1994-05-12", "narrative"),
        ("2020", "text"),  # a relative date counts across the paragraph break
        ("2020", "narrative"),
    ]


def test_past_tense_never_gets_the_publication_date(parsed_texts) -> None:  # type: ignore[no-untyped-def]
    time = analyse_time(parsed_texts["history"])
    for sentence, date in zip(parsed_texts["history"].sentences, time.sentence_dates):
        if "mediated" in sentence.text or "sent envoys" in sentence.text:
            assert date.basis != "publication"


def test_without_publication_date_present_tense_has_no_date(parsed_texts) -> None:  # type: ignore[no-untyped-def]
    found = dates(parsed_texts["undated"])
    assert found[5] == (None, "none")
    assert found[7] == (None, "none")  # "yesterday" cannot be resolved without a reference


def test_timexes_carry_absolute_offsets(parsed_texts) -> None:  # type: ignore[no-untyped-def]
    parsed = parsed_texts["history"]
    time = analyse_time(parsed)
    assert [t.text for t in time.timexes][:3] == [
        "1988",
        "12 May 1994",
        "Twenty-six years later",
    ]
    assert all(parsed.article.text[t.start : t.end] == t.text for t in time.timexes)


@pytest.mark.parametrize(
    ("trigger", "iso"),
    [
        ("began", "2011"),
        ("ended", "2015-06-04"),
        ("accord", "2015-06-04"),
        ("armed", "1990s"),
        ("sent", "2016"),
        ("attacked", "2014"),
        ("said", "2021-03-15"),
    ],
)
def test_date_for_span_takes_the_clause_date(parsed_texts, trigger: str, iso: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parsed_texts["clauses"]
    time = analyse_time(parsed)
    start = parsed.article.text.index(trigger)
    date = date_for_span(parsed, time, start, start + len(trigger))
    assert (date.iso, date.basis) == (iso, "text")


def test_date_for_span_without_own_timex_uses_the_sentence_context(parsed_texts) -> None:  # type: ignore[no-untyped-def]
    parsed = parsed_texts["undated"]
    time = analyse_time(parsed)
    start = parsed.article.text.index("mediated")
    date = date_for_span(parsed, time, start, start + len("mediated"))
    assert (date.iso, date.basis) == ("1994-05-12", "narrative")
    started = parsed.article.text.index("started")
    assert date_for_span(parsed, time, started, started + 7).iso == "1988"


@pytest.mark.parametrize(("text", "said"), [
    ("The truce was signed in 1994. Later, Rohan said that Gondor had broken it in 2003.", None),
    ("The truce was signed in 1994. Rohan said that Gondor had broken it in 2003.", None),
    ("The truce was signed in 1994. It said that Gondor had broken it in 2003.", "1994"),
    ("The truce was signed in 1994.\n\nIt said that Gondor had broken it in 2003.", None),
])
def test_date_for_span_does_not_give_a_reported_date_to_the_report(nlp, text: str,
                                                                  said: str | None) -> None:  # type: ignore[no-untyped-def]
    stream = annotate(nlp, [Article("said", text)])
    parsed = next(stream)
    time = analyse_time(parsed)
    start = text.index("said")
    date = date_for_span(parsed, time, start, start + 4)
    start = text.index("broken")
    assert date_for_span(parsed, time, start, start + 6).iso == "2003"
    stream.close()
    assert date.iso == said


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The council of Rohan met on Wednesday.", "2021-03-17"),
        ("The council of Rohan meets on Wednesday.", "2021-03-24"),
        ("The council of Rohan will meet Wednesday.", "2021-03-24"),
    ],
)
def test_weekday_follows_the_tense(nlp, text: str, iso: str) -> None:  # type: ignore[no-untyped-def]
    stream = annotate(nlp, [Article("wd", text, published=PUBLISHED)])
    parsed = next(stream)
    [date] = analyse_time(parsed).sentence_dates
    stream.close()
    assert (date.iso, date.basis) == (iso, "text")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # a clause that ends in a colon announces what follows, and frames its time
        ("In 2012, two things happened: Gondor closed its border and Arnor recalled its envoy.",
         "2012"),
        ("In 2012, two events took place: Gondor closed its border; Arnor recalled its envoy.",
         "2012"),
        # without a colon the first clause's time is its own
        ("Two things happened in 2012, Rohan said, and Gondor closed its border.", None),
    ],
)
def test_a_clause_before_a_colon_frames_the_time_of_what_follows(nlp, text: str,
                                                                 iso: str | None) -> None:  # type: ignore[no-untyped-def]
    stream = annotate(nlp, [Article("colon", text)])
    parsed = next(stream)
    [date] = analyse_time(parsed).sentence_dates
    stream.close()
    assert date.iso == iso


@pytest.mark.parametrize(
    "text",
    [
        # the parser joins the day to the noun after it ("Sunday Gondor"): it is still the day
        # of saying, not a day in the future clause that follows
        ("Prime Minister Aragorn said Sunday Gondor “will continue to guard the gates, but we "
         "will not allow violent attacks.”"),
        "Prime Minister Aragorn said Sunday that Gondor will continue to guard the gates.",
    ],
)
def test_a_day_right_after_a_verb_of_saying_is_the_day_it_was_said(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    stream = annotate(nlp, [Article("said", text, published=PUBLISHED)])
    parsed = next(stream)
    [date] = analyse_time(parsed).sentence_dates
    stream.close()
    assert (date.iso, date.basis) == ("2021-03-14", "text")


def test_a_time_a_noun_is_compared_to_is_not_its_time(nlp) -> None:  # type: ignore[no-untyped-def]
    """'the worst violence since the 2005 truce': 2005 is the point of comparison; the violence
    takes the time its clause is in (May 2019)."""
    text = ("In early May 2019, when the worst violence since the 2005 truce broke out on the "
            "frontier, Gondorian diplomacy once more stepped in to calm the region.")
    stream = annotate(nlp, [Article("cmp", text, published=PUBLISHED)])
    parsed = next(stream)
    time = analyse_time(parsed)
    start = text.index("violence")
    date = date_for_span(parsed, time, start, start + len("violence"))
    stream.close()
    assert date.iso == "2019-05"
    # on a verb, "until" tells when it happened: "did not leave until March 10" left then
    text = "The envoy of Gondor did not leave Rohan until March 10."
    stream = annotate(nlp, [Article("until", text, published=PUBLISHED)])
    parsed = next(stream)
    start = text.index("leave")
    date = date_for_span(parsed, analyse_time(parsed), start, start + len("leave"))
    stream.close()
    assert date.iso == "2021-03-10"


@pytest.mark.parametrize(
    ("text", "trigger", "iso"),
    [
        # the day or the present of the main clause is not the time of a before/after clause
        ("Gondor's trade with Rohan today remains smaller than before Arnor invaded Rohan.",
         "invaded", None),
        ("Gondor closed its embassy on Monday after Arnor invaded Rohan.", "invaded", None),
        # a year or a month still holds it
        ("Relations soured in 2010 after Arnor's commandos stormed a Rohirric ship.", "stormed",
         "2010"),
    ],
)
def test_a_before_or_after_clause_takes_only_a_coarse_time_of_its_main_clause(
        nlp, text: str, trigger: str, iso: str | None) -> None:  # type: ignore[no-untyped-def]
    stream = annotate(nlp, [Article("rel", text, published=PUBLISHED)])
    parsed = next(stream)
    start = text.index(trigger)
    date = date_for_span(parsed, analyse_time(parsed), start, start + len(trigger))
    stream.close()
    assert date.iso == iso
