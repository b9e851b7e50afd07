"""A corpus of bad inputs, built by the tests: every case is a reject with a reason or a correct document.

``acceptance_folder`` is the issue's acceptance case: all the bad inputs plus
exactly four good documents (a cp1252 file, a UTF-16 file, a file with a
non-ASCII name, one good JSONL line) in ONE folder. Inputs that look odd but
are real articles (UTF-8 with BOM, mixed line endings, a very long line, Arabic,
Cyrillic, emoji) live in ``odd_but_good_folder`` and must all load.
"""

from __future__ import annotations

import codecs
import json
import os
import unicodedata
from pathlib import Path

import duckdb
import pytest

from newsetl.flows.discovery import discovered_inputs
from newsetl.flows.reading import slice_content
from tests.conftest import run_cli

MIB = 1024 * 1024

CP1252_TEXT = (
    "Bisnis.com, JAKARTA - Sebuah caf\u00e9 di kawasan Menteng, Jakarta Pusat, menjadi tempat pertemuan "
    "tertutup antara diplomat Armenia dan Azerbaijan pada Selasa (29/9/2020). Pemilik caf\u00e9 tersebut "
    "mengatakan pertemuan berlangsung sekitar dua jam dan dijaga ketat aparat keamanan.\n\n"
    "\u201cKami tidak tahu apa yang mereka bicarakan, tetapi suasananya tegang,\u201d kata seorang pelayan "
    "kepada wartawan. Kementerian Luar Negeri belum memberikan tanggapan resmi atas pertemuan itu.\n"
)
UTF16_TEXT = (
    "KOMPAS.com - Pemerintah Indonesia menyerukan agar Armenia dan Azerbaijan segera menghentikan "
    "pertempuran di wilayah Nagorno-Karabakh. Juru bicara Kementerian Luar Negeri mengatakan bahwa "
    "Indonesia sangat prihatin atas jatuhnya korban dari kalangan warga sipil.\n\n"
    "Menurut laporan kantor berita setempat, sedikitnya 23 orang tewas dan puluhan lainnya luka-luka "
    "sejak Minggu pagi. Ribuan warga terpaksa mengungsi ke kota-kota terdekat untuk menyelamatkan diri.\n"
)
NON_ASCII_NAME = "gencatan senjata \u2013 Moskwa (\u00dcnal) \u65b0\u95fb.txt"
NON_ASCII_NAME_TEXT = (
    "Liputan6.com, Moskwa - Menteri Luar Negeri Rusia Sergey Lavrov mengumumkan bahwa Armenia dan "
    "Azerbaijan telah menyepakati gencatan senjata kemanusiaan mulai Sabtu siang. Kesepakatan itu dicapai "
    "setelah perundingan selama lebih dari sepuluh jam di ibu kota Rusia.\n\n"
    "Kedua pihak akan bertukar tawanan dan jenazah korban dengan bantuan Komite Internasional Palang Merah. "
    "Namun beberapa jam kemudian, kedua negara saling menuduh telah melanggar kesepakatan tersebut.\n"
)
JSONL_GOOD = {
    "id": "ant-2020-10-03",
    "text": (
        "Yerevan (ANTARA) - Ribuan warga Stepanakert berlindung di ruang bawah tanah setelah kota itu "
        "kembali diserang pada Jumat malam. Otoritas setempat melaporkan sedikitnya tujuh warga sipil "
        "tewas dan belasan lainnya terluka akibat serangan tersebut.\n\n"
        "Pemerintah Armenia meminta masyarakat internasional untuk menekan Azerbaijan agar menghentikan "
        "serangan terhadap kawasan permukiman. Azerbaijan membantah telah menyasar warga sipil.\n"
    ),
    "title": "Warga Stepanakert berlindung di ruang bawah tanah",
    "published_at": "2020-10-03T09:30:00+07:00",
    "url": "https://www.antaranews.com/berita/1760000/warga-stepanakert-berlindung",
    "source": "antaranews.com",
}
GOOD_TEXTS = [CP1252_TEXT, UTF16_TEXT, NON_ASCII_NAME_TEXT, JSONL_GOOD["text"]]

