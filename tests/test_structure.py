"""Paragraphs, lead lines and boilerplate (transforms.structure)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsetl.transforms.records import DocumentStructure
from newsetl.transforms.structure import document_structure, masked_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = "Pertempuran sengit pasukan Armenia dan Azerbaijan terus berlangsung di Nagorno-Karabakh."


def seed_text(prefix: str) -> str:
    """Return the text of the seed file whose name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def assert_consistent(text: str, structure: DocumentStructure) -> None:
    """Check the invariants every structure must satisfy."""
    for number, paragraph in enumerate(structure.paragraphs, start=1):
        assert paragraph.paragraph_no == number
        assert text[paragraph.start:paragraph.end] == paragraph.text
        assert paragraph.text == paragraph.text.strip() and paragraph.text
        assert "\n" not in paragraph.text
    body = [p.text for p in structure.paragraphs if not p.is_boilerplate]
    assert structure.body_text == "\n".join(body)
    assert structure.boilerplate_lines == len(structure.paragraphs) - len(body)
    masked = masked_text(text, structure)
    assert len(masked) == len(text)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]


@pytest.mark.parametrize(
    ("seed", "outlet", "place", "section", "title_start", "boilerplate"),
    [
        ("000", "sosok.id", None, None, None, 3),
        ("001", "penapembaharu.com", "Baku", None, None, 0),
        ("002", "serambinews.com", "Yerevan", "Internasional", "2.000 Militan", 2),
        ("003", "sinarpost.com", "Moskow", None, None, 0),
        ("004", "bisnis.com", "Jakarta", None, None, 1),
    ],
)
def test_seed_structure(
    seed: str, outlet: str, place: str | None, section: str | None, title_start: str | None,
    boilerplate: int,
) -> None:
    text = seed_text(seed)
    structure = document_structure(text)
    assert (structure.outlet, structure.dateline_place, structure.section) == (outlet, place, section)
    if title_start is None:
        assert structure.title is None
    else:
        assert structure.title is not None and structure.title.startswith(title_start)
    assert structure.boilerplate_lines == boilerplate
    assert "baca juga" not in structure.body_text.casefold()
    assert "baca juga" not in masked_text(text, structure).casefold()
    assert_consistent(text, structure)


def test_seed_subheading_stays_body() -> None:
    structure = document_structure(seed_text("001"))
    (subheading,) = [p for p in structure.paragraphs if p.text == "Seruan untuk Gencatan Senjata"]
    assert not subheading.is_boilerplate


def test_seed_closing_marker_is_boilerplate() -> None:
    structure = document_structure(seed_text("000"))
    assert structure.paragraphs[-1].text == "(*)" and structure.paragraphs[-1].is_boilerplate
    assert structure.body_text.endswith("Kerusakan besar menimpa Ganja.")


@pytest.mark.parametrize(
    ("lead", "outlet", "place"),
    [
        ("Sosok.ID - Benua Biru Eropa kini tengah memanas.", "sosok.id", None),
        ("SERAMBINEWS.COM, YEREVAN - Sekitar 2.000 militan ikut membantu.", "serambinews.com", "Yerevan"),
        ("Bisnis.com, JAKARTA - Pertempuran sengit terus berlangsung.", "bisnis.com", "Jakarta"),
        ("SinarPost.com, Moskow – Rusia telah berjanji membantu.", "sinarpost.com", "Moskow"),
        ("Penapembaharu.com -Baku- Pertempuran hebat terus berlangsung.", "penapembaharu.com", "Baku"),
        ("REPUBLIKA.CO.ID, BANDA ACEH -- Hujan deras mengguyur kota.", "republika.co.id", "Banda Aceh"),
        ("TEMPO.CO, Jakarta - Presiden meminta semua pihak menahan diri.", "tempo.co", "Jakarta"),
        ("Okezone.com - JAKARTA - Presiden meminta semua pihak menahan diri.", "okezone.com", "Jakarta"),
        ("MOSCOW (Reuters) - Russia said on Monday it was ready to help Armenia.", "reuters", "Moscow"),
        ("NEW YORK (AP) — Stocks fell sharply on Wall Street on Monday.", "ap", "New York"),
        ("KABUL, Afghanistan (AP) — A bomb exploded near a mosque, officials said.", "ap", "Kabul"),
        ("Jakarta (ANTARA) - Pemerintah menyiapkan evakuasi warga negara Indonesia.", "antara", "Jakarta"),
        ("JAKARTA, KOMPAS.com - Presiden Joko Widodo meminta semua pihak menahan diri.", "kompas.com", "Jakarta"),
        ("Jakarta, CNN Indonesia -- Pemerintah menyiapkan evakuasi warga negara Indonesia.", "cnn indonesia", "Jakarta"),
        ("JAKARTA - Pemerintah menyiapkan evakuasi warga negara Indonesia dari Armenia.", None, "Jakarta"),
        ("NAGORNO-KARABAKH - Ledakan terdengar di Stepanakert pada tengah malam waktu setempat.", None, "Nagorno-Karabakh"),
    ],
    ids=["sosok", "serambinews", "bisnis", "en-dash", "tight-dashes", "co-id", "tempo",
         "outlet-dash-place", "reuters", "ap-two-words", "ap-country", "antara", "kompas",
         "cnn-indonesia", "place-only", "hyphenated-caps"],
)
def test_lead_line_outlet_and_place(lead: str, outlet: str | None, place: str | None) -> None:
    text = f"{lead}\n{BODY}\n"
    structure = document_structure(text)
    assert (structure.outlet, structure.dateline_place) == (outlet, place)
    assert (structure.section, structure.title) == (None, None)
    assert_consistent(text, structure)


