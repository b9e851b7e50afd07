"""Input file fingerprints: a file read whole with no reject, unchanged since, need not be decoded again.

``raw.input_files`` (``warehouse/input_files.py``) keeps, per file and read settings, its size,
mtime, SHA-256 and record count once every record is stored. ``nothing_new`` then counts a
matching file's records without decoding it (~3 ms a record); any difference in size, mtime or
content, in the read options, the size limit or the reading code, and the file is read again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsetl.transforms.inputs import ReadOptions

_READING_CODE = ("discovery.py", "reading.py", "fingerprints.py")


@dataclass(frozen=True)
class Fingerprint:
    size_bytes: int
    mtime_ns: int
    sha256: str


def file_fingerprint(path: str) -> Fingerprint | None:
    """Return the size, mtime and SHA-256 of ``path``, or None if it cannot be read."""
    try:
        stat = os.stat(path)
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return Fingerprint(stat.st_size, stat.st_mtime_ns, digest.hexdigest())


def read_key(read_options: ReadOptions, max_bytes: int) -> str:
    """Return the hash of everything besides a file's bytes that decides the records read from it."""
    from newsetl.flows.version import pipeline_version  # the transforms, transforms/inputs.py included

    digest = hashlib.blake2b(digest_size=10)
    digest.update(pipeline_version().encode())
    here = Path(__file__).parent
    for name in _READING_CODE:
        digest.update((here / name).read_bytes())
    digest.update(repr((sorted(read_options.columns.items()), read_options.date_format, read_options.day_first,
                        max_bytes)).encode())
    return digest.hexdigest()


@dataclass
class FileTally:
    """Per input file: its fingerprint before reading, records read, and whether any slice of it had a reject."""

    fingerprints: dict[str, Fingerprint | None] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    rejected: set[str] = field(default_factory=set)

    def before_reading(self, paths) -> None:
        for path in map(os.path.abspath, paths):
            if path not in self.fingerprints:
                self.fingerprints[path] = file_fingerprint(path)

    def read(self, paths, records: int, rejects: int) -> None:
        """Count one slice's records (charged to its first path: a record file is one path) and its rejects."""
        paths = [os.path.abspath(p) for p in paths]
        if len(paths) == 1:
            self.records[paths[0]] = self.records.get(paths[0], 0) + records
        else:  # whole files, one document each unless rejected
            for path in paths:
                self.records[path] = self.records.get(path, 0) + (1 if not rejects else 0)
        if rejects:
            self.rejected.update(paths)

    def clean_rows(self) -> list[dict]:
        """Return the fingerprint rows of the files read without a reject and unchanged (size, mtime) since."""
        rows = []
        for path, before in self.fingerprints.items():
            if before is None or path in self.rejected:
                continue
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if (stat.st_size, stat.st_mtime_ns) != (before.size_bytes, before.mtime_ns):
                continue
            rows.append({"path": path, "size_bytes": before.size_bytes, "mtime_ns": before.mtime_ns,
                         "sha256": before.sha256, "records": self.records.get(path, 0)})
        return rows
