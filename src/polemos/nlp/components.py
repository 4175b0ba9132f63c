"""Our own spaCy components."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "polemos_paragraph_breaks",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: the token after one starts a sentence.

    Runs before the parser, which keeps preset sentence starts. Without it a closing quote
    and the next paragraph's first sentence come out as one "sentence" and one citation.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        gap = previous.text if previous.is_space else previous.whitespace_
        if gap.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc
