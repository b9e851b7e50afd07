"""Column mapping, per-file date order and input warnings, on record files shaped like real outlets' exports.

The rows below are cut from the Detik and Utusan exports in ``../shared/data/news``
(their column names and date styles); the corpus tests read those files in place.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsetl.flows.discovery import discovered_inputs
from newsetl.flows.reading import file_date_values, slice_content
from newsetl.flows.tasks import file_read_options
from newsetl.transforms.inputs import ReadOptions, inferred_day_first, input_record, mojibake_repaired

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
DETIK_COLUMNS = {"text": "isi_berita", "title": "judul", "url": "tautan", "published_at": "tanggal"}
DETIK_HEADER = ["id", "judul", "tautan", "tanggal", "isi_berita", "Summary"]
DETIK_ROWS = [
    ["1", "Prabowo Apresiasi Kinerja Pemerintah Jaga Inflasi", "https://news.detik.com/berita/d-8170001/prabowo",
     "10/21/2025 20:43", "Jakarta - Presiden Prabowo Subianto mengapresiasi kinerja pemerintah menjaga inflasi.", "Ringkas."],
    ["2", "KPK Periksa Saksi", "https://news.detik.com/berita/d-8170002/kpk",
     "10/9/2025 8:05", "Jakarta - KPK memeriksa dua saksi dalam kasus dugaan korupsi.", "Ringkas."],
]


def _content(path: Path, options: ReadOptions):
    discovery = discovered_inputs([str(path)], max_bytes=1 << 20, batch_size=100)
    piece = discovery.slices[0]
    decided = file_read_options.fn(str(path), piece.kind, options, piece.label)
    return slice_content(piece, 1 << 20, decided)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_mapped_detik_csv_loads_title_url_date_and_keeps_the_other_columns(tmp_path):
    path = _write_csv(tmp_path / "detik.csv", DETIK_HEADER, DETIK_ROWS)
    content = _content(path, ReadOptions(columns=DETIK_COLUMNS))
    docs = content.documents.sort("external_id")
    assert content.rejects.height == 0
    assert docs["title"].to_list() == ["Prabowo Apresiasi Kinerja Pemerintah Jaga Inflasi", "KPK Periksa Saksi"]
    assert docs["url"][0] == "https://news.detik.com/berita/d-8170001/prabowo"
    # 10/21 can only be month first, so the whole file is read month first: 10/9 is 9 October.
    assert docs["metadata_published_date"].to_list() == [date(2025, 10, 21), date(2025, 10, 9)]
    assert json.loads(docs["extra"][0]) == {"Summary": "Ringkas."}
    assert docs["raw_text"][1].startswith("Jakarta - KPK")


def test_a_csv_without_a_text_column_is_rejected_with_its_columns_and_the_option(tmp_path):
    path = _write_csv(tmp_path / "detik.csv", DETIK_HEADER, DETIK_ROWS)
    content = _content(path, ReadOptions())
    assert content.documents.height == 0
    [reject] = content.rejects.to_dicts()
    assert reject["reason"] == "missing_text_column"
    assert "'isi_berita'" in reject["detail"] and "--column text=" in reject["detail"]


@pytest.mark.parametrize(("values", "expected"), [
    (["10/21/2025 20:43", "10/9/2025 8:05"], False),         # Detik: month first
    (["21/10/2025", "9/10/2025"], True),                      # day first
    (["10/09/2025", "11/10/2025"], None),                     # nothing decides
    (["2025-10-21T20:43:00+07:00", "1761054180"], None),     # no numeric dates
])
def test_day_first_is_decided_from_all_of_a_files_values(values, expected):
    assert inferred_day_first(values) is expected


def test_unparseable_dates_become_warnings_and_the_rows_still_load(tmp_path):
    lines = [
        {"text": "Jakarta - Hujan deras mengguyur ibu kota sejak pagi.", "published_at": "kemarin sore"},
        {"text": "KUALA LUMPUR: Kerajaan akan mengumumkan bajet baharu.", "published_at": "31/02/2025"},
        {"text": "LONDON - Ministers met on Tuesday.", "published_at": "soon"},
        {"text": "Jakarta - Harga cabai naik.", "published_at": "2025-10-21T20:43:00+07:00"},
        {"text": "Bandung - Banjir surut.", "published_at": 1761054180},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    content = _content(path, ReadOptions())
    assert content.documents.height == 5 and content.rejects.height == 0
    warnings = content.warnings.sort("record")
    assert warnings["record"].to_list() == ["line 1", "line 2", "line 3"]
    assert set(warnings["field"]) == {"published_at"}
    assert warnings["value"].to_list() == ["kemarin sore", "31/02/2025", "soon"]
    dates = dict(zip(content.documents["raw_text"], content.documents["metadata_published_date"]))
    assert dates["Jakarta - Harga cabai naik."] == date(2025, 10, 21)  # as written, in its own zone
    assert dates["Bandung - Banjir surut."] == date(2025, 10, 21)      # epoch seconds


def test_date_format_overrides_inference_and_misses_are_warnings(tmp_path):
    rows = [["Jakarta - Satu.", "21 Oct 2025, 20:43"], ["Jakarta - Dua.", "2025-10-21"]]
    path = _write_csv(tmp_path / "d.csv", ["text", "published_at"], rows)
    content = _content(path, ReadOptions(date_format="%d %b %Y, %H:%M"))
    assert content.documents["metadata_published_date"].to_list() == [date(2025, 10, 21), date(2025, 10, 21)]
    assert content.warnings.height == 0  # ISO dates still read when the format does not match


def test_mojibake_in_a_detik_row_is_repaired_and_reported_not_rejected():
    # UTF-8 Arabic (QS Al-Baqarah 282) decoded as Latin-1 by the exporter, as in a real Detik row.
    arabic = "يَٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوٓا۟"
    broken = "Hal itu dijelaskan Allah SWT dalam surat Al-Baqarah ayat 282,\n" + arabic.encode("utf-8").decode("latin-1")
    record = input_record({"isi_berita": broken}, "row 72", ReadOptions(columns={"text": "isi_berita"}))
    assert record.text.endswith(arabic)
    assert [issue.field for issue in record.issues] == ["text"]
    assert mojibake_repaired("Harga naik 5 persen.") == ("Harga naik 5 persen.", None)


@pytest.mark.skipif(not (NEWS / "detik.csv").exists(), reason="../shared/data/news/detik.csv is not beside the project")
def test_real_detik_dates_are_read_month_first_without_a_format():
    path = NEWS / "detik.csv"
    assert inferred_day_first(file_date_values(str(path), "csv", ReadOptions(columns=DETIK_COLUMNS))) is False
    content = _content(path, ReadOptions(columns=DETIK_COLUMNS))
    with path.open(encoding="utf-8", newline="") as handle:
        written = {row["tautan"]: row["tanggal"] for row in csv.DictReader(handle)}
    docs = content.documents
    same = sum(
        1 for url, day in zip(docs["url"], docs["metadata_published_date"])
        if day is not None and f"{day.month}/{day.day}/{day.year}" == written[url].split()[0]
    )
    assert same >= 0.99 * docs.height and docs.height >= 0.99 * len(written)


@pytest.mark.slow
def test_the_cli_maps_columns_and_stores_input_warnings(prefect_harness, tmp_path):
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _write_csv(inbox / "detik.csv", DETIK_HEADER, DETIK_ROWS)
    (inbox / "bad_dates.jsonl").write_text("".join(
        json.dumps({"text": f"Jakarta - Berita nomor {n} tentang banjir.", "published_at": bad}) + "\n"
        for n, bad in enumerate(["kemarin", "31/02/2025", "soon"])
    ), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["run", str(inbox), "--db", str(db), "--runner", "threads"]
    for field, column in DETIK_COLUMNS.items():
        args += ["--column", f"{field}={column}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 5
        assert con.execute("SELECT count(*), count(DISTINCT record) FROM raw.input_warnings").fetchone() == (3, 3)
        titles = {r[0] for r in con.execute("SELECT title FROM raw.documents WHERE title IS NOT NULL").fetchall()}
        assert titles == {"Prabowo Apresiasi Kinerja Pemerintah Jaga Inflasi", "KPK Periksa Saksi"}
    finally:
        con.close()
    bad = CliRunner().invoke(app, ["run", str(inbox), "--db", str(db), "--column", "body=isi_berita"])
    assert bad.exit_code == 2 and "unknown field 'body'" in bad.output
