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
from collections.abc import Iterator
from itertools import count

import altair as alt
import polars as pl

WIDTH = 640
MAX_OUTLETS = 20  # bars in the documents-per-outlet chart
COLOURED_OUTLETS = 8  # outlets with their own colour over time; the rest are "other outlets"
OTHER = "other outlets"
COUNT_AXIS = alt.Axis(tickMinStep=1, format="d")
MAP_MARGIN_DEGREES = 8.0  # around the mapped places
MIN_MAP_SPAN_DEGREES = 30.0
MAP_LABELS = 12


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


# vl-convert measures text with this font when it lays a chart out; the page asks browsers for the same one,
# so labels measured there fit when drawn here. The padding leaves room if a browser substitutes a wider font.
FONT = "DejaVu Sans"
PADDING = {"left": 12, "top": 6, "right": 36, "bottom": 6}


# Rows stand in a chart as named data until ``_spec`` puts them back: Altair deep-copies and walks
# every value of inline data on ``to_dict`` (~1.5 s of CPU for the map's 250 KB of country outlines
# and the seeds' other rows), and a named placeholder costs nothing. The spec comes out the same.
_PLACEHOLDER = "newsetl-rows-"
_held: dict[str, list] = {}
_held_ids = count()


def _data(rows: list) -> alt.Data:
    """Return the chart data for ``rows``: a placeholder name that ``_spec`` replaces with ``{"values": rows}``."""
    name = f"{_PLACEHOLDER}{next(_held_ids)}"
    _held[name] = rows
    return alt.Data(name=name)


def _with_rows(node, used: set[str]):
    """Return ``node`` with each placeholder ``{"name": ...}`` of ``_data`` replaced by its rows (names into ``used``)."""
    if isinstance(node, dict):
        name = node.get("name")
        if len(node) == 1 and isinstance(name, str) and name.startswith(_PLACEHOLDER) and name in _held:
            used.add(name)
            return {"values": _held[name]}
        return {key: _with_rows(value, used) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_rows(value, used) for value in node]
    return node


def _spec(chart) -> dict:
    used: set[str] = set()
    spec = _with_rows(chart.to_dict(validate=False), used)
    for name in used:
        _held.pop(name, None)
    spec["padding"] = PADDING
    spec.setdefault("config", {})["font"] = FONT
    return spec


def _top_outlets(frame: pl.DataFrame, weight: str) -> pl.DataFrame:
    """Keep the ``COLOURED_OUTLETS`` heaviest outlets by name; fold the rest into ``other outlets``."""
    top = (frame.group_by("outlet").agg(pl.col(weight).sum()).sort([weight, "outlet"], descending=[True, False])
           .head(COLOURED_OUTLETS)["outlet"].to_list())
    return frame.with_columns(pl.when(pl.col("outlet").is_in(top)).then(pl.col("outlet")).otherwise(pl.lit(OTHER)).alias("outlet"))


def _ranked_bars(rows: pl.DataFrame, value: str, value_title: str, label: str, tooltip: list, title: str, *,
                 label_title: str | None = None, width: int = WIDTH, **encodings) -> dict:
    """Return horizontal bars of ``value`` per ``label``, longest first (``encodings``: colour and the like)."""
    chart = alt.Chart(_data(_values(rows))).mark_bar().encode(
        x=alt.X(f"{value}:Q", title=value_title, axis=COUNT_AXIS),
        y=alt.Y(f"{label}:N", sort="-x", title=label_title),
        **encodings,
        tooltip=tooltip,
    ).properties(width=width, title=title)
    return _spec(chart)


def documents_per_outlet(frame: pl.DataFrame) -> dict:
    return _ranked_bars(frame.head(MAX_OUTLETS), "documents", "documents", "outlet",
                        ["outlet:N", "documents:Q", "first_date:N", "last_date:N"],
                        f"Documents per outlet (top {min(MAX_OUTLETS, frame.height)} of {frame.height})")


