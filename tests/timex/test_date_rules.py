"""The dating rules, one behaviour each, on hand-built parses of fictional news (no model).

The article is published on Wednesday 13 March 2030 unless a test says it is undated.
"""

from __future__ import annotations

import pytest

from polemos.timex import reasons
from tests.timex.kit import PARAGRAPH, date_at, parse, sentence_dates

ATTACKED_MONDAY = ("Gondor|NNP|nsubj|1 attacked|VBD|ROOT|1|attack Rohan|NNP|dobj|1 "
                   "on|IN|prep|1 Monday|NNP|pobj|3 .|.|punct|1")
ATTACKED_2019 = ("In|IN|prep|4 2019|CD|pobj|0 ,|,|punct|4 Gondor|NNP|nsubj|4 "
                 "attacked|VBD|ROOT|4|attack Rohan|NNP|dobj|4 .|.|punct|4")
ATTACKED_2029 = ATTACKED_2019.replace("2019", "2029")
RETALIATED = "Rohan|NNP|nsubj|1 retaliated|VBD|ROOT|1|retaliate .|.|punct|1"
IS_ANGRY = "Rohan|NNP|nsubj|1 is|VBZ|ROOT|1|be angry|JJ|acomp|1 .|.|punct|1"
HAD_MOBILISED = "Rohan|NNP|nsubj|2 had|VBD|aux|2|have mobilised|VBN|ROOT|2|mobilise .|.|punct|2"
TWO_DAYS_LATER = ("Two|CD|nummod|1 days|NNS|npadvmod|2|day later|RB|advmod|5 ,|,|punct|5 "
                  "Rohan|NNP|nsubj|5 retaliated|VBD|ROOT|5|retaliate .|.|punct|5")
FOLLOWING_YEAR = ("The|DT|det|2 following|JJ|amod|2 year|NN|npadvmod|5 ,|,|punct|5 "
                  "Rohan|NNP|nsubj|5 retaliated|VBD|ROOT|5|retaliate .|.|punct|5")


def isos(*sentences: str, undated: bool = False) -> list[str | None]:
    parsed = parse(*sentences, published=None) if undated else parse(*sentences)
    return [d.iso for d in sentence_dates(parsed)]


# -- bare months and weekdays count from publication --------------------------------------

@pytest.mark.parametrize(("sentence", "iso", "reason"), [
    # "In December, Elrond was confirmed": the nearest past December
    (("In|IN|prep|5 December|NNP|pobj|0 ,|,|punct|5 Elrond|NNP|nsubjpass|5 was|VBD|auxpass|5|be "
     "confirmed|VBN|ROOT|5|confirm .|.|punct|5"), "2029-12",
     reasons.bare_month(12, is_future=False)),
    # "In March, ..." in a March story: this March
    (("In|IN|prep|5 March|NNP|pobj|0 ,|,|punct|5 Elrond|NNP|nsubjpass|5 was|VBD|auxpass|5|be "
     "confirmed|VBN|ROOT|5|confirm .|.|punct|5"), "2030-03", reasons.bare_month(3, is_future=False)),
    # "Gondor will meet Rohan in December": the next December
    (("Gondor|NNP|nsubj|2 will|MD|aux|2 meet|VB|ROOT|2 Rohan|NNP|dobj|2 in|IN|prep|2 "
     "December|NNP|pobj|4 .|.|punct|2"), "2030-12", reasons.bare_month(12, is_future=True)),
    # "Gondor plans to meet Rohan in December": planned
    (("Gondor|NNP|nsubj|1 plans|VBZ|ROOT|1|plan to|TO|aux|3 meet|VB|xcomp|1 Rohan|NNP|dobj|3 "
     "in|IN|prep|3 December|NNP|pobj|5 .|.|punct|1"), "2030-12", reasons.bare_month(12, is_future=True)),
    (("Gondor|NNP|nsubj|1 met|VBD|ROOT|1|meet Rohan|NNP|dobj|1 on|IN|prep|1 Tuesday|NNP|pobj|3 "
     ".|.|punct|1"), "2030-03-12", reasons.weekday(1, is_future=False)),
    (("Gondor|NNP|nsubj|2 will|MD|aux|2 meet|VB|ROOT|2 Rohan|NNP|dobj|2 on|IN|prep|2 "
     "Tuesday|NNP|pobj|4 .|.|punct|2"), "2030-03-19", reasons.weekday(1, is_future=True)),
    # "The council meets Thursday": a present-tense schedule
    ("The|DT|det|1 council|NN|nsubj|2 meets|VBZ|ROOT|2|meet Thursday|NNP|npadvmod|2 .|.|punct|2",
     "2030-03-14", reasons.weekday(3, is_future=True)),
    (("Gondor|NNP|nsubj|1 attacked|VBD|ROOT|1|attack Rohan|NNP|dobj|1 last|JJ|amod|4 "
     "week|NN|npadvmod|1 .|.|punct|1"), "2030-03-04", reasons.FROM_PUBLICATION),
])
def test_bare_months_and_days_resolve_against_publication(sentence: str, iso: str,
                                                          reason: str) -> None:
    [date] = sentence_dates(parse(sentence))
    assert (date.iso, date.basis, date.reason) == (iso, "text", reason)


