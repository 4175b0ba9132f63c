"""How the triggers of one sentence combine before they become events.

- speech acts swallow the act they embed ("agreed to sign", "called on X to withdraw",
  "declined to comment on the attack"): the embedded trigger is dropped and refines the
  speech act's code (AGREE + aid → 033, REQUEST + withdraw → 025, THREATEN + attack → 138);
- an order is carried out: the act ordered is coded with the one who orders as actor;
- a promise of force is a threat, a promise not to cooperate a refusal;
- what an act is done for ("staged protests to demand X") is part of it;
- a noun restating its verb ("killed 46 civilians in an attack", "the shelling killed …")
  is one event, and so is a noun with a participle telling where it went ("drills encircling
  Taiwan");
- preparations ("poised to attack") are MOBILIZE; unspecified aid in a sentence about arms is
  military aid; a mediated ceasefire is the parties' with the mediator as mediator.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.events.args import object_read_as_subject
from polemos.events.candidates import Candidate
from polemos.events.flags import flags_for
from polemos.events.frames import party_codes
from polemos.events.ontology import Ontology

EMBED_CLIMB = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "acl", "nsubjpass",
                         "compound", "attr", "advcl", "relcl", "oprd"})
# how an embedding speech act is refined by the root of what it embeds (CAMEO structure)
REFINE: dict[str, dict[str, str]] = {
    "AGREE": {"04": "036", "045": "039", "05": "032", "06": "031", "07": "033", "072": "0332",
              "08": "035", "15": "0332", "074": "0332", "083": "034", "0831": "035",
              "037": "037"},
    "REQUEST02": {"04": "026", "045": "028", "05": "022", "06": "021", "07": "023",
                  "074": "0234", "08": "025", "083": "024", "0831": "025", "037": "027"},
    "REQUEST10": {"04": "106", "045": "108", "05": "102", "06": "101", "07": "103", "08": "105",
                  "083": "104", "0831": "105", "037": "107"},
    "THREATEN": {"18": "138", "19": "138", "20": "138", "16": "131", "17": "137", "14": "133",
                 "15": "138", "12": "130", "13": "130", "172": "132", "164": "134",
                 "165": "135", "166": "136"},
    "REJECT": {"04": "125", "045": "126", "06": "121", "07": "122", "08": "124", "083": "123",
               "0831": "124"},
}
THREAT_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})
ADJUNCT_PREPS = frozenset({"following", "after", "before", "amid", "amidst", "despite", "during",
                           "since", "until", "near", "outside", "inside", "throughout", "in",
                           "at", "by", "because", "due", "as"})
MILITARY_WORDS = frozenset({"military", "arm", "arms", "weapon", "weaponry", "ammunition",
                            "munition", "missile", "tank", "artillery", "army", "defence",
                            "defense"})
PURPOSE_TYPES = frozenset({"REQUEST", "ACCUSE", "PROTEST", "REJECT", "AID"})
HOST_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "AID"})
# acts that name what they blame: "sanctioned X for acquiring Y", "in response to the bombing"
BLAMING = frozenset({"ACCUSE", "SANCTION", "COERCE", "REJECT", "THREATEN", "PROTEST"})
REASON_PREPS = frozenset({"for", "over"})
REASON_NOUNS = frozenset({"response", "relation", "retaliation", "reprisal", "protest",
                          "connection", "revenge", "punishment"})
ENABLING = frozenset({"080"})  # "allow/permit/let": what a concession is made for
ENABLING_HOSTS = frozenset({"RETREAT", "CONCEDE", "AID", "COOPERATE"})
PREPARE = frozenset({"prepare", "poise", "gear", "brace", "mass"})
FORCE_ROOTS = frozenset({"18", "19", "20"})


def combine(candidates: dict[int, Candidate], ontology: Ontology) -> None:
    """Resolve embedding, purposes, orders, restatements and preparations in place."""
    _absorb_reasons(candidates)
    _absorb_purposes(candidates)
    _resolve_embedding(candidates, ontology)
    _describes_object(candidates)
    _describes_event_noun(candidates)
    _restated_by_subject(candidates)
    _military_aid(candidates)
    _attach_mediated(candidates)
    _preparations(candidates, ontology)
    _third_location(candidates, ontology)


def is_conflict(code: str) -> bool:
    return code[:2] in {"14", "15", "16", "17", "18", "19", "20"}


def _is_material(code: str) -> bool:
    """Acts done rather than said: aid, cooperation, retreat, coercion, force (CAMEO 06–08, 15–20)."""
    return code[:2] in {"06", "07", "08", "15", "16", "17", "18", "19", "20"}


def _embedder(candidate: Candidate, candidates: dict[int, Candidate]) -> Candidate | None:
    """The nearest embedding speech act above this trigger, if any (a few arcs up)."""
    node: Token = candidate.anchor
    while node.dep_ == "conj" and node.pos_ == "VERB" and node.head.pos_ == "VERB":
        node = node.head  # "threatened to close or suspend X": both are threatened
    for _ in range(5):
        if node.dep_ not in EMBED_CLIMB or node.head.i == node.i:
            return None
        came_by, prev = node.dep_, node
        node = node.head
        if came_by == "prep" and prev.lower_ in ADJUNCT_PREPS:
            return None  # "called for talks after the attack": the attack is not what is asked
        above = candidates.get(node.i)
        if above is not None and above.pattern.embeds and above is not candidate:
            return above
        if above is not None and came_by in {"prep", "pobj"} and node.pos_ == "VERB":
            return None  # "offered to negotiate following the invasions": an adjunct of another act
        if above is None and came_by == "ccomp":  # "reiterated its demand that X …"
            for child in node.children:
                noun = candidates.get(child.i)
                if child.dep_ == "dobj" and noun is not None and noun.pattern.embeds:
                    return noun
    return None


def _resolve_embedding(candidates: dict[int, Candidate], ontology: Ontology) -> None:
    consumed = {i for c in candidates.values() for i in c.consumed}
    for candidate in candidates.values():
        if candidate.token.i in consumed:
            candidate.dropped = True
            continue
        above = _embedder(candidate, candidates)
        if above is None:
            candidate.dropped |= _restates(candidate, candidates)
        elif above.pattern.is_statement:
            candidate.dropped = True  # "declined to comment on the attack": no attack is told
        else:
            _embed(candidate, above, ontology)
    for candidate in candidates.values():
        if not candidate.dropped and is_conflict(candidate.code) and _conditional(candidate):
            candidate.code = threat_code(candidate.code, ontology)  # "will strike unless …"
            candidate.type = "THREATEN"


def _embed(candidate: Candidate, above: Candidate, ontology: Ontology) -> None:
    if above.pattern.command and _is_material(candidate.code):
        above.dropped = True  # "ordered troops to withdraw": the order is carried out
        own = {m.code for m in above.actors}
        ordered = [m for m in above.recipients if m.code not in own]
        candidate.actors = list(above.actors) or candidate.actors
        if ordered and not candidate.recipients:  # "ordered newspapers to suspend …"
            candidate.recipients = ordered
        candidate.confidence = min(candidate.confidence, above.confidence)
        return
    candidate.dropped = True
    if above.pattern.intent and flags_for(candidate.anchor).is_negated:
        above.absorb(candidate, None)  # "pledged not to attack" is a promise; "vowed not to
        if not is_conflict(candidate.code) and ontology.is_valid_code("120"):  # return the land"
            above.code, above.type = "120", "REJECT"  # refuses what the other side wants
    elif above.pattern.intent and candidate.code[:2] in THREAT_ROOTS:
        above.absorb(candidate, None)  # "vowed to fight": a promise of force is a threat
        above.code, above.type = threat_code(candidate.code, ontology), "THREATEN"
    else:
        above.absorb(candidate, refined(above, candidate.code, ontology))


def _absorb_purposes(candidates: dict[int, Candidate]) -> None:
    """'staged demonstrations to demand reforms', 'a hunger strike in protest against X': what
    an act is done for is part of that act; its target becomes the act's recipient."""
    for candidate in candidates.values():
        enabling = candidate.pattern.code in ENABLING  # "opened the border to allow aid in"
        if candidate.pattern.type not in PURPOSE_TYPES and not enabling \
                or not _is_purpose(candidate.anchor):
            continue
        head = candidate.anchor.head
        head = head.head if candidate.anchor.dep_ == "pobj" else head  # "in protest at"
        hosts = [head] + [c for c in head.children if c.dep_ in {"dobj", "nsubj"}]
        host_types = ENABLING_HOSTS if enabling else HOST_TYPES
        host = next((candidates[t.i] for t in hosts if t.i in candidates
                     and candidates[t.i].pattern.type in host_types
                     and candidates[t.i] is not candidate), None)
        if host is None:
            continue
        candidate.dropped = True
        if candidate.recipients and (host.inferred or not host.recipients):
            own = party_codes(host.actors)
            host.recipients = [m for m in candidate.recipients if m.code not in own] \
                or host.recipients
            host.inferred = False


