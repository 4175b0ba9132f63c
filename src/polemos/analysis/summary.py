"""The brief's summary: template sentences over the structured parts, at most 150 words.

Each sentence restates one part of the brief (roles, stance, timeline, assessments,
disagreements), so it can be traced to the evidence listed under that part.
"""

from __future__ import annotations

import re

from polemos.analysis.conflicts import Conflict
from polemos.analysis.model import Brief, Role, Stance
from polemos.analysis.roles import TRAILING
from polemos.claims.lexicon import load_lexicon

MAX_WORDS = 150
ROLE_LABELS = {
    "party": "a party", "mediator": "a mediator", "ally": "an ally", "patron": "the patron",
    "supporter": "a supporter", "arms_supplier": "an arms supplier", "peacekeeper": "a peacekeeper",
    "host": "a host of talks", "guarantor": "a guarantor", "critic": "a critic",
    "observer": "an observer",
}
ROLE_LINKS = {"ally": "of", "patron": "of", "supporter": "of", "arms_supplier": "to",
              "critic": "of", "mediator": "between", "host": "for"}


def summarise(brief: Brief) -> str:
    """At most ``MAX_WORDS`` words, the most important first: roles with their grounds,
    stance, the assessments with who holds them (and the reasons, whole sentences, as room
    allows), then counts. A sentence that does not fit is dropped, never cut."""
    out: list[str] = []
    n_words = 0
    for sentence in (_opening(brief), _roles(brief), _stances(brief)):
        if sentence and n_words + len(sentence.split()) <= MAX_WORDS:
            out.append(sentence)
            n_words += len(sentence.split())
    tail = [t for t in (_timeline(brief), _disagreements(brief)) if t]
    reserve = len(tail[0].split()) if tail else 0
    for sentence in (_assessments(brief, room=MAX_WORDS - n_words - reserve), *tail):
        if sentence and n_words + len(sentence.split()) <= MAX_WORDS:
            out.append(sentence)
            n_words += len(sentence.split())
    return " ".join(out)


def _names(brief: Brief, codes: tuple[str, ...] | list[str]) -> str:
    names = [brief.name(c) for c in codes]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return ""
    if last and last[:4] != first[:4]:
        return f" ({first[:4]}–{last[:4]})"
    return f" ({first[:4]})"


def _opening(brief: Brief) -> str:
    period = ""
    if brief.since or brief.until:
        period = f", {brief.since or '…'}–{brief.until or '…'}"
    how = brief.scope.how if brief.scope else ("inferred" if brief.is_scope_inferred else "")
    where = Conflict(brief.conflict, (), is_inferred=how == "inferred").label
    scope = " (scope read from the question)" if how == "inferred" else ""
    return (f"{brief.actor_name} in {where}{scope}{period} "
            f"({len(brief.sources)} source document(s)).")


GROUNDS = {"co-chair": "co-chair", "broker-ceasefire": "brokered ceasefires",
           "guarantor": "guarantor", "arms-supply": "stated supplies",
           "alliance": "partnership or alliance", "military-presence": "military presence"}


