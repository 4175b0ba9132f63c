"""Syntactic frames: who acts, who is acted on, who stands between, read off the parse
(verbs here, event nouns in events/nominal.py).

Verbs:
- active: the subject acts (through control and coordination: "agreed to sign", "tried to
  invade"; a weapon or a text acts for whoever fired or wrote it: "missiles fired by X");
  objects, datives and prepositions (to/against/on/at/with/into/from/over/toward) are
  recipients;
- passive: the agent "by X" acts; the passive subject is the recipient;
- inverse ("received arms from X"): the subject receives, "from X" or the object's owner gives.
Nouns:
- nominal: the possessive, adjectival or compound modifier ("Russia's shelling",
  "Turkish offensive"), "by X", and "of/from X" when X is armed force or a weapon ("a barrage
  of Azerbaijani rockets") act; "of/on/against/to X" otherwise receive ("the shelling of Y");
- light: a support verb ("carried out strikes", "held talks", "imposed sanctions", "took part
  in talks") gives the noun its subject as actor and its prepositions as recipients; any other
  verb ("condemned the attack") gives the noun nothing;
- undergo: a verb of undergoing ("faces sanctions", "came under fire from X", "is under
  occupation") makes its subject the recipient;
- head: when the parser read a verb as a noun ("Russia shells Kharkiv"), the clause head and
  its dependents are read as a verb's.
Frames of a class: directed (the default), symmetric (every party acts: compound subjects,
"with X", "between A and B"), mediation (the subject mediates; the parties are recipients).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from polemos.events.args import (
    NOUN_PREPS,
    VERB_PREPS,
    MentionIndex,
    governor,
    objects_of,
    owner_mentions,
    phrase_mentions,
    prep_objects,
    subject_tokens,
)
from polemos.events.patterns import Patterns
from polemos.events.reference import PROCEEDINGS, definite_anaphor
from polemos.events.senses import is_venue
from polemos.records import Mention

if TYPE_CHECKING:
    from polemos.events.candidates import Candidate

# types whose recipient may be the place it happens in ("curfew in X", "bombs in Kabul")
PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "PROTEST", "AID",
                         "REQUEST"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
ASKING = frozenset({"request", "behest", "invitation", "urging", "insistence", "demand"})
MOTION = frozenset({"return", "go", "travel", "come", "arrive", "head", "fly", "move", "leave",
                    "gather", "converge", "assemble", "meet"})
# texts that act for whoever adopts them ("a resolution condemning X")
DOCUMENTS = frozenset({"law", "resolution", "statement", "declaration", "decree", "bill", "act",
                       "communique", "report", "letter", "document", "motion", "ruling", "verdict",
                       "note", "order", "proposal", "plan", "amendment", "legislation"})
NEAR_PREPS = frozenset({"near", "outside", "around", "inside", "in"})
PLACE_PREPS = frozenset({"near", "outside", "inside", "along", "across"})  # where, like "in"
PLACE_NOUNS = frozenset({"republic", "region", "city", "province", "town", "village", "state",
                         "territory", "enclave", "capital", "district", "area", "county",
                         "governorate", "oblast", "island", "islands", "part", "parts", "north",
                         "south", "east", "west", "centre", "center", "outskirts", "suburbs"})
BENEFIT_TYPES = frozenset({"AID", "COOPERATE", "SUPPORT"})  # "aid for Iraq": for whom
# types whose "over X" names the party the dispute is with ("complained to the UN over X")
DISPUTE_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST"})
# participles that state an attitude of their subject when passive ("is opposed to", "committed to")
STATIVE = frozenset({"oppose", "commit", "dedicate", "devote", "attach", "opposed", "committed"})


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def mentions_of(tokens: list[Token], index: MentionIndex) -> list[Mention]:
    out: list[Mention] = []
    for token in tokens:
        out.extend(m for m in phrase_mentions(token, index) if m not in out)
    return out


# -- verbs ----------------------------------------------------------------------------------


def verb_arguments(c: Candidate, index: MentionIndex, lexicon: Patterns) -> None:
    """Actors, recipients and places of a verb trigger (active, passive, inverse, head)."""
    subjects, passive = _subjects(c, index)
    c.subjects = subjects
    c.actors = mentions_of(subjects, index)
    if not c.actors and c.token.dep_ == "acl" and subjects == [c.token.head]:
        _described_actor(c, c.token.head, index, lexicon)
    elif not c.actors and _participle_read_as_clause(c.token, subjects):
        _described_actor(c, subjects[0], index, lexicon, maker=c.token.head)
    if not c.actors:  # "missiles fired by X struck …", "a resolution drafted by X urges …"
        c.actors = [m for s in subjects if _is_instrument(s, lexicon) for m in _by_whom(s, index)]
    if not subjects:
        c.confidence *= 0.7
    if not c.actors and c.pattern.type == "ASSAULT":  # "killed by a bomb near X": X's side
        _places_near(c, subjects, index)
    _verb_objects(c, passive, index)
    preps = VERB_PREPS | PLACE_PREPS | ({"for"} if c.pattern.type in BENEFIT_TYPES else set())
    add_preps(c, c.token, frozenset(preps), index, skip_passive_agent=passive)
    if not c.recipients:  # "fired tear gas, bullets and grenades at X": hung on the last object
        for last in _last_listed_objects(c.token):
            add_preps(c, last, SHARED_PREPS, index)
    if not c.recipients:  # "waging an insurgency against the Pakistani state"
        for obj in (o for o in c.token.children if o.dep_ == "dobj"):
            add_preps(c, obj, frozenset({"against"}), index)
    if c.pattern.prep:  # "put under investigation in X", "warned of retaliation against X"
        for _, obj in prep_objects(c.token, frozenset({c.pattern.prep})):
            if obj.i in c.consumed:
                add_preps(c, obj, frozenset({"in", "against", "on"}), index)
    if c.pattern.mode == "resign":  # "resigned as president of Indonesia"
        c.recipients += [m for _, o in prep_objects(c.token, frozenset({"as"}))
                         for m in phrase_mentions(o, index)]
    if not c.actors:  # "attempts by Iran to mediate the dispute"
        c.actors = _attempted_by(c.token, index, lexicon)
        c.recipients = [m for m in c.recipients if m not in c.actors]
    if c.pattern.inverse:
        _invert(c, index)
    if c.pattern.embeds and not c.recipients and c.token.dep_ == "advcl":
        c.recipients += _addressees(c.token.head, index)  # "sent a letter to X threatening …"
    if c.pattern.embeds and not c.recipients:
        _embedded_targets(c, index)
    if not c.recipients and lemma_of(c.token) in GIVING:
        c.recipients += _taken_back_from(c.token, index)


# prepositions a verb shares with the list of its objects: where they go, at or against whom
SHARED_PREPS = frozenset({"at", "against", "on", "into", "to"})


def _last_listed_objects(verb: Token) -> list[Token]:
    """The last item of each list of direct objects: the parser hangs a preposition of the
    verb on the item nearest to it ("fired tear gas, rubber bullets and grenades at X")."""
    return [max(obj.conjuncts, key=lambda t: t.i) for obj in verb.children
            if obj.dep_ == "dobj" and obj.conjuncts]


def _attempted_by(verb: Token, index: MentionIndex, lexicon: Patterns) -> list[Mention]:
    """Who makes the attempt an infinitive completes: "attempts by Iran to mediate", and "the
    attempts to mediate the dispute by Iran", where the parser hangs "by Iran" on the object
    (not on an object that is an event of its own: "efforts to end the blockade by X")."""
    if verb.dep_ != "acl" or verb.head.pos_ != "NOUN" \
            or not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return []
    holders = [verb.head] + [o for o in verb.children if o.dep_ == "dobj"
                             and not lexicon.candidates("noun", lemma_of(o))]
    return [m for holder in holders for prep, o in prep_objects(holder, frozenset())
            if prep == "by" for m in phrase_mentions(o, index)]


# an exchange told by two coordinated verbs has one other side: "cede X and lease back Y
# from Z", "return the islands and buy back the port from Z": Z receives what is given
GIVING = frozenset({"cede", "give", "hand", "return", "transfer", "surrender", "relinquish",
                    "sell", "yield"})
TAKING = frozenset({"lease", "buy", "rent", "take", "purchase", "borrow", "receive", "obtain",
                    "acquire", "get"})


def _taken_back_from(verb: Token, index: MentionIndex) -> list[Mention]:
    """The party a coordinated verb of taking takes from ("… and lease back Y from Z")."""
    found: list[Mention] = []
    for other in verb.conjuncts:
        if other.pos_ != "VERB" or lemma_of(other) not in TAKING:
            continue
        for holder in [other, *(o for o in other.children if o.dep_ == "dobj")]:
            found += [m for _, o in prep_objects(holder, frozenset({"from"}))
                      for m in phrase_mentions(o, index) if m not in found]
    return found


def _subjects(c: Candidate, index: MentionIndex) -> tuple[list[Token], bool]:
    """The subject tokens and voice; a passive without its own subject gives its recipient
    ("his release after being detained"); an unusual parse falls back on the clause head."""
    subjects, passive = subject_tokens(c.token)
    misread = _subject_read_as_object(c.token, index)
    if misread is not None:
        subjects, passive = [misread], False
    if passive and not subjects and _is_stative(c.token):  # "X is opposed to Y"
        subjects, passive = [t for t in c.token.children if t.dep_ == "nsubjpass"], False
    c.frame = "passive" if passive else c.frame
    if passive and not subjects and not any(t.dep_ == "nsubjpass" for t in c.token.children):
        patients = subject_tokens(c.token.head)[0] if c.token.head.i != c.token.i else []
        c.recipients += mentions_of(patients, index)
        c.objects += patients
    if not subjects and not passive:
        subjects = _head_fallback(c.token, index)
        c.frame = "head" if subjects else c.frame
    return subjects, passive



# verbs of saying that take a clause, never a party, as object: "said X imposed …"
SAYING_CLAUSE = frozenset({"say", "claim", "allege", "add", "insist", "state", "report",
                           "believe", "think", "argue", "contend", "suggest", "note"})


def _subject_read_as_object(verb: Token, index: MentionIndex) -> Token | None:
    """'said Ankara in the last few years imposed controls' parsed with Ankara as the object of
    "said" and "imposed" without a subject: a verb of saying takes no party as object, so the
    name before the reported verb is its subject."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or lemma_of(head) not in SAYING_CLAUSE \
            or any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in verb.children):
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i]
    return objects[0] if objects and phrase_mentions(objects[0], index) else None


