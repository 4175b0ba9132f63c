"""Reading a pattern file: CAMEO code families with their lemma classes, and word sets.

A file holds ``sets:`` (named word classes, WordNet-like, referenced as ``$name`` inside any
list) and ``families:`` (one per CAMEO root; each lists lemma classes). The older flat lists
``verbs:`` and ``nouns:`` (one pattern per entry) are still read; each entry becomes a class
of the family its code belongs to. The result is a list of ``Entry``: one per part of speech
of a class, ready to be checked and compiled by ``polemos.events.patterns``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from polemos.errors import DictionaryError
from polemos.yamldata import load_with_lines

Pos = Literal["verb", "noun"]

# CAMEO roots and the short name each family goes by in pattern ids ("fight.passive.shell")
FAMILIES: dict[str, str] = {
    "01": "statement", "02": "appeal", "03": "intend", "04": "consult", "05": "support",
    "06": "cooperate", "07": "aid", "08": "yield", "09": "investigate", "10": "demand",
    "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest", "15": "posture",
    "16": "reduce", "17": "coerce", "18": "assault", "19": "fight", "20": "massviolence",
}
CONSTRAINTS = {"type", "mode", "contexts", "frame", "prep", "object", "modifier", "governor",
               "light", "embeds", "actorless", "intent", "confidence", "modal", "negated",
               "command", "of_actor", "physical", "verbal", "senses", "not_object",
               "not_modifier", "needs_partner", "needs_recipient", "needs_complement",
               "topic_object", "inverse"}
CLASS_KEYS = CONSTRAINTS | {"class", "code", "verbs", "nouns"}
LEGACY_KEYS = CONSTRAINTS | {"id", "lemma", "code"}
FAMILY_KEYS = {"family", "root", "classes"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One part of speech of one lemma class, with its family, as written in the file."""

    family: str
    lemma_class: str
    pos: Pos
    fields: dict[str, Any]  # lemma, code and the constraint keys, sets expanded
    line: int | None
    legacy: bool = False  # an entry of the flat verbs:/nouns: lists (its id is kept as is)


def family_of(code: str) -> str | None:
    """The family name of a CAMEO code ("194" → "fight"), None when the root is unknown."""
    return FAMILIES.get(code[:2])


def read_lexicon(text: str, path: str) -> tuple[list[Entry], dict[str, frozenset[str]]]:
    """The entries and word sets of one pattern file.

    Raises:
        DictionaryError: bad YAML, an unknown top-level key, family, set or class key.
    """
    data = load_with_lines(text, path=path, expected="Fix the syntax; see docs/patterns.md.")
    allowed = {"sets", "families", "verbs", "nouns"}
    if not isinstance(data, dict) or not set(data) - {"__line__"} <= allowed:
        raise DictionaryError(path, "expected a mapping with sets:, families: (or the older "
                              "lists verbs: and nouns:); see docs/patterns.md")
    sets = _sets(data.get("sets") or {}, path)
    entries = list(_family_entries(data.get("families") or [], sets, path))
    entries += list(_legacy_entries(data, sets, path))
    return entries, sets


def _sets(raw: Any, path: str) -> dict[str, frozenset[str]]:
    """Word sets; a set may include another with ``$name`` (defined anywhere in the file)."""
    if not isinstance(raw, dict):
        raise DictionaryError(path, "sets: must map a set name to a list of words")
    line = raw.get("__line__")
    lists = {str(k): v for k, v in raw.items() if k != "__line__"}
    for name, words in lists.items():
        if not isinstance(words, list):
            raise DictionaryError(path, f'set "{name}" must be a list of words', line=line)
    out: dict[str, frozenset[str]] = {}

    def resolve(name: str, seen: tuple[str, ...]) -> frozenset[str]:
        if name in out:
            return out[name]
        if name not in lists or name in seen:
            problem = "includes itself" if name in seen else "is not defined under sets:"
            raise DictionaryError(path, f'word set "${name}" {problem} (known: '
                                  f"{', '.join(sorted(lists)) or 'none'})", line=line)
        words = {str(w).lower() for w in lists[name] if not _is_ref(w)}
        for ref in (str(w)[1:] for w in lists[name] if _is_ref(w)):
            words |= resolve(ref, (*seen, name))
        out[name] = frozenset(words)
        return out[name]

    for name in lists:
        resolve(name, ())
    return out


def _is_ref(word: Any) -> bool:
    """'$weapons' names a word set; '$' alone is the dollar sign."""
    return isinstance(word, str) and word.startswith("$") and len(word) > 1


