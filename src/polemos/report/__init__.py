"""The offline HTML report: ``build_report(store, conflict=...)`` returns one whole page."""

from polemos.report.build import build_report

__all__ = ["build_report"]
