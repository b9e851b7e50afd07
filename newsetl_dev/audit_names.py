"""A repeatable audit of a warehouse's names, for a person to judge (issue 16).

``python -m newsetl_dev.audit_names --db FILE --sample 40 --seed 7``

Prints ``--sample`` random mentions (``marts.entity_mentions`` with their entity's canonical
name, drawn as ``sample_rows --table mentions`` draws them: the same file and seed give the
same rows) with their context in ``raw.documents.raw_text``, then the ``--top`` entities by
mentions with their type, mention and document counts and their aliases
(``marts.entity_aliases``: each written form with how it was linked). Read-only.
"""

from __future__ import annotations

import argparse

import duckdb

from newsetl_dev.sample_rows import context, sample

# Aliases with how each was linked (marts.entity_aliases), most-mentioned first.
_TOP_ENTITIES = """
    SELECT e.canonical_name, e.entity_type, e.mention_count, e.document_count,
           list(a.alias || ' [' || a.link_method || ']' ORDER BY a.mention_count DESC, a.alias) AS aliases
    FROM (SELECT * FROM marts.entities ORDER BY mention_count DESC, canonical_name LIMIT ?) AS e
    LEFT JOIN marts.entity_aliases AS a USING (entity_id)
    GROUP BY ALL ORDER BY e.mention_count DESC, e.canonical_name"""


def top_entities(con: duckdb.DuckDBPyConnection, limit: int) -> list[tuple]:
    """Return ``(canonical_name, entity_type, mentions, documents, aliases)`` of the ``limit`` most-mentioned entities."""
    return con.execute(_TOP_ENTITIES, [limit]).fetchall()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--width", type=int, default=100)
    args = parser.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    print(f"# {args.sample} random mentions (seed {args.seed}): right = whole name, right type, right entity")
    for n, (doc, start, end, judged) in enumerate(sample(con, "mentions", args.sample, args.seed), 1):
        print(f"{n:3d}. {judged}\n     {context(con, doc, start, end, args.width)}")
    print(f"\n# top {args.top} entities by mentions: clean = one real entity under its full name")
    for n, (name, kind, mentions, documents, aliases) in enumerate(top_entities(con, args.top), 1):
        shown = ", ".join(list(aliases or [])[:8])
        print(f"{n:3d}. {kind:6s} {name}  ({mentions} mentions, {documents} documents)  aliases: {shown or '-'}")


if __name__ == "__main__":
    main()
