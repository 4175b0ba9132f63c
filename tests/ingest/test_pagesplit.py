"""Page captures → articles: hand-made captures of several shapes (fictional places)."""

from __future__ import annotations

import pytest

from polemos.ingest.pagesplit import cut_blocks, split_page
from polemos.ingest.shapes import classify, looks_like_bio

P1 = ("The governments of Arnor and Gondor agreed on Tuesday to reopen the crossing at "
      "Osgiliath, closed since the spring clashes, officials from both sides said.")
P2 = ("Under the deal, monitors from the Council of the West will patrol both banks for six "
      "months. Traders had pressed for the reopening for weeks.")
P3 = '"This is a first step, not the last one," the Arnorian envoy told reporters.'
Q1 = ("Rohan called up two brigades of reservists on Friday, citing raids across the northern "
      "border that killed four herders last week.")
Q2 = "The Rohirric defence ministry said the call-up would last until the end of the harvest."
R1 = ("Elections in Dale were postponed for a second time after the electoral commission said "
      "ballots could not reach the mountain districts before winter.")
R2 = "Opposition parties in Dale said the delay favoured the sitting council and called a rally."

NAV_CAPTURE = f"""Skip to content
Home
World
Politics
Business
Sport

Arnor and Gondor agree to reopen the river crossing

By Mara Fenwick

12 March 2023

Image: Council of the West press office

{P1}

{P2}

{P3}

Share this article

Facebook

Twitter

Related stories

Rohan mobilises reserves
"""

BYLINES_CAPTURE = f"""Arnor and Gondor agree to reopen the river crossing

By Mara Fenwick

{P1}

{P2}

Rohan calls up reservists after border raids

By Tomas Brandt and Ilse Varga

{Q1}

{Q2}

Dale postpones elections again

Written by Ana Kessel

{R1}

{R2}
"""

TEASERS = """World2 hours ago

Rohan calls up reservists after border raids

The defence ministry in Edoras said on Friday that two brigades would be called up to...

Economy5 hours ago

Dale traders fear a long winter

Merchants in the lakeside town say the closure of the mountain passes could cost them…

Politics1 day ago

Gondor's council meets in emergency session

The council of Minas Tirith met late into the night as ministers argued over the...
"""

SECTION_CAPTURE = f"""Connect with us

Northern Realms

Arnor and Gondor agree to reopen the river crossing

Traders wait at the closed crossing on the river Anduin

{P1}

{P2}

From our partner Western Wire

Senior correspondent covering the northern realms for Western Wire

Northern Realms

Rohan calls up reservists after border raids

{Q1}

{Q2}

Mara Fenwick is a senior fellow at the Institute of Western Studies.

{TEASERS}"""


A1 = ("Artillery fire hit villages on both banks of the Anduin overnight, local officials said on "
      "Thursday, the heaviest exchange since the truce agreed in January.")
A2 = ("The truce, brokered by the Council of the West, has been strained by a series of incidents "
      "along the river since February.")
NEWSPAPER_CAPTURE = f"""Skip to main content
Advertisement
World News
Subscribe
Sign in

Europe

Gondor and Mordor trade blame after shelling near Osgiliath

By Jane Roe
Updated March 3, 2023 10:45 am ET

Smoke rises over the eastern bank of the Anduin on Thursday. PHOTO: ANA KESSEL/AGENCE WEST

{A1}

Advertisement

{A2}

Listen to this article

Write to Jane Roe at jane.roe@wire.test

Copyright ©2023 Wire Company. All Rights Reserved.

Appeared in the March 4, 2023, print edition as 'Shelling Near Osgiliath'.
"""


BLOG_CAPTURE = """Open in app
Sign up
Sign in
Write

Why the river truce between Arnor and Gondor is fragile

Jane Roe
Follow
8 min read
·
Mar 3, 2023
--
12
Listen
Share

The truce signed in January between Arnor and Gondor was meant to end a year of clashes along the Anduin. Two months later, it is already fraying.

Both governments insist they remain committed to the deal. But their soldiers still face each other across a river that is, in places, no more than forty metres wide.

The Council of the West, which brokered the deal, has only twelve monitors on the ground.

Written by Jane Roe
123 Followers
Writer about the northern realms.
Follow
More from Jane Roe
Dale after the elections
6 min read · Feb 1, 2023
Rohan's reservists go home
4 min read · Jan 9, 2023
See all from Jane Roe
"""


def titles(text: str) -> list[str | None]:
    return [a.title for a in split_page(text)]


def test_one_article_with_nav_menu_byline_and_share_buttons() -> None:
    [article] = split_page(NAV_CAPTURE)
    assert article.title == "Arnor and Gondor agree to reopen the river crossing"
    assert article.paragraphs == (P1, P2, P3)


def test_newspaper_capture_keeps_only_the_story() -> None:
    [article] = split_page(NEWSPAPER_CAPTURE)
    assert article.title == "Gondor and Mordor trade blame after shelling near Osgiliath"
    assert article.paragraphs == (A1, A2)


def test_blog_capture_with_share_row_after_the_title() -> None:
    [article] = split_page(BLOG_CAPTURE)
    assert article.title == "Why the river truce between Arnor and Gondor is fragile"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("The truce signed in January")
    assert article.paragraphs[-1].endswith("twelve monitors on the ground.")