def _is_instrument(noun: Token, lexicon: Patterns) -> bool:
    """A weapon or a text: it acts for whoever made, fired or wrote it."""
    words = lexicon.words("weapons") | lexicon.words("document")
    return noun.pos_ == "NOUN" and (lemma_of(noun) in words or noun.lower_ in words)


def _participle_read_as_clause(verb: Token, subjects: list[Token]) -> bool:
    """'China conducted the drills encircling Taiwan' parsed as a clause ("the drills" subject
    of "encircling", a ccomp of "conducted"): a bare -ing form has no subject of its own, so
    its noun is the object it describes, and the main verb is the noun's verb."""
    return verb.tag_ == "VBG" and verb.dep_ == "ccomp" and verb.head.i != verb.i \
        and len(subjects) == 1 and subjects[0].pos_ == "NOUN" and subjects[0].head.i == verb.i \
        and subjects[0].i < verb.i and not any(ch.dep_ in {"aux", "auxpass"}
                                              for ch in verb.children)


def _described_actor(c: Candidate, head: Token, index: MentionIndex, lexicon: Patterns, *,
                     maker: Token | None = None) -> None:
    """A participle describing a noun acts for whoever the noun's verb (``maker``, else the
    noun's governor) names: "adopted a resolution condemning X", "sent a letter to X
    threatening …" (X addressed), "China conducted drills encircling Taiwan"."""
    is_text, is_event = lemma_of(head) in DOCUMENTS, bool(lexicon.candidates("noun",
                                                                             lemma_of(head)))
    if not is_text and not is_event:
        maker = None
    elif maker is None:
        maker = governor(head)
    if maker is None or is_event and maker.pos_ != "VERB":
        return
    c.actors = mentions_of(subject_tokens(maker, exclude=head.i)[0], index)
    if is_text:
        c.recipients += [m for _, o in prep_objects(maker, frozenset({"to"}))
                         for m in phrase_mentions(o, index)]


