"""Count quotes whose speaker is not linked to the full name the same document writes.

A quote is counted when its speaker has no entity, or when the speaker entity's name is one
word and a PERSON of two or more words in the same document holds that word (or a word it
opens: ``Melki`` of ``Melkiades``). ``--show N`` prints N of them.

    .venv/bin/python -m newsetl_dev.unlinked_speakers --db /tmp/x/detik.snapshot.duckdb --show 20
"""

from __future__ import annotations

import argparse

import duckdb

_QUERY = """
WITH q AS (
    SELECT q.document_id, q.start_offset, q.speaker_text, q.speaker_entity_id, e.canonical_name
    FROM marts.quotes AS q LEFT JOIN marts.entities AS e ON e.entity_id = q.speaker_entity_id
),
longer AS (
    SELECT DISTINCT document_id, canonical_name AS full_name FROM marts.entity_mentions
    WHERE entity_type = 'PERSON' AND canonical_name LIKE '% %'
)
SELECT q.document_id, q.speaker_text, q.canonical_name,
       (SELECT string_agg(l.full_name, ' | ') FROM longer AS l
        WHERE l.document_id = q.document_id
          AND starts_with(' ' || lower(l.full_name), ' ' || lower(q.canonical_name) || '') 
          OR (l.document_id = q.document_id AND contains(' ' || lower(l.full_name), ' ' || lower(q.canonical_name)))) AS fuller
FROM q
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    rows = con.execute(_QUERY).fetchall()
    null = [r for r in rows if r[2] is None]
    short = [r for r in rows if r[2] is not None and " " not in r[2] and r[3]]
    print(f"quotes {len(rows)}  speaker null {len(null)}  one-word speaker with a fuller name in the document {len(short)}")
    for r in short[: args.show]:
        print(f"  {r[0][:10]}  {r[1]!r:30} -> {r[2]!r:20} fuller: {r[3]}")


if __name__ == "__main__":
    main()
