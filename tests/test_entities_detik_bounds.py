"""Issue 16 (Detik): names drawn short or long, products and affixed verbs (``bounded_names``,
``affixed_openers``, ministry portfolios of four words and more). Sentences from
../shared/data/news/detik.csv."""

import pytest

from newsetl.transforms.entities import entity_mentions


def _found(text):
    return {(m.text, m.entity_type) for m in entity_mentions(text, "id")}


@pytest.mark.parametrize(
    ("text", "whole", "not_found"),
    [
        # A company written before a country is its unit there: one ORG, no mention of the country.
        ("Kementerian Perdagangan RI, Iqbal Shoffan Shofwan pun mengapresiasi upaya kolaboratif Danone Indonesia "
         "dalam memperkuat pelaku usaha lokal. Adapun tiga di antaranya merupakan UMKM binaan Danone Indonesia melalui "
         "program DAMPING.", ("Danone Indonesia", "ORG"), ("Indonesia", "LOC")),
        # A place and its compass or extent word name one area.
        ("Mata uang Asia Pasifik kompak mengalami pelemahan menjelang batas akhir negosiasi tarif resiprokal.",
         ("Asia Pasifik", "LOC"), ("Asia", "LOC")),
        # A ministry's short form is split from the director general after it.
        ("Menurut Dirjen Integrasi Transportasi dan Multimoda (Ditjen Intram) Kemenhub Risal Wasal, standar idealnya "
         "pengeluaran untuk transportasi tidak lebih 10% dari total biaya hidup.", ("Risal Wasal", "PERSON"),
         ("Kemenhub Risal Wasal", "ORG")),
        # A document's number is no part of the office that issued it.
        ("Adapun dasar penahanan berdasarkan surat Perintah Penahanan Kepala Kejaksaan Negeri Majalengka Nomor: "
         "PRINT-02/M.2.24/Fd/10/2025 tanggal 20 Oktober 2025.", ("Kejaksaan Negeri Majalengka", "ORG"),
         ("Kejaksaan Negeri Majalengka Nomor", "ORG")),
        # Portfolios of four words and more: the whole ministry, not its first portfolio word.
        ("Berikut penilaian yang diberikan Komnas HAM kepada 7 Kementerian/lembaga:\n- Kementerian Komunikasi dan "
         "Digital 58,0- Kementerian Kesehatan 62,9- Kementerian Pendidikan Dasar dan Menengah 66,9- Kementerian "
         "Ketenagakerjaan 54,0.", ("Kementerian Pendidikan Dasar dan Menengah", "ORG"), ("Kementerian Pendidikan", "ORG")),
        # A province's short name is the place.
        ("Hal itu disampaikan Melki dalam Forum Koordinasi Pembangunan Wilayah, di Labuan Bajo, Manggarai Barat, NTT, "
         "Senin (21/10/2025).", ("NTT", "LOC"), ("NTT", "ORG")),
        ("Hal itu disampaikan Melki dalam Forum Koordinasi Pembangunan Wilayah, di Labuan Bajo, Manggarai Barat, NTT, "
         "Senin (21/10/2025).", ("Labuan Bajo", "LOC"), ("Labuan", "LOC")),
        # A place after a regional council or office is the region.
        ("DPRD Solo mengkritisi rencana Wali Kota Solo, Respati Ardi yang menerapkan kerja dari rumah ke ASN mulai "
         "tahun depan.", ("Solo", "LOC"), ("Solo", "PERSON")),
        # An institution's kind before a person's name: the institution, named after the person.
        ("Kasus perseteruan eks dosen Universitas Islam Negeri (UIN) Maulana Malik Ibrahim (Maliki) Imam Muslimin "
         "dengan tetangga, Sahara terus bergulir.", ("Universitas Islam Negeri (UIN) Maulana Malik Ibrahim", "ORG"),
         ("Maulana Malik Ibrahim", "PERSON")),
        ("Usulan itu disampaikan oleh Ketua Dewasn Mahasiswa (DEMA) UIN Syarif Hidayatullah M Ihdan Nazar Husaini "
         "dalam audiensi dengan pimpinan DPR RI, Rabu (3/9/2025).", ("M Ihdan Nazar Husaini", "PERSON"),
         ("Syarif Hidayatullah M Ihdan Nazar Husaini", "PERSON")),
        ("Mereka yang hadir di antaranya Bhante Kamsai Sumano Mahathera dan Penasihat Gereja Bethel Injili Nusantara "
         "(GBIN) Pendeta John Lokollo.", ("Gereja Bethel Injili Nusantara", "ORG"),
         ("Penasihat Gereja Bethel Injili Nusantara", "ORG")),
    ],
)
def test_names_get_their_whole_bounds(text, whole, not_found):
    found = _found(text)
    assert whole in found
    assert not_found not in found


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("Tinggal kliklink ini, download, dan upgrade ke Allo Prime.", "Allo Prime"),
        ('Kamal langsung menggorok leher Endang. "Permintaan korban dimanfaatkan oleh tersangka. Digorok dari belakang '
         'pakai pisau yang disembunyikan di bawah bantal."', "Digorok"),
        ('Purbaya mengaku siap dilantik.\n"Siaplah, nggak pernah nggak siap," kata Purbaya saat ditanya apakah siap '
         "dilantik.", "Siaplah"),
        ("Rapat Paripurna ke-1 MP I Tahun 2025 ditutup dengan penandatanganan persetujuan bersama terhadap Raperda "
         "yang telah disepakati.", "Raperda"),
        ("Dividen tersebut merupakan pendanaan utama Danantara, ungkap Rosan dalam acara Transformasi Ekonomi Menuju "
         "Indonesia Emas di Jakarta.", "Indonesia"),
        ("Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan, Agus Harimurti Yudhoyono (AHY) "
         "mengatakan, Indonesia membutuhkan investasi.", "Pembangunan Kewilayahan"),
        ("Perbedaan penghasilan besar, terutama bagi imigran asal Afrika sub-Sahara yang sebagian besar menjadi "
         "responden.", "Sahara"),
        ("Teknologi ini mengoptimalkan Water Use Efficiency (WUE) dan Power Usage Effectiveness (PUE).",
         "Power Usage Effectiveness"),
    ],
)
def test_products_documents_and_verbs_name_nothing(text, nothing):
    assert nothing not in {t for t, _kind in _found(text)}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # Honorifics and ranks qualify a person, whatever place shares the name.
        ("Dalam kunjungan ke Astana Gede Kawali, kami ditemani oleh Pak Eman selaku juru kunci situs, serta Pak Ega "
         "dan Pak Seno, dua budayawan sekaligus sejarawan Ciamis.", "Seno"),
        ("Tim tersebut dipimpin oleh Ipda Samosir.", "Samosir"),
        # A pair of persons joined by a hyphen keeps both.
        ("Pertamina berupaya mewujudkan swasembada energi selama satu tahun Pemerintahan Prabowo-Gibran ini.", "Gibran"),
        # A dash that lost its space before a name leaves the name a person.
        ("Direktur Utama PGN Saka Intan Fauzi bersama jajaran direksi-Fuji Koesumadewi, Achmad Agus Miftakhurrohman "
         "hadir.", "Fuji Koesumadewi"),
    ],
)
def test_people_stay_people(text, person):
    assert (person, "PERSON") in _found(text)


