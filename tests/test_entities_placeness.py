"""Indonesian places need evidence, lists and routes split, regencies at the level the document says
(``transforms/entities/placeness.py``). Sentences from ../shared/data/news/detik.csv; each wrong row
was a marts.places row of the Detik warehouse before the change."""

import pytest

from newsetl.transforms.entities import entity_mentions
from newsetl.transforms.entities.levels import regency_levels
from newsetl.transforms.entities.placeness import evidenced_places, known_place
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import tokens


def _tagged(text, *names, source="tagger"):
    """Return the tokens of ``text`` and one LOC candidate per name (its first occurrence), as the tagger gives them."""
    toks = tokens(text)
    cands = []
    for name in names:
        start = text.index(name)
        first = next(k for k, t in enumerate(toks) if t.start == start)
        last = next(k for k, t in enumerate(toks) if t.end == start + len(name)) + 1
        cands.append(Candidate(first, last, "LOC", source))
    return toks, cands


def _places(text, *names, source="tagger"):
    toks, cands = _tagged(text, *names, source=source)
    return [text[toks[c.first].start : toks[c.last - 1].end] for c in evidenced_places(toks, cands, "id")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a common noun that names no place: a contingent, a shop, a job, a publication, a degree
        ("Diketahui, Kontingen Garuda Bhayangkara (Garbha) Satgas FPU 5 Minusca yang bertugas di Bangui, Afrika "
         "Tengah, diberangkatkan.", "Kontingen Garuda Bhayangkara"),
        ("Cukup download aplikasi Allo Bank di Play Store atau AppStore.", "Play Store"),
        ("\"Terus meningkat setiap tahunnya,\" ungkap Syariah Card Business Division Head Bank Mega Syariah Eva "
         "Dahlia Kusumawati.", "Syariah Card Business Division Head"),
        ("Dalam berbagai tulisan akademiknya di Bulletin Ekonomi Moneter dan Perbankan serta makalah-makalahnya.",
         "Bulletin Ekonomi Moneter"),
        ("Direktur Sekolah Ilmu Lingkungan (SIL) UI, Dr dr Tri Edhi Budhi Soesilo, MSc, menyayangkan proses "
         "pembentukan sekolah baru.", "MSc"),
        # no evidence: a list of brands, a bus company, an agency
        ("Di antaranya, Biore, Nuvo, Lifebouy, hingga Giv.", "Lifebouy"),
        ("Fasilitas ini dihadirkan melalui kerja sama dengan perusahaan otobus Harapan Jaya.", "Harapan Jaya"),
        # an acronym after a preposition names a body or a scheme
        ("Jayant Menon dari ISEAS-Yusof Ishak Institute Singapura menjelaskan.", "ISEAS"),
        ("Sekarang sudah pindah segmen, misalnya dari sektor informal ke PBI (penerima bantuan iuran).", "PBI"),
        # a capitalised preposition inside a title-case name, and a word NERP knows as a company
        ("Pembangunan Pendidikan Jawa Barat Menuju Terwujudnya Gapura Panca Waluya tertanggal 6 Mei 2025.",
         "Terwujudnya Gapura"),
        ("Baik WhatsApp, iMessage di Apple, maupun Google Messages.", "Apple"),
        # a school's surroundings, a research centre, a police unit
        ("Sesuai Perda tentang Kawasan Tanpa Rokok di Lingkungan Sekolah. Rokok merusak kesehatan.", "Lingkungan Sekolah"),
        ("Peneliti pascadoktoral di Pusat Penelitian Panas dan Kesehatan Universitas Sydney, Harry Brown.",
         "Pusat Penelitian Panas"),
        ("\"Proses-proses yang sudah berjalan di Siber Bareskrim,\" jelas Jhony.", "Siber Bareskrim"),
        # an office's head alone, though Kemendagri has a kecamatan Balai
        ("Kepala Balai Pelaksanaan Jalan Nasional (BPJN) Aceh, Heri Yugiantoro mengatakan.", "Balai"),
        ("\"Itu udah momok banget di Republik ini,\" tambah Atalarik.", "Republik"),
        ("Namun, staf di Setwan tidak bisa langsung berkoordinasi karena pengadaan mobil itu.", "Setwan"),
        # a possessive, a brand's inner capital, a ministry's short name
        ("Ia mengunggah video itu di Instagramnya pada Senin.", "Instagramnya"),
        ("Martin akan membalap lagi di MotoGP musim depan.", "MotoGP"),
        ("Laporan itu sudah dikirim ke Kemendikdasmen pekan lalu.", "Kemendikdasmen"),
        # an organisation head closes a body's name; a disease noun opens a disease's
        ("Centre for Peace and Security, Coventry University, Inggris, yang mengonfirmasi kabar nominasi.",
         "Coventry University"),
        ("Didahului oleh dua tahun pandemi Corona, kata Abu Hasna.", "Corona"),
        # an organisation head opens a body's name
        ("Pantauan di Kantor Kemenko, Jakarta, Senin.", "Kantor Kemenko"),
    ],
)
def test_tagger_locs_that_name_no_place_are_dropped(text, name):
    assert _places(text, name) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a hospital, a prison, a school: the institution, an ORG (issue 16 stakeholders)
        ("Korban segera dibawa ke IGD RSUD Sekarwangi di Cibadak.", "RSUD Sekarwangi"),
        ("Insiden kekerasan keluarga pasien terhadap dokter di RSUD Sekayu di Musi Banyuasin.", "RSUD Sekayu"),
        ("Wacana ini pun menguat pada sesi diskusi di Lapas Sukamiskin beberapa waktu lalu.", "Lapas Sukamiskin"),
        ("Menjadi inti bagi seluruh calon guru di Institut Pendidikan Nasional di Singapura.",
         "Institut Pendidikan Nasional"),
    ],
)
def test_tagger_locs_naming_an_institution_are_its_org(text, name):
    toks, cands = _tagged(text, name)
    out = evidenced_places(toks, cands, "id")
    assert [(text[toks[c.first].start : toks[c.last - 1].end], c.entity_type) for c in out] == [(name, "ORG")]


