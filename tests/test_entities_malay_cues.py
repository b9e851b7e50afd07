"""Malay mentions settled by cue words, Chinese name syllables, soft hyphens and the home ministry
(issue 16, Utusan precision). Sentences from ../shared/data/news/utusan.csv; each gave a wrong
mention before (a town, a motorcycle or a script typed PERSON, a cut name, a cut ministry)."""

import pytest

from newsetl.transforms.entities import entity_mentions
from newsetl.transforms.entities.tokens import tokens


def _spans(text):
    return {(m.text, m.entity_type, m.canonical_name) for m in entity_mentions(text, "ms")}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("“Bandar Huwara dan kampung-kampung di selatan Nablus di bahagian utara Tebing Barat dan beberapa "
         "kawasan lain sekali lagi menjadi sasaran.\n\nIshtaye mengecam tuntutan beberapa pendatang dan pelampau "
         "Yahudi untuk menghapuskan Huwara, yang berlaku selepas kejadian tembakan.", "Huwara"),
        ("Katanya, susulan itu, polis menahan dua suspek di hadapan restoran di Sri Gading manakala dua lagi "
         "suspek ditahan di hadapan rumah.", "Sri Gading"),
        ("Dia didakwa gagal memberitahu pihak polis yang menjaga daerah Dang Wangi, di sini, lima hari sebelum "
         "mengadakan perhimpunan.", "Dang Wangi"),
    ],
)
def test_a_name_after_a_locative_or_settlement_word_is_a_place_throughout(text, place):
    kinds = {kind for t, kind, _n in _spans(text) if t == place}
    assert kinds == {"LOC"}, _spans(text)


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("“Polis kemudian mengesan sebuah motosikal jenis Modenas Kriss yang membuat aksi berbahaya itu semalam,” "
         "katanya.", "Modenas Kriss"),
        ("Berdasarkan video itu, sebuah kereta jenis Honda City berwarna kelabu sedang membuat pusingan U.",
         "Honda City"),
        ("TAPAH: Operasi mengesan helikopter jenis Eurocopter EC120B yang ‘hilang’ daripada radar diteruskan.",
         "Eurocopter"),
        ("DAHULU penulisan Jawi digunakan dalam pelbagai bidang termasuk pentadbiran.", "Jawi"),
    ],
)
def test_a_product_or_script_after_its_cue_is_no_mention(text, product):
    assert not {t for t, _k, _n in _spans(text)} & {product}, _spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Perlu diingatkan bahawa Nabi Zakaria AS pernah diuji dengan tiada zuriat.", "Zakaria"),
        ("Allah memerintahkan Nabi Ibrahim untuk keluar dari negerinya yang penduduknya menyembah berhala.", "Ibrahim"),
    ],
)
def test_a_prophet_is_a_person_without_title_or_blessing(text, name):
    spans = _spans(text)
    assert (name, "PERSON", f"Nabi {name}") in spans, spans
    assert not {t for t, _k, _n in spans} & {f"Nabi {name}", f"{name} AS"}, spans


@pytest.mark.parametrize(
    "text",
    [
        "Portal Suara.com melaporkan, kanak-kanak itu dikenali sebagai Im Kamaludin, berasal dari Thailand.",
        "LONDON: Jurulatih Hungary, Marco Rossi melabelkan Cristiano Ronaldo sebagai pemain terbaik.",
    ],
)
def test_a_lone_lower_case_word_is_no_person(text):
    people = {t for t, kind, _n in _spans(text) if kind == "PERSON"}
    assert not people & {"Portal", "Jurulatih"}, people


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("Ketua Polis Daerah Klang Selatan, Asisten Komisioner Cha Hoong Fong berkata, polis menerima maklumat.",
         "Cha Hoong Fong", "Cha Hoong Fong"),
        ("Menteri Pengangkutan, Datuk Seri Wee Ka Siong berkata, projek itu siap.\n\nMenurut Ka Siong, senarai nama "
         "pekerja yang terlibat sudah dikemas kini.", "Ka Siong", "Wee Ka Siong"),
    ],
)
def test_a_chinese_name_keeps_its_first_syllable(text, name, canonical):
    assert (name, "PERSON", canonical) in _spans(text), _spans(text)


def test_a_soft_hyphen_and_the_space_after_it_stay_inside_the_name():
    text = ("Antara yang hadir, bekas Ketua Penerangan UMNO, Shahril Su\xad an Hamdan; bekas Ahli Parlimen Jempol, "
            "Datuk Salim Mohd Sharif.")
    assert any(t.text == "Su\xad an" for t in tokens(text))
    people = {(t, n) for t, kind, n in _spans(text) if kind == "PERSON"}
    assert ("Shahril Su\xad an Hamdan", "Shahril Suan Hamdan") in people, people