FALLBACK_DEPS = frozenset({"npadvmod", "dep", "nmod", "compound", "appos", "amod", "nummod"})


def _head_fallback(verb: Token, index: MentionIndex) -> list[Token]:
    """An unusual parse left the clause without a subject ("Turkey massed troops" read with
    Turkey as an adverbial): the nearest dependent before the head that names an actor."""
    before = [c for c in verb.children if c.i < verb.i and c.dep_ in FALLBACK_DEPS]
    return [c for c in before[-1:] if phrase_mentions(c, index)]


def _places_near(c: Candidate, subjects: list[Token], index: MentionIndex) -> None:
    for node in [c.token, *subjects]:
        preps = [p for p in node.children if p.dep_ == "prep" and p.lower_ in NEAR_PREPS]
        preps += [g for p in preps for g in p.children if g.dep_ == "prep"]  # "outside of"
        c.places += [m for p in preps for o in p.children if o.dep_ == "pobj"
                     for m in phrase_mentions(o, index)]


def _verb_objects(c: Candidate, passive: bool, index: MentionIndex) -> None:
    for obj in objects_of(c.token):
        if obj.dep_ == "nsubjpass" and not passive:
            continue
        c.objects.append(obj)
        if c.pattern.topic_object and obj.dep_ == "dobj":  # "discussed China's role": China is
            add_preps(c, obj, frozenset({"with", "between"}), index)  # the topic, not a party;
            continue  # "discussed the dispute with Turkey": Turkey is
        if _is_weapon(c, obj):  # "detonated her explosives": whose weapon acts, none is hit
            c.actors = c.actors or owner_mentions(obj, index)
            continue
        if obj.i in c.consumed and _moves_force(c, obj):
            if not c.actors:  # "Russian troops were sent to Syria": whose troops moves them
                c.actors = owner_mentions(obj, index) or phrase_mentions(obj, index)
                c.subjects.append(obj)
            add_preps(c, obj, NOUN_PREPS, index)  # "its forces in Lebanon"
        elif obj.i in c.consumed:
            c.recipients += [m for m in owner_mentions(obj, index)
                             if not is_venue(m, obj, index, c.lexicon)]
            add_preps(c, obj, NOUN_PREPS, index)
            c.recipients += [m for m in _by_whom(obj, index) if m not in c.recipients]
            if not c.recipients:  # "lifted sanctions imposed on X": X bore them
                for acl in (t for t in obj.children if t.dep_ == "acl" and t.pos_ == "VERB"):
                    add_preps(c, acl, IMPOSED_ON, index)
            held_by = definite_anaphor(obj, index) if lemma_of(obj) in PROCEEDINGS else None
            if not c.recipients and held_by is not None:  # "boycotted the session": the body's
                c.recipients.append(held_by)
        elif c.pattern.embeds and lemma_of(c.token) in TELLING and _is_press(obj, c.lexicon):
            continue  # "told VOA's Korean Service that X must …": told, not addressed
        elif obj.dep_ != "attr":  # "negotiated the Bishkek Protocol": where, not with whom
            c.recipients += [m for m in phrase_mentions(obj, index)
                             if not is_venue(m, obj, index, c.lexicon)] or _by_whom(obj, index)
            if c.pattern.frame == "mediation":
                add_preps(c, obj, frozenset({"between", "with"}), index)