def test_a_list_of_institution_heads_is_no_org():
    assert _places("Penghuni Lapas maupun Rutan di Jawa Barat.", "Lapas maupun Rutan") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Martin terlibat dalam tes privat di Misano sebelum potensi membalap lagi.", "Misano"),  # a preposition
        ("Mereka berkunjung ke Benteng Kuto Besak dan Jembatan Ampera.", "Benteng Kuto Besak"),  # a place head
        ("Keduanya mengaku menjadi korban penculikan di kawasan Pelabuhan Sanur.", "Pelabuhan Sanur"),
        ("Pemeriksaan dilakukan di gedung KPK, Kuningan, Jakarta Selatan.", "Kuningan"),  # a gazetteer name
        ("Rumah korban berada di Gang Masjid, tak jauh dari pasar.", "Gang Masjid"),  # a street of any name
    ],
)
def test_tagger_locs_with_evidence_are_kept(text, name):
    assert _places(text, name) == [name]


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        # an address chain passes evidence along its commas, a list of places along "dan"
        ("Peristiwa itu terjadi di kamar kos korban, Jalan Pattimura, Legian, Badung, Bali.",
         ("Jalan Pattimura", "Legian"), ["Jalan Pattimura", "Legian"]),
        ("Yakni, Motaain di Kabupaten Belu, Motamasin di Malaka.", ("Kabupaten Belu", "Motamasin"),
         ["Kabupaten Belu", "Motamasin"]),
        ("Longsor juga melanda Kecamatan Jampangtengah, khususnya di Desa Cijulang dan Bojongtipar.",
         ("Desa Cijulang", "Bojongtipar"), ["Desa Cijulang", "Bojongtipar"]),
        # ... but a chain of names none of which is shown a place shows nothing
        ("Di antaranya, Biore, Nuvo, Lifebouy, hingga Giv.", ("Biore", "Nuvo", "Lifebouy"), []),
        # ... nor one opened by an acronym no gazetteer knows
        ("Kawasan dan Ruang Terbuka Hijau di KIPP, Embung, Sanitasi dan Persampahan dan lain-lain, dibutuhkan anggaran.",
         ("KIPP", "Embung", "Sanitasi", "Persampahan"), []),
        # a list of common nouns opened by a street head is no street
        ("Pengelolaan Air Minum, Jalan dan MUT, Kawasan dan Ruang Terbuka Hijau di KIPP.", ("Jalan dan MUT",), []),
        # lower-case words closing a span are cut, and what is left must still show it is a place
        ("Ketersediaan fasilitas dan pelayanan di RS pemerintah, kata dia, terus bertambah.", ("RS pemerintah",), []),
        ("Sambil menikmati keindahan alam khas Gresik utara. Sekapuk Smartland resmi diluncurkan.", ("Gresik utara",),
         ["Gresik"]),
    ],
)
def test_address_chains_and_lists_pass_evidence_on(text, names, kept):
    assert _places(text, *names) == kept