@pytest.mark.parametrize(
    "text",
    [
        "VIDEO - Momen Mengerikan Saat BOM CLUSTER Armenia Hantam Kota Barda\n" + BODY,
        "Armenia - Azerbaijan Sepakat Gencatan Senjata\n" + BODY,
        "Presiden bertemu menteri pada Senin.\nArmenia - Azerbaijan kembali bertempur sejak hari Minggu lalu di wilayah itu.",
        "Pemerintah menyiapkan evakuasi warga negara Indonesia dari Armenia.\n" + BODY,
        "Menurut laporan (AFP) - korban tewas bertambah menjadi 130 orang di wilayah itu.",
        "\n".join([BODY] * 6 + ["Bisnis.com, JAKARTA - Pertempuran sengit terus berlangsung."]),
    ],
    ids=["video-label", "headline-with-dash", "dash-mid-article", "no-dateline",
         "lowercase-before-agency", "beyond-lead-window"],
)
def test_lines_that_are_not_datelines(text: str) -> None:
    structure = document_structure(text)
    assert (structure.outlet, structure.dateline_place) == (None, None)


def test_outlet_without_place_when_the_dash_is_part_of_a_sentence() -> None:
    structure = document_structure("Kompas.com - Presiden Jokowi - yang baru pulang - menyampaikan pidato.")
    assert (structure.outlet, structure.dateline_place) == ("kompas.com", None)


@pytest.mark.parametrize(
    ("head", "section", "title"),
    [
        (["Internasional", "2.000 Militan Timur Tengah Ikut Bantu Azerbaijan"], "Internasional",
         "2.000 Militan Timur Tengah Ikut Bantu Azerbaijan"),
        (["Internasional", "Militan Ikut Bantu Azerbaijan", "Sekitar 2.000 militan ikut membantu."],
         "Internasional", "Militan Ikut Bantu Azerbaijan"),
        (["Nasional"], "Nasional", None),
        (["Perang Armenia Memanas"], None, "Perang Armenia Memanas"),
        (["Ekonomi Bisnis", "Harga Minyak Naik Akibat Perang?"], "Ekonomi Bisnis", "Harga Minyak Naik Akibat Perang?"),
        (["ADVERTISEMENT", "Internasional", "Rusia Siap Bantu Armenia"], "Internasional", "Rusia Siap Bantu Armenia"),
        (["Sekitar 2.000 militan ikut membantu Azerbaijan."], None, None),
        ([], None, None),
    ],
    ids=["section-title", "section-title-summary", "section-only", "title-only",
         "question-title", "ad-before-section", "summary-only", "dateline-first"],
)
def test_section_and_title_before_the_lead_line(head: list[str], section: str | None, title: str | None) -> None:
    text = "\n".join([*head, "SERAMBINEWS.COM, YEREVAN - Sekitar 2.000 militan ikut membantu.", BODY])
    structure = document_structure(text)
    assert (structure.section, structure.title) == (section, title)
    assert structure.outlet == "serambinews.com"


