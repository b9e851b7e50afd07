"""The pure part of ingestion: bytes to text, one JSONL line or CSV row to a record.

Reading files, walking folders and enforcing the size limit happen in ``flows/``;
everything here takes bytes or strings and either returns a value or raises
``RejectedInput`` with a machine-readable reason and a human-readable detail.

Choices worth knowing:

- Optional fields (``id``, ``title``, ``url``, ``source``, ``published_at``) never
  cost a document: a value of the wrong type or an unparseable ``published_at`` is
  dropped and explained in ``InputRecord.warnings``. ``RejectReason.bad_field`` is
  therefore not raised here; it exists for callers with stricter needs.
- ``published_at`` is always timezone-aware UTC: converted when the input gave an
  offset (``Z``, ``+07:00``), taken as UTC when it did not, midnight for a bare date.
  ``published_date`` is the calendar date as written, before any conversion, because
  that is the publisher's local date and the right reference for ``kemarin``.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from enum import StrEnum
from hashlib import blake2b

import ftfy
from charset_normalizer import from_bytes

SUPPORTED_EXTENSIONS = frozenset({".txt", ".html", ".htm", ".jsonl", ".csv"})

# charset-normalizer is slow on megabytes and gains nothing from them: it guesses
# from this prefix and the chosen codec then decodes the whole payload.
DETECTION_PREFIX_BYTES = 64 * 1024
# Decoded text with more than this share of control characters is not prose.
MAX_CONTROL_SHARE = 0.05
# Years outside this range are placeholders ("0001-01-01") or typos, not dates.
PLAUSIBLE_YEARS = range(1800, 2201)

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Western single-byte codecs that decode Indonesian and English text identically;
# charset-normalizer often names a Central-European sibling (cp1250) for them.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15", "windows_1252"})
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHITESPACE_RUN = re.compile(r"\s+")


class RejectReason(StrEnum):
    """Why an input (a file, a JSONL line, a CSV row) could not become a document."""

    empty = "empty"
    binary = "binary"
    undecodable = "undecodable"
    too_large = "too_large"
    malformed_json = "malformed_json"
    missing_text = "missing_text"
    text_not_string = "text_not_string"
    unsupported_extension = "unsupported_extension"
    missing_text_column = "missing_text_column"
    malformed_csv = "malformed_csv"
    unreadable = "unreadable"
    not_a_file = "not_a_file"
    outside_root = "outside_root"
    bad_field = "bad_field"
    no_letters = "no_letters"
    markup = "markup"
    not_prose = "not_prose"
    no_article = "no_article"


class RejectedInput(Exception):
    """An input that cannot become a document: ``reason`` for machines, ``detail`` for people."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class DecodedText:
    """Normalised text and the codec it was decoded with (``lossy``: bad bytes replaced)."""

    text: str
    encoding: str
    lossy: bool = False
    stripped_controls: int = 0  # NUL and other C0 control characters removed from the text


@dataclass(frozen=True)
class InputRecord:
    """One validated article from a JSONL line or CSV row, with notes on dropped fields."""

    text: str
    external_id: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    published_date: date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    extra: str | None = None  # JSON object of the unmapped fields, or None
    issues: tuple[InputIssue, ...] = ()  # values kept out of the record: rows of raw.input_warnings

    @property
    def warnings(self) -> tuple[str, ...]:
        """Return one readable line per issue, for logs."""
        return tuple(issue.note for issue in self.issues)


@dataclass(frozen=True)
class InputIssue:
    """A value kept out of a document but not fatal: a row of ``raw.input_warnings``."""

    field: str
    value: str
    reason: str
    kind: str = "date"  # "date", "type" or "repair": which sentence explains it

    @property
    def note(self) -> str:
        """Return the issue as one readable line."""
        if self.kind == "repair":
            return f"'{self.field}' {self.reason}: {self.value[:60]!r}"
        if self.kind == "type":
            return f"'{self.field}' is {self.reason.split(': ', 1)[1]}, not a string; ignored"
        return f"'{self.field}' {self.value[:60]!r} is not a usable date; ignored ({self.reason})"


