"""Publication date inferred from an article's own dates, never from the wall clock."""

from datetime import date
from pathlib import Path

import pytest

from newsetl.transforms.temporal import inferred_publication_date

EXTRA = Path(__file__).resolve().parent / "data" / "temporal_extra_articles"


@pytest.mark.parametrize("text, expected", [
    ("Kementerian Luar Negeri Armenia pada Senin (28/9/2020) kemarin mengungkapkan Turki ikut campur.",
     date(2020, 9, 29)),
    ("Kemlu, Sabtu (31/10/2020) kemarin lusa, menyatakan hal itu.", date(2020, 11, 2)),
    ("kata Lavrov, Selasa (3/11/2020). Ledakan dimulai 27 September 2020.", date(2020, 11, 3)),
    ("Jakarta, 5 Oktober 2020 - Harga minyak naik.", date(2020, 10, 5)),
    ("kata Pashinyan, Senin (28/9). Perang pecah pada tahun 2020.", date(2020, 9, 28)),
    ("Pertempuran berlangsung hingga hari ini, kata pejabat kemarin.", None),
    ("Rusia dan Armenia terikat perjanjian keamanan.", None),
    ("", None),
])
def test_inferred_publication_date(text, expected):
    assert inferred_publication_date(text) == expected


def test_dates_announced_for_the_future_are_not_the_publication_date():
    text = ("Pashinyan berbicara pada Senin (12/10/2020) pagi. Kementerian akan menggelar konferensi pers "
            "pada Kamis (15/10/2020) pukul 10.00 WIB.")
    assert inferred_publication_date(text) == date(2020, 10, 12)


@pytest.mark.parametrize("name, expected", [
    ("kompas_gencatan_senjata_moskwa.txt", date(2020, 10, 12)),
    ("detik_kesepakatan_damai.txt", date(2020, 11, 10)),
])
def test_extra_articles(name, expected):
    assert inferred_publication_date((EXTRA / name).read_text("utf-8")) == expected


def test_english_dateline():
    assert inferred_publication_date("BAKU, Azerbaijan, Tuesday, Sept. 29, 2020 — Fighting raged.", "en") == \
        date(2020, 9, 29)


# Real sentences from the development corpora whose only dates are not the day of writing.
@pytest.mark.parametrize("text, language", [
    ("Hashimah yang dilahirkan pada 9 Jan 1983 ditemukan polis ketika itu.", "ms"),
    ("International Padel Federation (IPF) resmi didirikan di Madrid pada 12 Juli 1991.", "id"),
    ("Pemutihan berlaku untuk kendaraan yang terdaftar di wilayah Jatim hingga 31 Desember 2025.", "id"),
    ("The attacks on the World Trade Center on 11 September 2001 heightened concern.", "en"),
    ("Pendidikan di Gaza telah dihentikan sejak 8 Oktober 2023, menyusul dimulainya perang.", "id"),
])
def test_birth_founding_deadline_and_historical_dates_give_no_publication_date(text, language):
    assert inferred_publication_date(text, language) is None


def test_an_attribution_date_with_its_weekday_is_still_read_after_a_deadline():
    text = ("Batas waktu penukarannya sampai 30 April 2025. \"BI mengingatkan,\" kata Ramdan dalam "
            "keterangan tertulis, dikutip Selasa (29/4/2025).")
    assert inferred_publication_date(text) == date(2025, 4, 29)
