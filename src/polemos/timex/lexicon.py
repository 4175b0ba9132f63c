"""Word tables and compiled regular expressions for temporal expressions (English).

Every pattern is compiled once, at import. Month and weekday names are matched
case-sensitively (capitalised) so that "may", "march" or "sun" in running text
are not taken for dates; the function words around them are case-insensitive.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

# first and last month of each season (northern hemisphere; winter Y = Dec Y-1 .. Feb Y)
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip

# nouns that make a preceding 4-digit number a count, not a year ("of 2000 troops")
_COUNT_WORDS = (
    "people persons troops soldiers servicemen fighters men women children civilians refugees "
    "residents members votes voters cases deaths casualties dead wounded homes houses families "
    "km kilometres kilometers miles metres meters feet hectares acres tons tonnes dollars "
    "euros pounds rubles roubles units rockets missiles shells tanks vehicles aircraft "
    "prisoners detainees hostages pages words more fewer others times percent"
)
COUNT_NOUNS = frozenset(_COUNT_WORDS.split())

_MONTH_FULL = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"(?:\s*[-–—]\s*|\s+(?i:to|and|until|till|through|or)\s+)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_NOT_NUM_BEFORE = r"(?<![\d,.\-/])"
_NOT_NUM_AFTER = r"(?![\d]|,\d)"
_UNITS = r"(?i:day|week|fortnight|month|year|decade)"
_NUMBER = (
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an|"
    r"a\s+hundred|\d{1,3})"
)
_MOD = r"(?P<mod>(?i:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of)(?:\s*-\s*|\s+))"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"

# "27 September 2020", "the 9th and 10th of October 2020", "30 September - 2 October 2020"
DAY_MONTH = re.compile(
    rf"{_NOT_NUM_BEFORE}{_WD_PREFIX}(?:(?i:the)\s+)?(?P<d1>[0-3]?\d){_ORD}"
    rf"(?:\s+(?i:of\s+)?(?P<m1>{MONTH}))?"
    rf"(?:{_DASH}(?:(?i:the)\s+)?(?P<d2>[0-3]?\d){_ORD})?"
    rf"\s+(?i:of\s+)?(?P<m>{MONTH})(?![a-z])(?:,?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER})?"
)
# "September 27, 2020", "October 9-10, 2020", "May 12"
MONTH_DAY = re.compile(
    rf"{_WD_PREFIX}(?<![A-Za-z])(?P<m>{MONTH})\s+(?P<d1>[0-3]?\d){_ORD}(?!\d)"
    rf"(?:{_DASH}(?:(?P<m1>{MONTH})\s+)?(?P<d2>[0-3]?\d){_ORD}(?!\d))?"
    rf"(?:,?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER})?(?![\d:])"
)
# "April 2016", "late July 2014", "April-June 2016", "July of 2014"
MONTH_YEAR = re.compile(
    rf"(?<![A-Za-z]){_MOD}?(?P<m>{MONTH})(?:{_DASH}(?P<m2>{MONTH}))?,?\s+(?i:of\s+)?"
    rf"(?P<y>{_YEAR}){_NOT_NUM_AFTER}"
)
# "in April", "since late March" (the year comes from the anchor)
MONTH_ALONE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|before|after|during|of|last|next|this|until|"
    r"through|throughout)\s+)"
    rf"(?P<t>{_MOD}?(?P<m>{_MONTH_FULL}))(?![A-Za-z]|[\s,]+\d)"
)
# "September's delivery", "the September deal" (not "the May government": May is a name too)
_MONTH_NOT_MAY = (
    r"January|February|March|April|June|July|August|September|October|November|December"
)
MONTH_ATTRIBUTE = re.compile(
    rf"(?<![A-Za-z])(?P<t>(?P<m>{_MONTH_FULL}))(?=['’]s\b)"
    rf"|(?i:\bthe\s+)(?P<t2>(?P<m2>{_MONTH_NOT_MAY}))"
    r"(?=\s+(?!of\b|and\b|to\b|the\b|or\b)[a-z]{3,})"
)
ISO_DATE = re.compile(rf"{_NOT_NUM_BEFORE}(?P<y>{_YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
SEASON_YEAR = re.compile(
    rf"(?<![A-Za-z]){_MOD}?(?:(?i:the)\s+)?(?P<s>(?i:spring|summer|autumn|fall|winter))"
    rf"(?:\s+(?i:of))?\s+(?P<y>{_YEAR}){_NOT_NUM_AFTER}"
)
DECADE = re.compile(
    rf"{_NOT_NUM_BEFORE}(?P<mod>(?i:early|late|mid)(?:\s*-\s*|\s+))?"
    r"(?:(?P<dec>1[89]\d0|20\d0)'?s|'(?P<short>\d0)s)(?![A-Za-z\d])"
)
# a year in temporal context: "in 1992", "since 1994", "between 1988 and 1994", "in 1990-1991"
YEAR_IN_CONTEXT = re.compile(
    r"(?i:\b(?P<ctx>in|since|by|until|till|from|before|after|of|during|around|circa|"
    r"throughout|between|through|as\s+of|year|the\s+year|early|late|mid|the\s+end\s+of|"
    r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|"
    r"start\s+of|middle\s+of)(?:\s+|\s*-\s*))"
    rf"(?P<t>(?P<y>{_YEAR}){_NOT_NUM_AFTER}"
    rf"(?:(?P<sep>{_DASH})(?P<y2>{_YEAR}|\d\d){_NOT_NUM_AFTER})?)(?P<after>\s+[a-z]+)?"
)
# an adjectival year: "the 1994 ceasefire", "Russia's 2008 war"
YEAR_ADJECTIVE = re.compile(
    r"(?:(?i:\b(?:the|a|an|its|their|his|her|our|this|that|whose))\s+|'s\s+|’s\s+)"
    rf"(?P<t>(?P<y>{_YEAR})(?:\s*[-–]\s*(?P<y2>{_YEAR}|\d\d))?)(?![\d,%])(?P<after>\s+[A-Za-z]+)"
)
# a bare range of two years: "(1992-1994)", "the 1992–94 war"
YEAR_RANGE = re.compile(
    rf"{_NOT_NUM_BEFORE}(?P<y>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR}|\d\d){_NOT_NUM_AFTER}(?![-–])"
)
# "Twenty-six years later", "two days earlier", "a year on", "three weeks ago",
# "twenty-six years ago today" (that very day)
SHIFT = re.compile(
    rf"(?<![\w-])(?P<n>{_NUMBER})\s+(?P<unit>{_UNITS})s?\s+"
    r"(?P<dir>(?i:later|earlier|on|ago|before(?=\s*[,.;)]|\s+that\b)|after(?=\s*[,.;)]|\s+that\b)))"
    r"(?P<that>\s+(?i:that))?(?P<today>\s+(?i:today))?(?![\w])(?!\s+than\b)"
)
# "the following year", "the next day", "that same month", "later that year"
ANAPHORIC = re.compile(
    r"(?i:\b(?P<rel>the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+subsequent|"
    r"later\s+that|earlier\s+that|that\s+same|that|the\s+same)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year|decade|spring|summer|"
    r"autumn|fall|winter))(?![\w])"
    r"|(?i:\bthe\s+(?P<unit2>day|week|month|year)\s+(?P<dir2>before|after)(?=\s*[,.;)]))"
)
# "yesterday", "last week", "earlier this month", "this year"
DEICTIC = re.compile(
    r"(?i:\b(?P<word>yesterday|today|tonight|tomorrow)\b"
    r"|\b(?P<rel>this|last|next|past|earlier\s+this|later\s+this|the\s+past|the\s+coming)\s+"
    r"(?P<unit>morning|afternoon|evening|night|week|weekend|month|year|spring|summer|autumn|"
    r"fall|winter)\b)"
)
WEEKDAY = re.compile(
    rf"(?:(?P<rel>(?i:last|next|this|on|since|by|until))\s+)?(?<![A-Za-z])(?P<wd>{_WEEKDAY})"
    r"(?:(?=['’]s\b)|(?![A-Za-z'’]))"
)
# "two days after Erdogan denounced Israel": the clause after "after" is two days before
# its sentence's time (an "offset" expression, resolved against the sentence's date)
OFFSET = re.compile(
    rf"(?<![\w-])(?P<n>{_NUMBER})\s+(?P<unit>{_UNITS})s?\s+(?P<dir>(?i:after|before))"
    r"(?=\s+(?!that\b)[A-Za-z])"
)
OFFSET_WHOLE = re.compile(rf"{_NUMBER}\s+{_UNITS}s?\s+(?i:after|before)")
# "later", "subsequently": a time of its own, after the one told before, but not a date
VAGUE = re.compile(
    r"(?i:\b(?:later|earlier|subsequently|afterwards?|eventually|thereafter|since\s+then)\b)"
    r"(?!\s+than\b)"
)
FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|shall|'ll|is\s+due|are\s+due|is\s+expected|are\s+expected|scheduled|"
    r"plans?\s+to|planning\s+to|is\s+to|are\s+to|next|upcoming)\b)"
)
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
