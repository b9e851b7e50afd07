"""entity_mentions on realistic Indonesian and English news text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsetl.transforms.entities import entity_mentions

KARABAKH_ID = (
    "Sementara Hikmet Hajiyev, Asisten Presiden Azerbaijan menyebut Armenia menggunakan peluncur "
    "roket Smerch dalam penembakan ke Kota Ganja.\n"
    "\"Foto ini dengan jelas menunjukkan bahwa sistem Smerch digunakan,\" kata Hajiyev.\n"
    "Perdana Menteri Armenia, Nikol Pashinyan mengungkapkan Rusia akan segera membantu Armenia.\n"
    "\"Kami mungkin menghadapi momen paling menentukan,\" kata Pashinyan.\n"
    "Menteri Luar Negeri Rusia Sergey Lavrov menyatakan hal itu kepada harian Kommersant.\n"
    "Lavrov menambahkan Presiden Rusia Vladimir Putin mengangkat masalah ini dengan Presiden Turki "
    "Recep Tayyip Erdogan.\n"
    "Shushan Stepanyan, juru bicara kementerian pertahanan Armenia, mengatakan serangan itu dipukul mundur.\n"
)


def _persons(text, language="id"):
    return [m for m in entity_mentions(text, language) if m.entity_type == "PERSON"]


def test_offsets_reproduce_the_text():
    mentions = entity_mentions(KARABAKH_ID)
    assert mentions
    assert all(KARABAKH_ID[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Hikmet Hajiyev", "Asisten Presiden Azerbaijan"),
        ("Nikol Pashinyan", "Perdana Menteri Armenia"),
        ("Sergey Lavrov", "Menteri Luar Negeri Rusia"),
        ("Vladimir Putin", "Presiden Rusia"),
        ("Recep Tayyip Erdogan", "Presiden Turki"),
        ("Shushan Stepanyan", "juru bicara kementerian pertahanan Armenia"),
    ],
)
def test_titles_are_stripped_from_names_and_kept_as_roles(name, role):
    [mention] = [m for m in _persons(KARABAKH_ID) if m.text == name]
    assert mention.canonical_name == name
    assert mention.role == role


@pytest.mark.parametrize(
    ("short", "full"),
    [("Hajiyev", "Hikmet Hajiyev"), ("Pashinyan", "Nikol Pashinyan"), ("Lavrov", "Sergey Lavrov")],
)
def test_surnames_resolve_to_the_full_name_in_the_document(short, full):
    [mention] = [m for m in _persons(KARABAKH_ID) if m.text == short]
    assert mention.canonical_name == full
    assert mention.entity_key == "PERSON:" + full.lower()


def test_a_lone_surname_keeps_its_own_key():
    text = "Bahkan pemerintah Armenia mengungkapkan bahwa Erdogan mengirimkan pasukan bayaran dari Suriah."
    text += "\nSetidaknya pemerintahan Erdogan tersebut mengirimkan ahli militer ke Azerbaijan."
    keys = {m.entity_key for m in _persons(text)}
    assert keys == {"PERSON:erdogan"}


@pytest.mark.parametrize(
    ("spelling_a", "spelling_b"),
    [("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"), ("Sergei Lavrov", "Sergey Lavrov"), ("Ilham Aliev", "Ilham Aliyev")],
)
def test_person_keys_fold_diacritics_and_transliterations(spelling_a, spelling_b):
    template = "Menteri Luar Negeri {} mengatakan pertempuran harus dihentikan."
    [a] = _persons(template.format(spelling_a))
    [b] = _persons(template.format(spelling_b))
    assert a.entity_key == b.entity_key


@pytest.mark.parametrize(
    ("sentence", "surface", "canonical"),
    [
        ("Kementerian Luar Negeri Armenia pada Senin mengungkapkan Turki ikut campur.",
         "Kementerian Luar Negeri Armenia", "Kementerian Luar Negeri Armenia"),
        ("Yang mengejutkan adalah saat Kementerian Luar Negari Armenia mengungkapkan hal itu.",
         "Kementerian Luar Negari Armenia", "Kementerian Luar Negeri Armenia"),
        ("Kementrian Luar Negeri Rusia juga mendesak pihak-pihak yang bertikai.",
         "Kementrian Luar Negeri Rusia", "Kementerian Luar Negeri Rusia"),
        ("Sementara itu, Kementerian Pertahanan Azerbaijan mengatakan pasukannya maju.",
         "Kementerian Pertahanan Azerbaijan", "Kementerian Pertahanan Azerbaijan"),
        ("Pada Jumat, kementerian luar negeri Armenia mengatakan siap bekerja dengan mediator.",
         "kementerian luar negeri Armenia", "Kementerian Luar Negeri Armenia"),
        ("Menurut kementerian pertahanan Armenia, serangan itu berhasil dipukul mundur.",
         "kementerian pertahanan Armenia", "Kementerian Pertahanan Armenia"),
    ],
)
def test_ministries_are_one_organisation(sentence, surface, canonical):
    [mention] = [m for m in entity_mentions(sentence) if m.text == surface]
    assert (mention.entity_type, mention.canonical_name) == ("ORG", canonical)
    assert not [m for m in entity_mentions(sentence) if m.start > mention.start and m.end <= mention.end]


def test_a_lower_case_ministry_without_a_country_is_not_a_name():
    text = "Pernyataan kementerian itu muncul setelah pemimpin Armenia mengirim surat."
    assert not [m for m in entity_mentions(text) if m.text.startswith("kementerian")]


@pytest.mark.parametrize(
    "text",
    [
        "Sosok.ID - Benua Biru Eropa kini tengah memanas.",
        "Baca Juga: Bombardir Satuan Lapis Bajai Armenia, UCAV Azerbaijan Jadi Mesin Pembunuh Efektif dalam Perang",
        "Baca juga: VIDEO - Momen Mengerikan Saat BOM CLUSTER Armenia Hantam Kota Barda di Azerbaijan",
        "Seruan untuk Gencatan Senjata",
        "Kedua pihak yang terlibat konflik telah melaporkan korban, di antaranya adalah warga sipil.",
    ],
)
def test_headlines_and_boilerplate_name_no_people(text):
    assert _persons(text) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Pemimpin provinsi yang memisahkan diri, Arayik Harutyunyan, mengatakan dia menuju medan tempur.",
         "Arayik Harutyunyan"),
        ("Presiden Joko Widodo meresmikan jalan tol di Semarang, Jawa Tengah, pada Selasa.", "Joko Widodo"),
        ("Ketua DPR Puan Maharani mengatakan rapat paripurna digelar pekan depan.", "Puan Maharani"),
    ],
)
def test_crf_finds_people_in_plain_sentences(sentence, name):
    assert name in [m.canonical_name for m in _persons(sentence)]


ENGLISH = (
    "YEREVAN (Reuters) - Armenian Prime Minister Nikol Pashinyan said on Sunday that Azerbaijan had "
    "launched a new offensive in Nagorno-Karabakh.\n"
    "\"The situation is very tense,\" Shushan Stepanyan, a spokeswoman for Armenia's Defence Ministry, "
    "told reporters in Stepanakert.\n"
    "Russian Foreign Minister Sergei Lavrov spoke by phone with Mevlut Cavusoglu, the Russian Foreign "
    "Ministry said.\n"
    "Pashinyan later told Al Jazeera that the Kremlin had promised help.\n"
)


@pytest.mark.parametrize(
    ("surface", "entity_type", "canonical"),
    [
        ("Nikol Pashinyan", "PERSON", "Nikol Pashinyan"),
        ("Pashinyan", "PERSON", "Nikol Pashinyan"),
        ("Shushan Stepanyan", "PERSON", "Shushan Stepanyan"),
        ("Sergei Lavrov", "PERSON", "Sergei Lavrov"),
        ("Mevlut Cavusoglu", "PERSON", "Mevlut Cavusoglu"),
        ("Russian Foreign Ministry", "ORG", "Russian Foreign Ministry"),
        ("Reuters", "ORG", "Reuters"),
        ("Al Jazeera", "ORG", "Al Jazeera"),
        ("YEREVAN", "LOC", "Yerevan"),
        ("Stepanakert", "LOC", "Stepanakert"),
        ("Azerbaijan", "LOC", "Azerbaijan"),
        ("Nagorno-Karabakh", "LOC", "Nagorno-Karabakh"),
    ],
)
def test_english_rules_and_gazetteers(surface, entity_type, canonical):
    found = [m for m in entity_mentions(ENGLISH, "en") if m.text == surface]
    assert found, surface
    assert (found[0].entity_type, found[0].canonical_name) == (entity_type, canonical)


def test_english_roles_and_common_words():
    mentions = entity_mentions(ENGLISH, "en")
    roles = {m.text: m.role for m in mentions if m.entity_type == "PERSON"}
    assert roles["Nikol Pashinyan"] == "Armenian Prime Minister"
    assert roles["Sergei Lavrov"] == "Russian Foreign Minister"
    assert roles["Shushan Stepanyan"] == "spokeswoman for Armenia's Defence Ministry"
    assert not {"The", "Sunday", "YEREVAN"} & {m.text for m in mentions if m.entity_type == "PERSON"}


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "😀🔥🙏", "مرحبا بكم في القاهرة، قال الرئيس", "Presiden", ", Presiden ,",
     "Kementerian", "PM", "." * 5000, "Aa " * 3000, "\u200b\ufeff\x00", "x" * 200_000,
     "Presiden Rusia Vladimir Putin " * 2000],
)
@pytest.mark.parametrize("language", ["id", "en", "ms", "und"])
def test_never_raises_and_offsets_hold(text, language):
    for m in entity_mentions(text, language):
        assert text[m.start : m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAzZ .,\n-'’\"“”:()ÇşİıАбالعر😀0123456789")) | st.characters(), max_size=120),
       st.sampled_from(["id", "en"]))
def test_never_raises_on_arbitrary_strings(text, language):
    for m in entity_mentions(text, language):
        assert text[m.start : m.end] == m.text
