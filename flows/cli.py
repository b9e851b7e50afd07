"""The ``newsetl`` command line: run, query, check, serve, export, report, bench."""

from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

import newsetl.flows  # noqa: F401  (sets Prefect defaults before prefect is imported)
from newsetl import settings

app = typer.Typer(add_completion=False, no_args_is_help=True)
console = Console(stderr=True)

DbOption = Annotated[Optional[Path], typer.Option("--db", help="Warehouse file (default: $NEWSETL_DB, else warehouse/news.duckdb).")]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Runner(str, Enum):
    auto = "auto"
    threads = "threads"
    processes = "processes"
    prefect_processes = "prefect-processes"
    dask = "dask"


def _fail(message: str, code: int = 1):
    # soft_wrap: one line however narrow the terminal, so logs and scripts see one error line.
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


class _NoTracebackFor:
    """Logging filter: records about these (expected, clearly explained) exceptions lose their traceback."""

    def __init__(self, *exceptions: type[BaseException]):
        self.exceptions = exceptions

    def filter(self, record) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], self.exceptions):
            record.exc_info, record.exc_text = None, None
        return True


def _quiet_tracebacks_for(*exceptions: type[BaseException]) -> None:
    """Keep Prefect's engines from printing a traceback for ``exceptions`` (the CLI explains them itself)."""
    import logging

    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).addFilter(_NoTracebackFor(*exceptions))


def _summary_table(summary: dict) -> Table:
    from newsetl.flows.reporting import summary_rows

    table = Table(title=f"newsetl run {summary['run_id']}", show_header=True)
    table.add_column("metric")
    table.add_column("value")
    for row in summary_rows(summary):
        table.add_row(row["metric"], row["value"])
    return table


def _readable(db: Path | None, live: bool = False) -> Path:
    """Return the file a reader opens: the warehouse's snapshot of the last completed run (if any), or with ``live`` the warehouse itself."""
    from newsetl.warehouse.paths import resolved_db_path
    from newsetl.warehouse.writer_lock import readable_warehouse

    path = resolved_db_path(db)
    return path if live else readable_warehouse(path)


def _reader(db: Path | None, memory_limit: str | None = None, live: bool = False):
    """Return a read-only connection to the warehouse (its snapshot unless ``live``); exit 1 with one line if it is missing or locked."""
    from newsetl.warehouse.connection import WarehouseLocked, WarehouseMissing, reader_connection

    try:
        return reader_connection(_readable(db, live), memory_limit=memory_limit)
    except (WarehouseLocked, WarehouseMissing) as error:
        _fail(str(error))


LiveOption = Annotated[bool, typer.Option(
    "--live", help="Read the warehouse file itself, not the snapshot of the last completed run (refused while a "
    "run writes, and a run cannot start while this reads).")]


