"""Every default and every environment variable newsetl reads, in one place.

Command-line options, flow parameters and ``prefect.yaml`` take their defaults from here;
nothing else reads ``os.environ`` for a newsetl setting. OPERATIONS.md ("Settings") documents
each variable; ``tests/test_settings.py`` keeps the two in step.
"""

from __future__ import annotations

import os
from pathlib import Path

# -- inputs and analysis ------------------------------------------------------------------
MAX_BYTES = 20 * 1024 * 1024          # size limit per document / .txt file (a larger one is rejected)
MAX_ANALYSIS_CHARS = 200_000          # longer documents are analysed on their first chars only
BATCH_SIZE = 500                      # documents per analysis task

# -- the warehouse ------------------------------------------------------------------------
DEFAULT_DB = Path("warehouse") / "news.duckdb"
WRITER_MEMORY_LIMIT = "384MB"
# DuckDB checkpoints (writes the WAL into the file) every 16 MB of WAL by default, and a
# checkpoint costs more the bigger the warehouse; 128 MB keeps loads at 0.5-0.6 s per
# 2,000 articles at 80,000 stored (see warehouse/connection.py).
CHECKPOINT_THRESHOLD = "128MB"
# `newsetl serve`'s deployment name: not a name of prefect.yaml, so `prefect deploy --all` and `newsetl serve`
# never replace each other's deployment (flows/serving.py refuses one that is).
SERVE_NAME = "newsetl-served"
WAIT_SECONDS = 900.0                  # how long a scheduled/served run queues behind another writer
WRITER_LEASE_SECONDS = 120.0          # a killed run's writer slot comes back after this long
MIN_WRITER_LEASE_SECONDS = 60.0       # Prefect's API refuses shorter leases (422)

# -- environment variables ----------------------------------------------------------------
DB_ENV = "NEWSETL_DB"
MEMORY_LIMIT_ENV = "NEWSETL_DUCKDB_MEMORY_LIMIT"
WRITER_LIMIT_ENV = "NEWSETL_WRITER_LIMIT"
WRITER_LEASE_ENV = "NEWSETL_WRITER_LEASE_SECONDS"
CACHE_DIR_ENV = "NEWSETL_CACHE_DIR"
DEFAULT_CACHE_DIR = "~/.cache/newsetl"
RENDER_WORKERS_ENV = "NEWSETL_RENDER_WORKERS"
EARLY_ANALYSIS_ENV = "NEWSETL_EARLY_ANALYSIS"
ENVIRONMENT = {
    DB_ENV: (str(DEFAULT_DB), "the warehouse file when --db is not given"),
    MEMORY_LIMIT_ENV: (WRITER_MEMORY_LIMIT, "DuckDB's buffer pool in the writing process"),
    WRITER_LIMIT_ENV: ("auto", "off disables the server-side writer slot (a Prefect global concurrency limit)"),
    WRITER_LEASE_ENV: ("120", "seconds after which a killed run's writer slot comes back"),
    CACHE_DIR_ENV: (DEFAULT_CACHE_DIR, "folder of the prebuilt geocoding indexes (flows/gazetteer_cache.py)"),
    RENDER_WORKERS_ENV: ("auto", "processes rendering the report's charts (auto: 2, or 1 on one core; 0: in the run's process)"),
    EARLY_ANALYSIS_ENV: ("auto", "a small run on a Prefect server analyses in a process started before Prefect is imported (auto: when the load average is below the core count; on/off)"),
}

# Prefect settings that must be in place before ``prefect`` is imported: its temporary API can
# take more than 20 s to start on 2-core machines, and there is no internet for analytics.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


def apply_prefect_defaults() -> None:
    """Set each ``PREFECT_DEFAULTS`` variable the user has not set (call before importing prefect)."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def db_from_environment() -> Path:
    """Return ``$NEWSETL_DB`` as a path, else the default warehouse file."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def writer_memory_limit() -> str:
    """Return DuckDB's memory limit for the writing process (``$NEWSETL_DUCKDB_MEMORY_LIMIT``, default 384MB)."""
    return os.environ.get(MEMORY_LIMIT_ENV, WRITER_MEMORY_LIMIT)


def writer_lease_seconds() -> float:
    """Return the writer slot's lease (``$NEWSETL_WRITER_LEASE_SECONDS``, default 120, at least 60)."""
    value = os.environ.get(WRITER_LEASE_ENV, "").strip()
    return max(MIN_WRITER_LEASE_SECONDS, float(value)) if value else WRITER_LEASE_SECONDS


def cache_dir() -> Path:
    """Return the folder of newsetl's caches (``$NEWSETL_CACHE_DIR``, default ``~/.cache/newsetl``)."""
    return Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR).expanduser()


def render_workers() -> int:
    """Return how many processes render the report's charts (``$NEWSETL_RENDER_WORKERS``; auto: 2, 1 on one core)."""
    value = os.environ.get(RENDER_WORKERS_ENV, "auto").strip().lower()
    if value.isdigit():
        return int(value)
    return min(2, os.cpu_count() or 1)


def early_analysis() -> bool:
    """Return True if a small run on a Prefect server analyses in a process started at once (``$NEWSETL_EARLY_ANALYSIS``).

    ``auto``: when the load average is below the number of cores (a core is free to load the models
    while the run imports Prefect; on a busy machine the second process's ~0.7 s of CPU costs more
    than the overlap saves, as ``make -l`` reasons); ``on``/``off`` force it.
    """
    value = os.environ.get(EARLY_ANALYSIS_ENV, "auto").strip().lower()
    if value in {"off", "0", "false", "no"}:
        return False
    if value in {"on", "1", "true", "yes"}:
        return True
    try:
        return os.getloadavg()[0] < (os.cpu_count() or 1) and (os.cpu_count() or 1) > 1
    except OSError:
        return False


def writer_limit_switched_on() -> bool:
    """Return False when ``$NEWSETL_WRITER_LIMIT`` turns the server-side writer slot off."""
    return os.environ.get(WRITER_LIMIT_ENV, "auto").strip().lower() not in {"off", "0", "false", "no"}
