"""Finding and reading inputs (flows.discovery, flows.reading), in process and without Prefect.

Every odd file must end as documents or as rejects with a reason; nothing may
raise, hang, or hold a file larger than the size limit in memory.
"""

from __future__ import annotations

import codecs
import json
import os
import tracemalloc
from pathlib import Path

import polars as pl
import pytest

from newsetl.flows import reading
from newsetl.flows.discovery import InputSlice, discovered_inputs, sniffed_encoding
from newsetl.flows.reading import slice_content

MIB = 1024 * 1024

LEAD = (
    "Bisnis.com, JAKARTA - Pertempuran sengit antara pasukan Armenia dan Azerbaijan terus "
    "berlangsung di wilayah Nagorno-Karabakh pada Selasa (29/9/2020). Kementerian Pertahanan "
    "Armenia menyebutkan sedikitnya 15 tentara tewas dalam serangan terbaru."
)
SECOND = (
    "Presiden Rusia Vladimir Putin menyerukan gencatan senjata segera. \u201cKami siap menjadi "
    "penengah,\u201d kata juru bicara Kremlin Dmitry Peskov kepada wartawan di Moskwa."
)
ARTICLE = f"{LEAD}\n\n{SECOND}\n"


def read_all(paths, *, max_bytes: int = 20 * MIB, batch_size: int = 200, slice_bytes: int = 4 * MIB):
    """Return (documents frame, reject dicts, slices) for ``paths``, as the flow would read them."""
    discovery = discovered_inputs([str(p) for p in paths], max_bytes=max_bytes, batch_size=batch_size,
                                  slice_bytes=slice_bytes)
    contents = [slice_content(piece, max_bytes) for piece in discovery.slices]
    documents = pl.concat([c.documents for c in contents]) if contents else pl.DataFrame(schema=reading.DOCUMENT_SCHEMA)
    rejects = list(discovery.rejects) + [r for c in contents for r in c.rejects.to_dicts()]
    return documents, rejects, discovery.slices


def reasons(rejects) -> dict[str, str]:
    """Return {last path segment of the source URI (with #fragment): reason}."""
    return {r["source_uri"].rsplit("/", 1)[-1]: r["reason"] for r in rejects}


# --- encodings and text forms -------------------------------------------------------

@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_txt_files_decode_to_the_same_text_in_every_common_encoding(tmp_path, data, encoding):
    (tmp_path / "a.txt").write_bytes(data)
    documents, rejects, _ = read_all([tmp_path])
    assert rejects == []
    assert documents["raw_text"].to_list() == [ARTICLE]
    assert documents["encoding"].to_list() == [encoding]
    assert documents["byte_length"].to_list() == [len(data)]


