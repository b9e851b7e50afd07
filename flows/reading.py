"""Reading one slice of input into document rows and reject rows.

Each record is decoded, validated by ``transforms.inputs`` and hashed; anything
bad becomes a reject with a machine-readable reason, and reading goes on.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows.discovery import InputSlice, sniffed_encoding
from transforms.inputs import (
    InputRecord,
    RejectedInput,
    RejectReason,
    decoded_text,
    document_id,
    input_record,
    jsonl_record,
)

DOCUMENT_SCHEMA = {
    "document_id": pl.String, "source_uri": pl.String, "external_id": pl.String,
    "raw_text": pl.String, "title": pl.String, "published_at": pl.Datetime("us", "UTC"),
    "metadata_published_date": pl.Date, "url": pl.String, "source": pl.String,
    "encoding": pl.String, "byte_length": pl.Int64,
}
REJECT_SCHEMA = {"source_uri": pl.String, "reason": pl.String, "detail": pl.String}


@dataclass
class SliceContent:
    """The documents and rejects read from one slice."""

    documents: pl.DataFrame
    rejects: pl.DataFrame


class _Collector:
    def __init__(self):
        self.documents: list[dict] = []
        self.rejects: list[dict] = []

    def reject(self, uri: str, reason: RejectReason | str, detail: str) -> None:
        self.rejects.append({"source_uri": uri, "reason": str(reason), "detail": detail})

    def document(self, uri: str, record: InputRecord, encoding: str, byte_length: int) -> None:
        published_at = record.published_at
        self.documents.append({
            "document_id": document_id(record.text),
            "source_uri": uri,
            "external_id": record.external_id,
            "raw_text": record.text,
            "title": record.title,
            "published_at": published_at,
            "metadata_published_date": record.published_date,
            "url": record.url,
            "source": record.source,
            "encoding": encoding,
            "byte_length": byte_length,
        })

    def content(self) -> SliceContent:
        return SliceContent(
            pl.DataFrame(self.documents, schema=DOCUMENT_SCHEMA),
            pl.DataFrame(self.rejects, schema=REJECT_SCHEMA),
        )


def _read_txt(paths: tuple[str, ...], out: _Collector) -> None:
    for name in paths:
        path = Path(name)
        uri = path.absolute().as_uri()
        try:
            data = path.read_bytes()
        except PermissionError as error:
            out.reject(uri, RejectReason.unreadable, str(error))
            continue
        except OSError as error:
            out.reject(uri, RejectReason.unreadable, str(error))
            continue
        try:
            decoded = decoded_text(data)
        except RejectedInput as rejected:
            out.reject(uri, rejected.reason, rejected.detail)
            continue
        record = InputRecord(text=decoded.text, external_id=None, title=None, published_at=None,
                             published_date=None, url=None, source=None)
        out.document(uri, record, decoded.encoding, len(data))


def _skip_rest_of_line(handle) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl(piece: InputSlice, max_bytes: int, out: _Collector) -> None:
    path = Path(piece.paths[0])
    base_uri = path.absolute().as_uri()
    encoding = sniffed_encoding(path)
    if encoding.startswith("utf-16"):
        # Multi-byte newlines: not sliced, decoded as a whole text stream.
        with path.open("r", encoding=encoding, errors="strict", newline="") as handle:
            for line_no, line in enumerate(handle, start=1):
                _jsonl_line(line.encode("utf-8"), line_no, f"{base_uri}#line={line_no}", "utf-8", encoding, max_bytes, out)
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


def _jsonl_line(raw: bytes, line_no: int, uri: str, codec: str, encoding: str, max_bytes: int, out: _Collector) -> None:
    try:
        line = raw.decode(codec)
    except UnicodeDecodeError as error:
        out.reject(uri, RejectReason.undecodable, f"line {line_no}: not valid {codec}: {error.reason} at byte {error.start}")
        return
    if not line.strip():
        return  # blank lines separate nothing and are not documents
    try:
        record = jsonl_record(line, line_no)
    except RejectedInput as rejected:
        out.reject(uri, rejected.reason, rejected.detail)
        return
    out.document(uri, record, encoding, len(raw))


def _read_csv(piece: InputSlice, max_bytes: int, out: _Collector) -> None:
    path = Path(piece.paths[0])
    base_uri = path.absolute().as_uri()
    encoding = sniffed_encoding(path)
    csv.field_size_limit(max(max_bytes, 1 << 20))
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
            if "text" not in header:
                out.reject(base_uri, RejectReason.missing_text_column, f"header {list(header)} has no 'text' column")
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
            size = len(fields.get("text", "").encode("utf-8", errors="replace"))
            if size > max_bytes:
                out.reject(uri, RejectReason.too_large, f"row {row_no - 1} text is over the {max_bytes}-byte limit")
                continue
            try:
                record = input_record(fields, f"row {row_no - 1}")
            except RejectedInput as rejected:
                out.reject(uri, rejected.reason, rejected.detail)
                continue
            out.document(uri, record, encoding, size)
    except csv.Error as error:
        out.reject(f"{base_uri}#row={row_no}", RejectReason.malformed_csv, f"row {row_no}: {error}; the rest of this part of the file was skipped")


def slice_content(piece: InputSlice, max_bytes: int) -> SliceContent:
    """Return the documents and rejects read from one input slice."""
    out = _Collector()
    try:
        if piece.kind == "txt":
            _read_txt(piece.paths, out)
        elif piece.kind == "jsonl":
            _read_jsonl(piece, max_bytes, out)
        else:
            _read_csv(piece, max_bytes, out)
    except PermissionError as error:
        out.reject(Path(piece.paths[0]).absolute().as_uri(), RejectReason.unreadable, str(error))
    except UnicodeDecodeError as error:
        out.reject(Path(piece.paths[0]).absolute().as_uri(), RejectReason.undecodable, str(error))
    return out.content()