# Fields a record may have; ``--column FIELD=NAME`` maps a file's own names onto them.
RECORD_FIELDS = ("text", "id", "title", "published_at", "url", "source", "author")


@dataclass(frozen=True)
class ReadOptions:
    """How to read the records of a ``.csv``/``.jsonl`` file.

    ``columns`` maps a record field to the file's name for it (``{"text": "isi_berita"}``);
    ``date_format`` is a strftime pattern for ``published_at``; ``day_first`` is the
    order of numeric dates such as ``10/11/2025`` (None: inferred per file).
    """

    columns: Mapping[str, str] = field(default_factory=dict)
    date_format: str | None = None
    day_first: bool | None = None


def invalid_columns(columns: Mapping[str, str]) -> list[str]:
    """Return the problems of a column mapping (unknown fields, blank names), empty if it is valid."""
    problems = [f"unknown field {name!r} (use one of {', '.join(RECORD_FIELDS)})" for name in columns if name not in RECORD_FIELDS]
    problems += [f"field {name!r} maps to an empty column name" for name, column in columns.items() if not str(column).strip()]
    return problems


def checked_read_options(columns: dict[str, str] | None, date_format: str | None) -> ReadOptions:
    """Return the read options for a column mapping and date format; raise ValueError naming each problem."""
    problems = invalid_columns(columns or {})
    if date_format is not None and "%" not in date_format:
        problems.append(f"--date-format {date_format!r} has no strftime directive (for example %m/%d/%Y %H:%M)")
    if problems:
        raise ValueError("; ".join(problems))
    return ReadOptions(columns=dict(columns or {}), date_format=date_format or None)


def mapped_fields(fields: Mapping[str, object], columns: Mapping[str, str]) -> tuple[dict[str, object], dict[str, object]]:
    """Return (record fields, extra fields) of one raw record under a column mapping.

    A mapped column feeds its field; a column named like a field feeds it when the
    mapping gives that field no column, or a column this record lacks (so one mapping
    serves an inbox that mixes a mapped export with standard files); every other
    column is extra.
    """
    used = {column for column in columns.values() if column in fields}
    record: dict[str, object] = {}
    for name in RECORD_FIELDS:
        source = columns.get(name, name)
        if source not in fields and name not in used:
            source = name
        if source in fields:
            record[name] = fields[source]
            used.add(source)
    extra = {key: value for key, value in fields.items() if key not in used}
    return record, extra


# C1 controls never occur in prose; a run of them is UTF-8 bytes decoded as Latin-1.
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")


def mojibake_repaired(text: str) -> tuple[str, str | None]:
    """Return (text, a sample of what was repaired) with mojibake fixed by ftfy; the sample is None if nothing was.

    Only text holding C1 control characters is touched, and the repair is kept only
    when it removes them: ordinary text is returned unchanged.
    """
    found = _C1_CONTROLS.search(text)
    if not found:
        return text, None
    fixed = normalised_text(ftfy.fix_encoding(text))
    if len(_C1_CONTROLS.findall(fixed)) >= len(_C1_CONTROLS.findall(text)):
        return text, None
    return fixed, text[max(0, found.start() - 20): found.start() + 40]


