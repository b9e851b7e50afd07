"""Tests for transforms.facts.quotes: quote spans, scare quotes, speakers and cited media."""

import pytest

from newsetl.transforms.facts import quotes
from newsetl.transforms.records import EntityMention


def mention(text, surface, entity_type, key, occurrence=0):
    """Return an EntityMention for the ``occurrence``-th ``surface`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return EntityMention(start, start + len(surface), surface, entity_type, key, key.split(":", 1)[1])


def only_quote(text, mentions=()):
    found = quotes(text, list(mentions))
    assert len(found) == 1, found
    quote = found[0]
    assert text[quote.start:quote.end] == quote.quote_text
    if quote.speaker_start is not None:
        assert text[quote.speaker_start:quote.speaker_end] == quote.speaker_text
    return quote


@pytest.mark.parametrize(
    ("text", "quote_text"),
    [
        ('"Kami tidak akan mundur," kata Aliyev.', "Kami tidak akan mundur"),
        ("“Kami tidak akan mundur,” kata Aliyev.", "Kami tidak akan mundur"),
        ('"Kami tidak akan mundur,” kata Aliyev.', "Kami tidak akan mundur"),  # mixed pair
        ("„Kami tidak akan mundur“, kata Aliyev.", "Kami tidak akan mundur"),
        ('"Kami khawatir. Situasi bisa meluas," kata Lavrov.', "Kami khawatir. Situasi bisa meluas"),
        (
            "\"Warga berteriak 'lari' ketika sirene berbunyi,\" kata Ani.",
            "Warga berteriak 'lari' ketika sirene berbunyi",
        ),
        ("“Musuh berusaha menyusun kembali pasukannya, tetapi kami menekan semua upaya.”", None),
    ],
)
def test_quote_offsets_cover_the_words_without_marks(text, quote_text):
    quote = only_quote(text)
    expected = quote_text or text[1:-1]
    assert quote.quote_text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pejabat separatis menggambarkan situasi semalam begitu “genting” di sepanjang garis depan.",
        "Pashinyan meminta Putin memulai negosiasi “mendesak” tentang bantuan keamanan.",
        "Harutyunyan mengatakan dia menuju medan tempur dan 'pertempuran terakhir' telah dimulai.",
        "Rusia telah berjanji untuk memberikan “bantuan yang diperlukan” kepada Armenia.",
        'Turki mengulangi bahwa apa yang disebut "penjajah" Armenia harus ditarik.',
        'Amunisi tandan dipakai untuk "meningkatkan skala kehancuran", seperti dilansir TASS.',
        "Ankara menyuarakan dukungannya untuk “saudara-saudara Azerbaijan”, serta menghadapi tuduhan.",
    ],
)
def test_scare_quotes_are_not_speech(text):
    assert quotes(text, []) == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Kami tidak akan mundur," kata Pashinyan kepada wartawan.', "Pashinyan", "kata"),
        ('"Kami siap berunding," ujar Ilham Aliyev di Baku.', "Ilham Aliyev", "ujar"),
        ('"Situasinya buruk," ucap Hikmet Hajiyev.', "Hikmet Hajiyev", "ucap"),
        ("“Kami menolak tuduhan itu,” tutur Ilham Aliyev kepada wartawan.", "Ilham Aliyev", "tutur"),
        ('"Semua opsi masih terbuka," ungkap Kepala Staf TNI Andika Perkasa.', "Andika Perkasa", "ungkap"),
        ('"Ini bukan perang kami," jelas Recep Tayyip Erdogan dalam pidatonya.', "Recep Tayyip Erdogan", "jelas"),
        ('"Musuh telah mundur," tulis Kementerian Pertahanan Armenia di Twitter.',
         "Kementerian Pertahanan Armenia", "tulis"),
        ('"Kami siap berunding," Lavrov mengatakan kepada wartawan.', "Lavrov", "mengatakan"),
        ('"Tidak ada gencatan senjata," menurut Arayik Harutyunyan.', "Arayik Harutyunyan", "menurut"),
        ('"Kami akan menang," kata Menteri Luar Negeri Rusia Sergey Lavrov.', "Sergey Lavrov", "kata"),
        ('"Situasinya buruk," ucap Juru Bicara Kementerian Luar Negeri Teuku Faizasyah.', "Teuku Faizasyah", "ucap"),
        ('Presiden Joko Widodo mengatakan, "Kita harus menjaga persatuan bangsa ini."', "Joko Widodo", "mengatakan"),
        ('"Rumah kami hancur," kata Ani, 45 tahun, warga Stepanakert.', "Ani", "kata"),
        # A name and a role right after the quote, with no verb at all.
        (
            "“Tuntutan itu tidak akan berguna kali ini,” Mevlut Cavusoglu, Menteri Luar Negeri Turki, "
            "seperti dikutip oleh kantor berita Anadolu.",
            "Mevlut Cavusoglu",
            None,
        ),
        # English
        ('"We will not stop until the occupation ends," Aliyev said in a televised address.', "Aliyev", "said"),
        ('"The situation is very tense," said Armenian Prime Minister Nikol Pashinyan.', "Nikol Pashinyan", "said"),
        ('Erdogan said: "Turkey stands with Azerbaijan with all its means."', "Erdogan", "said"),
    ],
)
def test_speaker_is_read_from_the_cue(text, speaker, cue):
    quote = only_quote(text)
    assert quote.speaker_text == speaker
    assert quote.cue == cue


@pytest.mark.parametrize(
    ("text", "quote_start", "speaker", "cue"),
    [
        (
            'Shushan Stepanyan, juru bicara kementerian pertahanan Armenia, mengatakan serangan dipukul mundur.\n'
            '"Pertempuran sengit sedang berlangsung di sisi lain," tulisnya di Facebook.',
            "Pertempuran", "Shushan Stepanyan", "tulisnya",
        ),
        (
            '"Kami pasti khawatir tentang konflik ini," kata Lavrov.\n'
            'Baca juga: Video serangan drone\n'
            '"Kami telah berulang kali meminta asing untuk menghentikan transfer militan," katanya.',
            "Kami telah", "Lavrov", "katanya",
        ),
        (
            "Sementara itu, Kementerian Pertahanan Azerbaijan mengatakan pasukannya maju.\n"
            '"Saat ini, pasukan Azerbaijan menguasai benteng baru," kata kementerian itu kemarin pagi.',
            "Saat ini", "Kementerian Pertahanan Azerbaijan", "kata",
        ),
        (
            # The latest speaker wins over an earlier one.
            'Aliyev mengatakan Baku tidak akan mundur. "Kami siap," kata Pashinyan.\n'
            '"Kami tidak akan menyerah," ujarnya.',
            "Kami tidak", "Pashinyan", "ujarnya",
        ),
        (
            # The ministry anaphor skips the person who spoke last.
            "Kementerian Luar Negeri Rusia menyerukan gencatan senjata. Lavrov juga mengatakan hal serupa.\n"
            '"Kami mendesak semua pihak untuk menahan diri," kata kementerian tersebut.',
            "Kami mendesak", "Kementerian Luar Negeri Rusia", "kata",
        ),
    ],
)
def test_pronoun_cues_and_anaphors_resolve_to_the_latest_fitting_speaker(text, quote_start, speaker, cue):
    [quote] = [q for q in quotes(text, []) if q.quote_text.startswith(quote_start)]
    assert quote.speaker_text == speaker
    assert text[quote.speaker_start:quote.speaker_end] == speaker
    assert quote.cue == cue


def test_pronoun_without_antecedent_has_no_speaker():
    quote = only_quote('"Kami tidak akan menyerah," katanya.')
    assert quote.speaker_text is None and quote.speaker_start is None
    assert quote.cue == "katanya"


def test_pronoun_resolves_to_person_mention_when_no_speaker_is_known():
    text = 'Pashinyan berpidato di parlemen pada Minggu malam. Ia tampak lelah.\n"Kami tidak akan menyerah," kata dia.'
    mentions = [mention(text, "Pashinyan", "PERSON", "PERSON:nikol pashinyan")]
    quote = only_quote(text, mentions)
    assert quote.speaker_text == "Pashinyan"
    assert quote.speaker_entity_key == "PERSON:nikol pashinyan"


def test_mentions_narrow_the_speaker_and_give_its_entity_key():
    text = '"Kami akan menang," kata Menteri Luar Negeri Rusia Sergey Lavrov kepada Kommersant.'
    mentions = [
        mention(text, "Rusia", "LOC", "LOC:rusia"),
        mention(text, "Sergey Lavrov", "PERSON", "PERSON:sergey lavrov"),
        mention(text, "Kommersant", "ORG", "ORG:kommersant"),
    ]
    quote = only_quote(text, mentions)
    assert (quote.speaker_text, quote.speaker_entity_key) == ("Sergey Lavrov", "PERSON:sergey lavrov")
    assert quote.cited_source == "Kommersant"


def test_resolved_pronoun_carries_the_antecedents_entity_key():
    text = (
        "Sementara itu, Kementerian Pertahanan Azerbaijan mengatakan pasukannya maju.\n"
        '"Saat ini, pasukan Azerbaijan menguasai benteng baru," kata kementerian itu.'
    )
    mentions = [
        mention(text, "Kementerian Pertahanan Azerbaijan", "ORG", "ORG:kementerian pertahanan azerbaijan"),
        mention(text, "Azerbaijan", "LOC", "LOC:azerbaijan", occurrence=1),
    ]
    quote = only_quote(text, mentions)
    assert quote.speaker_entity_key == "ORG:kementerian pertahanan azerbaijan"
    assert text[quote.speaker_start:quote.speaker_end] == "Kementerian Pertahanan Azerbaijan"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('"Rusia akan membantu," kata Pashinyan dalam wawancara dengan surat kabar Bild, Jerman.', "Bild"),
        ('"Rusia akan memenuhinya," ujar Pashinyan seperti dikutip kantor berita TASS.', "TASS"),
        ('"Kami khawatir," kata Lavrov kepada harian bisnis Rusia Kommersant, lansir AFP.', "Kommersant"),
        ('"Pertempuran sengit berlangsung," tulis Stepanyan seperti dikutip Aljazeera.com, Minggu.', "Aljazeera"),
        ("“Rusia akan memberikan semua bantuan,” kata Kementerian Luar Negeri Rusia, sebagaimana dikutip "
         "SinarPost.com dari Russia Today.", "Russia Today"),
        ('Seperti dikutip Reuters, Aliyev mengatakan, "Kami tidak akan berhenti sampai pendudukan berakhir."',
         "Reuters"),
        ('"Kami tidak akan mundur," kata Aliyev.', None),
    ],
)
def test_cited_source_is_the_medium_named_in_the_quotes_sentence(text, source):
    assert only_quote(text).cited_source == source


def test_citation_in_the_next_sentence_is_not_the_quotes_source():
    text = '"Kami tidak akan mundur." Kantor berita TASS melaporkan serangan baru.'
    assert only_quote(text).cited_source is None


def test_orphan_closing_mark_after_an_attributed_quote():
    text = (
        '"Kami mungkin menghadapi momen paling menentukan dalam sejarah kami," kata Pashinyan dalam '
        "pidatonya di hadapan warganya. Kita semua harus mengabdikan diri pada satu tujuan, yakni kemenangan,” "
        "katanya."
    )
    first, second = quotes(text, [])
    assert first.quote_text.startswith("Kami mungkin") and first.speaker_text == "Pashinyan"
    assert second.quote_text == "Kita semua harus mengabdikan diri pada satu tujuan, yakni kemenangan"
    assert (second.speaker_text, second.cue) == ("Pashinyan", "katanya")
    assert text[second.start:second.end] == second.quote_text


def test_stray_closing_mark_without_a_cue_is_ignored():
    assert quotes("Layar berukuran 15” itu dipasang di ruang rapat.", []) == []


def test_quote_continued_over_paragraphs_takes_the_final_attribution():
    text = '"Kami kehilangan segalanya di kota ini.\n"Tidak ada yang tersisa," kata Ani.'
    first, second = quotes(text, [])
    assert first.quote_text == "Kami kehilangan segalanya di kota ini."
    assert first.speaker_text == second.speaker_text == "Ani"


@pytest.mark.parametrize(
    "text",
    [
        '"Kami tidak akan mundur, kata Aliyev.',  # never closed
        "Kalimat biasa tanpa kutipan sama sekali.",
        "",
        "Jum'at lalu warga Qur’an berkumpul di masjid, don't they?",
    ],
)
def test_text_without_a_complete_quote_gives_none(text):
    assert quotes(text, []) == []


def test_quotes_use_the_citations_they_are_given(monkeypatch):
    """Citations are computed once per document: quotes() reuses the caller's instead of finding them again."""
    import importlib

    from newsetl.transforms.facts import source_citations as found_citations

    quotes_module = importlib.import_module("newsetl.transforms.facts.quotes")

    text = '"Situasi di perbatasan tetap tegang," kata juru bicara itu, seperti dikutip AFP.'
    citations = found_citations(text, (), "id")
    assert [c.source_name for c in citations] == ["AFP"]

    def fail(*_args, **_kwargs):
        raise AssertionError("quotes() searched for citations again")

    monkeypatch.setattr(quotes_module, "source_citations", fail)
    [quote] = quotes_module.quotes(text, (), "id", citations)
    assert quote.cited_source == "AFP"