def _column_mapping(pairs: list[str]) -> dict[str, str]:
    """Return ``{field: column}`` from ``FIELD=NAME`` options; exit 2 naming a malformed or repeated one."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip() or not column.strip():
            _fail(f"--column {pair!r}: expected FIELD=NAME, for example --column text=isi_berita", code=2)
        if name.strip() in mapping:
            _fail(f"--column {name.strip()} is given twice", code=2)
        mapping[name.strip()] = column.strip()
    return mapping


@app.command()
def run(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (recursive). Default: seeds/.")] = None,
    db: DbOption = None,
    runner: Annotated[Runner, typer.Option(help="Task runner for the NLP work.")] = Runner.auto,
    workers: Annotated[Optional[int], typer.Option(help="Parallel workers (default: CPU cores).")] = None,
    dask_address: Annotated[Optional[str], typer.Option(help="Existing Dask scheduler, e.g. tcp://host:8786.")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Documents per analysis task (default 500: fewer, larger tasks cost Prefect less).")] = None,
    max_bytes: Annotated[int, typer.Option(help="Size limit per document / .txt file, in bytes.")] = settings.MAX_BYTES,
    reprocess: Annotated[bool, typer.Option(help="Rebuild derived rows of documents built by an older pipeline version, from raw (inputs are not read).")] = False,
    soft_checks: Annotated[bool, typer.Option(help="Record failing data checks without failing the run.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait if another run holds the warehouse.")] = 0.0,
    column: Annotated[Optional[list[str]], typer.Option(
        "--column", help="FIELD=NAME: read record field FIELD (text, id, title, published_at, url, source, author) "
        "from the CSV/JSONL column NAME. Repeatable.")] = None,
    date_format: Annotated[Optional[str], typer.Option(
        help="strftime format of published_at, e.g. '%m/%d/%Y %H:%M' (default: inferred per file).")] = None,
    max_analysis_chars: Annotated[int, typer.Option(
        min=1, help="Extract dates, names, quotes and counts from each document's first N chars only; longer "
        "documents are marked truncated_analysis (structure and language cover the whole text).")] = 200_000,
    allow_missing: Annotated[bool, typer.Option(help="Run even if an input path does not exist (an inbox not created yet).")] = False,
    report: Annotated[bool, typer.Option(help="After a completed run, write the HTML report and publish it as an artifact.")] = True,
    report_dir: Annotated[Optional[Path], typer.Option(help="Folder of the run's report (default: <warehouse stem>_report/ beside the warehouse).")] = None,
    always_flow: Annotated[bool, typer.Option(help="Start the Prefect flow even when every input is already stored "
        "(by default such a run is recorded without starting Prefect's API).")] = False,
) -> None:
    """Run the pipeline. Exit 0 when the run completed, even if some inputs were rejected."""
    from newsetl.flows.preflight import RunRefused, checked_inputs, checked_warehouse
    from newsetl.transforms.inputs import checked_read_options
    from newsetl.warehouse.paths import resolved_db_path

    inputs = paths or [Path("seeds")]
    columns = _column_mapping(column or [])
    # Before Prefect is imported and its API started (tens of seconds): a typo fails in a second.
    try:
        checked_read_options(columns, date_format)
        if not reprocess:
            checked_inputs(inputs, allow_missing=allow_missing)
        checked_warehouse(resolved_db_path(db))
    except (RunRefused, ValueError) as error:
        _fail(str(error), code=2)

    from newsetl.flows.noop import prefect_server_configured

    server_configured = prefect_server_configured()
    if not reprocess and not always_flow and runner is not Runner.dask and dask_address is None:
        from newsetl.flows.fingerprints import read_key
        from newsetl.flows.noop import nothing_new, recorded_noop_run

        read_options, input_files = checked_read_options(columns, date_format), []
        seen = None if server_configured else nothing_new(inputs, resolved_db_path(db), max_bytes=max_bytes, batch_size=batch_size or 500,
                           read_options=read_options, input_files=input_files)
        if seen is not None:
            # Every document is stored: record the run without importing Prefect or starting its API (flows/noop.py).
            console.print(f"{seen} documents, all already in the warehouse: run recorded without starting Prefect "
                          "(--always-flow to start it)", soft_wrap=True)
            try:
                summary = recorded_noop_run(inputs, resolved_db_path(db), seen, max_analysis_chars=max_analysis_chars,
                                            soft_checks=soft_checks, wait_seconds=wait, input_files=input_files,
                                            input_files_key=read_key(read_options, max_bytes))
            except Exception as error:
                _fail(str(error) if "locked" in type(error).__name__.lower() else f"the run failed: {error}")
            Console().print(_summary_table(summary))
            return

    early = server_configured and _analyses_early(runner, workers, inputs, dask_address, reprocess, resolved_db_path(db),
                                                  max_bytes=max_bytes, batch_size=batch_size or 500,
                                                  read_options=checked_read_options(columns, date_format))
    if early:
        from newsetl.flows.analysis_pool import start_analysis_process

        start_analysis_process()  # its models load on the other core while this process imports Prefect
    # The report's chart engines start on the other core while this process imports (newsetl/report/render.py);
    # after an early analysis process, when the flow starts instead (flows/warmup.py): the other core is busy until then.
    if report and not early:
        from newsetl.report.render import start_render_pool

        start_render_pool()
    api = None if server_configured else _temporary_api_started()  # starts while Prefect is imported below
    from newsetl.flows.cancellation import RunCancelled, is_cancel
    from newsetl.flows.pipeline import run_pipeline
    from newsetl.warehouse.connection import WarehouseLocked

    # A busy warehouse is an expected condition with its own message, not a crash.
    _quiet_tracebacks_for(WarehouseLocked, RunCancelled)
    if api is not None:
        from newsetl.flows.warmup import warm_up

        # While the API starts (this process is idle then): what the first tasks and the report would load.
        warming = warm_up(analysis=_analyses_in_process(runner, workers, inputs, dask_address), report=report)
        _temporary_api_ready(api)
        warming.join()
    from newsetl.flows.heartbeats import foreground_heartbeats
    from newsetl.flows.memory import frozen_start_up_objects, unfrozen_objects

    frozen_start_up_objects()  # the run's collections then scan only what it allocates
    try:
        with foreground_heartbeats():
            summary = run_pipeline(
                inputs, db, workers=workers, runner=runner.value, batch_size=batch_size, max_bytes=max_bytes,
                reprocess=reprocess, soft_checks=soft_checks, wait_seconds=wait, dask_address=dask_address,
                columns=columns, date_format=date_format, max_analysis_chars=max_analysis_chars,
                report=report, report_dir=report_dir,
            )
    except WarehouseLocked as error:
        _fail(str(error))
    except BaseException as error:
        if not is_cancel(error):
            if isinstance(error, Exception):  # the run itself failed: say why, exit non-zero
                _fail(f"the run failed: {error}")
            raise
        # SIGTERM / Ctrl-C (or a DuckDB "Query interrupted" caused by one): recorded as 'cancelled'
        _fail("the run was cancelled (SIGTERM or Ctrl-C); committed loads are kept, the next run goes on", code=143)
    finally:
        unfrozen_objects()  # a caller running several runs in one process (tests) can free them again
    Console().print(_summary_table(summary))
    global _run_completed
    _run_completed = True


# A completed `newsetl run` as its own process (``main``) exits without tearing the interpreter down:
# Prefect's exit hooks have flushed the logs and the API is stopped by then, and freeing the run's
# objects (Prefect, DuckDB, the report's engine) took ~1.5 s of CPU and 2-6 s of wall for nothing.
_run_completed = False


def _exit_at_once_after_a_run() -> None:
    if _run_completed:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def entry_point() -> None:
    """The ``newsetl`` command (``app``), exiting at once after a completed run (in-process callers use ``app``)."""
    import atexit

    atexit.register(_exit_at_once_after_a_run)  # registered first, so it runs last of the exit hooks
    app()


def _analyses_in_process(runner: Runner, workers: int | None, inputs: list[Path], dask_address: str | None) -> bool:
    """Return True if the run analyses its documents in this process (threads: what ``auto`` picks for small inputs)."""
    from newsetl.flows.runners import chosen_runner, input_bytes

    return dask_address is None and chosen_runner(runner.value, workers, input_bytes(inputs)) == "threads"


def _analyses_early(runner: Runner, workers: int | None, inputs: list[Path], dask_address: str | None, reprocess: bool,
                    db_path: Path, **reading) -> bool:
    """Return True if a run on a Prefect server should analyse in one process started now (flows/analysis_pool.py).

    That is an ``auto`` run small enough for threads, with something to analyse: an inbox whose
    documents are all stored (``nothing_new``) would start a process for nothing.
    """
    if not settings.early_analysis() or runner is not Runner.auto or reprocess:
        return False
    if not _analyses_in_process(runner, workers, inputs, dask_address):
        return False
    from newsetl.flows.noop import nothing_new

    return not db_path.exists() or nothing_new(inputs, db_path, **reading) is None


def _temporary_api_started():
    """Start Prefect's temporary API for this run and point Prefect at it (before Prefect is imported)."""
    import atexit

    from newsetl.flows.temporary_api import URL_ENV, TemporaryApi

    console.print("starting Prefect's local API (first run takes longer)", soft_wrap=True)
    api = TemporaryApi()
    atexit.register(api.stop)  # registered before Prefect's own exit hooks, so it runs after they flush logs
    os.environ["PREFECT_API_URL"] = os.environ[URL_ENV] = api.api_url
    return api


