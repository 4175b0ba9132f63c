"""Negated, hypothetical and attempted events: cues around the trigger in the parse.

The walk goes from the trigger up through the words that govern it (to → try → …)
for a few arcs, and stops at a new finite clause, so a negated reporting verb does
not negate what is reported. Hypothetical covers the future, conditions ("if", "unless"),
counterfactuals ("would have"), possibilities ("could", "the risk of war", "hinting at
lifting sanctions") and questions. A hypothetical event whose only cues are a stated
intention of its actor ("will visit", "said it would recognise", "plans to", "is ready to")
is marked ``is_intent``: the statement of intent is itself an event (see events/intent.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from polemos.events.matching import forms_of

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
RARELY = frozenset({"seldom", "rarely", "hardly", "barely", "scarcely"})  # "seldom criticized"
MODALS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "'d", "'ll", "wo",
                    "can", "must", "ca"})
FUTURE = frozenset({"will", "'ll", "wo", "shall"})
WOULD = frozenset({"would", "'d"})
# governors that report a plan or readiness of the actor: a stated intention
INTENT_GOVERNORS = frozenset({
    "plan", "intend", "ready", "willing", "prepared", "set", "going", "determined", "eager",
    "keen", "aim", "due", "scheduled", "slated", "resolve", "prepare",
})
HYPOTHETICAL_GOVERNORS = INTENT_GOVERNORS | frozenset({
    "want", "wish", "hope", "expect", "likely", "unlikely", "possible", "potential", "propose",
    "proposal", "prospect", "consider", "able", "seem", "desire", "poised", "hint", "mull",
    "weigh", "contemplate", "explore", "float", "discuss", "debate", "study", "review", "ponder",
    "envisage", "envision", "suggest", "possibility", "chance", "likelihood", "option", "risk",
    "danger", "fear", "spectre", "specter", "threat", "talk", "rumor", "rumour", "speculation",
    "scenario", "idea", "plan", "call", "urge", "push", "lobby", "campaign", "demand", "need",
    "readiness", "willingness", "offer", "pledge", "promise", "ability", "capacity", "right",
    "refuse", "reluctant", "hesitant", "unwilling", "intention", "bid", "question", "whether",
    "interested", "interest", "committed", "look", "count", "rely", "wait", "include",
    "involve", "entail", "require", "mean", "work", "appear",
    "way", "path", "road", "groundwork",  # "paving the way for deeper cooperation": enabled only
})
# agreements govern the act agreed on through an infinitive ("agreed to withdraw", "signed an
# agreement to jointly combat X", "a deal to release hostages"): the agreement happened, the
# act is still to come; not what hangs on them otherwise ("agreed at a summit")
AGREEING = frozenset({"agree", "agreement", "deal", "accord", "pact", "treaty", "memorandum",
                      "understanding"})
# words of expectation and belief: a clause they govern, finite or not, is foreseen or
# supposed, not reported as fact ("expects X to launch", "unlikely X will end", "little reason
# to think they will meet"); the walk stops at a finite clause, so these are checked there
EXPECTING = frozenset({
    "expect", "anticipate", "predict", "forecast", "likely", "unlikely", "possible", "probable",
    "hope", "fear", "doubt", "think", "imagine", "wonder", "speculate", "assume", "suppose",
    "suspect", "worry", "concerned", "afraid", "believe",
    # nouns of belief and perception: "perceptions that X supported Y" reports a view
    "perceive", "perception", "belief", "impression", "suspicion", "assumption", "allegation",
})
# habits and generalities are no particular event ("China always says", "frequently conducts")
HABITUAL = frozenset({"always", "often", "usually", "frequently", "routinely", "regularly",
                      "traditionally", "generally", "typically", "constantly", "repeatedly",
                      "habitually", "normally"})
ATTEMPT_GOVERNORS = frozenset({
    "try", "attempt", "fail", "failure", "strive", "endeavour", "endeavor", "bid", "effort",
    "seek", "struggle", "unsuccessful", "unsuccessfully", "vain", "abortive", "collapse",
})
NEGATING_GOVERNORS = frozenset({"refrain", "avoid", "abstain", "deny", "stop", "cease", "quit"})
UNREALISED_HEADS = frozenset({"materialize", "materialise", "happen", "occur", "succeed"})
HYPOTHETICAL_MODIFIERS = frozenset({"planned", "proposed", "possible", "potential", "future",
                                    "prospective", "envisaged", "hypothetical", "would-be",
                                    "expected", "upcoming", "forthcoming", "scheduled",
                                    "anticipated", "impending", "looming", "mooted"})
CLIMB = frozenset({"xcomp", "pcomp", "prep", "pobj", "acl", "dobj", "advcl", "nsubj",
                   "nsubjpass", "compound", "amod", "nmod", "advmod", "agent"})
# arcs that keep a trigger in the clause whose intention it is: "will hold talks" (dobj),
# "plans to visit" (xcomp), "is ready to support" (xcomp, acomp), "will sign and ratify" (conj)
INTENT_PATH = frozenset({"dobj", "xcomp", "acomp", "conj", "ccomp", "pcomp"})
MAX_NESTING = 3  # complement clauses climbed through to a hypothetical one
# what one makes sure of is the result sought: under a hoped or future "make sure" it is too
ENSURING = frozenset({"sure", "ensure", "certain", "guarantee", "insure"})
CONDITIONALS = frozenset({"if", "unless", "provided", "should", "whether", "lest"})
# verbs that report what their subject says it will do ("said it would …")
SAYING = frozenset({"say", "announce", "tell", "declare", "confirm", "pledge", "decide", "state",
                    "indicate", "add", "insist", "signal", "reiterate", "reaffirm", "promise",
                    "vow", "stress", "warn", "write", "assure", "undertake", "agree"})


def _is_complement(node: Token) -> bool:
    """A clause that completes its head: "expects that X …" (ccomp), or a noun's "that" clause,
    "perceptions that X supported Y" (acl with "that"; not a participle, "troops deployed")."""
    return node.dep_ == "ccomp" or (node.dep_ == "acl" and node.head.pos_ == "NOUN" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in node.children))


@dataclass(frozen=True, slots=True)
class Flags:
    is_negated: bool = False
    is_hypothetical: bool = False
    is_attempted: bool = False
    is_intent: bool = False  # hypothetical only by a stated intention of its actor


def _own_cues(node: Token, *, node_is_event: bool = True) -> set[str]:
    cues: set[str] = set()
    for child in node.children:
        lower = child.lower_
        if child.dep_ == "neg" or (lower == "never" and child.dep_ == "advmod") \
                or lower == "longer" and any(g.lower_ == "no" for g in child.children) \
                or child.dep_ == "advmod" and lower in RARELY \
                or child.dep_ == "preconj" and lower == "neither" \
                or child.dep_ == "det" and lower == "no":
            cues.add("neg")
        elif child.dep_ in {"aux", "auxpass"} and lower in MODALS \
                or child.dep_ == "mark" and lower in CONDITIONALS:
            cues.add("hyp")
        elif child.dep_ == "advmod" and lower in HABITUAL and node.tag_ in {"VBZ", "VBP"}:
            cues.add("hyp")  # "China always respects …": a habit in the present, no event
        elif lower in {"unsuccessfully", "vainly"} or (lower == "short" and node.lemma_ == "fall"):
            cues.add("try")
        elif child.dep_ == "amod" and lower in HYPOTHETICAL_MODIFIERS and node_is_event:
            cues.add("hyp")
        elif child.dep_ == "amod" and lower in {"unsuccessful", "failed", "abortive"}:
            cues.add("try")
    return cues


def _intent_cues(node: Token) -> bool:
    """The hypothetical cues of ``node`` state an intention: "will", "shall", "is going to",
    or "would" in what someone says they will do; not the condition itself ("if X attacks"),
    no other modal. A promise on a condition ("will retaliate if attacked") is still one."""
    for child in node.children:
        lower = child.lower_
        if child.dep_ == "mark" and lower in CONDITIONALS \
                or child.dep_ == "amod" and lower in HYPOTHETICAL_MODIFIERS \
                or child.dep_ == "advmod" and lower in HABITUAL:
            return False
        if child.dep_ in {"aux", "auxpass"} and lower in MODALS - FUTURE and (
                lower not in WOULD or not _reported(node) or _has_perfect(node)):
            return False
    return True


def _reported(clause: Token) -> bool:
    """The clause is what its own actor said it would do: "X said it would …" (not "analysts
    say Tehran would …")."""
    head = clause.head
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return clause.dep_ in {"ccomp", "xcomp"} and head.i != clause.i \
        and head.lemma_.lower() in SAYING and all(s.pos_ == "PRON" for s in subjects)


def _has_perfect(node: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)  # "would have"


def _argument_negation(node: Token) -> bool:
    """'Neither A nor B signed', 'signed no agreement'."""
    return any(
        child.dep_ in {"nsubj", "nsubjpass", "dobj"}
        and any(g.lower_ in {"neither", "no"} and g.dep_ in {"preconj", "det"}
                for g in child.children)
        for child in node.children
    )


def _is_question(trigger: Token) -> bool:
    last = trigger.sent[-1]
    return last.text == "?" or (last.is_punct and len(trigger.sent) > 1
                                and trigger.sent[-2].text == "?")


def _infinitive(clause: Token) -> bool:
    """'to withdraw' completing its head ("agreed to withdraw", "an agreement to combat X"),
    not a participle ("a deal brokered by X") nor a phrase ("agreed at a summit")."""
    return clause.dep_ in {"xcomp", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _ensured(clause: Token) -> Token | None:
    """The verb of ensuring whose complement ``clause`` is: "ensure (that) X", "make sure X"."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i or not set(forms_of(head)) & ENSURING:
        return None
    if head.dep_ in {"ccomp", "acomp", "oprd"} and head.head.lemma_.lower() == "make":
        return head.head  # "make sure": the verb is "make"
    return head


def _modifies_a_subject(below: Token, node: Token) -> bool:
    """'Officials from Egypt, meeting with Qatari mediators, discussed …', 'rebels backed by X
    could seize Y': a participle that describes the subject of a clause is told as fact; the
    clause's own words (discussed, could) say nothing about it."""
    return below is not node and below.dep_ == "acl" and node.pos_ in {"NOUN", "PROPN"} \
        and node.dep_ in {"nsubj", "nsubjpass"}


def _in_order_to(trigger: Token) -> bool:
    """'initiated negotiation in order to reach a ceasefire': a purpose, not yet reached."""
    node = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
        and node.head.lower_ == "order" and node.head.head.lower_ == "in"


def flags_for(trigger: Token, *, max_hops: int = 5, _depth: int = 0) -> Flags:
    """Flags of the event triggered at ``trigger``. The walk stops at a finite clause; the
    complement of an ensuring ("make sure", "ensure") that is itself hypothetical is
    hypothetical too ("I'm hoping they will make sure they make concessions": hoped for)."""
    negated = _argument_negation(trigger)
    hypothetical = attempted = False
    intent_only = True  # every hypothetical cue so far states an intention
    own_clause = True  # still in the trigger's clause: "will hold talks", "plans to visit"
    node = trigger
    via_conj = False
    below = trigger  # the node climbed from to reach ``node``
    for hop in range(max_hops):
        # "a possible role in rioting during a summit": a modifier of another noun is not a cue
        cues = _own_cues(node, node_is_event=hop == 0 or node.pos_ not in {"NOUN", "PROPN"})
        if via_conj:  # "would tighten sanctions and impose a blockade": modals are shared
            cues.discard("neg")
        if "neg" in cues:
            if hop > 0 and node.lemma_ in UNREALISED_HEADS:
                attempted = True
            elif hop == 0 or node.pos_ in {"VERB", "AUX"}:
                negated = True
        if "hyp" in cues:
            hypothetical = True
            intent_only &= own_clause and _intent_cues(node)
        attempted |= "try" in cues
        if hop > 0:
            forms = set(forms_of(node))  # the lemmatizer errs: "hopes" → "hop"
            if forms & AGREEING and _infinitive(below):
                hypothetical, intent_only = True, False
            if forms & HYPOTHETICAL_GOVERNORS and below.dep_ != "advcl":
                # not through an adverbial participle: "called out their protest, slapping
                # sanctions" (what "call" governs is a call for, not its manner)
                hypothetical = True
                intent_only &= bool(forms & INTENT_GOVERNORS)
            attempted |= bool(forms & ATTEMPT_GOVERNORS)
            negated |= bool(forms & NEGATING_GOVERNORS) and not via_conj
        if _is_complement(node) and node.head.i != node.i \
                and set(forms_of(node.head)) & EXPECTING:
            hypothetical, intent_only = True, False
        own_clause &= node.dep_ in INTENT_PATH  # the arc climbed next: still its clause?
        if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and node.head.i != node.i:
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                break  # a clause of its own: "X proposed a price, but Y refused"
            via_conj = True
        elif node.dep_ not in CLIMB or node.head.i == node.i or _modifies_a_subject(below, node):
            break
        else:
            via_conj = False
        below = node
        node = node.head
    ensuring = _ensured(node) if not hypothetical and _depth < MAX_NESTING else None
    if ensuring is not None and flags_for(ensuring, _depth=_depth + 1).is_hypothetical:
        hypothetical, intent_only = True, False
    if _is_question(trigger) or _in_order_to(trigger):
        hypothetical, intent_only = True, False
    return Flags(is_negated=negated, is_hypothetical=hypothetical, is_attempted=attempted,
                 is_intent=hypothetical and intent_only and not attempted)
