"""The pipeline version: package version plus a hash of what decides a document's stored analysis.

Two inputs decide the derived rows ``newsetl run --reprocess`` rewrites: the transforms
(every ``.py`` under ``transforms/`` and the lexicons, tables and model it ships) and the
staging DDL of those per-document tables (``loading.DERIVED_TABLES``: column names, types,
nullability, defaults; a column added by ``ALTER TABLE`` stays NULL on old rows until they are
reprocessed). A change to either changes the version, so the run knows which documents are
stale. Nothing else does: not flows/ (wiring), not the raw or marts DDL (raw rows are never
rewritten; marts are rebuilt every run), not comments in the ``.sql`` files, and not the
development tools in ``newsetl_dev/``, which live outside these folders.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import newsetl
import newsetl.transforms
from newsetl.warehouse.loading import DERIVED_TABLES
from newsetl.warehouse.schema import stored_columns

PACKAGE_VERSION = newsetl.__version__
_HASHED_SUFFIXES = {".py", ".json", ".tsv", ".csv", ".txt", ".crfsuite"}


def transform_files(root: Path) -> list[Path]:
    """Return the code and data files under ``root`` (the transforms folder) that the hash covers, sorted."""
    return [
        path for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix in _HASHED_SUFFIXES and "__pycache__" not in path.parts
    ]


def content_digest(transforms_root: Path, staging_columns: str) -> str:
    """Return 12 hex digits hashing the transforms' files (path and bytes) and the staging column contract."""
    digest = hashlib.blake2b(digest_size=6)
    for path in transform_files(transforms_root):
        digest.update(str(path.relative_to(transforms_root).as_posix()).encode())
        digest.update(path.read_bytes())
    digest.update(staging_columns.encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Return ``<package version>+<12 hex digits of the transforms and derived staging tables>``."""
    staging = stored_columns([f"staging.{table}" for table in DERIVED_TABLES])
    return f"{PACKAGE_VERSION}+{content_digest(Path(newsetl.transforms.__file__).parent, staging)}"
