"""Decoding, normalising and validating raw inputs (transforms.inputs)."""

from __future__ import annotations

import codecs
import json
import re
from datetime import UTC, date, datetime

import pytest

from newsetl.transforms.inputs import (
    ReadOptions,
    prose_problem,
    inferred_day_first,
    invalid_columns,
    SUPPORTED_EXTENSIONS,
    DecodedText,
    InputRecord,
    RejectedInput,
    RejectReason,
    decoded_text,
    document_id,
    input_record,
    is_blank_line,
    jsonl_lines,
    jsonl_record,
    normalised_text,
)

LEAD = "Bisnis.com, JAKARTA - Pertempuran sengit pasukan Armenia dan Azerbaijan terus berlangsung."
QUOTED = "\u201cRusia akan memberikan semua bantuan,\u201d kata Kementerian Luar Negeri \u2013 Sabtu."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (LEAD.encode("utf-8"), LEAD, "utf-8"),
        (QUOTED.encode("utf-8"), QUOTED, "utf-8"),
        (codecs.BOM_UTF8 + QUOTED.encode("utf-8"), QUOTED, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + QUOTED.encode("utf-16-le"), QUOTED, "utf-16-le"),
        (codecs.BOM_UTF16_BE + QUOTED.encode("utf-16-be"), QUOTED, "utf-16-be"),
        (codecs.BOM_UTF32_LE + QUOTED.encode("utf-32-le"), QUOTED, "utf-32-le"),
        (LEAD.encode("utf-16-le"), LEAD, "utf-16-le"),
        (b"caf\xe9 di Jakarta", "café di Jakarta", "cp1252"),
        (QUOTED.encode("cp1252"), QUOTED, "cp1252"),
        ("Menteri Lavrov bertemu di Genève, kata François.".encode("latin-1"),
         "Menteri Lavrov bertemu di Genève, kata François.", "cp1252"),
    ],
    ids=["utf8", "utf8-quotes", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom",
         "utf16le-no-bom", "cp1252-short", "cp1252-quotes", "latin1"],
)
def test_decoded_text_reads_common_encodings(data: bytes, text: str, encoding: str) -> None:
    assert decoded_text(data) == DecodedText(text=text, encoding=encoding)


def test_decoded_text_uses_the_codec_for_the_whole_payload_not_just_the_sample() -> None:
    # The only non-ASCII byte lies far beyond the part charset-normalizer looks at.
    data = ("Pertempuran sengit terus berlangsung. " * 5000).encode("ascii") + b"Caf\xe9 tutup."
    decoded = decoded_text(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text.endswith("Café tutup.")


def test_decoded_text_keeps_utf8_with_a_truncated_last_character() -> None:
    data = ("Kota Gäncä diserang roket. " * 20).encode("utf-8") + "é".encode("utf-8")[:1]
    decoded = decoded_text(data)
    assert decoded.encoding == "utf-8" and decoded.lossy
    assert decoded.text.startswith("Kota Gäncä diserang roket.")
    assert decoded.text.endswith("\ufffd")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Baris satu\r\nBaris dua\r\n", "Baris satu\nBaris dua\n"),
        (b"Baris satu\rBaris dua", "Baris satu\nBaris dua"),
        ("Cafe\u0301 di Baku".encode("utf-8"), "Café di Baku"),
        ("\ufeff\ufeffJudul".encode("utf-8"), "Judul"),
    ],
    ids=["crlf", "lone-cr", "nfc", "stacked-boms"],
)
def test_decoded_text_is_normalised(data: bytes, text: str) -> None:
    assert decoded_text(data).text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", RejectReason.empty),
        (b" \r\n\t \n", RejectReason.empty),
        (codecs.BOM_UTF8, RejectReason.empty),
        (codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"), RejectReason.empty),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", RejectReason.binary),
        (b"Pertempuran\x00\x00\x00 sengit\x00 di\x00 Karabakh", RejectReason.binary),
        (bytes(range(1, 256)) * 8, RejectReason.binary),
        (b"\x01\x02\x03\x04 log \x05\x06\x07\x08", RejectReason.binary),
        (codecs.BOM_UTF16_LE + "Baku".encode("utf-16-le") + b"\x00", RejectReason.undecodable),
        (codecs.BOM_UTF8 + b"Caf\xe9", RejectReason.undecodable),
    ],
    ids=["empty", "whitespace", "bom-only", "utf16-whitespace", "png", "nul-in-ascii",
         "control-bytes", "control-heavy", "utf16-odd-length", "bad-utf8-after-bom"],
)
def test_decoded_text_rejects_non_text(data: bytes, reason: RejectReason) -> None:
    with pytest.raises(RejectedInput) as caught:
        decoded_text(data)
    assert caught.value.reason == reason
    assert caught.value.detail


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeffBaku\r\nYerevan", "Baku\nYerevan"),
        ("\ufeff\ufeffBaku", "Baku"),
        ("A\rB\r\n\r\nC", "A\nB\n\nC"),
        ("Ga\u0308nca\u0308", "Gäncä"),
        ("Halo \ud800 dunia", "Halo \ufffd dunia"),
        ("Sudah normal.\n", "Sudah normal.\n"),
    ],
    ids=["bom-crlf", "stacked-boms", "mixed-line-ends", "nfc", "lone-surrogate", "unchanged"],
)
def test_normalised_text(text: str, expected: str) -> None:
    assert normalised_text(text) == expected