IMPOSED_ON = frozenset({"on", "upon", "against", "to"})


TELLING = frozenset({"tell", "inform", "brief", "assure", "say", "write", "remind", "warn"})


def _is_press(obj: Token, lexicon: Patterns) -> bool:
    """The object is a news outlet or reporters: a statement's audience, not a party."""
    press = lexicon.words("press")
    return obj.lower_ in press or obj.lemma_.lower() in press or any(
        t.dep_ == "poss" and t.lower_ in press for t in obj.children)


# verbs of force whose weapon object is what they strike, not what they strike with
DOWNING = frozenset({"intercept", "destroy", "down", "neutralise", "neutralize", "disable",
                     "capture", "seize", "jam"})


def _is_weapon(c: Candidate, obj: Token) -> bool:
    """The object of a use of force is the weapon used ("fired missiles", "detonated a bomb"),
    unless the act downs it ("shot down two Ukrainian drones": Ukraine's drones are hit)."""
    if c.pattern.prep == "down" or lemma_of(c.token) in DOWNING:
        return False
    return c.pattern.type == "ASSAULT" and obj.dep_ == "dobj" and (
        obj.lemma_.lower() in c.lexicon.words("weapons") or obj.lower_ in c.lexicon.words("weapons"))


RELEASE = "084"


def _moves_force(c: Candidate, obj: Token) -> bool:
    """The object is armed force a deployment moves: its owner deploys it (not soldiers set
    free or handed back, 084x: "the rebels freed Kenyan soldiers" releases Kenya's)."""
    return c.pattern.type in {"MOBILIZE", "AID", "RETREAT"} and not c.pattern.code.startswith(
        RELEASE) and (
        obj.lemma_.lower() in c.lexicon.words("forces") or obj.lower_ in c.lexicon.words("forces"))


