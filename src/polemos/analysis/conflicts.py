"""Conflicts as data: the optional definitions (names, parties, territories).

A definition enriches a scope (its territories and aliases are searched in the texts, its
parties are the sides) but never gates it: which documents concern a conflict is decided by
relevance (see ``scope``), and conflicts without a definition are discovered from the data
(see ``discover``) or read from the question. A conflict file is a YAML list of mappings (see
``data/conflicts.yaml`` for the fields). Users add their own file; an entry with the name of a
built-in one replaces it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process, utils

from polemos.errors import DictionaryError, QueryError

FIELDS = {"name", "aliases", "parties", "outside", "territories", "patrons", "start", "end"}
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]*(:[A-Z]{3})?$")


@functools.lru_cache(maxsize=256)
def _party_keys(parties: tuple[str, ...]) -> tuple[str, ...]:
    """Computed once per set of parties: the role finders ask for them once per event."""
    from polemos.analysis.kbview import key_of, split_key

    return tuple(dict.fromkeys(key_of(*split_key(p)) for p in parties))


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflict: who the sides are, what it is called, where and when."""

    name: str
    parties: tuple[str, ...]  # "CODE" or "CODE:SECTOR"
    aliases: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    patrons: tuple[tuple[str, str], ...] = ()  # (de facto party, patron)
    start: dt.date | None = None
    end: dt.date | None = None
    topic: tuple[str, ...] = ()  # words that mark a sentence as on-topic (inferred scopes)
    is_inferred: bool = False  # read from a question
    is_discovered: bool = False  # found in the data by ``discover``
    documents: tuple[str, ...] = ()  # a discovered conflict's documents (always in scope)

    @property
    def label(self) -> str:
        """How a sentence names it: "the Nagorno-Karabakh conflict", "the insurgency in
        Balochistan" (a conflict read from a question keeps the question's words)."""
        if self.is_inferred:
            return self.name
        kinds = r"(?:conflict|war|crisis|dispute|insurgency|standoff|tensions|question|problem)"
        if re.search(rf"\b{kinds}\b", self.name, re.IGNORECASE):
            return self.name if re.match(r"(?i)(?:the|a|an)\s", self.name) else f"the {self.name}"
        return f"the {self.name} conflict"

    @property
    def how(self) -> str:
        """defined, discovered or inferred."""
        return "inferred" if self.is_inferred else "discovered" if self.is_discovered \
            else "defined"

    @property
    def party_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(party_code(p) for p in self.parties))

    @property
    def party_keys(self) -> tuple[str, ...]:
        """The parties as actor keys: "BLR:GOV" → "BLR", "SOM:REB" stays (see kbview)."""
        return _party_keys(self.parties)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def is_party(self, code: str, sector: str | None = None) -> bool:
        return any(matches_party(code, sector, p) for p in self.parties)

    def mentions_in(self, text: str) -> list[str]:
        """The conflict's names and territories that occur in ``text``."""
        return [m.group(0) for m in _place_regex(self).finditer(text)]

    def spans_in(self, text: str) -> list[tuple[int, int]]:
        """Where the conflict's names and territories occur in ``text``."""
        return [m.span() for m in _place_regex(self).finditer(text)]


def party_code(party: str) -> str:
    return party.split(":", 1)[0]


def matches_party(code: str, sector: str | None, party: str) -> bool:
    """Whether an actor (code, sector) is the party "CODE" or "CODE:SECTOR"."""
    want, _, want_sector = party.partition(":")
    if code != want:
        return False
    return not want_sector or sector == want_sector


_REGEX_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _place_regex(conflict: Conflict) -> re.Pattern[str]:
    """Names and territories as whole words, not followed by another capitalised word (a
    longer name); topic words (inferred scopes) case-blind and with any ending ("programs")."""
    names = tuple(sorted({*conflict.territories, *conflict.names}, key=len, reverse=True))
    key = (*names, "|", *conflict.topic)
    if key not in _REGEX_CACHE:
        stems = [re.escape(w[:max(5, len(w) - 2)]) + r"\w*" for w in conflict.topic if w]
        alternation = "|".join([*(re.escape(w) for w in names if w), *stems])
        flags = "(?i)" if conflict.topic else ""
        _REGEX_CACHE[key] = re.compile(
            rf"{flags}(?<![\w-])(?:{alternation})(?![\w-])(?!(?-i:\s+[A-Z][a-z]))"
            if alternation else r"(?!x)x")
    return _REGEX_CACHE[key]


