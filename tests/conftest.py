"""Shared fixtures: paths to ../shared, the real model (skipped when missing), a tiny store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.store.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The third-party corpus beside the repository; tests using it skip when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy model, loaded once; tests using it skip when it is not installed."""
    from polemos.errors import ModelError
    from polemos.nlp import load_nlp

    try:
        return load_nlp()
    except ModelError as err:
        pytest.skip(str(err))


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        yield s


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium; the test set-up installs it when it is missing (CI runs as root).

    Browser tests never skip silently: without chromium and without a way to install it
    they fail with the command to run. POLEMOS_SKIP_BROWSER=1 skips them on purpose.
    """
    import os
    import subprocess

    if os.environ.get("POLEMOS_SKIP_BROWSER") == "1":
        pytest.skip("POLEMOS_SKIP_BROWSER=1")
    if not CHROMIUM.exists() and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, capture_output=True)
    if not CHROMIUM.exists():
        pytest.fail("chromium is missing: run `sudo apt-get install -y chromium` (Debian) and retry")
    return CHROMIUM