def test_a_weekday_follows_its_own_clause_not_a_future_word_nearby() -> None:
    # "Gondor signed a treaty Thursday that will serve ...": signed is past
    signed = parse("Gondor|NNP|nsubj|1 signed|VBD|ROOT|1|sign a|DT|det|3 treaty|NN|dobj|1 "
                   "Thursday|NNP|npadvmod|1 that|WDT|nsubj|7 will|MD|aux|7 serve|VB|relcl|3 "
                   ".|.|punct|1")
    assert sentence_dates(signed)[0].iso == "2030-03-07"
    # "Crowds chanted as they march Thursday": a present tense told in the past
    chanted = parse("Crowds|NNS|nsubj|1|crowd chanted|VBD|ROOT|1|chant as|IN|mark|4 "
                    "they|PRP|nsubj|4 march|VBP|advcl|1 Thursday|NNP|npadvmod|4 .|.|punct|1")
    assert sentence_dates(chanted)[0].iso == "2030-03-07"


def test_an_expected_arrival_is_a_future_day() -> None:
    # "Gondor departed , with an expected arrival of March 26 ."
    parsed = parse("Gondor|NNP|nsubj|1 departed|VBD|ROOT|1|depart ,|,|punct|1 with|IN|prep|1 "
                   "an|DT|det|6 expected|JJ|amod|6 arrival|NN|pobj|3 of|IN|prep|6 "
                   "March|NNP|pobj|7 26|CD|nummod|8 .|.|punct|1")
    assert date_at(parsed, "arrival").iso == "2030-03-26"


def test_a_bare_month_takes_the_year_stated_earlier_in_its_sentence() -> None:
    # "In 2029 Gondor met Rohan and in March they signed a truce ."
    parsed = parse("In|IN|prep|3 2029|CD|pobj|0 Gondor|NNP|nsubj|3 met|VBD|ROOT|3|meet "
                   "Rohan|NNP|dobj|3 and|CC|cc|3 in|IN|prep|9 March|NNP|pobj|6 they|PRP|nsubj|9 "
                   "signed|VBD|conj|3|sign a|DT|det|11 truce|NN|dobj|9 .|.|punct|3")
    date = date_at(parsed, "signed")
    assert (date.iso, date.reason) == ("2029-03", reasons.SAME_SENTENCE_YEAR)


# -- anchors do not carry across paragraphs, tenses, speakers or other times --------------

def test_an_anchor_carries_to_the_next_past_tense_sentence_of_its_paragraph() -> None:
    assert isos(ATTACKED_MONDAY, RETALIATED) == ["2030-03-11", "2030-03-11"]
    assert sentence_dates(parse(ATTACKED_MONDAY, RETALIATED))[1].reason == reasons.INHERITED


def test_an_anchor_does_not_carry_across_a_paragraph_break() -> None:
    assert isos(ATTACKED_2019, RETALIATED, undated=True) == ["2019", "2019"]
    parsed = parse(ATTACKED_2019, PARAGRAPH, RETALIATED, published=None)
    dates = sentence_dates(parsed)
    assert [d.iso for d in dates] == ["2019", None]
    assert dates[1].reason == reasons.NO_CONTEXT


def test_the_next_sentence_inherits_the_latest_time_told_before_it() -> None:
    # "In 2019, Gondor attacked Rohan when war broke out in 2021. Rohan retaliated.": the
    # story has reached 2021
    told = ("In|IN|prep|4 2019|CD|pobj|0 ,|,|punct|4 Gondor|NNP|nsubj|4 attacked|VBD|ROOT|4|attack "
            "Rohan|NNP|dobj|4 when|WRB|advmod|8 war|NN|nsubj|8 broke|VBD|advcl|4|break "
            "out|RP|prt|8 in|IN|prep|8 2021|CD|pobj|10 .|.|punct|4")
    assert isos(told, RETALIATED, undated=True) == ["2019", "2021"]


@pytest.mark.parametrize("other", [IS_ANGRY, HAD_MOBILISED])
def test_an_anchor_does_not_carry_into_a_sentence_of_another_tense(other: str) -> None:
    dates = sentence_dates(parse(ATTACKED_2019, other, published=None))
    assert dates[1].value is None and dates[1].reason == reasons.OTHER_TENSE


