"""Finding the actors and recipients of a trigger in the dependency parse.

Every function here walks a few arcs around one token; none scans the document.
Mentions are looked up through a token-index → mention map built once per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from polemos.records import Mention, Participant

# modifiers that name who a noun phrase belongs to ("Russian mediation", "Turkey's support")
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod", "nummod"})
# modifiers followed when looking for the actor named inside a phrase ("officials of X")
PHRASE_DEPS = OWNER_DEPS | {"appos", "conj", "det"}
VERB_PREPS = frozenset({"to", "against", "on", "at", "with", "into", "from", "over", "toward",
                        "towards", "upon", "onto", "in"})
NOUN_PREPS = VERB_PREPS | {"for", "of"}
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acl", "pobj", "ccomp", "acomp"})
# prepositions through which a noun takes the subject of its verb ("engaged in talks")
GOVERNING_PREPS = frozenset({"to", "on", "upon", "in", "into", "for", "at", "with", "of"})
RELATIVE = frozenset({"whose", "who", "whom", "which", "that"})
SUBJECTS = frozenset({"nsubj", "csubj"})
MEASURE_NOUNS = frozenset({"series", "wave", "round", "spate", "string", "number", "day", "week",
                           "month", "year", "ton", "tonne", "batch", "lot", "kind", "set", "kg",
                           "kilogram", "shipment", "consignment", "package", "amount", "quantity",
                           "state", "patch", "group", "handful", "detachment", "column",
                           "convoy", "contingent", "dozen", "hundred", "thousand"})
# nouns that govern an event like a verb does: "the outbreak of hostilities"
ONSET_NOUNS = frozenset({"outbreak", "onset", "resumption", "escalation", "beginning", "start",
                         "renewal", "eruption"})
# nouns through which a verb governs an event: "took part in talks", "claimed responsibility for
# the attack", "played a role in the mediation"
SHARE_NOUNS = frozenset({"part", "role", "responsibility", "credit", "hand", "share"})
# verbs a participle can follow as a state of their subject ("stand accused", "remain detained")
STATIVE_HEADS = frozenset({"stand", "remain", "stay", "seem", "appear", "become", "get", "sit"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"})
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
LOCATING_VERBS = frozenset({"base", "locate", "station", "headquarter", "operate", "live",
                            "affiliate", "lead", "link", "belong", "flee", "escape"})
FLEEING = frozenset({"flee", "escape"})  # "refugees fleeing X": people of X
LOCATIVE = frozenset({"in", "from", "throughout", "across", "within", "of", "at", "near",
                      "around", "outside"})


class MentionIndex:
    """Mentions of one document keyed by the index of every token they cover."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, mention)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def participants_of(mentions: Sequence[Mention]) -> tuple[Participant, ...]:
    """The coded actors of ``mentions`` as event participants, one per code, in text order; a
    group mention ("both sides") stands for each of its members."""
    out: dict[str, Participant] = {}
    for m in mentions:
        for code in [m.code] if m.code else list(m.members):
            out.setdefault(code, Participant(code, m.sector, m.text, m.start, m.end, m.person))
    return tuple(out.values())


@dataclass
class Found:
    """Mentions collected for one argument, in text order, without duplicates."""

    mentions: list[Mention]

    def add(self, more: Iterable[Mention]) -> None:
        seen = {(m.start, m.end) for m in self.mentions}
        for mention in more:
            if (mention.start, mention.end) not in seen:
                seen.add((mention.start, mention.end))
                self.mentions.append(mention)

NON_ACTOR_NOUNS = frozenset({"language", "dialect", "alphabet", "script", "cuisine", "literature"})
# people named by whom they stand against: "Chinese rivals", "Russia's enemies" are not China,
# not Russia (their own name, apposition or conjuncts still count)
ADVERSARIES = frozenset({"rival", "opponent", "enemy", "foe", "adversary", "critic", "detractor",
                         "challenger", "competitor"})


