"""Data checks after each build: each ``checks/<name>.sql`` selects its failing rows.

Checks are scoped to one run's documents (``$run_id``), so a row a past run left
behind cannot fail every later run; the document-id keys are also checked
warehouse-wide (one column each, cheap), and ``warehouse_keys`` warns about old
duplicates. Each result carries up to ``EXAMPLES`` failing rows for the message.
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


def _example(columns: list[str], row: tuple) -> str:
    return ", ".join(f"{c}={v!r}" for c, v in zip(columns, row))[:300]


def check_results(con: duckdb.DuckDBPyConnection, parameters: dict[str, object]) -> list[CheckResult]:
    """Run every check; ``parameters`` supplies the ``$name`` values the checks use. Returns one result per check."""
    results = []
    for name, sql in check_scripts():
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
