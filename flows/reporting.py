"""The run summary: a Prefect table artifact, a data-quality artifact, the report artifact and a console table."""

from __future__ import annotations

from collections import Counter

from newsetl.warehouse.checks import CheckResult


def summary_rows(summary: dict) -> list[dict[str, str]]:
    """Return the run summary as ``metric``/``value`` rows."""
    rows = [
        ("run_id", summary["run_id"]),
        ("status", summary["status"]),
        ("mode", summary["mode"]),
        ("documents seen", summary["documents_seen"]),
        ("documents loaded", summary["documents_loaded"]),
        ("documents skipped", summary["documents_skipped"]),
        ("documents rejected", summary["documents_rejected"]),
        ("reject reasons", ", ".join(f"{k}: {v}" for k, v in sorted(summary["reject_reasons"].items())) or "none"),
        ("input warnings (raw.input_warnings)", summary.get("input_warnings", 0)),
        ("languages", ", ".join(f"{k}: {v}" for k, v in sorted(summary["languages"].items())) or "none"),
        ("top entities", ", ".join(f"{name} ({n})" for name, n in summary.get("top_entities", [])) or "none"),
        ("dates found", summary.get("dates_found", 0)),
        ("counts found", summary.get("counts_found", 0)),
        ("quotes found", summary.get("quotes_found", 0)),
        ("checks", f"{sum(c['passed'] for c in summary['checks'])}/{len(summary['checks'])} passed"),
        ("wall seconds", f"{summary['wall_s']:.2f}"),
    ]
    if "report" in summary:
        rows.append(("report", summary["report"] or "not written (see the log)"))
    return [{"metric": k, "value": str(v)} for k, v in rows]


def published_artifacts(summary: dict, results: list[CheckResult]) -> None:
    """Publish the summary table and the data-quality markdown on the flow run."""
    # Imported here: the console summary (summary_rows) must not import Prefect (a no-op run never starts it).
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_table_artifact(
        key="newsetl-run-summary", table=summary_rows(summary),
        description=f"newsetl run {summary['run_id']}: documents, rejects, languages, checks",
    )
    lines = ["# Data quality", "", "| check | severity | status | failing rows | what it verifies |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.name} | {r.severity} | {'pass' if r.passed else '**FAIL**'} | {r.failing_rows} | {r.description} |")
    create_markdown_artifact(key="newsetl-data-quality", markdown="\n".join(lines),
                             description=f"Data checks of run {summary['run_id']}")


def report_markdown(written, run_id: str) -> str:
    """Return the report artifact's markdown: the headline figures and the path of ``report.html``."""
    h = written.headline
    rows = [
        ("documents", h["documents"]), ("outlets", h["outlets"]),
        ("publication days", f"{h['first_date']} to {h['last_date']}" if h["first_date"] else "none"),
        ("most mentioned person", h["top_person"] or "none"), ("most quoted speaker", h["top_speaker"] or "none"),
        (f"killed / wounded (from {h['tolls_source']})", f"{h['killed']} / {h['wounded']}"),
        ("places mapped", h["places_mapped"]), ("data checks passed", f"{h['checks_passed']}/{h['checks']}"),
    ]
    uri = written.html.resolve().as_uri()
    lines = ["# newsetl report", "", f"Report of run {run_id}: [{written.html.name}]({uri}) (`{written.html.resolve()}`), "
             f"{len(written.charts)} charts, PNGs in `{written.html.parent.resolve() / 'charts'}`.", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    lines += [f"\n_{section}_: {note}" for section, note in written.notes.items()]
    return "\n".join(lines)


def published_report(written, run_id: str) -> None:
    """Publish the report as the ``newsetl-report`` markdown artifact (headline figures, link to the file)."""
    from prefect.artifacts import create_markdown_artifact  # lazily: a no-op re-run never imports Prefect

    create_markdown_artifact(key="newsetl-report", markdown=report_markdown(written, run_id),
                             description=f"HTML report after run {run_id}: {written.html.resolve()}")


def reject_reason_counts(reasons: list[str]) -> dict[str, int]:
    return dict(Counter(reasons))