def documents_per_day(frame: pl.DataFrame) -> dict:
    rows = (_top_outlets(frame, "documents").group_by(["published_date", "outlet"]).agg(pl.col("documents").sum())
            .sort(["published_date", "outlet"]))
    chart = alt.Chart(_data(_values(rows))).mark_bar().encode(
        x=_day("published_date", "publication day"),
        y=alt.Y("sum(documents):Q", title="documents", stack=True, axis=COUNT_AXIS),
        color=alt.Color("outlet:N", title="outlet", legend=alt.Legend(labelLimit=220)),
        tooltip=[alt.Tooltip("published_date:T", timeUnit="utcyearmonthdate", title="day"), "outlet:N", "documents:Q"],
    ).properties(width=WIDTH, height=220, title="Documents per publication day")
    return _spec(chart)


def languages(frame: pl.DataFrame) -> dict:
    return _ranked_bars(frame, "documents", "documents", "language", ["language:N", "documents:Q"],
                        "Documents per detected language", label_title="language")


def top_entities(frame: pl.DataFrame) -> dict:
    rows = frame.with_columns(pl.col("entity_type").replace({"PERSON": "people", "ORG": "organisations"}).alias("kind"))
    chart = alt.Chart(_data(_values(rows))).mark_bar().encode(
        x=alt.X("mentions:Q", title="mentions", axis=COUNT_AXIS),
        y=alt.Y("name:N", sort="-x", title=None),
        color=alt.Color("kind:N", title=None, legend=None),
        tooltip=["name:N", "kind:N", "mentions:Q", "documents:Q"],
    ).properties(width=280).facet(
        column=alt.Column("kind:N", title=None, sort=["people", "organisations"]),
    ).resolve_scale(y="independent").properties(title="Most mentioned people and organisations")
    return _spec(chart)


def mentions_per_week(frame: pl.DataFrame) -> dict:
    rows = frame.with_columns(pl.col("entity_type").replace({"PERSON": "person", "ORG": "organisation"}).alias("kind"))
    base = alt.Chart(_data(_values(rows))).encode(
        x=alt.X("week:T", timeUnit="utcyearmonthdate", title=None, axis=alt.Axis(format="%d %b", labelAngle=-45)),
        y=alt.Y("mentions:Q", title="mentions", axis=COUNT_AXIS),
        color=alt.Color("kind:N", title=None),
        tooltip=["name:N", alt.Tooltip("week:T", timeUnit="utcyearmonthdate", title="week of"), "mentions:Q"],
    )
    chart = (base.mark_line() + base.mark_point(filled=True, size=30)).properties(width=130, height=80).facet(
        facet=alt.Facet("name:N", title=None, header=alt.Header(labelLimit=130)), columns=5,
    ).properties(title="Mentions per week (weeks starting Monday)")
    return _spec(chart)


def top_speakers(frame: pl.DataFrame) -> dict:
    rows = frame.unique(subset=["speaker"], keep="first", maintain_order=True).select("speaker", "quotes", "outlets")
    return _ranked_bars(rows, "quotes", "direct quotes", "speaker", ["speaker:N", "quotes:Q", "outlets:Q"],
                        "Top speakers by number of direct quotes")


def tolls(frame: pl.DataFrame, source: str) -> dict:
    """Running totals by outlet (the query's ``running_total``), for the ``COLOURED_OUTLETS`` largest tolls."""
    largest = (frame.group_by("outlet").agg(pl.col("running_total").max()).sort(["running_total", "outlet"],
               descending=[True, False]).head(COLOURED_OUTLETS)["outlet"].to_list())
    rows = frame.filter(pl.col("outlet").is_in(largest)).select("count_type", "outlet", "published_date", "toll",
                                                                 "running_total").sort(["count_type", "outlet", "published_date"])
    shown = "" if len(largest) == frame["outlet"].n_unique() else f", the {len(largest)} outlets with the largest"
    base = alt.Chart(_data(_values(rows))).encode(
        x=_day("published_date", "day"),
        y=alt.Y("running_total:Q", title="running total"),
        color=alt.Color("outlet:N", title="outlet", legend=alt.Legend(labelLimit=220)),
        tooltip=["outlet:N", alt.Tooltip("published_date:T", timeUnit="utcyearmonthdate", title="day"),
                 "toll:Q", "running_total:Q"],
    )
    lines = base.mark_line(interpolate="step-after") + base.mark_point(filled=True, size=40)
    chart = lines.properties(width=WIDTH, height=160).facet(
        row=alt.Row("count_type:N", title=None, sort=["killed", "wounded"]),
    ).resolve_scale(y="independent").properties(title=f"Killed and wounded, running totals by outlet{shown} (from {source})")
    return _spec(chart)


