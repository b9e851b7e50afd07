"""Issue 17 acceptance checks on the real news corpora in ../shared/data/news.

    python -m newsetl_dev.eval_fact_checks [--data DIR] [--examples N]

Prints three figures, each from the pure extractors run on every article body:

- **Malay dates**: Utusan ``D Month YYYY`` dates with a Malay month name, and how many of
  them are inside an expression whose value starts with that day (``k/n``).
- **Regulation numbers**: DURATIONs right after ``Nomor``/``No.`` or directly followed by a
  four-digit year (``UU Nomor 12 Tahun 2011``), per corpus; the target is none.
- **Ages**: killed/wounded counts with an age word (``usia``, ``umur``, ``berusia``, ``aged``,
  ``age of``) in the 25 characters before the count or its number, per corpus; the target is none.

Utusan is read as Malay (``ms``), Detik as Indonesian, BBC as English, with the metadata
date as reference where the corpus has one.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from newsetl.transforms.facts.counts import _cues, event_counts
from newsetl.transforms.facts.lexicon import lowered
from newsetl.transforms.temporal import temporal_expressions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news"
MALAY_MONTHS = ("Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September",
                "Oktober", "November", "Disember")
_MALAY_DATE = re.compile(rf"(?<![\w/.-])(\d{{1,2}})\s+({'|'.join(MALAY_MONTHS)})\s+(\d{{4}})(?!\d)")
_NUMBER_SIGN = re.compile(r"(?i)\b(?:nomor|nomer|no)\b\.?\s*:?\s*(?:[\w./-]*\d[\w./-]*\s*)?$")
_YEAR_AFTER = re.compile(r"\s*,?\s*\d{4}(?!\d)")
_AGE = re.compile(r"(?i)\b(?:usia|umur|berusia|aged|age of)\b")


def articles(data: Path) -> Iterator[tuple[str, str, str | None, str]]:
    """Yield ``(corpus, body, reference date or None, language)`` for every article with a body."""
    detik = pl.read_csv(data / "detik.csv", infer_schema_length=0)
    for body in detik["isi_berita"]:
        if body:
            yield "detik", body, None, "id"
    utusan = pl.read_csv(data / "utusan.csv", infer_schema_length=0)
    for body, published in zip(utusan["Summary"], utusan["Publish_Date"]):
        if body:
            yield "utusan", body, published, "ms"
    for path in sorted((data / "bbc").glob("*/*.txt")):
        _title, _, body = path.read_text("utf-8", errors="replace").partition("\n")
        if body.strip():
            yield "bbc", body.strip(), None, "en"


def malay_date_misses(body: str, expressions) -> tuple[int, list[str]]:
    """Return how many Malay ``D Month YYYY`` dates ``body`` has and those without their day value."""
    dates = list(_MALAY_DATE.finditer(body))
    misses = []
    for match in dates:
        day = f"{int(match[3]):04d}-{MALAY_MONTHS.index(match[2]) + 1:02d}-{int(match[1]):02d}"
        if not any(e.start <= match.start() and e.end >= match.end() and (e.value or "").startswith(day)
                   for e in expressions):
            misses.append(match.group(0))
    return len(dates), misses


def is_regulation_duration(body: str, expression) -> bool:
    """Return whether a DURATION reads a regulation number (``Nomor 12 Tahun 2011``)."""
    if _NUMBER_SIGN.search(body[max(0, expression.start - 40):expression.start]):
        return True
    return bool(_YEAR_AFTER.match(body, expression.end) and re.search(r"(?i)tahun|year", expression.text))


def has_age_before(body: str, count) -> bool:
    """Return whether an age word sits in the 25 characters before a count or before its number."""
    number = _cues().number_at.search(lowered(body), count.start, count.end)
    at = number.start() if number else count.start
    return bool(_AGE.search(body[max(0, count.start - 25):count.start]) or _AGE.search(body[max(0, at - 25):at]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the news folder")
    parser.add_argument("--examples", type=int, default=5, help="failures to print per check")
    args = parser.parse_args()
    dates = Counter()
    durations, regulations, harm, ages = Counter(), Counter(), Counter(), Counter()
    failures: dict[str, list[str]] = {"dates": [], "regulations": [], "ages": []}
    for corpus, body, reference, language in articles(args.data):
        expressions = temporal_expressions(body, reference, language)
        if corpus == "utusan":
            found, misses = malay_date_misses(body, expressions)
            dates["all"] += found
            dates["with_day"] += found - len(misses)
            failures["dates"] += misses
        for e in expressions:
            if e.timex_type == "DURATION":
                durations[corpus] += 1
                if is_regulation_duration(body, e):
                    regulations[corpus] += 1
                    failures["regulations"].append(f"{corpus}: {body[max(0, e.start - 40):e.end]!r} {e.value}")
        for count in event_counts(body, "id" if language == "ms" else language):
            if count.count_type in ("killed", "wounded"):
                harm[corpus] += 1
                if has_age_before(body, count):
                    ages[corpus] += 1
                    failures["ages"].append(f"{corpus}: {body[max(0, count.start - 40):count.end]!r}")
    print(f"Malay dates (Utusan D Month YYYY with a day value): {dates['with_day']}/{dates['all']}")
    for corpus in ("detik", "utusan", "bbc"):
        print(f"{corpus:7s} DURATIONs {durations[corpus]:4d}, regulation numbers among them {regulations[corpus]}; "
              f"killed/wounded counts {harm[corpus]:3d}, with an age word before {ages[corpus]}")
    for check, examples in failures.items():
        for example in examples[:args.examples]:
            print(f"  {check} miss: {example}")


if __name__ == "__main__":
    main()
