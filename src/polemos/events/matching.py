"""Which lemma class (if any) a token triggers.

A token is looked up by part of speech and lemma; the classes of that lemma are tried with
their conditions first (an object, a particle, a modifier, a governing verb, a modal), in
file order, then the unconditioned ones. A class does not fit when the words name another
sense of the lemma (``not_object`` / ``not_modifier``), and a month name never triggers. A
verb the parser tagged as a noun at the head of its clause ("Russia shells Kharkiv" read as
a noun phrase) is tried as a verb too.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.events.args import VERB_PREPS, governor, is_measure, objects_of, prep_objects
from polemos.events.patterns import Pattern, Patterns
from polemos.events.senses import is_month, vetoed

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# heads a trigger noun may modify and still name the event ("ceasefire agreement", "war effort")
EVENT_HEADS = frozenset({"agreement", "accord", "deal", "declaration", "protocol", "pact", "plan",
                         "process", "operation", "campaign", "effort", "initiative", "programme",
                         "program", "mission", "regime", "talk", "talks", "statement", "document",
                         "treaty", "negotiation", "negotiations", "memorandum", "resolution",
                         "role", "efforts", "attempt", "bid", "activity", "activities", "work",
                         "involvement", "format", "marathon", "round", "series", "wave",
                         "proposal", "offer", "package", "threat", "warning", "call", "request"})
OBJECT_DEPS = frozenset({"compound", "amod"})
AMOUNTS = frozenset({"million", "billion", "trillion"})


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


INFLECTED = frozenset({"VBD", "VBN", "VBG", "VBZ", "NNS"})


def forms_of(token: Token) -> tuple[str, ...]:
    """The lemma, the form, and for an inflected word the stems its suffix allows: the
    lemmatizer sometimes errs ("staged" → "stag"), and a class must still find its word."""
    lemma, lower = lemma_of(token), token.lower_
    forms = [lemma, lower]
    if token.tag_ in INFLECTED and lower != lemma or gerund_read_as_noun(token):
        for suffix, stems in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("e", "")), ("d", ("",)),
                              ("ing", ("e", "")), ("es", ("", "e")), ("s", ("",))):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                base = lower[: -len(suffix)]
                forms += [base + stem for stem in stems]
                if len(base) > 2 and base[-1] == base[-2]:  # "stopped" → "stop"
                    forms.append(base[:-1])
                break
    return tuple(dict.fromkeys(forms))


def anchor_of(token: Token) -> Token:
    """The head noun of a compound trigger ("ceasefire agreement" → agreement), else itself."""
    if token.dep_ == "compound" and token.head.pos_ in NOUN_POS:
        return token.head
    return token


def _is_trigger_noun(token: Token, patterns: Patterns) -> bool:
    return bool(patterns.candidates("noun", lemma_of(token))
                or patterns.candidates("noun", token.lower_))


def _names(token: Token, patterns: Patterns) -> set[str]:
    """The lemma of an object and of its modifiers ("humanitarian aid", "arms supplies"),
    except a compound that is an event noun of its own ("war games" stay games)."""
    names = {lemma_of(token), token.lower_}
    names.update(lemma_of(c) for c in token.children if c.dep_ in OBJECT_DEPS and not (
        c.dep_ == "compound" and _is_trigger_noun(c, patterns) and lemma_of(token) not in
        EVENT_HEADS))
    if is_measure(token):  # "700 kg of medicine", "a series of strikes", "a team of doctors"
        names.update(lemma_of(o) for _, o in prep_objects(token, frozenset({"of"})))
    if lemma_of(token) in AMOUNTS and not any(c.tag_ == "$" for c in token.subtree):
        names -= AMOUNTS  # "$45 million" is money; "20 million chickens" is not
    return names


def _object_match(token: Token, pattern: Pattern, patterns: Patterns) -> frozenset[int] | None:
    preps = VERB_PREPS | {"for", "as"} | ({"of"} if pattern.pos == "noun" else set()) \
        | ({pattern.prep} if pattern.prep else set())  # "put under investigation"
    objects = objects_of(token)
    if not pattern.inverse:  # "got into a police vehicle" receives nothing
        objects += [obj for _, obj in prep_objects(token, frozenset(preps))]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "photos and arms"
    if pattern.any_object:
        direct = [o for o in objects if o.dep_ in {"dobj", "nsubjpass"}]
        return frozenset({direct[0].i}) if direct else None
    for obj in objects:
        if _names(obj, patterns) & pattern.objects:
            return frozenset({obj.i} | {c.i for c in obj.children if c.dep_ == "compound"})
    clauses = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}] \
        if pattern.embeds else []  # speech acts: "declined to comment", "refused to withdraw"
    for clause in clauses:
        if lemma_of(clause) in pattern.objects:
            return frozenset()  # the clause stays, to be embedded (it names the target)
    return None


def _has_prep(token: Token, prep: str) -> bool:
    """'called on', 'pushed for X', also 'pushed for X to …' parsed as a clause marked by 'for'."""
    return any(c.dep_ in {"prep", "prt", "agent", "advmod"} and c.lower_ == prep
               and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)  # "On Monday"
               for c in token.children) \
        or any(g.dep_ == "mark" and g.lower_ == prep for c in token.children
               if c.dep_ in {"advcl", "ccomp"} for g in c.children)


def _modifiers(token: Token) -> set[Token]:
    mods = {c for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}
    return mods | {g for c in list(mods) for g in c.children if g.dep_ in {"amod", "compound"}}


def fits(token: Token, pattern: Pattern, patterns: Patterns) -> frozenset[int] | None:
    """The tokens the pattern consumes when it fits ``token`` (maybe none), else None."""
    anchor = anchor_of(token)
    if pattern.prep and pattern.pos == "noun":  # nouns: the preposition they hang from ("at X's request")
        if anchor.dep_ != "pobj" or anchor.head.lower_ != pattern.prep:
            return None
    elif pattern.prep and not _has_prep(token, pattern.prep):
        return None
    consumed: frozenset[int] = frozenset()
    if pattern.objects or pattern.any_object:
        found = _object_match(token, pattern, patterns)
        if found is None:
            return None
        consumed = found
    if pattern.modifiers:
        mods = _modifiers(token) | ({anchor} if anchor.i != token.i else set())
        hits = {m.i for m in mods if {lemma_of(m), m.lower_} & pattern.modifiers}
        if not hits:
            return None
        consumed = consumed | (hits - {anchor.i})
    if pattern.modals and not any(
            c.dep_ in {"ccomp", "acl"} and any(a.dep_ == "aux" and a.lower_ in pattern.modals
                                              for a in c.children) for c in token.children):
        return None
    if pattern.governors:
        gov = governor(anchor)
        if gov is None or not set(forms_of(gov)) & pattern.governors:
            return None
    return None if vetoed(token, anchor, pattern) else consumed


def _lookup(token: Token, pos: str, patterns: Patterns) -> tuple[Pattern, ...]:
    for form in forms_of(token):
        found = patterns.candidates(pos, form)
        if found:
            return found
    return ()


# prepositions that take a bare gerund: "by mediating between X and Y", "after shelling Z"
GERUND_PREPS = frozenset({"by", "after", "before", "since", "without", "through", "while",
                          "upon", "on", "for"})


def gerund_read_as_noun(token: Token) -> bool:
    """'contributed by mediating between the parties': a bare -ing form after a preposition,
    tagged as a noun, is the verb's gerund ("the bombing" with its determiner is a noun)."""
    return token.tag_ == "NN" and token.lower_.endswith("ing") and token.dep_ == "pobj" \
        and token.head.lower_ in GERUND_PREPS \
        and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in token.children)


