"""The time-aware knowledge base of actors: states, organisations, de facto states, people.

``load_kb()`` reads pycountry, the package's YAML files (``polemos/data/kb``) and any
user files, validating every entry. The ``KnowledgeBase`` answers the questions
the other stages ask:

- ``kb.lookup(name, when=)``   candidate actors for a name ("Moscow", "Minsk Group" …)
- ``kb.name_of(code)``, ``kb.kind(code)``, ``kb.actor(code)``, ``kb.person(name)``
- ``kb.members(code, when)`` / ``kb.co_chairs(code, when)`` for groupings
- ``kb.wholes(code, when=)`` / ``kb.parts(code, when=)``   what it is part of / what is part of it
- ``kb.holder(office, country, when)``  who held an office at a date
- ``kb.plover_code(code)``   PLOVER export: de facto states → (parent, "PRE"), IGOs → IGO/UNO/…,
  armed groups → (main country or IMG, sector); ``kb.plover_entity(code)`` adds their identity
- ``kb.stands_for(code, when)``   what a mention codes as: a region → its state, the Taliban
  after 2021-08-15 → AFG GOV, an armed group → itself with its sector at that date
- ``kb.near(name, n)``   "did you mean" suggestions
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from polemos.actors.entries import (
    Actor,
    ActorKind,
    NameEntry,
    Office,
    Period,
    Person,
)
from polemos.actors.kbload import SECTIONS, KBDraft, add_file, check_references
from polemos.actors.partonomy import closure, first_state, invert, whole_links
from polemos.actors.plover import PloverEntity, Standing, plover_entity, stands_for

FUZZY_CACHE_SIZE = 50_000
PACKAGE_FILES = ("states", "igos", "defacto", "armed_groups", "regions", "ambiguous", "titles",
                 "people")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One thing a name can stand for, as ``kb.lookup`` returns it."""

    code: str | None
    kind: str  # state | igo | defacto | armed_group | region | person
    role: str  # name | adjective | demonym | metonym | person
    sector: str | None = None
    person: str | None = None


