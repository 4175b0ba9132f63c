"""Read and validate knowledge-base YAML files (format: docs/kb.md).

Every entry is checked when it is read; the first bad one raises a
``DictionaryError`` naming the file, the line, what was expected and the fix.
Entries are gathered in a ``KBDraft`` (mutable, merge-friendly) that
``KnowledgeBase`` freezes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polemos.actors.entries import (
    OFFICE_SECTORS,
    OFFICES,
    SECTORS,
    ActorKind,
    Membership,
    Metonym,
    Office,
    Period,
    SectorTerm,
)
from polemos.errors import DictionaryError
from polemos.yamldata import load_with_lines

SECTIONS = ("states", "igos", "defacto", "armed_groups", "regions", "people", "titles",
            "ambiguous")
KIND_SECTIONS = {"state": "states", "igo": "igos", "defacto": "defacto",
                 "armed_group": "armed_groups", "region": "regions"}
GROUP_KEYS = frozenset({"sector", "governs", "affiliate_of"})
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
ACTOR_KEYS = {
    "code", "kind", "names", "adjectives", "demonyms", "metonyms", "start", "end", "parent",
    "patron", "successor", "plover", "members", "co_chairs", "part_of", "note", *GROUP_KEYS,
}
PERSON_KEYS = {"name", "aliases", "offices", "note"}
OFFICE_KEYS = {"office", "country", "start", "end", "sector", "title", "note"}
HELP = "See docs/kb.md for the knowledge-base format."



@dataclass
class KBDraft:
    """Raw entries gathered from all files, merged in order (later files extend/override)."""

    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    titles: dict[str, list[str]] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    ambiguous_sources: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


def read_entries(path: str | Path) -> Any:
    """Parse a YAML file whose mappings carry their line numbers.

    Raises:
        DictionaryError: the file is missing or not valid YAML.
    """
    p = Path(path)
    if not p.is_file():
        raise DictionaryError(str(p), "file not found. Pass an existing YAML knowledge-base file.")
    return load_with_lines(
        p.read_text(encoding="utf-8"), path=str(p),
        expected="Each file is a list of mappings ('- code: RUS' …). " + HELP,
    )


def add_file(draft: KBDraft, path: str | Path, section: str | None = None) -> int:
    """Add every entry of ``path`` to ``draft``; return how many entries were read.

    ``section`` names the file's kind (states, igos …); ``None`` means a user file,
    either a mapping of sections or a list whose entries say or imply their kind.
    """
    data = read_entries(path)
    where = str(path)
    draft.sources.append(where)
    if data is None:
        return 0
    if isinstance(data, dict) and section is None:
        n = 0
        for key, items in data.items():
            if key == "__line__":
                continue
            if key not in SECTIONS:
                raise DictionaryError(where, f"unknown section {key!r}; expected one of "
                                      f"{', '.join(SECTIONS)}. " + HELP, line=data["__line__"])
            n += _add_list(draft, where, items, key)
        return n
    return _add_list(draft, where, data, section)


def _add_list(draft: KBDraft, where: str, items: Any, section: str | None) -> int:
    if not isinstance(items, list):
        raise DictionaryError(where, "expected a YAML list of entries ('- code: …'), got "
                              f"{type(items).__name__}. " + HELP)
    for item in items:
        if not isinstance(item, dict):
            raise DictionaryError(where, f"each entry must be a mapping, got {item!r}. " + HELP)
        kind = section or _infer_section(item, where)
        ADDERS[kind](draft, where, item)
    return len(items)


def _infer_section(item: dict[str, Any], where: str) -> str:
    if "offices" in item or ("name" in item and "code" not in item and "candidates" not in item):
        return "people"
    if "candidates" in item:
        return "ambiguous"
    if "titles" in item:
        return "titles"
    if "code" in item:
        return KIND_SECTIONS.get(str(item.get("kind")), "actor")
    raise DictionaryError(where, "cannot tell what this entry is: give 'code' (an actor), "
                          "'name' + 'offices' (a person), 'office' + 'titles' or 'name' + "
                          "'candidates'. " + HELP, line=item["__line__"])


def parse_date(value: Any, where: str, line: int, *, is_end: bool) -> dt.date | None:
    """A YAML date, 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; ends of periods go to the period's end."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    try:
        if m is None:
            raise ValueError(text)
        year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if day:
            return dt.date(year, month, day)
        if month:
            first = dt.date(year, month, 1)
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1) if is_end else first
        return dt.date(year, 12, 31) if is_end else dt.date(year, 1, 1)
    except ValueError as err:
        raise DictionaryError(where, f"date {value!r} is not valid. Write YYYY-MM-DD, YYYY-MM "
                              "or YYYY; leave 'end' out while it lasts.", line=line) from err


