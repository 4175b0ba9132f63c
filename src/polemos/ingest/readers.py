"""Readers (minimal placeholder until the ingest stage lands): .txt/.md files, folders, JSONL."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from polemos.records import Article, Failure, Skip
from polemos.settings import Settings


def doc_id_for(text: str) -> str:
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def read_sources(
    sources: Sequence[str], *, settings: Settings
) -> Iterator[Article | Skip | Failure]:
    for source in sources:
        path = Path(source)
        if not path.exists():
            yield Failure(source, f"{source}: no such file or folder. Check the path.")
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    pub = rec.get("published")
                    yield Article(
                        doc_id_for(rec["text"]), rec["text"], title=rec.get("title"),
                        source=f"{file}:{n}", url=rec.get("url"),
                        published=dt.date.fromisoformat(pub[:10]) if pub else None,
                    )
            elif file.suffix in {".txt", ".md"}:
                text = file.read_text(encoding="utf-8")
                yield Article(doc_id_for(text), text, title=text.strip().splitlines()[0][:200],
                              source=str(file))