def _temporary_api_ready(api) -> None:
    """Wait for the temporary API; follow it if it had to move to another port."""
    from newsetl.flows.temporary_api import URL_ENV, startup_timeout

    wanted = api.api_url
    try:
        api.wait_until_healthy(startup_timeout())
    except RuntimeError as error:
        _fail(str(error))
    if api.api_url != wanted:  # Prefect's settings were read from the old URL when it was imported
        from prefect.settings import PREFECT_API_URL, temporary_settings

        os.environ["PREFECT_API_URL"] = os.environ[URL_ENV] = api.api_url
        temporary_settings({PREFECT_API_URL: api.api_url}).__enter__()  # for the rest of this process


# Query files open with a `-- comment`; click would read "-- Who said what..." as an unknown
# long option. Unknown options are then kept as positional text, i.e. as the SQL; a real typo
# still fails, as an unexpected extra argument.
@app.command(context_settings={"ignore_unknown_options": True})
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run read-only against the warehouse.")],
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    timeout: Annotated[float, typer.Option(min=0, help="Stop the query after this many seconds (0: no limit).")] = 60.0,
    memory_limit: Annotated[str, typer.Option(help="Memory the query may use, e.g. 2GB, 512MB.")] = "2GB",
    live: LiveOption = False,
) -> None:
    """Run read-only SQL; writing statements are refused. Exit 2 if refused or failed, 3 if stopped at a limit.

    Example: newsetl query "SELECT outlet, count(*) FROM marts.documents GROUP BY 1" --format csv
    """
    import duckdb

    from newsetl.warehouse.query import QueryRefused, QueryStopped, query_result, size_in_bytes

    try:
        size_in_bytes(memory_limit)
    except ValueError as error:
        _fail(f"--memory-limit: {error}", code=2)
    con = _reader(db, memory_limit=memory_limit, live=live)
    try:
        columns, rows = query_result(con, sql, timeout=timeout, memory_limit=memory_limit)
    except QueryRefused as error:
        _fail(str(error), code=2)
    except QueryStopped as error:
        _fail(str(error), code=3)
    except duckdb.Error as error:
        _fail(f"{type(error).__name__}: {error}", code=2)
    finally:
        con.close()
    if format is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif format is OutputFormat.json:
        print(json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1))
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console(width=max(120, Console().width)).print(table)


