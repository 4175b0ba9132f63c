"""Finding conflicting dates stays linear in the accounts and gives the pair the pairwise
comparison gave; the latest date of a document is found without a scan per claim."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from polemos.analysis.brief import DISAGREE_YEARS, _conflicting
from polemos.analysis.model import Account, Evidence
from polemos.records import EventDate

Accounts = list[tuple[EventDate, Evidence, str]]


def pairwise(accounts: Accounts, *, is_merged: bool) -> tuple[Account, ...]:
    """The definition: the first pair (in input order) that cannot both hold."""
    for i, (date_a, ev_a, doc_a) in enumerate(accounts):
        for date_b, ev_b, doc_b in accounts[i + 1:]:
            if doc_a == doc_b or date_a.value is None or date_b.value is None:
                continue
            ia, ib = date_a.iso or "", date_b.iso or ""
            if ia.startswith(ib) or ib.startswith(ia):
                continue
            if is_merged or 0 < abs(date_a.value.year - date_b.value.year) <= DISAGREE_YEARS:
                return (Account(ia, ev_a), Account(ib, ev_b))
    return ()


def random_accounts(rng: random.Random, n: int) -> Accounts:
    out: Accounts = []
    for k in range(n):
        precision = rng.choice(("day", "month", "year", "decade", None))
        value = None if precision is None else dt.date(rng.choice((1990, 1994, 1996, 2001)),
                                                        rng.choice((1, 5)), rng.choice((1, 12)))
        date = EventDate(value, precision or "day" if value else None)
        doc = f"d{rng.randrange(4)}"
        out.append((date, Evidence(doc, k, "x", 0, 1), doc))
    return out


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("is_merged", [False, True])
def test_grouped_search_finds_the_pairwise_answer(seed: int, is_merged: bool) -> None:
    accounts = random_accounts(random.Random(seed), random.Random(seed).randrange(0, 25))
    assert _conflicting(accounts, is_merged=is_merged) == pairwise(accounts, is_merged=is_merged)


def test_sentence_ids_of_a_document_in_order_from_one_index() -> None:
    from polemos.analysis.corpus import Corpus

    day = EventDate()
    sentences = {("b", 2): (0, 1, day), ("a", 1): (0, 1, day), ("b", 0): (0, 1, day),
                 ("a", 0): (0, 1, day)}
    corpus = Corpus({}, {}, sentences, {}, [], {}, [])
    assert corpus.sentence_ids("b") == [0, 2] and corpus.sentence_ids("c") == []
    corpus.sentence_ids("a").append(9)  # callers get their own list
    assert corpus.sentence_ids("a") == [0, 1]