def test_cp1252_accents_come_out_intact(tmp_path):
    text = "Sebuah caf\u00e9 di Menteng menjadi tempat pertemuan para diplomat, kata Fran\u00e7ois kepada wartawan.\n"
    (tmp_path / "cafe.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes(("Menteri bertemu di Gen\u00e8ve. " * 3).encode("latin-1"))
    documents, rejects, _ = read_all([tmp_path])
    assert rejects == []
    texts = sorted(documents["raw_text"].to_list())
    assert "Gen\u00e8ve" in texts[0]
    assert "caf\u00e9" in texts[1] and "Fran\u00e7ois" in texts[1]


def test_mixed_line_endings_become_newlines(tmp_path):
    (tmp_path / "mixed.txt").write_bytes(b"Baris satu.\r\nBaris dua.\rBaris tiga.\nBaris empat.\r\n")
    documents, rejects, _ = read_all([tmp_path])
    assert rejects == []
    assert documents["raw_text"].to_list() == ["Baris satu.\nBaris dua.\nBaris tiga.\nBaris empat.\n"]


@pytest.mark.parametrize(
    "text",
    [
        "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0628\u0627\u0633\u0645 \u0648\u0632\u0627\u0631\u0629 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0633\u062a\u0633\u062a\u0645\u0631.",
        "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440\u0430\u043d\u043d\u044b\u0445 \u0434\u0435\u043b \u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432 \u0437\u0430\u044f\u0432\u0438\u043b \u043e \u043f\u0435\u0440\u0435\u043c\u0438\u0440\u0438\u0438.",
        "Gencatan senjata disepakati \U0001F54A\uFE0F\U0001F1E6\U0001F1F2 \U0001F44D\U0001F3FD, warga bersorak \U0001F389.",
        "e\u0301 decomposed accents become NFC: caf\u0065\u0301",
    ],
    ids=["arabic", "cyrillic", "emoji", "nfd"],
)
def test_text_in_any_script_loads(tmp_path, text):
    (tmp_path / "script.txt").write_text(text, encoding="utf-8")
    documents, rejects, _ = read_all([tmp_path])
    assert rejects == []
    import unicodedata

    assert documents["raw_text"].to_list() == [unicodedata.normalize("NFC", text)]


def test_an_extremely_long_line_loads_as_one_document(tmp_path):
    line = " ".join(["Pertempuran berlanjut di Stepanakert pada Selasa."] * 40_000)  # ~2 MB, no newline
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    documents, rejects, _ = read_all([tmp_path])
    assert rejects == []
    assert documents["raw_text"].to_list() == [line]


# --- plainly bad files --------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n \n", "empty"),
        ("bom-only.txt", codecs.BOM_UTF8 + b"\n", "empty"),
        ("zero-width.txt", "\u200b\u200c\n\u2060 \u200d\n".encode("utf-8"), "empty"),
        ("zero-width.jsonl", json.dumps({"text": "\u200b \u200b\n\u2060"}).encode() + b"\n", "empty"),
        ("random.txt", bytes(range(256)) * 16 + os.urandom(4096), "binary"),
        ("nul.txt", b"Pertempuran\x00\x00\x00 berlanjut\x00" * 50, "binary"),
        ("elf.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(1000), "binary"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "unsupported_extension"),
        ("noext", ARTICLE.encode(), "unsupported_extension"),
        ("empty.jsonl", b"", "empty"),
        ("blank.jsonl", b"\n  \n\n", "empty"),
        ("empty.csv", b"", "empty"),
        ("header-only.csv", b"text,title\n", "empty"),
        ("no-text-column.csv", b"title,body\nPerang,Pertempuran berlanjut\n", "missing_text_column"),
    ],
)
def test_bad_files_become_rejects_with_a_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    documents, rejects, _ = read_all([tmp_path])
    assert documents.height == 0
    assert [r["reason"] for r in rejects] == [reason], rejects
    assert all(r["detail"] for r in rejects)


def test_jsonl_good_lines_load_and_each_bad_line_is_a_reject(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "title": "Pertempuran berlanjut", "published_at": "2020-09-29"}),
        '{"id": "a2", "text": "unterminated',
        json.dumps({"id": "a3", "title": "no text here"}),
        json.dumps({"id": "a4", "text": 12345}),
        json.dumps({"id": "a5", "text": ["Pertempuran", "berlanjut"]}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a6", "text": "   "}),
        json.dumps({"id": "a7", "text": "\u0000\u0001\u0002\u0003 binary in a string \u0004\u0005\u0006\u0007\u0008"}),
        "[" * 100_000,
        json.dumps({"id": "a8", "text": SECOND, "published_at": "not a date", "title": 7}),
    ]
    (tmp_path / "mix.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, rejects, _ = read_all([tmp_path])
    assert documents["external_id"].to_list() == ["a1", "a8"]
    assert documents["title"].to_list() == ["Pertempuran berlanjut", None]
    assert reasons(rejects) == {
        "mix.jsonl#line=2": "malformed_json",
        "mix.jsonl#line=3": "missing_text",
        "mix.jsonl#line=4": "text_not_string",
        "mix.jsonl#line=5": "text_not_string",
        "mix.jsonl#line=7": "malformed_json",
        "mix.jsonl#line=8": "empty",
        "mix.jsonl#line=9": "binary",
        "mix.jsonl#line=10": "malformed_json",
    }
    assert documents["source_uri"].to_list()[0].endswith("mix.jsonl#line=1")


def test_jsonl_cut_into_many_slices_reads_every_line_once_with_its_line_number(tmp_path):
    records = [{"id": f"n{i}", "text": f"{LEAD} Berita nomor {i}."} for i in range(300)]
    body = "\n".join(json.dumps(r) if i % 37 else "{broken" for i, r in enumerate(records)) + "\n"
    (tmp_path / "many.jsonl").write_text(body, encoding="utf-8")
    documents, rejects, slices = read_all([tmp_path], slice_bytes=4000)
    assert len(slices) > 10
    expected_bad = [i for i in range(300) if i % 37 == 0]
    assert sorted(int(r["source_uri"].rsplit("=", 1)[1]) for r in rejects) == [i + 1 for i in expected_bad]
    assert documents.height == 300 - len(expected_bad)
    for uri, external_id in zip(documents["source_uri"], documents["external_id"]):
        assert int(uri.rsplit("=", 1)[1]) == int(external_id[1:]) + 1


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, b""], ids=["bom", "no-bom"])
def test_utf16_jsonl_is_read_once_even_when_large(tmp_path, bom):
    records = [{"id": f"u{i}", "text": f"{LEAD} Caf\u00e9 nomor {i}."} for i in range(120)]
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    (tmp_path / "wide.jsonl").write_bytes(bom + text.encode("utf-16-le"))
    documents, rejects, slices = read_all([tmp_path], slice_bytes=4000)
    assert rejects == []
    assert len(slices) == 1
    assert documents["external_id"].to_list() == [f"u{i}" for i in range(120)]
    assert "Caf\u00e9 nomor 7." in documents["raw_text"][7]