def phrase_mentions(token: Token, index: MentionIndex, *, depth: int = 0,
                    with_of: bool = True) -> list[Mention]:
    """The mentions naming the phrase headed by ``token``: itself, modifiers, conjuncts."""
    found = Found([])
    mention = index.at(token)
    if token.lemma_.lower() in NON_ACTOR_NOUNS:  # "the Russian language" names no party
        return []
    if token.lower_ in RELATIVE and token.dep_ in {"poss", "nsubj", "nsubjpass", "dobj", "pobj"}:
        return _antecedent(token, index)  # "Canada, which Trump hit with tariffs": Canada
    if mention is None and token.lower_ in PRONOUNS and token.dep_ in PRONOUN_DEPS:
        return reference.resolve_pronoun(token, index)
    if mention is None and token.dep_ in PRONOUN_DEPS | {"pobj", "dobj"}:
        described = reference.definite_anaphor(token, index)
        if described is not None:
            return [described]
    if mention is not None and mention.code is None and not mention.members:
        mention = None  # unresolved name: its title or apposition may still name the actor
    if mention is not None:
        found.add([mention])
        for child in token.children:  # "Armenian-Azerbaijani": two mentions, one phrase
            if (child.dep_ in {"amod", "compound"} or is_hyphen_joined(child, token)) \
                    and not mention.start <= child.idx < mention.end \
                    and index.at(child) is not None:  # not "NATO-member Norway"
                found.add(phrase_mentions(child, index, depth=depth + 1, with_of=False))
    elif depth < 3:
        for child in token.children:
            if child.dep_ in OWNER_DEPS and token.lemma_.lower() in ADVERSARIES:
                continue
            if child.dep_ in PHRASE_DEPS and child.dep_ != "conj":
                found.add(phrase_mentions(child, index, depth=depth + 1, with_of=with_of))
            elif with_of and child.dep_ == "prep" and child.lower_ == "of" and depth < 2:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.add(phrase_mentions(obj, index, depth=depth + 1))
            elif child.dep_ == "prep" and child.lower_ == "including":
                for obj in child.children:  # "35 countries, including the EU": the EU is one
                    if obj.dep_ == "pobj":
                        found.add(phrase_mentions(obj, index, depth=depth + 1))
        if not found.mentions and with_of and depth < 2:
            found.add(_located(token, index, depth))
    for child in token.children:
        listed = child.dep_ == "appos" and index.at(child) is not None and any(
            g.dep_ in {"conj", "cc"} for g in child.children)  # "Mali, Burkina Faso and Niger"
        if (child.dep_ == "conj" or listed) and depth < 4:
            found.add(phrase_mentions(child, index, depth=depth + 1, with_of=with_of))
    return found.mentions


HYPHENS = frozenset({"-", "–", "—"})


def is_hyphen_joined(child: Token, head: Token) -> bool:
    """'a joint Kenya-U.S. base': the name before the hyphen modifies the one after it, as
    a joint participant, whatever arc the parser gives it (nmod here, amod elsewhere)."""
    return child.i + 2 == head.i and child.doc[child.i + 1].text in HYPHENS \
        and not child.whitespace_ and not child.doc[child.i + 1].whitespace_


