"""``newsetl report``: read the warehouse, draw the charts, write ``report.html`` and ``charts/*.png``.

The charts are Vega-Lite specifications (Altair) rendered by vl-convert, which runs
Vega in a JavaScript engine of its own (in helper processes, two charts at a time:
``newsetl/report/render.py``): to SVG, inlined into the page, and from that SVG to PNG. No
browser, no network, no JavaScript needed to view the page. Files are written
next to their final place and renamed in, so a reader never sees half a report.

Rendering is most of a report's CPU (about 4 s of 6 for the seeds), and a run that
loads nothing new asks for the same charts again: each chart's SVG and PNG are kept in
``charts/.rendered/`` under a hash of its spec and of vl-convert's version, and a chart
whose spec is unchanged is not rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import vl_convert

from newsetl.report.charts import Chart, charts_in_drawing_order, in_page_order
from newsetl.report.data import country_outlines, headline, report_data
from newsetl.report.page import report_html
from newsetl.report.render import rendered_charts
from newsetl.warehouse.connection import reader_connection

REPORT_FILE = "report.html"
CHARTS_DIR = "charts"
PNG_SCALE = 2.0

EMPTY_NOTES = {
    "corpus": ("documents_per_outlet", "No documents in this window."),
    "entities": ("top_entities", "No people or organisations mentioned in this window."),
    "tolls": ("tolls", "No counts of killed or wounded people in this window."),
}


@dataclass(frozen=True)
class WrittenReport:
    html: Path
    pngs: list[Path]
    headline: dict
    charts: list[str]
    notes: dict[str, str]
    seconds: float


def _write_atomically(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


RENDERED_DIR = ".rendered"


def _render_key(spec: dict) -> str:
    """Return the hash naming a chart's renders: its spec, vl-convert's version and the PNG scale."""
    text = json.dumps([spec, vl_convert.__version__, PNG_SCALE], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _cached_render(key: str, cache_dir: Path) -> tuple[str, bytes] | None:
    """Return the SVG and PNG of an earlier render with this key, or None."""
    try:
        return (cache_dir / f"{key}.svg").read_text(encoding="utf-8"), (cache_dir / f"{key}.png").read_bytes()
    except OSError:
        return None


def _rendered(specs: Iterable[dict], cache_dir: Path) -> list[tuple[str, bytes]]:
    """Return each chart's SVG and PNG: read back from an earlier render of the same spec, else rendered by vl-convert.

    ``specs`` may be an iterator: each chart not rendered before goes to the render workers as
    soon as its spec is built, so the next ones are built while the first are drawn.
    """
    keys: list[str] = []
    found: list[tuple[str, bytes] | None] = []
    missing: list[int] = []

    def to_render() -> Iterator[dict]:
        for spec in specs:
            keys.append(_render_key(spec))
            found.append(_cached_render(keys[-1], cache_dir))
            if found[-1] is None:
                missing.append(len(found) - 1)
                yield spec

    renders = rendered_charts(to_render(), PNG_SCALE)
    if missing:
        cache_dir.mkdir(parents=True, exist_ok=True)
    for i, (svg, png) in zip(missing, renders):
        _write_atomically(cache_dir / f"{keys[i]}.png", png)  # the PNG first: an SVG on disk means both are whole
        _write_atomically(cache_dir / f"{keys[i]}.svg", svg.encode("utf-8"))
        found[i] = (svg, png)
    return found


def _pruned_renders(cache_dir: Path, keep: set[str]) -> None:
    """Delete the renders of charts this report no longer has."""
    for path in cache_dir.glob("*.*"):
        if path.stem not in keep and path.suffix in {".svg", ".png"}:
            path.unlink(missing_ok=True)


def written_report(db_path: Path, out_dir: Path, since: date | None = None, until: date | None = None) -> WrittenReport:
    """Write the report of the warehouse at ``db_path`` into ``out_dir``; return what was written."""
    started = time.perf_counter()
    con = reader_connection(Path(db_path))
    try:
        data = report_data(con, since, until)
    finally:
        con.close()
    for section, (frame, note) in EMPTY_NOTES.items():
        if not data[frame].height:
            data.notes.setdefault(section, note)
    outlines = country_outlines() if data["places"].height else None
    out_dir = Path(out_dir)
    (out_dir / CHARTS_DIR).mkdir(parents=True, exist_ok=True)
    # Built one by one, the slowest to draw first, each drawn while the next is built.
    charts: list[Chart] = []
    built = charts_in_drawing_order(data.frames, tolls_source=data.tolls_source, outlines=outlines)
    renders = _rendered((charts.append(chart) or chart.spec for chart in built), out_dir / CHARTS_DIR / RENDERED_DIR)
    rendered = {chart.name: render for chart, render in zip(charts, renders)}
    charts = in_page_order(charts)
    svgs = {name: svg for name, (svg, _png) in rendered.items()}
    figures = headline(data)
    html = report_html(data, charts, svgs, figures, db=str(db_path))

    pngs = []
    for chart in charts:
        path = out_dir / CHARTS_DIR / f"{chart.name}.png"
        _write_atomically(path, rendered[chart.name][1])
        pngs.append(path)
    _pruned_renders(out_dir / CHARTS_DIR / RENDERED_DIR, {_render_key(chart.spec) for chart in charts})
    wanted = {p.name for p in pngs}
    for stale in (out_dir / CHARTS_DIR).glob("*.png"):  # charts of an earlier report that this one has not
        if stale.name not in wanted:
            stale.unlink()
    html_path = out_dir / REPORT_FILE
    _write_atomically(html_path, html.encode("utf-8"))
    return WrittenReport(html_path, pngs, figures, [c.name for c in charts], dict(data.notes),
                         time.perf_counter() - started)
