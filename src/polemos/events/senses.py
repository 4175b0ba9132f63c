"""Meaning, not words: is a trigger used in the sense its class codes?

- a month name is never a trigger ("In March, … agreed" is no march);
- a class may name objects and modifiers that mean another sense ("released a report",
  "trade war"): the pattern does not fit;
- physical force (a class marked ``physical``) needs a physical act. The words around the
  trigger give evidence for a physical sense (troops, weapons, casualties, a concrete target,
  an armed actor) or a verbal one (the target is an idea, a text or a newspaper; the attacker
  is a bill; "for refusing …"; only persons on both sides, or a fight "between" two named
  people none of whom is armed): ``default`` classes are coded
  unless the evidence is only verbal, ``strict`` classes only with physical evidence; a verbal
  reading takes the class's ``verbal`` code when it has one, else the trigger is no event;
- ``senses`` switch a class's code on who takes part: armed forces (``military``: "backed by
  Djiboutian soldiers" is military cooperation), a government rather than a crowd
  (``official``: a protest by a foreign ministry is an official complaint), an international
  organisation (``igo``: leaving ECOWAS reduces relations), irregular armed men (``armed``: a
  raid by gunmen is an attack), or nobody aimed at (``untargeted``: a missile launched at no
  one is a show of force).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from polemos.events.args import MentionIndex, objects_of, prep_objects
from polemos.events.patterns import Pattern, Patterns
from polemos.records import Mention

if TYPE_CHECKING:
    from polemos.events.candidates import Candidate

ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF", "PRM", "SPY", "COP"})
IRREGULAR_SECTORS = frozenset({"REB", "INS", "UAF"})
OFFICIALS = frozenset({"government", "ministry", "minister", "president", "embassy", "foreign",
                       "official", "officials", "spokesman", "spokeswoman", "spokesperson",
                       "authorities", "authority", "administration", "envoy", "ambassador",
                       "leadership", "cabinet", "office", "department", "premier", "chancellor"})
SPEECH = frozenset({"speech", "interview", "tweet", "tweets", "op-ed", "editorial", "podcast",
                    "debate", "verbally", "rhetorically", "twitter", "column", "broadside",
                    "remark", "remarks", "rhetoric", "criticism", "insult", "insults"})
DATE_ENTS = frozenset({"DATE", "TIME"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
DROP = "drop"
# a warning of what may happen is a forecast unless the warner would act or warns someone
FORECASTING = frozenset({"warn", "caution"})
POSSIBLE = frozenset({"could", "may", "might", "can"})


def is_month(token: Token, lexicon: Patterns) -> bool:
    """'In March, … agreed': a capitalised month name or a date is never an event trigger."""
    return token.lower_ in lexicon.words("months") and (token.is_title or token.is_upper
                                                       or token.ent_type_ in DATE_ENTS)


def _lemmas(tokens: Iterable[Token]) -> set[str]:
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def vetoed(token: Token, anchor: Token, pattern: Pattern) -> bool:
    """The objects or modifiers the class names as another sense are there."""
    if pattern.not_modifiers:
        mods = [c for t in {token, anchor} for c in t.children if c.dep_ in MODIFIER_DEPS]
        if anchor.i != token.i:
            mods.append(anchor)
        if _lemmas(mods) & pattern.not_modifiers:
            return True
    if pattern.not_objects:
        objects = _with_modifiers(objects_of(token)) if pattern.pos == "verb" else [
            o for prep, o in prep_objects(anchor, frozenset({"of"})) if prep == "of"]
        if pattern.pos == "verb":  # "searching for bodies", "met with opposition"
            objects += [o for prep, o in prep_objects(token, frozenset({"for", "with"}))
                        if prep in {"for", "with"}]
        if _lemmas(objects) & pattern.not_objects:
            return True
    return False


def _with_modifiers(objects: list[Token]) -> list[Token]:
    """Objects and their modifiers ("a constitutional declaration": constitutional)."""
    return objects + [c for o in objects for c in o.children if c.dep_ in MODIFIER_DEPS]


def clause_of(anchor: Token) -> list[Token]:
    """The tokens of the clause the trigger is in (its nearest verb and what hangs from it)."""
    node = anchor
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            break
        node = node.head
    return list(node.subtree)


def _heads(c: Candidate) -> tuple[set[str], set[str]]:
    """Lemmas of the trigger's subjects (its actor side) and objects (its target side)."""
    return _lemmas(c.subjects), _lemmas(c.objects)


