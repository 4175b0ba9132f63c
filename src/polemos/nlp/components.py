"""Our own spaCy components."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token


@Language.component(
    "polemos_paragraph_breaks",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: the token after one starts a sentence; it
    never starts inside a bracket opened right after a word ("they [the U.S.] will …").

    Runs before the parser, which keeps preset sentence starts. Without it a closing quote
    and the next paragraph's first sentence come out as one "sentence" and one citation.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        gap = previous.text if previous.is_space else previous.whitespace_
        if gap.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
        elif _inside_a_bracket(token):
            token.is_sent_start = False
    return doc


OPENING = frozenset({"[", "("})


def _inside_a_bracket(token: Token) -> bool:
    """'… not that they [the U.S.] will disengage': a bracket opened right after a word, and
    the word it opens on, continue the sentence (the parser otherwise starts one at "[")."""
    previous = token.doc[token.i - 1]
    if token.text in OPENING:
        return previous.is_alpha and "\n" not in previous.whitespace_
    return previous.text in OPENING and token.i >= 2 and token.doc[token.i - 2].is_alpha
