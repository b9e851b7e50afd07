"""Print (or write into README.md) the marts column catalogue, read from the DDL's COMMENT ON COLUMN.

    python -m newsetl_dev.catalogue            # print the markdown
    python -m newsetl_dev.catalogue --write    # replace the block between the README markers

The comments are the one place a column's producer is written; README shows them, and
``tests/test_warehouse.py`` fails when README and the DDL disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from newsetl.warehouse.schema import applied_schema

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- column catalogue: start (python -m newsetl_dev.catalogue --write) -->", "<!-- column catalogue: end -->"


def column_catalogue() -> str:
    """Return the markdown catalogue: one table per mart, one row per column with its producer and meaning."""
    con = duckdb.connect()
    applied_schema(con)
    rows = con.execute(
        "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE schema_name = 'marts' ORDER BY table_name, column_index"
    ).fetchall()
    con.close()
    out: list[str] = []
    current = None
    for table, column, data_type, comment in rows:
        if table != current:
            if current is not None:
                out.append("\n</details>\n")
            out += [f"<details><summary><code>marts.{table}</code></summary>\n", "| column | type | producer | meaning |",
                    "| --- | --- | --- | --- |"]
            current = table
        producer, _, meaning = (comment or "").removeprefix("producer: ").partition("; ")
        out.append(f"| `{column}` | {data_type} | `{producer}` | {meaning} |")
    out.append("\n</details>")
    return "\n".join(out) + "\n"


def readme_catalogue(readme: str) -> str | None:
    """Return the catalogue block currently in ``readme`` (between the markers), or None."""
    if START not in readme or END not in readme:
        return None
    return readme.split(START, 1)[1].split(END, 1)[0].strip("\n") + "\n"


def main() -> None:
    catalogue = column_catalogue()
    if "--write" not in sys.argv:
        print(catalogue, end="")
        return
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{catalogue}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
