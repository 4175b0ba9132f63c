"""Positions: conflicts, roles, stances, assessments, briefs and cited answers."""

from polemos.analysis.ask import Answer, answer, render_answer
from polemos.analysis.brief import build_brief, render_brief, render_brief_html
from polemos.analysis.conflicts import Conflict, Conflicts, load_conflicts
from polemos.analysis.model import Brief

__all__ = ["Answer", "Brief", "Conflict", "Conflicts", "answer", "build_brief", "load_conflicts",
           "render_answer", "render_brief", "render_brief_html"]
