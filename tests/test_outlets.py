"""The outlet of a document: URL's registered domain, else the source field, else the lead line."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import polars as pl
import pytest

from newsetl.transforms.document_batch import analysed_batch
from newsetl.transforms.outlets import document_outlet, named_outlet, url_outlet
from newsetl.warehouse.schema import applied_schema, ddl_scripts

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


@pytest.mark.parametrize(("url", "outlet"), [
    # detik.csv `tautan`: every section lives on a subdomain or under www.
    ("https://news.detik.com/berita/d-8171947/presiden-banggakan-inflasi-2-ini-cara-kemendagri-jaga-stabilitas-harga", "detik.com"),
    ("https://www.detik.com/sumut/berita/d-8170307/gubernur-abdul-wahid-luncurkan-mobil-topling-inovasi-kendalikan-inflasi-di-riau", "detik.com"),
    ("https://finance.detik.com/energi/d-8094015/50-tahun-ascope-pertamina-perkuat-kolaborasi-energi-di-asia-tenggara", "detik.com"),
    ("https://hot.detik.com/celeb/d-8127669/jarwo-kwat-investasi-kontrakan-50-pintu", "detik.com"),
    # utusan.csv `Source_URL`: a second-level public suffix (com.my).
    ("https://www.utusan.com.my/nasional/mahkamah/2023/03/rasuah-bekas-pengurus-besar-badan-berkanun-direman-enam-hari/", "utusan.com.my"),
    ("https://www.utusan.com.my/luar-negara/2023/08/wanita-borong-snek-kacang-dalam-pesawat-elak-alahan-serius/", "utusan.com.my"),
    # Written without a scheme, in capitals, with a port or credentials.
    ("www.detik.com/edu/detikpedia/d-8167178/setahun-pemerintahan-prabowo-gibran", "detik.com"),
    ("HTTPS://WWW.UTUSAN.COM.MY/terkini/2021/09/rayer-diarah-keluar-dewan-gantung-dua-hari/", "utusan.com.my"),
    ("https://www.bbc.co.uk:443/news/world-asia-54321", "bbc.co.uk"),
    # No outlet: an IP, a single label, a bare public suffix, an unknown TLD, not a web URL, not a URL.
    ("http://127.0.0.1/berita/1", None),
    ("http://[::1]:8080/", None),
    ("http://localhost:8000/news", None),
    ("https://co.uk/", None),
    ("https://news.example.invalidtld/", None),
    ("mailto:redaksi@detik.com", None),
    ("ftp://ftp.detik.com/arsip", None),
    ("not a url", None),
    ("http://[broken/", None),
    ("", None),
    (None, None),
])
def test_url_outlet_is_the_registered_domain(url, outlet):
    assert url_outlet(url) == outlet


@pytest.mark.parametrize(("source", "outlet"), [
    ("Utusan Malaysia", "utusan.com.my"),  # utusan.csv `News_Source`
    ("detikNews", "detik.com"),
    ("Detik", "detik.com"),
    ("BBC News", "bbc.co.uk"),
    ("  bbc   news ", "bbc.co.uk"),
    ("CNN Indonesia", "cnnindonesia.com"),
    ("Berita Harian", "bharian.com.my"),
    ("Harian Metro", "hmetro.com.my"),
    ("The Star", "thestar.com.my"),
    ("Antara", "antaranews.com"),
    ("Reuters", "reuters.com"),
    ("news.detik.com", "detik.com"),  # already a domain: reduced to the registered one
    ("https://www.utusan.com.my/", "utusan.com.my"),
    ("Harian Rakyat Antah Berantah", None),
    ("", None),
    (None, None),
])
def test_source_names_map_to_a_domain(source, outlet):
    assert named_outlet(source) == outlet


@pytest.mark.parametrize(("url", "source", "text_outlet", "expected"), [
    # The URL wins even when the source names another outlet (it is where the page lives).
    ("https://news.detik.com/berita/d-8158552/mendagri-imbau-pemda", "Antara", "antara", ("detik.com", "url")),
    # Unusable URL: the source field, then the lead line.
    ("http://127.0.0.1/x", "Utusan Malaysia", None, ("utusan.com.my", "source")),
    ("not a url", "Berita Tidak Dikenal", "kompas.com", ("kompas.com", "text")),
    # Lead-line names are mapped when known, domains reduced, others kept as found.
    (None, None, "reuters", ("reuters.com", "text")),
    (None, None, "REPUBLIKA.CO.ID", ("republika.co.id", "text")),
    (None, None, "Harian Lokal", ("harian lokal", "text")),
    ("", "", "", (None, None)),
    (None, None, None, (None, None)),
])
def test_document_outlet_prefers_url_then_source_then_text(url, source, text_outlet, expected):
    assert document_outlet(url, source, text_outlet) == expected


def test_the_batch_takes_the_outlet_from_url_and_source_before_the_lead_line():
    lead = "Bisnis.com, JAKARTA - Harga cabai naik lagi di pasar induk pada Senin pagi.\n"
    frame = pl.DataFrame({
        "document_id": ["d_url", "d_source", "d_text"],
        "raw_text": [lead, lead, lead],
        "published_date": [None, None, None],
        "url": ["https://finance.detik.com/berita-ekonomi-bisnis/d-8169742/prabowo-klaim", None, None],
        "source": [None, "Utusan Malaysia", None],
    }, schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date,
               "url": pl.String, "source": pl.String})
    documents = analysed_batch(frame)["documents"].sort("document_id")
    assert documents.select("document_id", "outlet", "outlet_source").rows() == [
        ("d_source", "utusan.com.my", "source"),
        ("d_text", "bisnis.com", "text"),
        ("d_url", "detik.com", "url"),
    ]


def test_a_warehouse_from_before_outlet_source_gains_the_column():
    con = duckdb.connect(":memory:")
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE TABLE staging.documents (document_id VARCHAR NOT NULL, outlet VARCHAR, language VARCHAR NOT NULL)")
    con.execute("INSERT INTO staging.documents VALUES ('d1', 'bisnis.com', 'id')")
    # Run only the staging.documents script: the cut-down old table lacks what the marts view reads.
    con.execute(dict(ddl_scripts())["staging.documents"])
    assert con.execute("SELECT document_id, outlet, outlet_source FROM staging.documents").fetchall() == [
        ("d1", "bisnis.com", None)
    ]


def test_fresh_schema_exposes_outlet_source_in_the_mart():
    con = duckdb.connect(":memory:")
    applied_schema(con)
    columns = [row[0] for row in con.execute("DESCRIBE marts.documents").fetchall()]
    assert columns[columns.index("outlet") + 1] == "outlet_source"


def _rows(name: str) -> list[dict]:
    path = NEWS / name
    if not path.exists():
        pytest.skip(f"shared news data not found at {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("file", "url_field", "source_field", "outlet"), [
    ("detik.csv", "tautan", None, "detik.com"),
    ("utusan.csv", "Source_URL", "News_Source", "utusan.com.my"),
])
def test_real_csv_rows_get_their_outlet(file, url_field, source_field, outlet):
    rows = _rows(file)
    found = [document_outlet(r[url_field], r.get(source_field) if source_field else None, None)[0] for r in rows]
    assert sum(f == outlet for f in found) / len(rows) >= 0.98


def test_reprocessing_reads_url_and_source_back_from_raw_documents():
    from newsetl.warehouse.loading import stored_documents

    con = duckdb.connect(":memory:")
    applied_schema(con)
    con.execute(
        "INSERT INTO raw.documents (document_id, source_uri, raw_text, url, source, ingested_at, run_id) VALUES "
        "('d1', 'file:///utusan.csv#row=2', 'Teks.', 'https://www.utusan.com.my/nasional/2023/05/x/', "
        "'Utusan Malaysia', now(), 'r1')"
    )
    [row] = stored_documents(con, ["d1"]).to_dicts()
    assert document_outlet(row["url"], row["source"], None) == ("utusan.com.my", "url")
