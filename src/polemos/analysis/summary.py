"""The brief's summary: template sentences over the structured parts, at most 150 words.

Each sentence restates one part of the brief (roles, stance, timeline, assessments,
disagreements), so it can be traced to the evidence listed under that part.
"""

from __future__ import annotations

from polemos.analysis.model import Brief, Role, Stance

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
    """At most ``MAX_WORDS`` words; later sentences are dropped, never cut mid-way."""
    sentences = [
        _opening(brief), _roles(brief), _stances(brief), _timeline(brief),
        _assessments(brief), _disagreements(brief),
    ]
    out: list[str] = []
    n_words = 0
    for sentence in filter(None, sentences):
        words = len(sentence.split())
        if n_words + words > MAX_WORDS:
            continue
        out.append(sentence)
        n_words += words
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
    scope = " (scope inferred from the question)" if brief.is_scope_inferred else ""
    period = ""
    if brief.since or brief.until:
        period = f", {brief.since or '…'}–{brief.until or '…'}"
    return (f"{brief.actor_name} in the {brief.conflict} conflict{scope}{period}: "
            f"{len(brief.sources)} source document(s) cited.")


GROUNDS = {"co-chair": "co-chair", "broker-ceasefire": "brokered ceasefires",
           "guarantor": "guarantor", "arms-supply": "stated supplies",
           "alliance": "partnership or alliance", "military-presence": "military presence"}


def _grounds(brief: Brief, role: Role) -> str:
    """What the role rests on, from the rules that found it."""
    out = []
    for rule in role.rules:
        kind, _, rest = rule.partition(":")
        if kind == "kb" and rest.startswith(("co-chair-of:", "member-of:")):
            how, _, group = rest.partition(":")
            out.append(f"{how.replace('-of', ' of')} {brief.name(group)}")
        elif rest.split(":")[0] in GROUNDS:
            out.append(GROUNDS[rest.split(":")[0]])
    return "; ".join(dict.fromkeys(out))


def _role_phrase(brief: Brief, role: Role) -> str:
    phrase = ROLE_LABELS.get(role.role, role.role)
    if role.toward and role.role in ROLE_LINKS:
        phrase += f" {ROLE_LINKS[role.role]} {_names(brief, role.toward)}"
    grounds = _grounds(brief, role)
    return phrase + _span(role.first, role.last) + (f" [{grounds}]" if grounds else "")


def _roles(brief: Brief) -> str:
    roles = [r for r in brief.roles if r.role != "observer"][:5]
    if not roles:
        return f"The texts give {brief.actor_name} no active role in this conflict."
    return f"The texts show it as {'; '.join(_role_phrase(brief, r) for r in roles)}."


def _stance_phrase(brief: Brief, stance: Stance) -> str:
    if not stance.evidence:
        return ""
    return f"{brief.name(stance.toward)} {stance.alignment:+.2f}"


def _stances(brief: Brief) -> str:
    parts = [p for p in (_stance_phrase(brief, s) for s in brief.stance) if p]
    if not parts:
        return ""
    topics = {st.split(":", 1)[0] for s in brief.stance for st in s.statements}
    said = f", with statements on {', '.join(sorted(topics))}" if topics else ""
    return f"Alignment toward the parties (−1 hostile … +1 aligned): {'; '.join(parts)}{said}."


def _timeline(brief: Brief) -> str:
    dated = [item for item in brief.timeline if item.date]
    if not dated:
        return ""
    return (f"The dated record holds {len(dated)} item(s) from {dated[0].date[:4]} "
            f"to {dated[-1].date[:4]}.")


def _assessments(brief: Brief) -> str:
    topics = list(dict.fromkeys(t for a in brief.assessments for t in a.topics))
    if not topics:
        return ""
    labels = ", ".join(t.replace("_", " ") for t in topics[:5])
    return f"Authors assess its {labels}."


def _disagreements(brief: Brief) -> str:
    if not brief.disagreements:
        return ""
    return f"Sources disagree on {len(brief.disagreements)} date(s)."