ARABIC_TEXT = (
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0628\u0627\u0633\u0645 \u0648\u0632\u0627\u0631\u0629 "
    "\u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a "
    "\u0628\u064a\u0646 \u0623\u0631\u0645\u064a\u0646\u064a\u0627 \u0648\u0623\u0630\u0631\u0628\u064a\u062c\u0627\u0646 "
    "\u0633\u062a\u0633\u062a\u0645\u0631 \u0641\u064a \u0645\u0648\u0633\u0643\u0648 \u064a\u0648\u0645 \u0627\u0644\u0633\u0628\u062a.\n"
)
CYRILLIC_TEXT = (
    "\u041c\u041e\u0421\u041a\u0412\u0410 - \u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440\u0430\u043d\u043d\u044b\u0445 "
    "\u0434\u0435\u043b \u0420\u043e\u0441\u0441\u0438\u0438 \u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432 "
    "\u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u0410\u0440\u043c\u0435\u043d\u0438\u044f \u0438 "
    "\u0410\u0437\u0435\u0440\u0431\u0430\u0439\u0434\u0436\u0430\u043d \u0434\u043e\u0433\u043e\u0432\u043e\u0440\u0438\u043b\u0438\u0441\u044c "
    "\u043e \u043f\u0440\u0435\u043a\u0440\u0430\u0449\u0435\u043d\u0438\u0438 \u043e\u0433\u043d\u044f \u0432 \u0441\u0443\u0431\u0431\u043e\u0442\u0443.\n"
)
EMOJI_TEXT = (
    "Suara.com - Warganet menyambut kabar gencatan senjata dengan emoji \U0001F54A\uFE0F\U0001F64F\U0001F3FD "
    "dan bendera \U0001F1E6\U0001F1F2 \U0001F1E6\U0001F1FF di media sosial pada Sabtu malam. "
    "Tagar #GencatanSenjata menjadi trending di Indonesia \U0001F4C8.\n\n"
    "Namun banyak pengguna meragukan kesepakatan itu akan bertahan lama \U0001F914.\n"
)
BOM_TEXT = (
    "Tempo.co, Baku - Presiden Azerbaijan Ilham Aliyev mengatakan operasi militer akan terus berlanjut "
    "sampai pasukan Armenia ditarik dari wilayah yang diduduki. Pernyataan itu disampaikan dalam pidato "
    "yang disiarkan televisi nasional pada Minggu malam.\n"
)
MIXED_ENDINGS = (
    b"Detik.com, Jenewa - Komite Internasional Palang Merah (ICRC) mendesak kedua pihak melindungi warga sipil.\r\n"
    b"\r\n"
    b"Juru bicara ICRC mengatakan ratusan rumah rusak akibat serangan artileri di Stepanakert dan Ganja.\r"
    b"Bantuan kemanusiaan mulai dikirim pada Senin.\n"
    b"Sedikitnya 500 keluarga menerima paket makanan dan selimut.\r\n"
)
LONG_LINE_TEXT = " ".join(
    f"Pertempuran di sekitar Stepanakert berlanjut pada hari ke-{i} dan warga kembali mengungsi."
    for i in range(1, 2500)
)  # ~220 KB on one line, no newline at all


