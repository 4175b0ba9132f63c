"""The CAMEO code table and its PLOVER 2.0 translation, loaded from ``data/cameo.yaml``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from polemos.errors import DictionaryError

CAMEO_FILE = "data/cameo.yaml"


@dataclass(frozen=True, slots=True)
class Code:
    """One CAMEO code with its Goldstein score, quad class and PLOVER coding."""

    code: str
    name: str
    goldstein: float
    quad: int
    type: str | None  # PLOVER type; None when PLOVER drops the code (statements)
    mode: str | None = None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ontology:
    codes: dict[str, Code]
    modes: dict[str, tuple[str, ...]]  # PLOVER type -> its modes
    contexts: frozenset[str]

    def code(self, code: str) -> Code:
        """The entry for ``code``; raises KeyError with the nearest codes named."""
        if code not in self.codes:
            near = difflib.get_close_matches(code, list(self.codes), n=3)
            raise KeyError(f"unknown CAMEO code {code!r}; did you mean {', '.join(near) or '?'}")
        return self.codes[code]

    def is_valid_code(self, code: str) -> bool:
        return code in self.codes

    def problem(self, *, code: str, type: str | None, mode: str | None,
                contexts: tuple[str, ...]) -> str | None:
        """What is wrong with this coding, or None when it is valid."""
        if code not in self.codes:
            near = difflib.get_close_matches(code, list(self.codes), n=3)
            return (f'unknown CAMEO code "{code}". Codes are the 2-4 digit codes of '
                    f"{CAMEO_FILE}; did you mean {', '.join(near) or 'another code'}?")
        plover_type = type or self.codes[code].type
        if plover_type is None:
            return (f'CAMEO code "{code}" has no PLOVER type (PLOVER drops statements); '
                    f"give the pattern a type: one of {', '.join(self.modes)}")
        if plover_type not in self.modes:
            return f'unknown PLOVER type "{plover_type}"; expected one of {", ".join(self.modes)}'
        if mode is not None and mode not in self.modes[plover_type]:
            valid = ", ".join(self.modes[plover_type]) or "none"
            return f'mode "{mode}" is not a mode of {plover_type}; its modes: {valid}'
        bad = [c for c in contexts if c not in self.contexts]
        if bad:
            return f"unknown context(s) {', '.join(bad)}; see the contexts list in {CAMEO_FILE}"
        return None


def _code(code: str, entry: dict[str, Any]) -> Code:
    return Code(
        code=code, name=str(entry["name"]), goldstein=float(entry["goldstein"]),
        quad=int(entry["quad"]), type=entry.get("type"), mode=entry.get("mode"),
        contexts=tuple(entry.get("contexts") or ()),
    )


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged CAMEO/PLOVER table (read once per process).

    Raises:
        DictionaryError: the data file is malformed.
    """
    text = resources.files("polemos").joinpath(CAMEO_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not {"codes", "plover", "contexts"} <= set(data):
        raise DictionaryError(CAMEO_FILE, "expected the keys codes, plover and contexts")
    codes = {str(k): _code(str(k), v) for k, v in data["codes"].items()}
    modes = {str(k): tuple(v or ()) for k, v in data["plover"].items()}
    ontology = Ontology(codes, modes, frozenset(data["contexts"]))
    for entry in codes.values():
        if entry.type is None:
            continue
        problem = ontology.problem(code=entry.code, type=None, mode=entry.mode,
                                   contexts=entry.contexts)
        if problem:
            raise DictionaryError(CAMEO_FILE, f'code "{entry.code}": {problem}')
    return ontology
