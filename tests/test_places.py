"""marts.places: offline geocoding of LOC entities and dateline places (issue 21, item 1)."""

from math import asin, cos, radians, sin, sqrt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from newsetl.transforms.places import dateline_entity_key, geocoded_place, place_tables

from tests.conftest import copy_seeds


def _km(lat1, lon1, lat2, lon2):
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    h = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


# (name as printed, countries of the article, country, precision, true point (Wikipedia), km allowed)
KNOWN_PLACES = [
    # "Sementara itu, Stepanakert, ibu kota Nagorno-Karabakh, kembali diserang" (seed, Armenia/Azerbaijan)
    ("Stepanakert", {"AM": 2, "AZ": 2}, "AZ", 1, (39.8153, 46.7519), 25),
    ("Yerevan", {"AM": 1}, "AM", 1, (40.1811, 44.5136), 25),
    ("Baku", {}, "AZ", 1, (40.4093, 49.8671), 25),
    ("Ganja", {"AZ": 1}, "AZ", 1, (40.6828, 46.3606), 25),
    # "Moskow siap menjadi penengah" (Indonesian exonym, from GeoNames alternate names)
    ("Moskow", {"RU": 1}, "RU", 1, (55.7558, 37.6173), 25),
    ("Ankara", {"TR": 1}, "TR", 1, (39.9334, 32.8597), 25),
    ("Jakarta", {"ID": 3}, "ID", 1, (-6.2088, 106.8456), 25),
    # Detik: "Dinas ... Kota Mataram, Nusa Tenggara Barat"
    ("Kota Mataram", {"ID": 1}, "ID", 1, (-8.5833, 116.1167), 25),
    ("Kota Bitung", {"ID": 1}, "ID", 1, (1.4404, 125.1217), 25),
    # Unqualified, a kota's name is the city, not the regency around it
    ("Bandung", {"ID": 2}, "ID", 1, (-6.9175, 107.6191), 25),
    ("Bogor", {"ID": 1}, "ID", 1, (-6.5971, 106.8060), 25),
    ("Surabaya", {"ID": 1}, "ID", 1, (-7.2575, 112.7521), 25),
    ("Denpasar", {"ID": 1}, "ID", 1, (-8.6500, 115.2167), 25),
    # "di Kabupaten Cirebon" is the regency (seat Sumber), not the city
    ("Kabupaten Cirebon", {"ID": 1}, "ID", 2, (-6.7608, 108.4808), 40),
    ("Kabupaten Sukabumi", {"ID": 1}, "ID", 2, (-7.0667, 106.7000), 60),
    ("Jakarta Selatan", {"ID": 1}, "ID", 2, (-6.2615, 106.8106), 25),
    ("Badung", {"ID": 1}, "ID", 2, (-8.5819, 115.1770), 40),
    # Detik: "di Kecamatan Gayamsari, Kota Semarang": the district, placed at its city
    ("Kecamatan Gayamsari", {"ID": 1}, "ID", 2, (-6.9932, 110.4203), 25),
    # A bare kecamatan name that names one kecamatan and nothing else, beside Indonesian places
    ("Gayamsari", {"ID": 2}, "ID", 2, (-6.9932, 110.4203), 25),
    ("Cisaat", {"ID": 1}, "ID", 2, (-6.98, 106.88), 40),
    # Provinces and states
    ("Jawa Barat", {"ID": 1}, "ID", 3, None, None),
    ("Provinsi Aceh", {"ID": 1}, "ID", 3, None, None),
    ("Selangor", {"MY": 1}, "MY", 3, None, None),
    # Countries in their Indonesian names
    ("Turki", {}, "TR", 4, None, None),
    ("Amerika Serikat", {}, "US", 4, None, None),
    ("Rusia", {}, "RU", 4, None, None),
    ("Kuala Lumpur", {"MY": 1}, "MY", 1, (3.1390, 101.6869), 25),
    # Utusan datelines: "GEORGETOWN: ...", "KOTA BHARU: ...", "MELAKA: ..." (the city, not the state)
    ("Georgetown", {"MY": 2}, "MY", 1, (5.4141, 100.3288), 25),
    ("Kota Bharu", {"MY": 1}, "MY", 1, (6.1254, 102.2381), 25),
    ("Kota Kinabalu", {}, "MY", 1, (5.9804, 116.0735), 25),
    ("Melaka", {"MY": 1}, "MY", 1, (2.1896, 102.2501), 25),
]