@pytest.mark.parametrize(
    ("text", "name", "parts", "source"),
    [
        # two regencies of a list with the comma lost
        ("Kabupaten/kota yang dimaksud antara lain Barru, Enrekang, Luwu Luwu Timur, Luwu Utara, Palopo.",
         "Luwu Luwu Timur", ["Luwu", "Luwu Timur"], "tagger"),
        # a road between two districts, written Puloampel for Kemendagri's Pulo Ampel
        ("Ia mengatakan, pelebaran jalan Bojonegara-Puloampel sudah masuk dalam rencana prioritas.",
         "Bojonegara-Puloampel", ["Bojonegara", "Puloampel"], "tagger"),
        ("Pengaktifan kembali jalur kereta Bandung-Ciwidey diharapkan bisa mempermudah akses kawasan wisata.",
         "Bandung-Ciwidey", ["Bandung", "Ciwidey"], "gazetteer"),
        # a route named as a street: its ends are the places, the last one run on past the street rule's cut
        ("Pada ruas Jalan Kota Langsa-Kota Kuala Simpang saat ini telah dilakukan pembersihan sedimen.",
         "Jalan Kota Langsa-Kota Kuala", ["Kota Langsa", "Kota Kuala Simpang"], "street"),
        # a list inside one span
        ("Banjir melanda Bekasi, Bogor dan Depok pada Senin.", "Bekasi, Bogor dan Depok",
         ["Bekasi", "Bogor", "Depok"], "tagger"),
        # one place: a head before the first end governs the whole, a head inside joins the words
        ("Pesawat kenegaraan tiba di Bandara Soekarno-Hatta pukul 07.45 WIB.", "Bandara Soekarno-Hatta",
         ["Bandara Soekarno-Hatta"], "tagger"),
        ("\"Kita duduk bersama di Pendopo Kabupaten Bangkalan untuk berkirim doa,\" katanya.",
         "Pendopo Kabupaten Bangkalan", ["Pendopo Kabupaten Bangkalan"], "tagger"),
        # an address word closing a street is cut
        ("Pemusnahan dilakukan di Jalan Kapten Muslihat Nomor 18, Kelurahan Paledang.", "Jalan Kapten Muslihat Nomor",
         ["Jalan Kapten Muslihat"], "street"),
    ],
)
def test_lists_and_routes_are_split_into_their_places(text, name, parts, source):
    assert _places(text, name, source=source) == parts


def test_a_spaced_kemendagri_name_is_known_written_as_one_word():
    assert known_place("Puloampel") and known_place("Jampangtengah")
    assert known_place("Jaksel") and known_place("Solo") and known_place("TTU")  # press short names
    assert not known_place("Lifebouy")


