"""Finding input files and cutting them into bounded slices of work.

A slice is either a group of small ``.txt`` files or a byte range of one large
``.jsonl``/``.csv`` file, so that no task ever holds more than about
``slice_bytes`` of input. Symlinks are followed only while they stay inside the
given roots, and directory loops are detected.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG as stat_is_regular

from newsetl.transforms.inputs import SUPPORTED_EXTENSIONS, RejectReason, record_file_encoding

DEFAULT_SLICE_BYTES = 4 * 1024 * 1024
# A CSV line may hold a whole record; a text field up to ``max_bytes`` plus this
# much for the other fields is still a plausible record.
CSV_LINE_MARGIN = 1024 * 1024
# Reading granularity when skipping over an over-long line, so memory stays bounded.
SKIP_CHUNK = 1 << 20
# Codecs whose newlines are not single bytes: such files are read as one text stream.
WIDE_CODECS = ("utf-16", "utf-32")


@dataclass(frozen=True)
class InputSlice:
    """A unit of reading work: some whole files, or one byte range of a record file."""

    kind: str  # txt, html, jsonl or csv
    paths: tuple[str, ...]
    start: int = 0  # byte range, for jsonl/csv
    end: int | None = None
    first_record_no: int = 1  # line number (jsonl) or row number (csv) at ``start``
    header: tuple[str, ...] | None = None  # csv header, for slices after the first

    @property
    def label(self) -> str:
        name = printable(Path(self.paths[0]).name)
        if self.kind in ("txt", "html"):
            return f"{len(self.paths)}-{self.kind}-from-{name}"
        return f"{name}@{self.start}"


# Inputs read whole, one document per file (each other kind holds records).
WHOLE_FILE_KINDS = {".txt": "txt", ".html": "html", ".htm": "html"}


@dataclass
class Discovery:
    slices: list[InputSlice] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)
    files: int = 0


def printable(text: str) -> str:
    """Return ``text`` with undecodable file-name bytes (lone surrogates) shown as ``\\udcff`` escapes.

    POSIX file names are bytes; Python keeps the ones that are not UTF-8 as lone
    surrogates, which Arrow, DuckDB and Prefect's API all refuse.
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def source_uri(path: Path | str) -> str:
    """Return the ``file://`` URI of ``path`` (percent-encoded, so any file name is representable)."""
    # normpath drops "../" (without resolving symlinks), so one file has one URI however it was named.
    return Path(os.path.normpath(Path(path).absolute())).as_uri()


