"""Synthetic corpora written to disk for the crash, concurrency and writer tests."""

from __future__ import annotations

import json
from pathlib import Path

from newsetl_dev.synthetic_corpus import synthetic_articles
from tests.conftest import SEEDS


def synthetic_jsonl(path: Path, n: int, seed: int = 7, start: int = 0) -> list[dict]:
    """Write ``n`` distinct realistic Indonesian articles to ``path`` as JSONL; return them."""
    seed_texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = list(synthetic_articles(seed_texts, n, seed, start=start))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return articles
