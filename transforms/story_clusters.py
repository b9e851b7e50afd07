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
import polars as pl

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


SIGNATURE_SCHEMA = {"document_id": pl.String, "shingle_count": pl.Int32, "signature": pl.Binary, "minhash_params": pl.String}


def signature_frame(document_ids: Iterable[str], texts: Iterable[str | None]) -> pl.DataFrame:
    """Return one ``SIGNATURE_SCHEMA`` row per document: its ``document_signatures`` and ``minhash_parameters()``."""
    ids = list(document_ids)
    signatures = document_signatures(texts)
    return pl.DataFrame({
        "document_id": ids,
        "shingle_count": [s.shingle_count for s in signatures],
        "signature": [s.signature for s in signatures],
        "minhash_params": [minhash_parameters()] * len(ids),
    }, schema=SIGNATURE_SCHEMA)


def _values(signature: bytes) -> np.ndarray:
    return np.frombuffer(signature, dtype="<u4")


def estimated_similarity(a: bytes, b: bytes) -> float:
    """Return the MinHash estimate of the Jaccard similarity of two signatures' shingle sets."""
    return float(np.mean(_values(a) == _values(b)))


# Below this many signature comparisons (new documents x all documents) every pair is compared
# directly: LSH only approximates that comparison, to avoid it at scale; for a few hundred
# documents the direct one costs less than building the index.
EXACT_COMPARISONS = 250_000

# Each new document keeps the pairs with its this many most similar earlier documents (on a tie,
# the earlier one), and beyond them only a pair into each other cluster its matches reach, so the
# clusters (connected components) are those of all the pairs found. Without the cap a templated
# corpus gives every document a pair with a share of all earlier ones, a number of pairs that grows
# with the square of N (404,597 at 5,000 synthetic articles, ~160 million at 100,000); no real
# corpus of this project has a story told more than three times, so there it keeps every pair.
MOST_SIMILAR_KEPT = 10
# An LSH bucket (the documents sharing one band) offers only its first this many members as
# candidates: a later document of a full bucket shares that band with them, so it is most often
# found similar to some of them and joins their cluster. A document then has at most bands x this
# candidates (25 x 50 = 1,250) however large the warehouse, where each bucket of a templated corpus
# grows with N. On 5,000 synthetic articles in the flow 1 document ends in another cluster than
# with no cap (on their raw texts, 4; with 20 members, 6); on the real corpora no bucket comes near it.
MAX_BUCKET_MEMBERS = 50
# New documents queried together: their candidates' signatures, compared at once, stay under
# 16 x 1,250 pairs x 2 x 512 bytes = 20 MB.
_QUERY_CHUNK = 16


@dataclass(frozen=True, slots=True)
class StoryPair:
    document_id: str          # the document queried (new in this run)
    similar_document_id: str  # the one it matched (stored earlier, or earlier in this run)
    similarity: float


def similar_pairs(stored: Sequence[tuple[str, bytes]], new: Sequence[tuple[str, bytes]],
                  threshold: float = SIMILARITY_THRESHOLD) -> list[StoryPair]:
    """Return the pairs whose estimated Jaccard similarity reaches ``threshold``, each with a new document.

    Each new document is compared with the ``stored`` ones (queried in earlier runs) and the new
    ones before it, and keeps its ``MOST_SIMILAR_KEPT`` most similar matches plus one into each
    other cluster it reaches (``_kept_matches``); its pairs come in the other documents' id order.
    """
    return list(streamed_similar_pairs(stored, new, threshold))


def streamed_similar_pairs(stored: Sequence[tuple[str, bytes]], new: Sequence[tuple[str, bytes]],
                           threshold: float = SIMILARITY_THRESHOLD) -> Iterator[StoryPair]:
    """Return an iterator over ``similar_pairs``'s pairs, in the same order, found as it is consumed.

    Small runs compare every pair (``EXACT_COMPARISONS``); larger ones compare each new document
    with its LSH candidates only (``band_buckets``, ``candidate_pairs``).
    """
    ids: list[str] = []
    signatures: list[bytes] = []
    seen: set[str] = set()
    first_new = 0
    for number, (document_id, signature) in enumerate([*stored, *new]):
        if document_id not in seen:  # a document already stored is never matched again
            seen.add(document_id)
            ids.append(document_id)
            signatures.append(signature)
        if number == len(stored) - 1:
            first_new = len(ids)
    rows = np.frombuffer(b"".join(signatures), dtype="<u4").reshape(len(ids), NUM_PERM)
    del signatures, seen
    if (len(ids) - first_new) * len(ids) <= EXACT_COMPARISONS:
        compared = _compared_pairs(rows, first_new)
    else:
        compared = _lsh_compared_pairs(rows, first_new, threshold)
    # The clusters of the pairs kept so far; the stored documents each alone, since their stored
    # pairs are not read: that can only keep more pairs.
    clusters = _Components(len(ids))
    for queried, others, similarities in compared:
        kept = _kept_matches(queried, others, similarities, threshold, clusters)
        for k in sorted(kept, key=lambda k: ids[others[k]]):
            yield StoryPair(ids[queried], ids[others[k]], round(float(similarities[k]), 4))