def test_input_record_reads_every_field() -> None:
    record = input_record(
        {
            "id": "kompas-123",
            "text": "JAKARTA, KOMPAS.com - Presiden meminta semua pihak menahan diri.\r\n",
            "title": "  Presiden  Minta\nSemua Pihak Menahan Diri ",
            "published_at": "2020-09-29",
            "url": "https://www.kompas.com/artikel/123",
            "source": "kompas",
        },
        "line 1",
    )
    assert record == InputRecord(
        text="JAKARTA, KOMPAS.com - Presiden meminta semua pihak menahan diri.\n",
        external_id="kompas-123",
        title="Presiden Minta Semua Pihak Menahan Diri",
        published_at=datetime(2020, 9, 29, tzinfo=UTC),
        published_date=date(2020, 9, 29),
        url="https://www.kompas.com/artikel/123",
        source="kompas",
    )


@pytest.mark.parametrize(
    ("published_at", "expected_at", "expected_date"),
    [
        ("2020-09-29", datetime(2020, 9, 29, tzinfo=UTC), date(2020, 9, 29)),
        ("2020-09-29T10:00:00", datetime(2020, 9, 29, 10, tzinfo=UTC), date(2020, 9, 29)),
        ("2020-09-29T10:00:00+07:00", datetime(2020, 9, 29, 3, tzinfo=UTC), date(2020, 9, 29)),
        ("2020-09-29T02:30:00+07:00", datetime(2020, 9, 28, 19, 30, tzinfo=UTC), date(2020, 9, 29)),
        ("2020-09-29T10:00:00Z", datetime(2020, 9, 29, 10, tzinfo=UTC), date(2020, 9, 29)),
        ("2020-09-29 10:00:00.250", datetime(2020, 9, 29, 10, 0, 0, 250000, tzinfo=UTC), date(2020, 9, 29)),
        ("Tue, 29 Sep 2020 10:00:00 +0700", datetime(2020, 9, 29, 3, tzinfo=UTC), date(2020, 9, 29)),
        ("", None, None),
        ("   ", None, None),
        (None, None, None),
    ],
    ids=["date", "naive", "offset", "offset-crosses-midnight", "zulu", "fraction", "rfc2822",
         "csv-empty", "blank", "null"],
)
def test_input_record_reads_published_at(
    published_at: str | None, expected_at: datetime | None, expected_date: date | None
) -> None:
    record = input_record({"text": "Kerusakan besar menimpa Ganja.", "published_at": published_at}, "row 2")
    assert (record.published_at, record.published_date) == (expected_at, expected_date)
    assert record.published_at is None or record.published_at.tzinfo is UTC
    assert record.warnings == ()


@pytest.mark.parametrize(
    "published_at",
    ["kemarin", "2020-13-40", "0001-01-01T00:00:00Z", "31/02/2020", True],
    ids=["word", "impossible", "zero-time", "no-such-day", "boolean"],
)
def test_unusable_published_at_keeps_the_document_with_a_warning(published_at: object) -> None:
    record = input_record({"text": "Kerusakan besar menimpa Ganja.", "published_at": published_at}, "line 4")
    assert record.text == "Kerusakan besar menimpa Ganja."
    assert record.published_at is None and record.published_date is None
    assert len(record.warnings) == 1 and "published_at" in record.warnings[0]
    assert [issue.field for issue in record.issues] == ["published_at"]


