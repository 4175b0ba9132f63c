"""A trigger with its pattern and arguments, before embedding is resolved; and the argument
frames offered to other coders (``clause_arguments``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from polemos.events.args import MentionIndex
from polemos.events.frames import apply_frame, credit_brokers, verb_arguments
from polemos.events.matching import NOUN_POS, anchor_of, match_pattern
from polemos.events.nominal import noun_arguments
from polemos.events.ontology import load_ontology
from polemos.events.patterns import Pattern, Patterns, load_patterns
from polemos.records import Mention

__all__ = ["Candidate", "build_candidate", "clause_arguments", "match_pattern"]


@dataclass
class Candidate:
    pattern: Pattern
    token: Token
    anchor: Token  # the head noun for compound triggers ("ceasefire agreement"), else token
    code: str
    lexicon: Patterns
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    mediators: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    consumed: frozenset[int] = frozenset()
    contexts: tuple[str, ...] = ()
    confidence: float = 0.8
    governor: Token | None = None
    dropped: bool = False
    inferred: bool = False  # the recipient was inferred (a protest's own government)
    type: str | None = None  # set when refining changes the PLOVER type (vowed to fight → THREATEN)
    audience: list[Mention] = field(default_factory=list)  # "complained to X over Y": X
    prepared_by: Token | None = None  # "prepared to attack": the preparation is the act
    frame: str = "active"  # active, passive, inverse, nominal, light, undergo, head
    subjects: list[Token] = field(default_factory=list)  # tokens the actor side was read from
    objects: list[Token] = field(default_factory=list)  # tokens the target side was read from
    stated_threat: bool = False  # an act made conditional on another party: threatened now

    @property
    def is_codable(self) -> bool:
        """Someone named takes part: an actor, a recipient or a mediator (known to the knowledge
        base or not: "the Junior Doctors Association warned …" is an event)."""
        return bool(self.actors or self.recipients or self.mediators)

    @property
    def pattern_id(self) -> str:
        """family.frame.class: what fired and through which frame ("fight.passive.shell")."""
        return f"{self.pattern.family}.{self.frame}.{self.pattern.lemma_class}"

    def absorb(self, inner: Candidate, code: str | None) -> None:
        """Take what an embedded act adds: its target, and a finer code."""
        if code is not None and self.code == self.pattern.code:  # the nearest act refines
            self.code = code
        if not self.recipients:  # "threatened to impose a curfew in X (its own capital)": X
            own = {m.code for m in self.actors}
            inner_actors = [m for m in inner.actors if m.code not in own]
            if self.pattern.type == "ACCUSE":  # "condemned the attack on X": the attacker
                self.recipients = inner_actors  # is blamed, not its victim X
                return
            self.recipients = inner_actors + [m for m in inner.recipients  # domestic
                                              if m.code not in own or inner.type == "COERCE"
                                              or inner.pattern.type == "COERCE"]
        self.contexts = tuple(dict.fromkeys(self.contexts + inner.pattern.contexts))


def build_candidate(token: Token, pattern: Pattern, index: MentionIndex,
                    consumed: frozenset[int], lexicon: Patterns) -> Candidate:
    anchor = anchor_of(token) if pattern.pos == "noun" else token
    candidate = Candidate(pattern, token, anchor, pattern.code, lexicon, consumed=consumed,
                          contexts=pattern.contexts, confidence=pattern.confidence)
    if pattern.pos == "verb":
        candidate.frame = "head" if token.pos_ in NOUN_POS else "active"
        verb_arguments(candidate, index, lexicon)
    else:
        candidate.frame = "nominal"
        noun_arguments(candidate, index, lexicon)
    apply_frame(candidate)
    credit_brokers(candidate, index)
    return candidate


def _generic(pos: str) -> Pattern:
    ontology = load_ontology()
    entry = ontology.code("040")
    return Pattern(id="generic", pos="verb" if pos == "verb" else "noun", lemmas=(),
                   code="040", type="", goldstein=entry.goldstein, quad=entry.quad,
                   family="generic", lemma_class="clause", confidence=1.0)


def clause_arguments(head: Token, index: MentionIndex, *,
                     lexicon: Patterns | None = None) -> tuple[list[Mention], list[Mention]]:
    """Actors and recipients of the clause headed by ``head``, by the frames of the rules.

    ``head`` is a verb (active, passive with or without agent, inverse not assumed) or an event
    noun (possessive, "by X", "of/against/on/to Y", a support verb's subject, "came under
    fire from X"). The pattern frame is directed: "with X" gives a recipient. When ``head``
    triggers a class of the dictionary, that class's frame is used instead (symmetric,
    mediation, inverse …). For a learned coder that finds an event the rules miss.
    """
    lexicon = lexicon or default_lexicon()
    found = match_pattern(head, lexicon)
    if found is not None:
        pattern, consumed = found
    else:
        pattern = _generic("verb" if head.pos_ in {"VERB", "AUX"} else "noun")
        consumed = frozenset()
    candidate = build_candidate(head, pattern, index, consumed, lexicon)
    return list(candidate.actors), list(candidate.recipients)


@lru_cache(maxsize=1)
def default_lexicon() -> Patterns:
    """The packaged dictionary, read once per process."""
    return load_patterns()