class _Components:
    """Union-find over document indices (connected components), the lowest index of each its root."""

    def __init__(self, count: int):
        self.parent = list(range(count))

    def root(self, node: int) -> int:
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def joined(self, a: int, b: int) -> bool:
        """Join the clusters of ``a`` and ``b``; return whether they were two."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _kept_matches(queried: int, others: np.ndarray, similarities: np.ndarray, threshold: float,
                  clusters: _Components) -> list[int]:
    """Return the positions in ``others`` of the matches (similarity reaching ``threshold``) ``queried`` keeps:
    the ``MOST_SIMILAR_KEPT`` most similar, then one into each other cluster of the rest; join them in ``clusters``."""
    reaching = np.flatnonzero(similarities >= threshold)
    # Most similar first; on a tie, the earlier document (lower index).
    ranked = reaching[np.lexsort((others[reaching], -similarities[reaching]))].tolist()
    kept = []
    for number, k in enumerate(ranked):
        if clusters.joined(queried, int(others[k])) or number < MOST_SIMILAR_KEPT:
            kept.append(k)
    return kept


def _compared_pairs(rows: np.ndarray, first_new: int) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Return an iterator over ``(document, earlier documents, their similarities)``, each new document
    (index from ``first_new``) compared with every row before it."""
    for queried in range(first_new, len(rows)):
        yield queried, np.arange(queried), (rows[:queried] == rows[queried]).mean(axis=1)


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


@dataclass(frozen=True)
class BandBuckets:
    """datasketch's ``MinHashLSH`` buckets as arrays (documents x bands, int32): a document's bucket in
    a band holds the documents whose values in that band all equal its own."""
    members: np.ndarray   # column b: document indices sorted by their bucket in band b, then by index
    start: np.ndarray     # where each document's bucket begins in ``members``' column
    position: np.ndarray  # the document's place in its bucket (0: the first, lowest index)


def band_buckets(rows: np.ndarray, bands: int, values_per_band: int) -> BandBuckets:
    """Return the LSH buckets of each band of the signatures ``rows`` (documents x NUM_PERM)."""
    count = len(rows)
    members, start, position = (np.empty((count, bands), dtype=np.int32) for _ in range(3))
    place = np.empty(count, dtype=np.int32)
    for band in range(bands):
        values = np.ascontiguousarray(rows[:, band * values_per_band:(band + 1) * values_per_band])
        bucket = np.unique(values.view(f"V{4 * values_per_band}").ravel(), return_inverse=True)[1].ravel()
        order = np.argsort(bucket, kind="stable")  # stable: within a bucket, by document index
        members[:, band] = order
        start[:, band] = np.searchsorted(bucket[order], bucket)
        place[order] = np.arange(count, dtype=np.int32)
        position[:, band] = place - start[:, band]
    return BandBuckets(members, start, position)


def candidate_pairs(buckets: BandBuckets, queried: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(documents, candidates)``, sorted: each of ``queried`` with each earlier document among the
    first ``MAX_BUCKET_MEMBERS`` of one of its buckets (a pair once, however many bands it shares)."""
    bands = buckets.members.shape[1]
    counts = np.minimum(buckets.position[queried], MAX_BUCKET_MEMBERS).ravel()  # only members before it
    cell = np.repeat(np.arange(len(counts)), counts)  # one per candidate: (queried document, band), flattened
    offset = np.arange(len(cell)) - np.repeat(np.cumsum(counts) - counts, counts)
    documents, band = queried[cell // bands], cell % bands
    candidates = buckets.members[buckets.start[documents, band] + offset, band]
    pairs = np.unique(documents.astype(np.int64) * len(buckets.members) + candidates)
    return pairs // len(buckets.members), pairs % len(buckets.members)


def _lsh_compared_pairs(rows: np.ndarray, first_new: int, threshold: float) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Return an iterator over ``(document, candidates, their similarities)`` for each new document, its
    candidates the earlier documents of its LSH buckets (``candidate_pairs``)."""
    buckets = band_buckets(rows, *lsh_bands(threshold))
    for low in range(first_new, len(rows), _QUERY_CHUNK):
        queried = np.arange(low, min(low + _QUERY_CHUNK, len(rows)))
        documents, candidates = candidate_pairs(buckets, queried)
        similarities = (rows[documents] == rows[candidates]).mean(axis=1)
        bounds = np.searchsorted(documents, [*queried, queried[-1] + 1])  # each queried document's slice
        for k, document in enumerate(queried.tolist()):
            yield document, candidates[bounds[k]:bounds[k + 1]], similarities[bounds[k]:bounds[k + 1]]


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
    components = _Components(len(documents))  # the earliest document is the root, i.e. the canonical member
    for a, b in pairs:
        if a in order and b in order:
            components.joined(order[a], order[b])
    members: dict[str, list[str]] = {}
    for rank, document_id in enumerate(documents):
        members.setdefault(documents[components.root(rank)], []).append(document_id)
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