def normalise(name: str) -> str:
    """Strip a leading article and a possessive: "the Kremlin's" → "Kremlin"."""
    text = " ".join(name.replace("’", "'").split())
    for prefix in ("the ", "The "):
        text = text.removeprefix(prefix)
    for suffix in ("'s", "'"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
    return text


class KnowledgeBase:
    """Actors, people, titles and ambiguous names, indexed for lookup. Treat as immutable."""

    def __init__(self, actors: dict[str, Actor], people: dict[str, Person],
                 titles: dict[str, tuple[str, ...]], ambiguous: dict[str, tuple[str, ...]],
                 sources: tuple[str, ...] = ()) -> None:
        self.actors = actors
        self.people = people
        self.titles = titles
        self.ambiguous = ambiguous
        self.sources = sources
        self.names: dict[str, tuple[NameEntry, ...]] = _name_index(actors, people)
        for name, candidates in ambiguous.items():  # so that the phrase matcher sees them
            self.names.setdefault(name, (NameEntry("name", candidates[0]),))
        self.lower_names: dict[str, tuple[NameEntry, ...]] = {}
        for surface, entries in self.names.items():
            self.lower_names[surface.lower()] = self.lower_names.get(surface.lower(), ()) + entries
        self.title_office = {t: office for office, ts in titles.items() for t in ts}
        self.holders: dict[tuple[str, str], list[tuple[Office, str]]] = {}
        for person in people.values():
            for office in person.offices:
                self.holders.setdefault((office.office, office.country), []).append(
                    (office, person.name))
        self.cache: dict[Any, Any] = {}  # compiled matchers, keyed by vocab (see matching.py)
        self.fuzzy_cache: dict[tuple[str, float], str | None] = {}

    def actor(self, code: str) -> Actor | None:
        return self.actors.get(code)

    def person(self, name: str) -> Person | None:
        return self.people.get(name)

    def kind(self, code: str) -> ActorKind | None:
        actor = self.actors.get(code)
        return actor.kind if actor else None

    def name_of(self, code: str) -> str:
        """The usual short name of ``code`` ("RUS" → "Russia"); the code itself if unknown."""
        actor = self.actors.get(code)
        return actor.name if actor else code

    def lookup(self, name: str, *, when: dt.date | None = None) -> list[Candidate]:
        """What ``name`` can stand for at ``when``, most likely first (ambiguous names too)."""
        key = normalise(name)
        if key in self.ambiguous:
            return [Candidate(c, self.kind(c) or "state", "name") for c in self.ambiguous[key]]
        entries = self.names.get(key) or self.lower_names.get(key.lower()) or ()
        out = [self._candidate(e, when) for e in entries]
        alive = [c for c in out if c.code is None or self._exists(c.code, when)]
        unique: dict[tuple[str | None, str | None], Candidate] = {}
        for candidate in alive or out:
            unique.setdefault((candidate.code, candidate.person), candidate)
        return list(unique.values())

    def _candidate(self, entry: NameEntry, when: dt.date | None) -> Candidate:
        if entry.person is not None:
            office = self.people[entry.person].office_at(when)
            return Candidate(office.country if office else None, "person", "person",
                             office.sector if office else None, entry.person)
        code = entry.code or ""
        actor = self.actors.get(code)
        sector = entry.sector or (actor.sector_at(when) if actor else None)
        return Candidate(code, self.kind(code) or "state", entry.role, sector)

    def _exists(self, code: str, when: dt.date | None) -> bool:
        actor = self.actors.get(code)
        return actor is None or actor.period.covers(when)

    def members(self, code: str, when: dt.date | None = None) -> tuple[str, ...]:
        """Member codes of a grouping at ``when`` (all members ever when ``when`` is None)."""
        actor = self.actors.get(code)
        if actor is None:
            return ()
        return tuple(dict.fromkeys(m.code for m in actor.members if m.period.covers(when)))

    def co_chairs(self, code: str, when: dt.date | None = None) -> tuple[str, ...]:
        """Co-chairs of a grouping at ``when`` (e.g. OSCE_MG → RUS, FRA, USA)."""
        actor = self.actors.get(code)
        if actor is None:
            return ()
        return tuple(dict.fromkeys(m.code for m in actor.co_chairs if m.period.covers(when)))

    def wholes(self, code: str, *, when: dt.date | None = None,
               members: bool = False) -> tuple[str, ...]:
        """Everything ``code`` is part of or operates in at ``when``, transitively, nearest
        first: NKR → ("AZE",); an IS province → its state(s); a region → its state.

        ``members=True`` adds the groupings it is a member of (ARM → CSTO, CIS …).
        ``when=None`` follows every link whatever its dates.
        """
        return closure(code, self._links(members)[0], when)

    def parts(self, code: str, *, when: dt.date | None = None,
              members: bool = False) -> tuple[str, ...]:
        """The inverse of ``wholes``: UKR → DPR, LPR, CRIMEA …, the armed groups operating in
        it; with ``members=True`` a grouping's member states too."""
        return closure(code, self._links(members)[1], when)

    def affiliations(self, code: str, *, when: dt.date | None = None) -> tuple[str, ...]:
        """The organisations an armed group had pledged to at ``when`` (al-Shabab → AL_QAEDA);
        a different relation from ``wholes``: a pledge is not a place."""
        actor = self.actors.get(code)
        if actor is None:
            return ()
        return tuple(dict.fromkeys(a.code for a in actor.affiliations if a.period.covers(when)))

    def _links(self, members: bool) -> tuple[Any, Any]:
        key = ("partonomy", members)
        if key not in self.cache:
            up = whole_links(self.actors, members=members)
            self.cache[key] = (up, invert(up))
        return self.cache[key]  # type: ignore[no-any-return]

    def holder(self, office: str, country: str, when: dt.date | None) -> Person | None:
        """Who held ``office`` for ``country`` at ``when`` (the latest appointee if several)."""
        terms = [(o, name) for o, name in self.holders.get((office, country), [])
                 if o.period.covers(when)]
        if not terms:
            return None
        _, name = max(terms, key=lambda t: t[0].period.start or dt.date.min)
        return self.people[name]

    def state_of(self, code: str, *, when: dt.date | None = None) -> str | None:
        """The state ``code`` is or belongs to: a region's, a de facto state's parent, an armed
        group's main country of operation (its first whole that leads to a state)."""
        return first_state(self.actors, code, when)

    def stands_for(self, code: str, when: dt.date | None) -> Standing:
        """What a mention of ``code`` at ``when`` codes as (see ``Standing``)."""
        return stands_for(self, code, when)

    def plover_code(self, code: str, *, when: dt.date | None = None) -> tuple[str, str | None]:
        """PLOVER's (country, sector) for one of our codes: NKR → (AZE, PRE), OSCE → (IGO, None),
        SHABAAB → (SOM, REB), ISIL → (IMG, REB), BALOCHISTAN → (PAK, None)."""
        entity = self.plover_entity(code, when=when)
        return entity.country, entity.sector

    def plover_entity(self, code: str, *, when: dt.date | None = None) -> PloverEntity:
        """PLOVER country and sector with the identity a PLOVER entity record keeps beside
        them (our code and name: "al-Shabaab" exported as SOM + REB, not as Somalia)."""
        return plover_entity(self, code, when)

    def near(self, name: str, n: int = 5) -> list[str]:
        """Known names closest to ``name``, for "did you mean" messages."""
        choices = list(self.names)
        hits = process.extract(name, choices, scorer=JaroWinkler.normalized_similarity, limit=n)
        return [hit[0] for hit in hits]

    def fuzzy(self, text: str, threshold: float) -> str | None:
        """The known actor name that ``text`` misspells, or None (cached per KB)."""
        key = (text, threshold)
        if key not in self.fuzzy_cache:
            if len(self.fuzzy_cache) >= FUZZY_CACHE_SIZE:  # bounded over a long corpus
                self.fuzzy_cache.clear()
            self.fuzzy_cache[key] = self._fuzzy(text, threshold)
        return self.fuzzy_cache[key]

    def _fuzzy(self, text: str, threshold: float) -> str | None:
        choices = self.cache.get("fuzzy_choices")
        if choices is None:
            choices = [s for s, es in self.names.items()
                       if len(s) >= 6 and any(e.person is None for e in es)]
            self.cache["fuzzy_choices"] = choices
        hit = process.extractOne(text, choices, scorer=JaroWinkler.normalized_similarity,
                                 score_cutoff=threshold / 100)
        if hit is None:
            return None
        found: str = hit[0]
        low, known = text.lower(), found.lower()
        if known.startswith(low) or low == known + "s":
            return None  # "Emirate", "Americas": another word ("Kampuchean" is fine)
        # Jaro-Winkler forgives a lot after a shared prefix; cap the edits as well
        # (one edit up to 9 letters, two from 10: "Azerbadzan" → "Azerbaijan").
        if found[0].lower() != text[0].lower() or Levenshtein.distance(
                found.lower(), text.lower()) > max(1, len(found) // 5):
            return None
        return found


# a hyphen between two words of a name, which texts often write as a space
HYPHENATED = re.compile(r"(?<=[A-Za-z])-(?=[A-Z])")


def _name_index(actors: dict[str, Actor], people: dict[str, Person]
                ) -> dict[str, tuple[NameEntry, ...]]:
    index: dict[str, list[NameEntry]] = {}

    def add(surface: str, entry: NameEntry) -> None:
        surface = normalise(surface)
        if surface and entry not in index.setdefault(surface, []):
            index[surface].append(entry)

    for actor in actors.values():
        for name in actor.names:
            add(name, NameEntry("name", actor.code))
        for name in actor.adjectives:
            add(name, NameEntry("adjective", actor.code))
        for name in actor.demonyms:
            add(name, NameEntry("demonym", actor.code))
        for metonym in actor.metonyms:
            add(metonym.name, NameEntry("metonym", actor.code, sector=metonym.sector))
    for person in people.values():
        for name in (person.name, *person.aliases):
            add(name, NameEntry("person", person=person.name))
    for surface, entries in list(index.items()):
        dotted_form = dotted(surface)
        # "C.A.R." and, as news also prints it when a sentence or a typo eats the last dot, "C.A.R"
        for form in (dotted_form, dotted_form[:-1]) if dotted_form else ():
            if form not in index:
                index[form] = [e for e in entries if not e.person]
        spaced = HYPHENATED.sub(" ", surface)  # "Guinea Bissau", "Nagorno Karabakh"
        if spaced != surface and spaced not in index:
            index[spaced] = [e for e in entries if e.role == "name"]
    return {surface: tuple(entries) for surface, entries in index.items() if entries}


ACRONYM = re.compile(r"[A-Z]{2,5}")


def dotted(surface: str) -> str | None:
    """The dotted spelling of an acronym name ("CAR" → "C.A.R."), which news writes as often
    as the bare one: every acronym of the KB is found in both spellings."""
    if not ACRONYM.fullmatch(surface):
        return None
    return "".join(f"{letter}." for letter in surface)


def package_files() -> list[tuple[Path, str]]:
    """The package's KB files that exist, in load order, with their section."""
    root = Path(str(resources.files("polemos") / "data" / "kb"))
    return [(root / f"{name}.yaml", name) for name in PACKAGE_FILES
            if (root / f"{name}.yaml").is_file()]


def _pycountry_draft() -> KBDraft:
    draft = KBDraft()
    for country in pycountry.countries:
        names = [getattr(country, key, None) for key in ("common_name", "name", "official_name")]
        draft.actors[country.alpha_3] = {
            "code": country.alpha_3, "kind": "state", "source": "pycountry",
            "names": list(dict.fromkeys(n for n in names if n)), "adjectives": [],
            "demonyms": [], "metonyms": [], "members": [], "co_chairs": [], "parent": None,
            "patron": None, "successor": None, "plover": None, "period": None, "part_of": [],
        }
    return draft


def load_kb(extra: Sequence[str] = ()) -> KnowledgeBase:
    """Build the knowledge base: pycountry, then the package files, then ``extra`` user files.

    User files extend entries with the same code or name (names, aliases are added;
    dates, parents and offices are replaced when given) and add new ones.

    Raises:
        DictionaryError: a file is missing, is not valid YAML, or has a bad entry
            (the message names the file, the line and the fix).
    """
    return _load(tuple(str(p) for p in extra))


def kb_from_files(paths: Sequence[str]) -> KnowledgeBase:
    """A knowledge base from ``paths`` only (no pycountry, no package data): for tests and tools.

    Raises:
        DictionaryError: as ``load_kb``.
    """
    draft = KBDraft()
    for path in paths:
        add_file(draft, path)
    return freeze(draft)


@functools.lru_cache(maxsize=1)
def _package_draft() -> KBDraft:
    draft = _pycountry_draft()
    for path, section in package_files():
        add_file(draft, path, section)
    return draft


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> KnowledgeBase:
    if not extra:  # freezing reads the draft and copies what it keeps: no copy needed
        return freeze(_package_draft())
    draft = copy.deepcopy(_package_draft())
    for path in extra:
        add_file(draft, path)
    return freeze(draft)


def freeze(draft: KBDraft) -> KnowledgeBase:
    """Check cross-references and build the immutable KnowledgeBase."""
    check_references(draft)
    actors = {code: Actor(
        code=a["code"], kind=a["kind"], names=tuple(a["names"]),
        adjectives=tuple(a["adjectives"]), demonyms=tuple(a["demonyms"]),
        metonyms=tuple(a["metonyms"]), period=a["period"] or Period(), parent=a["parent"],
        patron=a["patron"], successor=a["successor"], plover=a["plover"],
        members=tuple(a["members"]), co_chairs=tuple(a["co_chairs"]), source=a["source"],
        part_of=tuple(a.get("part_of", [])), sectors=tuple(a.get("sectors", [])),
        governs=tuple(a.get("governs", [])), affiliations=tuple(a.get("affiliate_of", [])),
    ) for code, a in draft.actors.items()}
    people = {name: Person(name, tuple(p["aliases"]), tuple(p["offices"]), p["source"])
              for name, p in draft.people.items()}
    titles = {office: tuple(ts) for office, ts in draft.titles.items()}
    ambiguous = {normalise(name): tuple(cs) for name, cs in draft.ambiguous.items()}
    return KnowledgeBase(actors, people, titles, ambiguous, tuple(draft.sources))


def check_file(path: str) -> int:
    """Validate a user KB file against the package KB; return its number of entries.

    Raises:
        DictionaryError: naming the file, line and fix.
    """
    draft = copy.deepcopy(_package_draft())
    n = add_file(draft, path)
    freeze(draft)
    return n


__all__ = [
    "SECTIONS", "Candidate", "KnowledgeBase", "PloverEntity", "Standing", "check_file",
    "kb_from_files", "load_kb", "normalise",
]