@app.command()
def check(
    db: DbOption = None,
    run_id: Annotated[Optional[str], typer.Option(help="Run whose documents to check (default: the latest run).")] = None,
    max_analysis_chars: Annotated[int, typer.Option(min=1, help="The limit that run used (spans of longer documents are checked by length).")] = 200_000,
) -> None:
    """Re-run the data checks alone (read-only, nothing recorded); exit 1 if an error check fails."""
    from newsetl.flows.checking import check_parameters
    from newsetl.warehouse.checks import check_results
    from newsetl.warehouse.runs import latest_run_id

    con = _reader(db, live=True)  # the checks look at the warehouse as it is, failed runs included
    try:
        run_id = run_id or latest_run_id(con)
        if run_id is None:
            _fail("the warehouse has no runs to check")
        results = check_results(con, check_parameters(run_id, max_analysis_chars))
    finally:
        con.close()
    table = Table("check", "severity", "status", "failing rows", "examples", title=f"data checks of {run_id}")
    for r in results:
        table.add_row(r.name, r.severity, "pass" if r.passed else "FAIL", str(r.failing_rows), "; ".join(r.examples))
    Console(width=max(120, Console().width)).print(table)
    failed = [r for r in results if not r.passed and r.severity == "error"]
    if failed:
        _fail("data checks failed: " + " | ".join(r.message() for r in failed))