def test_other_languages_are_left_alone():
    toks, cands = _tagged("Di antaranya, Biore, Nuvo, Lifebouy, hingga Giv.", "Lifebouy")
    assert evidenced_places(toks, cands, "ms") == cands


_PASURUAN = (
    "Satpol PP Kabupaten Pasuruan menyebut pemilik toko minuman keras telah diperingatkan. Ribuan botol miras "
    "disita dari sebuah toko di wilayah Pasuruan."
)


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        (_PASURUAN, "Pasuruan.", "Kabupaten Pasuruan"),  # only regency cues: the regency
        ("Bupati Sukabumi Asep Japar angkat bicara. Warga Sukabumi resah.", "Sukabumi resah", "Kabupaten Sukabumi"),
        # city cues, or both kinds: the bare name stays (the geocoder reads it as the city)
        ("Wali Kota Pasuruan hadir. Warga Pasuruan resah.", "Pasuruan resah", None),
        ("Gus Ipul mendorong Kota Sukabumi, sementara Bupati Sukabumi Asep Japar angkat bicara. Warga Sukabumi resah.",
         "Sukabumi resah", None),
        # a name only one level has is left alone
        ("Bupati Boyolali hadir. Warga Boyolali resah.", "Boyolali resah", None),
    ],
)
def test_bare_two_level_names_take_the_level_the_document_gives(text, name, canonical):
    toks = tokens(text)
    at = text.index(name)
    first = next(k for k, t in enumerate(toks) if t.start == at)
    cands = [Candidate(first, first + 1, "LOC", "gazetteer", toks[first].text, "LOC:" + toks[first].text.lower())]
    (out,) = regency_levels(toks, cands, "id")
    assert (out.canonical_name if out.canonical_name != toks[first].text else None) == canonical
    if canonical:
        assert out.entity_key == "LOC:" + canonical.lower()


def test_a_bare_regency_joins_the_regency_entity_end_to_end():
    keys = {m.text: m.entity_key for m in entity_mentions(_PASURUAN, "id") if m.entity_type == "LOC"}
    assert keys.get("Pasuruan") == "LOC:kabupaten pasuruan"


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Jumlah siswa dari tingkat TK hingga SMA di Kabupaten Seram Bagian Barat, Maluku, yang diduga keracunan.",
         "Kabupaten Seram", "Kabupaten Seram Bagian Barat"),  # to its Kemendagri name
        ("\"Itu betul,\" kata Pramono di Stasiun MRT Dukuh Atas, Jakarta Pusat, Rabu (22/10/2025).",
         "Stasiun MRT Dukuh", "Stasiun MRT Dukuh Atas"),  # over a place-name tail
    ],
)
def test_a_headed_place_cut_by_the_tagger_runs_on_to_its_end(text, name, place):
    assert _places(text, name) == [place]


@pytest.mark.parametrize(
    ("text", "name", "source"),
    [
        # "Tim tersebut dipimpin oleh Ipda Samosir": a police rank opens a person's name, not the regency
        ("Tim tersebut dipimpin oleh Ipda Samosir. \"Untuk menuju lokasi persembunyian tersangka,\" katanya.",
         "Samosir", "tagger"),
        ("Laporan diterima AKBP Bone di Mapolres.", "Bone", "gazetteer"),
    ],
)
def test_a_place_name_after_a_rank_is_a_person(text, name, source):
    toks, cands = _tagged(text, name, source=source)
    assert [c.entity_type for c in evidenced_places(toks, cands, "id")] == ["PERSON"]


def test_a_place_name_after_an_office_stays_a_place():
    toks, cands = _tagged("Bupati Samosir Vandiko Gultom meninjau lokasi.", "Samosir", source="gazetteer")
    assert [c.entity_type for c in evidenced_places(toks, cands, "id")] == ["LOC"]