def normalised_text(text: str) -> str:
    """Return ``text`` in NFC with ``\\n`` line ends, no leading BOMs and no lone surrogates."""
    # Botched re-encodings stack BOMs; none of them is content.
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # JSON allows "\ud800"; such text could not be written as UTF-8 downstream.
    if _LONE_SURROGATES.search(text):
        text = _LONE_SURROGATES.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def decoded_text(data: bytes) -> DecodedText:
    """Return the normalised text of ``data`` and its encoding; raise ``RejectedInput`` if it is not text."""
    if not data.strip():
        raise RejectedInput(RejectReason.empty, "no content" if not data else "only whitespace")
    nuls = data.count(0)
    if nuls and _bomless_wide(data) is None and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        # A stray NUL or two in prose is damage, not binary: strip them (and say so).
        if nuls > max(1, len(data) // 100):
            raise RejectedInput(RejectReason.binary, f"{nuls} NUL bytes")
        data = data.replace(b"\x00", b"")
    else:
        nuls = 0  # UTF-16/32: the NULs are part of the characters
    text, encoding, lossy = _decoded(data)
    text = normalised_text(text)
    if not text.strip():
        raise RejectedInput(RejectReason.empty, f"only whitespace after decoding as {encoding}")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise RejectedInput(
            RejectReason.binary, f"{controls} control characters in {len(text)} ({encoding})"
        )
    text, stripped = controls_stripped(text)
    return DecodedText(text=text, encoding=encoding, lossy=lossy, stripped_controls=stripped + nuls)


# C0 controls other than tab and line breaks, and DEL: never content, and they can
# drive a terminal (ANSI escapes start with ESC).
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def controls_stripped(text: str) -> tuple[str, int]:
    """Return ``text`` without C0 control characters (tab, newline and form feed kept) and how many were removed."""
    found = len(_C0_CONTROLS.findall(text))
    return (_C0_CONTROLS.sub("", text), found) if found else (text, 0)


_LETTER = re.compile(r"[^\W\d_]")
_MARKUP = re.compile(r"<(?:!doctype|html|head|body|div|script|style|meta|table)\b", re.IGNORECASE)
LONGEST_WORD = 1000


def prose_problem(text: str) -> tuple[RejectReason, str] | None:
    """Return (reason, detail) when ``text`` is not an article's prose, or None when it can be one.

    No letters at all (only emoji, digits or symbols), HTML markup that is not a page
    to extract, or text made mostly of giant "words" (one 200k-character token) are
    not prose; their analysis would be meaningless or unbounded.
    """
    if not _LETTER.search(text):
        return RejectReason.no_letters, "no letters: only digits, symbols, emoji or punctuation"
    head = text[:20000]
    tags = len(_MARKUP.findall(head))
    if tags >= 3 and head.count("<") > len(head) / 200:
        return RejectReason.markup, (f"HTML markup ({tags} structural tags in the first {len(head)} characters); "
                                     "save the page as .html to have its article extracted")
    words = text.split()
    giant = sum(len(word) for word in words if len(word) > LONGEST_WORD)
    if giant > len(text) / 2:
        return RejectReason.not_prose, (f"{giant} of {len(text)} characters are in words over {LONGEST_WORD} "
                                        "characters long: no sentence-like text")
    return None


def _decoded(data: bytes) -> tuple[str, str, bool]:
    """Return (text, codec name, lossy) for ``data``, trying the most certain codecs first."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strictly_decoded(data, encoding), encoding, False
    if b"\x00" in data:
        encoding = _bomless_wide(data)
        if encoding is None:
            raise RejectedInput(RejectReason.binary, f"{data.count(0)} NUL bytes")
        return _strictly_decoded(data, encoding), encoding, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8", True
    for encoding in _detected_encodings(data[:DETECTION_PREFIX_BYTES]):
        try:
            return data.decode(encoding), encoding, False
        except (UnicodeDecodeError, LookupError):
            continue
    # Every byte is a character in latin-1, so this counts control bytes.
    controls = len(_CONTROL_CHARS.findall(data.decode("latin-1")))
    if controls > MAX_CONTROL_SHARE * len(data):
        raise RejectedInput(RejectReason.binary, f"{controls} control bytes in {len(data)}")
    raise RejectedInput(RejectReason.undecodable, "not UTF-8 and no single-byte codec fits")


# Stream codecs for record files: they consume the BOM themselves, wherever the reader starts.
_STREAM_CODECS = {"utf-32-le": "utf-32", "utf-32-be": "utf-32", "utf-8-sig": "utf-8-sig",
                  "utf-16-le": "utf-16", "utf-16-be": "utf-16"}


def record_file_encoding(head: bytes) -> str:
    """Return the codec to read a JSONL/CSV file in, from its first bytes (utf-8 unless they show otherwise).

    The same order as ``decoded_text``: a BOM, BOM-less UTF-16/32, UTF-8 (a character cut at the
    end of ``head`` still counts), then charset-normalizer with the cp1252 preference.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return _STREAM_CODECS[encoding]
    if b"\x00" in head:
        wide = _bomless_wide(head[: len(head) - len(head) % 4]) or _bomless_utf16(head[: len(head) - len(head) % 2])
        if wide:
            return wide
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(head) - 4:  # cut inside a multi-byte character
            return "utf-8"
    return _detected_encodings(head[:DETECTION_PREFIX_BYTES])[0]


def _strictly_decoded(data: bytes, encoding: str) -> str:
    """Return ``data`` decoded with ``encoding``; raise ``RejectedInput`` on any bad byte."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise RejectedInput(
            RejectReason.undecodable, f"invalid {encoding} at byte {exc.start}: {exc.reason}"
        ) from None


def _bomless_wide(data: bytes) -> str | None:
    """Return the UTF-32 or UTF-16 codec BOM-less text ``data`` is in, or None."""
    return _bomless_utf32(data) or _bomless_utf16(data)


def _bomless_utf32(data: bytes) -> str | None:
    """Return ``utf-32-le``/``-be`` when ``data`` decodes strictly as BOM-less UTF-32 with 3 NULs in 4 bytes."""
    if len(data) % 4 or data.count(0) < len(data) // 2:
        return None
    for encoding, zero_lanes in (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1))):
        if all(data[lane::4].count(0) == len(data) // 4 for lane in zero_lanes):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``-be`` when the NUL bytes look like BOM-less UTF-16 text, else None."""
    # Latin-script UTF-16 has a NUL in every other byte, all on the same side;
    # binary formats scatter NULs over both parities.
    if len(data) % 2 or data.count(0) < len(data) // 4:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if even_nuls == 0 and odd_nuls >= len(data) // 4:
        return "utf-16-le"
    if odd_nuls == 0 and even_nuls >= len(data) // 4:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """Return ``data`` decoded as UTF-8 with replacements when only a few bytes are bad, else None."""
    # A truncated last character or a stray byte in a UTF-8 file is common; reading
    # the whole file as cp1252 instead would garble every real non-ASCII character.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return text if non_ascii >= 5 * bad else None


_EAST_ASIAN_MULTIBYTE = {
    codecs.lookup(name).name
    for name in ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "shift_jis", "cp932",
                 "euc_jp", "euc_kr", "cp949", "johab", "hz", "iso2022_jp", "iso2022_kr")
}