def _located(token: Token, index: MentionIndex, depth: int) -> list[Mention]:
    """'forces in Guinea', 'students throughout Indonesia': the place names the actor."""
    found = Found([])
    located = [g for c in token.children if c.dep_ == "acl" and c.lemma_ in LOCATING_VERBS
               for g in c.children]  # "a newspaper based in X"
    for child in [*token.children, *located]:
        # "with/to/into X" too, for the phrase itself as for a locating verb: "tons of grain
        # to Afghanistan" (measured: leaving them to locating verbs loses recipients)
        if child.dep_ == "prep" and child.lower_ in LOCATIVE | {"with", "to", "into"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.add(phrase_mentions(obj, index, depth=depth + 1))
        elif child.dep_ == "dobj" and child.head.lemma_ in FLEEING and not found.mentions:
            found.add(phrase_mentions(child, index, depth=depth + 1, with_of=False))
    return found.mentions


def _antecedent(token: Token, index: MentionIndex) -> list[Mention]:
    """'whose'/'which' in a relative clause stand for the noun the clause modifies; 'that'
    in a cleft ("it was Russia that brokered …", parsed as a complement of "was") for the
    noun the cleft puts first."""
    node = token.head
    for _ in range(3):
        if node.dep_ == "relcl":
            return phrase_mentions(node.head, index, depth=1)
        focus = _cleft_focus(node)
        if focus is not None:
            return phrase_mentions(focus, index, depth=1)
        node = node.head
    return []


def _cleft_focus(clause: Token) -> Token | None:
    """The noun a cleft puts first: "It was Russia" in "It was Russia that brokered …"."""
    be = clause.head
    if clause.dep_ != "ccomp" or be.lemma_ != "be" or not any(
            c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
        return None
    return next((c for c in be.children if c.dep_ == "attr" and c.i < clause.i), None)


def owner_mentions(noun: Token, index: MentionIndex, *, skip: int = -1) -> list[Mention]:
    """Mentions in the possessive/adjectival/compound modifiers of a noun ('Russian mediation')."""
    found = Found([])
    for child in noun.children:
        if child.dep_ in OWNER_DEPS and child.i != skip:
            found.add(phrase_mentions(child, index, depth=1, with_of=False))
        elif child.dep_ == "compound" and child.i == skip:
            found.add(owner_mentions(child, index))
    return found.mentions


def prep_objects(token: Token, preps: frozenset[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off ``token`` ('to Armenia', 'on Belarus')."""
    out: list[tuple[str, Token]] = []
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps | {"by", "between"}:
            objects = [obj for obj in child.children if obj.dep_ == "pobj"]
            if not objects:  # "curbs to and from North Korea": the prepositions share it
                objects = [obj for c in child.children if c.dep_ in {"conj", "prep"}
                           for obj in c.children if obj.dep_ == "pobj"]
            out.extend((child.lower_, obj) for obj in objects)
    return out


def subject_tokens(verb: Token, *, exclude: int = -1) -> tuple[list[Token], bool]:
    """The subject of ``verb`` (climbing through control and coordination) and is-passive.

    ``exclude``: a token that cannot be its own actor (the noun trigger in 'by joint drills').
    """
    subjects, passive = _subject_tokens(verb, exclude)
    if not subjects and not passive and verb.tag_ in FINITE:
        subjects = _apposition_before(verb)
    return [_named_before_dashes(s) for s in subjects], passive


FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _apposition_before(verb: Token) -> list[Token]:
    """'After the fall of the old union, Russia together with Kazakhstan opened talks', parsed
    with Russia as an apposition of "the old union": the phrase set off by a comma
    that ends right before a finite verb without a subject is that verb's subject."""
    if verb.i < 2:
        return []
    node = verb.doc[verb.i - 1]
    while node.head.i < verb.i and node.head.i != node.i:
        if node.dep_ == "appos" and node.right_edge.i == verb.i - 1 \
                and node.doc[node.left_edge.i - 1].text == ",":
            return [node]
        node = node.head
    return []


DASHES = frozenset({"—", "–", "--"})


def _named_before_dashes(subject: Token) -> Token:
    """A subject standing between dashes renames the noun before them: "an Indian warship —
    the INS Imphal, a destroyer — paid a visit" (the parser takes the phrase inside the
    dashes for the subject and joins "warship" to what comes before it)."""
    first, last = subject.left_edge.i, subject.right_edge.i
    doc = subject.doc
    closing = last if doc[last].text in DASHES else last + 1  # the dash may hang on the phrase
    if first < 2 or closing >= len(doc) or doc[first - 1].text not in DASHES \
            or doc[closing].text not in DASHES:
        return subject
    before = doc[first - 2]
    return before if before.pos_ in {"NOUN", "PROPN"} else subject


def clause_read_as_phrase(verb: Token) -> bool:
    """'Trump hosted Erdogan in the White House' parsed as one noun phrase ("Trump" a modifier
    of the root "Erdogan", "hosted" an adjective): a sentence whose root is a name, with a
    past verb right after another name (not "a Chinese-funded pipeline", joined by a hyphen)."""
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.i == 0:
        return False
    head, before = verb.head, verb.doc[verb.i - 1]
    return head.dep_ == "ROOT" and head.pos_ == "PROPN" and head.i > verb.i \
        and before.pos_ == "PROPN" and before.head.i == head.i \
        and before.dep_ in {"nmod", "compound"}


def _subject_tokens(verb: Token, exclude: int) -> tuple[list[Token], bool]:
    if clause_read_as_phrase(verb):
        return [verb.doc[verb.i - 1]], False
    node = verb
    if verb.tag_ == "VBN" and verb.dep_ in {"acomp", "oprd", "xcomp", "advcl"} \
            and verb.head.lemma_.lower() in STATIVE_HEADS:
        return [], True  # "X stands accused", "X remains detained": X undergoes it
    active = not any(c.dep_ == "auxpass" for c in verb.children)
    if not active and not any(c.dep_ in {"nsubjpass", "agent"} for c in verb.children):
        return [], True  # "after being detained in X": who climbs up is the one detained
    for hop in range(5):
        shared = [c for c in node.children if c.dep_ == "nsubjpass"]
        if hop > 0 and active and shared and (
                verb.dep_ == "conj" or verb.dep_ in {"advcl", "pcomp"} and verb.tag_ == "VBG"):
            # "X was indicted by Y and will resign", "X was released after apologizing": X
            return shared, False
        agents = [o for c in node.children if c.dep_ == "agent" for o in c.children
                  if o.dep_ == "pobj" and o.i != exclude]
        if agents:
            return agents, True
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects, False
        if any(c.dep_ == "nsubjpass" for c in node.children) and exclude < 0:
            return [], True
        if node.dep_ == "xcomp":
            controller = object_controller(node.head)
            if controller is not None:
                return [controller], False
        if node.dep_ == "pcomp" and node.head.lower_ == "for" and node.head.head.pos_ == "VERB":
            objects = [c for c in node.head.head.children if c.dep_ == "dobj"
                       and c.lemma_.lower() not in SHARE_NOUNS]  # not "took credit for …"
            if objects:  # "criticised X for refusing", "praised X for helping": X does it
                return objects, False
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.head.pos_ in {"NOUN", "PROPN"}:
            return [], True  # "Palestinians injured in clashes": the noun suffers it
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}):
            return [node.head], False
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            return [], False
        node = node.head
    return [], False


def object_controller(verb: Token) -> Token | None:
    """The object that controls an infinitive: 'called on X to …', 'urged X to …'."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            return child
        if child.dep_ in {"prep", "prt"} and child.lower_ == "on":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def objects_of(verb: Token) -> list[Token]:
    """Direct objects, passive subjects and dative objects of a verb.

    A quantity misparsed as a particle ("kidnapped up to 16 advisers": up/prt → to → advisers)
    is a direct object too.
    """
    found = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "dative", "attr", "oprd"}]
    if clause_read_as_phrase(verb):
        found.append(verb.head)  # "Trump hosted Erdogan" read as a phrase: Erdogan is hosted
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        found.append(verb.head)  # "civilians killed in the raid": the noun undergoes it
    if verb.dep_ == "relcl" and not found and any(c.dep_ == "nsubj" for c in verb.children) \
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        found.append(verb.head)  # "a Turkish ship it seized": the ship is seized
    if not found:  # "supported Afghan girls going to school" read as a clause of "girls"
        found += [s for clause in verb.children if object_read_as_subject(clause)
                  for s in clause.children if s.dep_ == "nsubj" and s.i < clause.i]
    if not found:  # "agreed and accepted the proposal": the verbs share the object
        found += [o for v in _joined_verbs(verb) for o in v.children if o.dep_ == "dobj"]
    for prt in verb.children:
        if prt.dep_ in {"prt", "advmod"} and prt.lower_ == "up":
            found += [o for to in prt.children if to.dep_ == "prep" and to.lower_ == "to"
                      for o in to.children
                      if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
    return found


def _joined_verbs(verb: Token) -> list[Token]:
    """The verb right after a bare ``verb`` and its conjunction ("condemned and rejected"), when
    it has no subject of its own: the two govern one object. A verb with a complement of its
    own ("agreed to talk and accepted the plan") shares nothing."""
    if any(c.dep_ in {"dobj", "xcomp", "ccomp", "dative"} for c in verb.children):
        return []
    return [v for v in verb.children if v.dep_ == "conj" and v.pos_ == "VERB"
            and all(t.dep_ in {"cc", "advmod"} for t in verb.doc[verb.i + 1:v.i])
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children)]


def object_read_as_subject(clause: Token) -> bool:
    """A bare -ing clause with a noun subject and no auxiliary or conjunction of its own: the
    parser's reading of an object described by a participle ("helped refugees returning home")."""
    return clause.dep_ == "ccomp" and clause.tag_ == "VBG" and not any(
        c.dep_ in {"aux", "auxpass", "mark"} for c in clause.children) and any(
        c.dep_ == "nsubj" and c.i < clause.i and c.pos_ in {"NOUN", "PROPN"}
        for c in clause.children)


def governor(noun: Token) -> Token | None:
    """The verb a noun phrase depends on (directly, or through one preposition)."""
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj", "attr", "oprd"}:
        return noun.head if noun.head.pos_ in {"VERB", "AUX"} else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return noun.head.head if noun.head.head.pos_ in {"VERB", "AUX"} else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in GOVERNING_PREPS:
        head = noun.head.head
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if noun.head.lower_ == "of" and head.lemma_.lower() in ONSET_NOUNS:
            return head
        if noun.head.lower_ == "of" and is_measure(head):
            return governor(head)
        if head.lemma_.lower() in SHARE_NOUNS:  # "took part in talks", "claimed responsibility for"
            return governor(head)
    return None


def is_measure(noun: Token) -> bool:
    """'10 days of war games', 'a series of bombs': the head only measures the event noun."""
    return noun.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ == "nummod" for c in noun.children)


# who a pronoun or a description stands for needs phrase_mentions, and phrase_mentions needs it:
# imported last, so that either module may be imported first
from polemos.events import reference
