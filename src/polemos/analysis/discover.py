"""Discover the conflicts and crises a store holds, from the data alone.

1. A document is about a conflict or crisis when at least ``MIN_SHARE`` of its sentences use
   the vocabulary of violence, coercion (sanctions, tariffs, threats, disputes) or peace-making,
   or somewhat fewer do and it reports conflictual events (``MIN_SHARE_WITH_EVENTS``).
2. Each such document gets a signature: its four main actors weighted by the share of
   sentences naming them and by their part in its conflictual events, times the square root of
   how specific they are to few documents (an actor named everywhere, such as the United States
   in US news, says less; the square root keeps the parties of a corpus about one war weighty).
3. Documents whose signatures are close (cosine ≥ ``LINK``, average linkage) form one
   conflict; a cluster of one or two documents that name both sides of a larger one among
   their main actors joins it. A conflict of one document must be clearly one
   (``MIN_SHARE_ALONE`` and an event or mostly violence).
   Clusters whose sides hold the same non-state armed actor are one conflict (an insurgency
   fought in several states).
4. Each conflict gets its sides (its most frequent conflictual dyad, else its two weightiest
   actors weighed by how specific they are to few documents; a state far weightier than the next actor is a crisis in that state), a kind (war, civil war, insurgency, trade dispute, dispute, crisis) from
   who the sides are and the words its documents use, and a name built from both: "Russia–Ukraine
   war", "al-Shabab insurgency (Somalia, Kenya)", "civil war in Sudan".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, utils

from polemos.analysis import corpus as reads
from polemos.analysis import kbview
from polemos.analysis.conflicts import Conflict, Conflicts
from polemos.analysis.kbview import ActorKB
from polemos.store.store import Store

VOCABULARY = {
    "violence": r"(?i)\b(?:attack\w*|kill\w*|fight\w*|fought|clash\w*|bomb\w*|airstrikes?|air "
                r"strikes?|shell(?:ing|ed)|militan\w*|insurgen\w*|rebel\w*|troops|soldiers|"
                r"offensive|wars?|warring|hostages?|gunmen|terror\w*|siege|massacre\w*|"
                r"casualt\w*|wounded|explosi\w*|invasion|invad\w*|occupation|armed forces|army|"
                r"military|missiles?|weapons?|drones?|jihad\w*|extremis\w*|violen\w*)\b",
    "coercion": r"(?i)\b(?:sanction\w*|tariffs?|retaliat\w*|threat\w*|dispute\w*|tensions?|"
                r"standoff|protest\w*|crackdown|coup|embargo\w*|boycott\w*|expel\w*|accus\w*|"
                r"condemn\w*|blockade\w*|sovereignty|territorial|annex\w*|espionage|"
                r"repression|persecut\w*)\b",
    "peace": r"(?i)\b(?:ceasefire|cease-fire|truce|peace (?:talks|deal|agreement|process|plan|"
             r"treaty)|negotiat\w*|mediat\w*|peacekeep\w*)\b",
    "trade": r"(?i)\b(?:tariffs?|trade wars?|duties|exports?|imports?|trade barriers?)\b",
    "war": r"(?i)\bwars?\b",
    "civil_war": r"(?i)\bcivil wars?\b",
    "insurgency": r"(?i)\b(?:insurgen\w*|militan\w*|jihad\w*|rebel\w*|separatis\w*|"
                  r"terroris\w*|extremis\w*)\b",
}
CONFLICT_KINDS = ("violence", "coercion", "peace")
MIN_SHARE = 0.2
MIN_SHARE_WITH_EVENTS = 0.12  # with at least two conflictual events
MIN_SHARE_ALONE = 0.3
MIN_VIOLENCE_ALONE = 0.4
LINK = 0.45
DYAD_WEIGHT = 0.5
FULL_DYADS = 3  # conflictual events from which a document's dyads weigh fully
TOP_KEYS = 4  # actors in a document's signature
SMALL = 2  # clusters this small may join a larger one (see attach)
STRONG_DYAD = 3
DOMINANT = 2.5
MAX_PARTIES = 4
REGION_DOCS = 0.75
NAME_MATCH = 90  # rapidfuzz ratio for a name to be a discovered conflict's name
MAIN_KEYS = 4
MAX_DOCS = 3000  # documents clustered (the most conflictual first)
INSURGENCY_SHARE = 0.15  # sentences about militants, rebels, terrorism … that make an insurgency
NON_STATE_KINDS = frozenset({"group", "armed_group", "rebel", "militia"})
REGION_NOUN = re.compile(r"^(?:['’]s)?\s+(?:province|region|state|district|governorate|oblast|"
                         r"county|territory)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DocProfile:
    doc_id: str
    date: dt.date | None
    share: float  # sentences with conflict vocabulary / sentences
    counts: dict[str, int]  # vocabulary name → sentences
    n_sentences: int
    weights: dict[str, float]  # actor key → weight in the document
    dyads: dict[tuple[str, str], tuple[int, int]]  # (a, b) sorted → (events, material)


@dataclass(frozen=True, slots=True)
class Found:
    """A conflict or crisis discovered in the store."""

    name: str
    kind: str  # war, civil war, insurgency, trade dispute, dispute, crisis
    parties: tuple[str, ...]  # actor keys, the two sides first
    party_names: tuple[str, ...]
    doc_ids: tuple[str, ...]
    first: dt.date | None
    last: dt.date | None
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    definition: str | None = None  # a definition with the same sides

    def as_conflict(self) -> Conflict:
        return Conflict(name=self.name, parties=self.parties, aliases=self.aliases,
                        territories=self.places, is_discovered=True, documents=self.doc_ids)


def discover(store: Store, *, kb: ActorKB | None = None, conflicts: Conflicts | None = None,
             doc_ids: Collection[str] | None = None) -> list[Found]:
    """The conflicts and crises of the store (or of ``doc_ids``), most documents first."""
    profiles = profile_documents(store, doc_ids)
    spec = specificity(profiles)
    clusters = by_armed_group(attach(cluster(profiles), spec), spec, kb)
    names = reads.name_counts(store, {kbview.split_key(k)[0] for p in profiles
                                      for k in p.weights})
    described = [describe(store, group, kb, names, spec, conflicts) for group in clusters
                 if is_conflict(group)]
    found = [f for f in described if f is not None]
    if conflicts is not None:
        found = [_with_definition(f, conflicts) for f in found]
    return sorted(found, key=lambda f: (-len(f.doc_ids), f.name))


def discovered_named(store: Store, name: str, *, kb: ActorKB | None = None) -> Conflict | None:
    """The discovered conflict called ``name`` (or one of its aliases), looked for among the
    documents that mention the actors ``name`` names, so a large store is never clustered whole
    for one question."""
    from polemos.analysis.question import read_phrase
    from polemos.analysis.target import store_names

    phrase = read_phrase(name, kb=kb, names=store_names(store))
    codes = {kbview.split_key(k)[0] for k in phrase.anchors}
    codes = {(kbview.wholes(kb, c)[:1] or (c,))[0] if kbview.kind(kb, c) == "region" else c
             for c in codes}  # a region's mentions code as its state
    candidates = reads.mention_sentences(store, codes, limit=reads.MAX_LOADED) if codes else {}
    if not candidates:
        return None
    wanted = _plain(name)
    for found in discover(store, kb=kb, doc_ids=set(candidates)):
        options = [found.name, *found.aliases]
        if max(fuzz.ratio(wanted, _plain(o)) for o in options) >= NAME_MATCH:
            return found.as_conflict()
    return None


def _plain(name: str) -> str:
    """Lower case, no punctuation, no leading article or possessive: names compare as said."""
    text = utils.default_process(name.replace("'s ", " ").replace("’s ", " "))
    return re.sub(r"^(?:the|a|an)\s+", "", text)


# -- profiles ------------------------------------------------------------------------------


def profile_documents(store: Store, doc_ids: Collection[str] | None = None) -> list[DocProfile]:
    """The documents about a conflict or crisis, each with its signature (step 1 and 2)."""
    counts = reads.pattern_counts(store, {**VOCABULARY, "any": _any_conflict()}, doc_ids)
    infos = reads.doc_infos(store, doc_ids)
    dyads = _dyads_by_doc(reads.conflict_dyads(store, doc_ids))
    chosen = []
    for doc_id, found in counts.items():
        info = infos.get(doc_id)
        if info is None or not info.n_sentences:
            continue
        share = found["any"] / info.n_sentences
        n_events = sum(n for n, _ in dyads.get(doc_id, {}).values())
        if share >= MIN_SHARE or (share >= MIN_SHARE_WITH_EVENTS and n_events >= 2):
            chosen.append((share, doc_id))
    chosen = sorted(chosen, reverse=True)[:MAX_DOCS]
    keys = reads.top_keys(store, [d for _, d in chosen])
    return [DocProfile(d, infos[d].published or infos[d].text_date, share, counts[d],
                       infos[d].n_sentences,
                       _weights(keys.get(d, {}), dyads.get(d, {}), infos[d].n_sentences),
                       dyads.get(d, {})) for share, d in chosen]


def _any_conflict() -> str:
    inner = "|".join(VOCABULARY[k].removeprefix("(?i)") for k in CONFLICT_KINDS)
    return f"(?i){inner}"


def _dyads_by_doc(dyads: Iterable[reads.Dyad]) -> dict[str, dict[tuple[str, str], tuple[int, int]]]:
    out: dict[str, dict[tuple[str, str], tuple[int, int]]] = {}
    for d in dyads:
        if d.source == d.target:
            continue
        pair = (min(d.source, d.target), max(d.source, d.target))
        n, m = out.setdefault(d.doc_id, {}).get(pair, (0, 0))
        out[d.doc_id][pair] = (n + d.n, m + d.n_material)
    return out


def _weights(keys: dict[str, list[int]], dyads: dict[tuple[str, str], tuple[int, int]],
             n_sentences: int) -> dict[str, float]:
    """Share of sentences naming each actor, plus its part in the conflictual events (weighed
    fully from ``FULL_DYADS`` events)."""
    total = sum(n for n, _ in dyads.values()) or 1
    trust = min(1.0, total / FULL_DYADS)  # one event says less than several
    out = {k: len(s) / max(1, n_sentences) for k, s in keys.items()}
    for (a, b), (n, _) in dyads.items():
        for key in (a, b):
            out[key] = out.get(key, 0.0) + DYAD_WEIGHT * trust * n / total
    return out


# -- clustering ----------------------------------------------------------------------------


def specificity(profiles: Sequence[DocProfile]) -> dict[str, float]:
    """How specific each actor is to few of the documents (the square root of its idf)."""
    df = Counter(k for p in profiles for k in p.weights)
    n = len(profiles)
    return {k: math.sqrt(math.log(1 + n / d)) for k, d in df.items()}


def _vectors(profiles: Sequence[DocProfile]) -> list[dict[str, float]]:
    """Each signature times the actors' specificity (idf), top keys only, unit length."""
    spec = specificity(profiles)
    out = []
    for p in profiles:
        raw = {k: w * spec[k] for k, w in p.weights.items()}
        top = dict(sorted(raw.items(), key=lambda kv: -kv[1])[:TOP_KEYS])
        norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
        out.append({k: v / norm for k, v in top.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def cluster(profiles: Sequence[DocProfile]) -> list[list[DocProfile]]:
    """Average-linkage agglomerative clustering at cosine ``LINK`` (step 3).

    The linkage of a merged group to every other is updated from its two parts
    (Lance-Williams: the size-weighted mean of theirs), not recomputed from every pair of
    documents, and the best pair is found with one vectorised pass: the same merges, in the
    same order, as comparing every pair of groups each round, without its cubic cost (a store
    of 10k events did not finish in 100 s).
    """
    import numpy as np

    groups = [[i] for i in range(len(profiles))]
    if len(groups) < 2:
        return [[profiles[i] for i in g] for g in groups]
    sim = _similarities(_vectors(profiles))
    np.fill_diagonal(sim, -np.inf)
    sizes = np.ones(len(groups))
    while True:
        # row-major order: the first best pair is the one with the smallest first group
        x, y = divmod(int(np.argmax(sim)), len(groups))
        if sim[x, y] < LINK:
            break
        merged = (sizes[x] * sim[x] + sizes[y] * sim[y]) / (sizes[x] + sizes[y])
        sim[x], sim[:, x] = merged, merged
        sim[y], sim[:, y] = -np.inf, -np.inf
        sim[x, x] = -np.inf
        sizes[x] += sizes[y]
        groups[x] += groups[y]
        groups[y] = []
    return [[profiles[i] for i in g] for g in groups if g]


def _similarities(vectors: Sequence[dict[str, float]]) -> Any:
    """The cosine of every pair of (unit) signature vectors, as a square NumPy array."""
    import numpy as np

    keys = {k: i for i, k in enumerate(sorted({k for v in vectors for k in v}))}
    dense = np.zeros((len(vectors), max(1, len(keys))))
    for row, vector in enumerate(vectors):
        for key, value in vector.items():
            dense[row, keys[key]] = value
    return dense @ dense.T


def attach(groups: list[list[DocProfile]], spec: dict[str, float] | None = None
           ) -> list[list[DocProfile]]:
    """A small cluster (at most ``SMALL`` documents) whose every document names both sides of
    a larger conflict among its main actors belongs to that conflict: an outside power's
    story about a war is a story about that war."""
    ordered = sorted(groups, key=len, reverse=True)
    big = [(g, set(_sides(g, _cluster_weights(g), spec))) for g in ordered if len(g) > SMALL]
    out = [g for g in ordered if len(g) > SMALL]
    for group in (g for g in ordered if len(g) <= SMALL):
        home = next((g for g, sides in big if len(sides) == 2 and all(
            sides <= set(_main_keys(p)) for p in group)), None)
        if home is None:
            out.append(group)
        else:
            home.extend(group)
    return out


def by_armed_group(groups: list[list[DocProfile]], spec: dict[str, float] | None, kb: ActorKB | None
                   ) -> list[list[DocProfile]]:
    """Clusters whose sides hold the same non-state armed actor are one conflict: an
    insurgency fought in several states ("al-Shabab insurgency (Somalia, Kenya)")."""
    out: list[list[DocProfile]] = []
    home_of: dict[str, list[DocProfile]] = {}
    for group in groups:
        armed = [s for s in _sides(group, _cluster_weights(group), spec) if is_non_state(s, kb)]
        joined = next((home_of[s] for s in armed if s in home_of), None)
        if joined is None:
            out.append(group)
            home_of.update({s: group for s in armed})
        else:
            joined.extend(group)
    return out


def _main_keys(profile: DocProfile) -> list[str]:
    return [k for k, _ in sorted(profile.weights.items(), key=lambda kv: -kv[1])[:MAIN_KEYS]]


def is_conflict(group: Sequence[DocProfile]) -> bool:
    """Several documents about a conflict, or one that clearly is (step 3)."""
    if len(group) > 1:
        return True
    doc = group[0]
    violence = doc.counts.get("violence", 0) / max(1, doc.n_sentences)
    return doc.share >= MIN_SHARE_ALONE and (bool(doc.dyads) or violence >= MIN_VIOLENCE_ALONE)


# -- description ---------------------------------------------------------------------------


def describe(store: Store, group: Sequence[DocProfile], kb: ActorKB | None,
             names: dict[str, Counter[str]], spec: dict[str, float] | None = None,
             conflicts: Conflicts | None = None) -> Found | None:
    """Sides, kind, name, span and documents of one cluster (step 4)."""
    weights = _cluster_weights(group)
    sides = _sides(group, weights, spec)
    if conflicts is not None:
        sides = _defined_sides(sides, weights, conflicts)
    if not sides:
        return None
    parties_first = sides
    if _is_dominant(sides, weights, group, kb):  # one state's crisis, others reacting to it
        sides = sides[:1]
    vocab: Counter[str] = Counter()
    for p in group:
        vocab.update(p.counts)
    material = sum(m for p in group for pair, (_, m) in p.dyads.items() if set(pair) == set(sides))
    label = {k: kbview.short_name(kb, k, names.get(k)) for k in weights}
    kind = _kind(sides, vocab, sum(p.n_sentences for p in group), material, kb)
    states = _states(group, weights, sides, kb)
    doc_ids = tuple(p.doc_id for p in group)
    region = _region(store, states[:1], doc_ids, kb) if kind in ("insurgency", "civil war",
                                                                  "conflict", "crisis") else None
    name, aliases = _naming(kind, sides, states, label, region,
                            {s for s in sides if is_non_state(s, kb)})
    parties = _parties(group, parties_first, kb)
    dates = sorted(p.date for p in group if p.date)
    return Found(name, kind, parties, tuple(label[k] for k in parties), doc_ids,
                 dates[0] if dates else None, dates[-1] if dates else None, aliases,
                 (region,) if region else ())


def _parties(group: Sequence[DocProfile], sides: Sequence[str], kb: ActorKB | None) -> tuple[str, ...]:
    """The two sides, and the states fighting a non-state side in two or more events
    ("al-Shabab" against Somalia and Kenya)."""
    out = list(sides)
    for pair, n in _cluster_dyads(group).most_common():
        group_side = next((s for s in pair if s in sides and is_non_state(s, kb)), None)
        other = next((s for s in pair if s != group_side), None)
        if group_side and other and n >= 2 and not is_non_state(other, kb):
            out.append(other)
    return tuple(dict.fromkeys(out))[:MAX_PARTIES]


def _cluster_weights(group: Sequence[DocProfile]) -> Counter[str]:
    weights: Counter[str] = Counter()
    for p in group:
        weights.update(p.weights)
    return weights


def _sides(group: Sequence[DocProfile], weights: Counter[str],
           spec: dict[str, float] | None = None) -> tuple[str, ...]:
    """The conflictual dyad between the most central actors (events × the lighter side's
    weight; material events count double) when it is a strong one (``STRONG_DYAD`` events or
    more, or most of the cluster's), else the two actors weighing most once weighed by how
    specific they are to few documents (``spec``: the United States named in most of a US
    outlet's stories is rarely a side of each war they report)."""
    dyads = _cluster_dyads(group)
    total = sum(dyads.values())
    if dyads:
        (a, b), n = max(dyads.items(), key=lambda kv: (kv[1] * min(weights[kv[0][0]],
                                                                    weights[kv[0][1]]), kv[0]))
        if n >= STRONG_DYAD or (n >= 2 and n * 2 > total):
            return tuple(sorted((a, b), key=lambda k: -weights[k]))
    spec = spec or {}
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1] * spec.get(kv[0], 1.0), kv[0]))
    return tuple(sorted((k for k, _ in ranked[:2]), key=lambda k: -weights[k]))


