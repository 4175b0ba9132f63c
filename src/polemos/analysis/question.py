"""Read a question: what kind it is, which actor it asks about, which conflict, which period.

No language model: a few patterns for the question forms, the knowledge base (and the names
seen in the store) for actors. The conflict part of a question ("the insurgency in
Balochistan", "the EU–China dispute over electric-vehicle tariffs") is read into its
**anchors** (the actors it names), **places** (capitalised names that are no actor: "South
China Sea") and **topic** words ("electric", "vehicle", "tariffs").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from polemos.analysis import kbview
from polemos.analysis.conflicts import Conflict, Conflicts
from polemos.analysis.kbview import ActorKB

Intent = Literal["position", "mediation", "arms", "relations", "events"]
NameLookup = Callable[[Iterable[str]], dict[str, str]]  # phrases → {lower phrase: actor key}

FORMS = (
    ("the position or role of X in Y: \"What is the position of Russia in the Nagorno-Karabakh "
    "conflict?\", \"What role does Turkey play in the war in Syria?\", \"What is Germany's stance "
    "on the EU–China tariff dispute?\""),
    "who mediated between A and B (and when): \"Who mediated between Armenia and Azerbaijan?\"",
    "who supplied arms to A: \"Who supplied arms to Armenia?\"",
    ("how relations between A and B changed: \"How have relations between Turkey and the United "
    "States changed?\""),
    "what happened in Y (in a period): \"What happened in the Belarus crisis in 2020?\"",
)
INTENTS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    ("mediation", re.compile(r"\bwho\b.*\b(?:mediat\w*|broker\w*|negotiat\w*|facilitat\w*)",
                             re.IGNORECASE)),
    ("arms", re.compile(r"\bwho\b.*\b(?:suppl\w*|arm(?:s|ed|ing)?|weapon\w*|sold|sell\w*)\b",
                        re.IGNORECASE)),
    ("relations", re.compile(r"\brelations?\b|\bties\b.*\bbetween\b|\bhow\b.*\b(?:chang\w*|"
                             r"evolv\w*|develop\w*)\b.*\bbetween\b", re.IGNORECASE)),
    ("events", re.compile(r"\bwhat\s+(?:has\s+|had\s+)?happen\w*|\bwhat\s+(?:were|are)\s+the\s+"
                          r"(?:main\s+|key\s+)?events\b|\btimeline\b|\bchronolog\w*", re.IGNORECASE)),
    ("position", re.compile(r"\b(?:position|role|stance|policy|policies|involvement|involved|"
                            r"attitude|part|stand|influence|views?|approach|interests?|"
                            r"respon\w+|react\w*|think\w*|thought|see|sees|said|say|says)\b",
                            re.IGNORECASE)),
)
# "<what is> X's role in Y", "role of X in Y", "what role does X play in Y", "how is X
# involved in Y", "where does X stand on Y": X and Y, in that order
LINK = (r"(?:in|on|toward|towards|regarding|concerning|over|during|amid|within|with regard to|"
        r"with respect to|vis-[aà]-vis|in relation to)")
SPLITS = tuple(re.compile(p, re.IGNORECASE) for p in (
    (rf"\bwhat\s+(?:role|part)\s+(?:does|did|do|has|have|had|is|was)\s+(?P<x>.+?)\s+"
    rf"(?:play\w*|take\w*|taken|had|have|has)\s+{LINK}\s+(?P<y>.+)"),
    (rf"\b(?:position|role|stance|policy|involvement|attitude|part|view|approach|interests?)\s+"
    rf"(?:of|for)\s+(?P<x>.+?)\s+{LINK}\s+(?P<y>.+)"),
    (rf"^(?:what\s+(?:is|was|are|were|has\s+been)\s+|how\s+(?:is|was|has)\s+|describe\s+)?"
    rf"(?P<x>.+?)['’]s?\s+(?:position|role|stance|policy|involvement|attitude|part|view|"
    rf"approach|interests?|influence)\s+{LINK}\s+(?P<y>.+)"),
    (r"\bhow\s+(?:is|was|has|have|did|does)\s+(?P<x>.+?)\s+(?:been\s+)?(?:involved|engaged|"
     r"positioned|acted|responded|reacted|respond|react)\s+(?:in|with|to|on)\s+(?P<y>.+)"),
    rf"\bwhere\s+(?:does|did|do)\s+(?P<x>.+?)\s+stand\s+{LINK}\s+(?P<y>.+)",
    (r"\bwhat\s+(?:does|did|do|has|have)\s+(?P<x>.+?)\s+(?:think|thought|said|say)\s+"
     r"(?:about|of|on|regarding)\s+(?P<y>.+)"),
    r"\bhow\s+(?:does|did|do)\s+(?P<x>.+?)\s+(?:see|view|regard)\s+(?P<y>.+)",
    r"\b(?:position|role|stance|policy|involvement|attitude|influence)\s+(?:of|for)\s+(?P<x>.+)",
    (r"^(?:what\s+(?:is|was)\s+|how\s+(?:did|has|have)\s+)?(?P<x>.+?)['’]s?\s+(?:position|role|"
    r"stance|policy|involvement|attitude|influence)\b"),
))
# nouns for kinds of conflict and other words that say nothing about which conflict
GENERIC = frozenset((
    "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "its", "own", "new", "renewed",
    "a", "an", "the", "of", "in", "on", "over", "about", "and", "or", "to", "with", "between",
    "against", "what", "who", "whom", "which", "how", "is", "are", "was", "were", "has",
    "have", "had", "did", "do", "does", "be", "been", "being", "its", "their", "his", "her",
    "it", "from", "since", "until", "during", "after", "before", "when", "why", "whose",
    "this", "that", "these", "those", "there", "by", "for", "as", "at", "into", "position",
    "role", "stance", "policy", "dispute", "disputes", "conflict", "conflicts", "crisis",
    "crises", "war", "wars", "civil", "standoff", "stand-off", "tensions", "tension",
    "relations", "relation", "row", "confrontation", "controversy", "fight", "fighting",
    "fights", "struggle", "battle", "insurgency", "rebellion", "uprising", "unrest",
    "violence", "hostilities", "clashes", "clash", "campaign", "situation", "issue",
    "question", "matter", "ongoing", "current", "recent", "latest", "international",
    "regional", "global", "so-called", "armed", "military", "political", "diplomatic", "part",
    "play", "played", "playing", "involvement", "involved", "attitude", "view", "approach",
    "interests", "interest", "influence", "did", "does", "case", "affair", "affairs", "region",
    "country", "countries",
))
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’.-]*[\w]|[A-Za-zÀ-ÿ]")
CAPITALISED = re.compile(r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}-[A-Z][\w'’.-]*)"
                         r"(?:\s+(?:of\s+the\s+|of\s+|de\s+|al-)?[A-Z0-9][\w'’.-]*)*")


@dataclass(frozen=True, slots=True)
class Phrase:
    """The conflict part of a question, read."""

    text: str
    anchors: tuple[str, ...] = ()  # actor keys it names
    places: tuple[str, ...] = ()  # capitalised names that are no known actor
    topic: tuple[str, ...] = ()  # content words
    unresolved: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    intent: Intent | None  # None: not a question `ask` understands
    actors: tuple[str, ...]  # actor keys named outside the conflict part (the asked one first)
    conflict: Conflict | None  # a defined conflict the question names
    since: int | None = None
    until: int | None = None
    crisis: str | None = None  # the conflict part as written
    topic: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()  # capitalised names that resolve to nothing
    phrase: Phrase | None = None


def read_question(text: str, *, kb: ActorKB | None, conflicts: Conflicts,
                  names: NameLookup | dict[str, str] | None = None) -> Question:
    """Parse ``text``. ``names`` finds actor keys for phrases the KB does not know (the
    names seen in the store)."""
    lookup = _lookup(names)
    intent = next((name for name, pattern in INTENTS if pattern.search(text)), None)
    since, until = read_period(text)
    body = _strip_period(text).strip().rstrip("?.! ")
    x_part, y_part = split_position(body) if intent == "position" else (body, None)
    if y_part is None and intent != "position":
        y_part = _crisis_part(body)
    conflict = (conflicts.named_in(y_part) or _by_territory(y_part, conflicts)) if y_part else None
    if conflict is None and intent != "position":
        conflict = conflicts.named_in(body) or _by_territory(body, conflicts)
    phrase = read_phrase(y_part, kb=kb, names=lookup) if y_part else None
    actors, unresolved = find_actors(_blank_conflict(x_part, conflict), kb=kb, names=lookup)
    if intent == "position" and not actors and phrase and phrase.anchors:
        actors, phrase = phrase.anchors[:1], _without_first(phrase)
    return Question(text, intent, actors, conflict, since, until,
                    _clean(y_part) if y_part else None, phrase.topic if phrase else (),
                    unresolved + (phrase.unresolved if phrase else ()), phrase)


def split_position(body: str) -> tuple[str, str | None]:
    """(the actor part, the conflict part) of a position question."""
    for pattern in SPLITS:
        found = pattern.search(body)
        if found:
            y = found.groupdict().get("y")
            return found.group("x"), (y.strip() if y else None)
    return body, None


def _crisis_part(body: str) -> str | None:
    """For non-position questions: the words after "in"/"over" naming a conflict."""
    found = re.search(r"\b(?:in|over|during|of)\s+(?P<y>(?:the\s+)?[^?]*?(?:conflict|war|crisis|"
                      r"dispute|insurgency|standoff|tensions?|fighting)\b[^?]*)", body,
                      re.IGNORECASE)
    return found.group("y") if found else None


def _without_first(phrase: Phrase) -> Phrase:
    return Phrase(phrase.text, phrase.anchors[1:], phrase.places, phrase.topic,
                  phrase.unresolved)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ?.!")


def _lookup(names: NameLookup | dict[str, str] | None) -> NameLookup:
    if names is None:
        return lambda phrases: {}
    if isinstance(names, dict):
        table = names
        return lambda phrases: {p.lower(): table[p.lower()] for p in phrases
                                if p.lower() in table}
    return names


def read_phrase(text: str, *, kb: ActorKB | None, names: NameLookup | dict[str, str] | None = None
                ) -> Phrase:
    """Anchors, places and topic words of a conflict phrase (see the module docstring).

    A capitalised run of words that names no actor as a whole, and not only actors word by word,
    is a place ("South China Sea"), and its words are not read as actors ("China" in it is not
    an anchor).
    """
    lookup = _lookup(names)
    text = split_compounds(text, kb, lookup)
    anchors, _ = find_actors(text, kb=kb, names=lookup)
    places: list[str] = []
    blanked = text
    for run in CAPITALISED.finditer(text):
        words = re.sub(r"['’]s?$", "", run.group(0))
        if len(words.split()) < 2 or _resolve(words, kb, lookup([words])):
            continue
        if all(_resolve(w, kb, lookup([w])) for w in words.split() if w[:1].isupper()):
            continue  # a row of names ("Gondor Mordor war"), not one place
        places.append(words)
        blanked = blanked.replace(words, " " * len(words))
    if places:
        anchors, _ = find_actors(blanked, kb=kb, names=lookup)
    for start, end, _ in actor_spans(blanked, kb=kb, names=lookup):
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    singles, unresolved = _single_places(blanked, kb, lookup)
    topic = tuple(dict.fromkeys([*places, *singles, *_topic_words(blanked, kb, lookup)]))
    return Phrase(_clean(text), anchors, tuple(places + singles), topic, unresolved)


def _single_places(text: str, kb: ActorKB | None, lookup: NameLookup) -> tuple[list[str], tuple[str, ...]]:
    """Capitalised single words inside the phrase that name no actor ("Tigray" in a KB without
    it): places to search for in the texts; also reported as unresolved."""
    out = []
    for found in WORD.finditer(text):
        word = found.group(0)
        if (word[:1].isupper() and word.lower() not in GENERIC and found.start() > 0
                and not _resolve(word, kb, lookup([word])) and len(word) > 2):
            out.append(word)
    return out, tuple(out)


def _topic_words(text: str, kb: ActorKB | None, lookup: NameLookup) -> list[str]:
    """Content words in lower case: no stop or conflict-kind word, no actor name; a hyphenated
    word is split ("electric-vehicle"), one with a digit kept whole ("S-400")."""
    out = []
    for found in WORD.finditer(text):
        word = found.group(0)
        if word[:1].isupper() or _resolve(word, kb, lookup([word]), any_case=True):
            continue
        pieces = [word] if any(c.isdigit() for c in word) else word.split("-")
        out += [p.lower() for p in pieces if p.lower() not in GENERIC and len(p) > 2]
    return out


def _by_territory(text: str, conflicts: Conflicts) -> Conflict | None:
    for conflict in conflicts.items:
        for place in conflict.territories:
            if re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text):
                return conflict
    return None


def _blank_conflict(text: str, conflict: Conflict | None) -> str:
    """The text with the conflict's own name blanked, so it is not read as an actor."""
    if conflict is None:
        return text
    for name in sorted(conflict.names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", lambda m: " " * len(m.group(0)),
                      text, flags=re.IGNORECASE)
    return text


