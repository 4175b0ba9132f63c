"""Who holds what a sentence says: the author, a quoted person or body, or a group ("critics").

Read from the sentence alone, by classes of wording: a reporting verb ("said", "told",
"warned", "according to") with the speaker before or after it; a group noun as the speaker
("analysts", "critics", "officials"); otherwise the text's own voice (the author of an
analysis, the report of a news story). Hedges ("perceptions that", "reportedly", "may") are
noted, never dropped: the sentence is always quoted whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from polemos.analysis.corpus import MentionRef

HolderKind = Literal["author", "report", "quoted", "group"]

SPEECH = (r"said|says|say|told|tells|tell|added|adds|stated|states|warned|warns|argued|argues|"
          r"claimed|claims|insisted|insists|wrote|writes|announced|announces|accused|accuses|"
          r"denied|denies|asserted|asserts|cautioned|cautions|stressed|stresses|"
          r"emphasi[sz]ed|reiterated|reiterates|tweeted|contended|contends|alleged|alleges|"
          r"complained|complains|conceded|concedes")
# verbs that report speech only with a clause after them ("maintained that", "noted that")
THAT_VERBS = (r"(?:noted|notes|believes?|believed|maintained|maintains|suggested|suggests|"
              r"explained|explains|acknowledged|acknowledges|confirmed|confirms|predicted|"
              r"predicts|observed|observes)\s+that")
VERBS = rf"(?-i:{SPEECH}|{THAT_VERBS})"
GROUP_WORDS = (r"critics|analysts|experts|observers|diplomats|officials|sources|residents|"
               r"witnesses|activists|lawmakers|legislators|commentators|scholars|researchers|"
               r"campaigners|opponents|supporters|rights groups|human rights groups|"
               r"western officials|security sources|local media|media reports|reports")
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:\"“”]{2,90})", re.IGNORECASE)
AFTER_QUOTE = re.compile(rf"[,\"”’]\s*(?:\.\.\.\s*)?(?P<who>[^,\"“”]{{2,90}}?)\s+(?:{VERBS})\b",
                         re.IGNORECASE)
VERB_THEN = re.compile(rf"[,\"”]\s*(?:{VERBS})\s+(?P<who>[^,.;:\"“”]{{2,90}})", re.IGNORECASE)
SUBJECT_FIRST = re.compile(rf"^(?P<who>[^\"“”,;:]{{2,100}}?)\s+(?:has |have |had )?(?:{VERBS})\b",
                           re.IGNORECASE)
GROUP = re.compile(rf"\b(?P<who>(?:some |many |several |other |western |local )?(?:{GROUP_WORDS}))\b",
                   re.IGNORECASE)
HEDGE = re.compile(r"\b(?:perceptions?\s+(?:that|of)|perceived|reportedly|allegedly|"
                   r"appears?\s+to|seems?\s+to|seemingly|may|might|could|likely|possibly|"
                   r"suspected|widely\s+seen|is\s+seen\s+as|are\s+seen\s+as|believed\s+to|"
                   r"it\s+is\s+thought|arguably|apparently|purportedly|unconfirmed)\b",
                   re.IGNORECASE)
TRAILING_TIME = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday|today|yesterday|earlier|later|last\s+\w+|this\s+\w+)\b.*$",
                           re.IGNORECASE)
MAX_WHO_WORDS = 12


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a sentence's statement, as it can be shown: "critics", "the author" …"""

    label: str
    kind: HolderKind
    is_hedged: bool = False
    keys: tuple[str, ...] = ()  # actor keys named in the speaker's words (quoted speakers)

    def tag(self) -> str:
        """ "quoted: Mevlut Cavusoglu", "the author", "critics (hedged)"."""
        text = f"quoted: {self.label}" if self.kind == "quoted" else self.label
        return text + (" (hedged)" if self.is_hedged else "")


def holder_of(text: str, mentions: Sequence[MentionRef] = (), *, offset: int = 0,
              author: str | None = None, is_analysis: bool = False) -> Holder:
    """Who holds the statement ``text`` makes (``offset``: where the sentence starts in its
    document, so mention spans can be compared)."""
    hedged = HEDGE.search(text) is not None
    for pattern in (ACCORDING, AFTER_QUOTE, VERB_THEN, SUBJECT_FIRST):
        found = pattern.search(text)
        if found is None:
            continue
        who = _speaker(found.group("who"), found.start("who"), mentions, offset)
        if who is not None:
            return replace(who, is_hedged=hedged)
    group = GROUP.search(text) if hedged else None
    if group is not None:
        return Holder(group.group("who").lower(), "group", hedged)
    if is_analysis:
        return Holder(f"the author ({author})" if author else "the author", "author", hedged)
    return Holder("the report", "report", hedged)


def _speaker(raw: str, at: int, mentions: Sequence[MentionRef], offset: int) -> Holder | None:
    """The speaker a reporting pattern found: a named actor or person inside the words, or a
    group noun; None when the words are neither (the pattern matched something else)."""
    who = TRAILING_TIME.sub("", raw).strip(" \"“”'")
    who = re.sub(r"^(?:and|but|while|as|the\s+)?\s*", "", who, flags=re.IGNORECASE).strip()
    if not who or len(who.split()) > MAX_WHO_WORDS:
        return None
    start, end = offset + at, offset + at + len(raw)
    named = [m for m in mentions if start <= m.start and m.end <= end
             and (m.code or m.person or m.kind == "unresolved")]
    if named:
        return Holder(_trim(who), "quoted", keys=tuple(dict.fromkeys(
            m.key for m in named if m.key)))
    group = GROUP.fullmatch(who) or GROUP.match(who)
    if group is not None and len(who.split()) <= 4:
        return Holder(who.lower(), "group")
    if re.match(r"(?:[A-Z][\w'’.-]+\s+){1,5}[A-Z][\w'’.-]+$", who):  # a name the KB lacks
        return Holder(who, "quoted")
    return None


def _trim(who: str) -> str:
    """Drop a leading clause word and trailing function words from a speaker phrase."""
    return re.sub(r"\s+(?:that|who|which|in|at|on)$", "", who).strip()