def _lookup(name: str, sets: dict[str, frozenset[str]], path: str,
            line: int | None) -> frozenset[str]:
    if name not in sets:
        raise DictionaryError(path, f'unknown word set "${name}"; define it under sets: '
                              f"before using it (known: {', '.join(sorted(sets)) or 'none'})",
                              line=line)
    return sets[name]


def _expand(value: Any, sets: dict[str, frozenset[str]], path: str, line: int | None) -> Any:
    """Lists with ``$set`` items get the set's words in their place (order kept, no repeats)."""
    if _is_ref(value):
        value = [value]
    if not isinstance(value, list):
        return value
    out: list[str] = []
    for item in value:
        words = sorted(_lookup(item[1:], sets, path, line)) if _is_ref(item) else [item]
        out += [w for w in words if w not in out]
    return out


def _family_entries(families: Any, sets: dict[str, frozenset[str]],
                    path: str) -> Iterator[Entry]:
    if not isinstance(families, list):
        raise DictionaryError(path, "families: must be a list of {family, root, classes}")
    for family in families:
        line = family.get("__line__") if isinstance(family, dict) else None
        if not isinstance(family, dict) or set(family) - {"__line__"} - FAMILY_KEYS:
            raise DictionaryError(path, "each family is a mapping with the keys family, root "
                                  "and classes", line=line)
        root, name = str(family.get("root", "")), str(family.get("family", ""))
        if FAMILIES.get(root) != name:
            raise DictionaryError(path, f'family "{name}" with root "{root}" is not a CAMEO '
                                  "family; use one of " + ", ".join(
                                      f"{n} ({r})" for r, n in FAMILIES.items()), line=line)
        for entry in family.get("classes") or []:
            yield from _class_entries(entry, name, root, sets, path)


def _class_entries(entry: Any, family: str, root: str, sets: dict[str, frozenset[str]],
                   path: str) -> Iterator[Entry]:
    line = entry.get("__line__") if isinstance(entry, dict) else None
    if not isinstance(entry, dict):
        raise DictionaryError(path, f"each class must be a mapping, got {entry!r}", line=line)
    unknown = set(entry) - CLASS_KEYS - {"__line__"}
    if unknown:
        raise DictionaryError(path, f"unknown key(s) {', '.join(sorted(unknown))}; valid keys: "
                              f"{', '.join(sorted(CLASS_KEYS))}", line=line)
    for key in ("class", "code"):
        if not entry.get(key):
            raise DictionaryError(path, f'class is missing "{key}"; every class needs class, '
                                  "code and verbs or nouns", line=line)
    if not str(entry["code"]).startswith(root):
        raise DictionaryError(path, f'class "{entry["class"]}": code {entry["code"]} is not in '
                              f"family {family} (root {root}); move it to its family", line=line)
    fields = {k: _expand(v, sets, path, line) for k, v in entry.items()
              if k in CONSTRAINTS | {"code"}}
    found = False
    for key, pos in (("verbs", "verb"), ("nouns", "noun")):
        if entry.get(key):
            found = True
            lemmas = _expand(entry[key], sets, path, line)
            yield Entry(family, str(entry["class"]), pos,  # type: ignore[arg-type]
                        {**fields, "lemma": lemmas}, line)
    if not found:
        raise DictionaryError(path, f'class "{entry["class"]}" has neither verbs nor nouns',
                              line=line)


def _legacy_entries(data: dict[str, Any], sets: dict[str, frozenset[str]],
                    path: str) -> Iterator[Entry]:
    for key, pos in (("verbs", "verb"), ("nouns", "noun")):
        for entry in data.get(key) or []:
            line = entry.get("__line__") if isinstance(entry, dict) else None
            if not isinstance(entry, dict):
                raise DictionaryError(path, f"each entry of {key} must be a mapping, "
                                      f"got {entry!r}")
            unknown = set(entry) - LEGACY_KEYS - {"__line__"}
            if unknown:
                raise DictionaryError(path, f"unknown key(s) {', '.join(sorted(unknown))}; "
                                      f"valid keys: {', '.join(sorted(LEGACY_KEYS))}", line=line)
            for need in ("id", "lemma", "code"):
                if not entry.get(need):
                    raise DictionaryError(path, f'pattern is missing "{need}"; every pattern '
                                          "needs id, lemma and code", line=line)
            family = family_of(str(entry["code"])) or "other"
            fields = {k: _expand(v, sets, path, line) for k, v in entry.items()
                      if k in LEGACY_KEYS - {"id"}}
            yield Entry(family, str(entry["id"]), pos, fields, line,  # type: ignore[arg-type]
                        legacy=True)