def test_a_space_after_a_soft_hyphen_before_a_capital_still_splits():
    assert "Ahmad" in [t.text for t in tokens("Datuk\xad Ahmad")]


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        ("PUTRAJAYA: Kementerian Kesihatan Malaysia (KKM) melalui Bahagian Regulatori Farmasi memaklumkan "
         "pendaftaran produk itu dibatalkan.", "Kementerian Kesihatan Malaysia"),
    ],
)
def test_a_gazetteer_ministry_keeps_its_country(text, ministry):
    assert ministry in {t for t, kind, _n in _spans(text) if kind == "ORG"}, _spans(text)


def test_the_bare_foreign_ministry_is_not_the_foreign_countrys():
    text = ("Beliau turut diiringi pegawai kanan Kementerian Luar Mesir.\n\nDalam pada itu, Kementerian Luar "
            "berkata, Hamdi semasa memberi ucapan balasnya mengakui sokongan padu Malaysia.")
    names = {t: n for t, kind, n in _spans(text) if kind == "ORG"}
    assert names["Kementerian Luar"] != names["Kementerian Luar Mesir"], names


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Beliau berkata, tindakan tegas diambil seperti musim lalu apabila tidak meluluskan lesen kepada Sarawak "
         "United dan Melaka United.", "Sarawak United"),
        ("Semalam, Jakim membuat laporan kepada Kementerian Dalam Negeri berhubung perkara itu.", "Jakim"),
    ],
)
def test_a_club_or_agency_is_an_organisation(text, org):
    assert org in {t for t, kind, _n in _spans(text) if kind == "ORG"}, _spans(text)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Kerajaan negeri menetapkan dua strategi iaitu menyediakan insentif khas bagi perkhidmatan asuhan menerusi "
         "Rancangan Selangor Pertama (RS1).", {"Selangor", "RS1"}),
        ("Beliau mengalu-alukan pelbagai bentuk kerjasama untuk Program Bank Makanan Malaysia (PFBM).",
         {"Bank Makanan Malaysia", "PFBM"}),
        ("Sekiranya sabit kesalahan, suspek boleh didakwa mengikut Seksyen 16 Akta SPRM 2009.", {"SPRM"}),
    ],
)
def test_a_name_inside_a_plan_or_law_is_no_mention(text, inside):
    assert not {t for t, _k, _n in _spans(text)} & inside, _spans(text)


def test_an_assembly_sitting_keeps_its_assembly():
    text = "Beliau berkata demikian dalam Sidang Dewan Undangan Negeri (DUN) Kedah di sini hari ini."
    assert ("Dewan Undangan Negeri", "ORG", "DUN Kedah") in _spans(text), _spans(text)


@pytest.mark.parametrize(
    ("text", "ministry", "canonical"),
    [
        ("PUTRAJAYA: Kementerian Luar mengesahkan tiga warga Singapura ditemukan selamat dalam tragedi tanah runtuh.",
         "Kementerian Luar", "Kementerian Luar Negeri"),
        ("“Saya percaya peruntukan sebanyak RM2.5 bilion kepada Kementerian Luar Bandar turut akan dinikmati negeri "
         "ini,” katanya.", "Kementerian Luar Bandar", "Kementerian Pembangunan Luar Bandar"),
    ],
)
def test_malay_ministries_by_their_short_names(text, ministry, canonical):
    assert (ministry, "ORG", canonical) in _spans(text), _spans(text)


def test_a_short_form_after_abang_joins_the_one_full_name():
    text = ("LONDON: Tommy Fury menggelar Drake sebagai ‘bodoh’ selepas penyanyi rap itu kalah dalam pertaruhan.\n\n"
            "Drake hilang AS$400,000 selepas petinju Britain, Fury menumpaskan Paul.\n\nAbang Fury, yang juga juara "
            "heavyweight Majlis Tinju Dunia (WBC), Tyson secara berseloroh berkata, Drake telah membuang wangnya.")
    people = {(t, n) for t, kind, n in _spans(text) if kind == "PERSON"}
    assert ("Fury", "Tommy Fury") in people and not any(t == "Abang Fury" for t, _n in people), people


