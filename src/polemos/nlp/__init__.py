"""spaCy loading and annotation: the only place spacy.load is called."""

from polemos.nlp.annotate import Parsed, annotate, sentences_of
from polemos.nlp.load import load_nlp

__all__ = ["Parsed", "annotate", "load_nlp", "sentences_of"]