def write_sparse(path: Path, size: int) -> Path:
    """Create ``path`` as a sparse file of ``size`` NUL bytes (no disk used)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def acceptance_folder(folder: Path) -> dict[str, str]:
    """Write the acceptance corpus into ``folder``; return {URI tail of each reject: expected reason}."""
    folder.mkdir(parents=True, exist_ok=True)
    # The four good documents.
    (folder / "berita_cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "kompas_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + UTF16_TEXT.encode("utf-16-le"))
    (folder / NON_ASCII_NAME).write_text(NON_ASCII_NAME_TEXT, encoding="utf-8")
    lines = [
        json.dumps(JSONL_GOOD, ensure_ascii=False),
        '{"id": "rusak", "text": "Pertempuran berlanjut di',  # broken JSON
        json.dumps({"id": "tanpa-teks", "title": "Judul tanpa isi"}),
        json.dumps({"id": "angka", "text": 20201003}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The bad ones.
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_bytes(b" \t\n\r\n   \n")
    (folder / "random.txt").write_bytes(os.urandom(8192))
    (folder / "nul.txt").write_bytes(b"Pertempuran\x00\x00 berlanjut\x00\x00\x00" * 40)
    write_sparse(folder / "huge.txt", 64 * MIB)
    (folder / "no_text_column.csv").write_text("title,body\nPerang,Pertempuran berlanjut\n", encoding="utf-8")
    (folder / "laporan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (folder / "loop").symlink_to(".", target_is_directory=True)
    expected = {
        "empty.txt": "empty",
        "whitespace.txt": "empty",
        "random.txt": "binary",
        "nul.txt": "binary",
        "huge.txt": "too_large",
        "feed.jsonl#line=2": "malformed_json",
        "feed.jsonl#line=3": "missing_text",
        "feed.jsonl#line=4": "text_not_string",
        "no_text_column.csv": "missing_text_column",
        "laporan.pdf": "unsupported_extension",
        "loop": "not_a_file",
    }
    if os.geteuid() != 0:  # as root, chmod 000 is still readable (simulated in test_discovery_reading)
        locked = folder / "locked.txt"
        locked.write_text(NON_ASCII_NAME_TEXT + "Terkunci.\n", encoding="utf-8")
        locked.chmod(0)
        expected["locked.txt"] = "unreadable"
    return expected


def odd_but_good_folder(folder: Path) -> dict[str, str]:
    """Write inputs that look unusual but are real articles; return {file name: expected raw_text}."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "utf8 bom.txt": (codecs.BOM_UTF8 + BOM_TEXT.encode("utf-8"), BOM_TEXT),
        "mixed-line-endings.txt": (MIXED_ENDINGS, MIXED_ENDINGS.decode().replace("\r\n", "\n").replace("\r", "\n")),
        "long-line.txt": (LONG_LINE_TEXT.encode("utf-8"), LONG_LINE_TEXT),
        "arabic.txt": (ARABIC_TEXT.encode("utf-8"), ARABIC_TEXT),
        "cyrillic.txt": (CYRILLIC_TEXT.encode("utf-8"), CYRILLIC_TEXT),
        "cyrillic cp1251.txt": (CYRILLIC_TEXT.replace("\u0441\u0443\u0431\u0431\u043e\u0442\u0443", "\u043f\u044f\u0442\u043d\u0438\u0446\u0443").encode("cp1251"),
                                CYRILLIC_TEXT.replace("\u0441\u0443\u0431\u0431\u043e\u0442\u0443", "\u043f\u044f\u0442\u043d\u0438\u0446\u0443")),
        "emoji \U0001F54A.txt": (EMOJI_TEXT.encode("utf-8"), EMOJI_TEXT),
        "utf16 be.txt": (codecs.BOM_UTF16_BE + UTF16_TEXT.replace("23 orang", "24 orang").encode("utf-16-be"),
                         UTF16_TEXT.replace("23 orang", "24 orang")),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: unicodedata.normalize("NFC", text) for name, (_, text) in files.items()}


def _read_in_process(folder: Path):
    discovery = discovered_inputs([str(folder)], max_bytes=20 * MIB, batch_size=200)
    contents = [slice_content(piece, 20 * MIB) for piece in discovery.slices]
    documents = [d for c in contents for d in c.documents.to_dicts()]
    rejects = list(discovery.rejects) + [r for c in contents for r in c.rejects.to_dicts()]
    return documents, rejects


def _uri_tail(uri: str) -> str:
    from urllib.parse import unquote

    return unquote(uri.rsplit("/", 1)[-1])


def test_acceptance_folder_reads_exactly_the_four_good_documents(tmp_path):
    expected = acceptance_folder(tmp_path / "inbox")
    documents, rejects = _read_in_process(tmp_path / "inbox")
    assert sorted(d["raw_text"] for d in documents) == sorted(GOOD_TEXTS)
    assert {_uri_tail(r["source_uri"]): r["reason"] for r in rejects} == expected
    assert all(r["detail"] for r in rejects)
    assert len(rejects) == len(expected) >= 9


def test_odd_but_good_inputs_all_read_correctly(tmp_path):
    expected = odd_but_good_folder(tmp_path / "odd")
    documents, rejects = _read_in_process(tmp_path / "odd")
    assert rejects == []
    assert {_uri_tail(d["source_uri"]): d["raw_text"] for d in documents} == expected


def test_odd_but_good_inputs_analyse_with_valid_offsets(tmp_path):
    import polars as pl

    from newsetl.transforms.document_batch import analysed_batch

    expected = odd_but_good_folder(tmp_path / "odd")
    frame = pl.DataFrame({
        "document_id": list(expected), "raw_text": list(expected.values()),
        "published_date": [None] * len(expected),
    }, schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date})
    frames = analysed_batch(frame)
    texts = dict(zip(frame["document_id"], frame["raw_text"]))
    assert frames["documents"].height == len(expected)
    for table, column in [("paragraphs", "text"), ("temporal_expressions", "text"), ("entity_mentions", "text"),
                          ("quotes", "quote_text"), ("event_counts", "text"), ("source_citations", "source_name")]:
        for row in frames[table].iter_rows(named=True):
            assert texts[row["document_id"]][row["start_offset"]:row["end_offset"]] == row[column], (table, row)
    paragraphs = frames["paragraphs"].group_by("document_id").len()
    assert paragraphs.height == len(expected)


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr[-3000:]


