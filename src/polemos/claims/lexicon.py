"""The claim cue lexicon: data (``data/claims.yaml``), validated on load."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from polemos.errors import DictionaryError

TOPICS = frozenset({
    "territorial_integrity", "withdrawal", "support", "recognition", "condemnation", "sanction",
    "mediation", "ceasefire", "arms_supply", "alliance", "military_presence", "peacekeeping",
    "influence_decline", "influence_rise", "partiality", "interests", "balance", "capability", "restraint",
})
STANCE_TOPICS = frozenset({"territorial_integrity", "withdrawal", "support", "recognition",
                           "condemnation", "sanction"})
ROLE_TOPICS = frozenset({"mediation", "ceasefire", "arms_supply", "alliance", "military_presence",
                         "peacekeeping"})
CUE_FIELDS = {"id", "kind", "topic", "polarity", "patterns", "holder", "toward", "max_gap",
              "unless", "negatable", "once", "symmetric"}

HolderRule = Literal["before", "around", "inside", "after"]
TowardRule = Literal["none", "after", "first_after", "before"]


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    kind: Literal["stance", "assessment"]
    topic: str
    polarity: float
    patterns: tuple[re.Pattern[str], ...]
    holder: HolderRule = "before"
    toward: TowardRule = "after"
    max_gap: int = 1000
    unless: tuple[re.Pattern[str], ...] = ()
    is_negatable: bool = True
    is_once: bool = False  # a status that begins once (becoming co-chair): dates must agree
    is_symmetric: bool = False  # "cooperation between A and B": A holds it toward B
    # the patterns as one, derived from them: a cheap first test of a sentence
    any_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        union = "|".join(f"(?:{p.pattern})" for p in self.patterns)
        object.__setattr__(self, "any_pattern", re.compile(union, re.IGNORECASE))

    def may_match(self, text: str) -> bool:
        """Whether any of the cue's patterns occurs in ``text``."""
        return self.any_pattern.search(text) is not None


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: tuple[Cue, ...]
    both_sides: re.Pattern[str]
    negation: re.Pattern[str]


def _compile(items: Any, where: str, fail: Any) -> tuple[re.Pattern[str], ...]:
    if items is None:
        return ()
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise fail(f"{where}: expected a list of regular expressions.")
    out = []
    for item in items:
        try:
            out.append(re.compile(item, re.IGNORECASE))
        except re.error as err:
            raise fail(f"{where}: {item!r} is not a valid regular expression ({err}).") from err
    return tuple(out)


def _cue(entry: Any, fail: Any) -> Cue:
    if not isinstance(entry, dict) or "id" not in entry:
        raise fail("each cue must be a mapping with at least id, kind, topic and patterns.")
    unknown = set(entry) - CUE_FIELDS
    if unknown:
        raise fail(f"cue {entry['id']!r}: unknown field(s) {sorted(unknown)}; valid: "
                   f"{sorted(CUE_FIELDS)}.")
    if entry.get("kind") not in ("stance", "assessment"):
        raise fail(f"cue {entry['id']!r}: kind must be 'stance' or 'assessment'.")
    if entry.get("topic") not in TOPICS:
        raise fail(f"cue {entry['id']!r}: unknown topic {entry.get('topic')!r}; valid: "
                   f"{sorted(TOPICS)}.")
    if entry.get("holder", "before") not in ("before", "around", "inside", "after"):
        raise fail(f"cue {entry['id']!r}: holder must be before, around, inside or after.")
    if entry.get("toward", "after") not in ("none", "after", "first_after", "before"):
        raise fail(f"cue {entry['id']!r}: toward must be none, after, first_after or before.")
    patterns = _compile(entry.get("patterns"), f"cue {entry['id']!r} patterns", fail)
    if not patterns:
        raise fail(f"cue {entry['id']!r}: needs at least one pattern.")
    return Cue(
        id=str(entry["id"]), kind=entry["kind"], topic=entry["topic"],
        polarity=float(entry.get("polarity", 0.0)), patterns=patterns,
        holder=entry.get("holder", "before"), toward=entry.get("toward", "after"),
        max_gap=int(entry.get("max_gap", 1000)),
        unless=_compile(entry.get("unless"), f"cue {entry['id']!r} unless", fail),
        is_negatable=bool(entry.get("negatable", entry["kind"] == "stance")),
        is_once=bool(entry.get("once", False)),
        is_symmetric=bool(entry.get("symmetric", False)),
    )


def parse_lexicon(text: str, *, path: str) -> Lexicon:
    """Parse and validate a cue lexicon; errors name the file and the line of the bad cue."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise DictionaryError(path, f"not valid YAML ({err}).") from err
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(path, "expected a mapping with 'cues', 'both_sides', 'negations'.")
    loader = yaml.SafeLoader("")
    parts = {key.value: value for key, value in root.value}
    if "cues" not in parts or not isinstance(parts["cues"], yaml.SequenceNode):
        raise DictionaryError(path, "missing 'cues' (a list of cue mappings).")
    cues = []
    for node in parts["cues"].value:
        line = node.start_mark.line + 1

        def fail(message: str, line: int = line) -> DictionaryError:
            return DictionaryError(path, message, line=line)

        cues.append(_cue(loader.construct_document(node), fail))
    ids = [c.id for c in cues]
    if len(ids) != len(set(ids)):
        raise DictionaryError(path, f"duplicate cue ids: {sorted({i for i in ids if ids.count(i) > 1})}.")
    groups = loader.construct_document(parts["both_sides"]) if "both_sides" in parts else []
    negations = loader.construct_document(parts["negations"]) if "negations" in parts else []
    both = "|".join(re.escape(g) for g in groups) or r"(?!x)x"
    return Lexicon(tuple(cues), re.compile(rf"\b(?:{both})\b", re.IGNORECASE),
                   re.compile("|".join(negations) or r"(?!x)x", re.IGNORECASE))


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The built-in lexicon, or the file at ``path``.

    Raises:
        DictionaryError: the file is missing or has a bad cue.
    """
    if path is None:
        text = resources.files("polemos").joinpath("data/claims.yaml").read_text("utf-8")
        return parse_lexicon(text, path="claims.yaml")
    p = Path(path)
    if not p.is_file():
        raise DictionaryError(str(p), "cue lexicon not found. Pass an existing YAML file.")
    return parse_lexicon(p.read_text("utf-8"), path=str(p))