def _is_dominant(sides: Sequence[str], weights: Counter[str], group: Sequence[DocProfile],
                 kb: ActorKB | None) -> bool:
    """The first side is a state that weighs ``DOMINANT`` times the second, and no strong
    dyad joins them: a crisis in that state (the Belarus election crisis), not a dispute
    with whoever reacted most."""
    if len(sides) < 2 or is_non_state(sides[0], kb) or not kbview.is_state_code(sides[0]):
        return False
    strong = _cluster_dyads(group).get((min(sides[:2]), max(sides[:2])), 0) >= STRONG_DYAD
    return not strong and weights[sides[0]] >= DOMINANT * weights[sides[1]]


def _cluster_dyads(group: Sequence[DocProfile]) -> Counter[tuple[str, str]]:
    dyads: Counter[tuple[str, str]] = Counter()
    for p in group:
        for pair, (n, m) in p.dyads.items():
            dyads[pair] += n + m
    return dyads


def home(key: str, kb: ActorKB | None) -> str:
    """The state an actor belongs to or operates in first: SOM:REB → SOM, an armed group →
    the first state among its wholes, a state → itself."""
    code = kbview.split_key(key)[0]
    if not is_non_state(key, kb):
        return code
    states = [w for w in kbview.wholes(kb, code) if kbview.kind(kb, w) == "state"]
    return states[0] if states else code