def _invert(c: Candidate, index: MentionIndex) -> None:
    """'X received arms from Y', 'accepted Chinese funding': Y gives, X receives."""
    givers = [m for _, o in prep_objects(c.token, frozenset({"from"}))
              for m in phrase_mentions(o, index)]
    for obj in (t for t in c.token.doc if t.i in c.consumed):
        givers += owner_mentions(obj, index)
        givers += [m for _, o in prep_objects(obj, frozenset({"from"}))
                   for m in phrase_mentions(o, index)]
    receivers = c.actors
    c.actors = list(dict.fromkeys(givers))
    c.recipients = [m for m in receivers if m not in c.actors]
    c.frame = "inverse"


def _is_stative(verb: Token) -> bool:
    return lemma_of(verb) in STATIVE and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def _addressees(verb: Token, index: MentionIndex) -> list[Mention]:
    """Whom ``verb`` addresses: its 'to X' dative ("sent a letter to X", "wrote to X")."""
    return [m for child in verb.children if child.dep_ in {"dative", "prep"} and child.lower_ == "to"
            for obj in child.children if obj.dep_ == "pobj" for m in phrase_mentions(obj, index)]


def _embedded_targets(c: Candidate, index: MentionIndex) -> None:
    """'demanded that X …' → X; 'threatened to cut electricity to X' → X."""
    for child in c.token.children:
        if child.dep_ == "ccomp":
            subjects = [s for s in child.children if s.dep_ in {"nsubj", "nsubjpass"}]
            c.recipients += mentions_of(subjects, index)
    if c.recipients:
        return
    for child in c.token.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            c.recipients += mentions_of(objects_of(child), index)
            c.recipients += mentions_of([o for _, o in prep_objects(child, VERB_PREPS - {"in"})],
                                        index)
            # "declined to participate in the EU plan": the organisation whose plan it is ("in X"
            # alone is a place: "refused to fight in X")
            c.recipients += [m for _, o in prep_objects(child, frozenset({"in"}))
                             for m in owner_mentions(o, index) if m.kind == "igo"]
    if not c.recipients:  # "threatened to strike unless X withdrew": the condition's subject
        clauses = [g for child in c.token.children if child.dep_ in {"xcomp", "advcl"}
                   for g in [child, *child.children] if g.dep_ == "advcl"]
        for clause in clauses:
            if any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in clause.children):
                c.recipients += mentions_of([s for s in clause.children if s.dep_ == "nsubj"],
                                            index)
    own = {m.code for m in c.actors if m.code}  # "threatened to pull US funding": not the US
    c.recipients = [m for m in c.recipients if m.code not in own]


