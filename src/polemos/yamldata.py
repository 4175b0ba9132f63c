"""Reading the project's YAML data files with the line of every mapping, for error messages."""

from __future__ import annotations

from typing import Any

import yaml

from polemos.errors import DictionaryError

# libyaml's C parser is ~10x faster on the package data; it keeps node marks too.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_Base):  # type: ignore[misc]
    """A safe loader that records the 1-based line of every mapping under ``__line__``.

    Dates stay strings, so that the loaders can report a bad one with its line.
    """


def _mapping_with_line(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    pairs = loader.construct_mapping(node, deep=True).items()
    mapping: dict[str, Any] = {str(k): v for k, v in pairs}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _plain_scalar(loader: LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _plain_scalar)


def load_with_lines(text: str, *, path: str, expected: str) -> Any:
    """Parse ``text``; every mapping carries ``__line__``.

    Raises:
        DictionaryError: the text is not valid YAML (names the line and what was ``expected``).
    """
    try:
        return yaml.load(text, Loader=LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or err
        raise DictionaryError(
            path, f"not valid YAML ({problem}). {expected}", line=line
        ) from err