def is_non_state(key: str, kb: ActorKB | None) -> bool:
    code, sector = kbview.split_key(key)
    return sector is not None or (kbview.kind(kb, code) or "state") in NON_STATE_KINDS


def _kind(sides: Sequence[str], vocab: Counter[str], n_sentences: int, material: int,
          kb: ActorKB | None) -> str:
    """war, civil war, insurgency, trade dispute, dispute, conflict or crisis (step 4)."""
    share: Counter[str] = Counter({k: v / max(1, n_sentences) for k, v in vocab.items()})
    homes = {home(s, kb) for s in sides}
    internal = any(is_non_state(s, kb) for s in sides) or len(homes) == 1
    if internal and vocab["civil_war"] >= max(1, vocab["insurgency"]) and len(homes) == 1:
        return "civil war"  # called a civil war at least as often as militants are named
    if any(kbview.kind(kb, s) == "armed_group" for s in sides) and share["trade"] < share[
            "violence"]:
        return "insurgency"  # a state against an armed group the KB knows
    if share["insurgency"] >= INSURGENCY_SHARE and share["trade"] < share["insurgency"]:
        return "insurgency"
    if internal:
        return "conflict" if share["violence"] >= 0.2 else "crisis"
    if vocab["trade"] >= 2 and vocab["trade"] >= vocab["violence"] / 2:
        return "trade dispute"
    if vocab["war"] >= 3 and (share["peace"] >= 0.05 or material >= 2):
        return "war"
    return "dispute" if vocab["coercion"] >= vocab["violence"] / 2 else "conflict"