# Detik's closing and continuing cues (sentences from ../shared/data/news/detik.csv): the
# verb form names the speaker, the -nya form carries the current speaker on.
@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Kami ingin memastikan semua proses berjalan dengan penuh kehati-hatian," tutup Eniya.', "Eniya", "tutup"),
        ('"Kami kenapa 700 ton (sampah)? Karena siapa tahu, kami tetap butuh," beber Jaya Negara.',
         "Jaya Negara", "beber"),
        ('"Itu imbauan yang disertai keteladanan," kata Sarmuji kepada wartawan, Selasa (21/10/2025).\n'
         '"Tidak ada yang akan mengakui produksi dalam negeri jika kita sendiri tidak berbangga," sambungnya.',
         "Sarmuji", "sambungnya"),
        ('"Negosiasi ini belum selesai," kata Botes, ditemui di Jakarta.\n'
         '"Tentu kita harapkan pembahasan akan berkembang ke arah diplomasi," tandasnya.', "Botes", "tandasnya"),
    ],
)
def test_closing_and_continuing_cues_name_the_speaker(text, speaker, cue):
    last = quotes(text, [])[-1]
    assert (last.speaker_text, last.cue) == (speaker, cue)


# Issue 17: English continuation quotes and speakers named in the clause after a quote
# (real BBC sentences); each fails without the continuation / clause / lost-break rules.
_JARRE = (
    'Other stars are expected to join the line-up in the coming months, and the Danish royal family will attend. '
    '"Christian Andersen\'s fairy tales are timeless and universal," said Jarre. "For all of us, at any age there '
    'is always - beyond the pure enjoyment of the tale - a message to learn." There are year-long celebrations '
    'planned across the world.'
)
_HAGUE = (
    'Mr Hague became an MP at 27 and Leader of the Opposition at 36. He said: "I feel fortunate that, by the age '
    'of 40, I had crammed in an entire political career. "I had been in the Cabinet and been leader of the party, '
    'so now I can branch out into other things...it is a very liberating feeling." Mr Hague added that he may have '
    'misjudged his own ambitions.'
)
_SCOTLAND = (
    'He said the rise was not a major factor. Mr Wallace told BBC Radio Scotland\'s Good Morning Scotland programme '
    'that the figures had to be looked at carefully.\n\n"The reason people are opting for Scottish universities '
    'is that they are perceived as being of very high quality."'
)