def test_no_section_or_title_without_a_lead_line() -> None:
    structure = document_structure(f"Internasional\nPerang Armenia Memanas\n{BODY}")
    assert (structure.section, structure.title) == (None, None)


@pytest.mark.parametrize(
    ("line", "boilerplate"),
    [
        ("Baca Juga: Armenia Punya Bukti Jika Militer Turki Turut Campur", True),
        ("Baca juga: VIDEO - Momen Mengerikan Saat BOM CLUSTER Armenia", True),
        ("BACA JUGA: Rusia Siap Bantu Armenia", True),
        ("Baca juga : Rusia Siap Bantu Armenia", True),
        ("Baca Juga", True),
        ("Lihat juga: Video Serangan Drone di Karabakh", True),
        ("Simak juga: Daftar Negara yang Mendukung Azerbaijan", True),
        ("Baca selengkapnya: Kronologi Perang Karabakh", True),
        ("Berita Terkait: Turki Kirim Jet Tempur", True),
        ("Read more: Russia pledges help to Armenia", True),
        ("ADVERTISEMENT", True),
        ("SCROLL TO RESUME CONTENT", True),
        ("(*)", True),
        ("(*/ant)", True),
        ("***", True),
        ("- - -", True),
        ("Editor: Budi Santoso", False),
        ("Penulis: Rina Wulandari", False),
        ("Seruan untuk Gencatan Senjata", False),
        ("Baca juga buku sejarah Kaukasus untuk memahami konflik ini.", False),
        ("Lihat juga bagaimana warga Stepanakert berlindung di ruang bawah tanah.", False),
        ("Iklan kampanye itu ditayangkan di televisi nasional.", False),
        ("(ant)", False),
    ],
)
def test_boilerplate_lines(line: str, boilerplate: bool) -> None:
    text = f"{BODY}\n{line}\n{BODY}"
    paragraph = document_structure(text).paragraphs[1]
    assert paragraph.text == line
    assert paragraph.is_boilerplate is boilerplate


@pytest.mark.parametrize(
    ("last", "boilerplate"),
    [("S", True), ("Se", True), ("Dia", True), ("12", True), ("Ya.", False), ("Oke!", False),
     ("Seruan", False)],
)
def test_truncated_last_fragment(last: str, boilerplate: bool) -> None:
    structure = document_structure(f"{BODY}\n{BODY}\n{last}")
    assert structure.paragraphs[-1].is_boilerplate is boilerplate
    assert structure.paragraphs[0].is_boilerplate is False


@pytest.mark.parametrize("text", ["S", "Ya", f"S\n{BODY}"], ids=["only-line", "only-short-line", "not-last"])
def test_short_lines_that_are_not_truncated_fragments(text: str) -> None:
    assert document_structure(text).paragraphs[0].is_boilerplate is False


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("  Baris satu  \n\n\tBaris dua\n", [(2, 12), (17, 26)]),
        ("\u200bJudul\u200b\n \u00a0\n", [(1, 6)]),
        ("Satu\nDua", [(0, 4), (5, 8)]),
    ],
    ids=["whitespace", "zero-width-and-nbsp", "no-final-newline"],
)
def test_paragraph_offsets_exclude_surrounding_whitespace(text: str, spans: list[tuple[int, int]]) -> None:
    structure = document_structure(text)
    assert [(p.start, p.end) for p in structure.paragraphs] == spans
    assert_consistent(text, structure)