def _states(group: Sequence[DocProfile], weights: Counter[str], sides: Sequence[str],
            kb: ActorKB | None) -> tuple[str, ...]:
    """The states the conflict happens in or between: the sides' states, the states in
    conflictual events with a side, then those weighing at least half as much as the
    heaviest."""
    top = weights.most_common(1)[0][1] if weights else 0.0
    ordered = [kbview.split_key(s)[0] for s in sides]
    ordered += [k for pair in _cluster_dyads(group) if set(pair) & set(sides) for k in pair]
    ordered += [k for k, w in weights.most_common() if ":" not in k and w >= top / 2]
    return tuple(dict.fromkeys(c for c in ordered if not is_non_state(c, kb)
                               and kbview.kind(kb, c) in ("state", None)))


def _region(store: Store, states: Sequence[str], doc_ids: Sequence[str], kb: ActorKB | None) -> str | None:
    """A part of the main state the texts name as such, in ``REGION_DOCS`` of the documents and
    twice or more (the theatre of the whole conflict, not of one episode): a region the KB files under the state ("Balochistan", which mentions code as
    Pakistan), else a name of the state followed by a region noun ("… province")."""
    if not states:
        return None
    regions = {n.lower(): kbview.name_of(kb, r) for r in kbview.parts(kb, states[0])
               if kbview.kind(kb, r) == "region" for n in kbview.primary_names(kb, r)}
    shown = kbview.name_of(kb, states[0])
    counts: Counter[str] = Counter()
    docs: dict[str, set[str]] = {}
    for doc_id, text, after in reads.mention_contexts(store, {states[0]}, doc_ids):
        bare = re.sub(r"['’]s$", "", text)
        name = regions.get(bare.lower()) or (
            bare if REGION_NOUN.match(after) and shown not in text and text[:1].isupper()
            else None)
        if name:
            counts[name] += 1
            docs.setdefault(name, set()).add(doc_id)
    found = [t for t, n in counts.most_common()
             if n >= 2 and len(docs[t]) >= REGION_DOCS * len(doc_ids)]
    return found[0] if found else None


