"""Names on real Detik news (issue 16, judged precision, Detik round): common-noun acronyms, offices
with their unit number or region, units of a body, a body's short forms, junk persons.
Sentences from ../shared/data/news/detik.csv; each failed before the change."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _mentions(text):
    return entity_mentions(text, "id")


def _spans(text):
    return {(m.text, m.entity_type) for m in _mentions(text)}


def P(text, wrong, right=None, *, id):
    return pytest.param(text, wrong, right, id=id)


_KPU = (
    "Menjatuhkan sanksi peringatan keras terakhir dan pemberhentian dari jabatan ketua kepada teradu Adi Susanto "
    "selaku Ketua merangkap anggota KPU Kabupaten Labuhanbatu Utara terhitung sejak putusan ini dibacakan,\" kata "
    "Ketua DKPP Heddy Lugito. Ketua KPU Mochammad Afifuddin memberikan penjelasan."
)
_SIL = (
    "\"Legacy Prof. Emil Salim adalah SIL UI. Jenis pengabaian seperti ini tentu akan menjadi bumerang di kemudian "
    "hari,\" kata Raldi. Ia juga menyoroti manajemen UI dalam pembentukan sekolah baru tersebut."
)


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # an acronym the text spells out as a common noun phrase is no organisation
        P("Dia juga mendukung agar proses tes wawasan kebangsaan (TWK) dibuka ke publik sebagaimana tuntutan "
          "rekannya yang tergabung dalam IM57+ Institute.", ("TWK", "ORG"), id="twk-lower-case"),
        P("Pemerintah daerah (Pemda) menandatangani Perjanjian Kerja Sama (PKS) Tripartit pada Rabu (15/10) untuk "
          "memperkuat sinergi pengelolaan perpajakan.", ("PKS", "ORG"), id="pks-agreement"),
        P("Saat ini, lebih dari 96,8 juta jiwa penerima bantuan iuran (PBI) ditanggung oleh pemerintah pusat.",
          ("PBI", "ORG"), id="pbi-benefit"),
        P("Destinasi ini bisa diakses Warga Negara Asing (WNA) atau non-Malaysian dengan tarif berikut.",
          ("WNA", "ORG"), id="wna-capitalised"),
        P("Hal itu diketahui dari Laporan Harta Kekayaan Penyelenggara Negara (LHKPN) yang dirilis Komisi "
          "Pemberantasan Korupsi (KPK).", ("Laporan Harta Kekayaan Penyelenggara Negara", "ORG"),
          ("Komisi Pemberantasan Korupsi", "ORG"), id="lhkpn-report"),
        # ... while a body's name keeps its acronym (an organisation head opens it)
        P("Beda dengan Panitia Pemilihan Kecamatan (PPK) yang berjumlah tiga orang tiap kecamatan.",
          ("PPK", "PERSON"), ("PPK", "ORG"), id="ppk-committee"),
        # a unit's number and home base, and a region, belong to the office's name
        P("Ia pun menyampaikan apresiasi kepada seluruh pihak yang mendukung kebijakan ini, mulai dari Kodim "
          "0830/Surabaya, Polrestabes, Polres Pelabuhan Tanjung Perak, hingga elemen masyarakat.",
          ("Surabaya", "LOC"), ("Kodim 0830/Surabaya", "ORG"), id="kodim-number"),
        P("\"Total kerugian negara sebesar Rp 2.656.709.053,\" kata Kasi Intel Kejari Binjai Noprianto Sihombing, "
          "Selasa (7/10). Noprianto mengatakan kasus tersebut berawal.",
          ("Kejari Binjai Noprianto Sihombing", "ORG"), ("Kejari Binjai", "ORG"), id="kejari-region-person"),
        P(_KPU, ("Labuhanbatu Utara", "LOC"), ("KPU Kabupaten Labuhanbatu Utara", "ORG"), id="kpu-branch"),
        P("Ketua DPRD Bone Andi Tenri Walinonong ogah memberikan persetujuan.", ("Bone", "LOC"),
          ("DPRD Bone", "ORG"), id="dprd-bone"),
        P("Untuk diketahui Mulyono adalah Kadis PUPR Sumut sebelum Topan Ginting dan menjabat 2024 hingga Februari "
          "2025.", ("Sumut", "PERSON"), ("PUPR Sumut", "ORG"), id="pupr-sumut"),
        # units and portfolios are no persons
        P("Ketua MUI Bidang Fatwa Prof KH Asrorun Ni'am Sholeh menyebut peluncuran fatwa itu sebagai bentuk "
          "dukungan ulama.", ("Bidang Fatwa", "PERSON"), ("Asrorun Ni'am Sholeh", "PERSON"), id="bidang-fatwa"),
        P("Kabar Prabowo akan melantik Menko Polkam dan Menpora, yang masih kosong usai reshuffle jilid II, juga "
          "telah sampai ke Senayan.", ("Polkam", "PERSON"), id="menko-polkam"),
        P("Ketua Banggar DPR Said Abdullah menegaskan hal itu.", ("Banggar", "PERSON"), ("Said Abdullah", "PERSON"),
          id="banggar-unit"),
        P("\"Saya bisa yakinkan mereka, fiskalnya berkesinambungan apa enggak, langkah Menteri Keuangannya ngaco apa "
          "enggak,\" ujar Purbaya.", ("Keuangannya", "PERSON"), id="portfolio-possessive"),
        # junk: an affixed common word opening a quote, a street cut at its title, two title-case letters
        P("\"Tervalidasi juga demikian, jadi ada kenaikan artinya kinerja E-TLE yang berada di Jawa Timur sudah cukup "
          "bagus,\" katanya.", ("Tervalidasi", "PERSON"), id="tervalidasi"),
        P("Adapun lokasi yang dipilih di Pekanbaru, yakni halaman Diniyah Putri, Jalan KH Ahmad Dahlan, Kecamatan "
          "Sukajadi.", ("Jalan KH", "LOC"), ("Jalan KH Ahmad Dahlan", "LOC"), id="jalan-kh"),
        P("Kehadiran tokoh-tokoh seperti Pramono Anung (Gubernur DKI Jakarta dan Co-President UCLG ASPAC), Menteri "
          "Dalam Negeri Tito Karnavian.", ("Co", "LOC"), ("Pramono Anung", "PERSON"), id="co-president"),
        # a hyphen and a legal form's last word complete a place's or company's name
        P("Selanjutnya tersangka dibawa dengan menggunakan salah satu maskapai dari Bandara Kualanamu menuju Bandara "
          "Soekarno-Hatta, Rabu (15/10) malam.", ("Bandara Soekarno", "LOC"), ("Bandara Soekarno-Hatta", "LOC"),
          id="soekarno-hatta"),
        P("Gunardi Wantjik (GW), Direktur PT Melanton Pratama; Frederick Aldo Gunardi (FAG), pegawai pada PT "
          "Melanton Pratama.", ("Pratama", "PERSON"), ("PT Melanton Pratama", "ORG"), id="pt-last-word"),
        # a unit's number opens its name
        P("Densus 88 Antiteror Polri menyita sejumlah barang bukti, mulai dari rompi hijau.",
          ("Antiteror", "PERSON"), ("Densus 88 Antiteror Polri", "ORG"), id="densus-88"),
        # an organisation and a region after it: the branch; the region leaves the person
        P("Ketua NasDem Sumut Iskandar mendesak kepolisian untuk mengungkapkan sosok tersangka judi online.",
          ("Sumut Iskandar", "PERSON"), ("Iskandar", "PERSON"), id="nasdem-sumut"),
        # a unit's number ends the body; the person after it is no part of it
        P("\"Saya nggak pernah nyangka,\" kata Kepala Satuan Tugas Koordinasi dan Supervisi KPK Wilayah V Dian Patria "
          "di gedung KPK, Kuningan, Jakarta Selatan. Dian menjelaskan, masyarakat di sekitar tambang paling miskin.",
          ("Satuan Tugas Koordinasi dan Supervisi KPK Wilayah V Dian Patria", "ORG"), ("Dian Patria", "PERSON"),
          id="unit-number-person"),
        # people the tagger called organisations: an age or the name's initials in brackets, lists of initials
        P("Seorang warga binaan Lembaga Pemasyarakatan (Lapas) Kelas III Pangururan, Kabupaten Samosir bernama Armi "
          "Siregar (27) diduga tewas usai dikeroyok teman sekamarnya.", ("Armi Siregar", "ORG"),
          ("Armi Siregar", "PERSON"), id="age-bracket"),
        P("Tiga tersangka lainnya adalah Gunardi Wantjik (GW), Direktur PT Melanton Pratama; dan Alvin Pradipta "
          "Adiyota (APA), pihak swasta.", ("Alvin Pradipta Adiyota", "ORG"), ("Alvin Pradipta Adiyota", "PERSON"),
          id="initials-bracket"),
        P("Para tersangka yakni MAM, NN, VS, HJE, S, APN, Z, I, dan MA. Tersangka keempat, HJE (25), berperan ikut "
          "menyiksa korban.", ("HJE", "ORG"), ("HJE", "PERSON"), id="initials-list"),
    ],
)
def test_real_sentences(text, wrong, right):
    spans = _spans(text)
    assert wrong not in spans
    if right is not None:
        assert right in spans


def _entity(mentions, text):
    return {m.entity_key for m in mentions if m.text == text}


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        # an organisation's name ending with another's acronym is a unit of it, not the same body
        pytest.param(_SIL, "UI", "SIL UI", id="ui-not-sil-ui"),
        # a regional branch is not the national body its acronym names
        pytest.param(_KPU, "KPU", "KPU Kabupaten Labuhanbatu Utara", id="kpu-not-branch"),
        # a web domain is no longer form of the body
        pytest.param("Pemeriksaan ini menjadi bagian dari upaya KPPU dalam memastikan persaingan usaha yang sehat. "
                     "Putusan dapat dilihat di kppu.go.id.", "KPPU", "kppu.go.id", id="domain"),
    ],
)
def test_short_forms_stay_their_own_body(text, short, long):
    mentions = _mentions(text)
    assert _entity(mentions, long), "the longer form is found"
    assert _entity(mentions, short).isdisjoint(_entity(mentions, long))


def test_bank_unit_does_not_swallow_its_bank():
    # Bank Mega Syariah, written alone, stays itself when a longer run ends with its name.
    text = ("Syariah Card Business Division Head Bank Mega Syariah Dian Sutrisno menjelaskan hal itu. Bank Mega "
            "Syariah sendiri mencatatkan total pembiayaan per April 2025 mencapai Rp 8,9 triliun.")
    names = {m.canonical_name for m in _mentions(text) if m.text == "Bank Mega Syariah"}
    assert names <= {"Bank Mega Syariah"}


def test_lists_of_bodies_stay_bodies():
    # No lone letter and no person among the items: KPK, BPK and BPKP are organisations.
    spans = _spans("Audit itu melibatkan KPK, BPK, dan BPKP sejak awal tahun.")
    assert {("KPK", "ORG"), ("BPK", "ORG"), ("BPKP", "ORG")} <= spans


@pytest.mark.parametrize(
    ("text", "body"),
    [
        pytest.param("Peneliti Indonesia Corruption Watch (ICW) menilai langkah itu terlambat.",
                     "Indonesia Corruption Watch", id="icw"),
        pytest.param("Pemerintah mendorong percepatan investasi infrastruktur nasional melalui peluncuran "
                     "Infrastructure Project Facilitation Office (IPFO).", "Infrastructure Project Facilitation Office",
                     id="ipfo"),
        pytest.param("Salah satu sorotan datang dari Jaringan Pemantau Pendidikan Indonesia (JPPI). Ada tiga hal yang "
                     "digarisbawahi oleh JPPI.", "JPPI", id="jppi"),
    ],
)
def test_bracketed_acronym_of_a_body_is_no_person(text, body):
    # A bracketed acronym after a body's name is no person's initials: common, English or place words name a body.
    assert (body, "PERSON") not in _spans(text)


def test_ministry_short_form_is_the_ministry():
    # "Kemenkeu" and "Kementerian Keuangan" are one body under its full name.
    mentions = _mentions("Imron mendukung program-program Kementerian Keuangan pada 2026 mendatang. Namun banyak "
                         "direktorat jenderal, badan, dan lembaga di bawah Kemenkeu yang menganggarkan program itu.")
    keys = {m.text: (m.entity_key, m.canonical_name) for m in mentions}
    assert keys["Kemenkeu"] == keys["Kementerian Keuangan"]
    assert keys["Kemenkeu"][1] == "Kementerian Keuangan"


@pytest.mark.parametrize(
    "text, acronym",
    [
        pytest.param("Biennial Update Report kami yang telah disampaikan kepada UNFCCC memperkirakan bahwa Indonesia "
                     "membutuhkan dana besar.", "UNFCCC", id="unfccc"),
        pytest.param("Menurutnya, ASCOPE telah mencatat tonggak sejarah. ASCOPE hadir di era 1970-an.", "ASCOPE",
                     id="ascope"),
    ],
)
def test_long_acronyms_keep_their_capitals(text, acronym):
    assert {m.canonical_name for m in _mentions(text) if m.text == acronym} == {acronym}
