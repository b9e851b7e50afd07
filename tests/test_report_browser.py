"""The report in a real browser: headless Chromium (Debian's package) opens report.html from disk.

With the network cut off, the page must log nothing to the console, and in its
screenshot every chart must have rendered: its SVG has drawn marks, and its area of
the screenshot is not blank. The same checks are shown to fail on a page that logs an
error and on a report one of whose charts lost its marks. Skipped, with the reason,
when Chromium is missing and cannot be installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.browser import chromium, opened
from tests.helpers.report_warehouses import copied, with_incidents, with_places

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> str:
    path, reason = chromium()
    if not path:
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def full_report(seed_db, tmp_path_factory) -> Path:
    """The seed report with every chart, the map included (a hand-made marts.places and marts.incidents)."""
    from newsetl.report.build import written_report

    root = tmp_path_factory.mktemp("browser-report")
    db = copied(seed_db, root / "news.duckdb")
    with_places(db)
    with_incidents(db)
    return written_report(db, root / "report").html


def chart_problems(page, screenshot_crops: bool = True) -> list[str]:
    """Return what is wrong with the page's charts: console messages, charts without marks, blank areas."""
    from PIL import Image

    problems = [f"console: {message}" for message in page.console]
    figures = re.findall(r'<figure class="chart" id="chart-([a-z_]+)"[^>]*data-marks="(\d+)" data-box="([\d,.-]+)"', page.dom)
    total = re.search(r'data-charts="(\d+)"', page.dom)
    if not figures or not total or int(total.group(1)) != len(figures):
        problems.append(f"the page's script did not measure its charts ({len(figures)} measured)")
    image = Image.open(page.screenshot).convert("L") if page.screenshot else None
    if image is None:
        problems.append("no screenshot")
    for name, marks, box in figures:
        if int(marks) == 0:
            problems.append(f"{name}: no marks drawn")
        if image is not None and screenshot_crops:
            left, top, width, height = (int(float(v)) for v in box.split(","))
            crop = image.crop((left, top, left + width, top + height))
            histogram = crop.histogram()
            ink = sum(histogram[:200])  # pixels clearly darker than the white page
            if width * height == 0 or ink < 0.005 * width * height:
                problems.append(f"{name}: blank in the screenshot ({ink} dark pixels in {width}x{height})")
    return problems


def test_report_renders_every_chart_with_no_console_message(browser, full_report, tmp_path):
    page = opened(browser, full_report, tmp_path)
    assert page.screenshot and page.screenshot.stat().st_size > 50_000
    assert chart_problems(page) == []
    charts = re.findall(r'<figure class="chart" id="chart-([a-z_]+)"', page.dom)
    assert len(charts) >= 5 and "places_map" in charts and "tolls" in charts
    assert re.search(rf'data-charts-drawn="{len(charts)}"', page.dom)


@pytest.mark.parametrize("breakage", ["console-error", "script-error", "chart-without-marks"])
def test_the_checks_catch_a_broken_page(browser, full_report, tmp_path, breakage):
    html = full_report.read_text(encoding="utf-8")
    if breakage == "console-error":
        html = html.replace("<body>", '<body><script>console.error("chart data missing")</script>', 1)
    elif breakage == "script-error":
        html = html.replace("<body>", "<body><script>drawChart(undefinedSpec)</script>", 1)
    else:  # the languages chart keeps its axes but loses its bars
        start = html.index('id="chart-languages"')
        end = html.index("</figure>", start)
        figure = re.sub(r'(<g class="mark-rect role-mark[^"]*"[^>]*>).*?(</g>)', r"\1\2", html[start:end], flags=re.S)
        assert figure != html[start:end]
        html = html[:start] + figure + html[end:]
    broken = tmp_path / "report.html"
    broken.write_text(html, encoding="utf-8")
    problems = chart_problems(opened(browser, broken, tmp_path))
    expected = {"console-error": "console: \"chart data missing\"", "script-error": "drawChart is not defined",
                "chart-without-marks": "languages: no marks drawn"}[breakage]
    assert any(expected in p for p in problems), problems