@pytest.mark.parametrize(("name", "context", "country", "precision", "point", "km"), KNOWN_PLACES)
def test_known_places_are_geocoded_to_the_right_place(name, context, country, precision, point, km):
    rec = geocoded_place(name, context)
    assert rec.country_code == country
    assert rec.geo_precision == precision
    if point is not None:
        assert _km(rec.latitude, rec.longitude, *point) <= km
    if country == "ID" and precision <= 3:
        assert rec.admin1_code and rec.admin1_code.startswith("ID-")


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        # "serangan udara di Tripoli" in an article about Libya, and one about Lebanon
        ("Tripoli", {"LY": 3}, "LY"),
        ("Tripoli", {"LB": 2}, "LB"),
        # Small GeoNames places only inside the article's countries
        ("Stepanakert", {"AZ": 1}, "AZ"),
    ],
)
def test_ambiguous_names_follow_the_documents_countries(name, context, country):
    assert geocoded_place(name, context).country_code == country


@pytest.mark.parametrize(
    ("name", "context", "country", "point"),
    [
        # "target Perjanjian Paris" in a Detik article on US climate policy: Paris, France, not Paris, Texas
        ("Paris", {"US": 3}, "FR", (48.8566, 2.3522)),
        # "Dalam suatu pertemuan di Roma bulan Februari 2025, Megawati berdiskusi dengan Al Gore"
        ("Roma", {"US": 2}, "IT", (41.9028, 12.4964)),
        # a city outside places.tsv keeps the documents' country: BBC's Perth is in Scotland
        ("Perth", {"GB": 3}, "GB", (56.3950, -3.4308)),
        # London, Ontario is no small namesake: London is only 23 times bigger
        ("London", {"CA": 2}, "CA", (42.9849, -81.2453)),
    ],
)
def test_world_cities_outweigh_small_namesakes_in_the_context(name, context, country, point):
    rec = geocoded_place(name, context)
    assert rec.country_code == country
    assert _km(rec.latitude, rec.longitude, *point) <= 25


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        # "Benteng Kuto Besak (BKB)" in Palembang: BKB is Bikaner's airport code in GeoNames, not a place here
        ("BKB", {"ID": 2}, None),
        ("PBI", {}, None),  # "peserta PBI": West Palm Beach's code
        # an acronym of an alternate name inside the documents' countries still counts
        ("DIY", {"ID": 1}, "ID"),
        ("KL", {"MY": 3}, "MY"),
    ],
)
def test_acronyms_only_alternate_names_know_count_inside_the_context(name, context, country):
    assert geocoded_place(name, context).country_code == country


@pytest.mark.parametrize(
    ("name", "code", "kind"),
    [
        ("Jaksel", "ID-JK", "admin2"), ("Tangsel", "ID-BT", "admin2"), ("Kukar", "ID-KI", "admin2"),
        ("Solo", "ID-JT", "city"), ("Jogja", "ID-YO", "city"), ("TTU", "ID-NT", "admin2"),
        ("Kabupaten Padanglawas Utara", "ID-SU", "admin2"),
    ],
)
def test_press_short_names_of_regencies_are_the_regency(name, code, kind):
    rec = geocoded_place(name, {"ID": 2})
    assert (rec.admin1_code, rec.feature_type) == (code, kind)


def test_a_regency_named_like_its_seat_town_is_the_regency_at_the_town():
    # "jumlah korban di Boyolali lebih banyak lagi" (Detik): Kabupaten Boyolali and the GeoNames town
    # Boyolali, whose regency point (a median of kecamatan namesakes) lies 60 km away, are one place.
    rec = geocoded_place("Boyolali", {"ID": 3})
    assert (rec.country_code, rec.feature_type, rec.geo_precision, rec.admin1_code) == ("ID", "admin2", 2, "ID-JT")
    assert _km(rec.latitude, rec.longitude, -7.5317, 110.5958) <= 10


@pytest.mark.parametrize(
    "name",
    [
        "Tripoli",  # Libya or Lebanon, and nothing in the article says which
        "Timur",  # "wilayah Timur": a GeoNames village name, not a place here
        "Istana Negara",  # a building: no gazetteer has it
        "Jalan Sudirman",
        "Gayamsari",  # a kecamatan of Semarang, but with no Indonesian place beside it nothing says so
    ],
)
def test_unresolved_names_stay_coarse_without_a_point(name):
    rec = geocoded_place(name, {})
    assert rec.geo_precision == 5
    assert rec.latitude is None and rec.longitude is None


@pytest.mark.parametrize("name", ["Nagorno-Karabakh", "Karabakh", "Timur Tengah", "Kaukasus"])
def test_regions_are_regions_at_coarse_precision(name):
    rec = geocoded_place(name, {"AZ": 1})
    assert rec.feature_type == "region"
    assert rec.geo_precision >= 3


@pytest.mark.parametrize(("dateline", "key"), [("Moskow", "LOC:moscow"), ("JAKARTA", "LOC:jakarta"),
                                               ("Bandung", "LOC:bandung")])
