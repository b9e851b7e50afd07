"""Incidents: event counts located (place, date, running total) and consolidated across documents."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone

import duckdb
import pytest

from newsetl.transforms.entities import entity_mentions
from newsetl.transforms.facts import event_counts
from newsetl.transforms.facts.incidents import (
    CountRow,
    DateMention,
    DocumentInfo,
    PlaceInfo,
    PlaceMention,
    figures_compatible,
    incident_rows,
    is_running_total,
    located_count,
    places_nest,
    time_precision,
)
from newsetl.transforms.structure import document_structure
from newsetl.transforms.temporal import temporal_expressions
from tests.conftest import copy_seeds
from tests.helpers.warehouse import rows as warehouse_rows

# --- running totals ------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "count_text", "cumulative"), [
    # the seeds' death tolls
    ("Setidaknya di hari kedua ini total kematian yang ditimbulkan dari pertempuran dua negara tetangga ini berjumlah 39 orang.", "39 orang", True),
    ("Pertempuran sengit pasukan Armenia dan Azerbaijan terus berlangsung di wilayah Nagorno-Karabakh dengan jumlah korban tewas ratusan orang hingga hari ini.", "ratusan orang", True),
    ("Ledakan permusuhan terbaru dimulai 27 September 2020 dan telah menyebabkan ratusan, mungkin ribuan orang tewas.", "ratusan, mungkin ribuan orang tewas", True),
    ("Sumber-sumber Armenia menyebutkan korban tewas akibat pertempuran di wilayah itu lebih dari 200 orang.", "lebih dari 200 orang", True),
    ("The death toll from the fighting has risen to 130, officials said on Thursday.", "130", True),
    # one incident's figures
    ("Sebelumnya, Azerbaijan melaporkan, selama penembakan di Ganja, kota terbesar kedua di negara itu, empat warga sipil terluka dan seorang lainnya tewas.", "seorang lainnya tewas", False),
    ("Dua orang tewas dan lima lainnya luka-luka dalam ledakan di Pasar Terong, Makassar, Minggu pagi.", "Dua orang tewas", False),
    ("One civilian was killed and four were wounded when shells hit a residential area of Ganja on Sunday.", "One civilian", False),
])
def test_running_totals_are_told_from_incident_figures(sentence, count_text, cumulative):
    start = sentence.index(count_text)
    assert is_running_total(sentence, start, start + len(count_text)) is cumulative


@pytest.mark.parametrize(("value", "precision"), [
    ("2020-09-28", "day"), ("2020-10-03TMO", "time"), ("2020-W40", "week"), ("2020-09", "month"),
    ("2020-Q3", "quarter"), ("2020", "year"), ("2020-SU", "season"), ("202", "decade"),
])
def test_time_precision_is_the_timex_granularity(value, precision):
    assert time_precision(value) == precision


@pytest.mark.parametrize(("a", "b", "vague", "same"), [
    (1, 1, False, True), (1, 3, False, True), (130, 200, False, True), (100, 250, False, False),
    (4, 60, False, False), (10, 25, True, True), (19, 200, False, False), (None, 5, False, False),
])
def test_figures_within_the_usual_revisions(a, b, vague, same):
    assert figures_compatible(a, b, vague) is same


AZ = PlaceInfo("az", 4, "AZ")
GANJA_REGION = PlaceInfo("ganja-gazakh", 3, "AZ", "AZ-GA")
GANJA = PlaceInfo("ganja", 1, "AZ", "AZ-GA")
STEPANAKERT = PlaceInfo("stepanakert", 1, "AZ", "AZ-XA")
PLACES = {p.entity_id: p for p in (AZ, GANJA_REGION, GANJA, STEPANAKERT)}


@pytest.mark.parametrize(("a", "b", "nest"), [
    ("ganja", "ganja", True), ("ganja", "az", True), ("az", "ganja", True), ("ganja", "ganja-gazakh", True),
    ("ganja", "stepanakert", False), ("stepanakert", "ganja-gazakh", False), ("ganja", None, False),
    ("ganja", "unknown-place", False),
])
def test_places_nest_or_are_equal(a, b, nest):
    assert places_nest(a, b, PLACES) is nest


def test_without_marts_places_only_equal_places_nest():
    assert places_nest("ganja", "ganja", {}) and not places_nest("ganja", "az", {})


# --- whole documents, from the real extractors ----------------------------------------------------

GANJA_REPORT = (
    "Sosok.ID - Kini perang antara Armenia melawan Azerbaijan berkecamuk hingga timbulkan kegaduhan.\n"
    "Setidaknya di hari kedua ini total kematian yang ditimbulkan dari pertempuran dua negara tetangga ini berjumlah 39 orang.\n"
    "Kementerian Luar Negeri Armenia pada Senin (28/9/2020) kemarin mengungkapkan Turki ikut campur dalam peperangan.\n"
    "Sebelumnya, Azerbaijan melaporkan, selama penembakan di Ganja, kota terbesar kedua di negara itu, "
    "empat warga sipil terluka dan seorang lainnya tewas.\n"
    "Kerusakan besar menimpa Ganja.\n"
)
GANJA_FOLLOW_UP = (
    "Jaksa Agung Azerbaijan mengatakan seorang warga sipil tewas dan lima orang terluka akibat penembakan di Ganja "
    "pada Minggu (27/9/2020).\n"
    "Di Stepanakert, dua orang tewas akibat serangan drone pada hari yang sama.\n"
)


def _document(document_id, text, published, outlet, cluster_id=None):
    """Run the real extractors over ``text``; return its located counts and its DocumentInfo."""
    structure = document_structure(text)
    mentions = [m for m in entity_mentions(text, "id") if m.entity_type == "LOC"]
    places = [PlaceMention(document_id, m.start, m.end, m.canonical_name) for m in mentions]
    dates = [DateMention(document_id, t.start, t.end, t.value, t.range_start, t.range_end)
             for t in temporal_expressions(text, published, "id")
             if t.timex_type in ("DATE", "TIME") and t.range_start is not None]
    info = DocumentInfo(document_id, published, datetime.combine(published, datetime.min.time(), timezone.utc),
                        outlet, None, cluster_id)
    located = []
    for count in event_counts(text, "id"):
        paragraph = next(p for p in structure.paragraphs if p.start <= count.start and count.end <= p.end)
        row = CountRow.of(count, document_id, paragraph.start, paragraph.text)
        located.append(located_count(row, places, dates, info))
    return located, info


def _texts():
    return {"d_sosok": GANJA_REPORT, "d_follow": GANJA_FOLLOW_UP}


def _incidents(*docs):
    located, infos = [], {}
    for document_id, text, published, outlet, *cluster in docs:
        found, info = _document(document_id, text, published, outlet, *cluster)
        located += found
        infos[document_id] = info
    return located, infos, incident_rows(located, infos)


def test_ganja_counts_are_placed_at_ganja_and_the_toll_is_a_running_total():
    located, _, _ = _incidents(("d_sosok", GANJA_REPORT, date(2020, 9, 29), "sosok.id"))
    by_text = {item.row.text: item for item in located}
    for item in located:
        assert GANJA_REPORT[item.row.start:item.row.end] == item.row.text
    killed, wounded = by_text["seorang lainnya tewas"], by_text["empat warga sipil"]
    assert (killed.place_entity_id, killed.place_source, killed.is_cumulative) == ("Ganja", "sentence", False)
    assert wounded.place_entity_id == "Ganja"
    assert killed.date_end <= date(2020, 9, 29) and killed.time_precision == "published"
    assert by_text["39 orang"].is_cumulative


def test_one_shelling_reported_by_two_outlets_is_one_incident_with_both_documents():
    texts = _texts()
    located, _, rows = _incidents(("d_sosok", GANJA_REPORT, date(2020, 9, 29), "sosok.id"),
                            ("d_follow", GANJA_FOLLOW_UP, date(2020, 9, 28), "antaranews.com"))
    ganja = [r for r in rows if r.place_entity_id == "Ganja" and not r.is_cumulative]
    assert {r.count_type for r in ganja} == {"killed", "wounded"} and len({r.incident_id for r in ganja}) == 1
    killed = next(r for r in ganja if r.count_type == "killed")
    wounded = next(r for r in ganja if r.count_type == "wounded")
    assert killed.document_ids == ("d_follow", "d_sosok") and killed.number_of_outlets == 2
    assert (killed.best, killed.low, killed.high) == (1, 1, 1)
    # four wounded (sosok.id) and five (the follow-up): the most conservative supported figure is 4
    assert (wounded.best, wounded.low, wounded.high) == (4, 4, 5)
    assert killed.first_outlet == "antaranews.com" and killed.date_start == date(2020, 9, 27)
    counted = {(m.row.document_id, m.row.start, m.row.end): m.row.text for m in located}
    listed = [key for row in ganja for key in row.count_rows]
    assert sorted(texts[d][s:e] for d, s, e in listed) == sorted(counted[key] for key in listed) == [
        "empat warga sipil", "lima orang", "seorang lainnya tewas", "seorang warga sipil tewas"]
    # Stepanakert's two dead are another incident; the running total stays apart.
    stepanakert = [r for r in rows if r.place_entity_id == "Stepanakert"]
    assert [(r.count_type, r.best) for r in stepanakert] == [("killed", 2)]
    assert stepanakert[0].incident_id != killed.incident_id
    [toll] = [r for r in rows if r.is_cumulative]
    assert (toll.best, toll.count_rows) == (39, (("d_sosok", GANJA_REPORT.index("39 orang"), GANJA_REPORT.index("39 orang") + 8),))


def test_copies_of_one_story_count_once():
    _, _, rows = _incidents(("d_sosok", GANJA_REPORT, date(2020, 9, 29), "sosok.id", "c_1"),
                            ("d_copy", GANJA_REPORT, date(2020, 9, 29), "grid.id", "c_1"))
    killed = next(r for r in rows if r.place_entity_id == "Ganja" and r.count_type == "killed")
    assert killed.document_ids == ("d_copy", "d_sosok")
    assert (killed.number_of_documents, killed.number_of_outlets) == (1, 2)


@pytest.mark.parametrize(("second_published", "joins"), [(date(2020, 10, 4), True), (date(2020, 11, 3), False)])
def test_running_totals_join_only_as_of_the_same_day(second_published, joins):
    """A toll is a figure as of a day: the same toll reported a month later is a new figure, not a revision."""
    toll = "Jumlah korban tewas akibat perang di Nagorno-Karabakh telah mencapai 100 orang, kata pejabat setempat.\n"
    # "since 27 September": this toll's span covers the first one's day, yet it is a later figure.
    later = ("Sejak 27 September 2020, jumlah korban tewas akibat perang di Nagorno-Karabakh telah mencapai "
             "130 orang, menurut pejabat.\n")
    _, _, rows = _incidents(("d_first", toll, date(2020, 10, 4), "bisnis.com"),
                            ("d_second", later, second_published, "serambinews.com"))
    tolls = [r for r in rows if r.is_cumulative and r.count_type == "killed"]
    assert tolls and all(r.place_entity_id == "Nagorno-Karabakh" for r in tolls)
    assert len(tolls) == (1 if joins else 2)


def test_the_grouping_does_not_depend_on_input_order():
    located, infos, rows = _incidents(("d_sosok", GANJA_REPORT, date(2020, 9, 29), "sosok.id"),
                                      ("d_follow", GANJA_FOLLOW_UP, date(2020, 9, 28), "antaranews.com"))
    for seed in range(5):
        shuffled = list(located)
        random.Random(seed).shuffle(shuffled)
        assert incident_rows(shuffled, infos) == rows


def test_a_dateline_is_not_a_place_in_the_sentence_but_is_the_fallback():
    text = "SERAMBINEWS.COM, YEREVAN - Sekitar 2.000 militan dari Timur Tengah ikut membantu Azerbaijan.\nDua orang tewas.\n"
    document_id = "d_yerevan"
    places = [PlaceMention(document_id, m.start, m.end, m.canonical_name)
              for m in entity_mentions(text, "id") if m.entity_type == "LOC"]
    info = DocumentInfo(document_id, date(2020, 11, 3), None, "serambinews.com", "Yerevan")
    structure = document_structure(text)
    found = {}
    for count in event_counts(text, "id"):
        paragraph = next(p for p in structure.paragraphs if p.start <= count.start and count.end <= p.end)
        row = CountRow.of(count, document_id, paragraph.start, paragraph.text)
        found[count.text] = located_count(row, places, [], info)
    assert (found["Sekitar 2.000 militan"].place_entity_id, found["Sekitar 2.000 militan"].place_source) != ("Yerevan", "sentence")
    assert (found["Dua orang"].place_entity_id, found["Dua orang"].place_source) == ("Yerevan", "dateline")


# --- the seeds, through the pipeline ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_incidents(tmp_path_factory):
    from newsetl.flows.pipeline import run_without_prefect

    root = tmp_path_factory.mktemp("incidents")
    db = root / "news.duckdb"
    seeds = copy_seeds(root / "seeds")
    run_without_prefect([seeds], db, workers=1)
    before = warehouse_rows(db, "SELECT * FROM marts.incidents ORDER BY incident_id, count_type")
    second = run_without_prefect([seeds], db, workers=1)
    return db, before, second


def test_seed_ganja_shelling_is_one_incident_at_ganja(seed_incidents):
    db, _, _ = seed_incidents
    rows = warehouse_rows(db, """
        SELECT i.incident_id, i.count_type, i.best, i.date_start, i.date_end, i.count_rows, d.outlet
        FROM marts.incidents AS i JOIN marts.entities AS e ON e.entity_id = i.place_entity_id
        JOIN marts.documents AS d ON d.document_id = i.document_ids[1]
        WHERE e.canonical_name = 'Ganja' AND NOT i.is_cumulative ORDER BY i.count_type""")
    assert [(r[1], r[2]) for r in rows] == [("killed", 1), ("wounded", 4)]
    assert len({r[0] for r in rows}) == 1 and {r[6] for r in rows} == {"sosok.id"}
    assert all(r[4] <= date(2020, 9, 29) and r[3] <= r[4] for r in rows)


def test_seed_death_tolls_are_running_totals_not_summed(seed_incidents):
    db, _, _ = seed_incidents
    tolls = warehouse_rows(db, "SELECT best FROM marts.incidents WHERE count_type = 'killed' AND is_cumulative ORDER BY best")
    assert [t[0] for t in tolls] == [39, 100, 100, 130, 200]
    # incident totals leave the tolls out: Ganja's 1 and the 19 civilians Azerbaijan reported
    [(killed,)] = warehouse_rows(db, "SELECT sum(best) FROM marts.incidents WHERE count_type = 'killed' AND NOT is_cumulative")
    assert killed == 20


def test_seed_incidents_list_documents_and_count_rows_that_trace_to_raw_text(seed_incidents):
    db, _, _ = seed_incidents
    rows = warehouse_rows(db, """
        SELECT i.incident_id, i.count_type, r.document_id, r.start_offset, r.end_offset, c.text,
               substr(d.raw_text, r.start_offset + 1, r.end_offset - r.start_offset) AS raw, i.document_ids, i.number_of_documents
        FROM marts.incidents AS i, unnest(i.count_rows) AS u(r)
        JOIN marts.event_counts AS c ON c.document_id = r.document_id AND c.start_offset = r.start_offset AND c.end_offset = r.end_offset
        JOIN raw.documents AS d ON d.document_id = r.document_id""")
    assert rows and all(r[5] == r[6] and r[2] in r[7] and r[8] >= 1 for r in rows)
    [(counts,)] = warehouse_rows(db, "SELECT count(*) FROM marts.event_counts")
    assert len(rows) == counts  # every count is in exactly one incident row


def test_seed_rerun_with_nothing_new_changes_no_incident(seed_incidents):
    db, before, second = seed_incidents
    assert second["documents_loaded"] == 0 and before
    assert warehouse_rows(db, "SELECT * FROM marts.incidents ORDER BY incident_id, count_type") == before
    checks = {c["name"]: c["passed"] for c in second["checks"]}
    assert checks["key_marts_incidents"] and checks["incidents_trace"] and checks["incidents_consistent"]


@pytest.fixture
def seed_copy(seed_incidents, tmp_path):
    """Return a connection to a copy of the seed warehouse (closed after the test)."""
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(seed_incidents[0], copy)
    con = duckdb.connect(str(copy))
    yield con
    con.close()


def test_seed_rebuild_gives_the_same_rows_and_writes_nothing(seed_incidents, seed_copy):
    from newsetl.transforms.facts.incidents import incidents_from_inputs
    from newsetl.warehouse import refresh

    _, before, _ = seed_incidents
    inputs = refresh.incident_inputs(seed_copy)
    assert inputs["place_info"] is None or inputs["place_info"].columns
    assert refresh.replaced_incidents(seed_copy, incidents_from_inputs(inputs)) == (len(before), False)


def test_incidents_read_places_and_clusters_once_those_tables_exist(seed_copy):
    """A stub of marts.places / marts.story_clusters (their agreed columns) feeds geo_precision and story counts."""
    from newsetl.transforms.facts.incidents import incidents_from_inputs
    from newsetl.warehouse import refresh

    con = seed_copy
    con.execute("CREATE OR REPLACE TABLE marts.places AS SELECT entity_id, canonical_name AS place_name, "
                "CASE WHEN canonical_name = 'Ganja' THEN 1 ELSE 5 END AS geo_precision, "
                "CASE WHEN canonical_name = 'Ganja' THEN 'AZ' END AS country_code, NULL::VARCHAR AS admin1_code "
                "FROM marts.entities WHERE entity_type = 'LOC'")
    con.execute("CREATE OR REPLACE TABLE marts.story_clusters AS SELECT document_id, 'c_all' AS cluster_id FROM raw.documents")
    refresh.replaced_incidents(con, incidents_from_inputs(refresh.incident_inputs(con)))
    ganja = con.execute("SELECT DISTINCT i.geo_precision FROM marts.incidents AS i JOIN marts.entities AS e "
                        "ON e.entity_id = i.place_entity_id WHERE e.canonical_name = 'Ganja'").fetchall()
    assert ganja == [(1,)]
    assert con.execute("SELECT max(number_of_documents) FROM marts.incidents").fetchone()[0] == 1


@pytest.mark.parametrize(("sentence", "count_text"), [
    # Detik, October 2025: tolls "since" a date are running totals too
    ("Sejak Oktober 2023, serangan Israel telah menewaskan hampir 68.000 warga Palestina di Gaza, sebagian besar perempuan dan anak-anak.", "hampir 68.000 warga"),
    ("Sebagai informasi, Israel telah membunuh hampir 100 warga Palestina sejak gencatan senjata berlaku pada 10 Oktober.", "hampir 100 warga"),
    ("\"Sampai jam 11.15 tadi, data terakhir kami mencatat ada 345 korban,\" kata Kordinator Lapangan Posko.", "345 korban"),
])
def test_tolls_since_a_date_or_as_of_an_hour_are_running_totals(sentence, count_text):
    start = sentence.index(count_text)
    assert is_running_total(sentence, start, start + len(count_text))
