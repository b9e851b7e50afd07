"""Choose and check the story-cluster settings on a built warehouse.

    python -m newsetl_dev.eval_story_clusters --db /tmp/detik.duckdb [--sizes 3 5 7] [--sample 5]

Reads every body (``staging.documents.body_text``), computes the exact Jaccard similarity
of all document pairs' word shingles at each shingle size, and prints how many pairs
reach each threshold; then compares the pairs the pipeline's MinHash LSH stored
(``staging.story_pairs``) with the exact pairs at the pipeline's settings (LSH recall and
precision), and prints a fixed-seed sample of stored pairs, and of pairs just under the
threshold, side by side to judge by hand.
"""

from __future__ import annotations

import argparse
import random
from itertools import combinations

import duckdb

from newsetl.transforms import story_clusters as sc

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def exact_pairs(shingles: dict[str, set[str]]) -> dict[tuple[str, str], float]:
    """Return the exact Jaccard similarity of every pair of documents sharing a shingle (ids sorted in the key)."""
    index: dict[str, list[str]] = {}
    for doc, items in shingles.items():
        for item in items:
            index.setdefault(item, []).append(doc)
    candidates = {tuple(sorted(p)) for docs in index.values() if len(docs) < 50 for p in combinations(docs, 2)}
    result = {}
    for a, b in candidates:
        union = len(shingles[a] | shingles[b])
        result[(a, b)] = len(shingles[a] & shingles[b]) / union if union else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 5, 7])
    parser.add_argument("--sample", type=int, default=5)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    bodies = dict(con.execute("SELECT document_id, coalesce(body_text, '') FROM staging.documents").fetchall())
    titles = dict(con.execute("SELECT document_id, coalesce(title, '') FROM marts.documents").fetchall())
    print(f"{len(bodies)} documents")
    print("size | " + " | ".join(f"pairs >= {t}" for t in THRESHOLDS))
    for size in args.sizes:
        shingles = {d: sc.word_shingles(t, size) for d, t in bodies.items()}
        shingles = {d: s for d, s in shingles.items() if len(s) >= sc.MIN_SHINGLES}
        pairs = exact_pairs(shingles)
        print(f"{size} | " + " | ".join(str(sum(1 for j in pairs.values() if j >= t)) for t in THRESHOLDS))
        if size == sc.SHINGLE_WORDS:
            chosen = pairs
    stored = {tuple(sorted(p)): s for *p, s in con.execute(
        "SELECT document_id, similar_document_id, similarity FROM staging.story_pairs").fetchall()}
    exact = {p for p, j in chosen.items() if j >= sc.SIMILARITY_THRESHOLD}
    print(f"stored LSH pairs {len(stored)}; exact pairs >= {sc.SIMILARITY_THRESHOLD} at {sc.SHINGLE_WORDS} words: "
          f"{len(exact)}; both {len(exact & set(stored))}")
    rng = random.Random(args.seed)
    near = sorted(p for p, j in chosen.items() if 0.25 <= j < sc.SIMILARITY_THRESHOLD)
    for label, group in (("stored pairs", sorted(stored)), ("just under the threshold (exact 0.25-0.5)", near)):
        picked = rng.sample(group, min(args.sample, len(group)))
        print(f"\n{label}: {len(picked)} of {len(group)} (seed {args.seed})")
        for a, b in picked:
            print(f"- exact {chosen.get((a, b), 0):.3f}, stored {stored.get((a, b), '-')}: {a} | {b}\n"
                  f"  A: {titles.get(a, '')[:90]}\n  B: {titles.get(b, '')[:90]}")


if __name__ == "__main__":
    main()
