"""Malay names longer than the known name inside them (issue 16, Utusan): places inside longer
capitalised names, acronyms a text defines after an organisation's name, companies' legal forms and
the curated bodies' full names. Sentences from ../shared/data/news/utusan.csv; each gave a wrong
mention before."""

import polars as pl
import pytest

from newsetl.transforms.entities import entity_mentions, resolved_entities


def _spans(text):
    return {(m.text, m.entity_type, m.canonical_name) for m in entity_mentions(text, "ms")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Pihak Kastam meronda perairan Selat Melaka di Jambo Aye dan menemukan sebuah kapal.", "Selat Melaka"),
        ("Bengkel itu dibina bersebelahan rumahnya di Kuala Selangor.", "Kuala Selangor"),
        ("Penggambaran filem Tamil atau Kollywood dari Selatan India di bandar raya ini membuka ruang.", "Selatan India"),
        ("Kedai dalam kawasan Kangar, Arau dan Padang Besar telah menerima bekalan beras putih ini.", "Padang Besar"),
        ("Pergerakan menuju ke Lembah Klang juga meningkat 9.7 peratus.", "Lembah Klang"),
    ],
)
def test_a_place_with_its_geographic_head_or_compass_word_is_one_place(text, place):
    assert (place, "LOC", place) in _spans(text), _spans(text)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Keputusan itu menyaksikan Putrajaya Cyborg pulang dengan tangan kosong.", "Putrajaya"),
        ("Ia termasuk gagasan Keluarga Malaysia yang dibawa Ismail Sabri sejak menyandang jawatan.", "Malaysia"),
        ("Program itu turut mendapat sokongan Tourism Malaysia dan Cuti-Cuti Malaysia.", "Malaysia"),
        ("Penduduk di sini sudah lali menyambut Tahun Baharu Cina secara ala kadar.", "Cina"),
    ],
)
def test_a_place_inside_another_capitalised_name_is_no_mention_of_it(text, inside):
    assert inside not in {t for t, _k, _n in _spans(text)}, _spans(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Sementara itu, Menteri Luar Norway, Ine Eriksen Soreide dalam sidang akhbar berkata demikian.", "Norway"),
        ("KOTA KINABALU: Kerajaan Negeri Sabah akan mula membenarkan aktiviti rentas daerah.", "Sabah"),
        ("Ketiadaan Melaka dan Sarawak jelas beri impak besar,” katanya.", "Melaka"),
    ],
)
def test_a_place_after_an_office_a_state_word_or_opening_a_sentence_stays_a_place(text, place):
    assert place in {t for t, k, _n in _spans(text) if k == "LOC"}, _spans(text)


def test_an_acronym_defined_after_a_name_is_that_organisation_in_the_whole_document():
    text = ("Surat itu dipersetujui kesatuan pelajar dari Universiti Kebangsaan Malaysia (UKM) dan lain-lain. "
            "Tahun ini, UKM memperuntukkan sejumlah RM50,000 bagi pelajar baharu.")
    found = [(m.text, m.entity_key, m.canonical_name) for m in entity_mentions(text, "ms") if m.entity_type == "ORG"]
    assert {key for _t, key, _n in found} == {"ORG:universiti kebangsaan malaysia"}, found
    assert {name for _t, _k, name in found} == {"Universiti Kebangsaan Malaysia"}, found
    assert [t for t, _k, _n in found].count("UKM") == 2, found


def test_an_acronym_defined_in_one_document_joins_its_name_across_the_corpus():
    stats = pl.DataFrame(
        [
            ("ORG", "ORG:universiti kebangsaan malaysia", "Universiti Kebangsaan Malaysia", None, 2,
             ["UKM", "Universiti Kebangsaan Malaysia"]),
            ("ORG", "ORG:ukm", "UKM", None, 16, ["UKM"]),
            ("ORG", "ORG:um", "UM", None, 1, ["UM"]),
            ("ORG", "ORG:universiti malaya", "Universiti Malaya", None, 1, ["UM", "Universiti Malaya"]),
            ("ORG", "ORG:utusan malaysia", "Utusan Malaysia", None, 30, ["UM", "Utusan Malaysia"]),
        ],
        schema={"entity_type": pl.Utf8, "entity_key": pl.Utf8, "canonical_name": pl.Utf8, "country_code": pl.Utf8,
                "mention_count": pl.Int64, "texts": pl.List(pl.Utf8)},
        orient="row",
    )
    names = dict(zip(*resolved_entities(stats).select("entity_key", "canonical_name").to_dict(as_series=False).values()))
    assert names["ORG:ukm"] == "Universiti Kebangsaan Malaysia"
    assert names["ORG:um"] == "UM"  # two names were defined as UM: it joins neither


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Air yang dibekalkan syarikat Air Kelantan Sdn. Bhd. hanya keluar angin semasa paip dibuka,” katanya.",
         "Air Kelantan Sdn. Bhd"),
        ("Saya sangat kecewa dengan perkhidmatan yang disediakan oleh Rapid Rail Sdn. Bhd. (Rapid Rail).",
         "Rapid Rail Sdn. Bhd"),
    ],
)
def test_a_company_keeps_its_legal_form(text, company):
    assert company in {t for t, k, _n in _spans(text) if k == "ORG"}, _spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kelulusan daripada PDRM ini boleh digunakan sebagai kebenaran pergerakan.", "Polis Diraja Malaysia"),
        ("Presiden Bersatu, Tan Sri Muhyiddin Yassin menggesa agar undang-undang itu dipinda.",
         "Parti Pribumi Bersatu Malaysia"),
    ],
)
def test_a_curated_malaysian_body_is_named_in_full(text, name):
    assert name in {n for _t, k, n in _spans(text) if k == "ORG"}, _spans(text)
