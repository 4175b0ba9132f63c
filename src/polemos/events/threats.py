"""Threats stated as conditions on another party's conduct.

"Russia will strike unless Ukraine withdraws", "sanctions would follow only if Ankara switched
the system on" (said by Washington): a conflictual act made to depend on what a named
party does is a threat made now (THREATEN 13x, refined by the act threatened), by whoever
states it, against the party the condition names. The act itself has not happened; the threat
has, so the event is not flagged hypothetical.

Who states it: the subject of the verb of saying whose complement the act is in ("X added that
sanctions could follow if …"), else the act's own actor ("X will strike if …"). A forecast by
someone else ("analysts said Russia could strike if …", "Kyiv said Russia could strike if …")
is no threat by the actor and stays a hypothetical act.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.events.args import MentionIndex, subject_tokens
from polemos.events.candidates import Candidate
from polemos.events.embedding import is_conflict, threat_code
from polemos.events.frames import mentions_of, party_codes
from polemos.events.ontology import Ontology
from polemos.events.reference import SAYING_VERBS

CONDITION_MARKS = frozenset({"if", "unless"})
# arcs a trigger climbs to reach the clause its condition hangs on: "will boycott unless …"
# (the verb itself), "threatened to strike unless …" (xcomp); a noun only as its verb's direct
# argument ("sanctions could follow if …", "will impose sanctions unless …"), not from inside a
# phrase ("launch an offensive in its war with Iraq unless …": the offensive's condition)
VERB_CLIMB = frozenset({"xcomp"})
NOUN_CLIMB = frozenset({"dobj", "nsubj", "nsubjpass"})


def conditional_threats(candidates: dict[int, Candidate], index: MentionIndex,
                        ontology: Ontology) -> None:
    """Turn conflictual acts made conditional on a named party into stated threats, in place."""
    for c in candidates.values():
        if c.dropped or not is_conflict(c.pattern.code) or c.pattern.type == "THREATEN":
            continue
        conditions = _condition_subjects(c.anchor)
        targets = [m for m in mentions_of(conditions, index) if m.code or m.members]
        if not targets:
            continue
        said = _saying_verb(c.token)
        speakers = mentions_of(subject_tokens(said)[0], index) if said is not None \
            else list(c.actors)
        own = party_codes(c.actors)
        if not party_codes(speakers) or not own <= party_codes(speakers):
            continue  # a forecast by someone else, or by no one named
        c.code, c.type = threat_code(c.pattern.code, ontology), "THREATEN"
        c.actors = speakers
        if not c.recipients:  # "sanctions would be imposed if Ankara …": on Ankara
            c.recipients = [m for m in targets if m not in speakers]
        c.stated_threat = True


def _condition_subjects(anchor: Token) -> list[Token]:
    """Subjects of an "if"/"unless" clause on the trigger's clause (up to two arcs above it)."""
    node = anchor
    for hop in range(3):
        for clause in node.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                              for m in clause.children):
                subjects = [s for s in clause.children if s.dep_ in {"nsubj", "nsubjpass"}]
                if subjects:
                    return subjects
        climb = NOUN_CLIMB if hop == 0 and node.pos_ in {"NOUN", "PROPN"} else VERB_CLIMB
        if node.dep_ not in climb or node.head.i == node.i:
            break
        node = node.head
    return []


def _saying_verb(token: Token) -> Token | None:
    """The verb of saying whose complement holds ``token``: "added that sanctions could …"."""
    node = token
    for _ in range(6):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SAYING_VERBS:
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None
