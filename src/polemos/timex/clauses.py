"""Dependency helpers: the tense of a sentence and the finite clause a token belongs to."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "past_perfect", "present", "future", "unknown"]
Role = Literal["main", "adverbial", "other"]

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_PRESENT_MODALS = frozenset({"can", "may", "must", "should", "ought", "ca", "need"})
# present-tense heads that put their complement in the future: "plans to meet", "is expected to"
_PLANNING = frozenset({
    "plan", "expect", "schedule", "intend", "aim", "due", "set", "prepare", "pledge", "promise",
    "vow", "propose",
})  # fmt: skip
# acts and attitudes whose infinitive happens at a time of its own ("vowed to make it neutral
# by 2050"); schedules ("is due to", "is expected to", "plans to") share their infinitive's time
_PROJECTING = frozenset({
    "vow", "promise", "pledge", "threaten", "agree", "decide", "hope", "want", "seek", "offer",
    "urge", "ask", "call", "need", "wish", "vote", "refuse", "propose",
})  # fmt: skip
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "'d", "’d"})
# verbs that report speech or a conclusion: their date is the date of saying
_REPORTING = frozenset({
    "say", "tell", "add", "note", "write", "state", "claim", "cite", "accuse", "warn", "argue",
    "insist", "explain", "stress", "emphasize", "emphasise", "determine", "conclude", "reply",
    "respond", "comment", "deny", "reiterate", "acknowledge", "confirm", "suggest", "assert",
    "allege", "contend", "caution", "recall", "urge", "call", "describe", "characterize",
    "dismiss", "reject", "condemn", "criticize", "criticise", "praise", "welcome", "announce",
})  # fmt: skip
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# words in the noun phrase of a time that make it a future one: "an expected arrival of March 26"
_FUTURE_WORDS = frozenset({
    "expected", "scheduled", "planned", "upcoming", "coming", "next", "forthcoming", "future",
    "proposed", "due",
})  # fmt: skip


def tense_of(sent: Span) -> Tense:
    """Tense of the sentence's root verb, from its tag and its auxiliaries."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        verbs = [
            c for c in root.children if c.pos_ in ("VERB", "AUX") and c.dep_ in ("relcl", "acl")
        ]
        return "unknown" if not verbs else tense_of_verb(verbs[0])
    return tense_of_verb(root)


def tense_of_verb(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    for aux in auxes:
        if aux.tag_ == "MD":
            word = aux.lower_
            if word in _FUTURE:
                return "future"
            return "present" if word in _PRESENT_MODALS else "unknown"
    for aux in auxes:
        if aux.tag_ == "VBD":
            return "past_perfect" if aux.lemma_ == "have" and verb.tag_ == "VBN" else "past"
        if aux.tag_ in ("VBZ", "VBP"):
            return "present"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "ROOT"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return "unknown"


def is_clause_head(token: Token) -> bool:
    """A finite verb (or the root): where one clause's time stops applying."""
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.tag_ in _FINITE_TAGS:
        return True
    return any(
        c.dep_ in _SUBJECTS or (c.dep_ in ("aux", "auxpass") and c.tag_ != "TO")
        for c in token.children
    )


def clause_of(token: Token) -> Token:
    """The first clause head at or above ``token``."""
    while not is_clause_head(token):
        token = token.head
    return token


def path_to_clause(token: Token) -> list[Token]:
    """Tokens from ``token`` up to and including its clause head."""
    path = [token]
    while not is_clause_head(path[-1]):
        path.append(path[-1].head)
    return path


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end), or None when nothing aligns."""
    return doc.char_span(start, end, alignment_mode="expand")


def clause_ancestors(clause: Token) -> list[Token]:
    """The clause heads above ``clause``, nearest first.

    The walk stops at a relative or reported clause, except the relative clause of a
    cleft ("it was Russia that brokered ..."), which shares the time of its frame.
    """
    out: list[Token] = []
    while clause.head.i != clause.i and not _is_barrier(clause):
        clause = clause_of(clause.head)
        out.append(clause)
    return out


def _is_barrier(clause: Token) -> bool:
    if clause.dep_ == "relcl":
        return clause.head.dep_ != "attr"
    return clause.dep_ in ("ccomp", "parataxis")


def is_adverbial_of(clause: Token, governor: Token) -> bool:
    """``clause`` is an adverbial clause ("after X dissolved in 1991") of ``governor``."""
    while clause.head.i != clause.i and clause.dep_ in ("advcl", "conj", "pcomp", "pobj", "prep"):
        if clause.dep_ == "advcl" and clause_of(clause.head) == governor:
            return True
        clause = clause.head
    return False


def is_prospective(clause: Token) -> bool:
    """The clause tells of something still to come: "will meet", "plans to meet", "is
    expected to meet", "is due to meet", "is to meet", "is going to meet"."""
    tense = tense_of_verb(clause)
    if tense == "future":
        return True
    if tense != "present" and clause.tag_ != "VBG":
        return False
    if clause.lemma_ in _PLANNING or (clause.lemma_ == "go" and clause.tag_ == "VBG"):
        return any(c.dep_ == "xcomp" for c in clause.children)
    return any(
        c.dep_ in ("xcomp", "acomp")
        and (c.lemma_ in _PLANNING or (clause.lemma_ == "be" and _has_to(c)))
        for c in clause.children
    )


