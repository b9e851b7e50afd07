"""Near-duplicate and syndicated stories: word shingles, MinHash signatures, LSH pairs, clusters.

Pure computation (numpy, in memory); the flow stores the signatures and
the pairs (``staging.document_minhashes``, ``staging.story_pairs``) so a later run only
hashes and queries its new documents against the LSH index rebuilt from the stored ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
import numpy as np

# datasketch is imported only by ``minhash_signature`` (the reference the tests compare with): it
# pulls in SciPy (~1 s of start-up on 2 cores, ~50 MB); signing and matching need numpy only.
from newsetl.transforms.lexicons import records, rows

# Chosen on the seeds, the tests and Detik (README, "Story clusters"): 5-word shingles
# make a shared quote or stock phrase count for little, and a copy that keeps most
# paragraphs still shares most of its shingles; 0.5 estimated Jaccard is "most of it".
SHINGLE_WORDS = 5
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch 2.0 32-bit permutations: values fit uint32
SIMILARITY_THRESHOLD = 0.5
# A body this short (a caption, a one-line brief) says too little to call it a copy.
MIN_SHINGLES = 10

_WORD = re.compile(r"[^\W_]+")


def minhash_parameters() -> str:
    """Return the tag stored with each signature; signatures with another tag are recomputed."""
    return f"words{SHINGLE_WORDS}-perm{NUM_PERM}-seed{MINHASH_SEED}-{MINHASH_SCHEME}"


def word_shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Return the distinct runs of ``size`` consecutive case-folded words of each line of ``text``.

    Shingles never cross a line break, so the same paragraphs in another order give the
    same set; a line shorter than ``size`` words (at least two) is one shingle.
    """
    shingles: set[str] = set()
    for line in text.split("\n"):
        words = _WORD.findall(line.casefold())
        if len(words) >= size:
            shingles.update(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))
        elif len(words) >= 2:
            shingles.add(" ".join(words))
    return shingles


@dataclass(frozen=True)
class Signature:
    shingle_count: int
    signature: bytes  # NUM_PERM little-endian uint32 MinHash values


def minhash_signature(shingles: Iterable[str]) -> Signature:
    """Return the MinHash signature of a set of shingles (``NUM_PERM`` permutations, fixed seed)."""
    from datasketch import MinHash

    encoded = [s.encode("utf-8") for s in shingles]
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    if encoded:
        minhash.update_batch(encoded)
    return Signature(len(encoded), minhash.hashvalues.astype("<u4").tobytes())


@cache
def _permutations() -> np.ndarray:
    """Return datasketch's permutation parameters ``(a, b)`` for ``NUM_PERM`` and ``MINHASH_SEED``, a 2 x NUM_PERM uint32 array.

    Read from ``data/minhash_permutations.tsv`` (written from datasketch by
    ``newsetl_dev.build_minhash_permutations``; a test keeps them equal): signing documents then
    needs numpy only, where importing datasketch imports SciPy (~1 s of a small run on 2 cores).
    """
    table = np.array(rows("data/minhash_permutations.tsv"), dtype=np.uint64).T.astype(np.uint32)
    if table.shape != (2, NUM_PERM):
        raise ValueError(f"data/minhash_permutations.tsv holds {table.shape[1]} permutations, not {NUM_PERM}: rebuild it")
    return table


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, the pre-mix datasketch's affine32 scheme applies to each input hash."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


# Shingles hashed and permuted together: 32k x NUM_PERM uint32 is a 16 MB block.
_BLOCK_SHINGLES = 1 << 15


def document_signatures(texts: Iterable[str | None]) -> list[Signature]:
    """Return the MinHash signature of each text's word shingles (an empty text has ``shingle_count`` 0).

    The same bytes as ``minhash_signature(word_shingles(text))`` for each text (datasketch's
    affine32: SHA-1's first 4 bytes, the MurmurHash3 pre-mix, ``a * h + b`` mod 2^32, the minimum
    per permutation), computed for many documents per numpy block instead of one MinHash each,
    whose construction alone draws the permutations again.
    """
    a, b = _permutations()
    empty = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype="<u4").tobytes()
    signatures: list[Signature] = []
    block: list[int] = []
    counts: list[int] = []

    def flush() -> None:
        if block:
            hv = _fmix32(np.array(block, dtype=np.uint32)).reshape(-1, 1)
            starts = np.cumsum([0, *counts[:-1]])
            mins = np.minimum.reduceat(hv * a + b, starts, axis=0).astype("<u4")
            signatures.extend(Signature(n, row.tobytes()) for n, row in zip(counts, mins))
            block.clear()
            counts.clear()

    sha1 = hashlib.sha1
    for text in texts:
        hashes = [int.from_bytes(sha1(s.encode("utf-8")).digest()[:4], "little") for s in word_shingles(text or "")]
        if not hashes:
            flush()
            signatures.append(Signature(0, empty))
            continue
        if len(block) + len(hashes) > _BLOCK_SHINGLES:
            flush()
        block.extend(hashes)
        counts.append(len(hashes))
    flush()
    return signatures


