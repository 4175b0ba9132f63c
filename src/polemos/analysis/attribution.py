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

SPEECH = (r"said|says|say|told|tells|tell|added|adds|warned|warns|argued|argues|reported|"
          r"insisted|insists|wrote|writes|announced|announces|accused|accuses|"
          r"denied|denies|asserted|asserts|cautioned|cautions|stressed|stresses|"
          r"emphasi[sz]ed|reiterated|reiterates|tweeted|contended|contends|alleged|alleges|"
          r"complained|complains|conceded|concedes")
# verbs that report speech only with a clause after them ("maintained that", "noted that")
THAT_VERBS = (r"(?:noted|notes|stated|states|claimed|claims|believes?|believed|maintained|"
              r"maintains|suggested|suggests|"
              r"explained|explains|acknowledged|acknowledges|confirmed|confirms|predicted|"
              r"predicts|observed|observes)\s+that")
# after a determiner the word is a noun or an adjective ("the claims that", "the stated goals")
NOT_AFTER = "".join(rf"(?<!\b{d} )" for d in ("the", "a", "its", "their", "his", "her", "these",
                                              "those", "such", "our", "your", "my"))
VERBS = rf"{NOT_AFTER}(?-i:{SPEECH}|{THAT_VERBS})"
GROUP_WORDS = (r"critics|analysts|experts|observers|diplomats|officials|sources|residents|"
               r"witnesses|activists|lawmakers|legislators|commentators|scholars|researchers|"
               r"campaigners|opponents|supporters|rights groups|human rights groups|"
               r"western officials|security sources|local media|media reports|reports")
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:\"“”]{2,90})", re.IGNORECASE)
AFTER_QUOTE = re.compile(rf"[,\"”’]\s*(?:\.\.\.\s*)?(?P<who>[^,\"“”]{{2,90}}?)\s+(?:{VERBS})\b",
                         re.IGNORECASE)
VERB_THEN = re.compile(rf"[,\"”]\s*(?:{VERBS})\s+(?P<who>[^,.;:\"“”]{{2,90}})\s*(?:[,.]|$)",
                       re.IGNORECASE)
APPOSITIVE = re.compile(rf"(?:^|,\s*)(?P<who>[^,\"“”]{{2,90}}?),\s*(?:{VERBS})\b",
                        re.IGNORECASE)
CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|could|should|to)\b")
SUBJECT_FIRST = re.compile(rf"^(?P<who>[^\"“”,;:]{{2,100}}?)\s+(?:has |have |had )?(?:{VERBS})\b",
                           re.IGNORECASE)
GROUP = re.compile(rf"\b(?P<who>(?:some |many |several |other |western |local )?(?:{GROUP_WORDS}))\b",
                   re.IGNORECASE)
HEDGE = re.compile(r"\b(?:perceptions?\s+(?:that|of)|perceived|reportedly|allegedly|"
                   r"appears?\s+to|seems?\s+to|seemingly|(?-i:may|might|could)|likely|possibly|"
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
    for pattern, end_side in ((ACCORDING, False), (AFTER_QUOTE, True), (APPOSITIVE, True),
                              (VERB_THEN, False), (SUBJECT_FIRST, True)):
        found = pattern.search(text)
        if found is None:
            continue
        who = _speaker(found.group("who"), found.start("who"), mentions, offset,
                       near_verb_at_end=end_side)
        if who is not None:
            return replace(who, is_hedged=hedged)
    group = GROUP.search(text) if hedged else None
    if group is not None:
        return Holder(group.group("who").lower(), "group", hedged)
    if is_analysis:
        return Holder(f"the author ({author})" if author else "the author", "author", hedged)
    return Holder("the report", "report", hedged)


CHUNK_BREAK = re.compile(r"\s+(?:and|but|while|as|after|before|when|because|whose|who|which|"
                         r"that|where|if)\s+|\b(?:whose|who|which)\s+", re.IGNORECASE)
LEADING = re.compile(r"^(?:the|a|an|and|but|while|as|also|then|later|earlier|meanwhile)\s+",
                     re.IGNORECASE)


def _speaker(raw: str, at: int, mentions: Sequence[MentionRef], offset: int, *,
             near_verb_at_end: bool) -> Holder | None:
    """The speaker in the words a reporting pattern found: the chunk next to the verb (the
    last one when the verb follows, the first when it precedes), holding a named actor or
    person or being a group noun; None otherwise (the pattern matched something else)."""
    chunks = [(m.start(), m.end()) for m in CHUNK_BREAK.finditer(raw)]
    if near_verb_at_end:
        lo, hi = (chunks[-1][1] if chunks else 0), len(raw)
    else:
        lo, hi = 0, (chunks[0][0] if chunks else len(raw))
    piece = raw[lo:hi]
    who = TRAILING_TIME.sub("", piece).strip(" \"“”'")
    who = LEADING.sub("", who).strip()
    if not who or len(who.split()) > MAX_WHO_WORDS:
        return None
    if not near_verb_at_end and CLAUSE_VERB.search(who):  # "said Kabul was failing …"
        return None
    start, end = offset + at + lo, offset + at + hi
    named = [m for m in mentions if start <= m.start and m.end <= end
             and (m.code or m.person or m.kind == "unresolved")]
    if named:
        if near_verb_at_end:  # from the first name and its title ("Lavrov", not "In April …")
            first = _title_start(raw, min(m.start for m in named) - (offset + at), lo)
            who = TRAILING_TIME.sub("", raw[first:hi]).strip(" \"“”'") or who
        return Holder(_trim(who), "quoted", keys=tuple(dict.fromkeys(
            m.key for m in named if m.key)))
    group = GROUP.fullmatch(who) or GROUP.match(who)
    if group is not None and len(who.split()) <= 4:
        return Holder(who.lower(), "group")
    return None


ROLE_NOUNS = frozenset(["envoy", "minister", "spokesperson", "spokesman", "spokeswoman", "ambassador", "president", "premier", "official", "officials", "commander", "general", "chief", "head", "secretary", "adviser", "advisor", "director", "representative", "delegate", "leader", "deputy", "prime", "foreign", "defence", "defense", "interior"])
NOT_TITLE = re.compile(r"^(?:In|On|At|The|A|An|By|For|From|After|Before|When|While|Since|During|"
                       r"January|February|March|April|May|June|July|August|September|October|"
                       r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                       r"Sunday|Last|This|Earlier|Later)$")


def _title_start(raw: str, name_at: int, floor: int) -> int:
    """Where the speaker's title begins: back from the name over capitalised words and role
    nouns ("Foreign Minister Mevlut Cavusoglu", "envoy Elrond"), never over a date or a
    function word."""
    start = name_at
    for word in reversed(list(re.finditer(r"[\w'’.-]+", raw[floor:name_at]))):
        text = word.group(0)
        if NOT_TITLE.match(text) or not (text[:1].isupper() or text.lower() in ROLE_NOUNS):
            break
        start = floor + word.start()
    return start


def _trim(who: str) -> str:
    """Drop trailing function words and adverbs from a speaker phrase ("Iranian officials have
    repeatedly" → "Iranian officials")."""
    return re.sub(r"(?:\s+(?:that|who|which|in|at|on|has|have|had|also|again|then|later|"
                  r"earlier|publicly|\w+ly))+$", "", who).strip()
