"""The actor commands: mentions and actors from the store, kb show, kb check."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from polemos.cli import cli
from polemos.records import Article, Mention, Result, Sentence
from polemos.store.store import Store


def seeded_db(tmp_path: Path) -> str:
    db = str(tmp_path / "t.duckdb")
    text = "Arnor met Gondor. Both sides agreed."
    mentions = (
        Mention("d1", 0, 0, 5, "Arnor", "ARN", kind="state", rule="kb"),
        Mention("d1", 0, 10, 16, "Gondor", "GON", kind="state", rule="kb"),
        Mention("d1", 1, 18, 28, "Both sides", None, kind="group", members=("ARN", "GON"),
                rule="group"),
    )
    sentences = (Sentence("d1", 0, 0, 17, text[:17]), Sentence("d1", 1, 18, 36, text[18:]))
    with Store.open(db) as store:
        store.add([Result(Article("d1", text), sentences, mentions)])
    return db


def test_mentions_as_jsonl(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["mentions", "--db", seeded_db(tmp_path), "--doc", "d1",
                                      "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["code"], r["sentence_id"]) for r in rows] == [
        ("Arnor", "ARN", 0), ("Gondor", "GON", 0), ("Both sides", None, 1)]
    assert rows[2]["members"] == "ARN+GON"


def test_actors_counts_resolved_mentions(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["actors", "--db", seeded_db(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted((r["code"], r["mentions"]) for r in rows) == [("ARN", 1), ("GON", 1)]


def test_kb_check_ok_and_error(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("- code: XKQ\n  kind: defacto\n  names: [Freeland]\n  parent: RUS\n")
    result = CliRunner().invoke(cli, ["kb", "check", str(good)])
    assert (result.exit_code, result.output.strip()) == (0, "ok: 1 entries")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- code: XKQ\n  kind: defacto\n  names: [Freeland]\n  parent: QQQ_Q\n")
    result = CliRunner().invoke(cli, ["kb", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}, line 1" in result.output and "QQQ_Q" in result.output


def test_kb_show_and_did_you_mean(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("- code: XKQ\n  kind: defacto\n  names: [Freeland]\n  parent: RUS\n"
                    "- name: Jane Quux\n  offices:\n"
                    "    - {office: envoy, country: XKQ, start: 2001, end: 2003}\n")
    result = CliRunner().invoke(cli, ["kb", "show", "Freeland", "--actors", str(mine)])
    assert result.exit_code == 0, result.output
    assert "kind: defacto" in result.output and "plover: RUS + PRE" in result.output
    assert "envoy: Jane Quux 2001-01-01 – 2003-12-31" in result.output
    result = CliRunner().invoke(cli, ["kb", "show", "Freelnd", "--actors", str(mine)])
    assert result.exit_code == 1 and "Did you mean: Freeland" in result.output