def _ingested(folder, db, cli_env) -> duckdb.DuckDBPyConnection:
    """Run `newsetl run folder --db db`, assert it exited 0 without a traceback; return a read-only connection."""
    result = run_cli(["run", str(folder), "--db", str(db)], env=cli_env, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    _no_traceback(result)
    return duckdb.connect(str(db), read_only=True)


@pytest.mark.slow
def test_acceptance_run_loads_the_good_and_rejects_the_bad(prefect_server, tmp_path_factory):
    from tests.helpers.operations import acceptance_runs

    # The session's first `newsetl run` of the acceptance folder (test_rejects_once runs it again).
    expected, first_db, _, (first, _) = acceptance_runs(prefect_server, tmp_path_factory)
    _no_traceback(first)
    con = duckdb.connect(str(first_db), read_only=True)
    try:
        raw = con.execute("SELECT raw_text, encoding FROM raw.documents").fetchall()
        assert sorted(text for text, _ in raw) == sorted(GOOD_TEXTS)
        assert con.execute("SELECT count(*) FROM raw.documents WHERE raw_text LIKE '%caf\u00e9%'").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM marts.documents").fetchone()[0] == 4
        utf16_language = con.execute(
            "SELECT m.language FROM marts.documents AS m JOIN raw.documents AS r USING (document_id) "
            "WHERE r.encoding LIKE 'utf-16%'"
        ).fetchall()
        assert utf16_language == [("id",)]
        languages = dict(con.execute(
            "SELECT r.source_uri, m.language FROM marts.documents AS m JOIN raw.documents AS r USING (document_id)"
        ).fetchall())
        assert set(languages.values()) == {"id"}, languages
        rejects = con.execute("SELECT source_uri, reason, detail FROM raw.rejects").fetchall()
        assert {_uri_tail(uri): reason for uri, reason, _ in rejects} == expected
        assert len(rejects) == len(expected) >= 9
        assert all(detail for _, _, detail in rejects)
        run = con.execute("SELECT status, documents_loaded, documents_rejected FROM marts.pipeline_runs").fetchall()
        assert run == [("completed", 4, len(expected))]
    finally:
        con.close()


@pytest.mark.slow
def test_odd_but_good_run_loads_everything_with_valid_offsets(tmp_path, cli_env):
    expected = odd_but_good_folder(tmp_path / "odd")
    con = _ingested(tmp_path / "odd", tmp_path / "odd.duckdb", cli_env)
    try:
        stored = {_uri_tail(uri): text for uri, text in con.execute("SELECT source_uri, raw_text FROM raw.documents").fetchall()}
        assert stored == expected
        assert con.execute("SELECT count(*) FROM raw.rejects").fetchone()[0] == 0
        assert con.execute("SELECT count(DISTINCT document_id) FROM marts.paragraphs").fetchone()[0] == len(expected)
        failed = con.execute("SELECT check_name FROM marts.data_checks WHERE status = 'fail' AND severity = 'error'").fetchall()
        assert failed == []
        languages = dict(con.execute(
            "SELECT r.source_uri, m.language FROM marts.documents AS m JOIN raw.documents AS r USING (document_id)"
        ).fetchall())
        by_name = {_uri_tail(uri): language for uri, language in languages.items()}
        for name in ("utf8 bom.txt", "mixed-line-endings.txt", "long-line.txt", "utf16 be.txt"):
            assert by_name[name] == "id", by_name
    finally:
        con.close()


def test_an_english_article_ending_in_a_repeated_surname_analyses():
    """A real Reuters-style article must not stop the batch (and with it the run).

    Regression: transforms/entities/mentions.py (_propagated) once matched a two-word name form
    against a one-word remainder at the end of the text (``toks[i:i + size]`` cut short),
    built a candidate past the last token, and docresolve.py raised IndexError.
    """
    import polars as pl

    from newsetl.transforms.document_batch import analysed_batch

    text = ("SEOUL (Reuters) - South Korean ambassador Kim Lee met the visiting envoy Lee Kim in Seoul on Monday "
            "to discuss the ceasefire in Nagorno-Karabakh, officials said.\n\nThe two diplomats agreed to meet "
            "again next week in Jakarta. Reporting by Lee\n")
    frame = pl.DataFrame({"document_id": ["d_reuters"], "raw_text": [text], "published_date": [None]},
                         schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date})
    frames = analysed_batch(frame)
    assert frames["documents"]["language"].to_list() == ["en"]
    for row in frames["entity_mentions"].iter_rows(named=True):
        assert text[row["start_offset"]:row["end_offset"]] == row["text"]
