"""Measure outlet attribution on the real CSVs in ../shared/data/news.

    python -m newsetl_dev.eval_outlets [--data DIR]

Applies ``document_outlet`` to every row of detik.csv (URL ``tautan``) and utusan.csv
(URL ``Source_URL``, source ``News_Source``), each with and without its URL, and prints
k/n rows whose outlet is the expected domain, with the outlets found otherwise.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from newsetl.transforms.outlets import document_outlet

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news"
# file, URL column, source column, expected outlet
CASES = (
    ("detik.csv", "tautan", None, "detik.com"),
    ("utusan.csv", "Source_URL", "News_Source", "utusan.com.my"),
)


def outlet_counts(rows: list[dict], url_field: str | None, source_field: str | None) -> Counter:
    """Return a Counter of (outlet, outlet_source) over ``rows``."""
    return Counter(
        document_outlet(row.get(url_field) if url_field else None, row.get(source_field) if source_field else None, None)
        for row in rows
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    for name, url_field, source_field, expected in CASES:
        with (args.data / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        variants = [("url+source", url_field)] + ([("source only", None)] if source_field else [])
        for label, url in variants:
            counts = outlet_counts(rows, url, source_field)
            hits = sum(n for (outlet, _), n in counts.items() if outlet == expected)
            others = {k: n for k, n in counts.items() if k[0] != expected}
            print(f"{name:12} {label:12} outlet == {expected}: {hits}/{len(rows)} ({hits / len(rows):.1%})"
                  f"  by outlet_source: { {s: n for (o, s), n in counts.items() if o == expected} }"
                  + (f"  other: {others}" if others else ""))


if __name__ == "__main__":
    main()