@pytest.mark.parametrize(
    ("fields", "external_id"),
    [({"id": 42}, "42"), ({"id": " a-17 "}, "a-17"), ({"id": ""}, None), ({}, None)],
    ids=["int", "str", "csv-empty", "absent"],
)
def test_input_record_reads_ids(fields: dict[str, object], external_id: str | None) -> None:
    assert input_record({"text": "Baku membantah klaim itu.", **fields}, "line 1").external_id == external_id


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", 5), ("url", ["https://a.id"]), ("source", {"name": "x"}), ("id", True), ("id", 1.5)],
)
def test_input_record_drops_optional_fields_of_the_wrong_type(field: str, value: object) -> None:
    record = input_record({"text": "Baku membantah klaim itu.", field: value}, "line 9")
    assert getattr(record, "external_id" if field == "id" else field) is None
    assert record.warnings == (f"'{field}' is {type(value).__name__}, not a string; ignored",)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"title": "Tanpa teks"}, RejectReason.missing_text),
        ({"text": None}, RejectReason.missing_text),
        ({"text": 123}, RejectReason.text_not_string),
        ({"text": ["Paragraf satu.", "Paragraf dua."]}, RejectReason.text_not_string),
        ({"text": ""}, RejectReason.empty),
        ({"text": " \r\n\t"}, RejectReason.empty),
    ],
    ids=["missing", "null", "int", "list", "empty", "whitespace"],
)
def test_input_record_rejects_unusable_text(fields: dict[str, object], reason: RejectReason) -> None:
    with pytest.raises(RejectedInput) as caught:
        input_record(fields, "row 7")
    assert caught.value.reason == reason
    assert caught.value.detail.startswith("row 7: ")


def test_jsonl_record_reads_a_good_line() -> None:
    line = (
        '{"id": 7, "text": "SinarPost.com, Moskow \\u2013 Rusia telah berjanji.", '
        '"published_at": "2020-10-31T08:00:00Z", "extra": {"ignored": true}}'
    )
    record = jsonl_record(line, 1)
    assert record.external_id == "7"
    assert record.text == "SinarPost.com, Moskow – Rusia telah berjanji."
    assert record.published_date == date(2020, 10, 31)


@pytest.mark.parametrize(
    ("line", "reason", "detail"),
    [
        ('{"text": "Baku" "title": "x"}', RejectReason.malformed_json, "line 3: Expecting ',' delimiter"),
        ('{"text": "Baku",}', RejectReason.malformed_json, "line 3: Expecting property name"),
        ('{"text": "Baku', RejectReason.malformed_json, "line 3: Unterminated string"),
        ('["Baku"]', RejectReason.malformed_json, "line 3: expected a JSON object, got list"),
        ('"Baku"', RejectReason.malformed_json, "line 3: expected a JSON object, got str"),
        ('{"title": "Tanpa teks"}', RejectReason.missing_text, "line 3: no 'text' field"),
        ('{"text": 5}', RejectReason.text_not_string, "line 3: 'text' is int"),
        ("[" * 100_000, RejectReason.malformed_json, "line 3: "),
    ],
    ids=["missing-comma", "trailing-comma", "truncated", "array", "string", "no-text",
         "int-text", "deep-nesting"],
)
def test_jsonl_record_rejects_bad_lines(line: str, reason: RejectReason, detail: str) -> None:
    with pytest.raises(RejectedInput) as caught:
        jsonl_record(line, 3)
    assert caught.value.reason == reason
    assert caught.value.detail.startswith(detail)


@pytest.mark.parametrize(("line", "blank"), [("", True), ("  \t", True), ("{}", False), (" x ", False)])
def test_is_blank_line(line: str, blank: bool) -> None:
    assert is_blank_line(line) is blank