@app.command()
def serve(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Inbox files or folders. Default: seeds/.")] = None,
    cron: Annotated[Optional[str], typer.Option(help="Cron schedule, e.g. '*/30 * * * *'.")] = None,
    interval: Annotated[Optional[int], typer.Option(help="Schedule every N seconds.")] = None,
    db: DbOption = None,
    name: Annotated[str, typer.Option(help="Deployment name (not one of prefect.yaml's).")] = settings.SERVE_NAME,
    wait: Annotated[float, typer.Option(help="Seconds a run waits for another writer before failing.")] = settings.WAIT_SECONDS,
    runner: Annotated[Runner, typer.Option(help="Task runner for served runs.")] = Runner.auto,
    workers: Annotated[Optional[int], typer.Option(help="Parallel workers (default: CPU cores).")] = None,
    dask_address: Annotated[Optional[str], typer.Option(help="Existing Dask scheduler, e.g. tcp://host:8786.")] = None,
) -> None:
    """Serve the pipeline as a Prefect deployment on a schedule (runs until interrupted)."""
    from newsetl.flows.serving import served_deployment

    try:
        served_deployment([str(p) for p in (paths or [Path("seeds")])], cron=cron, interval=interval,
                          db=str(db) if db else None, name=name, wait_seconds=wait, runner=runner.value,
                          workers=workers, dask_address=dask_address)
    except ValueError as error:
        _fail(str(error), code=2)


@app.command()
def export(
    parquet: Annotated[Path, typer.Option("--parquet", help="Folder to write Parquet files into.")],
    db: DbOption = None,
    overwrite: Annotated[bool, typer.Option(help="Write into a non-empty folder that holds no newsetl export "
                                            "(files newsetl did not write are still never deleted).")] = False,
) -> None:
    """Write every marts table as Parquet (documents and mentions partitioned by publication month).

    Example: newsetl export --parquet exports/
    """
    from newsetl.warehouse.connection import WarehouseLocked, WarehouseMissing
    from newsetl.warehouse.export import ExportRefused, exported_parquet

    try:
        written = exported_parquet(_readable(db), parquet, overwrite=overwrite)
    except (WarehouseLocked, WarehouseMissing) as error:
        _fail(str(error))
    except ExportRefused as error:
        _fail(str(error), code=2)
    table = Table("table", "rows", "path")
    for name, (rows, path) in written.items():
        table.add_row(name, str(rows), str(path))
    Console().print(table)


