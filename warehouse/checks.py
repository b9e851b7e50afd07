"""Data checks after each build: each ``checks/<name>.sql`` selects its failing rows.

Checks are scoped to one run's documents (``$run_id``), so a row a past run left
behind cannot fail every later run; the document-id keys are also checked
warehouse-wide (one column each, cheap), and ``warehouse_keys`` warns about old
duplicates. Each result carries up to ``EXAMPLES`` failing rows for the message.

Key checks are not written by hand: ``key_check_scripts`` reads each table's key from
its ``COMMENT ON TABLE ... 'Key: (a, b)'`` (the one place a key is stated) and writes
the uniqueness check for it, so a new table is checked as soon as its DDL says its key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

import duckdb
import polars as pl


@dataclass(frozen=True)
class CheckResult:
    name: str
    severity: str  # error or warn
    failing_rows: int
    description: str
    examples: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.failing_rows == 0

    def message(self) -> str:
        """Return one line naming the check, its failing-row count and example rows."""
        text = f"{self.name} ({self.severity}) failed on {self.failing_rows} rows: {self.description}"
        return text + (f"; e.g. {'; '.join(self.examples)}" if self.examples else "")


EXAMPLES = 3


def _header(sql: str, key: str, default: str) -> str:
    match = re.search(rf"^--\s*{key}:\s*(.+)$", sql, re.MULTILINE)
    return match.group(1).strip() if match else default


def check_scripts() -> list[tuple[str, str]]:
    """Return ``(name, sql)`` for every data check, sorted by name."""
    root = resources.files("newsetl.warehouse") / "checks"
    return sorted(
        (entry.name[:-4], entry.read_text(encoding="utf-8"))
        for entry in root.iterdir()
        if entry.name.endswith(".sql")
    )


KEY_PATTERN = re.compile(r"Key:\s*(\([^)]*\)|[A-Za-z_][A-Za-z0-9_]*)")
RUN_DOCUMENTS = "document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)"


def table_keys(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, tuple[str, ...], frozenset[str]]]:
    """Return ``(schema, table, key columns, all columns)`` for every base table whose comment states ``Key:``."""
    rows = con.execute(
        "SELECT t.schema_name, t.table_name, t.comment, list(c.column_name) "
        "FROM duckdb_tables() AS t JOIN duckdb_columns() AS c "
        "  ON c.database_name = t.database_name AND c.schema_name = t.schema_name AND c.table_name = t.table_name "
        "WHERE t.database_name = current_database() AND t.comment LIKE '%Key:%' "
        "GROUP BY ALL ORDER BY 1, 2"
    ).fetchall()
    keys = []
    for schema, table, comment, columns in rows:
        match = KEY_PATTERN.search(comment)
        key = tuple(part.strip() for part in match.group(1).strip("()").split(",") if part.strip())
        if key and set(key) <= set(columns):
            keys.append((schema, table, key, frozenset(columns)))
    return keys


def key_check_sql(schema: str, table: str, key: tuple[str, ...], columns: frozenset[str]) -> tuple[str, str]:
    """Return ``(description, sql)`` of the check that ``key`` is unique and not null in ``schema.table``.

    A per-run key is checked on this run's rows, a key wider than the document id on this
    run's documents only (old rows never fail new runs), any other key warehouse-wide.
    """
    listed = ", ".join(key)
    if "run_id" in key and key != ("run_id",):
        scope, where = "this run", "WHERE run_id = $run_id"
    elif "document_id" in columns and key != ("document_id",):
        scope, where = "this run's documents", f"WHERE {RUN_DOCUMENTS}"
    else:
        scope, where = "warehouse-wide", ""
    nulls = " OR ".join(f"count(*) FILTER (WHERE {column} IS NULL) > 0" for column in key)
    sql = (f"SELECT {listed}, count(*) AS n FROM {schema}.{table} {where}".rstrip() + "\n"
           f"GROUP BY {listed} HAVING count(*) > 1 OR {nulls}")
    return f"({listed}) is unique and not null in {schema}.{table}, {scope} (key from its COMMENT ON TABLE)", sql


def old_duplicates_sql(keys: list[tuple[str, str, tuple[str, ...], frozenset[str]]]) -> str:
    """Return the ``warehouse_keys`` warning: rows of earlier runs repeating a run-scoped key, warehouse-wide."""
    parts = [
        f"SELECT '{schema}.{table}' AS tbl, document_id, count(*) AS n FROM {schema}.{table} "
        f"GROUP BY {', '.join(key)} HAVING count(*) > 1"
        for schema, table, key, columns in keys
        if "document_id" in key and key != ("document_id",) and "run_id" not in key
    ]
    return ("-- severity: warn\n-- description: warehouse-wide, derived rows repeating their table's key "
            "(left by earlier runs; a warning so old rows never fail new runs)\n" + "\nUNION ALL ".join(parts))


def key_check_scripts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Return ``(name, sql)`` of one generated key check per table that states its key (``key_<schema>_<table>``),
    plus the ``warehouse_keys`` warning about old duplicates of the run-scoped keys."""
    keys = table_keys(con)
    scripts = []
    for schema, table, key, columns in keys:
        description, sql = key_check_sql(schema, table, key, columns)
        scripts.append((f"key_{schema}_{table}", f"-- severity: error\n-- description: {description}\n{sql}"))
    return scripts + [("warehouse_keys", old_duplicates_sql(keys))]


def _example(columns: list[str], row: tuple) -> str:
    return ", ".join(f"{c}={v!r}" for c, v in zip(columns, row))[:300]


def check_results(con: duckdb.DuckDBPyConnection, parameters: dict[str, object]) -> list[CheckResult]:
    """Run every check; ``parameters`` supplies the ``$name`` values the checks use. Returns one result per check."""
    results = []
    for name, sql in check_scripts() + key_check_scripts(con):
        wanted = {key: parameters[key] for key in set(re.findall(r"\$(\w+)", sql))}
        failing = con.execute(f"SELECT count(*) FROM ({sql}\n)", wanted).fetchone()[0] or 0
        examples: tuple[str, ...] = ()
        if failing:
            cursor = con.execute(f"SELECT * FROM ({sql}\n) LIMIT {EXAMPLES}", wanted)
            columns = [d[0] for d in cursor.description]
            examples = tuple(_example(columns, row) for row in cursor.fetchall())
        results.append(
            CheckResult(
                name=name,
                severity=_header(sql, "severity", "error"),
                failing_rows=int(failing),
                description=_header(sql, "description", name),
                examples=examples,
            )
        )
    return results


def recorded_checks(con: duckdb.DuckDBPyConnection, run_id: str, results: list[CheckResult]) -> None:
    """Append the results to marts.data_checks."""
    now = datetime.now(timezone.utc)
    frame = pl.DataFrame(
        {
            "run_id": [run_id] * len(results),
            "check_name": [r.name for r in results],
            "severity": [r.severity for r in results],
            "status": ["pass" if r.passed else "fail" for r in results],
            "failing_rows": [r.failing_rows for r in results],
            "description": [r.description for r in results],
            "examples": ["; ".join(r.examples) or None for r in results],
            "checked_at": [now] * len(results),
        },
        schema_overrides={"failing_rows": pl.Int64, "examples": pl.String},
    )
    con.register("_checks", frame.to_arrow())
    con.execute("INSERT INTO marts.data_checks BY NAME SELECT * FROM _checks")
    con.unregister("_checks")