def _reject(path: Path | str, reason: RejectReason, detail: str) -> dict:
    return {"source_uri": source_uri(path), "reason": str(reason), "detail": printable(detail)}


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _walk(root: Path, roots: list[Path], discovery: Discovery) -> Iterator[Path]:
    """Yield files under ``root``, following symlinks only inside ``roots`` and never twice."""
    seen_dirs: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = error.filename or root
        discovery.rejects.append(_reject(where, RejectReason.unreadable, f"cannot list folder: {error.strerror or error}"))

    for current, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        here = Path(current)
        try:
            real = here.resolve(strict=True)
            stat = real.stat()
        except (OSError, RuntimeError) as error:
            discovery.rejects.append(_reject(here, RejectReason.not_a_file, f"cannot resolve folder: {error}"))
            dirnames[:] = []
            continue
        if not _inside(real, roots):
            discovery.rejects.append(_reject(here, RejectReason.outside_root, f"symlinked folder points outside the input roots, to {real}"))
            dirnames[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in seen_dirs:
            discovery.rejects.append(_reject(here, RejectReason.not_a_file, f"symlink loop or second path to a folder already read: {here} is {real}"))
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
            try:
                stat = real.stat()
            except OSError as error:
                discovery.rejects.append(_reject(file, RejectReason.unreadable, f"cannot stat: {error.strerror or error}"))
                continue
            if not stat_is_regular(stat.st_mode):
                discovery.rejects.append(_reject(file, RejectReason.not_a_file, "not a regular file (a device, pipe or socket)"))
                continue
            yield file, stat.st_size


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
            # The line straddling ``end`` belongs to this slice; find where it ends
            # (in bounded reads: the line may be a 60 MiB run without a newline).
            handle.seek(end)
            while True:
                piece = handle.readline(SKIP_CHUNK)
                if not piece or piece.endswith(b"\n"):
                    break
            real_end = handle.tell()
            if end < size:
                newlines += 1
            slices.append(InputSlice("jsonl", (str(path),), start, real_end, line_no))
            # Newlines between ``end`` and ``real_end`` were counted once above (the +1).
            line_no += newlines
            start = real_end
    return slices


class CsvLineTooLong(ValueError):
    """A physical CSV line longer than any acceptable record."""


def _csv_header(row: list[str]) -> tuple[str, ...]:
    """Return the CSV header names, trimmed and without a BOM."""
    return tuple(h.strip().lstrip("\ufeff") for h in row)


def _csv_slices(path: Path, size: int, slice_bytes: int, encoding: str, max_bytes: int) -> list[InputSlice]:
    """Cut a CSV file at record boundaries (quoted newlines respected) every ``slice_bytes``.

    Raises ``CsvLineTooLong`` when a line is longer than ``max_bytes`` plus a margin:
    such a record is over the limit anyway, and its end cannot be found without
    holding it whole.
    """
    if size <= slice_bytes or encoding.startswith(WIDE_CODECS):
        return [InputSlice("csv", (str(path),), 0, None, 1)]
    csv.field_size_limit(max(max_bytes, 1 << 20) + CSV_LINE_MARGIN)
    line_limit = max_bytes + CSV_LINE_MARGIN
    slices: list[InputSlice] = []
    with path.open("rb") as handle:
        position = 0
        line_no = 0

        def lines():
            nonlocal position, line_no
            while True:
                raw = handle.readline(line_limit + 1)
                if not raw:
                    return
                line_no += 1
                if len(raw) > line_limit:
                    raise CsvLineTooLong(f"line {line_no} is over {line_limit} bytes; the file was not read")
                position += len(raw)
                yield raw.decode(encoding, errors="replace")

        reader = csv.reader(lines())
        try:
            header = _csv_header(next(reader))
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
    """Return the codec of a record file, read from its first 64 KiB (``transforms.inputs.record_file_encoding``)."""
    with path.open("rb") as handle:
        return record_file_encoding(handle.read(64 * 1024))


def discovered_inputs(
    paths: list[str],
    *,
    max_bytes: int,
    batch_size: int,
    slice_bytes: int = DEFAULT_SLICE_BYTES,
) -> Discovery:
    """Return the slices to read and the files rejected before reading."""
    discovery = Discovery()
    # Whole-file inputs are grouped by kind: .txt files, and saved .html/.htm pages.
    groups: dict[str, list[str]] = {"txt": [], "html": []}
    group_bytes = {"txt": 0, "html": 0}

    def flush(kind: str) -> None:
        if groups[kind]:
            discovery.slices.append(InputSlice(kind, tuple(groups[kind])))
        groups[kind], group_bytes[kind] = [], 0

    for path, size in _candidate_files(paths, discovery):
        discovery.files += 1
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_EXTENSIONS:
            discovery.rejects.append(_reject(path, RejectReason.unsupported_extension, f"'{suffix or path.name}' is not .txt, .html, .htm, .jsonl or .csv"))
            continue
        if size == 0:
            discovery.rejects.append(_reject(path, RejectReason.empty, "file is empty (0 bytes)"))
            continue
        if not os.access(path, os.R_OK):
            discovery.rejects.append(_reject(path, RejectReason.unreadable, "no permission to read the file"))
            continue
        if suffix in WHOLE_FILE_KINDS:
            kind = WHOLE_FILE_KINDS[suffix]
            if size > max_bytes:
                discovery.rejects.append(_reject(path, RejectReason.too_large, f"{size} bytes is over the {max_bytes}-byte limit"))
                continue
            if len(groups[kind]) >= batch_size or group_bytes[kind] + size > slice_bytes:
                flush(kind)
            groups[kind].append(str(path))
            group_bytes[kind] += size
        elif suffix == ".jsonl":
            try:
                if sniffed_encoding(path).startswith(WIDE_CODECS):
                    # Multi-byte newlines: read as one text stream, never cut by bytes.
                    discovery.slices.append(InputSlice("jsonl", (str(path),), 0, None, 1))
                else:
                    discovery.slices.extend(_jsonl_slices(path, size, slice_bytes))
            except OSError as error:
                discovery.rejects.append(_reject(path, RejectReason.unreadable, f"cannot read: {error.strerror or error}"))
        else:
            try:
                encoding = sniffed_encoding(path)
                if encoding.startswith(WIDE_CODECS) and size > max_bytes:
                    # Such a file is decoded whole; over the limit it is refused unread.
                    discovery.rejects.append(_reject(path, RejectReason.too_large, f"{size} bytes of {encoding} CSV is over the {max_bytes}-byte limit"))
                    continue
                discovery.slices.extend(_csv_slices(path, size, slice_bytes, encoding, max_bytes))
            except CsvLineTooLong as error:
                discovery.rejects.append(_reject(path, RejectReason.too_large, str(error)))
            except OSError as error:
                discovery.rejects.append(_reject(path, RejectReason.unreadable, f"cannot read: {error.strerror or error}"))
            except csv.Error as error:
                discovery.rejects.append(_reject(path, RejectReason.malformed_csv, str(error)))
    flush("txt")
    flush("html")
    return discovery
