"""The event pattern dictionary: lemma classes of CAMEO code families → codes and frames.

Patterns are data (``data/patterns.yaml`` plus any extra files, read by
``polemos.events.lexicon``); each is validated on load against the ontology, and an error
names the file, the line and the fix. A class in a later file with the same id (family and
class name) replaces the earlier one; word sets of the same name are merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from polemos.errors import DictionaryError
from polemos.events.lexicon import Entry, read_lexicon
from polemos.events.ontology import Ontology, load_ontology

PATTERNS_FILE = "data/patterns.yaml"
Frame = Literal["directed", "symmetric", "mediation"]
FRAMES: tuple[str, ...] = ("directed", "symmetric", "mediation")
PHYSICAL = {False: "", None: "", True: "default", "default": "default", "strict": "strict"}
# conditions a class may switch its code on (see polemos.events.senses)
SENSES = frozenset({"military", "official", "igo", "armed", "untargeted"})
# word sets the coder itself reads (a pattern file may extend them)
REQUIRED_SETS = frozenset({"support", "abstract", "document", "forces", "weapons", "targets",
                           "casualties", "metaphor", "agents", "information", "months",
                           "crowds", "possibility", "hazards", "irregulars", "undergo", "sports", "agreements",
                           "meetings", "ceasefire", "private", "things", "festive"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lemma class of a family, for one part of speech, with its frame and coding."""

    id: str  # family.class ("fight.shell"), or the id of an entry of the older flat lists
    pos: Literal["verb", "noun"]
    lemmas: tuple[str, ...]
    code: str
    type: str  # PLOVER type; "" for statements (recognised and embedding, never coded)
    goldstein: float
    quad: int
    family: str = "other"
    lemma_class: str = ""
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    frame: Frame = "directed"
    prep: str | None = None  # a particle or preposition the verb must have ("call on")
    objects: frozenset[str] = frozenset()  # verb: the object (or its compound) must be one of these
    any_object: bool = False  # verb: any direct object ("returned X")
    not_objects: frozenset[str] = frozenset()  # objects that mean another sense ("release a report")
    modifiers: frozenset[str] = frozenset()  # noun: one modifier must be one of these
    not_modifiers: frozenset[str] = frozenset()  # noun: modifiers that make it a metaphor
    governors: frozenset[str] = frozenset()  # noun: the verb it depends on must be one of these
    light: frozenset[str] = frozenset()  # noun: more support verbs whose subject is its actor
    modals: frozenset[str] = frozenset()  # verb: its complement clause has one of these ("must")
    embeds: bool = False  # speech acts (agree to, threaten to, call on … to) swallow the act they embed
    actorless: bool = False  # may be coded without a named actor ("the outbreak of hostilities")
    intent: bool = False  # the trigger itself expresses intent (promise, pledge, offer)
    confidence: float = 0.8
    negated: str | None = None  # the code when negated ("did not accept" → REJECT 120)
    command: bool = False  # orders: the act ordered is coded, with the one who orders as actor
    of_actor: bool = False  # noun: "of X" names who acts ("the withdrawal of X's troops")
    physical: str = ""  # "default": a physical act unless the words say otherwise; "strict": only with evidence
    verbal: str | None = None  # the code when the words show a verbal sense ("attacked the plan")
    senses: tuple[tuple[str, str], ...] = ()  # (condition, code): "military" → "062"
    needs_partner: bool = False  # "talk", "negotiate": needs a second party to be a consultation
    needs_recipient: bool = False  # "aggression": only an event when aimed at someone
    needs_complement: bool = False  # "decline": only with a complement ("declined to attend")
    topic_object: bool = False  # "discussed X": the object is the topic, not a party
    inverse: bool = False  # "received arms from X": the subject receives, X gives
    where: str = ""  # file and line it was defined on

    @property
    def is_constrained(self) -> bool:
        return bool(self.prep or self.objects or self.any_object or self.modifiers
                    or self.governors or self.modals)

    @property
    def is_statement(self) -> bool:
        return self.type == ""