def _mostly_ascii(sample: bytes) -> bool:
    """Return True when at least 90 % of the sample's bytes are ASCII."""
    return sum(byte < 0x80 for byte in sample) >= 0.9 * len(sample)


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _detected_encodings(sample: bytes) -> list[str]:
    """Return codecs to try for non-UTF-8 ``sample``, most plausible first, cp1252 last."""
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return ["cp1252"]
    # Prefer cp1252 when it reads the sample as cleanly as the winner: on short
    # texts charset-normalizer picks among equally clean codecs almost arbitrarily.
    western_fits = any(
        match.chaos <= best.chaos and _WESTERN & {match.encoding, *match.could_be_from_charset}
        for match in matches
    )
    # A multi-byte East Asian codec for text that is mostly ASCII letters is a misreading:
    # a few accented Latin letters (Genève, café) pair up into one CJK character each.
    if not western_fits and codecs.lookup(best.encoding).name in _EAST_ASIAN_MULTIBYTE:
        western_fits = _mostly_ascii(sample) and _decodes(sample, "cp1252")
    first = "cp1252" if western_fits else best.encoding
    return [codecs.lookup(name).name for name in dict.fromkeys([first, best.encoding, "cp1252"])]


def input_record(fields: Mapping[str, object], locator: str, options: ReadOptions | None = None) -> InputRecord:
    """Return the validated record for one JSONL object or CSV row; raise ``RejectedInput`` if it has no usable text.

    With ``options.columns`` the record's fields are read from the mapped names and the
    unmapped ones are kept, as JSON, in ``extra``.
    """
    options = options or ReadOptions()
    fields, extra = mapped_fields(fields, options.columns)
    text_name = options.columns.get("text", "text")
    text = fields.get("text")
    if text is None:
        raise RejectedInput(RejectReason.missing_text, f"{locator}: no {text_name!r} field")
    if not isinstance(text, str):
        raise RejectedInput(
            RejectReason.text_not_string,
            f"{locator}: {text_name!r} is {type(text).__name__}, not a string",
        )
    text = normalised_text(text)
    if not text.strip():
        raise RejectedInput(RejectReason.empty, f"{locator}: {text_name!r} is empty")
    issues: list[InputIssue] = []
    text, repaired = mojibake_repaired(text)
    if repaired:
        issues.append(InputIssue("text", repaired, "repaired mojibake (UTF-8 read as Latin-1/cp1252)", kind="repair"))
    if _C0_CONTROLS.search(text) and len(_CONTROL_CHARS.findall(text)) <= MAX_CONTROL_SHARE * len(text):
        text, stripped = controls_stripped(text)
        issues.append(InputIssue("text", f"{stripped} characters", "stripped NUL/control characters", kind="repair"))
    published_at, published_date, reason = published_value(
        fields.get("published_at"), date_format=options.date_format, day_first=options.day_first
    )
    if reason:
        issues.append(InputIssue("published_at", _shown(fields.get("published_at")), reason))
    external_id = _external_id(fields.get("id"), issues)
    title = _one_line(fields.get("title"), "title", issues)
    url = _one_line(fields.get("url"), "url", issues)
    source = _one_line(fields.get("source"), "source", issues)
    author = _one_line(fields.get("author"), "author", issues)
    return InputRecord(
        text=text,
        external_id=external_id,
        title=title,
        published_at=published_at,
        published_date=published_date,
        url=url,
        source=source,
        author=author,
        extra=json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
        issues=tuple(issues),
    )