def _absorb_reasons(candidates: dict[int, Candidate]) -> None:
    """'sanctioned Turkey for acquiring the S-400', 'sanctions in response to the bombing':
    what an act blames is told as its reason, not reported as a new event; the blamed
    party becomes the act's recipient when it has none."""
    for candidate in candidates.values():
        host = _reason_host(candidate.anchor, candidates)
        if host is None or host is candidate or host.pattern.type not in BLAMING:
            continue
        candidate.dropped = True
        if not host.recipients:
            own = party_codes(host.actors)
            host.recipients = [m for m in candidate.actors + candidate.recipients
                               if m.code not in own]


def _reason_host(anchor: Token, candidates: dict[int, Candidate]) -> Candidate | None:
    """The act whose 'for/over X' or 'in response to X' names ``anchor`` as its reason."""
    node = anchor
    if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in REASON_PREPS:
        return candidates.get(node.head.head.i)
    for _ in range(2):  # "in response to X", "in relation to X"
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return None
        holder = node.head.head
        if holder.lemma_.lower() in REASON_NOUNS and holder.dep_ == "pobj":
            return candidates.get(holder.head.head.i)
        node = holder
    return None


def _is_purpose(anchor: Token) -> bool:
    if anchor.dep_ == "advcl":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "in" and anchor.head.dep_ == "prep" \
        and anchor.lemma_.lower() in {"protest", "defiance"}