def _period(item: dict[str, Any], where: str) -> Period:
    line = item["__line__"]
    period = Period(parse_date(item.get("start"), where, line, is_end=False),
                    parse_date(item.get("end"), where, line, is_end=True))
    if period.start and period.end and period.end < period.start:
        raise DictionaryError(where, f"end {period.end} is before start {period.start}. "
                              "Swap them or fix the year.", line=line)
    return period


def _strings(item: dict[str, Any], key: str, where: str) -> list[str]:
    value = item.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise DictionaryError(where, f"{key!r} must be a list of strings, like "
                              f"'{key}: [Russia, Russian Federation]'.", line=item["__line__"])
    return [str(v).strip() for v in value if str(v).strip()]


def _check_keys(item: dict[str, Any], allowed: set[str], where: str, what: str) -> None:
    unknown = sorted(set(item) - allowed - {"__line__"})
    if unknown:
        raise DictionaryError(where, f"unknown key {unknown[0]!r} in {what} entry. Valid keys: "
                              f"{', '.join(sorted(allowed))}. " + HELP, line=item["__line__"])


def _check_code(code: Any, where: str, line: int, what: str = "code") -> str:
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise DictionaryError(where, f"{what} {code!r} is not valid: use an upper-case code such "
                              "as RUS (ISO alpha-3), OSCE_MG (an IGO) or NKR.", line=line)
    return code


def _sector(value: Any, where: str, line: int) -> str:
    if not isinstance(value, str) or value not in SECTORS:
        raise DictionaryError(where, f"unknown sector {value!r}. Valid sectors: "
                              f"{', '.join(sorted(SECTORS))}.", line=line)
    return value


def _memberships(item: dict[str, Any], key: str, where: str) -> list[Membership]:
    out: list[Membership] = []
    value = item.get(key) or []
    for entry in [value] if isinstance(value, (str, dict)) else value:
        if isinstance(entry, str):
            out.append(Membership(_check_code(entry, where, item["__line__"], key)))
            continue
        if not isinstance(entry, dict) or "code" not in entry:
            raise DictionaryError(where, f"each of {key!r} is a code or {{code: RUS, start: …}}.",
                                  line=item["__line__"])
        _check_keys(entry, {"code", "start", "end", "note"}, where, key)
        out.append(Membership(_check_code(entry["code"], where, entry["__line__"], key),
                              _period(entry, where)))
    return out


def _metonyms(item: dict[str, Any], where: str) -> list[Metonym]:
    out: list[Metonym] = []
    for entry in item.get("metonyms") or []:
        if isinstance(entry, str):
            out.append(Metonym(entry.strip()))
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str):
            out.append(Metonym(entry["name"].strip(),
                               _sector(entry.get("sector", "GOV"), where, entry["__line__"])))
        else:
            raise DictionaryError(where, "each metonym is a string or {name: the Pentagon, "
                                  "sector: MIL}.", line=item["__line__"])
    return out