def _shown(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, default=str)


def _external_id(value: object, issues: list[InputIssue]) -> str | None:
    """Return ``value`` as an id string (ints allowed), or None with an issue for other types."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _one_line(value, "id", issues)


def _one_line(value: object, name: str, issues: list[InputIssue]) -> str | None:
    """Return string ``value`` normalised to one trimmed line; None if absent, blank or not a string."""
    if value is None:
        return None
    if not isinstance(value, str):
        issues.append(InputIssue(name, _shown(value), f"not a string: {type(value).__name__}", kind="type"))
        return None
    return _WHITESPACE_RUN.sub(" ", normalised_text(value)).strip() or None


# Numeric dates: 21/10/2025, 10-21-2025 20:43, 21.10.25 8:05 PM.
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp][Mm])?)?"
)
_EPOCH = re.compile(r"-?\d{9,13}(?:\.\d+)?")
_COMPACT_DATE = re.compile(r"\d{8}")


def is_numeric_date(value: object) -> bool:
    """Return whether ``value`` is a numeric date such as ``10/21/2025 20:43`` (whose day/month order is ambiguous)."""
    return isinstance(value, str) and _NUMERIC_DATE.fullmatch(value.strip()) is not None


def inferred_day_first(values: Iterable[object]) -> bool | None:
    """Return True (day first) or False (month first) for numeric dates, from all of a file's values.

    A first field over 12 decides day-first; else a second field over 12 decides
    month-first; None when no value decides (every day is 12 or less, or no numeric dates).
    """
    month_first = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC_DATE.fullmatch(value.strip())
        if not match:
            continue
        if int(match.group(1)) > 12:
            return True
        if int(match.group(2)) > 12:
            month_first = True
    return False if month_first else None


def published_value(
    value: object, *, date_format: str | None = None, day_first: bool | None = None
) -> tuple[datetime | None, date | None, str | None]:
    """Return (published_at UTC, published_date as written, reason it is unusable) for a date value.

    Accepts datetimes, ISO 8601 (with or without a zone), RFC 2822, integer epochs
    (seconds, or milliseconds above 10^11), ``YYYYMMDD``, numeric dates in ``day_first``
    order (day first when None) and, first of all, ``date_format`` if given.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None, None
    parsed: datetime | None = None
    if isinstance(value, bool):
        return None, None, "not a date: bool"
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, (int, float)):
        parsed = _epoch(value)
        if parsed is None:
            return None, None, "epoch out of range"
    elif isinstance(value, str):
        text = value.strip()
        if date_format:
            try:
                parsed = datetime.strptime(text, date_format)
            except ValueError:
                parsed = None
        if parsed is None:
            parsed = _parsed_datetime(text, day_first)
        if parsed is None:
            reason = f"does not match --date-format {date_format}" if date_format else "unparseable date"
            return None, None, reason
    else:
        return None, None, f"not a date: {type(value).__name__}"
    if parsed.year not in PLAUSIBLE_YEARS:
        return None, None, f"implausible year {parsed.year}"
    local_date = parsed.date()
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC), local_date, None
    return parsed.astimezone(UTC), local_date, None


