from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from polemos.cli import cli
from polemos.store.store import Store

from .world import seed


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "world.duckdb")
    with Store.open(path) as store:
        seed(store)
    return path


def test_brief_json(db: str, conflict_file: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "ARN", "--conflict", "War of the Ring",
                                      "--conflicts", str(conflict_file), "--db", db,
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["actor"]["code"] == "ARN" and data["roles"]


def test_brief_unknown_conflict_exits_3_with_near_names(db: str, conflict_file: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "ARN", "--conflict", "War of Rings",
                                      "--conflicts", str(conflict_file), "--db", db])
    assert result.exit_code == 3
    assert "Nearest known conflicts: War of the Ring" in result.output


def test_ask_text_cites_sources(db: str, conflict_file: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "Who mediated between GON and MOR?",
                                      "--conflicts", str(conflict_file), "--db", db])
    assert result.exit_code == 0, result.output
    assert "mediator" in result.output and "[doc-a" in result.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "Who mediated?", "--db", str(tmp_path / "no.duckdb")])
    assert result.exit_code == 1 and "polemos ingest" in result.output


def test_ask_exits_3_when_nothing_is_found_and_says_what_was_searched(db: str,
                                                                      conflict_file: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "What is the position of the EU in the War of the "
                                      "Ring?", "--conflicts", str(conflict_file), "--db", db])
    assert result.exit_code == 3
    assert "No document in this database is about European Union in the War of the Ring" \
        in result.output


def test_ask_exits_4_on_a_question_it_does_not_understand(db: str) -> None:
    result = CliRunner().invoke(cli, ["ask", "What is the weather in Paris?", "--db", db,
                                      "--format", "json"])
    assert result.exit_code == 4
    data = json.loads(result.output)
    assert data["status"] == "not_understood" and "Who mediated" in data["answer"]


def test_ask_all_shows_every_passage(db: str, conflict_file: Path) -> None:
    args = ["ask", "What is the position of Arnor in the War of the Ring?", "--conflicts",
            str(conflict_file), "--db", db, "--format", "json"]
    some = json.loads(CliRunner().invoke(cli, args).output)
    every = json.loads(CliRunner().invoke(cli, [*args, "--all"]).output)
    assert len(every["passages"]) >= len(some["passages"]) > 0
