"""Where the warehouse file is, without importing DuckDB (the CLI checks it before anything heavy)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("warehouse") / "news.duckdb"


def resolved_db_path(db: str | os.PathLike | None) -> Path:
    """Return the warehouse path: ``db``, else ``$NEWSETL_DB``, else ``warehouse/news.duckdb``."""
    if db:
        return Path(db)
    return Path(os.environ.get("NEWSETL_DB") or DEFAULT_DB)