def _epoch(value: float) -> datetime | None:
    seconds = value / 1000 if abs(value) >= 10**11 else value
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parsed_datetime(value: str, day_first: bool | None = None) -> datetime | None:
    """Return the datetime a date string denotes (ISO 8601, RFC 2822, epoch, numeric), or None."""
    if _DATE_ONLY.fullmatch(value):
        try:
            return datetime.combine(date.fromisoformat(value), time())
        except ValueError:
            return None
    if _COMPACT_DATE.fullmatch(value):
        try:
            return datetime.strptime(value, "%Y%m%d")
        except ValueError:
            return None
    if _EPOCH.fullmatch(value):
        return _epoch(float(value))
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    match = _NUMERIC_DATE.fullmatch(value)
    if match:
        return _numeric_date(match, day_first is not False)
    # RSS feeds write "Tue, 29 Sep 2020 10:00:00 +0700".
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def _numeric_date(match: re.Match, day_first: bool) -> datetime | None:
    first, second, year, hour, minute, second_s, meridiem = match.groups()
    day, month = (int(first), int(second)) if day_first else (int(second), int(first))
    year_no = int(year) + (2000 if len(year) == 2 and int(year) < 70 else 1900 if len(year) == 2 else 0)
    hour_no = int(hour or 0)
    if meridiem:
        hour_no = hour_no % 12 + (12 if meridiem.lower() == "pm" else 0)
    try:
        return datetime(year_no, month, day, hour_no, int(minute or 0), int(second_s or 0))
    except ValueError:
        return None


def is_blank_line(line: str) -> bool:
    """Return True for a JSONL line that holds no document (empty or whitespace)."""
    return not line.strip()


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, line) for the non-blank lines of a JSONL text."""
    # Split on "\n" only: str.splitlines() also breaks on U+2028 and \x1c, which
    # may legally appear unescaped inside JSON strings.
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not is_blank_line(line):
            yield line_no, line


def jsonl_fields(line: str, line_no: int) -> dict:
    """Return the JSON object on one JSONL line; raise ``RejectedInput`` for bad JSON."""
    locator = f"line {line_no}"
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RejectedInput(
            RejectReason.malformed_json, f"{locator}: {exc.msg} (column {exc.colno})"
        ) from None
    except (ValueError, RecursionError) as exc:  # e.g. a 5,000-digit integer, deep nesting
        raise RejectedInput(RejectReason.malformed_json, f"{locator}: {exc}"[:200]) from None
    if not isinstance(fields, dict):
        raise RejectedInput(
            RejectReason.malformed_json,
            f"{locator}: expected a JSON object, got {type(fields).__name__}",
        )
    return fields


def jsonl_record(line: str, line_no: int, options: ReadOptions | None = None) -> InputRecord:
    """Return the record on one JSONL line; raise ``RejectedInput`` for bad JSON or fields."""
    return input_record(jsonl_fields(line, line_no), f"line {line_no}", options)


def document_id(text: str) -> str:
    """Return the stable content id of ``text`` (hash of its normalised form), e.g. ``d_3f9c...``."""
    data = normalised_text(text).encode("utf-8")
    return "d_" + blake2b(data, digest_size=10).hexdigest()