def test_an_inherited_date_never_jumps_over_a_sentence_that_states_another_time() -> None:
    # the present-tense sentence is dated by publication: the past one after it inherits nothing
    dates = sentence_dates(parse(ATTACKED_MONDAY, IS_ANGRY, RETALIATED))
    assert [(d.iso, d.basis) for d in dates] == [
        ("2030-03-11", "text"), ("2030-03-13", "publication"), (None, "none")]


def test_a_relative_date_does_not_count_across_a_publication_dated_sentence() -> None:
    assert isos(ATTACKED_MONDAY, TWO_DAYS_LATER) == ["2030-03-11", "2030-03-13"]
    dates = sentence_dates(parse(ATTACKED_MONDAY, IS_ANGRY, TWO_DAYS_LATER))
    assert dates[2].value is None and dates[2].reason == reasons.NO_REFERENCE


def test_a_new_speaker_does_not_inherit_the_date_of_the_sentence_before() -> None:
    said = ("{}|{}|nsubj|1 said|VBD|ROOT|1|say Rohan|NNP|nsubj|3 suffered|VBD|ccomp|1|suffer "
            ".|.|punct|1")
    dates = sentence_dates(parse(ATTACKED_MONDAY, said.format("Elrond", "NNP")))
    assert dates[1].value is None and dates[1].reason == reasons.OTHER_SPEAKER
    for subject, tag in (("It", "PRP"), ("Gondor", "NNP")):
        assert sentence_dates(parse(ATTACKED_MONDAY, said.format(subject, tag)))[1].iso == (
            "2030-03-11")


def test_later_is_a_time_of_its_own_not_the_date_before() -> None:
    later = "Rohan|NNP|nsubj|2 later|RB|advmod|2 retaliated|VBD|ROOT|2|retaliate .|.|punct|2"
    dates = sentence_dates(parse(ATTACKED_MONDAY, later))
    assert dates[1].value is None and dates[1].reason == reasons.VAGUE


# -- nothing after publication unless it is to come; nothing old without its year ---------

@pytest.mark.parametrize(("sentence", "iso", "reason"), [
    (("Gondor|NNP|nsubj|1 attacked|VBD|ROOT|1|attack Rohan|NNP|dobj|1 in|IN|prep|1 "
     "2031|CD|pobj|3 .|.|punct|1"), None, reasons.LATER_NOT_FUTURE),
    (("Gondor|NNP|nsubj|2 will|MD|aux|2 attack|VB|ROOT|2 Rohan|NNP|dobj|2 in|IN|prep|2 "
     "2031|CD|pobj|4 .|.|punct|2"), "2031", None),
])
def test_a_date_after_publication_needs_a_future_clause(sentence: str, iso: str | None,
                                                         reason: str | None) -> None:
    [date] = sentence_dates(parse(sentence))
    assert date.iso == iso
    if reason is not None:
        assert date.reason == reason


def test_an_old_past_event_needs_its_own_year() -> None:
    dated = sentence_dates(parse(ATTACKED_2019, RETALIATED))
    assert [d.iso for d in dated] == ["2019", None]
    assert dated[1].reason == reasons.TOO_OLD_INHERITED
    relative = sentence_dates(parse(ATTACKED_2019, FOLLOWING_YEAR))
    assert relative[1].value is None and relative[1].reason == reasons.TOO_OLD_RELATIVE
    assert isos(ATTACKED_2029, RETALIATED) == ["2029", "2029"]  # within two years


def test_undated_articles_date_from_the_text_alone() -> None:
    assert isos(ATTACKED_2019, RETALIATED, undated=True) == ["2019", "2019"]
    assert isos(ATTACKED_2019, FOLLOWING_YEAR, undated=True) == ["2019", "2020"]
    assert isos(ATTACKED_MONDAY, IS_ANGRY, undated=True) == [None, None]


# -- a clause's own time and tense ----------------------------------------------------------

def test_a_present_tense_clause_speaks_of_now_not_of_the_year_of_its_noun() -> None:
    # "The 2019 ceasefire is fragile ."
    parsed = parse("The|DT|det|2 2019|CD|nummod|2 ceasefire|NN|nsubj|3 is|VBZ|ROOT|3|be "
                   "fragile|JJ|acomp|3 .|.|punct|3")
    assert sentence_dates(parsed)[0].basis == "publication"
    assert date_at(parsed, "ceasefire").iso == "2019"
    assert date_at(parsed, "is").iso == "2030-03-13"


def test_two_days_after_dates_the_clause_after_it() -> None:
    # "The talks come two days after Gondor attacked Rohan ."
    parsed = parse("The|DT|det|1 talks|NNS|nsubj|2|talk come|VBP|ROOT|2 two|CD|nummod|4 "
                   "days|NNS|npadvmod|5|day after|IN|mark|7 Gondor|NNP|nsubj|7 "
                   "attacked|VBD|advcl|2|attack Rohan|NNP|dobj|7 .|.|punct|2")
    assert date_at(parsed, "attacked").iso == "2030-03-11"
    assert date_at(parsed, "come").iso == "2030-03-13"


