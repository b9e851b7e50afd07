"""Where the warehouse file is, without importing DuckDB (the CLI checks it before anything heavy)."""

from __future__ import annotations

import os
from pathlib import Path

from newsetl.settings import DEFAULT_DB, db_from_environment  # noqa: F401  (DEFAULT_DB re-exported)


def resolved_db_path(db: str | os.PathLike | None) -> Path:
    """Return the warehouse path: ``db``, else ``$NEWSETL_DB``, else ``warehouse/news.duckdb``."""
    if db:
        return Path(db)
    return db_from_environment()
