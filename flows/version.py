"""The pipeline version: package version plus a hash of the code and data that shape the warehouse.

Any change to a transform, its lexicons or the warehouse DDL changes the version, so
``newsetl run --reprocess`` knows which documents are stale. Development tools
(``newsetl_dev``) live outside these folders and never change it.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import newsetl
import newsetl.transforms

PACKAGE_VERSION = newsetl.__version__
_HASHED_SUFFIXES = {".py", ".json", ".tsv", ".csv", ".txt", ".crfsuite"}


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Return ``<package version>+<12 hex digits of the transforms' content hash>``."""
    root = Path(newsetl.transforms.__file__).parent
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _HASHED_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return f"{PACKAGE_VERSION}+{digest.hexdigest()}"