def test_masked_text_blanks_only_boilerplate() -> None:
    text = f"{BODY}\nBaca Juga: Rusia Siap Bantu Armenia\n{BODY}\n(*)"
    structure = document_structure(text)
    masked = masked_text(text, structure)
    assert masked == f"{BODY}\n{' ' * 35}\n{BODY}\n   "
    assert_consistent(text, structure)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "x" * 1_000_000, "مرحبا بالعالم\nهذا نص عربي طويل.", "🔥🔥🔥\nHalo 😀 dunia",
     "(" * 10_000, "- " * 50_000, "A. " * 100_000, "\u200b\n\ufeff", "Jakarta, " * 10_000,
     "a.b.c.d.e.f.g.com - " * 1000],
    ids=["empty", "space", "newlines", "huge-line", "arabic", "emoji", "parens", "dashes",
         "initials", "invisible", "commas", "domains"],
)
def test_document_structure_never_raises(text: str) -> None:
    assert_consistent(text, document_structure(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_document_structure_is_consistent_for_any_text(text: str) -> None:
    assert_consistent(text, document_structure(text))


# Real excerpts: BBC (.txt: headline, blank line, body), Utusan (Summary), Detik (isi_berita).
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped "
         "76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.\n",
         "Ad sales boost Time Warner profit"),
        ("Fatboy Slim is 'taking a break'\n\nDJ Norman Cook - aka Fatboy Slim - has said that dance "
         "music is not dead, but has admitted it is currently going through a difficult time.\n",
         "Fatboy Slim is 'taking a break'"),
        ("Kilroy names election seat target\n\nEx-BBC chat show host and East Midlands MEP Robert "
         "Kilroy-Silk has said he wants to \"change the face of British politics\".\n",
         "Kilroy names election seat target"),
        # Not headlines: a salutation, a one-word rubric, a colon dateline broken by a blank line.
        ("SAUDARA PENGARANG,\n\nDAHULU penulisan Jawi digunakan dalam pelbagai bidang termasuk "
         "kesusasteraan, agama dan perundangan.\n", None),
        ("cerpen\n\nKarya Ilya Alias\n\nANAK sungai di kawasan ini paling panjang, lebar dan dalam.\n", None),
        ("KOTA TINGGI: Agensi Penguatkuasaan Maritim Malaysia (Maritim Malaysia) Zon Maritim Tanjung "
         "Sedili menyita sebuah bot dan lori\n\ntangki membawa kira-kira 28,000 liter diesel bersubsidi.\n",
         None),
        ("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.\n\nThe firm, which is "
         "now one of the biggest investors in Google, benefited from sales.\n", None),
    ],
    ids=["bbc-business", "bbc-dash-in-lead", "bbc-hyphen-in-lead", "salutation", "rubric",
         "broken-colon-lead", "sentence-first"],
)
def test_plain_text_headline_before_a_blank_line_is_the_title(text: str, title: str | None) -> None:
    structure = document_structure(text)
    assert structure.title == title
    assert structure.dateline_place is None or title is None
    assert_consistent(text, structure)
    if title is not None:
        # The headline never feeds extractors: it is blanked like boilerplate, but stays body text.
        masked = masked_text(text, structure)
        assert masked.startswith(" " * len(title) + "\n")
        assert masked[len(title):] == text[len(title):]
        assert not structure.paragraphs[0].is_boilerplate