def _clockwise(ring: list) -> list:
    """Return ``ring`` wound clockwise in (longitude, latitude), as Vega's (d3's) spherical geometry wants exteriors."""
    area = sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1]))
    return ring[::-1] if area > 0 else ring


def rewound(geometry: dict) -> dict:
    """Return a (Multi)Polygon with exterior rings clockwise and holes anticlockwise.

    GeoJSON (RFC 7946) winds exteriors anticlockwise; d3 reads such a ring as everything
    outside it, and the map turns into one grey globe. Pure, on plain coordinates.
    """
    def polygon(rings: list) -> list:
        exterior = _clockwise(rings[0])
        return [exterior] + [_clockwise(hole)[::-1] for hole in rings[1:]]

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    if geometry["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [polygon(p) for p in geometry["coordinates"]]}
    return geometry


def map_extent(places: pl.DataFrame) -> list[list[float]]:
    """Return the corners (lon, lat) the map is fitted to: the places' box with a margin, at least 30 degrees wide."""
    lon0, lon1 = float(places["longitude"].min()), float(places["longitude"].max())
    lat0, lat1 = float(places["latitude"].min()), float(places["latitude"].max())
    corners = []
    for low, high, limit in ((lon0, lon1, 180.0), (lat0, lat1, 80.0)):
        middle, half = (low + high) / 2, max((high - low) / 2 + MAP_MARGIN_DEGREES, MIN_MAP_SPAN_DEGREES / 2)
        corners.append((max(middle - half, -limit), min(middle + half, limit)))
    (w, e), (south, north) = corners
    return [[w, south], [e, south], [e, north], [w, north]]


def places_map(places: pl.DataFrame, outlines: dict) -> dict:
    features = [{**f, "geometry": rewound(f["geometry"])} for f in outlines["features"]]
    countries = alt.Chart(_data(features)).mark_geoshape(
        fill="#e8e8e4", stroke="#9a9a94", strokeWidth=0.5, clip=True,
    )
    ranked = _values(places.with_columns(pl.col("mentions").rank("ordinal", descending=True).alias("rank")))
    points = alt.Chart(_data(ranked)).mark_circle(color="#c0392b", opacity=0.65, stroke="white",
                                                            strokeWidth=0.5, clip=True).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("mentions:Q", title="mentions", scale=alt.Scale(range=[20, 900])),
        tooltip=["place_name:N", "country_code:N", "mentions:Q", "documents:Q", "geo_precision:N"],
    )
    labels = alt.Chart(_data(ranked)).transform_filter(alt.datum.rank <= MAP_LABELS).mark_text(
        align="left", dx=7, dy=-7, fontSize=11, clip=True,
    ).encode(longitude="longitude:Q", latitude="latitude:Q", text="place_name:N")
    fit = {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": map_extent(places)}, "properties": {}}
    chart = (countries + points + labels).project(type="mercator", fit=fit).properties(
        width=WIDTH + 120, height=420, title="Places mentioned, sized by mentions (the 12 most mentioned named)")
    return _spec(chart)


def check_results(frame: pl.DataFrame) -> dict:
    chart = alt.Chart(_data(_values(frame))).mark_point(filled=True, size=70).encode(
        x=alt.X("failing_rows:Q", title="failing rows", axis=COUNT_AXIS,
                scale=alt.Scale(domain=[0, max(5, int(frame["failing_rows"].max() or 0))])),
        y=alt.Y("check_name:N", title=None, sort=None),
        color=alt.Color("status:N", scale=alt.Scale(domain=["pass", "fail"], range=["#2e7d32", "#c62828"])),
        shape=alt.Shape("severity:N"),
        tooltip=["check_name:N", "severity:N", "status:N", "failing_rows:Q", "description:N"],
    ).properties(width=WIDTH - 160, title="Data checks of the last run")
    return _spec(chart)


def rejects(frame: pl.DataFrame) -> dict:
    return _ranked_bars(frame, "inputs", "inputs", "reason", ["kind:N", "reason:N", "inputs:Q", "example:N"],
                        "Rejected inputs and input warnings of the last run", width=WIDTH - 160,
                        color=alt.Color("kind:N", title=None))


# (frame, chart name, section, title, builder), in page order.
_PAGE_CHARTS = (
    ("documents_per_outlet", "documents_per_outlet", "corpus", "Documents per outlet", documents_per_outlet),
    ("documents_per_day", "documents_per_day", "corpus", "Documents per day", documents_per_day),
    ("languages", "languages", "corpus", "Languages", languages),
    ("top_entities", "top_entities", "entities", "Top people and organisations", top_entities),
    ("mentions_per_week", "mentions_per_week", "entities", "Mentions per week", mentions_per_week),
    ("top_speakers", "top_speakers", "quotes", "Top speakers", top_speakers),
    ("tolls", "tolls", "tolls", "Death and injury tolls", tolls),
    ("places", "places_map", "map", "Map of places", places_map),
    ("last_run_checks", "checks", "quality", "Data checks", check_results),
    ("last_run_rejects", "rejects", "quality", "Rejects", rejects),
)


# The slowest charts to draw (vl-convert on the seeds: the map's PNG ~0.6 s, the checks and the weekly
# mentions ~0.5 s each, the others 0.05-0.35 s): built and sent to the render workers first.
DRAWN_FIRST = ("places_map", "checks", "mentions_per_week")


def _planned(frames: dict[str, pl.DataFrame], outlines: dict | None) -> list[tuple]:
    """Return the page's charts that have data (the map only with ``outlines``), in page order."""
    return [entry for entry in _PAGE_CHARTS
            if entry[0] in frames and frames[entry[0]].height > 0 and (entry[4] is not places_map or outlines is not None)]


def _built(entry: tuple, frames: dict[str, pl.DataFrame], tolls_source: str, outlines: dict | None) -> Chart:
    frame, name, section, title, build = entry
    extra = {tolls: (tolls_source,), places_map: (outlines,)}
    return Chart(name, section, title, build(frames[frame], *extra.get(build, ())))


def report_charts(frames: dict[str, pl.DataFrame], *, tolls_source: str, outlines: dict | None) -> list[Chart]:
    """Return the charts that have data, in page order (the map only with ``outlines``)."""
    return [_built(entry, frames, tolls_source, outlines) for entry in _planned(frames, outlines)]


def charts_in_drawing_order(frames: dict[str, pl.DataFrame], *, tolls_source: str, outlines: dict | None
                            ) -> Iterator[Chart]:
    """Yield the charts of ``report_charts``, the slowest to draw (``DRAWN_FIRST``) first, each built when asked for."""
    planned = _planned(frames, outlines)
    first = sorted((entry for entry in planned if entry[1] in DRAWN_FIRST), key=lambda entry: DRAWN_FIRST.index(entry[1]))
    for entry in first + [entry for entry in planned if entry[1] not in DRAWN_FIRST]:
        yield _built(entry, frames, tolls_source, outlines)


def in_page_order(charts: list[Chart]) -> list[Chart]:
    """Return ``charts`` in the page's order."""
    order = {entry[1]: index for index, entry in enumerate(_PAGE_CHARTS)}
    return sorted(charts, key=lambda chart: order[chart.name])