def _preparations(candidates: dict[int, Candidate], ontology: Ontology) -> None:
    """'troops prepared to attack', 'poised to resume shelling': the reported act is the
    military preparation (MOBILIZE 150), not a threat nor the attack itself."""
    if not ontology.is_valid_code("150"):
        return
    for candidate in candidates.values():
        if candidate.dropped or candidate.code[:2] not in FORCE_ROOTS:
            continue
        node = candidate.anchor
        for _ in range(3):
            if node.dep_ not in {"xcomp", "dobj", "pcomp", "acomp"} or node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in PREPARE or node.lower_ in {"poised", "prepared"}:
                candidate.code, candidate.type, candidate.prepared_by = "150", "MOBILIZE", node
                break


THIRD_LOCATION = "044"


def _third_location(candidates: dict[int, Candidate], ontology: Ontology) -> None:
    """'Trump met Kim in Singapore': two parties meeting where neither is at home (CAMEO 044)."""
    if not ontology.is_valid_code(THIRD_LOCATION):
        return
    for candidate in candidates.values():
        if candidate.dropped or candidate.code != "040":
            continue
        parties = {m.code for m in candidate.actors + candidate.recipients if m.code}
        venues = {m.code for m in candidate.places if m.code}
        if len(parties) >= 2 and venues and not venues & parties:
            candidate.code = THIRD_LOCATION


def threat_code(code: str, ontology: Ontology) -> str:
    table = REFINE["THREATEN"]
    found = table.get(code[:3]) or table.get(code[:2], "130")
    return found if ontology.is_valid_code(found) else "130"


def _conditional(candidate: Candidate) -> bool:
    """An act made conditional on another party's conduct ('will boycott unless X resigns')."""
    node = candidate.anchor
    for _ in range(2):
        for child in node.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                             for m in child.children):
                return True
        if node.dep_ not in {"xcomp", "dobj", "pobj", "prep"}:
            break
        node = node.head
    return False


