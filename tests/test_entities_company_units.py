"""Indonesian organisation spans on Detik (issue 16): a company's units are their own ORGs, a month
opening a person's name after an acronym is the person's, IKN is the capital (LOC) and Otorita IKN
its body, ``E-TLE`` is a system. Sentences from ../shared/data/news/detik.csv."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _spans(text):
    return {(m.text, m.entity_type, m.canonical_name) for m in entity_mentions(text, "id")}


@pytest.mark.parametrize(
    ("text", "unit", "canonical"),
    [
        ("Program ini dilaksanakan oleh Pertamina Foundation di dua lokasi, yakni Hutan Lestari Mahakam.",
         "Pertamina Foundation", "Pertamina Foundation"),
        ("di Kawasan Persetujuan Penggunaan Kawasan Hutan (PPKH) PT Pertamina Hulu Mahakam dan Hutan Lestari Getas-Ngandong",
         "PT Pertamina Hulu Mahakam", None),
        ("Sejak usia ke-18 tahun pada 29 Juni 2025, PT Pertamina Hulu Energi (PHE) sebagai Subholding Upstream Pertamina",
         "PT Pertamina Hulu Energi", "Pertamina Hulu Energi"),
        ("Pertamina berharap kontribusi hulu migas ini, kata dia tentang kiprah Pertamina Hulu Energi.",
         "Pertamina Hulu Energi", "Pertamina Hulu Energi"),
    ],
)
def test_a_company_name_continued_by_unit_words_is_the_unit(text, unit, canonical):
    spans = _spans(text)
    assert any(t == unit and ty == "ORG" and canonical in (None, name) for t, ty, name in spans)
    at = text.index(unit)
    inside = [m.text for m in entity_mentions(text, "id") if at <= m.start and m.end <= at + len(unit)]
    assert inside == [unit]  # no "Pertamina" cut from it


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        ("menurut Direktur Departemen Kebijakan Ekonomi dan Moneter BI Juli Budi Winantya dalam acara Pelatihan Wartawan",
         "BI", "Juli Budi Winantya"),
    ],
)
def test_a_month_after_an_acronym_opens_the_persons_name(text, org, person):
    spans = {(t, ty) for t, ty, _ in _spans(text)}
    assert (org, "ORG") in spans and (person, "PERSON") in spans
    assert not any(t.endswith(" Juli") for t, _ in spans)


@pytest.mark.parametrize(
    ("text", "name", "entity_type"),
    [
        ("Basuki menyebut penyelesaian proyek IKN bisa mundur dari target.", "IKN", "LOC"),
        ("serta rencana pemindahan ASN ke IKN mencapai 1.700-4.100 orang", "IKN", "LOC"),
        ("Sebelumnya, Sekretaris Otorita IKN, Bimo Adi Nursanthyasto menyampaikan hal itu.", "Otorita IKN", "ORG"),
    ],
)
def test_ikn_is_the_capital_and_otorita_ikn_its_body(text, name, entity_type):
    assert any(t == name and ty == entity_type for t, ty, _ in _spans(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ia menyebut E-TLE di Jawa Timur sudah berjalan dengan baik.",
        "Dengan E-TLE dan penegakan hukum berbasis data, pelanggaran turun.",
    ],
)
def test_an_electronic_system_is_no_organisation(text):
    assert not any(t in ("TLE", "E-TLE") for t, _, _ in _spans(text))


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("proyek Trans-ASEAN Gas Pipeline (TAGP) yang digawangi oleh Gas Advocacy Task Force.", "ASEAN Gas"),
        ("dengan nomor 90/Pdt.Sus-HKI/Merek/2025/PN Niaga Jkt.Pst dengan tergugat Henry Edlin.", "PN Niaga"),
        ("Penerima Penebalan Juni-Juli 2025: 18.277.083 KPM, masing-masing Rp 400 ribu.", "Penerima Penebalan Juni-"),
    ],
)
def test_unit_words_and_months_change_nothing_outside_companies(text, org):
    assert not any(t == org for t, _, _ in _spans(text))


@pytest.mark.parametrize(
    ("text", "long_name", "acronym"),
    [
        ("Sekjen ASEAN menandatangani perjanjian kerja sama dengan Economic Research Institute for ASEAN and East Asia"
         " (ERIA) di Jakarta.", "Economic Research Institute for ASEAN and East Asia", "ERIA"),
    ],
)
def test_a_long_name_whose_head_the_acronym_spells_is_one_org(text, long_name, acronym):
    spans = {(t, ty) for t, ty, _ in _spans(text)}
    assert (long_name, "ORG") in spans and (acronym, "ORG") in spans
    assert ("East Asia", "ORG") not in spans


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        ("KPU Kota Makassar juga akan terlibat aktif dalam proses penyusunan petunjuk teknis.",
         "KPU Kota Makassar", "ORG:kpu makassar"),
        ("Ketua KPU Makassar, Andi Muhammad Yasir Arafat menegaskan, keterlibatan KPU akan memberikan legitimasi.",
         "KPU Makassar", "ORG:kpu makassar"),
        ("Ketua DPRD Kota Bogor menyampaikan hal itu.", "DPRD Kota Bogor", "ORG:dprd kota bogor"),  # a kota and a kabupaten
        ("Ketua DPRD Kabupaten Bogor menyampaikan hal itu.", "DPRD Kabupaten Bogor", "ORG:dprd kabupaten bogor"),
        ("Ketua DPRD Kota Bengkulu menyampaikan hal itu.", "DPRD Kota Bengkulu", "ORG:dprd kota bengkulu"),  # a province too
    ],
)
def test_a_regional_body_is_keyed_without_a_level_word_only_one_region_needs(text, name, key):
    assert any(m.text == name and m.entity_key == key for m in entity_mentions(text, "id"))


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("Menurut PT Pertamina Persero hal itu sudah sesuai aturan.", "PT Pertamina Persero", "Pertamina"),
        ("Seluruh Pertamina Group mendukung program ini.", "Pertamina Group", "Pertamina"),
        ("Salah satunya yakni PT Pertamina Geothermal Energy Tbk (PGE), mengelola kapasitas terpasang sebesar 727 MW.",
         "PT Pertamina Geothermal Energy Tbk", "Pertamina Geothermal Energy"),
    ],
)
def test_a_legal_form_closes_the_same_company(text, name, canonical):
    assert (name, "ORG", canonical) in _spans(text)
