"""Finding input files and cutting them into bounded slices of work.

A slice is either a group of small ``.txt`` files or a byte range of one large
``.jsonl``/``.csv`` file, so that no task ever holds more than about
``slice_bytes`` of input. Symlinks are followed only while they stay inside the
given roots, and directory loops are detected.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from transforms.inputs import SUPPORTED_EXTENSIONS, RejectReason

DEFAULT_SLICE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class InputSlice:
    """A unit of reading work: some whole files, or one byte range of a record file."""

    kind: str  # txt, jsonl or csv
    paths: tuple[str, ...]
    start: int = 0  # byte range, for jsonl/csv
    end: int | None = None
    first_record_no: int = 1  # line number (jsonl) or row number (csv) at ``start``
    header: tuple[str, ...] | None = None  # csv header, for slices after the first

    @property
    def label(self) -> str:
        name = Path(self.paths[0]).name
        if self.kind == "txt":
            return f"{len(self.paths)}-txt-from-{name}"
        return f"{name}@{self.start}"


@dataclass
class Discovery:
    slices: list[InputSlice] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)
    files: int = 0


def _reject(path: Path | str, reason: RejectReason, detail: str) -> dict:
    return {"source_uri": Path(path).absolute().as_uri(), "reason": str(reason), "detail": detail}


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _walk(root: Path, roots: list[Path], discovery: Discovery) -> Iterator[Path]:
    """Yield files under ``root``, following symlinks only inside ``roots`` and never twice."""
    seen_dirs: set[tuple[int, int]] = set()
    for current, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        here = Path(current)
        real = here.resolve()
        if not _inside(real, roots):
            discovery.rejects.append(_reject(here, RejectReason.outside_root, f"symlinked folder points outside the input roots, to {real}"))
            dirnames[:] = []
            continue
        stat = real.stat()
        if (stat.st_dev, stat.st_ino) in seen_dirs:
            discovery.rejects.append(_reject(here, RejectReason.not_a_file, f"symlink loop: {here} is {real}, already visited"))
            dirnames[:] = []
            continue
        seen_dirs.add((stat.st_dev, stat.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield here / name


def _candidate_files(paths: list[str], discovery: Discovery) -> Iterator[tuple[Path, int]]:
    roots = [Path(p).resolve() for p in paths if Path(p).exists()]
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            reason = RejectReason.not_a_file
            detail = "broken symlink or symlink loop" if path.is_symlink() else "path does not exist"
            discovery.rejects.append(_reject(path, reason, detail))
            continue
        files = _walk(path, roots, discovery) if path.is_dir() else iter([path])
        for file in files:
            try:
                real = file.resolve(strict=True)
            except (OSError, RuntimeError) as error:  # RuntimeError: symlink loop on old Pythons
                discovery.rejects.append(_reject(file, RejectReason.not_a_file, f"cannot resolve: {error}"))
                continue
            if not _inside(real, roots):
                discovery.rejects.append(_reject(file, RejectReason.outside_root, f"symlink points outside the input roots, to {real}"))
                continue
            if real in seen:
                continue
            seen.add(real)
            if not real.is_file():
                discovery.rejects.append(_reject(file, RejectReason.not_a_file, "not a regular file"))
                continue
            yield file, real.stat().st_size


def _jsonl_slices(path: Path, size: int, slice_bytes: int) -> list[InputSlice]:
    """Cut a JSONL file at roughly every ``slice_bytes``; a slice owns the lines that start in it."""
    if size <= slice_bytes:
        return [InputSlice("jsonl", (str(path),), 0, None, 1)]
    slices, start, line_no = [], 0, 1
    with path.open("rb") as handle:
        while start < size:
            end = min(start + slice_bytes, size)
            handle.seek(start)
            # Count lines up to ``end`` so the next slice knows its first line number.
            remaining, newlines = end - start, 0
            while remaining > 0:
                chunk = handle.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                newlines += chunk.count(b"\n")
                remaining -= len(chunk)
            # The line straddling ``end`` belongs to this slice; find where it ends.
            handle.seek(end)
            handle.readline()
            real_end = handle.tell()
            if end < size:
                newlines += 1
            slices.append(InputSlice("jsonl", (str(path),), start, real_end, line_no))
            # Newlines between ``end`` and ``real_end`` were counted once above (the +1).
            line_no += newlines
            start = real_end
    return slices


def _csv_slices(path: Path, size: int, slice_bytes: int, encoding: str) -> list[InputSlice]:
    """Cut a CSV file at record boundaries (quoted newlines respected) every ``slice_bytes``."""
    if size <= slice_bytes or encoding.startswith("utf-16"):
        return [InputSlice("csv", (str(path),), 0, None, 1)]
    slices: list[InputSlice] = []
    with path.open("rb") as handle:
        position = 0

        def lines():
            nonlocal position
            for raw in handle:
                position += len(raw)
                yield raw.decode(encoding, errors="replace")

        reader = csv.reader(lines())
        try:
            header = tuple(next(reader))
        except StopIteration:
            return [InputSlice("csv", (str(path),), 0, None, 1)]
        start, row_no, first_row = position, 1, 1
        for _ in reader:
            row_no += 1
            if position - start >= slice_bytes:
                slices.append(InputSlice("csv", (str(path),), start, position, first_row, header))
                start, first_row = position, row_no
        if position > start:
            slices.append(InputSlice("csv", (str(path),), start, position, first_row, header))
    return slices or [InputSlice("csv", (str(path),), 0, None, 1)]


def sniffed_encoding(path: Path) -> str:
    """Return the codec of a record file from its BOM or first bytes (utf-8 unless shown otherwise)."""
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # cut inside a multi-byte character
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return best.encoding if best else "cp1252"


def discovered_inputs(
    paths: list[str],
    *,
    max_bytes: int,
    batch_size: int,
    slice_bytes: int = DEFAULT_SLICE_BYTES,
) -> Discovery:
    """Return the slices to read and the files rejected before reading."""
    discovery = Discovery()
    txt_group: list[str] = []
    txt_bytes = 0

    def flush_txt():
        nonlocal txt_group, txt_bytes
        if txt_group:
            discovery.slices.append(InputSlice("txt", tuple(txt_group)))
        txt_group, txt_bytes = [], 0

    for path, size in _candidate_files(paths, discovery):
        discovery.files += 1
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_EXTENSIONS:
            discovery.rejects.append(_reject(path, RejectReason.unsupported_extension, f"'{suffix or path.name}' is not .txt, .jsonl or .csv"))
            continue
        if size == 0:
            discovery.rejects.append(_reject(path, RejectReason.empty, "file is empty (0 bytes)"))
            continue
        if not os.access(path, os.R_OK):
            discovery.rejects.append(_reject(path, RejectReason.unreadable, "no permission to read the file"))
            continue
        if suffix == ".txt":
            if size > max_bytes:
                discovery.rejects.append(_reject(path, RejectReason.too_large, f"{size} bytes is over the {max_bytes}-byte limit"))
                continue
            if len(txt_group) >= batch_size or txt_bytes + size > slice_bytes:
                flush_txt()
            txt_group.append(str(path))
            txt_bytes += size
        elif suffix == ".jsonl":
            discovery.slices.extend(_jsonl_slices(path, size, slice_bytes))
        else:
            try:
                discovery.slices.extend(_csv_slices(path, size, slice_bytes, sniffed_encoding(path)))
            except (OSError, csv.Error) as error:
                discovery.rejects.append(_reject(path, RejectReason.malformed_csv, str(error)))
    flush_txt()
    return discovery