def _sectors(mentions: Iterable[Mention]) -> set[str]:
    return {m.sector for m in mentions if m.sector}


def physical_evidence(c: Candidate, lexicon: Patterns) -> bool:
    """Troops, weapons or casualties in the clause, an armed party, or a concrete target
    (strong evidence: it outweighs a verbal reading)."""
    if _armed_words_or_party(c, lexicon):
        return True
    subjects, objects = _heads(c)
    if subjects & (lexicon.words("forces") | lexicon.words("irregulars")):
        return True
    return bool(objects & lexicon.words("targets"))


def _armed_words_or_party(c: Candidate, lexicon: Patterns) -> bool:
    """Troops, weapons or casualties in the clause, or an armed party on either side."""
    skip = {c.token.i, c.anchor.i, *c.consumed}
    words = lexicon.words("forces") | lexicon.words("weapons") | lexicon.words("casualties")
    if _lemmas(t for t in clause_of(c.anchor) if t.i not in skip) & words:
        return True
    return bool(_sectors(c.actors + c.recipients) & ARMED_SECTORS)


def _quarrel(c: Candidate, lexicon: Patterns) -> bool:
    """A fight 'between X and Y' where X and Y are people, none of them armed and no arms or
    troops in the clause: a quarrel ("the Oval Office clash between Trump and Zelenskyy"),
    wherever it took place; "the war between Burhan and Dagalo" (two armed commanders) is not."""
    return (_between_persons(c.token) or _between_persons(c.anchor)) \
        and not _armed_words_or_party(c, lexicon)


def _state_against_state(c: Candidate) -> bool:
    """Weak evidence: named parties on both sides and none of them a person ("Israel struck
    Gaza"); a verbal reading outweighs it ("legislation targeting Turkey")."""
    parties = c.actors + c.recipients
    return bool(c.actors and c.recipients) and not any(m.person or m.kind == "person"
                                                       for m in parties)


def verbal_evidence(c: Candidate, lexicon: Patterns) -> bool:
    """The target is an idea, a text or a newspaper, the attacker a text, the reason a
    statement, or the only parties are persons."""
    subjects, objects = _heads(c)
    if objects & lexicon.words("abstract") or subjects & lexicon.words("document"):
        return True
    for prep, obj in prep_objects(c.token, frozenset({"for", "over", "with"})):
        if prep in {"for", "over", "with"} and (
                obj.tag_ == "VBG" or obj.lemma_.lower() in lexicon.words("abstract")):
            return True
    if any(t.dep_ == "pcomp" and t.head.lower_ == "for" and t.head.head.i == c.token.i
           for t in c.token.subtree):
        return True  # "attacked the newspaper for refusing to …"
    if _lemmas(clause_of(c.anchor)) & SPEECH:
        return True
    parties = [m for m in c.actors + c.recipients if m.code or m.members]
    return len(parties) >= 2 and all(m.person or m.kind == "person" for m in parties)


def _between_persons(token: Token) -> bool:
    """'between X and Y' names only people (each a PERSON name): a quarrel, not a battle."""
    sides = [o for prep, o in prep_objects(token, frozenset({"between"})) if prep == "between"]
    sides += [c for o in sides for c in o.conjuncts]
    return len(sides) >= 2 and all(o.ent_type_ == "PERSON" for o in sides)


def _is_official(c: Candidate, lexicon: Patterns) -> bool:
    """A state, a government, an organisation or an office-holder acts, not a crowd."""
    subjects, _ = _heads(c)
    if subjects & lexicon.words("crowds") or not c.subjects:
        return False
    return subjects <= OFFICIALS | {t.lower_ for t in c.subjects if t.ent_type_ == "GPE"} \
        or any(m.kind == "igo" or m.person for m in c.actors)


def _is_military(c: Candidate, lexicon: Patterns) -> bool:
    """The actor side is armed force ("backed by Djiboutian soldiers")."""
    subjects, _ = _heads(c)
    return bool(subjects & lexicon.words("forces")) \
        or bool(_sectors(c.actors) & ARMED_SECTORS - {"COP"})


def _is_armed(c: Candidate, lexicon: Patterns) -> bool:
    subjects, _ = _heads(c)
    return bool(subjects & lexicon.words("irregulars")) \
        or bool(_sectors(c.actors) & IRREGULAR_SECTORS)