def _grounds(brief: Brief, role: Role, limit: int = 2) -> str:
    """What the role rests on: KB facts first, then the words each cue matched (the cue
    found in most years first), each with its years; no wording twice, nothing that only
    repeats the label ("mediation" under mediator)."""
    items: list[tuple[int, list[str], tuple[int, ...]]] = []  # (rank, wordings, years)
    phrases = {rule: (phrase, years) for rule, phrase, years in role.grounds}
    for rule in role.rules:
        kind, _, rest = rule.partition(":")
        if kind == "kb" and rest.startswith(("co-chair-of:", "member-of:")):
            how, _, group = rest.partition(":")
            items.append((-100, [f"{how.replace('-of', ' of')} {brief.name(group)}"], ()))
        elif kind == "kb" and rest.startswith("co-chaired-by:"):
            chairs = rest.partition(":")[2].split("+")
            items.append((-100, [f"co-chaired by {_names(brief, chairs)}"], ()))
        elif rule in phrases and phrases[rule][0]:
            phrase, years = phrases[rule]
            items.append((-len(years), phrase.lower().split(", "), years))
        elif rest.split(":")[0] in GROUNDS:
            items.append((0, [GROUNDS[rest.split(":")[0]]], ()))
    stem = ROLE_LABELS.get(role.role, role.role).split()[-1].lower()[:5]
    shown: set[str] = set()
    out: list[str] = []
    for _, wordings, years in sorted(items, key=lambda item: item[0]):
        fresh = [w for w in wordings if w.rstrip("s") not in shown and not _restates(w, stem)]
        shown.update(w.rstrip("s") for w in wordings)  # "co-chairs" after "co-chair": shown
        if fresh:
            out.append(", ".join(fresh) + (" " + ", ".join(map(str, years[-3:])) if years else ""))
    return "; ".join(out[:limit])


def _restates(wording: str, stem: str) -> bool:
    """ "mediation" under mediator, "peacekeepers" under peacekeeper: nothing new."""
    words = wording.split()
    return len(words) <= 2 and words[0].startswith(stem)


def _role_phrase(brief: Brief, role: Role) -> str:
    phrase = ROLE_LABELS.get(role.role, role.role)
    if role.toward and role.role in ROLE_LINKS:
        both = "both " if len(role.toward) == 2 and role.role in ("arms_supplier", "supporter") else ""
        phrase += f" {ROLE_LINKS[role.role]} {both}{_names(brief, role.toward)}"
    grounds = _grounds(brief, role)
    return phrase + _span(role.first, role.last) + (f" [{grounds}]" if grounds else "")


def _roles(brief: Brief) -> str:
    roles = [r for r in brief.roles if r.role != "observer"][:5]
    if not roles:
        named = brief.scope.n_naming_actor if brief.scope else 0
        return (f"The {named} document(s) about it that name {brief.actor_name} show no role "
                "beyond being mentioned; what they say is quoted below.")
    return f"The texts show it as {'; '.join(_role_phrase(brief, r) for r in roles)}."


def _stance_phrase(brief: Brief, stance: Stance) -> str:
    if not stance.evidence:
        return ""
    if not stance.is_shown:
        return f"{brief.name(stance.toward)} withheld ({stance.basis})"
    return f"{brief.name(stance.toward)} {stance.alignment:+.2f} ({stance.basis})"


def _stances(brief: Brief) -> str:
    parts = [p for p in (_stance_phrase(brief, s) for s in brief.stance) if p]
    if not parts:
        return ""
    said = [f"by {brief.name(s.toward)}: {phrase}" if by else f"{phrase} ({brief.name(s.toward)})"
            for s in brief.stance for phrase, by in sorted(_statement_phrases(s),
                                                           key=lambda pair: pair[1])]
    said_text = f"; statements: {'; '.join(list(dict.fromkeys(said))[:3])}" if said else ""
    return f"Alignment (−1 hostile … +1 aligned): {'; '.join(parts)}{said_text}."


def _statement_phrases(stance: Stance) -> list[tuple[str, bool]]:
    """The words each stance statement's cue matched ("recognized the territorial integrity"),
    and whether the party made it (its label ends "by <party>")."""
    cues = load_lexicon().cues
    out = []
    for statement in stance.statements:
        label, _, text = statement.partition(": ")
        topic, by, _ = label.partition(" by ")
        topic = topic.replace(" ", "_")
        phrase = _phrase([p for c in cues if c.topic == topic for p in c.patterns], text)
        out.append((phrase or topic.replace("_", " "), bool(by)))
    return out


def _phrase(patterns: list[re.Pattern[str]], text: str, max_words: int = 7) -> str:
    for pattern in patterns:
        found = pattern.search(text)
        if found and len(found.group().split()) <= max_words:
            return TRAILING.sub("", " ".join(found.group().split()))
    return ""


CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|\s-\s|\.\s")
OPENERS = re.compile(r"^(?:however|thus|indeed|moreover|in fact|therefore|nevertheless|also|"
                     r"and|but|while|although|so|yet|as a result|on the other hand|first|"
                     r"second|third|finally)\b[\s,]*", re.IGNORECASE)
MAX_CLAUSE_WORDS = 30


def clause(patterns: list[re.Pattern[str]], text: str) -> str:
    """The whole clause around the first cue match ("there were perceptions that Russia
    directly supported Armenia during the war"): from the previous clause break to the next,
    without an opening connective; "" when it is longer than MAX_CLAUSE_WORDS or unbalanced
    (an open quotation)."""
    for pattern in patterns:
        found = pattern.search(text)
        if found is None:
            continue
        starts = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, found.start())]
        stop = CLAUSE_BREAK.search(text, found.end())
        part = text[starts[-1] if starts else 0:stop.start() if stop else len(text)]
        part = OPENERS.sub("", part.strip(" ,.")).strip(" ,.")
        quotes = sum(part.count(q) for q in "\"“”")
        if part and len(part.split()) <= MAX_CLAUSE_WORDS and not quotes % 2:
            return part
        return ""
    return ""


def _timeline(brief: Brief) -> str:
    dated = [item for item in brief.timeline if item.date]
    if not dated:
        return ""
    total = max(brief.timeline_total, len(dated))
    return (f"The dated record holds {total} item(s) from {dated[0].date[:4]} "
            f"to {dated[-1].date[:4]}.")


def _assessments(brief: Brief, limit: int = 4, room: int = MAX_WORDS) -> str:
    """The conclusions by who holds them, most salient topic first: each as the whole clause
    that states it (quoted, its hedges kept) when they fit in ``room``, else as topic labels;
    then the reasons given, as whole sentences, while they fit."""
    found = _conclusions(brief, limit)
    if not found:
        return ""
    head = ""
    for n_quoted in range(len(found), -1, -1):  # as many whole clauses as fit
        said: dict[str, list[str]] = {}
        for i, (holder, topic, phrase, hedged) in enumerate(found):
            label = f"“{phrase}”" if i < n_quoted and phrase else topic.replace("_", " ")
            said.setdefault(holder, []).append(label + (" (hedged)" if hedged else ""))
        parts = [f"{holder}: {', '.join(phrases)}" for holder, phrases in said.items()]
        head = f"Assessments ({'; '.join(parts)})."
        if len(head.split()) <= room:
            break
    left = room - len(head.split())
    reasons = []
    for assessment in sorted(brief.assessments, key=lambda a: -len(a.evidence))[:limit]:
        for e in assessment.evidence[1:]:
            if e.text not in reasons and len(e.text.split()) <= left:
                reasons.append(e.text)
                left -= len(e.text.split())
    return head + (f" Reasons given: {' '.join(reasons)}" if reasons else "")


def _conclusions(brief: Brief, limit: int) -> list[tuple[str, str, str, bool]]:
    """(holder, topic, the clause stating it or "", hedged) per topic, most salient first;
    for each topic the assessment with most reasons, then the one with a clean clause."""
    cues = load_lexicon().cues
    ranked = sorted(brief.assessments, key=lambda a: -len(a.evidence))
    out = []
    for topic in list(dict.fromkeys(t for a in brief.assessments for t in a.topics))[:limit]:
        patterns = [p for c in cues if c.topic == topic for p in c.patterns]
        best, phrase = min(((a, clause(patterns, a.evidence[0].text if a.evidence else a.text))
                            for a in ranked if topic in a.topics),
                           key=lambda pair: (-len(pair[0].evidence), -bool(pair[1]),
                                             len(pair[1].split())))
        out.append((best.holder.removesuffix(" (hedged)"), topic, phrase,
                    best.holder.endswith("(hedged)")))
    return out


def _disagreements(brief: Brief) -> str:
    if not brief.disagreements:
        return ""
    return f"Sources disagree on {len(brief.disagreements)} date(s)."