def test_a_clause_that_modifies_a_time_takes_that_time() -> None:
    # "Since August 2029 , when Elrond called for war , Rohan has mobilised ."
    parsed = parse("Since|IN|prep|12 August|NNP|pobj|0 2029|CD|nummod|1 ,|,|punct|1 "
                   "when|WRB|advmod|6 Elrond|NNP|nsubj|6 called|VBD|relcl|1|call for|IN|prep|6 "
                   "war|NN|pobj|7 ,|,|punct|12 Rohan|NNP|nsubj|12 has|VBZ|aux|12|have "
                   "mobilised|VBN|ROOT|12|mobilise .|.|punct|12")
    assert date_at(parsed, "called").iso == "2029-08"


def test_a_past_clause_in_a_present_sentence_gets_no_publication_date() -> None:
    # "Officials say rebels attacked villages ."
    parsed = parse("Officials|NNS|nsubj|1|official say|VBP|ROOT|1 rebels|NNS|nsubj|3|rebel "
                   "attacked|VBD|ccomp|1|attack villages|NNS|dobj|3|village .|.|punct|1")
    attacked = date_at(parsed, "attacked")
    assert attacked.value is None and attacked.reason == reasons.PAST_IN_PRESENT
    assert date_at(parsed, "say").basis == "publication"


def test_a_present_clause_in_an_undated_sentence_is_dated_by_publication() -> None:
    # "Elrond told envoys that Rohan is ready ."
    parsed = parse("Elrond|NNP|nsubj|1 told|VBD|ROOT|1|tell envoys|NNS|dobj|1|envoy "
                   "that|IN|mark|5 Rohan|NNP|nsubj|5 is|VBZ|ccomp|1|be ready|JJ|acomp|5 "
                   ".|.|punct|1")
    assert sentence_dates(parsed)[0].value is None
    date = date_at(parsed, "is")
    assert (date.iso, date.reason) == ("2030-03-13", reasons.PUBLICATION_CLAUSE)


IN_APRIL_RETALIATED = ("In|IN|prep|4 April|NNP|pobj|0 ,|,|punct|4 Rohan|NNP|nsubj|4 "
                       "retaliated|VBD|ROOT|4|retaliate .|.|punct|4")


def test_a_bare_month_after_a_year_told_just_before_takes_that_year_or_none() -> None:
    # "In 2029, Gondor attacked Rohan. In April, Rohan retaliated." (published March 2030)
    assert isos(ATTACKED_2029, IN_APRIL_RETALIATED) == ["2029", "2029-04"]
    old = sentence_dates(parse(ATTACKED_2019, IN_APRIL_RETALIATED))
    assert old[1].value is None and old[1].reason == reasons.TOO_OLD_BARE
    # without that sentence: the nearest April before publication
    assert isos(IN_APRIL_RETALIATED) == ["2029-04"]


def test_a_bare_month_after_a_month_told_just_before_moves_forward() -> None:
    # "In December 2029, Gondor attacked Rohan. In January, Rohan retaliated."
    december = ("In|IN|prep|5 December|NNP|pobj|0 2029|CD|nummod|1 ,|,|punct|5 "
                "Gondor|NNP|nsubj|5 attacked|VBD|ROOT|5|attack Rohan|NNP|dobj|5 .|.|punct|5")
    january = IN_APRIL_RETALIATED.replace("April", "January")
    assert isos(december, january) == ["2029-12", "2030-01"]


def test_a_promise_is_dated_apart_from_what_it_promises() -> None:
    # "Gondor has vowed to leave Rohan by 2031 ."
    parsed = parse("Gondor|NNP|nsubj|2 has|VBZ|aux|2|have vowed|VBN|ROOT|2|vow to|TO|aux|4 "
                   "leave|VB|xcomp|2 Rohan|NNP|dobj|4 by|IN|prep|4 2031|CD|pobj|6 .|.|punct|2")
    assert date_at(parsed, "leave").iso == "2031"
    assert date_at(parsed, "vowed").basis == "publication"
    # a schedule shares its infinitive's time: "Gondor is due to leave Rohan in 2031 ."
    due = parse("Gondor|NNP|nsubj|1 is|VBZ|ROOT|1|be due|JJ|acomp|1 to|TO|aux|4 "
                "leave|VB|xcomp|2 Rohan|NNP|dobj|4 in|IN|prep|4 2031|CD|pobj|6 .|.|punct|1")
    assert sentence_dates(due)[0].iso == "2031"