@pytest.mark.parametrize(
    ("text", "surface", "quote_index", "speaker"),
    [
        (_JARRE, "Jarre", 1, "Jarre"),
        (_HAGUE, "Mr Hague", 0, "Mr Hague"),
        (_HAGUE, "Mr Hague", 1, "Mr Hague"),
        (_SCOTLAND, "Mr Wallace", 0, "Mr Wallace"),
    ],
)
def test_continuation_quotes_carry_the_speaker_on(text, surface, quote_index, speaker):
    found = quotes(text, [mention(text, surface, "PERSON", "person:" + surface)])
    assert found[quote_index].speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"Resources are more than enough to reduce poverty and there is no need for more tax reforms but a '
            'better distribution," deputy planning director Jose Leibovich said.',
            "Jose Leibovich",
        ),
        (
            '"In our opinion it is a generic designation and we do not have any other name or term for this type '
            'of cheese," Hans Arne Kristiansen, a spokesman for the Danish Dairy Board, told the BBC.',
            "Hans Arne Kristiansen",
        ),
    ],
)
def test_speaker_is_read_from_the_clause_after_a_comma_closed_quote(text, speaker):
    assert only_quote(text).speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (  # Utusan: a quote paragraph after a reported-speech paragraph opening "Katanya,"
            "Timbalan Menteri Dalam Negeri, Ismail Mohamed Said berkata, operasi itu akan diteruskan.\n\n"
            "Katanya, pihak polis telah mengenal pasti beberapa lokasi panas di ibu negara.\n\n"
            "“Kami tidak akan berkompromi dengan mana-mana pihak yang melanggar undang-undang.”",
            "Ismail Mohamed Said",
        ),
        (  # Utusan: "titah baginda" resolves like "katanya"
            "Raja Muda Perlis, Tuanku Syed Faizuddin Putra Jamalullail berkenan menyempurnakan majlis itu.\n\n"
            "“Ia juga bertujuan untuk menghidupkan budaya bersedekah khususnya ibadah berwakaf dalam kalangan "
            "peneroka Felda,” titah baginda pada majlis penyerahan dana tersebut.",
            "Tuanku Syed Faizuddin Putra Jamalullail",
        ),
        (  # Utusan: "Role, Title Name berkata": the name after the comma speaks, not the role before it
            "Ketua Polis Daerah Langkawi, Asisten Komisioner Shariman Ashari berkata, serbuan pertama kira-kira "
            "pukul 2.30 pagi di sebuah rumah di Kampung Berjaya.\n\n“Pemeriksaan menemukan satu paket plastik "
            "lutsinar yang berisi serbuk,” katanya.",
            "Shariman Ashari",
        ),
    ],
)
def test_malay_reported_speech_and_royal_pronoun_name_the_speaker(text, surface):
    found = quotes(text, [mention(text, surface, "PERSON", "person:" + surface)])
    assert found[-1].speaker_text == surface


