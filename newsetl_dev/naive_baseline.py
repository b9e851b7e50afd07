"""The afternoon-script baseline the benchmark compares the pipeline against.

What a user would write without newsetl: for each document, ``langdetect`` on the
whole text, ``dateparser.search_dates`` on it, a regex for capitalised names, and one
``INSERT`` per row into DuckDB in autocommit mode. Deliberately unoptimised; do not
"fix" it, or the comparison stops being fair.

Two variants, both reported by ``newsetl bench``:

- ``hinted=False`` (the baseline): ``search_dates(text)`` as documented, letting
  dateparser find the language itself; ~0.5 s for a ~2 KB Indonesian article here
  (the brief measured ~140 ms on shorter texts).
- ``hinted=True``: passes langdetect's answer as ``languages=[code]``, which a user who
  read dateparser's performance notes would do; ~20x faster. It is the stricter yardstick.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import duckdb

# Two or more capitalised words in a row: "Nikol Pashinyan", "Kementerian Luar Negeri".
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
RELATIVE_BASE = datetime(2020, 10, 1)

_DDL = (
    "CREATE TABLE IF NOT EXISTS documents (doc_no INTEGER, language VARCHAR, text VARCHAR)",
    "CREATE TABLE IF NOT EXISTS dates (doc_no INTEGER, text VARCHAR, value TIMESTAMP)",
    "CREATE TABLE IF NOT EXISTS names (doc_no INTEGER, name VARCHAR)",
)


def naive_run(texts: Sequence[str], db_path: Path, *, hinted: bool = False) -> dict:
    """Process ``texts`` the naive way into the DuckDB file ``db_path``.

    Returns ``{"docs", "seconds", "cpu_seconds", "setup_seconds", "dates", "names"}``: ``seconds`` is
    the steady-state wall time of the per-document loop (connect, DDL, detection,
    date search, inserts); importing langdetect/dateparser and loading their models
    is ``setup_seconds``, kept out so the comparison favours the baseline.
    """
    setup_started = time.perf_counter()
    from dateparser.search import search_dates
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random otherwise
    settings = {"RELATIVE_BASE": RELATIVE_BASE}
    detect("Pertempuran terus berlangsung di wilayah itu.")  # loads the language profiles
    search_dates("Senin (28/9/2020) kemarin", settings=settings)
    search_dates("Senin (28/9/2020) kemarin", languages=["id"], settings=settings)
    setup_seconds = time.perf_counter() - setup_started

    started, cpu_started = time.perf_counter(), time.process_time()
    con = duckdb.connect(str(db_path))
    n_dates = n_names = 0
    try:
        for statement in _DDL:
            con.execute(statement)
        for doc_no, text in enumerate(texts):
            try:
                language = detect(text)
            except LangDetectException:
                language = "und"
            con.execute("INSERT INTO documents VALUES (?, ?, ?)", [doc_no, language, text])
            languages = [language] if hinted and language != "und" else None
            try:
                found_dates = search_dates(text, languages=languages, settings=settings) or []
            except ValueError:  # a langdetect code dateparser does not know
                found_dates = search_dates(text, settings=settings) or []
            for found, value in found_dates:
                con.execute("INSERT INTO dates VALUES (?, ?, ?)", [doc_no, found, value])
                n_dates += 1
            for name in NAME_RE.findall(text):
                con.execute("INSERT INTO names VALUES (?, ?)", [doc_no, name])
                n_names += 1
    finally:
        con.close()
    return {
        "docs": len(texts),
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "setup_seconds": setup_seconds,
        "dates": n_dates,
        "names": n_names,
    }
