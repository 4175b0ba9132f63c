"""Read a question: what kind it is, which actors, conflict and period it names.

No language model: a few patterns for the question types, the knowledge base (and the
names seen in the store) for actors, the conflict definitions for conflicts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from polemos.analysis import kbview
from polemos.analysis.conflicts import Conflict, Conflicts

Intent = Literal["position", "mediation", "arms", "relations", "events"]

INTENTS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    ("mediation", re.compile(r"\bwho\b.*\b(?:mediat\w*|broker\w*|negotiat\w*|facilitat\w*)",
                             re.IGNORECASE)),
    ("arms", re.compile(r"\bwho\b.*\b(?:suppl\w*|arm(?:s|ed|ing)?|weapon\w*|sold|sell\w*)\b",
                        re.IGNORECASE)),
    ("relations", re.compile(r"\brelations?\b|\bties\b.*\bbetween\b|\bhow\b.*\b(?:chang\w*|"
                             r"evolv\w*|develop\w*)\b.*\bbetween\b", re.IGNORECASE)),
    ("events", re.compile(r"\bwhat\s+(?:has\s+|had\s+)?happen\w*|\bwhat\s+(?:were|are)\s+the\s+"
                          r"(?:main\s+|key\s+)?events\b|\btimeline\b|\bchronolog\w*", re.IGNORECASE)),
    ("position", re.compile(r"\b(?:position|role|stance|policy|involvement|attitude|part)\b",
                            re.IGNORECASE)),
)
CRISIS = re.compile(r"(?:the\s+)?((?:dispute|conflict|crisis|war|standoff|stand-off|tensions?|"
                    r"confrontation|row|controversy)\s+(?:over|about|on|around|in|between)\s+"
                    r"[^?.;]+)", re.IGNORECASE)
STOP = frozenset(["a", "an", "the", "of", "in", "on", "over", "about", "and", "or", "to", "with", "between", "what", "who", "whom", "which", "how", "is", "are", "was", "were", "has", "have", "had", "did", "do", "does", "be", "been", "position", "role", "stance", "policy", "dispute", "conflict", "crisis", "war", "standoff", "tensions", "tension", "relations", "relation", "changed", "change", "mediated", "supplied", "arms", "happened", "its", "their", "his", "her", "it", "from", "since", "until", "during", "after", "before", "when", "why", "whose", "this", "that", "these", "those", "there", "by", "for", "as", "at", "into"])
WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    intent: Intent
    actors: tuple[str, ...]  # resolved codes in the order named
    conflict: Conflict | None
    since: int | None = None
    until: int | None = None
    crisis: str | None = None  # the named crisis when no definition matches
    topic: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()  # capitalised names that resolve to nothing


def read_question(text: str, *, kb: Any, conflicts: Conflicts,
                  names: dict[str, str]) -> Question:
    """Parse ``text``; ``names`` maps lower-case names seen in the store to codes."""
    conflict = conflicts.named_in(text) or _by_territory(text, conflicts)
    blanked = _blank_conflict(text, conflict)
    actors, unresolved = find_actors(blanked, kb=kb, names=names)
    intent = next((name for name, pattern in INTENTS if pattern.search(text)), None)
    if intent is None:
        intent = "position" if actors else "events"
    since, until = read_period(text)
    crisis = None
    if conflict is None:
        found = CRISIS.search(text)
        crisis = found.group(1).strip() if found else None
    return Question(text, intent, actors, conflict, since, until, crisis,
                    _topic(crisis or "", kb) if crisis else (), unresolved)


def _by_territory(text: str, conflicts: Conflicts) -> Conflict | None:
    for conflict in conflicts.items:
        for place in conflict.territories:
            if re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text):
                return conflict
    return None


def _blank_conflict(text: str, conflict: Conflict | None) -> str:
    """The question with the conflict's own name blanked, so it is not read as an actor."""
    if conflict is None:
        return text
    for name in sorted(conflict.names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", lambda m: " " * len(m.group(0)),
                      text, flags=re.IGNORECASE)
    return text


def find_actors(text: str, *, kb: Any, names: dict[str, str]) -> tuple[tuple[str, ...],
                                                                       tuple[str, ...]]:
    """Actor codes named in ``text`` (longest names first), and capitalised leftovers."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    found: list[tuple[int, str]] = []
    used: set[int] = set()
    for size in (5, 4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            span = range(i, i + size)
            if used & set(span):
                continue
            phrase = text[tokens[i][0]:tokens[i + size - 1][1]]
            if size == 1 and phrase.lower() in STOP:
                continue
            code = _resolve(phrase, kb, names, any_case=text == text.lower())
            if code:
                found.append((tokens[i][0], code))
                used.update(span)
    codes = tuple(dict.fromkeys(code for _, code in sorted(found)))
    leftovers = tuple(tok for i, (_, _, tok) in enumerate(tokens)
                      if i not in used and i > 0 and tok[:1].isupper() and tok.lower() not in STOP)
    return codes, leftovers


def _resolve(phrase: str, kb: Any, names: dict[str, str], *, any_case: bool = False
             ) -> str | None:
    """The code ``phrase`` names; capitalised phrases only, unless the whole question is in
    lower case (``any_case``): then "russia" is tried as "Russia" and "eu" as "EU"."""
    bare = re.sub(r"['’]s?$", "", phrase)
    forms = [phrase, bare]
    if any_case:
        forms += [bare.title(), *([bare.upper()] if len(bare) <= 4 else [])]
    for candidate in forms:
        if not candidate[:1].isupper() and not candidate.isupper():
            continue
        code = kbview.resolve(kb, candidate) or names.get(candidate.lower())
        if code:
            return code
        if candidate.isupper() and candidate in names.values():
            return candidate
    return None


def _topic(crisis: str, kb: Any) -> tuple[str, ...]:
    """The common words of the crisis phrase; capitalised words are (parts of) names ("North"
    of "North Korea"), unless the whole question is written in lower case."""
    words = [w for w in WORD.findall(crisis) if w.lower() not in STOP and len(w) > 2]
    cased = crisis != crisis.lower()
    return tuple(w.lower() for w in words
                 if not _resolve(w, kb, {}, any_case=not cased) and not (cased and w[0].isupper()))


YEAR = r"(1[89]\d\d|20\d\d)"


def read_period(text: str) -> tuple[int | None, int | None]:
    """Years named in the question: "between 1991 and 1994", "since 2008", "in 2020"."""
    patterns: tuple[tuple[str, int], ...] = (
        (rf"(?:between|from)\s+{YEAR}\s+(?:and|to|until|till|-|–)\s+{YEAR}", 2),
        (rf"{YEAR}\s*[-–]\s*{YEAR}", 2),
        (rf"(?:since|after|from)\s+{YEAR}", 1),
        (rf"(?:before|until|till|up to)\s+{YEAR}", -1),
        (rf"\b(?:in|during)\s+{YEAR}", 0),
    )
    for pattern, kind in patterns:
        m = re.search(pattern, text, re.IGNORECASE)
        if not m:
            continue
        if kind == 2:
            return int(m[1]), int(m[2])
        if kind == 1:
            return int(m[1]), None
        if kind == -1:
            return None, int(m[1])
        return int(m[1]), int(m[1])
    return None, None