def _restates(candidate: Candidate, candidates: dict[int, Candidate]) -> bool:
    """'killed 46 civilians in an attack': the noun restates the verb's event."""
    gov = candidate.governor
    if gov is None or candidate.pattern.pos != "noun" or candidate.anchor.dep_ == "nsubj":
        return False  # "the shelling killed ten": the verb tells what the noun's event did
    above = candidates.get(gov.i)
    if above is None or above.pattern.type != candidate.pattern.type:
        return False
    if not above.recipients:
        above.recipients = list(candidate.recipients)
    return True


def _describes_object(candidates: dict[int, Candidate]) -> None:
    """'lifted sanctions imposed on China': a participle describing another act's object tells
    that object's past, not a new event."""
    consumed = {i for c in candidates.values() if not c.dropped for i in c.consumed}
    for candidate in candidates.values():
        token = candidate.token
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i in consumed:
            candidate.dropped = True


def _describes_event_noun(candidates: dict[int, Candidate]) -> None:
    """'the military drills encircling Taiwan', 'airstrikes targeting hospitals': a present
    participle describing an event noun tells where that event went; one event, the noun's,
    with the participle's recipients when it names none."""
    for candidate in candidates.values():
        token = candidate.token
        if candidate.dropped or token.tag_ != "VBG":
            continue
        if token.dep_ == "acl":
            described = [token.head]
        elif object_read_as_subject(token):  # "conducted [the drills encircling Taiwan]"
            described = [c for c in token.children if c.dep_ == "nsubj"]
        else:
            continue
        noun = next((candidates[t.i] for t in described if t.i in candidates), None)
        if noun is None or noun.dropped or noun.pattern.pos != "noun":
            continue
        candidate.dropped = True
        noun.actors = noun.actors or list(candidate.actors)
        if not noun.recipients:
            noun.recipients = [m for m in candidate.recipients if m not in noun.actors]


def _restated_by_subject(candidates: dict[int, Candidate]) -> None:
    """'Russia's shelling of Kharkiv killed ten people', 'the airstrikes destroyed …': the verb
    tells what the event noun (its subject) did; the noun is the event."""
    for candidate in candidates.values():
        if candidate.dropped or candidate.pattern.pos != "verb":
            continue
        subject = next((candidates.get(c.i) for c in candidate.token.children
                        if c.dep_ == "nsubj" and c.i in candidates), None)
        if subject is None or subject.dropped or subject.type is not None \
                or subject.pattern.type not in {"ASSAULT", "COERCE"} \
                or candidate.pattern.type not in {"ASSAULT", "COERCE"}:
            continue
        if not subject.actors:  # "a suicide bomber killed 20 people": the verb tells it all
            subject.dropped = True
            continue
        candidate.dropped = True
        if not subject.recipients:
            subject.recipients = [m for m in candidate.recipients if m not in subject.actors]


def refined(above: Candidate, embedded_code: str, ontology: Ontology) -> str | None:
    if above.pattern.family == "statement":  # "denied getting weapons": the denial stays 016
        return None
    key = above.pattern.type
    if key == "REQUEST":
        key = "REQUEST02" if above.pattern.code.startswith("02") else "REQUEST10"
    table = REFINE.get(key, {})
    code = table.get(embedded_code) or table.get(embedded_code[:3]) or table.get(embedded_code[:2])
    return code if code is not None and ontology.is_valid_code(code) else None


def _military_aid(candidates: dict[int, Candidate]) -> None:
    """Unspecified aid (070) in a sentence about arms or the military is military aid (072)."""
    for candidate in candidates.values():
        if candidate.code == "070" and not candidate.dropped and any(
                t.lemma_.lower() in MILITARY_WORDS for t in candidate.token.sent):
            candidate.code = "072"


def _attach_mediated(candidates: dict[int, Candidate]) -> None:
    """'Russia brokered a ceasefire between A and B': the ceasefire is A's and B's."""
    for candidate in candidates.values():
        gov = candidate.governor
        if candidate.dropped or gov is None:
            continue
        above = candidates.get(gov.i)
        if above is None or above.pattern.frame != "mediation":
            continue
        mediators = {m.code for m in above.actors}
        candidate.actors = [m for m in candidate.actors if m.code not in mediators]
        if not candidate.actors:
            candidate.actors = list(above.recipients)
        if not above.recipients:
            above.recipients = list(candidate.actors)
        candidate.mediators = list(above.actors)
