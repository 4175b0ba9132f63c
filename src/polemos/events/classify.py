"""A learned event-type classifier beside the rules: which word of a sentence reports an event,
and of which kind: a CAMEO root with the PLOVER type its codes take ("19:ASSAULT",
"19:COERCE" for blockades and occupation, "08:CONCEDE", "08:RETREAT" …), or "none".

Every verb and noun of a sentence is a candidate. Its features are read off the parse (lemma,
part of speech, dependency, the lemmas of its head, objects, complements and prepositions, the
words that govern it, negation and modal cues; named entities and numbers are masked, so the
model learns the language, not the names) . A multinomial logistic regression over them gives, for each candidate, a distribution over those labels. The weights are trained by ``scripts/train_event_classifier.py`` on the sentences the
project wrote itself (``training/events/``) and ship inside the package
(``polemos/data/models/event_types.*``); nothing is downloaded.

Runtime needs numpy only: the weights are a matrix and a vocabulary, no pickled estimator.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from polemos.errors import ModelError

NONE = "none"
CANDIDATE_POS = frozenset({"VERB", "NOUN", "PROPN"})
MASKED_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "DATE", "TIME",
                         "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "EVENT",
                         "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"})
MODALS = frozenset({"would", "could", "might", "may", "will", "shall", "should", "can", "must",
                    "'d", "'ll", "wo", "ca"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "nsubjpass"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp"})
MAX_GOVERNORS = 3
DATA = "data/models"
NAME = "event_types"


def label_of(code: str, plover_type: str | None) -> str:
    """The classifier's label for a CAMEO code: its root and PLOVER type ("19:ASSAULT")."""
    return f"{code[:2]}:{plover_type or '-'}"


def word(token: Token) -> str:
    """The token as the model sees it: entities and numbers masked, lemmas lower-cased."""
    if token.ent_type_ in MASKED_ENTS and token.pos_ in {"PROPN", "NUM"}:
        return f"<{token.ent_type_}>"
    if token.like_num:
        return "<NUM>"
    return token.lemma_.lower()


def is_candidate(token: Token) -> bool:
    return token.pos_ in CANDIDATE_POS and not (token.pos_ == "PROPN" and token.ent_type_)


def token_features(token: Token) -> list[str]:
    """Sparse features of one candidate word (see the module docstring)."""
    lemma = word(token)
    feats = [f"w={lemma}", f"pos={token.pos_}", f"dep={token.dep_}", f"w+pos={lemma}|{token.pos_}",
             f"tag={token.tag_}"]
    head = token.head
    if head.i != token.i:
        feats += [f"head={word(head)}", f"head+dep={word(head)}|{token.dep_}"]
        if token.dep_ == "pobj":
            feats.append(f"prep_head={head.lower_}|{word(head.head)}")
    else:
        feats.append("is_root")
    for child in token.children:
        feats.extend(_child_features(lemma, child))
    feats.extend(_governor_features(token))
    return feats


def _child_features(lemma: str, child: Token) -> Iterator[str]:
    dep = child.dep_
    if dep in OBJECT_DEPS or dep in {"compound", "amod", "nmod"}:
        yield f"{dep}={word(child)}"
        yield f"w+{dep}={lemma}|{word(child)}"
    elif dep == "prep":
        yield f"prep={child.lower_}"
        for obj in child.children:
            if obj.dep_ == "pobj":
                yield f"prep+obj={child.lower_}|{word(obj)}"
                yield f"w+prep+obj={lemma}|{child.lower_}|{word(obj)}"
    elif dep in CLAUSE_DEPS:
        yield f"{dep}={word(child)}"
        yield f"w+{dep}={lemma}|{word(child)}"
    elif dep in {"nsubj", "nsubjpass", "agent"}:
        yield f"{dep}={word(child)}"
    elif dep == "neg" or child.lower_ in {"never", "no"}:
        yield "neg"
    elif dep in {"aux", "auxpass"} and child.lower_ in MODALS:
        yield f"modal={child.lower_}"
    elif dep == "prt":
        yield f"w+prt={lemma}|{child.lower_}"


