"""Who a pronoun or a description stands for: "it", "they", "we" in a quotation, "the group",
"the government".

A pronoun takes the subject of the clause above it, else the nearest earlier mention it can
stand for ("he"/"she" a person, "it" a state, body or group), else the subject of the sentence
before; a common noun it agrees with ("the convoy … when it came under attack") stands in the
way. "We" inside a quotation is its speaker. A definite description ("the group", "the
government") is the nearest earlier actor of its kind.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from polemos.actors.lexicon import SECTOR_NOUNS
from polemos.actors.sectors import head_noun_sector
from polemos.events.args import (
    OWNER_DEPS,
    PRONOUNS,
    SUBJECTS,
    MentionIndex,
    owner_mentions,
    phrase_mentions,
    prep_objects,
)
from polemos.records import Mention

# definite descriptions that point back at an actor named before ("the group said it had
# killed", "the government demanded"): the nearest earlier mention of that kind of actor
ARMED_ANAPHORS = frozenset({"group", "militant", "insurgent", "outfit", "organization",
                            "organisation", "militia", "rebel", "jihadist", "movement"})
STATE_ANAPHORS = frozenset({"government", "authority", "administration", "regime", "country",
                            "state", "capital", "nation"})
# proceedings a body holds: "Kenya refused to attend the hearing" (of the court named before)
PROCEEDINGS = frozenset({"hearing", "session", "proceeding", "trial", "deliberation"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ANAPHOR_REACH = 3  # sentences back, its own included


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
                          "stress", "warn", "argue", "explain", "announce", "ask", "indicate",
                          "signal", "caution", "reiterate"})


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
    # a subject never stands for a name inside what its own verb says or does ("'We urge the
    # Guatemalan authorities …,' they said": they are not the authorities)
    own = {t.i for t in token.head.subtree} if token.dep_ in {"nsubj", "nsubjpass"} else set()
    earlier = [m for i in range(token.i - 1, token.sent.start - 1, -1)
               if i not in own and (m := index.by_token.get(i)) is not None
               and fits_pronoun(token, m)]
    if _in_subject_phrase(token):  # parallel roles: "X supported Y; its troops …" is X's
        subjects = [m for m in earlier
                    if (span := token.doc.char_span(m.start, m.end, alignment_mode="expand"))
                    is not None and _in_subject_phrase(span.root)]
        if subjects:
            return [subjects[0]]
    if earlier:
        return [earlier[0]]
    return _previous_subject(token, index)


def _in_subject_phrase(token: Token) -> bool:
    """The token is a clause's subject or the owner of one ("its troops took part")."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return token.dep_ == "poss" and token.head.dep_ in {"nsubj", "nsubjpass"}


def definite_anaphor(token: Token, index: MentionIndex) -> Mention | None:
    """'the group', 'the militants', 'the government', 'the country's army', 'the hearing': the
    nearest earlier mention, in its sentence or the few before, of an actor of that kind (an
    armed group; a state; the organisation or court that holds a proceeding). A noun with a name of its own in its phrase ("the Kurdish group", "the
    government of X", "the government in X") is not an anaphor. A state description takes the
    sector its words give: "the government" GOV, "the country's security forces" MIL."""
    lemma = token.lemma_.lower()
    if lemma in FORCE_NOUNS:
        return _earlier_attacker(token, index)
    wanted = "armed" if lemma in ARMED_ANAPHORS else "state" if lemma in STATE_ANAPHORS \
        else "body" if lemma in PROCEEDINGS else None
    if wanted is None or token.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    if lemma in SINGULAR_ONLY and token.tag_ in {"NNS", "NNPS"}:
        return None  # "the three nations": several states, not the one told before
    named = [c for c in token.children if c.dep_ in OWNER_DEPS | {"appos"}] + [
        o for c in token.children if c.dep_ == "prep" and c.lower_ in NAMING_PREPS
        for o in c.children]
    if any(index.at(n) is not None for n in named):
        return None  # "the Kurdish group", "the capital, X", "the government of X"
    if wanted == "armed":  # the group the story is about: told as a subject, else any
        return _earlier(token, index, wanted, token.i, subjects_only=True) \
            or _earlier(token, index, wanted, token.i)
    if wanted != "state":  # the body holding a proceeding, in its sentence too
        return _earlier(token, index, wanted, token.i)
    found = _same_description(token, index) or _speaker_state(token, index) \
        or _earlier(token, index, wanted, token.sent.start)
    if found is None and (token.dep_ == "poss" or token.dep_ == "nsubj" and token.head.tag_ == "VBD"):
        found = _topic_state(token, index)  # "the country's army", "the government sent"
    if found is None:
        return None
    sector = SECTOR_NOUNS.get(lemma) or head_noun_sector(token) or found.sector
    return replace(found, sector=sector) if sector != found.sector else found


def _same_description(token: Token, index: MentionIndex) -> Mention | None:
    """'waging war on the Pakistani state and accusing the government of …': a description of
    a state told earlier in the same sentence by a state noun with its name ("the Pakistani
    state", "Syria's government") is the state "the government" stands for."""
    for i in range(token.i - 1, token.sent.start - 1, -1):
        mention = index.by_token.get(i)
        before = token.doc[i]
        if mention is not None and mention.code and _is_kind(mention, "state") \
                and before.dep_ in OWNER_DEPS and before.head.i != token.i \
                and before.head.lemma_.lower() in STATE_ANAPHORS:
            return mention
    return None