@dataclass(frozen=True)
class Patterns:
    """Patterns indexed by (part of speech, lemma); constrained patterns come first."""

    by_lemma: dict[tuple[str, str], tuple[Pattern, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    ontology: Ontology = field(default_factory=load_ontology)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def candidates(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self.by_lemma.get((pos, lemma), ())

    def words(self, name: str) -> frozenset[str]:
        """A word set of the dictionary ("weapons", "support" …); empty when undefined."""
        return self.sets.get(name, frozenset())

    def __len__(self) -> int:
        return len({p.id for group in self.by_lemma.values() for p in group})


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(str(v).lower() for v in items)


def _problem(entry: Entry, ontology: Ontology, statement: bool) -> str | None:
    fields = entry.fields
    code = str(fields["code"])
    problem = None if statement and ontology.is_valid_code(code) else ontology.problem(
        code=code, type=fields.get("type"), mode=fields.get("mode"),
        contexts=_words(fields.get("contexts")))
    negated, frame = fields.get("negated"), fields.get("frame", "directed")
    senses = fields.get("senses") or {}
    codes = [("negated", str(negated))] if negated is not None else []
    codes += [("senses", str(v)) for k, v in senses.items() if k != "__line__"] \
        if isinstance(senses, dict) else []
    codes += [("verbal", str(fields["verbal"]))] if fields.get("verbal") else []
    bad = [(key, c) for key, c in codes if not ontology.is_valid_code(c)]
    if problem is None and bad:
        problem = f'unknown {bad[0][0]} code "{bad[0][1]}"; use a CAMEO code from ' \
                  "data/cameo.yaml"
    if problem is None and frame not in FRAMES:
        problem = f'unknown frame "{frame}"; expected one of {", ".join(FRAMES)}'
    if problem is None and (not isinstance(senses, dict) or set(senses) - {"__line__"} - SENSES):
        problem = f"senses must map a condition ({', '.join(sorted(SENSES))}) to a code"
    if problem is None and fields.get("physical") not in PHYSICAL:
        problem = 'physical must be true, "default" or "strict"'
    return problem


def compile_entry(entry: Entry, path: str, ontology: Ontology) -> Pattern:
    """One validated pattern.

    Raises:
        DictionaryError: an unknown code, type, mode, context, frame or sense.
    """
    fields = entry.fields
    statement = entry.family == "statement" and "type" in fields and fields["type"] is None
    problem = _problem(entry, ontology, statement)
    if problem:
        raise DictionaryError(path, f'pattern "{entry.lemma_class}": {problem}', line=entry.line)
    code = str(fields["code"])
    base = ontology.code(code)
    objects = _words(fields.get("object"))
    senses = {k: v for k, v in (fields.get("senses") or {}).items() if k != "__line__"}
    return Pattern(
        id=entry.lemma_class if entry.legacy else f"{entry.family}.{entry.lemma_class}",
        pos=entry.pos, lemmas=_words(fields["lemma"]), code=code,
        type="" if statement else fields.get("type") or str(base.type),
        goldstein=base.goldstein, quad=base.quad, family=entry.family,
        lemma_class=entry.lemma_class, mode=fields.get("mode", base.mode),
        contexts=_words(fields.get("contexts")) or base.contexts,
        frame=fields.get("frame", "directed"), prep=fields.get("prep"),
        objects=frozenset(o for o in objects if o != "any"), any_object="any" in objects,
        not_objects=frozenset(_words(fields.get("not_object"))),
        modifiers=frozenset(_words(fields.get("modifier"))),
        not_modifiers=frozenset(_words(fields.get("not_modifier"))),
        governors=frozenset(_words(fields.get("governor"))),
        light=frozenset(_words(fields.get("light"))), modals=frozenset(_words(fields.get("modal"))),
        embeds=bool(fields.get("embeds")), actorless=bool(fields.get("actorless")),
        intent=bool(fields.get("intent")), confidence=float(fields.get("confidence", 0.8)),
        negated=None if fields.get("negated") is None else str(fields["negated"]),
        command=bool(fields.get("command")), of_actor=bool(fields.get("of_actor")),
        physical=PHYSICAL[fields.get("physical")], verbal=_code_or_none(fields.get("verbal")),
        senses=tuple((str(k), str(v)) for k, v in senses.items()),
        needs_partner=bool(fields.get("needs_partner")),
        needs_recipient=bool(fields.get("needs_recipient")),
        needs_complement=bool(fields.get("needs_complement")),
        topic_object=bool(fields.get("topic_object")), inverse=bool(fields.get("inverse")),
        where=f"{path}:{entry.line}",
    )


def _code_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def parse_patterns(text: str, path: str, ontology: Ontology) -> list[Pattern]:
    """Patterns of one YAML document (``families:``/``sets:``, or ``verbs:``/``nouns:``).

    Raises:
        DictionaryError: bad YAML, an unknown key, code, type, mode, context or frame.
    """
    entries, _ = read_lexicon(text, path)
    return [compile_entry(entry, path, ontology) for entry in entries]


def index_patterns(patterns: Sequence[Pattern], sources: tuple[str, ...] = (), *,
                   ontology: Ontology | None = None,
                   sets: dict[str, frozenset[str]] | None = None) -> Patterns:
    """Index by (pos, lemma); a later pattern with the same id and pos replaces an earlier one."""
    by_id: dict[tuple[str, str], Pattern] = {}
    for pattern in patterns:
        by_id.pop((pattern.id, pattern.pos), None)
        by_id[(pattern.id, pattern.pos)] = pattern
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in by_id.values():
        for lemma in pattern.lemmas:
            index.setdefault((pattern.pos, lemma), []).append(pattern)
    ordered = {k: tuple(sorted(v, key=lambda p: not p.is_constrained)) for k, v in index.items()}
    return Patterns(ordered, sources, ontology or load_ontology(), dict(sets or {}))


def _read(text: str, path: str, ontology: Ontology) -> tuple[list[Pattern], dict[str,
                                                                                  frozenset[str]]]:
    entries, sets = read_lexicon(text, path)
    return [compile_entry(entry, path, ontology) for entry in entries], sets


def load_patterns(extra: Sequence[str] = ()) -> Patterns:
    """The packaged pattern dictionary, extended (or overridden by id) by ``extra`` files.

    Raises:
        DictionaryError: a file is missing or an entry is invalid (file and line named).
    """
    ontology = load_ontology()
    text = resources.files("polemos").joinpath(PATTERNS_FILE).read_text(encoding="utf-8")
    patterns, sets = _read(text, PATTERNS_FILE, ontology)
    missing = REQUIRED_SETS - set(sets)
    if missing:
        raise DictionaryError(PATTERNS_FILE, f"missing word set(s) {', '.join(sorted(missing))}")
    for path in extra:
        if not Path(path).is_file():
            raise DictionaryError(path, "pattern file not found; give the path of a YAML "
                                  "file with families: (or verbs: and nouns:) lists")
        more, more_sets = _read(Path(path).read_text(encoding="utf-8"), path, ontology)
        replaced = {p.id for p in more}
        patterns = [p for p in patterns if p.id not in replaced] + more
        for name, words in more_sets.items():
            sets[name] = sets.get(name, frozenset()) | words
    return index_patterns(patterns, (PATTERNS_FILE, *extra), ontology=ontology, sets=sets)
