"""Write ``transforms/data/minhash_permutations.tsv``: datasketch's MinHash permutations for the
pipeline's parameters, so that signing documents needs numpy only (datasketch imports SciPy).

    python -m newsetl_dev.build_minhash_permutations

``tests/test_story_clusters.py`` checks that the file equals what datasketch draws today.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from newsetl.transforms import story_clusters as sc

TARGET = Path(__file__).resolve().parent.parent / "transforms" / "data" / "minhash_permutations.tsv"


def permutation_rows() -> list[tuple[int, int]]:
    """Return datasketch's ``(a, b)`` pair of each of the ``NUM_PERM`` permutations."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=sc.NUM_PERM, seed=sc.MINHASH_SEED, scheme=sc.MINHASH_SCHEME).permutations
    return [(int(x), int(y)) for x, y in zip(a, b)]


def main() -> None:
    header = [
        f"# datasketch {metadata.version('datasketch')} MinHash(num_perm={sc.NUM_PERM}, seed={sc.MINHASH_SEED},"
        f" scheme={sc.MINHASH_SCHEME!r}).permutations, one permutation a line: a<TAB>b.",
        "# Read by transforms/story_clusters.py; rebuilt by `python -m newsetl_dev.build_minhash_permutations`.",
        f"# parameters\t{sc.minhash_parameters()}",
    ]
    TARGET.write_text("\n".join(header + [f"{a}\t{b}" for a, b in permutation_rows()]) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