def _add_actor(draft: KBDraft, where: str, item: dict[str, Any], kind: ActorKind | None) -> None:
    line = item["__line__"]
    _check_keys(item, ACTOR_KEYS, where, "actor")
    code = _check_code(item.get("code"), where, line)
    old = draft.actors.get(code, {})
    kind = kind or item.get("kind") or old.get("kind")
    # A de facto entry may take over a pycountry code (ESH, TWN); no other kind may change.
    if old and kind and kind != old.get("kind") and (kind, old.get("kind")) != ("defacto", "state"):
        raise DictionaryError(where, f"code {code} is already used by an actor of kind "
                              f"{old.get('kind')} ({old.get('source', 'pycountry')}); one of kind "
                              f"{kind} cannot reuse it. Pick another code (e.g. NON_ALIGNED "
                              "instead of NAM, BRN_TH instead of BRN).", line=line)
    if kind not in KIND_SECTIONS:
        raise DictionaryError(where, f"cannot tell what kind of actor {code} is: add 'kind: "
                              f"state' (or {', '.join(list(KIND_SECTIONS)[1:])}).", line=line)
    new: dict[str, Any] = {"code": code, "kind": kind, "source": f"{where}, line {line}"}
    for key in ("names", "adjectives", "demonyms"):
        new[key] = list(dict.fromkeys(old.get(key, []) + _strings(item, key, where)))
    new["metonyms"] = list(dict.fromkeys(old.get("metonyms", []) + _metonyms(item, where)))
    for key in ("members", "co_chairs", "part_of", "governs", "affiliate_of"):
        new[key] = _memberships(item, key, where) if key in item else old.get(key, [])
    new["sectors"] = _sectors(item, where) if "sector" in item else old.get("sectors", [])
    for key in ("parent", "patron", "successor"):
        value = item.get(key, old.get(key))
        new[key] = None if value is None else _check_code(value, where, line, key)
    new["plover"] = item.get("plover", old.get("plover"))
    new["period"] = _period(item, where) if {"start", "end"} & set(item) else old.get("period")
    if not new["names"]:
        raise DictionaryError(where, f"{code} has no names: add 'names: [...]' with the short "
                              "names used in text.", line=line)
    _check_kind_fields(new, item, where)
    draft.actors[code] = new


def _check_kind_fields(new: dict[str, Any], item: dict[str, Any], where: str) -> None:
    """Armed groups need a sector and a place; regions a state; other kinds no group fields."""
    code, kind, line = new["code"], new["kind"], item["__line__"]
    if kind != "armed_group" and GROUP_KEYS & set(item):
        key = min(GROUP_KEYS & set(item))
        raise DictionaryError(where, f"{key!r} is only for armed groups, and {code} is a {kind}. "
                              "Add 'kind: armed_group' or remove the key. " + HELP, line=line)
    if kind == "armed_group" and not new["sectors"]:
        raise DictionaryError(where, f"armed group {code} has no sector: add 'sector: REB' "
                              "(PRM for pro-government militias, CRM for cartels and gangs).",
                              line=line)
    placed = new["parent"] or new["part_of"] or new["plover"]
    if kind in ("armed_group", "region") and not placed:
        raise DictionaryError(where, f"{kind} {code} is not placed anywhere: add 'part_of: "
                              "[SOM]' (where it operates, or the state it belongs to).", line=line)


def _sectors(item: dict[str, Any], where: str) -> list[SectorTerm]:
    """'sector: REB', or dated terms '[{sector: PRM, end: 2023-04-14}, {sector: REB, …}]'."""
    value, line = item.get("sector"), item["__line__"]
    if isinstance(value, str):
        return [SectorTerm(_sector(value, where, line))]
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise DictionaryError(where, "'sector' is a sector code or a list of "
                              "{sector: PRM, start: …, end: …}.", line=line)
    for term in value:
        _check_keys(term, {"sector", "start", "end", "note"}, where, "sector")
    terms = [SectorTerm(_sector(v.get("sector"), where, v["__line__"]), _period(v, where))
             for v in value]
    return sorted(terms, key=lambda t: t.period.start or dt.date.min)


