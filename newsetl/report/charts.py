"""The report's charts as Vega-Lite specifications, built with Altair from the report's Polars frames.

Pure: frames in, specification dicts out (no I/O). Each chart is a function of one
or two frames; ``report_charts`` returns the ones that have data, in page order,
with the section each belongs to. Dates travel as ISO strings and are read as UTC
days (``utcyearmonthdate``), so a chart shows the same days wherever it is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import altair as alt
import polars as pl

WIDTH = 640
MAX_OUTLETS = 20  # bars in the documents-per-outlet chart
COLOURED_OUTLETS = 8  # outlets with their own colour over time; the rest are "other outlets"
OTHER = "other outlets"


@dataclass(frozen=True)
class Chart:
    name: str  # file stem of its PNG and the figure's id
    section: str
    title: str
    spec: dict


def _values(frame: pl.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts (dates as ISO strings)."""
    rows = frame.to_dicts()
    for row in rows:
        for key, value in row.items():
            if isinstance(value, (date, datetime)):
                row[key] = value.isoformat()
            elif isinstance(value, Decimal):
                row[key] = int(value) if value == value.to_integral_value() else float(value)
    return rows


def _day(field: str, title: str) -> alt.X:
    return alt.X(f"{field}:T", timeUnit="utcyearmonthdate", title=title)


def _spec(chart) -> dict:
    return chart.to_dict(validate=False)


def _top_outlets(frame: pl.DataFrame, weight: str) -> pl.DataFrame:
    """Keep the ``COLOURED_OUTLETS`` heaviest outlets by name; fold the rest into ``other outlets``."""
    top = (frame.group_by("outlet").agg(pl.col(weight).sum()).sort([weight, "outlet"], descending=[True, False])
           .head(COLOURED_OUTLETS)["outlet"].to_list())
    return frame.with_columns(pl.when(pl.col("outlet").is_in(top)).then(pl.col("outlet")).otherwise(pl.lit(OTHER)).alias("outlet"))


def documents_per_outlet(frame: pl.DataFrame) -> dict:
    rows = frame.head(MAX_OUTLETS)
    chart = alt.Chart(alt.Data(values=_values(rows))).mark_bar().encode(
        x=alt.X("documents:Q", title="documents"),
        y=alt.Y("outlet:N", sort="-x", title=None),
        tooltip=["outlet:N", "documents:Q", "first_date:N", "last_date:N"],
    ).properties(width=WIDTH, title=f"Documents per outlet (top {min(MAX_OUTLETS, frame.height)} of {frame.height})")
    return _spec(chart)


def documents_per_day(frame: pl.DataFrame) -> dict:
    rows = (_top_outlets(frame, "documents").group_by(["published_date", "outlet"]).agg(pl.col("documents").sum())
            .sort(["published_date", "outlet"]))
    chart = alt.Chart(alt.Data(values=_values(rows))).mark_bar().encode(
        x=_day("published_date", "publication day"),
        y=alt.Y("sum(documents):Q", title="documents", stack=True),
        color=alt.Color("outlet:N", title="outlet"),
        tooltip=[alt.Tooltip("published_date:T", timeUnit="utcyearmonthdate", title="day"), "outlet:N", "documents:Q"],
    ).properties(width=WIDTH, height=220, title="Documents per publication day")
    return _spec(chart)


def languages(frame: pl.DataFrame) -> dict:
    chart = alt.Chart(alt.Data(values=_values(frame))).mark_bar().encode(
        x=alt.X("documents:Q", title="documents"),
        y=alt.Y("language:N", sort="-x", title="language"),
        tooltip=["language:N", "documents:Q"],
    ).properties(width=WIDTH, title="Documents per detected language")
    return _spec(chart)


def top_entities(frame: pl.DataFrame) -> dict:
    rows = frame.with_columns(pl.col("entity_type").replace({"PERSON": "people", "ORG": "organisations"}).alias("kind"))
    chart = alt.Chart(alt.Data(values=_values(rows))).mark_bar().encode(
        x=alt.X("mentions:Q", title="mentions"),
        y=alt.Y("name:N", sort="-x", title=None),
        color=alt.Color("kind:N", title=None, legend=None),
        tooltip=["name:N", "kind:N", "mentions:Q", "documents:Q"],
    ).properties(width=280).facet(
        column=alt.Column("kind:N", title=None, sort=["people", "organisations"]),
    ).resolve_scale(y="independent").properties(title="Most mentioned people and organisations")
    return _spec(chart)


def mentions_per_week(frame: pl.DataFrame) -> dict:
    rows = frame.with_columns(pl.col("entity_type").replace({"PERSON": "person", "ORG": "organisation"}).alias("kind"))
    base = alt.Chart(alt.Data(values=_values(rows))).encode(
        x=alt.X("week:T", timeUnit="utcyearmonthdate", title=None, axis=alt.Axis(format="%d %b", labelAngle=-45)),
        y=alt.Y("mentions:Q", title="mentions"),
        color=alt.Color("kind:N", title=None),
        tooltip=["name:N", alt.Tooltip("week:T", timeUnit="utcyearmonthdate", title="week of"), "mentions:Q"],
    )
    chart = (base.mark_line() + base.mark_point(filled=True, size=30)).properties(width=130, height=80).facet(
        facet=alt.Facet("name:N", title=None, header=alt.Header(labelLimit=130)), columns=5,
    ).properties(title="Mentions per week (weeks starting Monday)")
    return _spec(chart)