def _verb_misread_as_noun(token: Token) -> bool:
    """'Russia shells Kharkiv': a clause head tagged as a noun that has a subject and object."""
    deps = {c.dep_ for c in token.children}
    return token.dep_ == "ROOT" and "nsubj" in deps and bool(deps & {"dobj", "prep"})


def _by_modifier(token: Token, pattern: Pattern) -> bool:
    """The class's object word is a modifier of the object, not its head ("humanitarian aid",
    "the Ceasefire Agreement"): a narrower class than one naming the head."""
    objects = objects_of(token) + [o for _, o in prep_objects(token, VERB_PREPS | {"for"})]
    return any(lemma_of(o) not in pattern.objects and o.lower_ not in pattern.objects
               and any(lemma_of(c) in pattern.objects for c in o.children
                       if c.dep_ in OBJECT_DEPS) for o in objects)


def match_pattern(token: Token, patterns: Patterns) -> tuple[Pattern, frozenset[int]] | None:
    """The pattern that fits the token: constrained patterns first, in file order, except that
    a class matched on the object's modifier beats one matched on its head."""
    if token.pos_ in VERB_POS:
        tries = ["verb"]
    elif token.pos_ in NOUN_POS:
        tries = ["noun", "verb"] if _verb_misread_as_noun(token) or gerund_read_as_noun(token) \
            else ["noun"]
    else:
        return None
    if is_month(token, patterns):
        return None
    for pos in tries:
        found: tuple[Pattern, frozenset[int]] | None = None
        for pattern in _lookup(token, pos, patterns):
            consumed = fits(token, pattern, patterns)
            if consumed is None:
                continue
            if pos == "noun" and not pattern.modifiers and _describes_thing(token, patterns):
                continue
            if found is None:
                found = pattern, consumed
                if not pattern.objects or _by_modifier(token, pattern):
                    return found
            elif pattern.objects and _by_modifier(token, pattern):
                return pattern, consumed
        if found is not None:
            return found
    return None


def _describes_thing(token: Token, patterns: Patterns) -> bool:
    """'riot police', 'truce monitors', 'invasion forces': the trigger only describes a thing."""
    if token.dep_ != "compound" or token.head.pos_ not in NOUN_POS:
        return False
    head = token.head
    if lemma_of(head) in EVENT_HEADS:
        return False
    found = _lookup(head, "noun", patterns)
    return not any(fits(head, p, patterns) is not None for p in found)