def _add_person(draft: KBDraft, where: str, item: dict[str, Any]) -> None:
    line = item["__line__"]
    _check_keys(item, PERSON_KEYS, where, "person")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DictionaryError(where, "a person needs 'name: Full Name'.", line=line)
    old = draft.people.get(name, {})
    offices = [_office(o, where, line) for o in item.get("offices") or []]
    draft.people[name] = {
        "name": name, "source": f"{where}, line {line}",
        "aliases": list(dict.fromkeys(old.get("aliases", []) + _strings(item, "aliases", where))),
        "offices": offices if "offices" in item else old.get("offices", []),
    }


def _office(entry: Any, where: str, line: int) -> Office:
    if not isinstance(entry, dict):
        raise DictionaryError(where, "each office is {office: foreign_minister, country: RUS, "
                              "start: 2004-03-09}.", line=line)
    line = entry["__line__"]
    _check_keys(entry, OFFICE_KEYS, where, "office")
    office = entry.get("office")
    if office not in OFFICES:
        raise DictionaryError(where, f"unknown office {office!r}. Valid offices: "
                              f"{', '.join(OFFICES)}.", line=line)
    sector = _sector(entry.get("sector", OFFICE_SECTORS.get(office, "GOV")), where, line)
    return Office(office, _check_code(entry.get("country"), where, line, "country"),
                  _period(entry, where), sector, entry.get("title"), entry.get("note"))


def _add_titles(draft: KBDraft, where: str, item: dict[str, Any]) -> None:
    office = item.get("office")
    if office not in OFFICES:
        raise DictionaryError(where, f"unknown office {office!r}. Valid offices: "
                              f"{', '.join(OFFICES)}.", line=item["__line__"])
    titles = [t.lower() for t in _strings(item, "titles", where)]
    draft.titles[office] = list(dict.fromkeys(draft.titles.get(office, []) + titles))


def _add_ambiguous(draft: KBDraft, where: str, item: dict[str, Any]) -> None:
    line = item["__line__"]
    name = item.get("name")
    if not isinstance(name, str) or not item.get("candidates"):
        raise DictionaryError(where, "an ambiguous entry is {name: Brussels, candidates: "
                              "[EU, NATO, BEL]}.", line=line)
    draft.ambiguous_sources[name] = f"{where}, line {line}"
    draft.ambiguous[name] = [_check_code(c, where, line, "candidate")
                             for c in _strings(item, "candidates", where)]


ADDERS: dict[str, Any] = {
    "states": lambda d, w, i: _add_actor(d, w, i, "state"),
    "igos": lambda d, w, i: _add_actor(d, w, i, "igo"),
    "defacto": lambda d, w, i: _add_actor(d, w, i, "defacto"),
    "armed_groups": lambda d, w, i: _add_actor(d, w, i, "armed_group"),
    "regions": lambda d, w, i: _add_actor(d, w, i, "region"),
    "actor": lambda d, w, i: _add_actor(d, w, i, None),
    "people": _add_person,
    "titles": _add_titles,
    "ambiguous": _add_ambiguous,
}


def check_references(draft: KBDraft) -> None:
    """Every code an entry points at (parent, member, office country …) must exist.

    Raises:
        DictionaryError: naming the entry's file and line and the unknown code.
    """
    known = set(draft.actors)

    def need(code: str | None, source: str, what: str) -> None:
        if code is not None and code not in known:
            path, _, line = source.rpartition(", line ")
            raise DictionaryError(path, f"{what} {code!r} is not a known actor code. Add it to "
                                  "the knowledge base or fix the spelling.", line=int(line))

    for actor in draft.actors.values():
        for key in ("parent", "patron", "successor"):
            need(actor[key], actor["source"], key)
        for membership in actor["members"] + actor["co_chairs"]:
            need(membership.code, actor["source"], "member")
        for key in ("part_of", "governs", "affiliate_of"):
            for link in actor.get(key, []):
                need(link.code, actor["source"], key)
    for person in draft.people.values():
        for office in person["offices"]:
            need(office.country, person["source"], "office country")
    for name, candidates in draft.ambiguous.items():
        for code in candidates:
            need(code, draft.ambiguous_sources[name], f"candidate of {name!r}")
