"""``newsetl report``: read the warehouse, draw the charts, write ``report.html`` and ``charts/*.png``.

The charts are Vega-Lite specifications (Altair) rendered by vl-convert, which runs
Vega in-process: to SVG, inlined into the page, and from that SVG to PNG. No
browser, no network, no JavaScript needed to view the page. Files are written
next to their final place and renamed in, so a reader never sees half a report.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import vl_convert

from newsetl.report.charts import report_charts
from newsetl.report.data import country_outlines, headline, report_data
from newsetl.report.page import report_html
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
    charts = report_charts(data.frames, tolls_source=data.tolls_source, outlines=outlines)
    svgs = {chart.name: vl_convert.vegalite_to_svg(chart.spec) for chart in charts}
    figures = headline(data)
    html = report_html(data, charts, svgs, figures, db=str(db_path))

    out_dir = Path(out_dir)
    (out_dir / CHARTS_DIR).mkdir(parents=True, exist_ok=True)
    pngs = []
    for chart in charts:
        path = out_dir / CHARTS_DIR / f"{chart.name}.png"
        _write_atomically(path, bytes(vl_convert.svg_to_png(svgs[chart.name], scale=PNG_SCALE)))
        pngs.append(path)
    wanted = {p.name for p in pngs}
    for stale in (out_dir / CHARTS_DIR).glob("*.png"):  # charts of an earlier report that this one has not
        if stale.name not in wanted:
            stale.unlink()
    html_path = out_dir / REPORT_FILE
    _write_atomically(html_path, html.encode("utf-8"))
    return WrittenReport(html_path, pngs, figures, [c.name for c in charts], dict(data.notes),
                         time.perf_counter() - started)
