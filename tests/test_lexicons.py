"""The one lexicon layer (``transforms/lexicons.py``): every packaged list loads through it, and no
other transforms module opens a data file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsetl.transforms import lexicons
from newsetl.transforms.entities.lexicon import city_populations, district_names, folded, titles
from newsetl.transforms.facts.lexicon import known_media
from newsetl.transforms.places.geocoding import geocoded_place
from newsetl.transforms.story_clusters import news_agencies

TRANSFORMS = Path(__file__).resolve().parents[1] / "transforms"
LISTS = sorted(str(p.relative_to(TRANSFORMS)) for ext in ("tsv", "json") for p in TRANSFORMS.rglob(f"*.{ext}"))
# The only modules that may read a packaged file: the loader, and the CRF tagger's binary model.
_READERS = {"lexicons.py", "entities/crf.py"}
_FILE_READ = re.compile(r"importlib\.resources|from importlib import resources|\.read_text\(|\.read_bytes\(|\bopen\(|json\.load\(")


def test_every_packaged_list_is_found():
    assert len(LISTS) >= 25, LISTS
    assert {"entities/titles.tsv", "facts/media.tsv", "facts/speech_cues.json", "data/id_regions.tsv",
            "temporal/lexicon_id.json"} <= set(LISTS)


@pytest.mark.parametrize("path", [p for p in LISTS if p.endswith(".tsv")])
def test_every_tsv_list_loads_as_rows(path):
    loaded = lexicons.rows(path)
    assert loaded, path
    for row in loaded:
        assert row and row[0].strip(), (path, row)
        assert not row[0].startswith("#") and not any("\r" in cell for cell in row), (path, row)
    assert lexicons.rows(path) is loaded  # read once, then shared


@pytest.mark.parametrize("path", [p for p in LISTS if p.endswith(".json")])
def test_every_json_list_loads(path):
    assert isinstance(lexicons.document(path), dict) and lexicons.document(path)


@pytest.mark.parametrize("module", sorted(str(p.relative_to(TRANSFORMS)) for p in TRANSFORMS.rglob("*.py")))
def test_no_other_transforms_module_reads_files(module):
    if module in _READERS:
        return
    text = (TRANSFORMS / module).read_text(encoding="utf-8")
    assert not _FILE_READ.search(text), f"{module} reads a file itself; load it with newsetl.transforms.lexicons"


def test_a_headed_list_keeps_its_header_out_of_the_rows():
    media = lexicons.records("facts/media.tsv")
    assert all(set(row) == {"name", "kind"} for row in media)
    assert "name" not in {row["name"] for row in media}
    assert len(lexicons.rows("facts/media.tsv")) == len(media)
    with pytest.raises(ValueError):
        lexicons.records("entities/titles.tsv")
    with pytest.raises(TypeError):
        media[0]["name"] = "changed"  # shared between callers: read-only


def test_a_missing_list_is_an_error_unless_optional():
    assert lexicons.rows("entities/word_classes_xx.tsv", optional=True) == ()
    with pytest.raises(FileNotFoundError):
        lexicons.rows("entities/word_classes_xx.tsv")


# Real lines of ../shared/data/news (detik.csv), each naming an entry its list must hold.
@pytest.mark.parametrize("sentence, name, found", [
    ("Ini saya harus katakan salah satu teknik mengendalikan inflasi yang dirintis oleh pendahulu saya, "
     "Presiden Joko Widodo.", "presiden", lambda n: n in titles("id")),
    ("Sementara berdasarkan data Reuters, dolar AS justru terkoreksi 13,15 poin atau 0,08% di level Rp 16.",
     "reuters", lambda n: n in news_agencies() and (n,) in known_media()),
    ("Adapun lokasi yang dipilih di Pekanbaru, yakni halaman Diniyah Putri, Jalan KH Ahmad Dahlan, "
     "Kecamatan Sukajadi.", "sukajadi", lambda n: n in district_names()),
    ("Adapun lokasi yang dipilih di Pekanbaru, yakni halaman Diniyah Putri, Jalan KH Ahmad Dahlan, "
     "Kecamatan Sukajadi.", "pekanbaru", lambda n: city_populations().get(n, 0) > 15_000),
])
def test_callers_read_their_lists_through_the_layer(sentence, name, found):
    assert name in folded(sentence).split()
    assert found(name)


@pytest.mark.parametrize("name, admin1", [("Palembang", "ID-SS"), ("Pekanbaru", "ID-RI")])
def test_the_geocoder_reads_the_shared_tables(name, admin1):
    place = geocoded_place(name, (), "ID")
    assert (place.country_code, place.admin1_code, place.source) == ("ID", admin1, "kemendagri")


@pytest.mark.parametrize(
    ("name", "code"),
    [("Rusia", "RU"), ("Amerika Serikat", "US"), ("Korea Selatan", "KR"), ("United Kingdom", "GB"), ("Tiongkok", "CN"), ("Arab Saudi", "SA")],
)
def test_country_names_come_from_one_builder(name, code):
    """The fact extractors' country words and the gazetteer's countries are both ``lexicons.territory_names``."""
    from newsetl.transforms.entities.gazetteer import _country_names
    from newsetl.transforms.facts.lexicon import country_names

    assert (name, code) in lexicons.territory_names()
    assert name.casefold() in country_names()
    assert (name, code) in _country_names()


def test_builtin_country_names_skip_numeric_regions():
    codes = {code for _name, code in lexicons.territory_names()}
    assert "ID" in codes and not any(code.isdigit() for code in codes)
