"""Polemos from Python: what a notebook does with a store, as a script.

    polemos demo --db demo.duckdb          # or: polemos ingest my-articles/ --db demo.duckdb
    pip install 'polemos[pandas]'
    python docs/examples/notebook.py demo.duckdb

Each step prints what it found; the tests run this file on the demo corpus.
"""

from __future__ import annotations

import sys

import polemos


def main(path: str) -> None:
    with polemos.open(path) as db:
        # 1. what the store holds
        stats = db.stats()
        print(f"{stats.n_documents} documents, {stats.n_events} events "
              f"({stats.first} … {stats.last})")

        # 2. events as records: names work where codes do
        events = db.events(actor="Russia", since=2020)
        print(f"{events.total} events with Russia as actor since 2020; the first:")
        first = events[0]
        print(f"  {first.event.date.iso} {first.event.type} «{first.event.trigger}» in "
              f"{first.title!r}, sentence {first.event.sentence} "
              f"@{first.event.trigger_start}-{first.event.trigger_end}")

        # 3. the same events as a typed DataFrame: dates stay dates, actors stay lists
        df = events.to_pandas()
        by_year = df.groupby(df["date"].dt.year)["merged_id"].count()
        print("events per year:", dict(by_year))
        print("with a sector:", sorted({(a["code"], a["sector"]) for actors in df["actors"]
                                        for a in actors if a["sector"]}))

        # 4. a document, and the cited text by its offsets
        doc = db.document(first.event.doc_id)
        start, end = first.event.sentence_start, first.event.sentence_end
        assert doc.text is not None and doc.text[start:end] == first.event.sentence_text
        print(f"document {doc.doc_id}: {doc.title!r}, {doc.n_sentences} sentences")

        # 5. a cited answer and a brief, with names as the CLI takes them
        answer = db.ask("What is the position of Russia in the Nagorno-Karabakh conflict?")
        print("answer:", answer.answer[:160], "…")
        cited = answer.lines[0].evidence[0]
        print(f"  cites [{cited.doc_id}:{cited.sentence_id} @{cited.start}-{cited.end}]")
        brief = db.brief("Turkey", conflict="Nagorno-Karabakh")
        print("brief roles:", [(r.role, r.first, r.last) for r in brief.roles])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "polemos-demo.duckdb")