def may_be_later(clause: Token) -> bool:
    """A date after publication is possible for this clause: it is not a past-tense
    statement of fact (future, planned, present, or hedged with would/could/might)."""
    if is_prospective(clause):
        return True
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _HYPOTHETICAL for a in auxes):
        return True
    return tense_of_verb(clause) not in ("past", "past_perfect")


def is_perfect(verb: Token) -> bool:
    """ "has said", "had said": a perfect, which looks back from its tense's time."""
    return verb.tag_ == "VBN" and any(
        c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children
    )


def _has_to(verb: Token) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def has_future_word(head: Token, clause: Token) -> bool:
    """A word such as "expected", "upcoming" or "next" modifies the phrase of a time
    expression below its clause ("an expected arrival of March 26")."""
    token = head
    while token.i != clause.i:
        if token.lower_ in _FUTURE_WORDS or any(
            c.dep_ in ("amod", "compound", "nmod") and c.lower_ in _FUTURE_WORDS
            for c in token.children
        ):
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def projected_verb(head: Token) -> Token | None:
    """The infinitive a time belongs to when a verb of planning or promising governs it
    ("vowed to make the region neutral by 2050": 2050 is the making's, not the vow's)."""
    for token in path_to_clause(head)[:-1]:
        if token.dep_ == "xcomp" and token.pos_ == "VERB" and token.head.lemma_ in _PROJECTING:
            return token
    return None


def clause_role(head: Token, root: Token) -> Role:
    """Where a token's clause sits: "main" (the root's own clause), "adverbial" (an
    adverbial clause of it, "after X collapsed in 1991") or "other" (relative, reported,
    coordinated or nominal clauses)."""
    clause = clause_of(head)
    if projected_verb(head) is not None:
        return "other"
    if clause == root or is_introduction(clause, root):
        return "main"
    return "adverbial" if is_adverbial_of(clause, root) else "other"


def is_introduction(clause: Token, root: Token) -> bool:
    """A clause that ends in a colon and announces the main clause after it ("In 1997, two
    events happened: ... Russia expanded its ties"): the parser hangs it below the main
    clause as if it were reported, but it frames what follows, time included. A reporting
    verb before the colon ("he said: ...") is not one."""
    while clause.i != root.i:  # "A: B; C" parses as A below B below C
        if clause.dep_ != "ccomp" or clause.i > clause.head.i or is_reporting(clause):
            return False
        edge = clause.right_edge.i
        if not any(t.text in (":", ";") for t in clause.doc[edge:edge + 2]):
            return False
        clause = clause_of(clause.head)
    return True


def time_head(span: Span) -> Token:
    """The token a time expression modifies: its root, except a day the parser joined to the
    noun after it when a verb of saying stands right before ("said Sunday Israel will …",
    "told reporters Monday …" parsed as a compound of "Israel"): then it is when it was said."""
    root = span.root
    if span.start == 0 or root.dep_ not in ("compound", "nmod", "amod") or root.head.i < span.end:
        return root
    before = span.doc[span.start - 1]
    return before if before.pos_ == "VERB" and is_reporting(before) else root


def is_reporting(verb: Token) -> bool:
    """A verb of saying or concluding ("said", "told", "warned", "determined")."""
    return verb.lemma_ in _REPORTING


def subject_of(verb: Token) -> str:
    """Who does it, coarsely: "pronoun" for he/she/they..., else the lemma of the head
    of its subject; "" when it has none."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return ""
    head = subjects[0]
    return "pronoun" if head.lower_ in _PRONOUNS else head.lemma_.lower()
