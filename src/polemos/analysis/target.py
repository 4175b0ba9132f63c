"""What a question or a ``--conflict`` name points at, and whether the store holds evidence.

A conflict name is, in this order: a definition (name, alias or territory); a conflict
discovered in the store (by its name or one of its aliases); else it is read like the conflict
part of a question (its actors, places and topic words). An actor named in the question but
absent from every in-scope document is "nothing found", never a role borrowed from elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from polemos.analysis import corpus as reads
from polemos.analysis import kbview
from polemos.analysis.brief import actor_keys, names_actor
from polemos.analysis.conflicts import Conflict, Conflicts
from polemos.analysis.corpus import Corpus
from polemos.analysis.kbview import ActorKB
from polemos.analysis.question import NameLookup, Phrase, read_phrase
from polemos.analysis.scope import Scope, is_usable, keys_of, with_parties
from polemos.errors import QueryError
from polemos.store.store import Store

MAX_ADVERSARIES = 3
ARTICLES = re.compile(r"^(?:the|a|an)\s", re.IGNORECASE)


class NothingFound(QueryError):
    """The scope holds no evidence for the question; the message says what was searched."""


class NotUnderstood(QueryError):
    """The question is not one of the forms `ask` answers; the message lists them."""


def store_names(store: Store) -> NameLookup:
    """A lookup of actor keys by the words the stored texts use (for names the KB lacks)."""
    return lambda phrases: reads.keys_named(store, phrases)


def conflict_for(store: Store, name: str, *, kb: ActorKB | None, conflicts: Conflicts) -> Conflict:
    """The conflict ``name`` stands for (see the module docstring).

    Raises:
        NothingFound: the name names no actor, place or word to search for.
    """
    found = conflicts.get(name)
    if found is not None:
        return found
    from polemos.analysis.discover import discovered_named

    discovered = discovered_named(store, name, kb=kb)
    if discovered is not None:
        return discovered
    named = conflicts.named_in(name)
    if named is not None:
        return named
    return inferred(read_phrase(name, kb=kb, names=store_names(store)), kb)


def inferred(phrase: Phrase, kb: ActorKB | None = None) -> Conflict:
    """A conflict read from words: its anchors are the parties, places and words the topic.
    A region named ("Balochistan") is a place: its state is the party and its names are
    searched in the texts (mentions of a region code as its state).

    Raises:
        NothingFound: nothing in the phrase can be searched for.
    """
    if not phrase.anchors and not phrase.topic:
        raise NothingFound(
            f"{phrase.text!r} names no actor, place or topic this database can be searched "
            "for. Name the conflict's parties or places (\"the conflict between Armenia and "
            "Azerbaijan\", \"the insurgency in Balochistan\") or list the conflicts the "
            "database holds with `polemos conflicts`.")
    parties: list[str] = []
    places: list[str] = []
    for key in phrase.anchors:
        code = kbview.split_key(key)[0]
        if kbview.kind(kb, code) == "region":
            places += kbview.primary_names(kb, code)
            parties += kbview.wholes(kb, code)[:1]
        else:
            parties.append(key)
    return Conflict(name=label(phrase.text), parties=tuple(dict.fromkeys(parties)),
                    territories=tuple(places), topic=phrase.topic, is_inferred=True)


def about_actor(actor: str, name: str) -> Conflict:
    """The scope of a position question that names no conflict: the documents about the
    actor."""
    return Conflict(name=f"the documents about {name}", parties=(actor,), is_inferred=True)


def label(text: str) -> str:
    """ "insurgency in Balochistan" → "the insurgency in Balochistan"; a name keeps its case."""
    text = re.sub(r"\s+", " ", text).strip(" ?.!")
    if ARTICLES.match(text) or re.match(r"^[A-Z][\w-]*['’]s\b", text):
        return text[0].lower() + text[1:] if text.lower().startswith("the ") else text
    return f"the {text}"


def conflict_label(conflict: Conflict) -> str:
    """How a sentence names the conflict (see ``Conflict.label``)."""
    return conflict.label


# -- evidence checks ---------------------------------------------------------------------


def check_scope(scope: Scope, conflict_text: str, near: Iterable[str] = ()) -> None:
    """Raises NothingFound when no document is about the conflict (says what was searched;
    ``near``: known conflict names close to the one asked for)."""
    if scope.links:
        return
    passing = scope.n_mentioning
    names = ", ".join(near)
    raise NothingFound(
        f"No document in this database is about {conflict_text}: "
        + (f"{passing} of {scope.n_documents} document(s) mention it or its parties, only in "
           "passing." if passing else f"none of the {scope.n_documents} document(s) mentions "
           "it or its parties.")
        + (f" Nearest known conflicts: {names}." if names else "")
        + " Ingest articles about it, or list what the database holds with `polemos conflicts`.")


def check_actor(scope: Scope, corpus: Corpus, actor: str, name: str | Callable[[], str],
                conflict_text: str, kb: ActorKB | None) -> None:
    """Raises NothingFound when no in-scope document names the actor (``name``, or what
    gives it: it is worked out only for the message)."""
    keys = actor_keys(actor, kb)
    if any(d in scope.links and names_actor(corpus, d, i, keys) for (d, i) in corpus.mentions):
        return
    name = name if isinstance(name, str) else name()
    n = len(scope.links)
    raise NothingFound(
        f"No document in this database is about {name} in {conflict_text}; 0 of {n} "
        f"document(s) about it mention {name}.")


def with_adversaries(scope: Scope, corpus: Corpus, actor: str) -> Scope:
    """For a conflict read from a question or discovered: its parties plus the actors most
    often in conflictual events with them in the scope (never the asked actor). When the
    only party is the asked actor (a question naming no conflict), the parties become the
    actors it deals with most in the scope."""
    if not scope.conflict.is_inferred and not scope.conflict.is_discovered:
        return scope
    anchors = set(scope.conflict.party_keys)
    if len(anchors) >= 2 and scope.conflict.is_inferred:
        return scope  # the question named the sides
    alone = anchors == {actor}
    counts: Counter[str] = Counter()
    for event in corpus.events:
        if event.doc_id in scope.links and (alone or event.quad >= 3) and is_usable(event):
            keys = keys_of(event)
            if keys & anchors:
                counts.update(k for k in keys if k not in anchors and k != actor)
    found = [k for k, n in counts.most_common() if n >= 2 or _is_material(k, corpus, scope)]
    if alone:
        return replace(scope, conflict=replace(scope.conflict,
                                               parties=tuple(found[:MAX_ADVERSARIES])))
    return with_parties(scope, found[:MAX_ADVERSARIES])


def _is_material(key: str, corpus: Corpus, scope: Scope) -> bool:
    return any(e.quad == 4 and key in keys_of(e) and e.doc_id in scope.links
               for e in corpus.events)


def display_name(kb: ActorKB | None, key: str, corpus: Corpus | None = None,
                 store: Store | None = None) -> str:
    """The name a reader knows the actor by: of the KB's names the one the texts use most,
    else the commonest mention text (see ``kbview.short_name``)."""
    if corpus is not None:
        counts = corpus.name_counts.get(key)
    elif store is not None:
        counts = reads.name_counts(store, [kbview.split_key(key)[0]]).get(key)
    else:
        counts = None
    return kbview.short_name(kb, key, counts)


def unresolved_message(words: Iterable[str], near: list[str], text: str) -> str:
    wanted = ", ".join(words)
    return (f"cannot answer {text!r}: it names no known actor"
            + (f" ({wanted} is not in the knowledge base or the store)" if wanted else "")
            + f". Nearest known names: {', '.join(near) or '(none)'}. Rephrase with one of them.")