def _by_whom(obj: Token, index: MentionIndex) -> list[Mention]:
    """'rejected calls by X', 'an appeal from X', 'the proposal submitted by X', 'workers
    employed by X': whose the object is."""
    heads = [obj] + [c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return [m for head in heads for prep, o in prep_objects(head, frozenset({"from", "of"}))
            if prep in {"by", "from", "of"} for m in phrase_mentions(o, index)]


def add_preps(c: Candidate, token: Token, preps: frozenset[str], index: MentionIndex, *,
               skip_passive_agent: bool = False) -> None:
    for prep, obj in prep_objects(token, preps):
        of_actor = prep == "of" and c.pattern.of_actor
        found = phrase_mentions(obj, index, with_of=not of_actor)  # not "forces from X"
        if of_actor:  # "the withdrawal of troops from X": X is left
            c.recipients += [m for _, o in prep_objects(obj, frozenset({"from", "to", "into"}))
                             for m in phrase_mentions(o, index) if m not in c.recipients]
        if prep != "by" and prep not in {"between", "with"}:
            c.objects.append(obj)
        if prep == "by":
            if not skip_passive_agent and c.pattern.pos == "noun" and not c.actors:
                c.actors += found
                c.subjects.append(obj)
        elif prep in {"between", "with"} and c.pattern.frame == "symmetric":
            c.actors += [m for m in found if m not in c.actors]
        elif prep == "in" or prep in PLACE_PREPS:  # not "in defiance of X"; "in the city of X"
            c.places += phrase_mentions(obj, index, with_of=lemma_of(obj) in PLACE_NOUNS)
        elif c.pattern.frame == "symmetric" and prep not in {"against", "to"}:
            continue
        elif prep in {"at", "upon", "on"} and lemma_of(obj) in ASKING:
            continue  # "sent troops at X's request": X asked, X is not the target
        elif prep == "over" and c.pattern.type not in DISPUTE_TYPES and index.at(obj) is None:
            continue  # "sanctions over its drone deliveries": the reason ("over Belarus": whom)
        elif prep == "to" and c.pattern.type == "ACCUSE":
            c.audience += found  # "complained to the UN over X": the UN hears it
        elif _acts_through(c, prep, obj):  # "a barrage of Azerbaijani rockets", "fire from X"
            c.actors += [m for m in found if m not in c.actors]
            c.subjects.append(obj)
        elif prep == "of" and (c.pattern.frame == "mediation" or of_actor) \
                and not c.actors:  # "the withdrawal of X's troops", "mediation of X"
            c.actors += found
        else:
            c.recipients += [m for m in found if m not in c.recipients]


def _acts_through(c: Candidate, prep: str, obj: Token) -> bool:
    """A force noun's 'of X' or 'from X' names the attacker when X is armed force or a weapon."""
    if c.pattern.pos != "noun":
        return False
    if prep == "from":  # "support from France", "fire from X", "a visit from X"
        return c.pattern.type not in {"RETREAT", "CONCEDE"} and not c.pattern.of_actor
    if c.pattern.type not in FORCE_TYPES:
        return False
    words = c.lexicon.words
    armed = words("forces") | words("weapons") | words("irregulars")
    return prep == "of" and (lemma_of(obj) in armed or obj.lower_ in armed)


def apply_frame(c: Candidate) -> None:
    """Mediation: the subject mediates, the parties receive; symmetric: all are actors."""
    c.mediators = list(c.actors) if c.pattern.frame == "mediation" else []
    convened = _convened(c)
    if convened is not None:  # "X held talks between Y and Z": X mediates between them
        c.actors, c.recipients = convened
        c.mediators, c.code = list(c.actors), MEDIATE
    spans = {(m.start, m.end) for m in c.actors}
    c.recipients = [m for m in c.recipients if (m.start, m.end) not in spans
                    and not _own_country(c, m) and not _joint_party(c, m)
                    and not _own_namesake(c, m) and not _self_beside_partner(c, m)]
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


MEDIATE = "045"
# what brings a settlement about: "signed due to the efforts of Russia", "thanks to Qatar's
# mediation", "through Egyptian help"
CAUSE_PREPS = frozenset({"due", "thanks", "owing", "through", "via"})
BROKERING = frozenset({"effort", "efforts", "mediation", "help", "assistance", "involvement",
                       "initiative", "diplomacy", "intercession", "intervention", "offices"})
SETTLING_TYPES = frozenset({"AGREE", "CONCEDE", "CONSULT", "RETREAT"})


def credit_brokers(c: Candidate, index: MentionIndex) -> None:
    """A talk, agreement or ceasefire brought about "due to the efforts of X", "thanks to X's
    mediation", "through X's help": X mediates it (unless X is one of its parties)."""
    if c.pattern.type not in SETTLING_TYPES or c.pattern.frame == "mediation":
        return
    parties = {m.code for m in c.actors if m.code}
    nodes = [c.token] if c.governor is None else [c.token, c.governor]
    for prep in (p for node in nodes for p in node.children):
        if prep.dep_ != "prep" or prep.lower_ not in CAUSE_PREPS:
            continue
        heads = {prep.i} | {g.i for g in prep.children if g.dep_ in {"pcomp", "prep"}}
        for obj in (o for o in prep.subtree if o.dep_ == "pobj" and o.head.i in heads):
            if lemma_of(obj) not in BROKERING and obj.lower_ not in BROKERING:
                continue
            brokers = owner_mentions(obj, index) + [
                m for _, o in prep_objects(obj, frozenset({"of", "by"}))
                for m in phrase_mentions(o, index)]
            c.mediators += [m for m in brokers if m.code not in parties and m not in c.mediators]


def _convened(c: Candidate) -> tuple[list[Mention], list[Mention]] | None:
    """'Egypt held talks between Israel and Hamas', 'Russia initiated negotiations between the
    parties': a meeting "between" parties its subject is not one of is convened by the subject,
    which is mediation (045): the subject mediates, the parties between whom receive. The
    conveners and the parties are split by where they are named (inside the "between" phrase or
    not); "talks between X and Y" without anyone else stay a consultation of X and Y."""
    if c.pattern.type != "CONSULT" or c.pattern.frame == "mediation" or not c.actors:
        return None
    heads = {c.token.i: c.token, c.anchor.i: c.anchor}
    heads.update({o.i: o for o in c.token.children if o.dep_ == "dobj"})
    spans = [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for h in heads.values()
             for p in h.children if p.dep_ == "prep" and p.lower_ == "between"]
    sides = [m for m in c.actors if any(lo <= m.start < hi for lo, hi in spans)]
    conveners = [m for m in c.actors if m not in sides]
    if not sides or not party_codes(conveners) or party_codes(conveners) & party_codes(sides):
        return None
    return conveners, sides + [m for m in c.recipients if m not in sides]


def _own_country(c: Candidate, m: Mention) -> bool:
    """No state sanctions itself or gives itself aid: 'the U.S. tariff', 'exports to the U.S.',
    'an Iranian ship delivered cargo to Iran' name the actor's own country, not the target (a
    government's aid to its own people names them: "to Iranian civilians")."""
    return c.pattern.type in {"SANCTION", "AID"} and m.sector is None \
        and m.code in {a.code for a in c.actors}


def _self_beside_partner(c: Candidate, m: Mention) -> bool:
    """'North Korea's envoy defended Pyongyang and Moscow's treaty': among parties named
    together as the other side, the actor's own state is its own side, not a recipient."""
    if m.code is None or m.code not in {a.code for a in c.actors}:
        return False
    doc = c.token.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    partners = {t.i for t in span.root.conjuncts}
    return any(o.code != m.code and o.code not in {a.code for a in c.actors} and (
        (found := doc.char_span(o.start, o.end, alignment_mode="expand")) is not None
        and (found.root.i in partners or found.root.head.i in partners))  # "Moscow's treaty"
        for o in c.recipients)


# documents often named after a person ("the Lavrov Plan", "the Truman Doctrine")
NAMED_DOCUMENTS = frozenset({"plan", "doctrine", "principle", "principles", "format", "process",
                             "initiative", "formula", "proposal", "roadmap"})


def _own_namesake(c: Candidate, m: Mention) -> bool:
    """A person a document is named after, of the actor's own side, is its author, not the
    target: "Russia put forward the Lavrov Plan" (while "Armenia rejected the Lavrov Plan"
    rejects Russia's plan)."""
    if m.kind != "person" or m.code not in {a.code for a in c.actors}:
        return False
    named = c.lexicon.words("agreements") | NAMED_DOCUMENTS
    span = c.token.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "compound" and t.head.is_title
                                    and t.head.lemma_.lower() in named for t in span)