def test_three_articles_with_bylines_are_split_at_each_title() -> None:
    articles = split_page(BYLINES_CAPTURE)
    assert [a.title for a in articles] == [
        "Arnor and Gondor agree to reopen the river crossing",
        "Rohan calls up reservists after border raids",
        "Dale postpones elections again",
    ]
    assert [a.paragraphs for a in articles] == [(P1, P2), (Q1, Q2), (R1, R2)]


def test_a_page_of_teasers_only_holds_no_article() -> None:
    assert split_page(TEASERS) == []


def test_section_labels_captions_credits_bios_and_teasers_are_dropped() -> None:
    articles = split_page(SECTION_CAPTURE)
    assert [a.title for a in articles] == [
        "Arnor and Gondor agree to reopen the river crossing",
        "Rohan calls up reservists after border raids",
    ]
    assert [a.paragraphs for a in articles] == [(P1, P2), (Q1, Q2)]


def test_end_markers_close_articles_without_section_labels() -> None:
    page = (f"Arnor and Gondor agree to reopen the river crossing\n\n{P1}\n\n{P2}\n\n"
            f"Continue Reading\n\nRohan calls up reservists after border raids\n\n{Q1}\n\n{Q2}\n\n"
            "Read more\n")
    assert titles(page) == ["Arnor and Gondor agree to reopen the river crossing",
                            "Rohan calls up reservists after border raids"]


def test_comments_and_related_cards_after_an_article_are_dropped() -> None:
    page = (f"Arnor and Gondor agree to reopen the river crossing\n\n{P1}\n\n{P2}\n\n"
            "Related stories\n\nRohan calls up reservists\n\nTwo brigades were called up.\n\n"
            "Dale postpones elections\n\nThe vote is delayed again.\n\n3 Comments\n\n"
            "Great piece, thank you for explaining the background so clearly to readers.\n")
    [article] = split_page(page)
    assert article.paragraphs == (P1, P2)


def test_a_lone_subheading_stays_inside_its_article() -> None:
    page = f"Arnor and Gondor agree to reopen the crossing\n\n{P1}\n\nThe road to the deal\n\n{P2}\n"
    [article] = split_page(page)
    assert article.paragraphs == (P1, "The road to the deal", P2)


def test_a_question_title_opens_the_article() -> None:
    [article] = split_page(f"Will the crossing at Osgiliath stay open?\n\n{P1}\n\n{P2}\n")
    assert article.title == "Will the crossing at Osgiliath stay open?"
    assert article.paragraphs == (P1, P2)


def test_a_teaser_like_first_paragraph_followed_by_prose_is_kept() -> None:
    first = "The talks went on, and on, and on..."
    [article] = split_page(f"Talks in Osgiliath drag on\n\n{first}\n\n{P1}\n")
    assert article.paragraphs == (first, P1)


def test_untitled_plain_text_is_one_article() -> None:
    [article] = split_page(f"{P1}\n\n{P2}\n")
    assert article.title is None
    assert article.paragraphs == (P1, P2)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = ("The governments of Arnor and Gondor agreed on Tuesday to\n"
               "reopen the crossing at Osgiliath, closed since the spring\n"
               "clashes, officials from both sides said.")
    assert cut_blocks(f"Title here\n\n{wrapped}\n") == ["Title here", P1]


@pytest.mark.parametrize(("line", "kind"), [
    ("Continue Reading", "end"),
    ("Americas1 hour ago", "label"),
    ("Connect with us", "chrome"),
    ("Home | World | Politics | Sport", "chrome"),
    ("Image source: Ministry of Defence of Arnor", "caption"),
    ("Crowds gather in the square of Dale. Photo: Ana Kessel", "caption"),
    ("Soldiers walk near the river, March 2, 2023. REUTERS/Ana Kessel", "caption"),
    ("Traders wait at the crossing (Ana Kessel/AFP)", "caption"),
    ("5 min read", "chrome"),
    ("Sign up for our newsletter", "chrome"),
    ("Related stories", "end"),
    ("12 Comments", "end"),
    ("By Mara Fenwick and Tomas Brandt", "byline"),
    ("Published 12 March 2023", "dateline"),
    ("March 12, 2023 10:30 AM", "dateline"),
    ("Traders fear the closure could cost them the whole season...", "teaser"),
    ("Arnor and Gondor agree to reopen the river crossing", "heading"),
    ("Is the crossing safe?", "question"),
    ("[3] Fenwick, M. The Northern Realms, 2019.", "note"),
    (P1, "prose"),
])
def test_classify(line: str, kind: str) -> None:
    assert classify(line) == kind


@pytest.mark.parametrize(("line", "is_bio"), [
    ("Mara Fenwick is a senior fellow at the Institute of Western Studies.", True),
    ("Second-year student of Northern History at the University of Annuminas", True),
    (P1, False),
    ("Mara Fenwick is right that the deal will hold.", False),
])
def test_looks_like_bio(line: str, is_bio: bool) -> None:
    assert looks_like_bio(line) is is_bio