def _is_untargeted(c: Candidate, lexicon: Patterns) -> bool:
    """Nobody and nothing is aimed at: "test-fired a missile into the sea"."""
    _, objects = _heads(c)
    return not (c.recipients or c.places or objects & lexicon.words("targets"))


def _is_igo(c: Candidate, lexicon: Patterns) -> bool:
    return any(m.kind == "igo" for m in c.recipients)


def _switch(c: Candidate, lexicon: Patterns) -> str | None:
    tests: dict[str, Callable[[Candidate, Patterns], bool]] = {
        "military": _is_military, "official": _is_official, "armed": _is_armed,
        "untargeted": _is_untargeted, "igo": _is_igo}
    for condition, code in c.pattern.senses:
        if tests[condition](c, lexicon):
            return code
    return None


def sensed_code(c: Candidate, lexicon: Patterns) -> str | None:
    """The code the words give this trigger: its own (None), another, or ``DROP``."""
    subjects, _ = _heads(c)
    if (c.pattern.physical or c.pattern.type in {"ASSAULT", "COERCE"}) and (
            subjects & lexicon.words("hazards")
            or _lemmas(clause_of(c.anchor)) & lexicon.words("sports")):
        return DROP  # "the storm hit X", "Brazil beat Argentina in the qualifier"
    if c.pattern.type == "PROTEST" and _lemmas(clause_of(c.anchor)) & lexicon.words("festive"):
        return DROP  # "crowds flooded the streets in celebration"
    if c.pattern.physical and _quarrel(c, lexicon):
        return c.pattern.verbal or DROP
    if c.pattern.physical and not physical_evidence(c, lexicon):
        if verbal_evidence(c, lexicon):
            return c.pattern.verbal or DROP
        if c.pattern.physical == "strict" and not _state_against_state(c):
            return DROP
    if _forecast(c):
        return DROP  # "X warns that countries could become targets": a forecast, no threat
    if domestic_visit(c.code, c.actors, c.recipients):
        return DROP  # "the prime minister's visit to Quetta (his own country's city)"
    return _switch(c, lexicon)


VISITS = frozenset({"042", "043"})


def domestic_visit(code: str, actors: Sequence[Mention], recipients: Sequence[Mention]) -> bool:
    """A visit (or the hosting of one) inside the actor's own state is a trip, not a visit
    to another party: every recipient is a place or a part of the actor's own state."""
    own = {m.code for m in actors if m.code} | {c for m in actors for c in m.members}
    targets = [m for m in recipients if m.code or m.members]
    return code in VISITS and bool(targets) and all(
        m.code in own if m.code else set(m.members) <= own for m in targets)


def _forecast(c: Candidate) -> bool:
    """A warning that someone else may do or suffer something, to no one named."""
    verb = c.token
    if c.pattern.type != "THREATEN" or verb.lemma_.lower() not in \
            FORECASTING or any(t.dep_ in {"dobj", "dative"} for t in verb.children):
        return False
    for clause in (t for t in verb.children if t.dep_ == "ccomp"):
        subjects = [t for t in clause.children if t.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if any(t.dep_ == "aux" and t.lower_ in POSSIBLE for t in clause.children) \
                and not any(t.tag_ == "PRP" for t in subjects):
            return True
    return False


def is_venue(mention: Mention, head: Token, index: MentionIndex, lexicon: Patterns) -> bool:
    """'the Bishkek Protocol', 'the Minsk agreements', 'Geneva talks': a city named in an
    agreement's or a meeting's name is where, not who."""
    named = lexicon.words("agreements") | lexicon.words("meetings") | lexicon.words("ceasefire")
    if head.lemma_.lower() not in named | {"format", "process"} or mention.kind != "state":
        return False
    tokens = [t for t in head.children if t.dep_ in {"compound", "nmod"}]
    names = [t for t in tokens if index.at(t) is mention]
    if not names or any(t.lower_ in {"-", "–"} or t.dep_ == "conj" for t in head.subtree
                        if t.i < head.i and t.i > names[0].i - 3):
        return False  # "the Russia-Ukraine talks", "Israel and Jordan's treaty": the parties
    others = {index.at(t) for t in tokens} - {mention, None}
    return mention.rule == "metonym" or (names[0].pos_ == "PROPN" and not others)