def test_jsonl_lines_skips_blank_lines_and_splits_only_on_newlines() -> None:
    text = '{"text": "satu"}\n\n   \n{"text": "dua\u2028tiga"}\n'
    assert list(jsonl_lines(text)) == [(1, '{"text": "satu"}'), (4, '{"text": "dua\u2028tiga"}')]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kerusakan besar menimpa Ganja.", "Kerusakan besar menimpa Ganja.", True),
        ("Baris satu\r\nBaris dua", "Baris satu\nBaris dua", True),
        ("Cafe\u0301", "Café", True),
        ("Kerusakan besar menimpa Ganja.", "Kerusakan besar menimpa Ganja!", False),
        ("Baku", "Baku ", False),
    ],
    ids=["identical", "line-ends", "nfc", "punctuation", "trailing-space"],
)
def test_document_id_depends_only_on_the_normalised_text(a: str, b: str, same: bool) -> None:
    assert re.fullmatch(r"d_[0-9a-f]{20}", document_id(a))
    assert (document_id(a) == document_id(b)) is same


def test_reject_reasons_are_the_documented_strings() -> None:
    assert {str(reason) for reason in RejectReason} == {
        "empty", "binary", "undecodable", "too_large", "malformed_json", "missing_text",
        "text_not_string", "unsupported_extension", "missing_text_column", "malformed_csv",
        "unreadable", "not_a_file", "outside_root", "bad_field", "no_letters", "markup", "not_prose", "no_article",
    }
    error = RejectedInput(RejectReason.too_large, "12 MB > 10 MB")
    assert (error.reason, error.detail) == ("too_large", "12 MB > 10 MB")


def test_supported_extensions() -> None:
    assert SUPPORTED_EXTENSIONS == {".txt", ".html", ".htm", ".jsonl", ".csv"}


def test_one_stray_nul_byte_is_stripped_and_counted_not_rejected() -> None:
    decoded = decoded_text("Pertempuran sengit di Karabakh\x00 berlanjut, kata Pashinyan.".encode("utf-8"))
    assert decoded.text == "Pertempuran sengit di Karabakh berlanjut, kata Pashinyan."
    assert decoded.stripped_controls == 1


def test_bomless_utf32_is_text_not_binary() -> None:
    decoded = decoded_text("Pasukan Azerbaijan merebut Shusha.".encode("utf-32-le"))
    assert (decoded.text, decoded.encoding) == ("Pasukan Azerbaijan merebut Shusha.", "utf-32-le")


def test_ansi_escapes_are_stripped_from_record_text() -> None:
    record = input_record({"text": "Harga cabai rawit merah di pasar tradisional Jakarta naik\x1b[2J\x1b]0;pwned\x07 "
                                   "menjadi Rp 80.000 per kilogram, kata pedagang, Selasa (21/10/2025)."}, "line 1")
    assert "\x1b" not in record.text and "\x07" not in record.text
    assert [issue.reason for issue in record.issues] == ["stripped NUL/control characters"]


@pytest.mark.parametrize(("text", "reason"), [
    ("😀😀😀 🎉🎉", "no_letters"),
    ("12 345 678 90,5 -- 2025", "no_letters"),
    ("<!DOCTYPE html><html><head><meta charset='utf-8'><script>var a=1;</script></head><body><div>Menu</div></body></html>",
     "markup"),
    ("a" * 200_000, "not_prose"),
])
def test_non_prose_has_its_own_reason(text: str, reason: str) -> None:
    assert prose_problem(text)[0] == reason


@pytest.mark.parametrize("text", [
    "Jakarta - Presiden Prabowo Subianto melantik menteri baru, Senin (20/10/2025).",
    "MELAKA: Seorang bekas pengurus besar badan berkanun direman enam hari.",
    "Harga <b>cabai</b> naik 5% di Pasar Minggu.",
])
def test_real_article_text_is_prose(text: str) -> None:
    assert prose_problem(text) is None


@pytest.mark.parametrize(
    ("value", "options", "expected_date"),
    [
        ("29/09/2020", ReadOptions(), date(2020, 9, 29)),  # a first field > 12 can only be a day
        ("10/21/2025 20:43", ReadOptions(day_first=False), date(2025, 10, 21)),  # detik.csv's tanggal
        ("05/10/2025 08:15", ReadOptions(day_first=True), date(2025, 10, 5)),
        ("05/10/2025 08:15", ReadOptions(day_first=False), date(2025, 5, 10)),
        (1601337600, ReadOptions(), date(2020, 9, 29)),  # epoch seconds
        (1601337600000, ReadOptions(), date(2020, 9, 29)),  # epoch milliseconds
        ("1601337600", ReadOptions(), date(2020, 9, 29)),
        ("2025-10-21T20:43:00+07:00", ReadOptions(), date(2025, 10, 21)),
        ("21 Oct 2025 | 20.43", ReadOptions(date_format="%d %b %Y | %H.%M"), date(2025, 10, 21)),
    ],
    ids=["day-first", "detik-month-first", "ambiguous-dmy", "ambiguous-mdy", "epoch", "epoch-ms",
         "epoch-string", "iso-zone", "strftime"],
)
def test_published_at_forms_are_parsed(value: object, options: ReadOptions, expected_date: date) -> None:
    record = input_record({"text": "Prabowo menegaskan pentingnya pengendalian inflasi.", "published_at": value},
                          "row 1", options)
    assert record.published_date == expected_date
    assert record.published_at is not None and record.published_at.tzinfo is UTC
    assert record.issues == ()