def _day(value: Optional[str], option: str):
    """Return ``value`` (YYYY-MM-DD) as a date; exit 2 naming ``option`` when it is not one."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r}: expected a date as YYYY-MM-DD, for example {option} 2020-10-01", code=2)


@app.command()
def report(
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for report.html and charts/*.png.")] = Path("report"),
    since: Annotated[Optional[str], typer.Option(help="First publication day to include (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Last publication day to include (YYYY-MM-DD).")] = None,
) -> None:
    """Write a self-contained HTML report of the warehouse (charts inline) and the PNGs of its charts."""
    from newsetl.report.render import start_render_pool

    start_render_pool()  # the chart engines start while the report's libraries are imported and its data read
    from newsetl.report.build import written_report
    from newsetl.warehouse.connection import WarehouseLocked, WarehouseMissing

    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        _fail(f"--since {first} is after --until {last}", code=2)
    try:
        written = written_report(_readable(db), out, first, last)
    except (WarehouseLocked, WarehouseMissing) as error:
        _fail(str(error))
    h = written.headline
    console.print(f"Wrote {written.html} ({len(written.charts)} charts, PNGs in {written.html.parent / 'charts'}) "
                  f"in {written.seconds:.1f} s: {h['documents']} documents, {h['outlets']} outlets.", soft_wrap=True)
    for section, note in written.notes.items():
        console.print(f"note ({section}): {note}", soft_wrap=True)
def _version_callback(value: bool) -> None:
    if value:
        from newsetl.flows.version import pipeline_version

        print(f"newsetl {pipeline_version()}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Print the version (package + transforms hash) and exit.")] = False,
) -> None:
    """newsetl: raw news text to a DuckDB warehouse.

    Example: newsetl run seeds && newsetl tables
    """


@app.command()
def tables(db: DbOption = None) -> None:
    """List every table and view with its grain and row count.

    Example: newsetl tables --db warehouse/news.duckdb
    """
    from newsetl.warehouse.catalog import warehouse_tables

    con = _reader(db)
    try:
        found = warehouse_tables(con)
    finally:
        con.close()
    table = Table("table", "kind", "rows", "grain", "key")
    for info in found:
        table.add_row(info.name, info.kind, str(info.rows), info.grain, info.key)
    Console(width=max(120, Console().width)).print(table)


@app.command()
def schema(
    table_name: Annotated[str, typer.Argument(metavar="TABLE", help="schema.table, or a bare name (marts first).")],
    db: DbOption = None,
) -> None:
    """Show a table's columns with their types and comments.

    Example: newsetl schema marts.documents
    """
    from newsetl.warehouse.catalog import table_columns

    con = _reader(db)
    try:
        comment, columns = table_columns(con, table_name)
    except KeyError as error:
        _fail(error.args[0], code=2)
    finally:
        con.close()
    table = Table(title=comment or None)
    for header in ("column", "type", "null"):
        table.add_column(header, overflow="fold")
    table.add_column("comment", overflow="fold", ratio=1)  # producer names are long: fold them, never cut
    for c in columns:
        table.add_row(c.name, c.type, "yes" if c.nullable else "no", c.comment)
    Console(width=max(120, Console().width)).print(table)


@app.command()
def bench(
    docs: Annotated[int, typer.Option(help="Synthetic articles to generate.")] = 2000,
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Write the figures as JSON here.")] = None,
    scale: Annotated[bool, typer.Option(help="Repeat at N = 1k, 10k, 100k.")] = False,
    scale_max: Annotated[int, typer.Option(help="Largest N for --scale.")] = 100_000,
    workers: Annotated[Optional[int], typer.Option(help="Parallel workers.")] = None,
    runner: Annotated[Runner, typer.Option(help="Task runner, as for `newsetl run`.")] = Runner.auto,
    batch_size: Annotated[Optional[int], typer.Option(help="Documents per analysis task.")] = None,
    naive_docs: Annotated[int, typer.Option(help="Articles for the naive baseline (~0.5 s each).")] = 100,
    repeat: Annotated[int, typer.Option(help="Flow / without-Prefect pairs timed for Prefect's share (median).")] = 1,
    corpus: Annotated[Optional[Path], typer.Option(
        help="Benchmark `newsetl run` on this corpus from outside (a subprocess, start-up included) instead of "
        "the in-process synthetic benchmark.")] = None,
    column: Annotated[Optional[list[str]], typer.Option(
        "--column", help="FIELD=NAME for --corpus, as for `newsetl run`. Repeatable.")] = None,
    date_format: Annotated[Optional[str], typer.Option(help="strftime format of published_at for --corpus, as for `newsetl run`.")] = None,
    repeat_to: Annotated[Optional[int], typer.Option(
        min=1, help="Repeat the --corpus file (.csv/.jsonl) to N articles, each copy made distinct by a marker line "
        "(written to a temporary folder).")] = None,
    with_synthetic: Annotated[Optional[int], typer.Option(
        min=1, help="With --corpus: also N synthetic articles, from outside, side by side.")] = None,
    analysis_docs: Annotated[int, typer.Option(help="With --corpus: articles for the analysis-alone CPU timing.")] = 500,
) -> None:
    """Benchmark the pipeline against a naive baseline (synthetic corpus; with --corpus, any corpus, from outside)."""
    import newsetl

    checkout = Path(newsetl.__file__).resolve().parents[1]
    if (checkout / "newsetl_dev").is_dir() and str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))  # the console script does not put the checkout on sys.path
    try:  # the benchmark is a development tool: present in a checkout, never installed
        from newsetl_dev.bench import main as bench_main
    except ImportError:
        _fail("`newsetl bench` runs from a source checkout (newsetl_dev is not installed): cd into it and run `make bench`")

    if corpus is not None:
        from newsetl_dev.outside_bench import main as outside_main

        columns = _column_mapping(column or [])
        try:
            from newsetl.transforms.inputs import checked_read_options

            checked_read_options(columns, date_format)
            results = outside_main(corpus, columns=columns, date_format=date_format, repeat_to=repeat_to,
                                   with_synthetic=with_synthetic, analysis_docs=analysis_docs,
                                   naive_docs=naive_docs, json_path=json_path)
        except (ValueError, FileNotFoundError) as error:
            _fail(str(error), code=2)
        errors = [r["error"] for r in results if r.get("error")]
        if errors:
            _fail("the benchmark's first run failed: " + " | ".join(errors))
        return
    if column or date_format or repeat_to or with_synthetic:
        _fail("--column, --date-format, --repeat-to and --with-synthetic need --corpus", code=2)

    result = bench_main(docs=docs, json_path=json_path, scale=scale, workers=workers, scale_max=scale_max,
                        runner=runner.value, batch_size=batch_size, naive_docs=naive_docs, repeat=repeat)
    if result.get("error"):
        _fail(f"the benchmark's first run failed: {result['error']}")



# --- newsetl server start|stop|status: a local Prefect server in the background -------------

server_app = typer.Typer(add_completion=False, no_args_is_help=True,
                         help="A local Prefect server (UI, schedules, fast runs) in the background.")
app.add_typer(server_app, name="server")


def _server_hint(state) -> None:
    print(f"Prefect server at {state.url} (pid {state.pid}); UI: {state.url}")
    print(f"Point newsetl at it: export PREFECT_API_URL={state.api_url}")


@server_app.command("start")
def server_start(
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to bind.")] = 4200,
    timeout: Annotated[float, typer.Option(min=1, help="Seconds to wait for /api/health.")] = 150.0,
) -> None:
    """Start `prefect server start` in the background (PID file and log in $PREFECT_HOME, else ~/.prefect).

    Example: newsetl server start && export PREFECT_API_URL=http://127.0.0.1:4200/api
    """
    from newsetl.flows.local_server import ServerError, log_path, server_state, start_server

    stale = server_state()
    if stale.stale:
        console.print(f"note: removed a stale PID file (pid {stale.pid} is not running)", soft_wrap=True)
    console.print(f"starting the Prefect server on {host}:{port} (log: {log_path()}; first start takes longer)",
                  soft_wrap=True)
    try:
        state = start_server(host=host, port=port, timeout=timeout)
    except ServerError as error:
        _fail(str(error))
    _server_hint(state)


_SERVER_PORT_OPTION = typer.Option(min=1, max=65535, help="Only if the recorded server listens on this port "
                                   "(one server per PREFECT_HOME; exit 1 if it is on another).")


def _recorded_server(port: int | None):
    """Return the recorded server's state; exit 1 with one line if ``port`` is given and it runs on another port."""
    from newsetl.flows.local_server import server_state

    state = server_state()
    if port is not None and state.running and state.port != port:
        _fail(f"the server started by newsetl under this PREFECT_HOME runs on port {state.port}, not {port} "
              f"(pid {state.pid}); another PREFECT_HOME holds the server of port {port}, if any", code=1)
    return state