def _governor_features(token: Token) -> Iterator[str]:
    node = token
    for hop in range(MAX_GOVERNORS):
        if node.head.i == node.i:
            return
        dep, node = node.dep_, node.head
        yield f"gov{hop}={dep}|{word(node)}"


def sentence_candidates(sent: Span) -> list[Token]:
    return [t for t in sent if is_candidate(t)]


@dataclass(frozen=True, slots=True)
class Prediction:
    """The classifier's view of one candidate word."""

    token: int  # index of the token in the Doc
    label: str  # likeliest event label ("19:ASSAULT"), never "none"
    probability: float  # of ``label``
    p_event: float  # 1 - p_none
    p_none: float  # P(no event, or a plain statement PLOVER does not code)


class EventClassifier:
    """Weights of the trained model; ``predict(sent)`` scores every candidate word."""

    def __init__(self, labels: list[str], vocab: dict[str, int], weights: np.ndarray,
                 bias: np.ndarray, meta: dict[str, object]) -> None:
        self.labels = labels
        self.vocab = vocab
        self.weights = weights  # (n_features, n_labels)
        self.bias = bias  # (n_labels,)
        self.meta = meta
        self.none = labels.index(NONE)
        self.uncodable = [i for i, label in enumerate(labels)
                          if label == NONE or label.endswith(":-")]
        codes = meta.get("codes")
        self.codes: dict[str, str] = dict(codes) if isinstance(codes, dict) else {}

    @classmethod
    def load(cls, folder: Path | None = None) -> EventClassifier:
        """The shipped model, or one written by the training script into ``folder``.

        Raises:
            ModelError: the weight files are missing or do not fit together.
        """
        root = Path(str(resources.files("polemos").joinpath(DATA))) if folder is None else folder
        try:
            meta = json.loads((root / f"{NAME}.json").read_text(encoding="utf-8"))
            with np.load(root / f"{NAME}.npz") as arrays:
                weights = arrays["weights"].astype(np.float32)
                bias = arrays["bias"].astype(np.float32)
        except (OSError, KeyError, ValueError) as err:
            raise ModelError(
                f"{root}: the event-type classifier's weights ({NAME}.json/.npz) are missing or "
                f"damaged ({err}). Reinstall polemos, or retrain with "
                "python scripts/train_event_classifier.py") from err
        labels, vocab = list(meta.pop("labels")), dict(meta.pop("vocab"))
        if weights.shape != (len(vocab), len(labels)) or bias.shape != (len(labels),):
            raise ModelError(f"{root}: the weights do not match the vocabulary and labels; "
                             "retrain with python scripts/train_event_classifier.py")
        return cls(labels, vocab, weights, bias, meta)

    def scores(self, tokens: list[Token]) -> np.ndarray:
        """Label probabilities, one row per token."""
        if not tokens:
            return np.zeros((0, len(self.labels)))
        logits = np.tile(self.bias, (len(tokens), 1))
        for row, token in enumerate(tokens):
            ids = [i for f in token_features(token) if (i := self.vocab.get(f)) is not None]
            if ids:
                logits[row] += self.weights[ids].sum(axis=0)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def predict(self, sent: Span) -> list[Prediction]:
        """Every candidate word of ``sent`` with its likeliest codable label; P(event) leaves out
        "none" and the plain statements PLOVER does not code ("01:-")."""
        tokens = sentence_candidates(sent)
        probs = self.scores(tokens)
        out = []
        for token, row in zip(tokens, probs, strict=True):
            p_none = float(row[self.uncodable].sum())
            events = row.copy()
            events[self.uncodable] = -1.0
            best = int(events.argmax())
            out.append(Prediction(token.i, self.labels[best], float(row[best]), 1.0 - p_none,
                                  p_none))
        return out


@functools.lru_cache(maxsize=1)
def load_classifier() -> EventClassifier:
    """The shipped classifier, loaded once per process."""
    return EventClassifier.load()