@dataclass(frozen=True)
class Conflicts:
    """The loaded definitions, looked up by name or alias."""

    items: tuple[Conflict, ...] = field(default=())

    def find(self, name: str) -> Conflict:
        """The conflict called ``name`` (or with that alias), case-insensitive.

        Raises:
            QueryError: no such conflict; the message lists the nearest names.
        """
        found = self.get(name)
        if found is not None:
            return found
        near = self.nearest(name)
        raise QueryError(
            f"unknown conflict {name!r}. Nearest known conflicts: {', '.join(near)}. "
            "Use one of these names, or add a definition with --conflicts FILE."
        )

    def get(self, name: str) -> Conflict | None:
        """By name or alias; else by territory when exactly one conflict has it."""
        key = _norm(name)
        for conflict in self.items:
            if key in {_norm(n) for n in conflict.names}:
                return conflict
        by_place = [c for c in self.items if key in {_norm(t) for t in c.territories}]
        return by_place[0] if len(by_place) == 1 else None

    def nearest(self, name: str, n: int = 3) -> list[str]:
        choices = {alias: c.name for c in self.items for alias in c.names}
        hits = process.extract(name, list(choices), scorer=fuzz.ratio,
                               processor=utils.default_process, limit=n * 3)
        return list(dict.fromkeys(choices[hit[0]] for hit in hits))[:n]

    def named_in(self, text: str) -> Conflict | None:
        """The conflict whose name or alias (else territory) occurs in ``text``, longest first."""
        best: tuple[int, Conflict] | None = None
        for conflict in self.items:
            for name in conflict.names:
                is_named = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
                if is_named and (best is None or len(name) > best[0]):
                    best = (len(name), conflict)
        return best[1] if best else None


def _norm(name: str) -> str:
    return re.sub(r"[\s\u2013\u2014_-]+", " ", name).strip().lower()


def load_conflicts(extra: Sequence[str | Path] = ()) -> Conflicts:
    """Built-in definitions, then each extra file (same name replaces).

    Raises:
        DictionaryError: a file is missing, not YAML, or has a bad entry (names the line).
    """
    by_name = {_norm(c.name): c for c in _builtin_conflicts()}
    for path in extra:
        p = Path(path)
        if not p.is_file():
            raise DictionaryError(str(p), "conflict file not found. Pass an existing YAML file.")
        for conflict in parse_conflicts(p.read_text("utf-8"), path=str(p)):
            by_name[_norm(conflict.name)] = conflict
    return Conflicts(tuple(by_name.values()))


@functools.cache
def _builtin_conflicts() -> tuple[Conflict, ...]:
    """The shipped definitions, parsed once per process (a brief asks for them twice)."""
    builtin = resources.files("polemos").joinpath("data/conflicts.yaml").read_text("utf-8")
    return tuple(parse_conflicts(builtin, path="conflicts.yaml"))


def parse_conflicts(text: str, *, path: str) -> list[Conflict]:
    """Parse and validate a conflict file; errors name the file and line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        raise DictionaryError(path, f"not valid YAML ({err}).") from err
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise DictionaryError(path, "expected a YAML list of conflicts (- name: ...).", line=1)
    loader = yaml.SafeLoader("")
    out = []
    for node in root.value:
        line = node.start_mark.line + 1
        entry = loader.construct_document(node)
        out.append(_conflict(entry, path=path, line=line))
    return out


def _conflict(entry: Any, *, path: str, line: int) -> Conflict:
    def fail(message: str) -> DictionaryError:
        return DictionaryError(path, message, line=line)

    if not isinstance(entry, dict):
        raise fail("each conflict must be a mapping with at least name and parties.")
    unknown = set(entry) - FIELDS
    if unknown:
        raise fail(f"unknown field(s) {sorted(unknown)}. Valid fields: {sorted(FIELDS)}.")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("missing 'name' (a non-empty string).")
    parties = _strings(entry.get("parties"), "parties", fail)
    if not parties:
        raise fail(f"conflict {name!r} has no parties. List the sides' actor codes: [ARM, AZE].")
    for code in parties + _strings(entry.get("outside"), "outside", fail):
        if not CODE_RE.match(code):
            raise fail(f"conflict {name!r}: {code!r} is not an actor code. Use codes like RUS, "
                       "OSCE_MG or BLR:OPP (code:sector).")
    patrons = entry.get("patrons") or {}
    if not isinstance(patrons, dict):
        raise fail(f"conflict {name!r}: 'patrons' must map a de facto party to its patron.")
    return Conflict(
        name=name.strip(), parties=tuple(parties),
        aliases=tuple(_strings(entry.get("aliases"), "aliases", fail)),
        outside=tuple(_strings(entry.get("outside"), "outside", fail)),
        territories=tuple(_strings(entry.get("territories"), "territories", fail)),
        patrons=tuple((str(k), str(v)) for k, v in patrons.items()),
        start=_date(entry.get("start"), "start", fail),
        end=_date(entry.get("end"), "end", fail, is_end=True),
    )


def _strings(value: Any, key: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f"'{key}' must be a list of strings, got {value!r}.")
    return [v.strip() for v in value]


def _date(value: Any, key: str, fail: Any, *, is_end: bool = False) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        raise fail(f"'{key}': {text!r} is not a date. Write YYYY, YYYY-MM or YYYY-MM-DD.")
    year, month, day = int(m[1]), int(m[2] or (12 if is_end else 1)), m[3]
    if not 1 <= month <= 12:
        raise fail(f"'{key}': month {month} is not valid. Write YYYY, YYYY-MM or YYYY-MM-DD.")
    if day:
        return dt.date(year, month, int(day))
    if is_end:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, month, 1)
