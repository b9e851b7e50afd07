"""Issue 16, Indonesian names on Detik: offices written with their short form in brackets."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _mentions(text, entity_type):
    return [(m.text, m.role) for m in entity_mentions(text, "id") if m.entity_type == entity_type]


# Sentences from ../shared/data/news/detik.csv.
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Hal itu terkait laporan pencemaran nama baik yang dilaporkan mantan Gubernur Jawa Barat (Jabar) Ridwan "
         "Kamil (RK). Lantas, bagaimana respons pihak Lisa?", "Ridwan Kamil", "Gubernur Jawa Barat"),
        ("Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil Lahadalia mengungkapkan produksi siap jual atau "
         "lifting minyak pada tahun ini.", "Bahlil Lahadalia", None),
        ("Menurut Menteri Ketenagakerjaan (Menaker) Yassierli, pada tahap kedua pemerintah membuka kuota untuk "
         "peserta magang.", "Yassierli", None),
        ("KPK menjerat Wakil Menteri Ketenagakerjaan (Wamenaker) Immanuel Ebenezer atau Noel.", "Immanuel Ebenezer", None),
        ('"Ada 2 siswa yang diduga keracunan," kata Kepala Dinas Kesehatan (Dinkes) Seram Bagian Barat, Gariman '
         "Kurniawan dilansir detikSulsel.", "Gariman Kurniawan", None),
    ],
)
def test_a_bracketed_short_form_after_an_office_leads_to_the_name(text, name, role):
    people = _mentions(text, "PERSON")
    assert name in [p for p, _ in people]
    if role is not None:
        assert (name, role) in people


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        # The words after the short form name the unit's village, then the person follows the comma.
        ("Hari ini, Ketua Satuan Pelayanan Pemenuhan Gizi (SPPG) Cigunung Desa Sukaresmi, Hana Nabilah Azmi "
         "menyampaikan permohonan maaf.", "Cigunung"),
        # The region after the short form is the office's seat.
        ('"Ada 2 siswa yang diduga keracunan," kata Kepala Dinas Kesehatan (Dinkes) Seram Bagian Barat, Gariman '
         "Kurniawan dilansir detikSulsel.", "Seram Bagian Barat"),
    ],
)
def test_the_place_of_an_office_after_its_short_form_is_no_person(text, not_a_person):
    assert not_a_person not in [p for p, _ in _mentions(text, "PERSON")]


def test_a_short_form_closing_the_sentence_leaves_the_region_a_place():
    text = "KPK menyebut pejabat yang ditangkap di Sultra merupakan Bupati Kolaka Timur (Koltim). KPK belum menjelaskan."
    assert "Kolaka Timur" in [p for p, _ in _mentions(text, "LOC")]


@pytest.mark.parametrize(
    ("text", "surface", "canonical", "code"),
    [
        ("Menanggapi unjuk rasa sebelumnya pada akhir Agustus lalu, Pemerintah Australia menyatakan menentang aksi "
         "tersebut.", "Pemerintah Australia", "Pemerintah Australia", "AU"),
        ("Menurutnya, langkah ini merupakan permintaan langsung dari pemerintah Arab Saudi.",
         "pemerintah Arab Saudi", "Pemerintah Arab Saudi", "SA"),
        ("Pemerintah RI bersama sejumlah pelaku industri pertanian tengah menyiapkan ekspor langsung.",
         "Pemerintah RI", "Pemerintah Indonesia", "ID"),
        ("Pemerintah Inggris memanggil duta besarnya.", "Pemerintah Inggris", "Pemerintah Inggris Raya", "GB"),
        ("Asisten pelatih Timnas Uzbekistan, Timur Kapadze, diisukan melatih Timnas Indonesia.",
         "Timnas Indonesia", "Timnas Indonesia", "ID"),
    ],
)
def test_a_countrys_government_or_team_is_one_org_named_in_indonesian(text, surface, canonical, code):
    orgs = [(m.text, m.canonical_name, m.country_code) for m in entity_mentions(text, "id") if m.entity_type == "ORG"]
    assert (surface, canonical, code) in orgs


def test_two_governments_joined_by_dan_are_two_orgs():
    text = ("Perjanjian antara Pemerintah Republik Indonesia dan Pemerintah Pakistan untuk Program Hibah pada "
            "beasiswa.")
    orgs = [m.text for m in entity_mentions(text, "id") if m.entity_type == "ORG"]
    assert "Pemerintah Republik Indonesia" in orgs and "Pemerintah Pakistan" in orgs


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("TAS (22), mahasiswa semester VII Program Studi Sosiologi FISIP Unud, meninggal dunia setelah melompat "
         "dari lantai empat gedung FISIP Unud, Denpasar.", "Unud", "Universitas Udayana"),
        ("Chiko diketahui sebagai mahasiswa Fakultas Hukum Universitas Diponegoro (Undip) Semarang. Rektor Undip, "
         "Suharnomo, memastikan pihak kampus bergerak cepat.", "Undip", "Universitas Diponegoro"),
        ('"Tapi yang jelas di Unair kita nanti kurikulumnya ini juga untuk diajari," ujarnya.', "Unair",
         "Universitas Airlangga"),
        ("Dia menepis tudingan itu saat konferensi pers di kampus Unud, Senin (20/10/2025).", "Unud",
         "Universitas Udayana"),
    ],
)
def test_a_universitys_short_form_is_the_university(text, surface, canonical):
    mentions = entity_mentions(text, "id")
    assert (surface, "ORG", canonical) in [(m.text, m.entity_type, m.canonical_name) for m in mentions]
    assert surface not in [m.text for m in mentions if m.entity_type == "PERSON"]


def test_a_degree_written_alone_is_no_person():
    text = '"Ini biasa kami kerjakan," kata Dwi, salah satu mahasiswa Magister SIL UI. Seharusnya SIL memberi contoh.'
    assert "Magister" not in [p for p, _ in _mentions(text, "PERSON")]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Para tersangka berinisial AVADL, MJ, YM, YD, YS, ADES (DPO), DDH (DPO), SM (DPO). Diketahui, tersangka YM "
         "saat ini tengah ditahan dalam kasus lain.", ["AVADL", "MJ", "YM", "YD", "YS", "ADES", "DDH", "SM"]),
        ("Peristiwa itu berawal saat lima pelaku berinisial APB (21), YZ (26), AKW (22), AY (51), serta RL (17) datang "
         "ke kampung tersebut.", ["APB", "YZ", "AKW", "AY", "RL"]),
    ],
)
def test_every_initials_of_a_list_after_berinisial_are_persons(text, initials):
    people = [p for p, _ in _mentions(text, "PERSON")]
    assert all(i in people for i in initials)
    assert not any(m.text in initials for m in entity_mentions(text, "id") if m.entity_type == "ORG")


def test_a_subheadings_opening_word_is_cut_from_the_name():
    text = ('Jika tidak, Presiden Prabowo Subianto akan melakukan reshuffle," ujarnya.\n\nUltimatum Prabowo\n'
            "Pernyataan Said Abdullah ini muncul menyusul sikap Presiden Prabowo yang tegas.")
    people = [(m.text, m.canonical_name) for m in entity_mentions(text, "id") if m.entity_type == "PERSON"]
    assert ("Prabowo", "Prabowo Subianto") in people
    assert not any("Ultimatum" in name for _, name in people)


def test_a_name_standing_as_a_subheading_and_written_whole_elsewhere_stays_whole():
    text = "Ia datang.\n\nPrabowo Subianto\nPresiden Prabowo Subianto hadir di sana."
    assert [p for p, _ in _mentions(text, "PERSON")] == ["Prabowo Subianto", "Prabowo Subianto"]


def test_a_unit_before_a_universitys_short_form_stays_one_org_with_it():
    text = "Kepala Departemen Kajian BEM UI Dialo Hujanbiru mengatakan mereka menggelar demonstrasi."
    mentions = entity_mentions(text, "id")
    assert ("Departemen Kajian BEM UI", "ORG") in [(m.text, m.entity_type) for m in mentions]
    assert ("Dialo Hujanbiru", "PERSON") in [(m.text, m.entity_type) for m in mentions]


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ('"Kenaikan ini adalah bukti nyata bahwa reformasi Korlantas Polri berjalan sukses," tegas Nasky.',
         "Korlantas Polri", "Korlantas Polri"),
        ("Rizki mengungkapkan, hingga pertengahan 2025, Komdigi mencatat lebih dari 1,2 juta laporan penipuan digital.",
         "Komdigi", "Kementerian Komunikasi dan Digital"),
        ("Tambahan 3 poin membuat Persib naik ke peringkat 3 klasemen sementara.", "Persib", "Persib Bandung"),
        ("Noprianto mengatakan kasus tersebut berawal saat Pemko Binjai mendapatkan DBH sawit yang bersumber dari pusat.",
         "Pemko Binjai", "Pemko Binjai"),
        ("Ia mengatakan sekitar sepertiga dari 100 anggota Senat dipilih setiap dua tahun.", "Senat", "Senat"),
    ],
)
def test_bodies_written_bare_are_orgs_not_persons(text, surface, canonical):
    mentions = entity_mentions(text, "id")
    assert (surface, "ORG", canonical) in [(m.text, m.entity_type, m.canonical_name) for m in mentions]
    assert not [m for m in mentions if m.entity_type == "PERSON" and surface in m.text]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kejadian ini dialami Indra dan istrinya, Dessi, serta rekan-rekannya, pada Sabtu (11/10), di rumah salah satu "
         "pelaku.", "Dessi"),
        ("Endorse tersebut diterimanya dari seseorang bernama Cindy melalui WhatsApp, dengan pembayaran langsung "
         "ditransfer.", "Cindy"),
        ("Seorang wanita di Palembang, Suci Anggraini (30) mengaku menjadi korban fitnah keji.", "Suci Anggraini"),
        ("Selebgram asal Jakarta, Vienna Varella Angeli Parinussa (19), kembali jadi sorotan di Pengadilan Negeri.",
         "Vienna Varella Angeli Parinussa"),
    ],
)
def test_a_name_after_a_person_noun_or_before_an_age_is_a_person(text, name):
    assert name in [p for p, _ in _mentions(text, "PERSON")]
    assert name not in [p for p, _ in _mentions(text, "LOC")]


def test_an_article_number_in_brackets_is_no_age():
    assert _mentions("Ia dijerat Pasal 27B Ayat (2) dari UU ITE.", "PERSON") == []


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("Uang Rp 13,2 triliun itu disita dari 3 perusahaan sekaligus, Wilmar Group, Musim Mas Group, dan Permata "
         "Hijau Group.", ["Wilmar Group", "Musim Mas Group", "Permata Hijau Group"]),
        ("Bill Adams, kepala ekonom di Comerica Bank memproyeksikan bank sentral itu tidak akan memangkas suku bunga.",
         ["Comerica Bank"]),
        ("Dana itu disimpan dalam bentuk deposito, baik di Bank BJB maupun perbankan lain.", ["Bank BJB"]),
        ("Perlu dicatat, produk ini tidak berlaku tambahan diskon Allo Bank dan bank Mega.", ["Allo Bank"]),
    ],
)
def test_names_closed_or_opened_by_a_company_word_are_orgs(text, companies):
    orgs = [p for p, _ in _mentions(text, "ORG")]
    assert all(c in orgs for c in companies)


def test_a_company_word_inside_a_longer_name_closes_nothing():
    text = "Peserta melalui proses seleksi esai dan wawancara berbasis Focus Group Discussion."
    assert "Focus Group" not in [p for p, _ in _mentions(text, "ORG")]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Bahkan secara institusional, kini ada lembaga negara seperti Komnas Perempuan, Komnas HAM, LPSK, serta "
         "berbagai watchdog independen.", "Komnas Perempuan"),
        ('"Kami terus mendorong," kata Menteri Lingkungan Kenya, Deborah Barasa, yang tergabung dalam Koalisi Ambisi '
         "Tinggi yang mendorong tindakan agresif terhadap limbah plastik.", "Koalisi Ambisi Tinggi"),
        ("Air yang menggenangi jalan sudah mulai disedot menggunakan pompa milik Balai Besar Wilayah Sungai (BBWS) dan "
         "dialirkan ke sungai.", "Balai Besar Wilayah Sungai"),
    ],
)
def test_commissions_coalitions_and_agencies_open_an_org(text, org):
    assert org in [p for p, _ in _mentions(text, "ORG")]


@pytest.mark.parametrize("text", [
    "Rapat digelar di Balai Kota Bogor kemarin.",
    "Peresmian ini dilakukan pada Rabu (22/10/2025) di Balai Sidang, Kampus UI Depok.",
])
def test_a_hall_is_no_body(text):
    assert not [p for p, _ in _mentions(text, "ORG") if p.startswith("Balai")]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Gus Ipul saat mengunjungi SRMA 33 Tangerang Selatan bersama Seskab Teddy Indra Wijaya, Minggu (19/10/2025).",
         "Teddy Indra Wijaya", "Seskab"),
        ("Pria yang akrab disapa Kang Dedi Mulyadi (KDM) itu menantang Purbaya buka-bukaan soal data.",
         "Dedi Mulyadi", "Kang"),
        ("Sementara itu terkait MBG, Wamenkes Benjamin Paulus Octavianus mengatakan ada cara lain untuk mencegah.",
         "Benjamin Paulus Octavianus", "Wamenkes"),
        ("Dalam rangka menutup refleksi setahun perjalanan, Menag Nasaruddin Umar menegaskan keberhasilan Kemenag.",
         "Nasaruddin Umar", "Menag"),
    ],
)
def test_short_titles_and_cabinet_abbreviations_are_roles(text, name, role):
    assert (name, role) in _mentions(text, "PERSON")


def test_a_titled_name_runs_on_into_the_taggers_person_but_not_a_region():
    text = "Menurut Menteri Hukum Supratman Andi Agtas, audiensi dengan Wali Kota Sukabumi Ayep Zaki digelar kemarin."
    people = [p for p, _ in _mentions(text, "PERSON")]
    assert "Supratman Andi Agtas" in people and "Ayep Zaki" in people
    assert "Sukabumi" in [p for p, _ in _mentions(text, "LOC")]


def test_a_partys_full_name_is_the_party_not_the_country():
    text = "Kata Prabowo dikutip dari channel YouTube Partai Solidaritas Indonesia, dikutip Senin (22/7/2025)."
    mentions = entity_mentions(text, "id")
    assert ("Partai Solidaritas Indonesia", "PSI") in [(m.text, m.canonical_name) for m in mentions if m.entity_type == "ORG"]
    assert "Indonesia" not in [m.text for m in mentions if m.entity_type == "LOC"]


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Direktur Penyuluhan, Pelayanan, dan Hubungan Masyarakat Ditjen Pajak Rosmauli mengatakan pelaporan naik.",
         "Penyuluhan"),
        ("Kata Direktur Jenderal Perimbangan Keuangan Kemenkeu, Askolani dalam keterangan tertulis.", "Perimbangan"),
        ("Ketua Pelayanan Medik RSUP IKN, Tirta Asprimi Angraen, menyampaikan rumah sakit itu siap.", "Medik"),
    ],
)
def test_an_abstract_noun_after_a_title_is_no_person(text, not_a_person):
    assert not [p for p, _ in _mentions(text, "PERSON") if not_a_person in p]


def test_an_abstract_noun_is_cut_from_the_name_it_opens():
    text = "Pada hari Sabtu ia memposting lagi.\n\nPerseteruan Trump-Musk kembali memanas secara dramatis akhir bulan."
    assert "Trump" in [p for p, _ in _mentions(text, "PERSON")]


def test_a_pollster_is_an_org_before_its_director():
    text = ('Angka itu relatif tinggi," kata Direktur Eksekutif Poltracking Indonesia Hanta Yuda Rasyid kepada wartawan.')
    mentions = entity_mentions(text, "id")
    assert ("Poltracking Indonesia", "ORG") in [(m.text, m.entity_type) for m in mentions]
    assert not [m for m in mentions if m.entity_type == "PERSON" and "Poltracking" in m.text]


def test_names_in_a_bulleted_list_are_found():
    text = ("Berikut tokoh-tokoh yang tiba di Istana jelang pelantikan sore ini:\n- Menteri BUMN Erick Thohir\n"
            "- Sekretaris DPP PKB Farida Faricha\n- Wamenkomdigi Angga Raka Prabowo")
    people = _mentions(text, "PERSON")
    assert ("Erick Thohir", "Menteri BUMN") in people
    assert "Farida Faricha" in [p for p, _ in people]
    assert ("Angga Raka Prabowo", "Wamenkomdigi") in people


@pytest.mark.parametrize(
    ("text", "initials", "person"),
    [
        ("Pria yang akrab disapa Kang Dedi Mulyadi (KDM) itu menantang Purbaya. Purbaya menekankan lagi bahwa KDM bisa "
         "menanyakan hal itu.", "KDM", "Dedi Mulyadi"),
        ("Laporan itu dilaporkan mantan Gubernur Jawa Barat (Jabar) Ridwan Kamil (RK). Lantas RK menjawab tudingan itu.",
         "RK", "Ridwan Kamil"),
        ("KPK telah menetapkan Direktur Utama PT Loco Montrado, Siman Bahar (SB), sebagai tersangka.", "SB", "Siman Bahar"),
    ],
)
def test_a_persons_initials_in_brackets_are_that_person(text, initials, person):
    mentions = [m for m in entity_mentions(text, "id") if m.text == initials]
    assert mentions and all((m.entity_type, m.canonical_name) == ("PERSON", person) for m in mentions)
    assert len({m.entity_key for m in entity_mentions(text, "id") if m.canonical_name == person}) == 1


def test_an_english_term_taken_for_a_person_gives_its_acronym_no_person():
    text = "Pemerintah mengusulkan pembentukan Sovereign Wealth Fund (SWF) berupa Dana Abadi Tambang."
    assert "SWF" not in [m.text for m in entity_mentions(text, "id") if m.entity_type == "PERSON"]


def test_an_english_corporate_title_and_portfolio_stay_out_of_the_name():
    text = ("Vice President Corporate Communication Fadjar Djoko Santoso menambahkan kegiatan Pertamina Youth Program "
            "sejalan dengan itu.")
    assert "Fadjar Djoko Santoso" in [p for p, _ in _mentions(text, "PERSON")]
    assert "Vice President" not in [p for p, _ in _mentions(text, "PERSON")]


# Sentences from ../shared/data/news/detik.csv that gave PERSON entities holding an organisation.
@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        ("Dari 22 kabupaten/kota di NTT, hanya dua kabupaten yang komisioner Bawaslu-nya berjumlah lima orang.",
         "Bawaslu-nya"),
        ("Mereka menilai manajemen badan gizi nasional tidak baik. Ketua BGN-nya sendiri bukan orang yang ahli.",
         "BGN-nya"),
        ("Anggota Banggar Andi Muhammad Salam awalnya menyampaikan pandangan fraksinya.", "Banggar Andi"),
        ("Hal itu disampaikan Kasi Intel Kejaksaan Negeri Kuantan Singingi Soenarto kepada wartawan.", "Intel"),
    ],
)
def test_an_organisation_glued_to_a_clitic_or_a_name_is_no_person(text, not_person):
    people = [p for p, _ in _mentions(text, "PERSON")]
    assert not_person not in people, people


def test_the_budget_body_is_an_organisation():
    text = "Dengan ditolaknya usulan tambahan anggaran oleh Banggar maka besaran anggaran Otorita IKN berkurang."
    assert ("Banggar", None) in _mentions(text, "ORG")


def test_diy_is_the_province_after_a_preposition():
    assert ("DIY", None) in _mentions("Ribuan buruh berunjuk rasa di DIY pada Rabu (8/10).", "LOC")


# Sentences from ../shared/data/news/detik.csv: the tagger opened a second person inside one name.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jokowi ke Bali untuk menghadiri undangan pernikahan Plt Ketua PSI Bali I Putu Yoga Adi Saputra pada Rabu "
         "(1/10) lalu.", "Putu Yoga Adi Saputra"),
        # "Ramdan" alone later in the article is carried back over the name's first word.
        ("Direktur Eksekutif Departemen Komunikasi BI Ramdan Denny Prakoso mengimbau agar masyarakat yang mempunyai "
         "pecahan uang tersebut untuk menukarkan di kantor pusat BI.\n\"BI mengingatkan bagi masyarakat yang memiliki 4 "
         "pecahan uang kertas untuk dapat menukarkannya di Kantor Pusat Bank Indonesia,\" kata Ramdan dalam keterangan "
         "tertulis.\nRamdan mengakui memang BI secara rutin mencabut dan menarik uang rupiah.", "Ramdan Denny Prakoso"),
    ],
)
def test_two_person_spans_side_by_side_are_one_name(text, name):
    assert name in [p for p, _ in _mentions(text, "PERSON")]


def test_an_acronym_beside_a_name_is_not_joined_to_it():
    # "Yosdian" + "ID" of the company ID Food: the acronym is no part of his name.
    text = "Sekretaris Perusahaan ID FOOD, Yosdian Adi Pramono, mengatakan hingga Oktober 2025, Yosdian ID Food telah menyalurkan bantuan."
    assert "Yosdian ID" not in [p for p, _ in _mentions(text, "PERSON")]
