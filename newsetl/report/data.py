"""The report's figures: each is one query in ``warehouse/queries/report/*.sql``, read into Polars.

The queries are the analysts' too: every one runs as it is with ``newsetl query
"$(cat warehouse/queries/report/NAME.sql)"`` (the whole corpus), and honours the
window set by ``SET VARIABLE report_since = DATE '2020-10-01'`` (and
``report_until``) when run in DuckDB directly. Figures that need a mart built by a
later stage fall back when it is missing (looked up in ``information_schema``):
tolls come from ``marts.incidents`` if it exists, else from ``marts.event_counts``;
the map needs ``marts.places`` and is left out, with a note, without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from newsetl import warehouse as _warehouse

QUERIES = Path(_warehouse.__file__).resolve().parent / "queries" / "report"

# Query name -> the marts objects it needs beyond the core marts (all present in every warehouse).
OPTIONAL_SOURCES = {
    "tolls_from_incidents": ("marts", "incidents"),
    "places": ("marts", "places"),
}
INCIDENT_COLUMNS = {"count_type", "first_outlet", "date_start", "best", "is_cumulative"}
PLACE_COLUMNS = {"entity_id", "place_name", "latitude", "longitude", "geo_precision", "country_code"}


@dataclass
class ReportData:
    """The frames behind the report, the window they cover and notes on what was left out or substituted."""

    frames: dict[str, pl.DataFrame]
    since: date | None = None
    until: date | None = None
    tolls_source: str = "marts.event_counts"
    notes: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pl.DataFrame:
        return self.frames.get(name, pl.DataFrame())


def query_sql(name: str) -> str:
    """Return the text of ``warehouse/queries/report/<name>.sql``."""
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def _columns(con, schema: str, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?", [schema, table]
    ).fetchall()
    return {r[0] for r in rows}


def _frame(con, name: str) -> pl.DataFrame:
    return con.execute(query_sql(name)).pl()


def report_data(con, since: date | None = None, until: date | None = None) -> ReportData:
    """Run every report query on ``con`` (a read-only warehouse connection) for the window [since, until]."""
    for variable, value in (("report_since", since), ("report_until", until)):
        if value is None:
            con.execute(f"RESET VARIABLE {variable}")
        else:
            con.execute(f"SET VARIABLE {variable} = ?::DATE", [value.isoformat()])
    data = ReportData(frames={}, since=since, until=until)
    for name in ("documents_per_outlet", "documents_per_day", "languages", "top_entities", "mentions_per_week",
                 "top_speakers", "last_run", "last_run_checks", "last_run_rejects"):
        data.frames[name] = _frame(con, name)

    incident_columns = _columns(con, *OPTIONAL_SOURCES["tolls_from_incidents"])
    if INCIDENT_COLUMNS <= incident_columns:
        data.frames["tolls"] = _frame(con, "tolls_from_incidents")
        data.tolls_source = "marts.incidents"
    else:
        data.frames["tolls"] = _frame(con, "tolls_from_event_counts")
        data.notes["tolls"] = (
            "From marts.event_counts (marts.incidents is not in this warehouse): each article counts with its "
            "largest figure, so a toll repeated by several articles of one outlet is added again; an upper bound."
        )

    place_columns = _columns(con, *OPTIONAL_SOURCES["places"])
    if PLACE_COLUMNS <= place_columns:
        data.frames["places"] = _frame(con, "places")
    else:
        data.notes["map"] = "No map: this warehouse has no marts.places (geocoded places), so nothing can be placed."
    return data


def headline(data: ReportData) -> dict[str, object]:
    """Return the report's headline figures (for the page's summary and the Prefect artifact)."""
    outlets = data["documents_per_outlet"]
    days = data["documents_per_day"]
    entities = data["top_entities"]
    speakers = data["top_speakers"]
    tolls = data["tolls"]
    checks = data["last_run_checks"]
    people = entities.filter(pl.col("entity_type") == "PERSON") if entities.height else entities

    def toll(kind: str) -> int:  # each outlet's final running total, added up
        if not tolls.height:
            return 0
        finals = tolls.filter(pl.col("count_type") == kind).group_by("outlet").agg(pl.col("running_total").max())
        return int(finals["running_total"].sum() or 0)

    return {
        "documents": int(outlets["documents"].sum()) if outlets.height else 0,
        "outlets": outlets.height,
        "first_date": str(days["published_date"].min()) if days.height else None,
        "last_date": str(days["published_date"].max()) if days.height else None,
        "top_person": people["name"][0] if people.height else None,
        "top_speaker": speakers["speaker"][0] if speakers.height else None,
        "killed": toll("killed"),
        "wounded": toll("wounded"),
        "tolls_source": data.tolls_source,
        "places_mapped": data["places"].height,
        "checks_passed": int((checks["status"] == "pass").sum()) if checks.height else 0,
        "checks": checks.height,
    }


def country_outlines() -> dict:
    """Return the world's country outlines as one GeoJSON FeatureCollection, offline.

    The outlines ship inside the ``countryinfo`` package (one JSON file per country, its
    ``geoJSON`` member, Natural Earth 1:110m-like detail); Antarctica is left out of the map.
    """
    import json
    from importlib.resources import files

    features = []
    for entry in sorted(files("countryinfo").joinpath("data").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        country = json.loads(entry.read_text(encoding="utf-8"))
        geo = country.get("geoJSON") or {}
        for feature in geo.get("features", []):
            if feature.get("id") == "ATA" or not feature.get("geometry"):
                continue
            features.append({"type": "Feature", "id": feature.get("id"),
                             "properties": {"name": country.get("name")}, "geometry": feature["geometry"]})
    return {"type": "FeatureCollection", "features": features}
