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
RELATIVE = frozenset({"whose", "who", "which", "that"})
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
# definite descriptions that point back at an actor named before ("the group said it had
# killed", "the government demanded"): the nearest earlier mention of that kind of actor
ARMED_ANAPHORS = frozenset({"group", "militant", "insurgent", "outfit", "organization",
                            "organisation", "militia", "rebel", "jihadist", "movement"})
STATE_ANAPHORS = frozenset({"government", "authority", "administration", "regime", "country",
                            "state", "capital"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ANAPHOR_REACH = 3  # sentences back, its own included
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
    if token.lower_ in RELATIVE and token.dep_ in {"poss", "nsubj", "nsubjpass"}:
        return _antecedent(token, index)
    if mention is None and token.lower_ in PRONOUNS and token.dep_ in PRONOUN_DEPS:
        return resolve_pronoun(token, index)
    if mention is None and token.dep_ in PRONOUN_DEPS | {"pobj", "dobj"}:
        described = definite_anaphor(token, index)
        if described is not None:
            return [described]
    if mention is not None and mention.code is None and not mention.members:
        mention = None  # unresolved name: its title or apposition may still name the actor
    if mention is not None:
        found.add([mention])
        for child in token.children:  # "Armenian-Azerbaijani": two mentions, one phrase
            if child.dep_ in {"amod", "compound"} and not mention.start <= child.idx < mention.end \
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
        if not found.mentions and with_of and depth < 2:
            found.add(_located(token, index, depth))
    for child in token.children:
        listed = child.dep_ == "appos" and index.at(child) is not None and any(
            g.dep_ in {"conj", "cc"} for g in child.children)  # "Mali, Burkina Faso and Niger"
        if (child.dep_ == "conj" or listed) and depth < 4:
            found.add(phrase_mentions(child, index, depth=depth + 1, with_of=with_of))
    return found.mentions


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


# common nouns that stand for political actors named elsewhere ("Those leaders said they …"):
# a pronoun after them still looks for the actor they stand for
PARTY_NOUNS = STATE_ANAPHORS | ARMED_ANAPHORS | frozenset({
    "leader", "official", "minister", "president", "diplomat", "lawmaker", "legislator",
    "side", "party", "nation", "delegation", "envoy", "spokesperson", "spokesman", "ally",
    "member", "representative", "commander", "force", "troop", "soldier", "police"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
THING_PRONOUNS = frozenset({"it", "its"})


def fits_pronoun(pronoun: Token, mention: Mention) -> bool:
    """'he'/'she' stand for a person, 'it'/'its' for a state, body or group, 'they'/'we' for
    either: "a bomber detonated her explosives near a convoy in X" does not make X the bomber."""
    is_person = (mention.kind == "person" or mention.rule == "title") \
        and not _names_institution(pronoun.doc, mention)
    if pronoun.lower_ in PERSONAL_PRONOUNS:
        return is_person
    if pronoun.lower_ in THING_PRONOUNS:
        return not is_person
    return True


def _names_institution(doc: Doc, mention: Mention) -> bool:
    """'the Assad regime', 'the Trump administration': a person's name for a government."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.dep_ in {"compound", "poss"} \
        and root.head.lemma_.lower() in STATE_ANAPHORS


FIRST_PERSON = frozenset({"we", "our", "us"})
QUOTES = frozenset({'"', "“", "”"})
SAYING_VERBS = frozenset({"say", "tell", "add", "state", "declare", "write", "insist", "note",
                          "stress", "warn", "argue", "explain", "announce", "ask"})


def in_quotation(token: Token) -> bool:
    """An odd number of quotation marks before the token in its sentence: it is quoted."""
    sent = token.sent
    opened = sum(1 for t in sent if t.i < token.i and t.text in QUOTES)
    return opened % 2 == 1 or (token.i > sent.start and sent[0].text in QUOTES
                               and not any(t.text in QUOTES for t in sent[1:token.i - sent.start]))


def quoted_speaker(token: Token, index: MentionIndex) -> list[Mention]:
    """Who says the quotation the token is in: the subject of a verb of saying outside the
    quotes in its sentence ("'We buy …,' Erdogan said"); nobody named, else."""
    sent = token.sent
    for verb in sent:
        if verb.lemma_.lower() in SAYING_VERBS and not in_quotation(verb):
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and not in_quotation(c)]
            found = [m for s in subjects for m in phrase_mentions(s, index, depth=1)]
            if found:
                return found
    return []


def resolve_pronoun(token: Token, index: MentionIndex) -> list[Mention]:
    """'Syria says it will …': the subject of the clause above, else the nearest earlier
    mention; only mentions the pronoun can stand for (``fits_pronoun``). 'We' inside a
    quotation is its speaker's side (``quoted_speaker``)."""
    if token.lower_ in FIRST_PERSON and in_quotation(token):
        return quoted_speaker(token, index)
    node = token.head
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj", "advcl", "xcomp", "relcl"} or node.head.i == node.i:
            break
        node = node.head
        for child in node.children:
            if child.dep_ in SUBJECTS and child.lower_ not in PRONOUNS:
                found = [m for m in phrase_mentions(child, index, depth=1)
                         if fits_pronoun(token, m)]
                if found:
                    return found
                if _agrees(token, child) and not any(t.i in index.by_token for t in child.subtree):
                    return []  # "reported the convoy was passing when it came under attack"
    subject = _main_subject_mention(token, index)
    if subject is not None:
        return [subject]
    for i in range(token.i - 1, token.sent.start - 1, -1):
        mention = index.by_token.get(i)
        if mention is not None and fits_pronoun(token, mention):
            return [mention]
    return _previous_subject(token, index)


def definite_anaphor(token: Token, index: MentionIndex) -> Mention | None:
    """'the group', 'the militants', 'the government': the nearest earlier mention, in its
    sentence or the few before, of an actor of that kind (an armed group; a state). A noun
    with a name of its own in its phrase ("the Kurdish group") is not an anaphor."""
    lemma = token.lemma_.lower()
    wanted = "armed" if lemma in ARMED_ANAPHORS else "state" if lemma in STATE_ANAPHORS else None
    if wanted is None or token.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    if any(index.at(c) is not None for c in token.children if c.dep_ in OWNER_DEPS):
        return None
    first = token.doc[token.sent.start].sent
    for _ in range(ANAPHOR_REACH - 1):
        if first.start == 0:
            break
        first = token.doc[first.start - 1].sent
    # a state is taken only from the subject of an earlier sentence: the states a sentence
    # names besides its subject are mostly the other side ("Manila summoned the Chinese envoy")
    last = token.i if wanted == "armed" else token.sent.start
    for i in range(last - 1, first.start - 1, -1):
        mention = index.by_token.get(i)
        if mention is not None and mention.code and _is_kind(mention, wanted) and (
                wanted == "armed" or _in_subject(token.doc[i])):
            return mention
    return None


def _in_subject(token: Token) -> bool:
    node = token
    for _ in range(4):
        if node.dep_ in {"nsubj", "nsubjpass"}:
            return node.head.i == node.sent.root.i
        if node.dep_ not in OWNER_DEPS | {"appos", "conj", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_kind(mention: Mention, wanted: str) -> bool:
    if wanted == "armed":
        return mention.kind == "armed_group"
    return mention.kind in {"state", "defacto"} and mention.sector in {None, "GOV"}


def _agrees(pronoun: Token, noun: Token) -> bool:
    """A common noun naming no actor that the pronoun can stand for: 'it' a singular one,
    'they' a plural one."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in PARTY_NOUNS:
        return False
    if pronoun.lower_ in THING_PRONOUNS:
        return noun.tag_ == "NN"
    return pronoun.lower_ in {"they", "their"} and noun.tag_ == "NNS"


def _previous_subject(token: Token, index: MentionIndex) -> list[Mention]:
    """A pronoun opening a sentence: the subject of the one before, else its first mention
    unless that subject is a noun naming no actor."""
    if token.sent.start == 0:
        return []
    previous = token.doc[token.sent.start - 1].sent
    first: Mention | None = None
    for candidate in previous:
        mention = index.by_token.get(candidate.i)
        if mention is None or not fits_pronoun(token, mention):
            continue
        if candidate.dep_ in {"nsubj", "nsubjpass"} or candidate.head.dep_ in {"nsubj", "nsubjpass"}:
            return [mention]
        first = first or mention
    subject = [c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subject and subject[0].pos_ == "NOUN" and not any(
            t.i in index.by_token for t in subject[0].subtree):
        return []  # "Gunmen stormed a hotel in X. They …": the gunmen, whom no name gives
    return [first] if first is not None else []


def _main_subject_mention(token: Token, index: MentionIndex) -> Mention | None:
    """The first mention inside the main clause's subject, before ``token``."""
    root = token.sent.root
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            for node in child.subtree:
                if node.i >= token.i:
                    break
                mention = index.by_token.get(node.i)
                if mention is not None and fits_pronoun(token, mention):
                    return mention
    return None


def _antecedent(token: Token, index: MentionIndex) -> list[Mention]:
    """'whose'/'which' in a relative clause stand for the noun the clause modifies."""
    node = token.head
    for _ in range(3):
        if node.dep_ == "relcl":
            return phrase_mentions(node.head, index, depth=1)
        node = node.head
    return []


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
    node = verb
    if verb.tag_ == "VBN" and verb.dep_ in {"acomp", "oprd", "xcomp", "advcl"} \
            and verb.head.lemma_.lower() in STATIVE_HEADS:
        return [], True  # "X stands accused", "X remains detained": X undergoes it
    active = not any(c.dep_ == "auxpass" for c in verb.children)
    if not active and not any(c.dep_ in {"nsubjpass", "agent"} for c in verb.children):
        return [], True  # "after being detained in X": who climbs up is the one detained
    for hop in range(5):
        shared = [c for c in node.children if c.dep_ == "nsubjpass"]
        if hop > 0 and active and shared and verb.dep_ == "conj":
            return shared, False  # "X was indicted by Y and will resign": X resigns
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
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        found.append(verb.head)  # "civilians killed in the raid": the noun undergoes it
    if verb.dep_ == "relcl" and not found and any(c.dep_ == "nsubj" for c in verb.children) \
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        found.append(verb.head)  # "a Turkish ship it seized": the ship is seized
    for prt in verb.children:
        if prt.dep_ in {"prt", "advmod"} and prt.lower_ == "up":
            found += [o for to in prt.children if to.dep_ == "prep" and to.lower_ == "to"
                      for o in to.children
                      if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)]
    return found


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
