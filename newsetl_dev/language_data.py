"""Real-text corpora for language evaluation and training, and their deterministic splits.

Split rule (used by ``train_language`` and ``eval_language``): a langid sentence, or a news
article, is HELD OUT when the first byte of the MD5 of its key is odd, else TRAIN. The key
of a sentence is its stripped text (so duplicate lines always fall on the same side and
train/held-out sentences are disjoint); the key of a news article is its id (Detik ``id``,
Utusan ``Source_URL``, BBC ``<category>/<file>``). About half of each corpus is held out.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
LANGID = SHARED / "langid"
NEWS = SHARED / "news"
CLEAN_MALAY_LINES = ROOT / "tests" / "data" / "lang_ms_clean_lines.txt"


def is_held_out(key: str) -> bool:
    """Return True if ``key`` (a sentence's text or an article's id) belongs to the held-out half."""
    return hashlib.md5(key.strip().encode("utf-8")).digest()[0] % 2 == 1


def clean_malay_sentences(data: Path = LANGID) -> list[str]:
    """Return the ms.txt lines hand-checked as Malaysian Malay (tests/data/lang_ms_clean_lines.txt)."""
    lines = (data / "ms.txt").read_text("utf-8").splitlines()
    numbers = [int(n) for n in CLEAN_MALAY_LINES.read_text("utf-8").splitlines() if n.strip() and not n.startswith("#")]
    return [lines[n - 1] for n in numbers]


def news_articles(news: Path = NEWS) -> dict[str, list[tuple[str, str]]]:
    """Return {corpus: [(article id, body text)]} for detik (id), utusan (ms) and bbc (en)."""
    csv.field_size_limit(1 << 30)
    result: dict[str, list[tuple[str, str]]] = {}
    for name, key, body in (("detik", "id", "isi_berita"), ("utusan", "Source_URL", "Summary")):
        with open(news / f"{name}.csv", encoding="utf-8", newline="") as handle:
            result[name] = [(row[key], row[body]) for row in csv.DictReader(handle) if row[body].strip()]
    bbc = []
    for path in sorted((news / "bbc").glob("*/*.txt")):
        bbc.append((f"{path.parent.name}/{path.name}", path.read_text("utf-8", errors="replace")))
    result["bbc"] = bbc
    return result


NEWS_LANGUAGE = {"detik": "id", "utusan": "ms", "bbc": "en"}
