"""How publication dates inferred from the text alone agree with the outlets' own metadata.

For every article of the development corpora in ``../shared/data/news`` the metadata
date is withheld, the date is inferred from the masked text as the pipeline does, and
the result is compared with the metadata: exact, one day off, further off, or null.
BBC files carry no date, so for them only the number of (unverifiable) guesses is shown.

    python -m newsetl_dev.eval_publication [--news DIR]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from datetime import date
from pathlib import Path

from newsetl.transforms.inputs import inferred_day_first, published_value
from newsetl.transforms.structure import document_structure, masked_text
from newsetl.transforms.temporal import inferred_publication_date

DEFAULT_NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
CSV_CORPORA = {  # corpus: (file, body column, date column, extraction language)
    "detik": ("detik.csv", "isi_berita", "tanggal", "id"),
    "utusan": ("utusan.csv", "Summary", "Publish_Date", "ms"),
}


def corpus_articles(news: Path) -> dict[str, list[tuple[str, date | None]]]:
    """Return ``{corpus: [(body, metadata date or None)]}`` for the corpora present under ``news``."""
    corpora: dict[str, list[tuple[str, date | None]]] = {}
    for name, (file, body, when, _) in CSV_CORPORA.items():
        path = news / file
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        day_first = inferred_day_first(row[when] for row in rows)
        corpora[name] = [(row[body], published_value(row[when], day_first=day_first)[1]) for row in rows]
    bbc = sorted((news / "bbc").glob("*/*.txt")) if (news / "bbc").is_dir() else []
    if bbc:
        corpora["bbc"] = [(path.read_text(encoding="utf-8", errors="replace"), None) for path in bbc]
    return corpora


def agreement(articles: list[tuple[str, date | None]], language: str) -> Counter:
    """Return counts of exact / off_by_one / further_off / null (and guessed, for undated articles)."""
    tally: Counter = Counter()
    for text, metadata in articles:
        structure = document_structure(text)
        inferred = inferred_publication_date(masked_text(text, structure), language)
        tally["articles"] += 1
        if metadata is None:
            tally["guessed" if inferred else "null"] += 1
        elif inferred is None:
            tally["null"] += 1
        else:
            gap = abs((inferred - metadata).days)
            tally["exact" if gap == 0 else "off_by_one" if gap == 1 else "further_off"] += 1
    return tally


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    args = parser.parse_args(argv)
    languages = {name: spec[3] for name, spec in CSV_CORPORA.items()} | {"bbc": "en"}
    print("| corpus | articles | exact | off by one | further off | null | guessed (no metadata) |")
    print("|---|---|---|---|---|---|---|")
    for name, articles in corpus_articles(args.news).items():
        t = agreement(articles, languages[name])
        print(f"| {name} | {t['articles']} | {t['exact']} | {t['off_by_one']} | {t['further_off']} | {t['null']} | {t['guessed']} |")


if __name__ == "__main__":
    main()
