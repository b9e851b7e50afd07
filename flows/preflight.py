"""Checks ``newsetl run`` makes before Prefect is imported, so bad paths fail in a second, not after 40."""

from __future__ import annotations

import os
from pathlib import Path


class RunRefused(ValueError):
    """The run cannot start: a path is missing, or the warehouse cannot be written. One line."""


def missing_inputs(paths: list[Path]) -> list[Path]:
    """Return the input paths that do not exist."""
    return [p for p in paths if not p.exists()]


def checked_inputs(paths: list[Path], *, allow_missing: bool = False) -> list[Path]:
    """Return the input paths that exist; raise RunRefused if any is missing (unless ``allow_missing``)."""
    missing = missing_inputs(paths)
    if missing and not allow_missing:
        names = ", ".join(str(p) for p in missing)
        raise RunRefused(f"no such input file or folder: {names} (pass --allow-missing for an inbox that may not exist yet)")
    return [p for p in paths if p.exists()]


def checked_warehouse(db: Path) -> Path:
    """Return ``db`` if the pipeline can create or write it; raise RunRefused saying why not."""
    if db.is_dir():
        raise RunRefused(f"--db {db} is a directory; name a warehouse file, e.g. {db / 'news.duckdb'}")
    if db.exists():
        if not os.access(db, os.W_OK):
            raise RunRefused(f"the warehouse {db} is not writable by this user")
        return db
    # The writer creates missing parent folders: the nearest existing ancestor must take new entries.
    ancestor = db.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise RunRefused(f"cannot create the warehouse {db}: {ancestor} is not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise RunRefused(f"cannot create the warehouse {db}: the folder {ancestor} is not writable by this user")
    return db