def party_codes(mentions: Sequence[Mention]) -> set[str]:
    """The codes of the parties ``mentions`` name: their own, and the members of a group
    ("both countries" → Israel, Turkey)."""
    return {m.code for m in mentions if m.code} | {code for m in mentions for code in m.members}


def _joint_party(c: Candidate, m: Mention) -> bool:
    """Two parties who act together, as a group or a coordinated subject, are not the act's
    target: "Both countries (Israel, Turkey) withdrew ambassadors over Israel's crackdown" is
    a mutual act, coded as a symmetric one is (every party an actor), never with Israel as its
    own recipient. A symmetric class already reads its partner ("talks with X") its own way."""
    parties = party_codes(c.actors)
    if c.pattern.frame == "symmetric" or len(parties) != 2:
        return False
    together = any(a.members for a in c.actors) or any(s.conjuncts for s in c.subjects)
    return together and (m.code in parties or bool(m.members) and set(m.members) <= parties)


def _place_acts(c: Candidate) -> bool:
    """Who acts is named by where: crowds protesting in X, anonymous arrests made in X."""
    if c.pattern.pos == "noun":
        return c.pattern.type == "PROTEST"  # "riots broke out in X": X's people riot
    if c.pattern.type not in {"PROTEST", "COERCE", "ASSAULT", "ACCUSE"}:
        return False
    subjects, passive = subject_tokens(c.token)
    if c.pattern.type in {"COERCE", "ACCUSE"}:  # "was arrested / put under investigation in X"
        return passive and not subjects
    if c.pattern.type == "ASSAULT":  # an unnamed attacker: an agent or subject naming no actor
        return bool(subjects) and bool(c.recipients)
    return bool(subjects) or c.token.dep_ in {"acl", "relcl"}