def _naming(kind: str, sides: Sequence[str], states: Sequence[str], label: dict[str, str],
            region: str | None, groups: Collection[str] = ()) -> tuple[str, tuple[str, ...]]:
    """The name (see the module docstring) and other wordings of it; ``groups``: the sides
    that are not states (armed groups, a state's rebels)."""
    state = label.get(states[0], states[0]) if states else label[sides[0]]
    listed = ", ".join(label.get(s, s) for s in states[:3])
    group = next((label[s] for s in sides if s in groups or ":" in s), None)
    if group is None and len({kbview.split_key(s)[0] for s in sides}) == 2 and kind in (
            "war", "dispute", "trade dispute", "conflict"):
        a, b = sorted(label[s] for s in sides)
        return f"{a}–{b} {kind}", (f"{a}-{b} {kind}", f"{b}–{a} {kind}", f"{a}–{b} conflict",
                                   f"{a}-{b} conflict", f"{kind} between {a} and {b}")
    place = region or state
    if kind == "insurgency":
        name = (f"insurgency in {region} ({state})" if region
                else f"{group} insurgency ({listed})" if group else f"insurgency ({listed})")
        who = [f"fight against {group}", f"war against {group}", f"{group} insurgency",
               f"conflict with {group}", f"{group} insurgency ({listed})"] if group else []
        return name, (*who, f"insurgency in {place}", f"{place} insurgency",
                      f"conflict in {place}")
    return f"{kind} in {place}", (f"{place} {kind}", f"{place}'s {kind}", f"conflict in {place}",
                                  f"war in {place}", f"crisis in {place}")


