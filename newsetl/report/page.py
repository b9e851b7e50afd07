"""The report page: one self-contained HTML file (charts as inline SVG, no external resource).

Pure: the report's frames, charts (already rendered to SVG) and headline in, HTML
text out. Nothing on the page is fetched: styles and a small script are inline,
links to sources point at the documents' own URLs (or their input files).
"""

from __future__ import annotations

from datetime import datetime, timezone

import jinja2
import polars as pl

SECTIONS = [
    ("corpus", "The corpus at a glance"),
    ("entities", "People and organisations"),
    ("quotes", "Who said what"),
    ("tolls", "Death and injury tolls"),
    ("map", "Places"),
    ("quality", "Data quality of the last run"),
]

# Marks each figure with the number of drawn marks and its box on the page: what the
# browser test reads back (data-marks, data-box) to know that every chart rendered.
_CHECK_SCRIPT = """
(function () {
  var figures = document.querySelectorAll('figure.chart');
  var drawn = 0;
  figures.forEach(function (figure) {
    var marks = 0;
    figure.querySelectorAll('svg g.role-mark > *').forEach(function (mark) {
      var box = mark.getBBox ? mark.getBBox() : {width: 0, height: 0};
      if (box.width + box.height > 0) { marks += 1; }
    });
    var rect = figure.querySelector('svg') ? figure.querySelector('svg').getBoundingClientRect() : figure.getBoundingClientRect();
    figure.setAttribute('data-marks', String(marks));
    figure.setAttribute('data-box', [rect.left + window.scrollX, rect.top + window.scrollY, rect.width, rect.height]
      .map(Math.round).join(','));
    if (marks > 0) { drawn += 1; }
  });
  document.body.setAttribute('data-charts', String(figures.length));
  document.body.setAttribute('data-charts-drawn', String(drawn));
  document.body.setAttribute('data-page-height', String(document.documentElement.scrollHeight));
})();
"""