def _strip_period(text: str) -> str:
    """The question without its period ("between 1991 and 1994", "since 2008")."""
    for pattern, _ in PERIODS:
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    return text


def split_compounds(text: str, kb: ActorKB | None, lookup: NameLookup) -> str:
    """ "Gondor-Mordor war" → "Gondor Mordor war" when the hyphenated word names no actor but
    each of its parts does ("al-Shabab" and "Nagorno-Karabakh" stay whole)."""
    def part(found: re.Match[str]) -> str:
        word = found.group(0)
        pieces = word.split("-")
        if len(pieces) < 2 or _resolve(word, kb, lookup([word])):
            return word
        if all(p[:1].isupper() and _resolve(p, kb, lookup([p])) for p in pieces):
            return word.replace("-", " ")
        return word
    return re.sub(r"[A-Za-zÀ-ÿ][\w'’.]*(?:-[A-Za-zÀ-ÿ][\w'’.]*)+", part, text)


def find_actors(text: str, *, kb: ActorKB | None, names: NameLookup | dict[str, str] | None = None
                ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actor keys named in ``text`` (longest names first), and capitalised leftovers."""
    spans = actor_spans(text, kb=kb, names=names)
    keys = tuple(dict.fromkeys(key for _, _, key in spans))
    text = split_compounds(text, kb, _lookup(names))
    used = {(a, b) for a, b, _ in spans}
    leftovers = tuple(m.group(0) for m in WORD.finditer(text)
                      if m.start() > 0 and m.group(0)[:1].isupper()
                      and m.group(0).lower() not in GENERIC
                      and not any(a <= m.start() < b for a, b in used))
    return keys, leftovers


def actor_spans(text: str, *, kb: ActorKB | None, names: NameLookup | dict[str, str] | None = None
                ) -> list[tuple[int, int, str]]:
    """(start, end, actor key) of the actor names in ``text``, longest names first, in text
    order."""
    lookup = _lookup(names)
    text = split_compounds(text, kb, lookup)
    tokens = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    spans = [(i, size) for size in (5, 4, 3, 2, 1) for i in range(len(tokens) - size + 1)]
    phrases = [text[tokens[i][0]:tokens[i + size - 1][1]] for i, size in spans]
    any_case = text == text.lower()
    # the store is asked only about phrases the KB does not know
    known = lookup([p for p in phrases if (any_case or any(c.isupper() for c in p))
                    and p.lower() not in GENERIC and not _resolve(p, kb, {}, any_case=any_case)])
    found: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for (i, size), phrase in zip(spans, phrases, strict=True):
        span = set(range(i, i + size))
        if used & span or (size == 1 and phrase.lower() in GENERIC):
            continue
        key = _resolve(phrase, kb, known, any_case=any_case)
        if key:
            found.append((tokens[i][0], tokens[i + size - 1][1], key))
            used.update(span)
    return sorted(found)


def _resolve(phrase: str, kb: ActorKB | None, names: dict[str, str], *, any_case: bool = False
             ) -> str | None:
    """The actor key ``phrase`` names. A phrase must carry a capital ("al-Shabab", "EU"),
    unless the whole question is in lower case (``any_case``): then "russia" is tried as
    "Russia" and "eu" as "EU"."""
    bare = re.sub(r"['’]s?$", "", phrase)
    forms = [phrase, bare]
    if any_case:
        forms += [bare.title(), *([bare.upper()] if len(bare) <= 4 else [])]
    for candidate in forms:
        if not any(c.isupper() for c in candidate):
            continue
        key = kbview.resolve_key(kb, candidate) or names.get(candidate.lower())
        if key:
            return key
        if candidate.isupper() and candidate in names.values():
            return candidate
    return None


YEAR = r"(1[89]\d\d|20\d\d)"
PERIODS: tuple[tuple[str, int], ...] = (
    (rf"\b(?:between|from)\s+{YEAR}\s+(?:and|to|until|till|-|–)\s+{YEAR}\b", 2),
    (rf"\b{YEAR}\s*[-–]\s*{YEAR}\b", 2),
    (rf"\b(?:since|after|from)\s+{YEAR}\b", 1),
    (rf"\b(?:before|until|till|up to)\s+{YEAR}\b", -1),
    (rf"\b(?:in|during)\s+{YEAR}\b", 0),
)


def read_period(text: str) -> tuple[int | None, int | None]:
    """Years named in the question: "between 1991 and 1994", "since 2008", "in 2020"."""
    for pattern, kind in PERIODS:
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