def test_iso_datetime_with_zone_is_converted_to_utc_keeping_the_local_date() -> None:
    record = input_record({"text": "Tito Karnavian mengungkapkan mandat itu.",
                           "published_at": "2025-10-22T01:30:00+07:00"}, "line 1")
    assert record.published_date == date(2025, 10, 22)
    assert record.published_at == datetime(2025, 10, 21, 18, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["10/21/2025 20:43", "10/3/2025 09:00"], False),  # month first: 21 cannot be a month
        (["03/10/2025", "15/10/2025"], True),  # day first
        (["03/10/2025", "04/10/2025"], None),  # nothing decides
        (["2025-10-21", None, 5], None),
    ],
)
def test_date_order_is_inferred_from_all_values_of_a_file(values: list, expected: bool | None) -> None:
    assert inferred_day_first(values) is expected


def test_column_mapping_reads_fields_from_the_files_own_names_and_keeps_the_rest_as_extra() -> None:
    row = {"id": "1", "judul": "Presiden Banggakan Inflasi 2%", "tautan": "https://news.detik.com/berita/d-8171947/x",
           "tanggal": "10/21/2025 20:43", "isi_berita": "Presiden Prabowo Subianto menegaskan pentingnya pengendalian inflasi.",
           "Summary": "Prabowo memuji kabinet.", "aspek_target": "ekonomi"}
    columns = {"text": "isi_berita", "title": "judul", "url": "tautan", "published_at": "tanggal"}
    record = input_record(row, "row 1", ReadOptions(columns=columns, day_first=False))
    assert record.text.startswith("Presiden Prabowo Subianto")
    assert (record.external_id, record.title) == ("1", "Presiden Banggakan Inflasi 2%")
    assert record.url == "https://news.detik.com/berita/d-8171947/x"
    assert record.published_date == date(2025, 10, 21)
    assert json.loads(record.extra) == {"Summary": "Prabowo memuji kabinet.", "aspek_target": "ekonomi"}


def test_unknown_field_in_a_column_mapping_is_reported() -> None:
    assert invalid_columns({"text": "isi_berita", "judul": "title"}) == [
        "unknown field 'judul' (use one of text, id, title, published_at, url, source, author)"]


@pytest.mark.parametrize("text", [
    "Bisnis.com, Jakarta - Presiden       Genève",
    "Pertemuan di Genève dan café di Jakarta berlangsung hari Senin.",
])
def test_mostly_ascii_cp1252_text_is_not_read_as_east_asian(text):
    # charset-normalizer can rate gb18030 best here: two accented bytes pair into one CJK character.
    assert decoded_text(text.encode("cp1252")).text == text


@pytest.mark.parametrize("head, codec", [
    ('{"text": "Presiden Jokowi meresmikan jalan tol."}\n'.encode(), "utf-8"),
    (b'\xef\xbb\xbfid,isi_berita\n1,"Jakarta - Hujan deras."\n', "utf-8-sig"),
    ('{"text": "Kerajaan akan mengumumkan bajet."}\n'.encode("utf-16-le"), "utf-16-le"),
    ('\ufeff{"text": "x"}\n'.encode("utf-16-be"), "utf-16"),
    ('{"text": "Café in Genève reopened."}\n'.encode("cp1252"), "cp1252"),
    ('{"text": "Menteri Luar Negeri Retno Marsudi"}'.encode() + "é".encode()[:1], "utf-8"),  # cut mid-character
])
def test_record_file_encoding_reads_the_first_bytes_like_the_document_decoder(head, codec):
    from newsetl.transforms.inputs import record_file_encoding

    assert record_file_encoding(head) == codec
