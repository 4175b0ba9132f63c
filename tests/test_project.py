"""Tests about the project itself: public API, documented settings, examples on every command."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import click
import pytest

import polemos
from polemos.cli import cli
from polemos.errors import ConfigError
from polemos.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]


def test_all_lists_the_public_api() -> None:
    import types

    for name in polemos.__all__:
        assert getattr(polemos, name) is not None, name  # every lazy name resolves
    public = {
        n for n in dir(polemos)
        if not n.startswith("_") and not isinstance(getattr(polemos, n), types.ModuleType)
    } - {"logging", "annotations", "importlib", "TYPE_CHECKING", "Any"}
    assert set(polemos.__all__) == public


@pytest.mark.parametrize("modules,absent", [
    ("polemos, polemos.cli", ("spacy", "thinc", "pyarrow", "pandas")),  # `polemos --help`
    ("polemos.api, polemos.events.export, polemos.analysis, polemos.report.build, "
     "polemos.web.app, polemos.actors.kb", ("spacy", "thinc", "pandas")),  # no model needed
])
def test_commands_that_need_no_model_load_no_model_code(modules: str, absent: tuple[str, ...]
                                                       ) -> None:
    """`polemos --help` and every command that reads a store must start fast."""
    import subprocess
    import sys

    code = f"import sys, {modules}; print(sorted(m for m in {absent!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((prefix + name, cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, prefix + name + " ")
    return out


@pytest.mark.parametrize("name,command", _commands(cli))
def test_every_command_has_a_runnable_example(name: str, command: click.Command) -> None:
    assert command.help and "Example" in command.help, f"`polemos {name}` help lacks an example"


@pytest.mark.parametrize("name,command", [c for c in _commands(cli) if not isinstance(c[1], click.Group)])
def test_every_command_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"polemos {name}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_every_setting_has_help_and_is_documented() -> None:
    doc = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for f in fields(Settings):
        assert f.metadata.get("help"), f.name
        assert f"`{f.name}`" in doc, f"docs/settings.md does not document {f.name}"


def test_settings_layers_file_then_overrides(tmp_path: Path) -> None:
    path = tmp_path / "polemos.toml"
    path.write_text('batch_size = 8\nactors = ["my.yaml"]\n', encoding="utf-8")
    settings = load_settings(path, timeout=5.0)
    assert (settings.batch_size, settings.actors, settings.timeout) == (8, ("my.yaml",), 5.0)
    assert settings.max_bytes == Settings().max_bytes


@pytest.mark.parametrize(
    "content,message",
    [("batchsize = 8", "unknown setting 'batchsize'. Valid settings:"),
     ('batch_size = "big"', "setting 'batch_size' must be int, got 'big'"),
     ("batch_size = ", "not valid TOML")],
)
def test_bad_settings_say_what_and_how(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "polemos.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(path)


def test_missing_settings_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        load_settings(tmp_path / "nope.toml")
