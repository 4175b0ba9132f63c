"""Commands of this family register themselves on the shared ``cli`` group."""

from __future__ import annotations

from polemos.cli.base import cli  # noqa: F401
