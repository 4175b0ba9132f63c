"""The event pattern dictionary: verbs and nouns with argument frames → CAMEO/PLOVER codes.

Patterns are data (``data/patterns.yaml`` plus any extra files); each is validated on
load against the ontology, and an error names the file, the line and the fix. A pattern
in a later file with the same id replaces the earlier one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from polemos.errors import DictionaryError
from polemos.events.ontology import Ontology, load_ontology
from polemos.yamldata import load_with_lines

PATTERNS_FILE = "data/patterns.yaml"
Frame = Literal["directed", "symmetric", "mediation"]
FRAMES: tuple[str, ...] = ("directed", "symmetric", "mediation")
KEYS = {"id", "lemma", "code", "type", "mode", "contexts", "frame", "prep", "object", "modifier",
        "governor", "embeds", "actorless", "confidence", "intent", "modal", "negated", "command",
        "of_actor"}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger word (or several) with the frame its arguments follow and its coding."""

    id: str
    pos: Literal["verb", "noun"]
    lemmas: tuple[str, ...]
    code: str
    type: str
    goldstein: float
    quad: int
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    frame: Frame = "directed"
    prep: str | None = None  # a particle or preposition the verb must have ("call on")
    objects: frozenset[str] = frozenset()  # verb: the object (or its compound) must be one of these
    modifiers: frozenset[str] = frozenset()  # noun: one modifier must be one of these
    governors: frozenset[str] = frozenset()  # noun: the verb it depends on must be one of these
    modals: frozenset[str] = frozenset()  # verb: its complement clause has one of these ("must")
    embeds: bool = False  # speech acts (agree to, threaten to, call on … to) swallow the act they embed
    actorless: bool = False  # may be coded without a named actor ("the outbreak of hostilities")
    intent: bool = False  # the trigger itself expresses intent (promise, pledge, offer)
    confidence: float = 0.8
    negated: str | None = None  # the code when negated ("did not accept" → REJECT 120)
    command: bool = False  # orders: the act ordered is coded, with the one who orders as actor
    of_actor: bool = False  # noun: "of X" names who acts ("the withdrawal of X's troops")
    where: str = ""  # file and line it was defined on

    @property
    def is_constrained(self) -> bool:
        return bool(self.prep or self.objects or self.modifiers or self.governors or self.modals)


@dataclass(frozen=True)
class Patterns:
    """Patterns indexed by (part of speech, lemma); constrained patterns come first."""

    by_lemma: dict[tuple[str, str], tuple[Pattern, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    ontology: Ontology = field(default_factory=load_ontology)

    def candidates(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self.by_lemma.get((pos, lemma), ())

    def __len__(self) -> int:
        return len({p.id for group in self.by_lemma.values() for p in group})



def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(str(v).lower() for v in items)


def _pattern(entry: dict[str, Any], pos: Literal["verb", "noun"], path: str,
             ontology: Ontology) -> Pattern:
    line = entry.get("__line__")
    unknown = set(entry) - KEYS - {"__line__"}
    if unknown:
        raise DictionaryError(path, f"unknown key(s) {', '.join(sorted(unknown))}; "
                              f"valid keys: {', '.join(sorted(KEYS))}", line=line)
    for key in ("id", "lemma", "code"):
        if not entry.get(key):
            raise DictionaryError(path, f'pattern is missing "{key}"; every pattern needs '
                                  "id, lemma and code", line=line)
    code = str(entry["code"])
    contexts = _words(entry.get("contexts"))
    problem = ontology.problem(code=code, type=entry.get("type"), mode=entry.get("mode"),
                               contexts=contexts)
    frame = entry.get("frame", "directed")
    negated = entry.get("negated")
    if problem is None and negated is not None and not ontology.is_valid_code(str(negated)):
        problem = f'unknown negated code "{negated}"; use a CAMEO code from data/cameo.yaml'
    if problem is None and frame not in FRAMES:
        problem = f'unknown frame "{frame}"; expected one of {", ".join(FRAMES)}'
    if problem:
        raise DictionaryError(path, f'pattern "{entry["id"]}": {problem}', line=line)
    base = ontology.code(code)
    return Pattern(
        id=str(entry["id"]), pos=pos, lemmas=_words(entry["lemma"]), code=code,
        type=entry.get("type") or str(base.type), goldstein=base.goldstein, quad=base.quad,
        mode=entry.get("mode", base.mode), contexts=contexts or base.contexts, frame=frame,
        prep=entry.get("prep"), objects=frozenset(_words(entry.get("object"))),
        modifiers=frozenset(_words(entry.get("modifier"))),
        governors=frozenset(_words(entry.get("governor"))), embeds=bool(entry.get("embeds")),
        modals=frozenset(_words(entry.get("modal"))),
        actorless=bool(entry.get("actorless")), intent=bool(entry.get("intent")),
        confidence=float(entry.get("confidence", 0.8)),
        negated=None if negated is None else str(negated), command=bool(entry.get("command")),
        of_actor=bool(entry.get("of_actor")),
        where=f"{path}:{line}",
    )


def parse_patterns(text: str, path: str, ontology: Ontology) -> list[Pattern]:
    """Patterns of one YAML document (keys ``verbs`` and ``nouns``).

    Raises:
        DictionaryError: bad YAML, an unknown key, code, type, mode, context or frame.
    """
    data = load_with_lines(text, path=path, expected="Fix the syntax; see docs/patterns.md.")
    if not isinstance(data, dict) or not set(data) - {"__line__"} <= {"verbs", "nouns"}:
        raise DictionaryError(path, "expected a mapping with the lists verbs: and nouns:")
    out: list[Pattern] = []
    for key, pos in (("verbs", "verb"), ("nouns", "noun")):
        for entry in data.get(key) or []:
            if not isinstance(entry, dict):
                raise DictionaryError(path, f"each entry of {key} must be a mapping, "
                                      f"got {entry!r}")
            out.append(_pattern(entry, pos, path, ontology))  # type: ignore[arg-type]
    return out


def index_patterns(patterns: Sequence[Pattern], sources: tuple[str, ...] = (), *,
                   ontology: Ontology | None = None) -> Patterns:
    """Index by (pos, lemma); a later pattern with the same id replaces an earlier one."""
    by_id: dict[str, Pattern] = {}
    for pattern in patterns:
        by_id.pop(pattern.id, None)
        by_id[pattern.id] = pattern
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in by_id.values():
        for lemma in pattern.lemmas:
            index.setdefault((pattern.pos, lemma), []).append(pattern)
    ordered = {k: tuple(sorted(v, key=lambda p: not p.is_constrained)) for k, v in index.items()}
    return Patterns(ordered, sources, ontology or load_ontology())


def load_patterns(extra: Sequence[str] = ()) -> Patterns:
    """The packaged pattern dictionary, extended (or overridden by id) by ``extra`` files.

    Raises:
        DictionaryError: a file is missing or an entry is invalid (file and line named).
    """
    ontology = load_ontology()
    text = resources.files("polemos").joinpath(PATTERNS_FILE).read_text(encoding="utf-8")
    patterns = parse_patterns(text, PATTERNS_FILE, ontology)
    for path in extra:
        if not Path(path).is_file():
            raise DictionaryError(path, "pattern file not found; give the path of a YAML "
                                  "file with verbs: and nouns: lists")
        patterns += parse_patterns(Path(path).read_text(encoding="utf-8"), path, ontology)
    return index_patterns(patterns, (PATTERNS_FILE, *extra), ontology=ontology)