# Detik sentences: a title phrase after the cue, then the office's full name, then its holder.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Kasus ini dimulai pada 2017," kata Plt Deputi Penindakan dan Eksekusi KPK, Asep Guntur Rahayu, di Gedung '
         "Merah Putih KPK, Jakarta.", "Asep Guntur Rahayu"),
        ('"Dasarnya itu dari laporan FH," ujar Kasubdit 2 Ditsiber Polda Sulteng, Alfian Joan Komalin, kepadadetikcom, '
         "Minggu (4/5).", "Alfian Joan Komalin"),
        ('"Balik ke KPK sebagai bentuk pemulihan hak," kata Ketua IM57+ Institute, Lakso Anindito, saat dihubungi, '
         "Selasa (14/10).", "Lakso Anindito"),
        ('"Ada 232 siswa yang diduga keracunan MBG," kata Kepala Dinas Kesehatan (Dinkes) Seram Bagian Barat, Gariman '
         "Kurniawan dilansir detikSulsel.", "Gariman Kurniawan"),
    ],
)
def test_the_holder_named_after_an_offices_full_name_is_the_speaker(text, speaker):
    people = [mention(text, speaker, "PERSON", "PERSON:" + speaker.lower())]
    assert only_quote(text, people).speaker_text == speaker


def test_an_office_with_tersebut_after_the_cue_points_back_to_the_person_named_before():
    text = ('Wakil Ketua Umum PAN Eddy Soeparno berbicara di Dialog Town Hall. "Krisis ini nyata, sehingga saya mengajak '
            'seluruh elemen masyarakat untuk mendorong percepatan transisi energi," tutup Anggota DPR RI Komisi XII tersebut.')
    people = [mention(text, "Eddy Soeparno", "PERSON", "PERSON:eddy soeparno")]
    assert only_quote(text, people).speaker_text == "Eddy Soeparno"


def test_an_office_with_a_short_form_and_itu_points_back_too():
    text = ("Ketua MUI Bidang Fatwa Prof KH Asrorun Ni'am Sholeh hadir dalam peluncuran itu. \"Ikhtiar ini tentu baik, "
            "tetapi MUI mewanti-wanti jangan sampai instrumen ini melepaskan tanggung jawab negara,\" tegas Ketua Majelis "
            "Alumni Ikatan Pelajar Nahdlatul Ulama (IPNU) itu.")
    people = [mention(text, "Asrorun Ni'am Sholeh", "PERSON", "PERSON:asrorun ni'am sholeh")]
    assert only_quote(text, people).speaker_text == "Asrorun Ni'am Sholeh"
