"""A trigger with its pattern and arguments, before embedding is resolved."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from polemos.events.args import (
    NOUN_PREPS,
    VERB_PREPS,
    MentionIndex,
    governor,
    is_measure,
    objects_of,
    owner_mentions,
    phrase_mentions,
    prep_objects,
    subject_tokens,
)
from polemos.events.patterns import Pattern, Patterns
from polemos.records import Mention

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# types whose recipient may be the place it happens in ("curfew in X", "bombs in Kabul")
PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST", "AID",
                         "REQUEST"})


@dataclass
class Candidate:
    pattern: Pattern
    token: Token
    anchor: Token  # the head noun for compound triggers ("ceasefire agreement"), else token
    code: str
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

    @property
    def is_codable(self) -> bool:
        return bool(self.actors or self.recipients or self.pattern.actorless)

    def absorb(self, inner: Candidate, code: str | None) -> None:
        """Take what an embedded act adds: its target, and a finer code."""
        if code is not None and self.code == self.pattern.code:  # the nearest act refines
            self.code = code
        if not self.recipients:
            own = {m.code for m in self.actors}
            inner_actors = [m for m in inner.actors if m.code not in own]
            self.recipients = [m for m in inner_actors + inner.recipients if m.code not in own]
        self.contexts = tuple(dict.fromkeys(self.contexts + inner.pattern.contexts))


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _names(token: Token) -> set[str]:
    """The lemma of a noun and of its compound/adjectival modifiers ('ceasefire agreement')."""
    names = {_lemma(token), token.lower_}
    names.update(_lemma(c) for c in token.children if c.dep_ in {"compound", "amod"})
    if is_measure(token):  # "700 kg of medicine", "a series of strikes"
        names.update(_lemma(o) for _, o in prep_objects(token, frozenset({"of"})))
    return names


def _object_match(token: Token, pattern: Pattern) -> frozenset[int] | None:
    preps = VERB_PREPS | {"for"} | ({"of"} if pattern.pos == "noun" else set()) \
        | ({pattern.prep} if pattern.prep else set())  # "put under investigation"
    objects = objects_of(token) + [obj for _, obj in prep_objects(token, frozenset(preps))]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "photos and arms"
    for obj in objects:
        if _names(obj) & pattern.objects:
            return frozenset({obj.i} | {c.i for c in obj.children if c.dep_ == "compound"})
    return None


def _has_prep(token: Token, prep: str) -> bool:
    """'called on', 'pushed for X', also 'pushed for X to …' parsed as a clause marked by 'for'."""
    return any(c.dep_ in {"prep", "prt", "agent"} and c.lower_ == prep for c in token.children) \
        or any(g.dep_ == "mark" and g.lower_ == prep for c in token.children
               if c.dep_ in {"advcl", "ccomp"} for g in c.children)


def _fits(token: Token, pattern: Pattern) -> frozenset[int] | None:
    """The tokens the pattern consumes when it fits ``token`` (empty set), else None."""
    if pattern.prep and pattern.pos == "noun":  # nouns: the preposition they hang from ("at X's request")
        anchor = _anchor(token)
        if anchor.dep_ != "pobj" or anchor.head.lower_ != pattern.prep:
            return None
    elif pattern.prep and not _has_prep(token, pattern.prep):
        return None
    consumed: frozenset[int] = frozenset()
    if pattern.objects:
        found = _object_match(token, pattern)
        if found is None:
            return None
        consumed = found
    if pattern.modifiers:
        anchor = _anchor(token)
        mods = {c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}
        mods |= {g for c in list(mods) for g in c.children if g.dep_ in {"amod", "compound"}}
        if anchor is not token:
            mods.add(anchor)
        hits = {m.i for m in mods if {_lemma(m), m.lower_} & pattern.modifiers}
        if not hits:
            return None
        consumed = consumed | (hits - {anchor.i})
    if pattern.modals and not any(
            c.dep_ in {"ccomp", "acl"} and any(a.dep_ == "aux" and a.lower_ in pattern.modals
                                      for a in c.children) for c in token.children):
        return None
    if pattern.governors:
        gov = governor(_anchor(token))
        if gov is None or _lemma(gov) not in pattern.governors:
            return None
    return consumed


def match_pattern(token: Token, patterns: Patterns) -> tuple[Pattern, frozenset[int]] | None:
    """The first pattern that fits the token (constrained patterns are tried first)."""
    if token.pos_ in VERB_POS:
        pos = "verb"
    elif token.pos_ in NOUN_POS:
        pos = "noun"
    else:
        return None
    found = patterns.candidates(pos, _lemma(token))
    if not found and token.lower_ != _lemma(token):
        found = patterns.candidates(pos, token.lower_)
    for pattern in found:
        consumed = _fits(token, pattern)
        if consumed is not None:
            if pos == "noun" and not pattern.modifiers and _describes_thing(token, patterns):
                continue
            return pattern, consumed
    return None


# heads a trigger noun may modify and still name the event ("ceasefire agreement", "war effort")
EVENT_HEADS = frozenset({"agreement", "accord", "deal", "declaration", "protocol", "pact", "plan",
                         "process", "operation", "campaign", "effort", "initiative", "programme",
                         "program", "mission", "regime", "talk", "talks", "statement", "document",
                         "treaty", "negotiation", "negotiations", "memorandum", "resolution",
                         "role", "efforts", "attempt", "bid", "activity", "activities", "work",
                         "involvement", "format", "marathon", "round", "series", "wave"})


def _describes_thing(token: Token, patterns: Patterns) -> bool:
    """'riot police', 'truce monitors', 'invasion forces': the trigger only describes a thing."""
    if token.dep_ != "compound" or token.head.pos_ not in NOUN_POS:
        return False
    head = token.head
    if _lemma(head) in EVENT_HEADS:
        return False
    found = patterns.candidates("noun", _lemma(head)) or patterns.candidates("noun", head.lower_)
    return not any(_fits(head, p) is not None for p in found)


def _anchor(token: Token) -> Token:
    if token.dep_ == "compound" and token.head.pos_ in NOUN_POS:
        return token.head
    return token


def build_candidate(token: Token, pattern: Pattern, index: MentionIndex,
                    consumed: frozenset[int]) -> Candidate:
    anchor = _anchor(token) if pattern.pos == "noun" else token
    candidate = Candidate(pattern, token, anchor, pattern.code, consumed=consumed,
                          contexts=pattern.contexts, confidence=pattern.confidence)
    if pattern.pos == "verb":
        _verb_arguments(candidate, index)
    else:
        _noun_arguments(candidate, index)
    _apply_frame(candidate)
    return candidate


def _mentions(tokens: list[Token], index: MentionIndex) -> list[Mention]:
    out: list[Mention] = []
    for token in tokens:
        out.extend(m for m in phrase_mentions(token, index) if m not in out)
    return out


ASKING = frozenset({"request", "behest", "invitation", "urging", "insistence", "demand"})
MOTION = frozenset({"return", "go", "travel", "come", "arrive", "head", "fly", "move", "leave",
                    "gather", "converge", "assemble", "meet"})
# texts that act for whoever adopts them ("a resolution condemning X")
DOCUMENTS = frozenset({"law", "resolution", "statement", "declaration", "decree", "bill", "act",
                       "communique", "report", "letter", "document", "motion", "ruling", "verdict",
                       "note", "order", "proposal", "plan", "amendment", "legislation"})
NEAR_PREPS = frozenset({"near", "outside", "around", "inside", "in"})


def _verb_arguments(c: Candidate, index: MentionIndex) -> None:
    subjects, passive = subject_tokens(c.token)
    if passive and not subjects and _is_stative(c.token):  # "X is opposed to Y"
        subjects, passive = [t for t in c.token.children if t.dep_ == "nsubjpass"], False
    c.actors = _mentions(subjects, index)
    if not c.actors and c.token.dep_ == "acl" and subjects == [c.token.head] \
            and _lemma(c.token.head) in DOCUMENTS:
        maker = governor(c.token.head)  # "adopted a resolution condemning X": who adopted it
        if maker is not None:
            c.actors = _mentions(subject_tokens(maker, exclude=c.token.head.i)[0], index)
    if not subjects:
        c.confidence *= 0.7
    if not c.actors and c.pattern.type == "ASSAULT":  # "killed by a bomb near X": X's side
        for node in [c.token, *subjects]:
            preps = [p for p in node.children if p.dep_ == "prep" and p.lower_ in NEAR_PREPS]
            preps += [g for p in preps for g in p.children if g.dep_ == "prep"]  # "outside of"
            c.places += [m for p in preps for o in p.children if o.dep_ == "pobj"
                         for m in phrase_mentions(o, index)]
    for obj in objects_of(c.token):
        if obj.dep_ == "nsubjpass" and not passive:
            continue
        if obj.i in c.consumed:
            c.recipients += owner_mentions(obj, index)
            _add_preps(c, obj, NOUN_PREPS, index)
        elif obj.dep_ != "attr":
            c.recipients += phrase_mentions(obj, index) or _by_whom(obj, index)
            if c.pattern.frame == "mediation":
                _add_preps(c, obj, frozenset({"between", "with"}), index)
    _add_preps(c, c.token, VERB_PREPS, index, skip_passive_agent=passive)
    if c.pattern.prep:  # "put under investigation in X": the place of the consumed phrase
        for _, obj in prep_objects(c.token, frozenset({c.pattern.prep})):
            if obj.i in c.consumed:
                _add_preps(c, obj, frozenset({"in"}), index)
    if c.pattern.embeds and not c.recipients:
        _embedded_targets(c, index)


# participles that state an attitude of their subject when passive ("is opposed to", "committed to")
STATIVE = frozenset({"oppose", "commit", "dedicate", "devote", "attach", "opposed", "committed"})


def _is_stative(verb: Token) -> bool:
    return _lemma(verb) in STATIVE and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _embedded_targets(c: Candidate, index: MentionIndex) -> None:
    """'demanded that X …' → X; 'threatened to cut electricity to X' → X."""
    for child in c.token.children:
        if child.dep_ == "ccomp":
            subjects = [s for s in child.children if s.dep_ in {"nsubj", "nsubjpass"}]
            c.recipients += _mentions(subjects, index)
    if c.recipients:
        return
    for child in c.token.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            c.recipients += _mentions(objects_of(child), index)
            c.recipients += _mentions([o for _, o in prep_objects(child, VERB_PREPS - {"in"})],
                                      index)
    if not c.recipients:  # "threatened to strike unless X withdrew": the condition's subject
        clauses = [g for child in c.token.children if child.dep_ in {"xcomp", "advcl"}
                   for g in [child, *child.children] if g.dep_ == "advcl"]
        for clause in clauses:
            if any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in clause.children):
                c.recipients += _mentions([s for s in clause.children if s.dep_ == "nsubj"],
                                          index)
    spans = {(m.start, m.end) for m in c.actors}
    c.recipients = [m for m in c.recipients if (m.start, m.end) not in spans]


def _by_whom(obj: Token, index: MentionIndex) -> list[Mention]:
    """'rejected calls by X', 'an appeal from X': whose the object is."""
    return [m for prep, o in prep_objects(obj, frozenset({"from", "of"}))
            if prep in {"by", "from", "of"} for m in phrase_mentions(o, index)]


def _noun_arguments(c: Candidate, index: MentionIndex) -> None:
    anchor = c.anchor
    c.actors = owner_mentions(anchor, index, skip=c.token.i if anchor is not c.token else -1)
    for obj in c.token.doc[anchor.sent.start:anchor.sent.end] if c.consumed else ():
        if obj.i in c.consumed and obj.dep_ != "compound":  # "suspension of links with X"
            _add_preps(c, obj, VERB_PREPS, index)
    _add_preps(c, anchor, NOUN_PREPS, index)
    if anchor is not c.token:
        _add_preps(c, c.token, NOUN_PREPS, index)
    c.governor = governor(anchor)
    if c.governor is not None and anchor.dep_ not in {"nsubj"}:
        if not c.actors and _lemma(c.governor) not in OBSERVING and not c.pattern.prep:
            subjects = [t for t in subject_tokens(c.governor, exclude=anchor.i)[0]
                        if t.i != anchor.i]
            if not subjects:
                subjects = [t for t in c.governor.children if t.dep_ == "nsubjpass"]
            c.actors = _mentions(subjects, index)
            if c.pattern.frame == "symmetric":
                for subject in subjects:
                    _add_preps(c, subject, frozenset({"with", "between"}), index)
            c.confidence *= 0.9
        if not c.recipients:  # "returned to Geneva for talks": Geneva is only where
            motion = _lemma(c.governor) in MOTION
            _add_preps(c, c.governor, VERB_PREPS - {"to", "into"} if motion else VERB_PREPS, index)
    elif c.governor is not None and not c.recipients and not c.pattern.embeds:
        _add_preps(c, c.governor, frozenset({"in", "into", "against"}), index)  # "troops arrived in X"
    if c.pattern.prep and c.governor is not None:  # "at X's request, Y sent …": Y was asked
        c.recipients = _mentions(subject_tokens(c.governor)[0], index)
    if c.pattern.embeds and not c.recipients and c.governor is not None:
        for clause in c.governor.children:
            if clause.dep_ == "ccomp":
                subjects = [s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}]
                c.recipients += _mentions(subjects, index)
    c.recipients = [m for m in c.recipients if m not in c.actors]


# verbs whose subject talks about or watches an event rather than doing it ("insisted unrest …")
OBSERVING = frozenset({"say", "insist", "report", "describe", "see", "witness", "watch", "fear",
                       "expect", "predict", "recall", "remember", "mark", "commemorate", "cover",
                       "mention", "reflect", "monitor", "follow", "survive", "suffer", "blame",
                       "investigate", "study", "discuss", "document", "deny"})


def _add_preps(c: Candidate, token: Token, preps: frozenset[str], index: MentionIndex, *,
               skip_passive_agent: bool = False) -> None:
    for prep, obj in prep_objects(token, preps):
        of_actor = prep == "of" and c.pattern.of_actor
        found = phrase_mentions(obj, index, with_of=not of_actor)  # not "forces from X"
        if of_actor:  # "the withdrawal of troops from X": X is left
            c.recipients += [m for _, o in prep_objects(obj, frozenset({"from", "to", "into"}))
                             for m in phrase_mentions(o, index) if m not in c.recipients]
        if prep == "by":
            if not skip_passive_agent and c.pattern.pos == "noun" and not c.actors:
                c.actors += found
        elif prep in {"between", "with"} and c.pattern.frame == "symmetric":
            c.actors += [m for m in found if m not in c.actors]
        elif c.pattern.frame == "symmetric" and prep not in {"against", "to"}:
            continue
        elif prep in {"at", "upon", "on"} and _lemma(obj) in ASKING:
            continue  # "sent troops at X's request": X asked, X is not the target
        elif prep == "in":
            c.places += phrase_mentions(obj, index, with_of=False)  # not "in defiance of X"
        elif prep == "to" and c.pattern.type == "ACCUSE":
            c.audience += found  # "complained to the UN over X": the UN hears it
        elif prep == "of" and (c.pattern.frame == "mediation" or of_actor) \
                and not c.actors:  # "the withdrawal of X's troops", "mediation of X"
            c.actors += found
        else:
            c.recipients += [m for m in found if m not in c.recipients]


def _apply_frame(c: Candidate) -> None:
    """Mediation: the subject mediates, the parties receive; symmetric: all are actors."""
    if c.pattern.frame == "mediation":
        c.mediators = list(c.actors)
    else:
        c.mediators = []
    spans = {(m.start, m.end) for m in c.actors}
    c.recipients = [m for m in c.recipients if (m.start, m.end) not in spans]
    if not c.recipients and c.audience:
        c.recipients = [m for m in c.audience if (m.start, m.end) not in spans]
    if not c.actors and c.places and _place_acts(c):
        c.actors = [replace(m, sector=m.sector or "GOV") if c.pattern.type == "COERCE" else m
                    for m in c.places]  # "people blocked streets in X", "was arrested in X"
        c.places, spans = [], {(m.start, m.end) for m in c.actors}
        c.confidence *= 0.8
    if not c.recipients and c.places and c.pattern.type in PLACE_TYPES:
        c.recipients = [m for m in c.places if (m.start, m.end) not in spans]
        c.confidence *= 0.85
    if not c.recipients and (c.pattern.type == "PROTEST" or c.pattern.code == "173"):
        # a domestic protest targets its government; arrests of unnamed people are domestic
        c.recipients = [replace(m, sector="GOV", person=None) for m in c.actors
                        if m.kind in {"state", "defacto"} or (m.kind == "unresolved" and m.code)][:1]
        c.inferred = bool(c.recipients)
        c.confidence *= 0.9


def _place_acts(c: Candidate) -> bool:
    """Who acts is named by where: crowds protesting in X, anonymous arrests made in X."""
    if c.pattern.pos != "verb" or c.pattern.type not in {"PROTEST", "COERCE", "ASSAULT", "ACCUSE"}:
        return False
    subjects, passive = subject_tokens(c.token)
    if c.pattern.type in {"COERCE", "ACCUSE"}:  # "was arrested / put under investigation in X"
        return passive and not subjects
    if c.pattern.type == "ASSAULT":  # an unnamed attacker: an agent or subject naming no actor
        return bool(subjects) and bool(c.recipients)
    return bool(subjects) or c.token.dep_ in {"acl", "relcl"}