def test_dateline_keys_match_the_mention_keys(dateline, key):
    assert dateline_entity_key(dateline) == key


def test_place_tables_take_context_from_the_other_places_of_the_documents():
    from newsetl.transforms.entities.resolution import entity_id

    tripoli, libya, benghazi = entity_id("LOC:tripoli"), entity_id("LOC:libya"), entity_id("LOC:benghazi")
    entities = pl.DataFrame({
        "entity_id": [tripoli, libya],
        "place_name": ["Tripoli", "Libya"],
        "aliases": [["Tripoli"], ["Libya"]],
        "country_code": [None, "LY"],
    })
    # "BENGHAZI - Pasukan ... bergerak menuju Tripoli, ibu kota Libya"
    datelines = pl.DataFrame({"document_id": ["d1"], "dateline_place": ["Benghazi"]})
    mentions = pl.DataFrame({"document_id": ["d1", "d1"], "entity_id": [tripoli, libya]})
    places, dateline_map = place_tables(entities, datelines, mentions)
    by_id = {r["entity_id"]: r for r in places.to_dicts()}
    assert by_id[tripoli]["country_code"] == "LY"
    assert by_id[benghazi]["country_code"] == "LY" and by_id[benghazi]["geo_precision"] == 1
    assert dateline_map.to_dicts() == [{"document_id": "d1", "dateline_place": "Benghazi", "entity_id": benghazi}]


@pytest.fixture(scope="module")
def seed_places(tmp_path_factory):
    from newsetl.flows.pipeline import run_without_prefect

    root = tmp_path_factory.mktemp("places")
    db = root / "w.duckdb"
    seeds = copy_seeds(root / "seeds")
    first = run_without_prefect([seeds], db, workers=1)
    assert first["status"] == "completed"
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT * FROM marts.places ORDER BY entity_id").fetchall()
    con.close()
    again = run_without_prefect([seeds], db, workers=1)
    assert again["status"] == "completed"
    return db, before


# The seed places of the acceptance, true points from Wikipedia.
SEED_PLACES = [
    ("Stepanakert", "AZ", (39.8153, 46.7519)),
    ("Yerevan", "AM", (40.1811, 44.5136)),
    ("Baku", "AZ", (40.4093, 49.8671)),
    ("Ganja", "AZ", (40.6828, 46.3606)),
    ("Moskow", "RU", (55.7558, 37.6173)),
    ("Ankara", "TR", (39.9334, 32.8597)),
    ("Jakarta", "ID", (-6.2088, 106.8456)),
]


@pytest.mark.parametrize(("surface", "country", "point"), SEED_PLACES)
def test_seed_places_within_25_km(seed_places, surface, country, point):
    db, _ = seed_places
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        """
        SELECT p.country_code, p.latitude, p.longitude FROM marts.places AS p
        JOIN marts.entities AS e USING (entity_id)
        WHERE list_contains(e.aliases, ?) OR e.canonical_name = ?
        """,
        [surface, surface],
    ).fetchall()
    con.close()
    assert len(rows) == 1
    code, lat, lon = rows[0]
    assert code == country
    assert _km(lat, lon, *point) <= 25


def test_seed_nagorno_karabakh_is_a_coarse_region(seed_places):
    db, _ = seed_places
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute("SELECT feature_type, geo_precision FROM marts.places WHERE place_name = 'Nagorno-Karabakh'").fetchone()
    con.close()
    assert row[0] == "region" and row[1] >= 3


def test_seed_datelines_are_places_and_a_rerun_changes_nothing(seed_places):
    db, before = seed_places
    con = duckdb.connect(str(db), read_only=True)
    missing = con.execute(
        """
        SELECT d.document_id FROM staging.documents AS d
        LEFT JOIN staging.dateline_places AS l USING (document_id)
        LEFT JOIN marts.places AS p ON p.entity_id = l.entity_id
        WHERE d.dateline_place IS NOT NULL AND p.entity_id IS NULL
        """
    ).fetchall()
    datelines = con.execute("SELECT count(*) FROM staging.dateline_places").fetchone()[0]
    after = con.execute("SELECT * FROM marts.places ORDER BY entity_id").fetchall()
    con.close()
    assert missing == [] and datelines == 4
    assert after == before