def _defined_sides(sides: tuple[str, ...], weights: Counter[str], conflicts: Conflicts
                   ) -> tuple[str, ...]:
    """A definition whose two main parties are among the cluster's main actors, and which
    counts every side found as one of its parties or outside actors, gives the sides: talks
    between Ukraine and its backer are about the Russia–Ukraine war, not a war between them."""
    main = {kbview.split_key(k)[0] for k, _ in weights.most_common(MAIN_KEYS)}
    codes = {kbview.split_key(s)[0] for s in sides}
    for conflict in conflicts.items:
        parties = conflict.party_codes
        known = set(parties) | {kbview.split_key(o)[0] for o in conflict.outside}
        if len(parties) >= 2 and set(parties[:2]) <= main and codes <= known \
                and codes & set(parties) and not codes <= set(parties[:2]):
            return tuple(sorted(parties[:2], key=lambda c: -weights[c]))
    return sides


def _with_definition(found: Found, conflicts: Conflicts) -> Found:
    """Note the definition whose parties include both sides (its name becomes an alias)."""
    sides = {kbview.split_key(p)[0] for p in found.parties[:2]}
    for conflict in conflicts.items:
        if sides <= set(conflict.party_codes):
            return Found(found.name, found.kind, found.parties, found.party_names,
                         found.doc_ids, found.first, found.last,
                         (*found.aliases, *conflict.names), found.places, conflict.name)
    return found


def conflict_rows(found: Sequence[Found], *, full: bool = False) -> list[dict[str, Any]]:
    """One row per conflict for listing; ``full`` adds codes, aliases and document ids."""
    rows = []
    for f in found:
        span = f"{f.first or '?'} – {f.last or '?'}" if f.first != f.last else f"{f.first or '?'}"
        row: dict[str, Any] = {"name": f.name, "kind": f.kind,
                               "parties": ", ".join(f.party_names), "span": span,
                               "documents": len(f.doc_ids), "definition": f.definition or ""}
        if full:
            row.update({"party_codes": list(f.parties), "aliases": list(f.aliases),
                        "first": f.first, "last": f.last, "doc_ids": list(f.doc_ids)})
        rows.append(row)
    return rows