# "the government of X", "the authorities in X": the phrase names its own state
NAMING_PREPS = frozenset({"of", "in"})
# uses of force told again by a definite noun: "Airstrikes by X killed 50 … The airstrikes
# also killed Y", "Gunmen attacked a train … the attack killed 20": whoever struck before
FORCE_NOUNS = frozenset({"airstrike", "strike", "attack", "raid", "bombing", "shelling",
                         "offensive", "assault", "ambush", "bombardment"})


def _earlier_attacker(token: Token, index: MentionIndex) -> Mention | None:
    """'the airstrikes' (no owner of its own): the side that carried out the same act told
    in the sentences before, by the same word as a noun ("airstrikes by the army", "the army's
    airstrikes") or a verb ("X attacked")."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children) or any(
            c.dep_ in OWNER_DEPS | {"prep", "agent"} for c in token.children):
        return None
    first = token.doc[token.sent.start].sent
    for _ in range(ANAPHOR_REACH - 1):
        if first.start == 0:
            break
        first = token.doc[first.start - 1].sent
    lemma = token.lemma_.lower()
    for i in range(token.sent.start - 1, first.start - 1, -1):
        before = token.doc[i]
        if before.lemma_.lower() != lemma:
            continue
        if before.pos_ == "NOUN":
            found = owner_mentions(before, index) + [
                m for prep, o in prep_objects(before, frozenset({"by", "from"}))
                if prep in {"by", "from"} for m in phrase_mentions(o, index)]
        else:
            active = not any(c.dep_ == "auxpass" for c in before.children)
            found = [m for c in before.children if active and c.dep_ == "nsubj"
                     for m in phrase_mentions(c, index)]
        if found:
            return found[0]
    return None


# descriptions of one state ("the authorities" is one government)
SINGULAR_ONLY = frozenset({"country", "nation", "state", "government", "capital", "regime",
                           "administration"})


def _earlier(token: Token, index: MentionIndex, wanted: str, last: int, *,
             subjects_only: bool = False) -> Mention | None:
    """The nearest mention of that kind before ``last``, in the few sentences up to the
    token's. A state is taken only from the subject of an earlier sentence: the states a
    sentence names besides its subject are mostly the other side ("Manila summoned the
    Chinese envoy"); an armed group first from a subject too ("3R rebels claim they protect
    herders from attacks by anti-Balaka militias … the rebel group": 3R)."""
    first = token.doc[token.sent.start].sent
    for _ in range(ANAPHOR_REACH - 1):
        if first.start == 0:
            break
        first = token.doc[first.start - 1].sent
    for i in range(last - 1, first.start - 1, -1):
        mention = index.by_token.get(i)
        if mention is not None and mention.code and _is_kind(mention, wanted) and (
                (wanted != "state" and not subjects_only) or _in_subject(token.doc[i])):
            return mention
    return None


TOPIC_LEAD = 2  # mentions by which the story's state must lead every other state


def _topic_state(token: Token, index: MentionIndex) -> Mention | None:
    """The state the story is about so far: named most often in the sentences before the
    description's, by a clear lead (else no one: "the government" of a story about two
    states is not guessed)."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    seen: set[int] = set()
    for i in range(token.sent.start):
        mention = index.by_token.get(i)
        if mention is None or id(mention) in seen or not mention.code \
                or mention.kind not in {"state", "defacto"}:
            continue
        seen.add(id(mention))
        counts[mention.code] = counts.get(mention.code, 0) + 1
        last[mention.code] = mention
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] - ranked[1][1] < TOPIC_LEAD:
        return None
    return replace(last[ranked[0][0]], person=None, sector=None)


def _speaker_state(token: Token, index: MentionIndex) -> Mention | None:
    """'X's intelligence agency said the country's forces killed …': a state description in
    a clause the main verb reports stands for the state whose side speaks, named by the main
    subject itself or its modifier ("Somalia's agency", "Kenyan President X"), not by a place
    in it ("Somalia-based al-Shabab") nor a state named elsewhere in the sentence."""
    root = token.sent.root
    if not _reported_by(token, root):
        return None
    for subject in (c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}):
        own = index.at(subject)
        own = own if own is not None and (own.code or own.members) else None  # a known actor
        for node in [subject, *(c for c in subject.children if c.dep_ in OWNER_DEPS)]:
            mention = index.at(node)
            if mention is None or not mention.code or own is not None and own is not mention:
                continue
            if mention.kind in {"state", "defacto"} or mention.person and mention.sector == "GOV":
                return replace(mention, person=None, sector=None)  # "Kenya's president": Kenya
    return None


def _reported_by(token: Token, root: Token) -> bool:
    """The token is in a clause that ``root`` reports ("said (that) …"), below it."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and node.head.i == root.i:
            return True
        node = node.head
    return False


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
    if wanted == "body":  # an international organisation or a court
        return mention.kind == "igo" or mention.sector == "JUD"
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