def _values(signature: bytes) -> np.ndarray:
    return np.frombuffer(signature, dtype="<u4")


def estimated_similarity(a: bytes, b: bytes) -> float:
    """Return the MinHash estimate of the Jaccard similarity of two signatures' shingle sets."""
    return float(np.mean(_values(a) == _values(b)))


# Below this many signature comparisons (new documents x all documents) every pair is compared
# directly: LSH only approximates that comparison, to avoid it at scale; for a few hundred
# documents the direct one costs less than building the index.
EXACT_COMPARISONS = 250_000


@dataclass(frozen=True, slots=True)  # slots: a templated corpus yields ~90 pairs per document
class StoryPair:
    document_id: str          # the document queried (new in this run)
    similar_document_id: str  # the one it matched (stored earlier, or earlier in this run)
    similarity: float


def similar_pairs(stored: Sequence[tuple[str, bytes]], new: Sequence[tuple[str, bytes]],
                  threshold: float = SIMILARITY_THRESHOLD) -> list[StoryPair]:
    """Return the pairs whose estimated Jaccard similarity reaches ``threshold``, each with a new document.

    The LSH index holds ``stored`` (documents queried in earlier runs); each new document
    is queried, then added, so new documents also match each other. Candidates from the
    index are kept only if their estimated similarity reaches ``threshold``.
    """
    return list(streamed_similar_pairs(stored, new, threshold))


def streamed_similar_pairs(stored: Sequence[tuple[str, bytes]], new: Sequence[tuple[str, bytes]],
                           threshold: float = SIMILARITY_THRESHOLD) -> Iterator[StoryPair]:
    """Return an iterator over ``similar_pairs``'s pairs, in the same order, found as it is consumed.

    The flow stores them a chunk at a time: 5,000 templated synthetic articles give ~450,000
    pairs, ~100 MB as one list of pairs in the only writing process.
    """
    if len(new) * (len(stored) + len(new)) <= EXACT_COMPARISONS:
        yield from _compared_pairs(stored, new, threshold)
        return
    index = _BandIndex(*lsh_bands(threshold))
    signatures: dict[str, bytes] = {}
    for document_id, signature in stored:
        if document_id not in signatures:
            signatures[document_id] = signature
            index.insert(document_id, signature)
    for document_id, signature in new:
        if document_id in signatures:
            continue
        for other in sorted(index.candidates(signature)):
            similarity = estimated_similarity(signature, signatures[other])
            if similarity >= threshold:
                yield StoryPair(document_id, other, round(similarity, 4))
        signatures[document_id] = signature
        index.insert(document_id, signature)


# datasketch's MinHashLSH(threshold=0.5, num_perm=128) splits a signature into 25 bands of 5 values;
# it finds them by integrating false positive and negative rates with SciPy, ~50 MB of the only
# writing process to import (a test keeps these equal to datasketch's).
LSH_PARAMS = {(SIMILARITY_THRESHOLD, NUM_PERM): (25, 5)}


def lsh_bands(threshold: float = SIMILARITY_THRESHOLD) -> tuple[int, int]:
    """Return datasketch's ``MinHashLSH`` bands and rows per band for ``threshold`` and ``NUM_PERM``."""
    if (threshold, NUM_PERM) in LSH_PARAMS:
        return LSH_PARAMS[(threshold, NUM_PERM)]
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, NUM_PERM, 0.5, 0.5)


class _BandIndex:
    """datasketch's ``MinHashLSH`` index with its bands: a document is a candidate for a signature
    when all values of one band are equal; the same candidates, with none of its storage layers."""

    def __init__(self, bands: int, rows: int):
        self.width, self.tables = 4 * rows, [{} for _ in range(bands)]  # 4 bytes a value ("<u4")

    def _keys(self, signature: bytes):
        return (signature[k * self.width:(k + 1) * self.width] for k in range(len(self.tables)))

    def insert(self, document_id: str, signature: bytes) -> None:
        for key, table in zip(self._keys(signature), self.tables):
            table.setdefault(key, []).append(document_id)

    def candidates(self, signature: bytes) -> set[str]:
        """Return the documents sharing at least one band with ``signature``."""
        found: set[str] = set()
        for key, table in zip(self._keys(signature), self.tables):
            found.update(table.get(key, ()))
        return found