def test_csv_cut_into_slices_keeps_rows_with_big_quoted_fields(tmp_path):
    # A text field over the csv module's default 128 KiB field limit, with quoted newlines.
    big = (LEAD + "\n") * 1200
    rows = [("c0", big), *[(f"c{i}", f"{SECOND}\nBaris {i}, dengan koma.") for i in range(1, 200)]]
    import csv

    with (tmp_path / "news.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows(rows)
        handle.write('c200,"ragged",extra\n')
    documents, rejects, slices = read_all([tmp_path], slice_bytes=8000)
    assert len(slices) > 3
    assert documents["external_id"].to_list() == [r[0] for r in rows]
    assert documents["raw_text"][0] == big
    assert [r["reason"] for r in rejects] == ["malformed_csv"]


# --- size limits: rejected without reading the file whole ----------------------------

@pytest.mark.parametrize("name", ["huge.txt", "huge.jsonl", "huge.csv"])
def test_a_64_mib_sparse_file_is_rejected_as_too_large_within_bounded_memory(tmp_path, name):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(64 * MIB)  # sparse: no disk, all NUL bytes, no newline
    tracemalloc.start()
    try:
        documents, rejects, _ = read_all([tmp_path], max_bytes=1 * MIB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents.height == 0
    assert [r["reason"] for r in rejects] == ["too_large"], rejects
    assert peak < 8 * MIB, f"peak {peak / MIB:.1f} MiB while rejecting a 64 MiB file"


def test_an_over_limit_jsonl_line_is_skipped_and_the_next_line_loads(tmp_path):
    huge = json.dumps({"text": "x" * (2 * MIB)})
    (tmp_path / "lines.jsonl").write_text(f"{huge}\n{json.dumps({'text': ARTICLE})}\n", encoding="utf-8")
    documents, rejects, _ = read_all([tmp_path], max_bytes=1 * MIB)
    assert documents["raw_text"].to_list() == [ARTICLE]
    assert reasons(rejects) == {"lines.jsonl#line=1": "too_large"}


def test_a_txt_file_that_grew_after_discovery_is_not_read_past_the_limit(tmp_path):
    path = tmp_path / "growing.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    discovery = discovered_inputs([str(tmp_path)], max_bytes=1 * MIB, batch_size=10)
    path.write_bytes(b"a" * (2 * MIB))
    content = slice_content(discovery.slices[0], 1 * MIB)
    assert content.documents.height == 0
    assert content.rejects["reason"].to_list() == ["too_large"]


# --- names, links, permissions ------------------------------------------------------

def test_file_names_with_spaces_non_ascii_and_undecodable_bytes(tmp_path):
    names = ["berita gencatan senjata.txt", "Stepanakert \u2013 pengungsi \u00dcnal.txt", "\u65b0\u95fb.txt"]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(f"{LEAD} Nomor {i}.", encoding="utf-8")
    raw_dir = os.fsencode(tmp_path)
    with open(raw_dir + b"/bad-\xff-name.txt", "wb") as handle:  # not valid UTF-8
        handle.write(f"{LEAD} Nama berkas rusak.".encode())
    with open(raw_dir + b"/bad-\xfe.pdf", "wb") as handle:
        handle.write(b"%PDF")
    documents, rejects, slices = read_all([tmp_path])
    assert documents.height == 4
    uris = documents["source_uri"].to_list()
    assert all(uri.isascii() and " " not in uri for uri in uris)  # percent-encoded
    assert any(uri.endswith("bad-%FF-name.txt") for uri in uris)
    assert [r["reason"] for r in rejects] == ["unsupported_extension"]
    # Nothing Arrow, DuckDB or Prefect's API would refuse (lone surrogates).
    for piece in slices:
        piece.label.encode("utf-8")
    pl.DataFrame(rejects).to_arrow()


def test_symlinks_are_followed_only_inside_the_roots_and_loops_end(tmp_path):
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    outside = tmp_path / "secret.txt"
    outside.write_text("rahasia: jangan dibaca", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "alias.txt").symlink_to(root / "sub" / "a.txt")  # inside: read once
    (root / "leak.txt").symlink_to(outside)
    (root / "leakdir").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # directory loop
    (root / "self.txt").symlink_to(root / "self.txt")  # file loop
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    documents, rejects, _ = read_all([root])
    assert documents["raw_text"].to_list() == [ARTICLE]
    assert reasons(rejects) == {
        "leak.txt": "outside_root",
        "leakdir": "outside_root",
        "up": "not_a_file",
        "self.txt": "not_a_file",
        "dangling.txt": "not_a_file",
    }
    assert "rahasia" not in str(rejects)


def test_a_fifo_is_rejected_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    documents, rejects, _ = read_all([tmp_path])
    assert documents.height == 0
    assert reasons(rejects) == {"pipe.txt": "not_a_file"}


def test_missing_input_path_is_a_reject(tmp_path):
    documents, rejects, _ = read_all([tmp_path / "nope"])
    assert documents.height == 0
    assert [r["reason"] for r in rejects] == ["not_a_file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 000 files stay readable, so the real "
                    "permission check cannot be exercised; test_unreadable_file_simulated covers the reading layer")
def test_unreadable_file_real_permissions(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        documents, rejects, _ = read_all([tmp_path])
    finally:
        path.chmod(0o644)
    assert documents.height == 0
    assert reasons(rejects) == {"locked.txt": "unreadable"}


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl", "locked.csv"])
def test_unreadable_file_simulated(tmp_path, monkeypatch, name):
    """Root can read chmod-000 files, so a PermissionError is injected where the file is opened."""
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / name
    locked.write_text("text\n" + json.dumps({"text": SECOND}) + "\n", encoding="utf-8")
    discovery = discovered_inputs([str(tmp_path)], max_bytes=MIB, batch_size=10)
    real_open = Path.open

    def guarded_open(self, *args, **kwargs):
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    contents = [slice_content(piece, MIB) for piece in discovery.slices]
    documents = pl.concat([c.documents for c in contents])
    rejects = [r for c in contents for r in c.rejects.to_dicts()]
    assert documents["raw_text"].to_list() == [ARTICLE]
    assert reasons(rejects) == {name: "unreadable"}
    assert "Permission denied" in rejects[0]["detail"]


def test_a_file_deleted_between_discovery_and_reading_is_a_reject(tmp_path):
    for name in ("gone.txt", "gone.jsonl", "gone.csv"):
        (tmp_path / name).write_text("text\n" + json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    discovery = discovered_inputs([str(tmp_path)], max_bytes=MIB, batch_size=10)
    for name in ("gone.txt", "gone.jsonl", "gone.csv"):
        (tmp_path / name).unlink()
    rejects = [r for piece in discovery.slices for r in slice_content(piece, MIB).rejects.to_dicts()]
    assert sorted(r["reason"] for r in rejects) == ["unreadable"] * 3


def test_sniffed_encoding_of_record_files(tmp_path):
    cases = {
        "u8.jsonl": b'{"text": "caf\xc3\xa9"}\n',
        "bom.jsonl": codecs.BOM_UTF8 + b'{"text": "x"}\n',
        "u16.jsonl": codecs.BOM_UTF16_LE + '{"text": "x"}\n'.encode("utf-16-le"),
        "u16nobom.jsonl": '{"text": "x"}\n'.encode("utf-16-le"),
        "u32.jsonl": codecs.BOM_UTF32_LE + '{"text": "x"}\n'.encode("utf-32-le"),
    }
    expected = {"u8.jsonl": "utf-8", "bom.jsonl": "utf-8-sig", "u16.jsonl": "utf-16",
                "u16nobom.jsonl": "utf-16-le", "u32.jsonl": "utf-32"}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert sniffed_encoding(tmp_path / name) == expected[name]
    documents, rejects, _ = read_all([tmp_path])
    assert rejects == []
    assert sorted(documents["raw_text"].to_list()) == ["caf\u00e9", "x", "x", "x", "x"]


def test_slice_label_is_printable():
    piece = InputSlice("txt", ("/tmp/b\udcffad.txt",))
    assert piece.label.encode("utf-8")
