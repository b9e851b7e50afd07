"""`newsetl report`: the HTML report of the seed warehouse, its fallbacks, its window and its artifact.

The seed warehouse is built once without Prefect (the flow's own steps, a few
seconds). Copies of it gain a hand-made ``marts.places`` and ``marts.incidents``
to show the report switching to them when they exist; the real marts come from
the places and incidents stages.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_cli
from tests.helpers.report_warehouses import PLACES, copied, with_incidents, with_places, without_table
from newsetl.report.data import QUERIES, country_outlines, report_data
from newsetl.warehouse.connection import reader_connection

def _report(db: Path, out: Path, since: str | None = None) -> str:
    from newsetl.report.build import written_report

    written_report(db, out, date.fromisoformat(since) if since else None)
    return (out / "report.html").read_text(encoding="utf-8")


def test_newsetl_report_writes_the_report_and_says_where(seed_db, tmp_path):
    result = run_cli(["report", "--db", str(seed_db), "--out", str(tmp_path / "report")], env=None, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Wrote {tmp_path / 'report' / 'report.html'}" in result.stderr
    assert "5 documents, 5 outlets" in result.stderr
    assert "No map" not in result.stderr  # the pipeline builds marts.places
    charts = _figures((tmp_path / "report" / "report.html").read_text(encoding="utf-8"))
    assert len(charts) >= 5 and "places_map" in charts


def _figures(html: str) -> list[str]:
    return re.findall(r'<figure class="chart" id="chart-([a-z_]+)"', html)


def test_seed_report_has_its_sections_and_charts_inline_with_pngs(seed_db, tmp_path):
    html = _report(seed_db, tmp_path / "report")
    charts = _figures(html)
    assert len(charts) >= 5
    assert {"documents_per_outlet", "documents_per_day", "languages", "top_entities", "mentions_per_week",
            "top_speakers", "tolls", "checks"} <= set(charts)
    assert html.count("<svg") >= len(charts)
    for chart in charts:
        png = tmp_path / "report" / "charts" / f"{chart}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", chart
    for heading in ("The corpus at a glance", "People and organisations", "Who said what", "Death and injury tolls",
                    "Places", "Data quality of the last run"):
        assert f"<h2>{heading}</h2>" in html
    # Who said what: the top speaker with a real quote of the seeds and a link to its source.
    assert "Nikol Pashinyan" in html
    assert "Rusia memiliki pangkalan ke-102 di Armenia" in html
    assert re.search(r'<a href="file:///[^"]+000_e52eedfedc524ddc\.txt">', html)
    assert "documents_derived" in html and re.search(r"<b>(\d+)/\1</b>data checks passed", html)


def test_report_needs_no_network(seed_db, tmp_path):
    html = _report(seed_db, tmp_path / "report")
    # Nothing is loaded from elsewhere: no external scripts, styles, images, fonts or frames.
    assert not re.search(r"<(script|img|iframe|link|source|embed)\b[^>]*\b(src|href)=", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "@import" not in html
    assert not re.search(r"xlink:href=\"https?:|href=\"https?://(?!\S*\.txt)", html.split("<h2>Who said what</h2>")[0])


@pytest.mark.parametrize(
    "places, incidents, tolls_source, has_map",
    [(False, False, "marts.event_counts", False), (True, False, "marts.event_counts", True),
     (False, True, "marts.incidents", False), (True, True, "marts.incidents", True)],
    ids=["core-marts", "with-places", "with-incidents", "with-both"],
)
def test_report_uses_incidents_and_places_when_the_warehouse_has_them(seed_db, tmp_path, places, incidents,
                                                                     tolls_source, has_map):
    db = copied(seed_db, tmp_path / "news.duckdb")
    with_places(db) if places else without_table(db, "marts.places")
    with_incidents(db) if incidents else without_table(db, "marts.incidents")
    html = _report(db, tmp_path / "report")
    assert f"from {tolls_source})" in html
    assert ("places_map" in _figures(html)) is has_map
    assert ("no marts.places" in html) is not has_map
    if has_map:
        assert (tmp_path / "report" / "charts" / "places_map.png").exists()


def test_map_sizes_places_by_their_mentions(seed_db, tmp_path):
    db = copied(seed_db, tmp_path / "news.duckdb")
    with_places(db)
    con = reader_connection(db)
    try:
        places = report_data(con)["places"]
    finally:
        con.close()
    by_name = dict(zip(places["place_name"], places["mentions"]))
    assert set(by_name) == set(PLACES)
    # marts.entities.mention_count of the seeds; "pemerintah Armenia" (twice) is the government, an ORG
    assert by_name["Armenia"] == 48 and by_name["Baku"] == 4
    assert places["mentions"].to_list() == sorted(places["mentions"].to_list(), reverse=True)


@pytest.mark.parametrize(
    "since, until, documents",
    [(None, None, 5), ("2020-10-01", None, 4), (None, "2020-10-01", 2), ("2020-10-02", "2020-10-31", 2),
     ("2021-01-01", None, 0)],
)
def test_window_keeps_the_documents_published_in_it(seed_db, since, until, documents):
    con = reader_connection(seed_db)
    try:
        data = report_data(con, date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None)
    finally:
        con.close()
    assert (data["documents_per_outlet"]["documents"].sum() or 0) == documents
    assert data["documents_per_day"]["documents"].sum() == documents  # every seed has its publication date
    days = data["documents_per_day"]["published_date"].to_list()
    assert all((since is None or d >= date.fromisoformat(since)) and (until is None or d <= date.fromisoformat(until))
               for d in days)


def test_an_empty_window_still_writes_a_report_saying_so(seed_db, tmp_path):
    html = _report(seed_db, tmp_path / "report", since="2021-01-01")
    assert "No documents in this window." in html
    assert "No direct quotes in this window." in html
    assert "checks" in _figures(html)  # the last run's checks do not depend on the window


@pytest.mark.parametrize("args, message", [
    (["--since", "2020-13-01"], "--since '2020-13-01': expected a date as YYYY-MM-DD"),
    (["--until", "kemarin"], "--until 'kemarin': expected a date as YYYY-MM-DD"),
    (["--since", "2020-11-01", "--until", "2020-10-01"], "--since 2020-11-01 is after --until 2020-10-01"),
])
def test_bad_window_fails_with_one_line(seed_db, tmp_path, args, message):
    result = run_cli(["report", "--db", str(seed_db), "--out", str(tmp_path / "r"), *args], env=None, timeout=60)
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "r" / "report.html").exists()


def test_missing_warehouse_fails_clearly(tmp_path):
    result = run_cli(["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r")], env=None, timeout=60)
    assert result.returncode == 1 and "No warehouse at" in result.stderr


@pytest.mark.parametrize("query", sorted(QUERIES.glob("*.sql")), ids=lambda p: p.stem)
def test_report_queries_pass_the_query_guard_and_state_their_grain(query):
    from newsetl.warehouse.query import checked_statements

    text = query.read_text(encoding="utf-8")
    assert re.search(r"^-- Grain: .+ Key: .+$", text, re.M), f"{query.name} has no grain/key header"
    checked_statements(text)  # raises if `newsetl query` would refuse it


def test_report_query_runs_as_is_with_newsetl_query(seed_db):
    result = run_cli(["query", (QUERIES / "top_speakers.sql").read_text(encoding="utf-8"), "--db", str(seed_db),
                      "--format", "csv"], env=None, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("Nikol Pashinyan,4,")


def test_country_outlines_ship_offline():
    outlines = country_outlines()
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert len(outlines["features"]) > 150
    assert {"Indonesia", "Malaysia", "Armenia", "Azerbaijan"} <= names
    assert "Antarctica" not in names


def test_report_artifact_names_the_file_and_the_headline(seed_db, tmp_path):
    from newsetl.flows.reporting import report_markdown
    from newsetl.report.build import written_report

    written = written_report(seed_db, tmp_path / "out")
    markdown = report_markdown(written, "run_x")
    assert (tmp_path / "out" / "report.html").resolve().as_uri() in markdown
    assert "| documents | 5 |" in markdown and "| most quoted speaker | Nikol Pashinyan |" in markdown
    assert re.search(r"\| data checks passed \| (\d+)/\1 \|", markdown)


ANTICLOCKWISE = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]]  # RFC 7946 exterior
CLOCKWISE = ANTICLOCKWISE[::-1]


@pytest.mark.parametrize("geometry, exterior", [
    ({"type": "Polygon", "coordinates": [ANTICLOCKWISE]}, CLOCKWISE),
    ({"type": "Polygon", "coordinates": [CLOCKWISE]}, CLOCKWISE),
    ({"type": "MultiPolygon", "coordinates": [[ANTICLOCKWISE], [CLOCKWISE]]}, CLOCKWISE),
])
def test_outlines_are_wound_the_way_vega_fills_them(geometry, exterior):
    from newsetl.report.charts import rewound

    result = rewound(geometry)
    polygons = result["coordinates"] if result["type"] == "MultiPolygon" else [result["coordinates"]]
    assert all(p[0] == exterior for p in polygons)


def test_every_shipped_outline_is_wound_clockwise_after_rewinding():
    from newsetl.report.charts import rewound

    def signed_area(ring):
        return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1]))

    for feature in country_outlines()["features"]:
        geometry = rewound(feature["geometry"])
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        assert all(signed_area(p[0]) <= 0 for p in polygons), feature["properties"]["name"]


INCIDENTS = [  # count_type, outlet, date_start, best, is_cumulative
    ("killed", "antaranews.com", "2020-09-28", 10, False),   # "10 tentara tewas"
    ("killed", "antaranews.com", "2020-09-30", 130, True),   # "jumlah korban tewas mencapai 130"
    ("killed", "antaranews.com", "2020-10-02", 5, False),    # "lima warga sipil tewas"
    ("killed", "antaranews.com", "2020-10-05", 200, True),   # "korban tewas bertambah menjadi 200"
    ("wounded", "kompas.com", "2020-09-29", 4, False),
    ("wounded", "kompas.com", "2020-10-01", 3, False),
    ("killed", "kompas.com", "2020-10-01", 7, False),
]


@pytest.mark.parametrize("count_type, outlet, running_totals", [
    ("killed", "antaranews.com", [10, 130, 130, 200]),  # a reported running total is never added to the others
    ("wounded", "kompas.com", [4, 7]),
    ("killed", "kompas.com", [7]),
])
def test_incident_running_totals_never_add_a_reported_total(tmp_path, count_type, outlet, running_totals):
    db = tmp_path / "incidents.duckdb"
    con = duckdb.connect(str(db))
    try:
        con.execute("CREATE SCHEMA marts")
        con.execute("CREATE TABLE marts.incidents (incident_id VARCHAR, count_type VARCHAR, first_outlet VARCHAR, "
                    "date_start DATE, best BIGINT, is_cumulative BOOLEAN)")
        for n, row in enumerate(INCIDENTS):
            con.execute("INSERT INTO marts.incidents VALUES (?, ?, ?, ?, ?, ?)", [f"i{n}", *row])
        frame = con.execute((QUERIES / "tolls_from_incidents.sql").read_text(encoding="utf-8")).pl()
    finally:
        con.close()
    rows = frame.filter((frame["count_type"] == count_type) & (frame["outlet"] == outlet))
    assert rows["running_total"].to_list() == running_totals


@pytest.mark.parametrize("link, kept", [
    ("https://news.detik.com/berita/d-8175033/prabowo", True),
    ("file:///inbox/000_e52eedfedc524ddc.txt", True),
    ("javascript:alert(document.cookie)", False),
    (" JavaScript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    (None, False),
])
def test_only_web_and_file_addresses_become_links(link, kept):
    from newsetl.report.page import safe_link

    assert (safe_link(link) is not None) is kept


@pytest.mark.parametrize("env, root, apt, reason", [
    ({"NEWSETL_NO_BROWSER_INSTALL": "1"}, True, True, "NEWSETL_NO_BROWSER_INSTALL is set"),
    ({}, False, True, "needs root"),
    ({}, True, False, "no apt-get"),
])
def test_browser_test_skips_with_a_reason_when_chromium_cannot_be_had(monkeypatch, env, root, apt, reason):
    from tests.helpers import browser

    monkeypatch.delenv("NEWSETL_NO_BROWSER_INSTALL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get" if name == "apt-get" and apt else None)
    monkeypatch.setattr(browser.os, "geteuid", lambda: 0 if root else 1000)
    monkeypatch.setattr(browser, "_run", lambda *a, **k: pytest.fail("must not try to install"))
    path, why = browser.chromium()
    assert path is None and reason in why


_GENERATED = re.compile(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC")


@pytest.mark.parametrize("changed", [None, "places"], ids=["same-warehouse", "places-changed"])
def test_a_second_report_renders_only_the_charts_whose_spec_changed(seed_db, tmp_path, monkeypatch, changed):
    from newsetl.report import build

    out = tmp_path / "report"
    first = _report(seed_db, out)
    pngs = {p.name: p.read_bytes() for p in (out / "charts").glob("*.png")}
    db = seed_db
    if changed:
        db = copied(seed_db, tmp_path / "changed.duckdb")
        with_places(db)
    rendered = []
    real = build.rendered_charts

    def spied(specs, scale):  # specs come as an iterator, built while the first are drawn
        specs = list(specs)
        rendered.extend(specs)
        return real(specs, scale)

    monkeypatch.setattr(build, "rendered_charts", spied)
    second = _report(db, out)
    if changed is None:
        assert rendered == []
        assert _GENERATED.sub("", second) == _GENERATED.sub("", first)
        assert {p.name: p.read_bytes() for p in (out / "charts").glob("*.png")} == pngs
    else:  # only the map draws the places: one chart rendered again, its old render pruned
        assert len(rendered) == 1 and "Places mentioned" in str(rendered[0].get("title"))
        assert (out / "charts" / "places_map.png").read_bytes() != pngs["places_map.png"]
    assert len(list((out / "charts" / build.RENDERED_DIR).glob("*.svg"))) == len(pngs)
