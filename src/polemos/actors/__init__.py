"""Actors: the time-aware knowledge base and the mention resolver."""

from polemos.actors.kb import KnowledgeBase, load_kb
from polemos.actors.resolve import find_mentions

__all__ = ["KnowledgeBase", "find_mentions", "load_kb"]
