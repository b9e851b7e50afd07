"""The pipeline version: package version plus a hash of the transforms' code and data.

Any change to a transform or its lexicons changes the version, so
``newsetl run --reprocess`` knows which documents are stale.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import transforms

PACKAGE_VERSION = "0.1.0"
_HASHED_SUFFIXES = {".py", ".json", ".tsv", ".csv", ".txt", ".crfsuite"}


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Return ``<package version>+<12 hex digits of the transforms' content hash>``."""
    root = Path(transforms.__file__).parent
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _HASHED_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return f"{PACKAGE_VERSION}+{digest.hexdigest()}"