def top_speakers(frame: pl.DataFrame) -> dict:
    rows = frame.unique(subset=["speaker"], keep="first").select("speaker", "quotes", "outlets")
    chart = alt.Chart(alt.Data(values=_values(rows))).mark_bar().encode(
        x=alt.X("quotes:Q", title="direct quotes"),
        y=alt.Y("speaker:N", sort="-x", title=None),
        tooltip=["speaker:N", "quotes:Q", "outlets:Q"],
    ).properties(width=WIDTH, title="Top speakers by number of direct quotes")
    return _spec(chart)


def tolls(frame: pl.DataFrame, source: str) -> dict:
    rows = _top_outlets(frame, "toll").group_by(["count_type", "outlet", "published_date"]).agg(pl.col("toll").sum())
    rows = rows.sort(["count_type", "outlet", "published_date"]).with_columns(
        pl.col("toll").cum_sum().over(["count_type", "outlet"]).alias("running_total"))
    base = alt.Chart(alt.Data(values=_values(rows))).encode(
        x=_day("published_date", "day"),
        y=alt.Y("running_total:Q", title="running total"),
        color=alt.Color("outlet:N", title="outlet"),
        tooltip=["outlet:N", alt.Tooltip("published_date:T", timeUnit="utcyearmonthdate", title="day"),
                 "toll:Q", "running_total:Q"],
    )
    lines = base.mark_line(interpolate="step-after") + base.mark_point(filled=True, size=40)
    chart = lines.properties(width=WIDTH, height=160).facet(
        row=alt.Row("count_type:N", title=None, sort=["killed", "wounded"]),
    ).resolve_scale(y="independent").properties(title=f"Killed and wounded, running totals by outlet (from {source})")
    return _spec(chart)


def places_map(places: pl.DataFrame, outlines: dict) -> dict:
    countries = alt.Chart(alt.Data(values=outlines["features"])).mark_geoshape(
        fill="#e8e8e4", stroke="#9a9a94", strokeWidth=0.4,
    )
    points = alt.Chart(alt.Data(values=_values(places))).mark_circle(color="#c0392b", opacity=0.65, stroke="white",
                                                                     strokeWidth=0.5).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("mentions:Q", title="mentions", scale=alt.Scale(range=[20, 900])),
        tooltip=["place_name:N", "country_code:N", "mentions:Q", "documents:Q", "geo_precision:N"],
    )
    chart = (countries + points).project(type="equalEarth").properties(
        width=WIDTH + 120, height=380, title="Places mentioned, sized by mentions")
    return _spec(chart)


def check_results(frame: pl.DataFrame) -> dict:
    chart = alt.Chart(alt.Data(values=_values(frame))).mark_point(filled=True, size=70).encode(
        x=alt.X("failing_rows:Q", title="failing rows"),
        y=alt.Y("check_name:N", title=None, sort=None),
        color=alt.Color("status:N", scale=alt.Scale(domain=["pass", "fail"], range=["#2e7d32", "#c62828"])),
        shape=alt.Shape("severity:N"),
        tooltip=["check_name:N", "severity:N", "status:N", "failing_rows:Q", "description:N"],
    ).properties(width=WIDTH - 160, title="Data checks of the last run")
    return _spec(chart)


def rejects(frame: pl.DataFrame) -> dict:
    chart = alt.Chart(alt.Data(values=_values(frame))).mark_bar().encode(
        x=alt.X("inputs:Q", title="inputs"),
        y=alt.Y("reason:N", sort="-x", title=None),
        color=alt.Color("kind:N", title=None),
        tooltip=["kind:N", "reason:N", "inputs:Q", "example:N"],
    ).properties(width=WIDTH - 160, title="Rejected inputs and input warnings of the last run")
    return _spec(chart)


def report_charts(frames: dict[str, pl.DataFrame], *, tolls_source: str, outlines: dict | None) -> list[Chart]:
    """Return the charts that have data, in page order."""
    def has(name: str) -> bool:
        return name in frames and frames[name].height > 0

    charts: list[Chart] = []

    def add(name: str, section: str, title: str, spec: dict) -> None:
        charts.append(Chart(name, section, title, spec))

    if has("documents_per_outlet"):
        add("documents_per_outlet", "corpus", "Documents per outlet", documents_per_outlet(frames["documents_per_outlet"]))
    if has("documents_per_day"):
        add("documents_per_day", "corpus", "Documents per day", documents_per_day(frames["documents_per_day"]))
    if has("languages"):
        add("languages", "corpus", "Languages", languages(frames["languages"]))
    if has("top_entities"):
        add("top_entities", "entities", "Top people and organisations", top_entities(frames["top_entities"]))
    if has("mentions_per_week"):
        add("mentions_per_week", "entities", "Mentions per week", mentions_per_week(frames["mentions_per_week"]))
    if has("top_speakers"):
        add("top_speakers", "quotes", "Top speakers", top_speakers(frames["top_speakers"]))
    if has("tolls"):
        add("tolls", "tolls", "Death and injury tolls", tolls(frames["tolls"], tolls_source))
    if has("places") and outlines is not None:
        add("places_map", "map", "Map of places", places_map(frames["places"], outlines))
    if has("last_run_checks"):
        add("checks", "quality", "Data checks", check_results(frames["last_run_checks"]))
    if has("last_run_rejects"):
        add("rejects", "quality", "Rejects", rejects(frames["last_run_rejects"]))
    return charts
