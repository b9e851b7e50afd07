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
