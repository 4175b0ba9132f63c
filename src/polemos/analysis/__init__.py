"""Positions: scopes, conflicts, roles, stances, assessments, briefs and cited answers."""

from polemos.analysis.ask import answer, build_brief
from polemos.analysis.brief import render_brief, render_brief_html
from polemos.analysis.conflicts import Conflict, Conflicts, load_conflicts
from polemos.analysis.model import Answer, Brief
from polemos.analysis.render_answer import render_answer

__all__ = ["Answer", "Brief", "Conflict", "Conflicts", "answer", "build_brief", "load_conflicts",
           "render_answer", "render_brief", "render_brief_html"]
