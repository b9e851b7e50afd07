"""Issue 16: ``Long Name (ACR)`` gives an ORG for the short form, organisations keep the places in
their names, and company names closed by an organisation head are ORG, not dropped persons."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _orgs(text, language="id"):
    return [m.text for m in entity_mentions(text, language) if m.entity_type == "ORG"]


# Sentences from ../shared/data/news/detik.csv.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jumlah tersebut terdiri dari Lembaga Pengelola Dana Pendidikan (LPDP) Rp 3,93 triliun, Badan Layanan "
         "Umum Badan Pengelola Dana Perkebunan.", ["Lembaga Pengelola Dana Pendidikan", "LPDP"]),
        ("ungkap Amran dalam acara Himpunan Pengusaha Muda Indonesia (HIPMI) Berdikari Bersama Danantara "
         "Indonesia.", ["Himpunan Pengusaha Muda Indonesia", "HIPMI"]),
        ("Dalam operasi IPFO sendiri, akan ada PT Sarana Multi Infrastruktur (SMI) dan PT Penjaminan "
         "Infrastruktur Indonesia (PII) yang ikut terlibat.", ["SMI", "PT Penjaminan Infrastruktur Indonesia", "PII"]),
        # The faculty is the ORG named (`Fakultas` heads an institution), the bracket its university's short form.
        ("Mahasiswa itu diketahui sebagai mahasiswa Fakultas Hukum Universitas Diponegoro (Undip) Semarang.",
         ["Fakultas Hukum Universitas Diponegoro", "Undip"]),
        ("Di sisi lain, pemerintah juga menggandeng Kementerian Lingkungan Hidup dan Kehutanan (KLHK) untuk "
         "memantau.", ["Kementerian Lingkungan Hidup dan Kehutanan", "KLHK"]),
        # An English name puts its head last.
        ("Tim kerja ini akan diisi oleh penyelenggara pasar modal atau Self-Regulatory Organization (SRO) dan "
         "sejumlah asosiasi.", ["Self-Regulatory Organization", "SRO"]),
    ],
)
def test_short_form_in_brackets_is_an_org(text, expected):
    orgs = _orgs(text)
    for name in expected:
        assert name in orgs, (name, orgs)


@pytest.mark.parametrize(
    "text",
    [
        # A programme's acronym is no organisation (concept heads), nor a title's.
        "Penyaluran Program Keluarga Harapan (PKH) tahap keempat dimulai pekan ini.",
        "Menurut Menteri Ketenagakerjaan (Menaker) Yassierli, pada tahap kedua pemerintah membuka kuota.",
        "Warga menerima Bantuan Langsung Tunai (BLT) di kantor desa.",
    ],
)
def test_bracketed_short_forms_of_programmes_and_titles_are_no_org(text):
    orgs = _orgs(text)
    assert not [o for o in orgs if o in ("PKH", "Menaker", "BLT")], orgs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Uang Rp 13,2 triliun itu disita dari 3 perusahaan sekaligus, Wilmar Group, Musim Mas Group, dan "
         "Permata Hijau Group.", "Wilmar Group"),
    ],
)
def test_company_closed_by_group_is_an_org(text, name):
    mentions = {m.text: m.entity_type for m in entity_mentions(text, "id")}
    assert mentions.get(name) == "ORG", mentions


# Sentences from ../shared/data/news/detik.csv: national and regional bodies of organisations.tsv.
@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("Direktur Jenderal Pengelolaan Sampah KLHK, Rasio Ridho Sani, mengatakan keberhasilan pengelolaan "
         "sampah.", "KLHK", "Kementerian Lingkungan Hidup dan Kehutanan"),
        ("Kemenkes, dan BP POM, perlu kolaborasi dengan masyarakat.", "BP POM", "BPOM"),
        ("Dalam situs DJKI Kemenkum, Henry Edlin terdaftar dalam kelas 3.", "DJKI",
         "Direktorat Jenderal Kekayaan Intelektual"),
        ("BKAD Sulsel sampai turun tangan melakukan asistensi.", "BKAD Sulsel", "BKAD Sulsel"),
        ("Dinas Pendidikan Provinsi Jawa Tengah bekerja sama dengan DP3AP2KB Jawa Tengah juga.",
         "DP3AP2KB Jawa Tengah", "DP3AP2KB Jawa Tengah"),
        ("Rinawati aktif di berbagai organisasi seperti IWAPI, AWEN, APINDO.", "IWAPI", "IWAPI"),
        ("Bank Mega Syariah juga bekerjasama dengan Rumah Zakat memberikan layanan.", "Rumah Zakat", "Rumah Zakat"),
        ("Caranya yakni dengan datang langsung ke dinas sosial (Dinsos) setempat.", "Dinsos", "Dinsos"),
        # A national body with the country's short form is that body (as ``DPR RI``); a regional office of a
        # ministry keeps its seat.
        ("Kepala BPJPH RI, Ahmad Haikal Hasan, turut hadir dalam dialog resmi tersebut.", "BPJPH RI", "BPJPH"),
        ("Dilansir Kominfo Jatim, kebijakan keringanan pajak kendaraan tahap II bulan Oktober 2025 ini diselenggarakan.",
         "Kominfo Jatim", "Kominfo Jatim"),
        ("Partai sayap kanan Alternatif untuk Jerman (Alternative for Germany/AfD) yang dikenal dengan pandangan "
         "anti-imigrannya.", "AfD", "Alternative für Deutschland"),
    ],
)
def test_curated_bodies_are_orgs(text, name, canonical):
    found = {m.text: (m.entity_type, m.canonical_name) for m in entity_mentions(text, "id")}
    assert found.get(name) == ("ORG", canonical), found