def test_place_data_files_have_their_licence():
    data = Path(__file__).resolve().parents[1] / "transforms" / "data"
    assert "cahyadsn/wilayah" in (data / "id_regions.LICENSE.md").read_text(encoding="utf-8")
    assert sum(1 for line in (data / "id_regions.tsv").open(encoding="utf-8") if not line.startswith("#")) == 7837


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        # "Gubernur Sumatra Utara (Sumut) Bobby Nasution buka suara" (Detik): the English spelling and the press short form
        ("Sumatra Utara", "ID-SU"),
        ("Sumut", "ID-SU"),
        ("Jateng", "ID-JT"),  # "Gubernur Jateng Ahmad Luthfi"
        ("Sulsel", "ID-SN"),
        ("NTT", "ID-NT"),
        ("Bangka Belitung", "ID-BB"),  # Kemendagri's name is "Kepulauan Bangka Belitung"
    ],
)
def test_province_short_names_are_the_province(name, iso):
    rec = geocoded_place(name, {"ID": 2})
    assert (rec.feature_type, rec.admin1_code, rec.geo_precision) == ("admin1", iso, 3)
    assert rec.latitude is not None


@pytest.fixture(scope="module")
def stored_indexes(tmp_path_factory):
    """The geocoding indexes as built, and read back from the prebuilt file (flows/gazetteer_cache.py)."""
    from newsetl.flows import gazetteer_cache
    from newsetl.transforms.places import geocoding

    built = geocoding.gazetteer_indexes()
    store = gazetteer_cache._Store(gazetteer_cache.written_cache(built, tmp_path_factory.mktemp("cache") / "g.sqlite"))
    return built, (gazetteer_cache._StoredIndex(store, 0), gazetteer_cache._StoredIndex(store, 1))


def test_the_stored_indexes_hold_every_name_with_its_candidates(stored_indexes):
    import random

    built, stored = stored_indexes
    for kind in (0, 1):
        assert set(stored[kind]) == set(built[kind])
        sample = random.Random(7).sample(sorted(built[kind]), 2000)  # fixed seed
        assert [stored[kind][k] for k in sample] == [built[kind][k] for k in sample]


def test_a_name_missing_from_the_stored_indexes_stays_missing_when_asked_again(stored_indexes):
    # The second look-up of an unknown name came from the reader's memory as None, not as missing:
    # geocoding then failed on real news with "'NoneType' object is not iterable".
    _, stored = stored_indexes
    for _ in range(2):
        assert "kantor kemenko ipk" not in stored[1]
        assert stored[1].get("kantor kemenko ipk", ()) == ()


@pytest.mark.parametrize(("name", "context"), [(row[0], row[1]) for row in KNOWN_PLACES]
                         + [("Tripoli", {"LY": 3}), ("Tripoli", {}), ("Timur", {}), ("Istana Negara", {})])
def test_geocoding_from_the_stored_indexes_is_the_same(stored_indexes, name, context):
    from newsetl.transforms.places import geocoding

    built, stored = stored_indexes
    expected = geocoded_place(name, context)
    geocoding.use_gazetteer_indexes(*stored)
    try:
        assert geocoded_place(name, context) == expected
    finally:
        geocoding.use_gazetteer_indexes(*built)


def test_writing_the_gazetteer_cache_keeps_only_the_newest_copies(tmp_path):
    import os

    from newsetl.flows import gazetteer_cache

    for age, name in enumerate(["gazetteer-a.sqlite", "gazetteer-b.sqlite", "gazetteer-c.sqlite", "gazetteer-d.sqlite"]):
        (tmp_path / name).write_bytes(b"old")
        os.utime(tmp_path / name, ns=(10**18 - age * 10**12, 10**18 - age * 10**12))  # a is the newest old copy
    (tmp_path / "notes.txt").write_text("not ours")
    target = gazetteer_cache.written_cache(({"ganja": ()}, {}), tmp_path / "gazetteer-new.sqlite")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["gazetteer-a.sqlite", "gazetteer-b.sqlite", "gazetteer-new.sqlite", "notes.txt"]
    assert target.is_file()


@pytest.mark.parametrize(("links", "expected"), [
    # three Detik-like articles: Jakarta and Bogor together twice, Jakarta and Bandung once
    ([("d1", "e_jakarta"), ("d1", "e_bogor"), ("d2", "e_bogor"), ("d2", "e_jakarta"), ("d2", "e_bandung"), ("d3", "e_bandung")],
     {("e_jakarta", "e_bogor"): 2, ("e_bogor", "e_jakarta"): 2, ("e_jakarta", "e_bandung"): 1,
      ("e_bandung", "e_jakarta"): 1, ("e_bogor", "e_bandung"): 1, ("e_bandung", "e_bogor"): 1}),
    ([("d1", "e_jakarta")], {}),  # a place alone in its document has no neighbour
])
def test_co_mention_counts_are_documents_per_ordered_pair_of_places(links, expected):
    from newsetl.transforms.places.geocoding import co_mention_counts

    frame = pl.DataFrame(links, schema=["document_id", "entity_id"], orient="row")
    counts = co_mention_counts(frame)
    assert counts.columns == ["entity_id", "other_entity_id", "documents"]
    assert {(a, b): n for a, b, n in counts.iter_rows()} == expected