def _compared_pairs(stored: Sequence[tuple[str, bytes]], new: Sequence[tuple[str, bytes]],
                    threshold: float) -> Iterator[StoryPair]:
    """Return an iterator over ``similar_pairs``'s pairs found by comparing each new signature with every earlier one.

    The same order and rule as the LSH path (each new document against the stored ones and the
    new ones before it, others in id order); it finds every pair LSH finds, and any LSH misses.
    """
    ids: list[str] = []
    seen: set[str] = set()
    # One matrix for every signature, filled row by row: each new document is compared with the
    # rows before it without stacking them again (which copied the whole list once per document).
    rows = np.empty((len(stored) + len(new), NUM_PERM), dtype="<u4")
    for document_id, signature in stored:
        if document_id not in seen:
            seen.add(document_id)
            rows[len(ids)] = _values(signature)
            ids.append(document_id)
    for document_id, signature in new:
        if document_id in seen:
            continue
        mine = _values(signature)
        if ids:
            similarities = (rows[:len(ids)] == mine).mean(axis=1)
            for k in sorted(np.flatnonzero(similarities >= threshold), key=lambda k: ids[k]):
                yield StoryPair(document_id, ids[k], round(float(similarities[k]), 4))
        seen.add(document_id)
        rows[len(ids)] = mine
        ids.append(document_id)


@cache
def news_agencies() -> frozenset[str]:
    """Return the case-folded names of the news agencies in the media list (``facts/media.tsv``)."""
    return frozenset(row["name"].casefold() for row in records("facts/media.tsv") if row["kind"] == "agency")


def cluster_id(canonical_document_id: str) -> str:
    """Return the id of the cluster whose earliest member is ``canonical_document_id``."""
    return "c_" + hashlib.blake2b(canonical_document_id.encode("utf-8"), digest_size=10).hexdigest()


def syndicated_from(member_citations: Sequence[Iterable[str]]) -> str | None:
    """Return the agency that at least two members, and at least half of them, cite (the most cited), else None."""
    if len(member_citations) < 2:
        return None
    agencies = news_agencies()
    cited: dict[str, int] = {}
    names: dict[str, str] = {}
    for citations in member_citations:
        for key, name in {n.casefold(): n for n in citations if n and n.casefold() in agencies}.items():
            cited[key] = cited.get(key, 0) + 1
            names.setdefault(key, name)
    needed = max(2, (len(member_citations) + 1) // 2)
    best = sorted((-count, key) for key, count in cited.items() if count >= needed)
    return names[best[0][1]] if best else None


def story_clusters(documents: Sequence[str], pairs: Iterable[tuple[str, str]], signatures: Mapping[str, bytes],
                   citations: Mapping[str, Iterable[str]] | None = None) -> list[dict]:
    """Return one row per document: its cluster, the cluster's canonical (earliest) member and similarity to it.

    ``documents`` are in publication order (earliest first); clusters are the connected
    components of ``pairs``. ``similarity`` is the estimated Jaccard similarity to the
    canonical member (1.0 for it and for singletons); a member joined through another
    can fall below the pair threshold. ``syndicated_from`` is the agency the members share
    (``syndicated_from``), from ``citations`` (source names per document).
    """
    order = {document_id: rank for rank, document_id in enumerate(documents)}
    parent = {document_id: document_id for document_id in documents}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:  # the earlier document stays the root, so the root is the canonical member
                first, second = (ra, rb) if order[ra] < order[rb] else (rb, ra)
                parent[second] = first
    members: dict[str, list[str]] = {}
    for document_id in documents:
        members.setdefault(root(document_id), []).append(document_id)
    citations = citations or {}
    rows = []
    for canonical, group in members.items():
        identifier = cluster_id(canonical)
        agency = syndicated_from([list(citations.get(d, ())) for d in group])
        for document_id in group:
            similarity: float | None = 1.0
            if document_id != canonical:
                similarity = None
                if document_id in signatures and canonical in signatures:
                    similarity = round(estimated_similarity(signatures[document_id], signatures[canonical]), 4)
            rows.append({"document_id": document_id, "cluster_id": identifier, "cluster_size": len(group),
                         "canonical_document_id": canonical, "is_canonical": document_id == canonical,
                         "similarity": similarity, "syndicated_from": agency})
    return rows
