"""Print a fixed-seed random sample of fact rows with their sentence context, for judging by hand.

Run from the repository root::

    python -m newsetl_dev.sample_rows WAREHOUSE.duckdb {temporal,counts,citations,quotes} [--n 40] [--seed 7]

Rows are ordered by ``(document_id, start_offset, end_offset)`` before ``random.Random(seed).sample``,
so the same warehouse and seed give the same sample. Context is up to ``--context`` characters of
``raw.documents.raw_text`` on either side (offsets are on ``raw_text``), newlines shown as ``⏎``.
``quotes --unattributed`` prints the share of quotes without a speaker instead.
"""

from __future__ import annotations

import argparse
import random

import duckdb

_QUERIES = {
    "temporal": "SELECT document_id, start_offset, end_offset, text, timex_type || ' ' || coalesce(value, '') "
                "FROM marts.temporal_expressions",
    "counts": "SELECT document_id, start_offset, end_offset, text, count_type || ' ' || value "
              "|| CASE WHEN is_approximate THEN ' ~' ELSE '' END FROM marts.event_counts",
    "citations": "SELECT document_id, start_offset, end_offset, source_name, coalesce(cue, '') "
                 "FROM marts.source_citations",
    "quotes": "SELECT document_id, start_offset, end_offset, quote_text, 'speaker=' || speaker_text "
              "|| ' cue=' || coalesce(cue, '') FROM marts.quotes WHERE speaker_text IS NOT NULL",
}


def sample(db: str, kind: str, n: int, seed: int) -> list[tuple]:
    """Return ``n`` rows of ``kind`` (all if fewer) drawn with ``seed``, each with its document's raw text."""
    with duckdb.connect(db, read_only=True) as con:
        rows = con.execute(f"SELECT q.*, r.raw_text FROM ({_QUERIES[kind]}) AS q "
                           "JOIN raw.documents AS r USING (document_id) ORDER BY 1, 2, 3").fetchall()
    return random.Random(seed).sample(rows, min(n, len(rows)))


def unattributed_share(db: str) -> tuple[int, int]:
    """Return (quotes without a speaker, all quotes)."""
    with duckdb.connect(db, read_only=True) as con:
        return con.execute("SELECT count(*) FILTER (WHERE speaker_text IS NULL), count(*) FROM marts.quotes").fetchone()


def main(argv: list[str] | None = None) -> int:
    """Print the sample, one numbered block per row."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("kind", choices=sorted(_QUERIES))
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--context", type=int, default=120)
    parser.add_argument("--unattributed", action="store_true", help="quotes: print the share without a speaker")
    args = parser.parse_args(argv)
    if args.unattributed:
        missing, total = unattributed_share(args.db)
        print(f"unattributed quotes: {missing}/{total} = {100 * missing / max(total, 1):.1f} %")
        return 0
    for i, (doc, start, end, text, label, raw) in enumerate(sample(args.db, args.kind, args.n, args.seed), 1):
        before = raw[max(0, start - args.context):start].replace("\n", "⏎")
        after = raw[end:end + args.context].replace("\n", "⏎")
        shown = text if len(text) <= 300 else text[:150] + " … " + text[-150:]
        print(f"{i:>2}. [{label}] {doc[:12]}  …{before}[[{shown}]]{after}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