_TEMPLATE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsetl report{{ window_text }}</title>
<style>
  body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 980px; padding: 16px 24px; color: #222; }
  h1 { font-size: 1.6em; margin-bottom: 0.2em; }
  h2 { border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 1.8em; }
  .meta, .note { color: #555; font-size: 0.9em; }
  .note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 6px 10px; }
  ul.headline { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; }
  ul.headline li { background: #f2f4f7; border-radius: 6px; padding: 6px 12px; }
  ul.headline b { display: block; font-size: 1.3em; }
  figure.chart { margin: 12px 0 20px; }
  figure.chart svg { max-width: 100%; height: auto; }
  figcaption { font-size: 0.85em; color: #555; }
  table { border-collapse: collapse; font-size: 0.88em; margin: 8px 0 16px; width: 100%; }
  th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f6f6f6; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .fail { color: #c62828; font-weight: bold; }
  blockquote { margin: 2px 0 6px; font-style: italic; }
</style>
</head>
<body>
<h1>newsetl report</h1>
<p class="meta">Warehouse <code>{{ db }}</code>; {{ window_long }}. Generated {{ generated }}.
Every figure comes from a query in <code>warehouse/queries/report/</code>.</p>
<ul class="headline">
  <li><b>{{ h.documents }}</b>documents</li>
  <li><b>{{ h.outlets }}</b>outlets</li>
  {% if h.first_date %}<li><b>{{ h.first_date }} &ndash; {{ h.last_date }}</b>publication days</li>{% endif %}
  {% if h.top_person %}<li><b>{{ h.top_person }}</b>most mentioned person</li>{% endif %}
  {% if h.top_speaker %}<li><b>{{ h.top_speaker }}</b>most quoted speaker</li>{% endif %}
  <li><b>{{ h.killed }} / {{ h.wounded }}</b>killed / wounded (from {{ h.tolls_source }})</li>
  <li><b>{{ h.places_mapped }}</b>places mapped</li>
  <li><b>{{ h.checks_passed }}/{{ h.checks }}</b>data checks passed</li>
</ul>
{% for key, heading in sections %}
<section id="{{ key }}">
<h2>{{ heading }}</h2>
{% if notes.get(key) %}<p class="note">{{ notes[key] }}</p>{% endif %}
{% for chart in charts if chart.section == key %}
<figure class="chart" id="chart-{{ chart.name }}" data-chart="{{ chart.name }}">
{{ chart.svg | safe }}
<figcaption>{{ chart.title }} &middot; <a href="charts/{{ chart.name }}.png">PNG</a></figcaption>
</figure>
{% endfor %}
{% if key == "quotes" %}
{% if speakers %}
<table>
<tr><th>speaker</th><th class="num">quotes</th><th>examples</th></tr>
{% for s in speakers %}
<tr><td>{{ s.speaker }}</td><td class="num">{{ s.quotes }}</td><td>
{% for q in s.examples %}<blockquote>&ldquo;{{ q.quote_text }}&rdquo;</blockquote>
<div class="meta">{{ q.outlet or "unknown outlet" }}{% if q.published_date %}, {{ q.published_date }}{% endif %}:
{% if q.source_link %}<a href="{{ q.source_link }}">{{ q.title or q.source_link }}</a>{% else %}{{ q.title or "" }}{% endif %}</div>{% endfor %}
</td></tr>
{% endfor %}
</table>
{% else %}<p class="note">No direct quotes in this window.</p>{% endif %}
{% endif %}
{% if key == "quality" %}
{% if last_run %}
<p>Last run <code>{{ last_run.run_id }}</code> ({{ last_run.mode }}, {{ last_run.status }}), started {{ last_run.started_at }}:
{{ last_run.documents_seen }} seen, {{ last_run.documents_loaded }} loaded, {{ last_run.documents_skipped }} skipped,
{{ last_run.documents_rejected }} rejected.{% if last_run.error %} <span class="fail">{{ last_run.error }}</span>{% endif %}</p>
{% endif %}
{% if rejects %}
<table><tr><th>kind</th><th>reason</th><th class="num">inputs</th><th>example</th></tr>
{% for r in rejects %}<tr><td>{{ r.kind }}</td><td>{{ r.reason }}</td><td class="num">{{ r.inputs }}</td><td>{{ r.example or "" }}</td></tr>{% endfor %}
</table>
{% else %}<p>No rejected inputs and no input warnings in the last run.</p>{% endif %}
{% if checks %}
<table><tr><th>check</th><th>severity</th><th>status</th><th class="num">failing rows</th><th>what it verifies</th></tr>
{% for c in checks %}<tr><td>{{ c.check_name }}</td><td>{{ c.severity }}</td>
<td{% if c.status != "pass" %} class="fail"{% endif %}>{{ c.status }}</td><td class="num">{{ c.failing_rows }}</td><td>{{ c.description or "" }}</td></tr>{% endfor %}
</table>
{% else %}<p class="note">No data checks recorded yet.</p>{% endif %}
{% endif %}
</section>
{% endfor %}
<script>{{ script | safe }}</script>
</body>
</html>
""")


def window_text(since, until) -> str:
    if since and until:
        return f"publication days {since} to {until}"
    if since:
        return f"publication days from {since}"
    if until:
        return f"publication days up to {until}"
    return "all documents"


SAFE_LINK_SCHEMES = ("http://", "https://", "file://")


def safe_link(link: str | None) -> str | None:
    """Return ``link`` if it is a web or file address; None otherwise (a ``javascript:`` URL from an input never becomes a link)."""
    if link and link.strip().lower().startswith(SAFE_LINK_SCHEMES):
        return link.strip()
    return None


def _speakers(frame: pl.DataFrame) -> list[dict]:
    speakers: dict[str, dict] = {}
    for row in frame.to_dicts():
        row = {**row, "source_link": safe_link(row.get("source_link"))}
        entry = speakers.setdefault(row["speaker"], {"speaker": row["speaker"], "quotes": row["quotes"], "examples": []})
        entry["examples"].append(row)
    return list(speakers.values())


def report_html(data, charts: list, svgs: dict[str, str], headline: dict, db: str, generated: datetime | None = None) -> str:
    """Return the report page for ``data`` (a ReportData) with each chart's SVG inline."""
    generated = generated or datetime.now(timezone.utc)
    last_run = data["last_run"].to_dicts()
    window = window_text(data.since, data.until)
    return _TEMPLATE.render(
        db=db, window_long=window, window_text="" if window == "all documents" else f" ({window})",
        generated=generated.strftime("%Y-%m-%d %H:%M UTC"), h=headline, sections=SECTIONS, notes=data.notes,
        charts=[{"name": c.name, "section": c.section, "title": c.title, "svg": svgs[c.name]} for c in charts],
        speakers=_speakers(data["top_speakers"]), last_run=last_run[0] if last_run else None,
        rejects=data["last_run_rejects"].to_dicts(), checks=data["last_run_checks"].to_dicts(),
        script=_CHECK_SCRIPT,
    )