@pytest.mark.parametrize(
    ("text", "long_form", "acronym"),
    [
        ("Afghanistan yang bekerja dalam perkhidmatan Finland, Kesatuan Eropah (EU) dan Pertubuhan Perjanjian Atlantik "
         "Utara (NATO) bersama keluarga mereka.", "Pertubuhan Perjanjian Atlantik Utara", "NATO"),
        ("PETALING JAYA: Perbadanan PR1MA Malaysia (PR1MA) menyuntik dana tambahan sebanyak RM3 juta.",
         "Perbadanan PR1MA Malaysia", "PR1MA"),
        ("“Undang-undang sekali gus memberi kuasa kepada PDRM dan Suruhanjaya Komunikasi dan Multimedia Malaysia "
         "(SKMM) untuk menangkap tanpa waran.", "Suruhanjaya Komunikasi dan Multimedia Malaysia", "SKMM"),
    ],
)
def test_a_place_closing_an_acronyms_long_form_is_part_of_it(text, long_form, acronym):
    spans = _spans(text)
    assert (long_form, "ORG", acronym) in spans, spans
    assert not any(kind == "LOC" and t in long_form for t, kind, _n in spans), spans


def test_a_places_own_acronym_keeps_the_place():
    text = "Ia turut dikecam Presiden Amerika Syarikat (AS), Joe Biden dan Presiden Perancis."
    assert ("Amerika Syarikat", "LOC", "United States") in _spans(text), _spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pada 11 November lalu, Ketua Pemuda Pas Sik, Mohd. Shahiful Mhd. Nasir tampil memohon maaf ekoran "
         "keterlanjurannya.", "Mohd. Shahiful Mhd. Nasir"),
        ("Pengarahnya, Mohd. Misuari Abdullah berkata, ingatan itu susulan pihaknya mengesan warga asing.",
         "Mohd. Misuari Abdullah"),
        ("Dua mangsa yang dilaporkan hilang dikenal pasti sebagai Ridwan Poniman dan Ku Shuib Ku Abdullah, 93.",
         "Ku Shuib Ku Abdullah"),
        ("Arahan itu dikeluarkan oleh Ketua Hakim Negara, Tun Tengku Maimun Tuan Mat dalam kenyataan di sini.",
         "Maimun Tuan Mat"),
    ],
)
def test_a_malay_name_runs_over_abbreviations_and_inner_prefixes(text, name):
    people = {t for t, kind, _n in _spans(text) if kind == "PERSON"}
    assert name in people, people


def test_a_title_before_an_inner_prefix_stays_out():
    text = "Presiden PKR, Datuk Seri Wan Azizah berkata, parti itu bersedia."
    assert "Wan Azizah" in {t for t, kind, _n in _spans(text) if kind == "PERSON"}, _spans(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("“Semenanjung Gaza sedang bergolak ketika ini, jadi agak sukar untuk kita,” katanya.", "Semenanjung Gaza"),
        ("Tiga warga Singapura ditemukan selamat dalam tragedi tanah runtuh di Jalan Batang Kali-Genting Highlands, "
         "Hulu Selangor, semalam.", "Hulu Selangor"),
    ],
)
def test_a_place_opening_noun_before_a_place_opens_its_name(text, place):
    spans = _spans(text)
    assert place in {t for t, kind, _n in spans if kind == "LOC"}, spans
    assert not any(kind == "PERSON" for _t, kind, _n in spans), spans


def test_an_airports_long_form_is_a_place():
    text = "Mereka selamat tiba di Lapangan Terbang Antarabangsa Kuala Lumpur (KLIA) hari ini."
    spans = _spans(text)
    assert ("Lapangan Terbang Antarabangsa Kuala Lumpur", "LOC", "KLIA") in spans, spans
    assert ("Kuala Lumpur", "LOC", "Kuala Lumpur") not in spans, spans


def test_an_exams_long_form_is_no_mention():
    text = ("Majlis itu diadakan untuk meraikan pelajar cemerlang Sijil Pelajaran Malaysia (SPM), Sijil Tinggi "
            "Persekolahan Malaysia (STPM) dan Sijil Tinggi Agama Malaysia (STAM).")
    assert not {t for t, _k, _n in _spans(text)} & {"Malaysia", "Sijil Tinggi Persekolahan Malaysia"}, _spans(text)


def test_abu_opens_a_fathers_name_and_the_short_form_joins_it():
    text = ("Bercakap kepada Utusan Malaysia, pemilik, Aminah Abu Bakar, 71, berkata, idea menghias landskap itu "
            "datang sendiri.\n\nTambah Aminah, dia sedang mengumpul wang kira-kira RM1,500.")
    people = {(t, n) for t, kind, n in _spans(text) if kind == "PERSON"}
    assert people == {("Aminah Abu Bakar", "Aminah Abu Bakar"), ("Aminah", "Aminah Abu Bakar")}, people