@server_app.command("stop")
def server_stop(port: Annotated[int | None, _SERVER_PORT_OPTION] = None) -> None:
    """Stop the server started by `newsetl server start` (its whole process group) and remove its PID file.

    Example: newsetl server stop --port 4200
    """
    from newsetl.flows.local_server import stop_server

    state = _recorded_server(port)
    if state.running:
        state = stop_server()
    if state.running:
        print(f"stopped the Prefect server (pid {state.pid}) at {state.url}")
    elif state.stale:
        print(f"not running: removed a stale PID file (pid {state.pid} had exited)")
    else:
        print("not running (no PID file)")


@server_app.command("status")
def server_status(port: Annotated[int | None, _SERVER_PORT_OPTION] = None) -> None:
    """Say whether the server started by `newsetl server start` runs, with its URL; exit 1 if not.

    Example: newsetl server status --port 4200
    """
    from newsetl.flows.local_server import healthy, pid_path

    state = _recorded_server(port)
    if state.running:
        answer = "healthy" if healthy(state.api_url) else "not answering /api/health yet"
        print(f"running (pid {state.pid}) at {state.url}, {answer}")
        print(f"export PREFECT_API_URL={state.api_url}")
        return
    if state.stale:
        print(f"not running: removed a stale PID file (pid {state.pid} had exited)")
    else:
        print(f"not running (no PID file at {pid_path()})")
    raise typer.Exit(1)


if __name__ == "__main__":
    app()
