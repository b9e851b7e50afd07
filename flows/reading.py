"""Reading one slice of input into document rows and reject rows.

Each record is decoded, validated by ``transforms.inputs`` and hashed; anything
bad becomes a reject with a machine-readable reason, and reading goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from newsetl.flows.discovery import CSV_LINE_MARGIN, SKIP_CHUNK, WIDE_CODECS, InputSlice, printable, sniffed_encoding, source_uri
from newsetl.transforms.inputs import (
    InputIssue,
    InputRecord,
    ReadOptions,
    RejectedInput,
    RejectReason,
    decoded_text,
    document_id,
    input_record,
    jsonl_record,
    mapped_fields,
    prose_problem,
)

DOCUMENT_SCHEMA = {
    "document_id": pl.String, "source_uri": pl.String, "external_id": pl.String,
    "raw_text": pl.String, "title": pl.String, "published_at": pl.Datetime("us", "UTC"),
    "metadata_published_date": pl.Date, "url": pl.String, "source": pl.String,
    "author": pl.String, "extra": pl.String, "encoding": pl.String, "byte_length": pl.Int64,
}
REJECT_SCHEMA = {"source_uri": pl.String, "reason": pl.String, "detail": pl.String}
WARNING_SCHEMA = {
    "source_uri": pl.String, "record": pl.String, "field": pl.String, "value": pl.String,
    "reason": pl.String, "document_id": pl.String,
}
# The same test ``transforms.inputs.decoded_text`` applies to files, for text fields
# of JSONL/CSV records: more than this share of control characters is not prose.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.05
# A document needs one visible character: text of only whitespace and zero-width
# characters has no paragraph, and a raw document without paragraphs fails the
# warehouse's documents_derived check (and with it the whole run).
_VISIBLE = re.compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff]")


@dataclass
class SliceContent:
    """The documents, rejects and input warnings read from one slice."""

    documents: pl.DataFrame
    rejects: pl.DataFrame
    warnings: pl.DataFrame


class _Collector:
    """Rows read from one slice, and the options (column mapping, date order) to read its records with."""

    def __init__(self, options: ReadOptions):
        self.options = options
        self.documents: list[dict] = []
        self.rejects: list[dict] = []
        self.warnings: list[dict] = []

    def reject(self, uri: str, reason: RejectReason | str, detail: str) -> None:
        self.rejects.append({"source_uri": uri, "reason": str(reason), "detail": printable(detail)})

    def record(self, uri: str, locator: str, record: InputRecord, encoding: str, byte_length: int) -> None:
        """Keep a JSONL/CSV record as a document, unless its text is mostly control characters.

        Each value the record kept out (``record.issues``) becomes an input warning.
        """
        controls = len(_CONTROL_CHARS.findall(record.text))
        if controls > MAX_CONTROL_SHARE * len(record.text):
            self.reject(uri, RejectReason.binary, f"'text' has {controls} control characters in {len(record.text)}")
            return
        self.document(uri, record, encoding, byte_length, locator)

    def document(self, uri: str, record: InputRecord, encoding: str, byte_length: int, locator: str = "file") -> str | None:
        """Keep ``record`` as a document and return its id; None (and a reject) if it is not prose.

        Each value the record kept out (``record.issues``) becomes an input warning.
        """
        if not _VISIBLE.search(record.text):
            self.reject(uri, RejectReason.empty, "only whitespace and zero-width characters")
            return None
        problem = prose_problem(record.text)
        if problem is not None:
            self.reject(uri, *problem)
            return None
        doc_id = document_id(record.text)
        for issue in record.issues:
            self.warnings.append({
                "source_uri": uri, "record": locator, "field": issue.field,
                "value": printable(issue.value[:1000]), "reason": issue.reason, "document_id": doc_id,
            })
        published_at = record.published_at
        self.documents.append({
            "document_id": doc_id,
            "source_uri": uri,
            "external_id": record.external_id,
            "raw_text": record.text,
            "title": record.title,
            "published_at": published_at,
            "metadata_published_date": record.published_date,
            "url": record.url,
            "source": record.source,
            "author": record.author,
            "extra": record.extra,
            "encoding": encoding,
            "byte_length": byte_length,
        })
        return doc_id

    def content(self) -> SliceContent:
        return SliceContent(
            pl.DataFrame(self.documents, schema=DOCUMENT_SCHEMA),
            pl.DataFrame(self.rejects, schema=REJECT_SCHEMA),
            pl.DataFrame(self.warnings, schema=WARNING_SCHEMA),
        )


def _whole_files(paths: tuple[str, ...], max_bytes: int, out: _Collector):
    """Yield ``(uri, decoded text, byte length)`` for each readable file; rejects the others."""
    for name in paths:
        path = Path(name)
        uri = source_uri(path)
        try:
            with path.open("rb") as handle:
                # Bounded even if the file grew after discovery measured it.
                data = handle.read(max_bytes + 1)
        except OSError as error:
            out.reject(uri, RejectReason.unreadable, f"cannot read: {error.strerror or error}")
            continue
        if len(data) > max_bytes:
            out.reject(uri, RejectReason.too_large, f"over the {max_bytes}-byte limit (the file grew after it was found)")
            continue
        try:
            decoded = decoded_text(data)
        except RejectedInput as rejected:
            out.reject(uri, rejected.reason, rejected.detail)
            continue
        yield uri, decoded, len(data)


def _read_txt(paths: tuple[str, ...], max_bytes: int, out: _Collector) -> None:
    for uri, decoded, size in _whole_files(paths, max_bytes, out):
        issues = ()
        if decoded.stripped_controls:
            issues = (InputIssue("text", f"{decoded.stripped_controls} characters",
                                 "stripped NUL/control characters", kind="repair"),)
        out.document(uri, InputRecord(text=decoded.text, issues=issues), decoded.encoding, size)


def _read_html(paths: tuple[str, ...], max_bytes: int, out: _Collector) -> None:
    """Read saved pages: the article text (the document's raw_text), title, author, date and site."""
    from newsetl.transforms.html_pages import html_article  # trafilatura loads lxml: only when pages come

    for uri, decoded, size in _whole_files(paths, max_bytes, out):
        try:
            article = html_article(decoded.text)
        except RejectedInput as rejected:
            out.reject(uri, rejected.reason, rejected.detail)
            continue
        record = InputRecord(
            text=article.text, title=article.title, author=article.author, url=article.url,
            # A page gives its day, rarely a trustworthy time: published_at stays empty.
            source=article.site_name, published_date=article.published,
        )
        out.document(uri, record, decoded.encoding, size)


def _skip_rest_of_line(handle) -> None:
    while True:
        chunk = handle.readline(SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n" if isinstance(chunk, bytes) else "\n"):
            return


def _read_jsonl(piece: InputSlice, max_bytes: int, out: _Collector) -> None:
    path = Path(piece.paths[0])
    base_uri = source_uri(path)
    encoding = sniffed_encoding(path)
    if encoding.startswith(WIDE_CODECS):
        _read_wide_jsonl(path, base_uri, encoding, max_bytes, out)
        return
    with path.open("rb") as handle:
        handle.seek(piece.start)
        line_no = piece.first_record_no
        while piece.end is None or handle.tell() < piece.end:
            raw = handle.readline(max_bytes + 1)
            if not raw:
                break
            uri = f"{base_uri}#line={line_no}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                _skip_rest_of_line(handle)
                out.reject(uri, RejectReason.too_large, f"line {line_no} is over the {max_bytes}-byte limit")
            else:
                if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                _jsonl_line(raw, line_no, uri, encoding.replace("-sig", ""), encoding, max_bytes, out)
            line_no += 1


def _read_wide_jsonl(path: Path, base_uri: str, encoding: str, max_bytes: int, out: _Collector) -> None:
    """Read a UTF-16/32 JSONL file as one text stream (its newlines are not single bytes)."""
    # A character is at least 2 bytes in these codecs, so this bounds a line's bytes.
    limit = max_bytes // 2 + 1
    with path.open("r", encoding=encoding, errors="strict", newline="") as handle:
        line_no = 0
        while True:
            line_no += 1
            uri = f"{base_uri}#line={line_no}"
            try:
                line = handle.readline(limit)
                if not line:
                    return
                if len(line) >= limit and not line.endswith("\n"):
                    _skip_rest_of_line(handle)
                    out.reject(uri, RejectReason.too_large, f"line {line_no} is over the {max_bytes}-byte limit")
                    continue
            except UnicodeDecodeError as error:
                out.reject(uri, RejectReason.undecodable,
                           f"line {line_no}: not valid {encoding} ({error.reason}); the rest of the file was skipped")
                return
            _jsonl_line(line.encode("utf-8", "surrogatepass"), line_no, uri, "utf-8", encoding, max_bytes, out)


def _jsonl_line(raw: bytes, line_no: int, uri: str, codec: str, encoding: str, max_bytes: int, out: _Collector) -> None:
    try:
        line = raw.decode(codec)
    except UnicodeDecodeError as error:
        out.reject(uri, RejectReason.undecodable, f"line {line_no}: not valid {codec}: {error.reason} at byte {error.start}")
        return
    if not line.strip():
        return  # blank lines separate nothing and are not documents
    try:
        record = jsonl_record(line, line_no, out.options)
    except RejectedInput as rejected:
        out.reject(uri, rejected.reason, rejected.detail)
        return
    out.record(uri, f"line {line_no}", record, encoding, len(raw))


def _read_csv(piece: InputSlice, max_bytes: int, out: _Collector) -> None:
    path = Path(piece.paths[0])
    base_uri = source_uri(path)
    encoding = sniffed_encoding(path)
    csv.field_size_limit(max(max_bytes, 1 << 20) + CSV_LINE_MARGIN)
    with path.open("rb") as handle:
        handle.seek(piece.start)
        data = handle.read() if piece.end is None else handle.read(piece.end - piece.start)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        out.reject(base_uri, RejectReason.undecodable, f"not valid {encoding}: {error.reason} at byte {piece.start + error.start}")
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    header = piece.header
    row_no = piece.first_record_no
    try:
        if header is None:
            header = tuple(h.strip().lstrip("\ufeff") for h in next(reader, ()))
            if not header:
                out.reject(base_uri, RejectReason.empty, "no header row and no records")
                return
            text_column = out.options.columns.get("text", "text")
            if text_column not in header and "text" not in header:
                out.reject(base_uri, RejectReason.missing_text_column, missing_text_column(header, text_column))
                return
        for row in reader:
            row_no += 1
            uri = f"{base_uri}#row={row_no - 1}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                out.reject(uri, RejectReason.malformed_csv, f"row {row_no - 1} has {len(row)} fields, the header has {len(header)}")
                continue
            fields = dict(zip(header, row))
            size = len(str(mapped_fields(fields, out.options.columns)[0].get("text", "")).encode("utf-8", errors="replace"))
            if size > max_bytes:
                out.reject(uri, RejectReason.too_large, f"row {row_no - 1} text is over the {max_bytes}-byte limit")
                continue
            try:
                record = input_record(fields, f"row {row_no - 1}", out.options)
            except RejectedInput as rejected:
                out.reject(uri, rejected.reason, rejected.detail)
                continue
            out.record(uri, f"row {row_no - 1}", record, encoding, size)
    except csv.Error as error:
        out.reject(f"{base_uri}#row={row_no}", RejectReason.malformed_csv, f"row {row_no}: {error}; the rest of this part of the file was skipped")


def missing_text_column(header: tuple[str, ...], text_column: str) -> str:
    """Return the reject detail for a CSV header without the text column: its columns and the option to use."""
    shown = ", ".join(repr(name) for name in header[:30]) + (" ..." if len(header) > 30 else "")
    return (f"no {text_column!r} column; the columns are {shown}. "
            "Name the article body with --column text=COLUMN (and title/url/published_at likewise)")


def slice_content(piece: InputSlice, max_bytes: int, options: ReadOptions | None = None) -> SliceContent:
    """Return the documents, rejects and input warnings read from one input slice.

    ``options`` maps the file's column names onto record fields and fixes how dates
    read. Never raises for a bad or vanished file: whatever goes wrong while reading
    one becomes a reject of that file, and what was read before it is kept.
    """
    out = _Collector(options or ReadOptions())
    uri = source_uri(piece.paths[0])
    try:
        if piece.kind == "txt":
            _read_txt(piece.paths, max_bytes, out)
        elif piece.kind == "html":
            _read_html(piece.paths, max_bytes, out)
        elif piece.kind == "jsonl":
            _read_jsonl(piece, max_bytes, out)
        else:
            _read_csv(piece, max_bytes, out)
    except OSError as error:
        out.reject(uri, RejectReason.unreadable, f"cannot read: {error.strerror or error}")
    except UnicodeError as error:
        out.reject(uri, RejectReason.undecodable, str(error))
    except csv.Error as error:
        out.reject(uri, RejectReason.malformed_csv, str(error))
    if piece.kind in ("jsonl", "csv") and piece.start == 0 and piece.end is None and not out.documents and not out.rejects:
        # A record file with nothing but blank lines (or only a CSV header) holds no document.
        out.reject(uri, RejectReason.empty, "no records: only blank lines" if piece.kind == "jsonl" else "a header but no rows")
    return out.content()


def file_date_values(path: str, kind: str, options: ReadOptions) -> list[str]:
    """Return every string ``published_at`` value of a whole CSV/JSONL file (mapped name), in file order.

    Read once per file, before its slices, so the day/month order is decided from all
    of the file's dates. Unreadable lines and rows are skipped: reading reports them.
    """
    column = options.columns.get("published_at", "published_at")
    encoding = sniffed_encoding(Path(path))
    values: list[str] = []
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        if kind == "csv":
            reader = csv.reader(handle)
            try:
                header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
                if column not in header:
                    return values
                at = header.index(column)
                values.extend(row[at] for row in reader if len(row) > at)
            except csv.Error:
                pass
        else:
            for line in handle:
                try:
                    value = json.loads(line).get(column)
                except (ValueError, AttributeError):
                    continue
                if isinstance(value, str):
                    values.append(value)
    return values
