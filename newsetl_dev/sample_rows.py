"""Random rows of a warehouse's fact and name marts, with context, for a person to judge.

``python -m newsetl_dev.sample_rows --db FILE --table mentions --sample 40 --seed 7``

Tables: ``mentions`` (``marts.entity_mentions`` with the entity's canonical name), ``temporal``,
``quotes`` (with the speaker), ``counts`` and ``citations``. Rows are drawn with DuckDB's
``reservoir`` sampling, ``repeatable(seed)``, so the same file and seed give the same rows.
Context is ``--width`` characters either side of the span in ``raw.documents.raw_text``, with the
span in ``[[ ]]``; line breaks shown as ``/``. ``--unattributed`` prints the share of quotes
without a speaker. Read-only: the database is opened ``read_only``.

``--ordered`` draws instead with ``random.Random(seed).sample`` over all rows ordered by
``(document_id, start_offset, end_offset)`` (the draw of issue 17's Utusan and BBC figures);
``--attributed`` keeps only quotes with a speaker.
"""

from __future__ import annotations

import argparse
import random

import duckdb

_QUERIES = {
    "mentions": """
        SELECT m.document_id, m.start_offset, m.end_offset,
               m.entity_type || ' ' || coalesce(e.canonical_name, m.canonical_name, '?')
               || coalesce(' role=' || m.role, '') AS judged
        FROM marts.entity_mentions AS m LEFT JOIN marts.entities AS e USING (entity_id)""",
    "temporal": """
        SELECT document_id, start_offset, end_offset,
               timex_type || ' ' || coalesce(value, '?') || coalesce(' mod=' || mod, '') AS judged
        FROM marts.temporal_expressions""",
    "quotes": """
        SELECT q.document_id, q.start_offset, q.end_offset,
               'speaker=' || coalesce(q.speaker_text, '-') || coalesce(' (' || e.canonical_name || ')', '')
               || ' cue=' || coalesce(q.cue, '-') AS judged
        FROM marts.quotes AS q LEFT JOIN marts.entities AS e ON e.entity_id = q.speaker_entity_id""",
    "counts": """
        SELECT document_id, start_offset, end_offset,
               count_type || '=' || value || CASE WHEN is_approximate THEN ' ~' ELSE '' END AS judged
        FROM marts.event_counts""",
    "citations": """
        SELECT document_id, start_offset, end_offset,
               source_name || ' cue=' || coalesce(cue, '-') AS judged
        FROM marts.source_citations""",
}


def _rows_sql(table: str, attributed: bool) -> str:
    """Return the query of ``table``'s rows; quotes only with a speaker when ``attributed``."""
    if table == "quotes" and attributed:
        return _QUERIES[table] + " WHERE q.speaker_text IS NOT NULL"
    return _QUERIES[table]


def sample(con, table: str, size: int, seed: int, attributed: bool = False) -> list[tuple]:
    """Return ``size`` random ``(document_id, start, end, judged)`` rows of ``table``, reproducibly.

    ``attributed`` keeps only quotes with a speaker, in key order before sampling.
    """
    query = _QUERIES[table]
    if attributed:
        query = f"SELECT * FROM ({query}) WHERE judged NOT LIKE 'speaker=- %' ORDER BY document_id, start_offset"
    sql = f"SELECT * FROM ({query}) USING SAMPLE reservoir({int(size)} ROWS) REPEATABLE ({int(seed)})"
    return sorted(con.execute(sql).fetchall(), key=lambda r: (r[0], r[1]))


def ordered_sample(con, table: str, size: int, seed: int, attributed: bool = False) -> list[tuple]:
    """Return ``size`` rows drawn by ``random.Random(seed).sample`` from the rows in document order."""
    rows = con.execute(f"SELECT * FROM ({_rows_sql(table, attributed)}) ORDER BY 1, 2, 3").fetchall()
    return random.Random(seed).sample(rows, min(size, len(rows)))


def context(con, document_id: str, start: int, end: int, width: int) -> str:
    """Return the text around one span with the span marked."""
    text = con.execute("SELECT raw_text FROM raw.documents WHERE document_id = ?", [document_id]).fetchone()[0]
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return f"{left}[[{text[start:end]}]]{right}".replace("\r", "").replace("\n", " / ")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--table", choices=sorted(_QUERIES), required=True)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--unattributed", action="store_true")
    parser.add_argument("--ordered", action="store_true", help="random.Random(seed).sample over rows in document order")
    parser.add_argument("--attributed", action="store_true", help="quotes: only those with a speaker")
    args = parser.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    if args.unattributed:
        blank, total = con.execute(
            "SELECT count(*) FILTER (WHERE speaker_text IS NULL), count(*) FROM marts.quotes").fetchone()
        print(f"quotes without a speaker: {blank}/{total} = {blank / max(total, 1):.1%}")
    draw = ordered_sample if args.ordered else sample
    for n, (doc, start, end, judged) in enumerate(draw(con, args.table, args.sample, args.seed, args.attributed), 1):
        print(f"{n:3d}. {judged}\n     {context(con, doc, start, end, args.width)}")


if __name__ == "__main__":
    main()
