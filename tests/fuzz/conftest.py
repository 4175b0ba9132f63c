"""The long fuzz profile runs only when asked for: ``pytest -m fuzz_long tests/fuzz``."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "fuzz_long" in (config.getoption("markexpr") or ""):
        return  # -m fuzz_long runs it; -m "not fuzz_long" deselects it anyway
    skip = pytest.mark.skip(reason="long fuzz profile (minutes): run it with -m fuzz_long")
    for item in items:
        if "fuzz_long" in item.keywords:
            item.add_marker(skip)
