"""Mention finding (placeholder until the actors stage lands)."""

from __future__ import annotations

from polemos.actors.kb import KnowledgeBase
from polemos.nlp.annotate import Parsed
from polemos.records import Mention, TimeAnalysis


def find_mentions(parsed: Parsed, kb: KnowledgeBase, *, time: TimeAnalysis) -> list[Mention]:
    return [
        Mention(parsed.article.doc_id, parsed.sentence_at(ent.start_char), ent.start_char,
                ent.end_char, ent.text, None)
        for ent in parsed.doc.ents
        if ent.label_ in {"GPE", "NORP", "ORG", "PERSON"}
    ]