def test_a_nickname_and_a_city_named_person_link_to_the_full_name():
    text = ("Wakil Menteri Ketenagakerjaan Immanuel Ebenezer ditangkap KPK. Kemudian, Noel juga sempat menjabat "
            "sebagai komisaris di anak perusahaan BUMN.\nVienna Varella Angeli Parinussa (19) diadili. Dari hasil "
            "promosi itu, Vienna mendapatkan tambahan uang untuk kebutuhan hidup sehari-hari.")
    names = {m.text: (m.entity_type, m.canonical_name) for m in entity_mentions(text, "id")}
    assert names["Noel"] == ("PERSON", "Immanuel Ebenezer")
    assert names["Vienna"] == ("PERSON", "Vienna Varella Angeli Parinussa")


def test_the_bracketed_short_form_after_a_portfolio_is_the_ministry():
    text = ("Gubernur Nusa Tenggara Timur (NTT) Emanuel Melkiades Laka Lena mengusulkan kepada kepada Menteri "
            "Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan (Kemenko IPK) untuk membangun Kawasan "
            "Ekonomi Khusus (KEK) di wilayah perbatasan dengan Timor Leste.")
    found = _found(text)
    assert ("Kemenko IPK", "ORG") in found
    assert ("Pembangunan Kewilayahan", "ORG") not in found


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # Two district names in a row are a place, not a person.
        ('"Saya sedang patroli di terminal, anak sudah lewat ke Cibadak," kata Kapolsek Nagrak Cibadak.',
         ("Nagrak Cibadak", "PERSON"), ("Nagrak Cibadak", "LOC")),
        # A directorate's abbreviation after Pak is an office, no person.
        ("Jadi saya sampaikan apresiasi yang luar biasa kepada Pak Dirlantas, Pak Kapolres, dan para Kasat Lantas "
         "bahwa ter-captured di tahun 2025 4.526.", ("Dirlantas", "PERSON"), None),
        # A rank alone names nobody.
        ("Hadir Kasat Polairud AKP Gede Sukarmadiyasa dan Komandan Pos TNI AL Panarukan Letda laut ( PM) Didin "
         "Hapidin.", ("Letda", "PERSON"), ("Didin Hapidin", "PERSON")),
        # A place opening an English body's name is no place there.
        ("Kabid Humas Polda Jabar menjelaskan, kunjungan Kapolda Jabar ke Bandung Zoo dilakukan untuk melakukan "
         "pencopotan garis polisi.", ("Bandung", "LOC"), ("Bandung Zoo", "ORG")),
    ],
)
def test_places_and_offices_are_no_people(text, absent, present):
    found = _found(text)
    assert absent not in found
    if present:
        assert present in found


def test_pn_in_indonesian_is_the_district_court():
    text = ("Sidang putusan praperadilan digelar di PN Kelas I A PHI/Tipikor Palu pada Rabu (28/5/2025). Perkara "
            "terdaftar dengan nomor 135/Pid.Sus-LH/2025/PN Cbd, dan sudah memasuki tahap persidangan.")
    pns = [m.canonical_name for m in entity_mentions(text, "id") if m.text == "PN"]
    assert pns == ["Pengadilan Negeri"]
    found = _found("Demikian putusan hakim seperti dikutip dari situs SIPP PN Jakpus.")
    assert ("PN Jakpus", "ORG") in found