@pytest.mark.parametrize(
    ("lead", "outlet", "place"),
    [
        ("PETALING JAYA: Kerajaan perlu memperkenalkan dasar yang lebih tegas bagi mengawal harga "
         "barangan keperluan.", None, "Petaling Jaya"),
        ("MELAKA: Seorang bekas pengurus besar badan berkanun di bawah Kementerian Pertanian dan "
         "Industri Makanan direman enam hari bermula hari ini.", None, "Melaka"),
        ("KOTA BHARU: Malaysia mengekalkan rekod sebagai salah sebuah negara yang berjaya mengekalkan "
         "kadar harga terendah.", None, "Kota Bharu"),
        ("Al-RAYYAN, Qatar: Ketika seluruh Arab Saudi masih meraikan kejayaan menewaskan Argentina 2-1, "
         "lain pula cerita buat pemain pertahanannya.", None, "Al-Rayyan"),
        ("KUALA LUMPUR 3 Mac: Kerajaan akan membentangkan Belanjawan 2023 pada bulan depan, kata "
         "Perdana Menteri.", None, "Kuala Lumpur"),
        ("Jakarta- Komedian Bedu mengajukan cerai talak kepada istrinya, Irma Kartika Anggraini.",
         None, "Jakarta"),
        ("Palu, (Antara) - Gempa bermagnitudo 5,2 mengguncang Sulawesi Tengah pada Senin pagi.",
         "antara", "Palu"),
        ("PALU - Gempa bermagnitudo 5,2 mengguncang Sulawesi Tengah pada Senin pagi waktu setempat.",
         None, "Palu"),
        # Hyphenated ordinary words and names are never places.
        ("Baru-baru ini, Badan Pusat Statistik (BPS) merilis angka kemiskinan Indonesia sebesar 8,57% "
         "atau 24,06 juta jiwa.", None, None),
        ("Shin Tae-yong menyampaikan ketertarikannya untuk kembali melatih Timnas Indonesia.", None, None),
        ("Jakarta-Ciwidey bisa ditempuh dengan kereta lebih dulu menuju Bandung, lalu angkot.", None, None),
        ("Mark Lewis-Francis says his Olympic success has made him determined to bag World "
         "Championship 100m gold.", None, None),
        ("Anglo-Dutch consumer goods giant Unilever is to merge its two management boards.", None, None),
        ("The World Anti-Doping Agency (Wada) will appeal against the acquittal of Kostas Kenteris.",
         None, None),
        ("DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead, but has admitted "
         "it is currently going through a difficult time.", None, None),
        # A label or an acronym in capitals is not a town.
        ("KPK - Komisi Pemberantasan Korupsi menetapkan tersangka baru dalam kasus suap itu.", None, None),
        ("NOTA: Artikel ini adalah pandangan peribadi penulis dan tidak mewakili pendirian akhbar.",
         None, None),
    ],
    ids=["petaling-jaya", "melaka", "kota-bharu", "al-rayyan-country", "colon-after-date", "detik-tight-dash",
         "antara-after-comma", "unknown-town-in-capitals", "baru-baru", "shin-tae-yong",
         "jakarta-ciwidey", "lewis-francis", "anglo-dutch", "anti-doping", "name-dash-aside",
         "acronym", "label-colon"],
)
def test_real_datelines(lead: str, outlet: str | None, place: str | None) -> None:
    text = f"{lead}\n\n{BODY}\n"
    structure = document_structure(text)
    assert (structure.outlet, structure.dateline_place) == (outlet, place)
    assert structure.title is None


def test_colon_dateline_only_at_the_start_of_the_body() -> None:
    text = f"{BODY}\nKUALA LUMPUR: Kerajaan akan membentangkan Belanjawan 2023 pada bulan depan.\n"
    assert document_structure(text).dateline_place is None


@pytest.mark.parametrize(
    "line",
    [
        'Tonton juga video "Prabowo Puji Jokowi di Sidang Kabinet 1 Tahun Pemerintahan" di sini:',
        'Tonton juga "Bank Indonesia Umumkan BI-Rate Tetap 5,75%" di sini:',
        "Simak Video 'Purbaya Janji Bakal Perbaiki Kebijakan Fiskal-Moneter':",
        "Simak juga Video 'KPK Buka Lowongan 6 Jabatan Pimpinan Tinggi'",
        "Simak juga Video: MK Putuskan Pemilu Nasional dan Daerah Dipisah",
        "Lihat juga Video Inflasi Sumut Tertinggi Se-Indonesia, Kemendagri Sentil Pemda",
        "Lihat juga Video: Merunut Logika Menteri Purbaya",
        "Saksikan LiveDetikpagi:",
        "Saksikan Live DetikPagi :",
        "SCROLL TO CONTINUE WITH CONTENT",
        "ADVERTISEMENT",
    ],
)
def test_detik_promo_lines_are_boilerplate(line: str) -> None:
    text = f"{BODY}\n{line}\n{BODY}"
    structure = document_structure(text)
    assert structure.paragraphs[1].text == line and structure.paragraphs[1].is_boilerplate
    assert line not in structure.body_text


NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
PROMO = ("baca juga", "tonton juga", "lihat juga", "simak video", "saksikan live",
         "scroll to continue", "advertisement")


@pytest.mark.skipif(not NEWS.is_dir(), reason="needs ../shared/data/news")
def test_no_promo_line_left_in_real_bodies() -> None:
    import csv

    csv.field_size_limit(1 << 30)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in NEWS.glob("bbc/*/*.txt")]
    for name, column in (("detik.csv", "isi_berita"), ("utusan.csv", "Summary")):
        with (NEWS / name).open(encoding="utf-8", newline="") as handle:
            texts += [row[column] for row in csv.DictReader(handle)]
    left = [p.text for t in texts for p in document_structure(t).paragraphs
            if not p.is_boilerplate and p.text.casefold().startswith(PROMO)]
    assert left == []
