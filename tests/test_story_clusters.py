"""Story clusters (marts.story_clusters): near-duplicate and syndicated copies of the seed articles."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import duckdb
import pytest

from newsetl.transforms import story_clusters as sc
from tests.conftest import SEEDS
from tests.helpers.warehouse import rows as warehouse_rows

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
ORIGINAL = "000_e52eedfedc524ddc.txt"  # Sosok.ID, 29 September 2020; cites TASS twice
NEW_LEAD = ("Kabarnusa.com, JAKARTA - Eropa kembali memanas: di luar perang Rusia dan Ukraina, "
            "kini Armenia dan Azerbaijan saling serang di Nagorno-Karabakh.")


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def with_new_lead(text: str) -> str:
    """Return ``text`` with its lead line (which names the outlet) rewritten by another outlet."""
    lines = text.split("\n")
    return "\n".join([NEW_LEAD, *lines[1:]])


def with_paragraphs_reordered(text: str, share: float = 0.2, seed: int = 21) -> str:
    """Return ``text`` with ``share`` of its paragraphs moved to one another's places (fixed seed)."""
    lines = text.split("\n")
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(lines)), max(2, round(share * len(lines)))))
    moved = chosen[1:] + chosen[:1]  # a rotation: every chosen paragraph leaves its place
    out = list(lines)
    for target, source in zip(chosen, moved):
        out[target] = lines[source]
    assert out != lines
    return "\n".join(out)


def with_two_paragraphs_of(text: str, other: str) -> str:
    """Return a different story (``other``) that borrows two background paragraphs of ``text``."""
    return "\n".join([*other.split("\n"), *text.split("\n")[3:5]])


# --- the pure part -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "moved"), [
    ("Pertempuran sengit terus berlangsung di Nagorno-Karabakh.\nArmenia menuduh Turki mengirim tentara bayaran.",
     "Armenia menuduh Turki mengirim tentara bayaran.\nPertempuran sengit terus berlangsung di Nagorno-Karabakh."),
    ("Kedua pihak mengabaikan imbauan gencatan senjata.\n\nRusia siap menjadi penengah kata Kremlin.",
     "Rusia siap menjadi penengah kata Kremlin.\nKedua pihak mengabaikan imbauan gencatan senjata."),
])
def test_shingles_stay_within_a_paragraph(text, moved):
    shingles = sc.word_shingles(text)
    assert shingles == sc.word_shingles(moved)
    assert "nagorno karabakh armenia menuduh turki" not in shingles  # no shingle spans two lines
    assert all(len(s.split()) == sc.SHINGLE_WORDS for s in shingles)


@pytest.mark.parametrize("name", SEED_FILES)
def test_copies_of_a_seed_match_it_and_no_other_seed(name):
    stored = [(seed, sc.minhash_signature(sc.word_shingles(_seed(seed))).signature) for seed in SEED_FILES]
    copies = {"new-lead": with_new_lead(_seed(name)), "reordered": with_paragraphs_reordered(_seed(name))}
    new = [(key, sc.minhash_signature(sc.word_shingles(text)).signature) for key, text in copies.items()]
    pairs = sc.similar_pairs(stored, new)
    matched = {(p.document_id, p.similar_document_id) for p in pairs}
    assert {("new-lead", name), ("reordered", name), ("reordered", "new-lead")} <= matched
    assert all(other in (name, "new-lead") for _, other in matched)  # never another seed
    assert all(p.similarity >= 0.8 for p in pairs)


@pytest.mark.parametrize(("name", "other"), [(SEED_FILES[0], SEED_FILES[1]), (SEED_FILES[2], SEED_FILES[4])])
def test_a_story_borrowing_two_paragraphs_is_not_a_copy(name, other):
    borrowed = with_two_paragraphs_of(_seed(name), _seed(other))
    stored = [(name, sc.minhash_signature(sc.word_shingles(_seed(name))).signature)]
    new = [("borrower", sc.minhash_signature(sc.word_shingles(borrowed)).signature)]
    assert sc.similar_pairs(stored, new) == []
    # ...while it is a copy of the story whose paragraphs it keeps
    stored = [(other, sc.minhash_signature(sc.word_shingles(_seed(other))).signature)]
    assert [p.similar_document_id for p in sc.similar_pairs(stored, new)] == [other]


def test_stored_permutations_are_the_ones_datasketch_draws():
    from newsetl_dev.build_minhash_permutations import permutation_rows

    a, b = sc._permutations()
    assert [(int(x), int(y)) for x, y in zip(a, b)] == permutation_rows()


def _copies_of_the_seeds() -> tuple[list, list]:
    stored = [(seed, sc.minhash_signature(sc.word_shingles(_seed(seed))).signature) for seed in SEED_FILES]
    new = []
    for name in SEED_FILES:
        for key, text in (("lead", with_new_lead(_seed(name))), ("moved", with_paragraphs_reordered(_seed(name)))):
            new.append((f"{key}-{name}", sc.minhash_signature(sc.word_shingles(text)).signature))
    other = SEED_FILES[0]
    new.append(("borrower", sc.minhash_signature(sc.word_shingles(with_two_paragraphs_of(_seed(other), _seed(SEED_FILES[1])))).signature))
    new.append((SEED_FILES[2], stored[2][1]))  # already stored: never matched again
    return stored, new


def test_direct_comparison_finds_what_the_lsh_index_finds(monkeypatch):
    stored, new = _copies_of_the_seeds()
    direct = sc.similar_pairs(stored, new)
    monkeypatch.setattr(sc, "EXACT_COMPARISONS", 0)  # the LSH path, as for a large warehouse
    indexed = sc.similar_pairs(stored, new)
    assert direct == indexed
    assert len(direct) >= 3 * len(SEED_FILES)  # each copy matches its seed, and the two copies match each other


@pytest.mark.parametrize(("citations", "agency"), [
    ([["AFP"], ["AFP", "Kompas"]], "AFP"),
    ([["TASS", "TASS"], ["tass"], []], "TASS"),          # two of three members, case aside
    ([["Antara"], ["Antara"], [], []], "Antara"),        # half of four
    ([["Antara"], ["Antara"], [], [], []], None),        # two of five is not shared
    ([["AFP"], ["Reuters"]], None),
    ([["Kompas"], ["Kompas"]], None),                    # a newspaper, not an agency
    ([["Reuters"]], None),                               # a story told once
])
def test_syndicated_from_is_the_agency_the_members_share(citations, agency):
    assert sc.syndicated_from(citations) == agency


@pytest.mark.parametrize(("documents", "pairs", "canonical"), [
    (["a", "b", "c"], [("c", "b"), ("b", "a")], "a"),     # a chain is one cluster, earliest first
    (["b", "a", "c"], [("a", "b"), ("c", "a")], "b"),     # order is publication order, not the id
])
def test_the_canonical_member_is_the_earliest(documents, pairs, canonical):
    signature = sc.minhash_signature(sc.word_shingles(_seed(ORIGINAL))).signature
    rows = sc.story_clusters(documents + ["lone"], pairs, {d: signature for d in documents})
    by_doc = {r["document_id"]: r for r in rows}
    assert {by_doc[d]["canonical_document_id"] for d in documents} == {canonical}
    assert len({by_doc[d]["cluster_id"] for d in documents}) == 1 and by_doc[canonical]["is_canonical"]
    assert by_doc["lone"]["cluster_size"] == 1 and by_doc["lone"]["cluster_id"] != by_doc[canonical]["cluster_id"]
    assert all(by_doc[d]["cluster_size"] == 3 and by_doc[d]["similarity"] == 1.0 for d in documents)


# --- through the pipeline, across runs -----------------------------------------------------------

def _copies_jsonl(path: Path) -> Path:
    original = _seed(ORIGINAL)
    records = [
        {"id": "kabarnusa-1", "text": with_new_lead(original), "published_at": "2020-09-30T09:15:00+07:00",
         "url": "https://www.kabarnusa.com/internasional/armenia-azerbaijan-berperang"},
        {"id": "warta-7", "text": with_paragraphs_reordered(original), "published_at": "2020-09-30T11:40:00+07:00",
         "url": "https://warta-dunia.co.id/2020/09/30/perang-armenia-azerbaijan"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


CLUSTERS = """
    SELECT coalesce(r.external_id, regexp_extract(r.source_uri, '[^/]+$')) AS name, s.*
    FROM marts.story_clusters AS s JOIN raw.documents AS r USING (document_id) ORDER BY name
"""


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory):
    """Seeds; then two copies of one seed; then the same inputs again (nothing new)."""
    from newsetl.flows.pipeline import run_without_prefect

    root = tmp_path_factory.mktemp("clusters")
    seeds = root / "seeds"
    seeds.mkdir()
    for name in SEED_FILES:
        shutil.copy(SEEDS / name, seeds / name)
    db = root / "news.duckdb"
    first = run_without_prefect([seeds], db, runner="threads", workers=1)
    after_first = warehouse_rows(db, CLUSTERS)
    copies = _copies_jsonl(root / "copies.jsonl")
    second = run_without_prefect([seeds, copies], db, runner="threads", workers=1)
    after_second = {table: warehouse_rows(db, f"SELECT * FROM {table} ORDER BY ALL")
                    for table in ("marts.story_clusters", "staging.document_minhashes", "staging.story_pairs")}
    clusters = {row[0]: row[1:] for row in warehouse_rows(db, CLUSTERS)}
    third = run_without_prefect([seeds, copies], db, runner="threads", workers=1)
    after_third = {table: warehouse_rows(db, f"SELECT * FROM {table} ORDER BY ALL") for table in after_second}
    return first, after_first, second, clusters, third, after_second, after_third


def test_first_run_has_one_cluster_per_seed(three_runs):
    first, after_first, *_ = three_runs
    assert first["documents_loaded"] == 5 and all(c["passed"] for c in first["checks"])
    assert [row[3] for row in after_first] == [1] * 5  # cluster_size


def test_the_copies_join_the_original_and_no_other_seed_does(three_runs):
    _, _, second, clusters, *_ = three_runs
    assert second["documents_loaded"] == 2 and all(c["passed"] for c in second["checks"])
    # columns: document_id, cluster_id, cluster_size, canonical_document_id, is_canonical, similarity, syndicated_from
    original = clusters[ORIGINAL]
    assert original[2] == 3 and original[4] is True and original[3] == original[0]
    for copy in ("kabarnusa-1", "warta-7"):
        assert clusters[copy][1] == original[1] and clusters[copy][3] == original[0]
        assert clusters[copy][4] is False and clusters[copy][5] >= 0.8
        assert clusters[copy][6] == "TASS"  # all three cite TASS
    others = [clusters[name] for name in SEED_FILES if name != ORIGINAL]
    assert all(row[2] == 1 and row[1] != original[1] and row[6] is None for row in others)


def test_a_rerun_with_nothing_new_changes_no_cluster_table(three_runs):
    *_, third, after_second, after_third = three_runs
    assert third["documents_loaded"] == 0 and third["status"] == "completed"
    for table, rows in after_second.items():
        assert rows and after_third[table] == rows, table


SIGNED = "SELECT m.document_id, m.shingle_count, m.signature, m.minhash_params, d.body_text " \
         "FROM staging.document_minhashes AS m JOIN staging.documents AS d USING (document_id) ORDER BY document_id"


def _stored_signatures(db) -> list[tuple]:
    """Return (document_id, shingle_count, signature, minhash_params) stored, and the same made from the stored bodies."""
    rows = warehouse_rows(db, SIGNED)
    made = sc.signature_frame([r[0] for r in rows], [r[4] for r in rows]).rows()
    return [(r[0], r[1], bytes(r[2]), r[3]) for r in rows], [(r[0], r[1], bytes(r[2]), r[3]) for r in made]


@pytest.mark.parametrize("runner", ["threads", "processes"])
def test_the_loads_store_the_signatures_of_the_bodies_and_story_clusters_sign_only_the_rest(tmp_path, runner, monkeypatch):
    from newsetl.flows.pipeline import run_without_prefect
    from newsetl.warehouse import story_clusters as store

    unsigned_found: list[int] = []
    unsigned = store.unsigned_documents

    def counted_unsigned(con, after, limit):
        found = unsigned(con, after, limit)
        unsigned_found.append(found.height)
        return found

    monkeypatch.setattr(store, "unsigned_documents", counted_unsigned)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in SEED_FILES:
        shutil.copy(SEEDS / name, seeds / name)
    db = tmp_path / "news.duckdb"
    run_without_prefect([seeds], db, runner=runner, workers=1)
    stored, made = _stored_signatures(db)
    assert len(stored) == len(SEED_FILES) and stored == made
    assert sum(unsigned_found) == 0  # every signature came with its load
    # A warehouse whose signatures are missing (from before, or dropped): the next run signs them, to the same bytes.
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM staging.story_pairs")
        con.execute("DELETE FROM staging.document_minhashes")
    unsigned_found.clear()
    run_without_prefect([seeds], db, runner=runner, workers=1)
    assert sum(unsigned_found) == len(SEED_FILES) and _stored_signatures(db)[0] == stored


def test_signatures_made_with_other_settings_are_dropped_for_recomputing(tmp_path):
    from newsetl.warehouse import story_clusters as store
    from newsetl.warehouse.schema import applied_schema

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    applied_schema(con)
    signature = sc.minhash_signature(sc.word_shingles(_seed(ORIGINAL))).signature
    con.execute("INSERT INTO staging.document_minhashes VALUES ('d_1', 300, ?, 'words3-perm64', true, 'r1'), "
                "('d_2', 300, ?, ?, true, 'r1')", [signature, signature, sc.minhash_parameters()])
    con.execute("INSERT INTO staging.story_pairs VALUES ('d_2', 'd_1', 0.9, 'r1')")
    assert store.dropped_stale_signatures(con, sc.minhash_parameters()) == 1
    assert con.execute("SELECT count(*) FROM staging.document_minhashes").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM staging.story_pairs").fetchone()[0] == 0
    assert store.dropped_stale_signatures(con, sc.minhash_parameters()) == 0
    con.close()


@pytest.mark.parametrize("block", [1, 40, 1 << 15])
def test_batched_signatures_are_datasketchs_bytes(block, monkeypatch):
    """``document_signatures`` signs many documents per numpy block; each signature is still the one a
    datasketch MinHash of that document's shingles gives, whatever the block size (1: a block per shingle)."""
    monkeypatch.setattr(sc, "_BLOCK_SHINGLES", block)
    texts = [_seed(name) for name in SEED_FILES] + [with_new_lead(_seed(ORIGINAL)), "", None, "Jakarta hujan."]
    expected = [sc.minhash_signature(sc.word_shingles(text or "")) for text in texts]
    assert sc.document_signatures(texts) == expected
    assert [s.shingle_count for s in expected[-3:]] == [0, 0, 1]


@pytest.mark.parametrize("exact_comparisons", [sc.EXACT_COMPARISONS, 0])  # direct comparison, LSH index
def test_streamed_pairs_are_similar_pairs_found_as_they_are_consumed(monkeypatch, exact_comparisons):
    monkeypatch.setattr(sc, "EXACT_COMPARISONS", exact_comparisons)
    stored, new = _copies_of_the_seeds()
    stream = sc.streamed_similar_pairs(stored, new)
    first = next(stream)  # the first new document's pairs, before the others are compared
    assert [first, *stream] == sc.similar_pairs(stored, new)


def _signed_warehouse(tmp_path):
    """Return a connection to an empty warehouse holding the seeds' and their copies' signatures, none queried."""
    from newsetl.warehouse.connection import writer_connection
    from newsetl.warehouse.schema import applied_schema

    con = writer_connection(tmp_path / "pairs.duckdb")
    applied_schema(con)
    stored, new = _copies_of_the_seeds()
    rows = {doc: sig for doc, sig in [*stored, *new]}
    con.executemany("INSERT INTO staging.document_minhashes (document_id, shingle_count, signature, minhash_params, run_id, queried) "
                    "VALUES (?, 100, ?, ?, 'r0', false)", [(doc, sig, sc.minhash_parameters()) for doc, sig in rows.items()])
    return con, stored, new


@pytest.mark.parametrize("chunk", [1, 7, 20_000])
def test_pairs_stored_chunk_by_chunk_are_the_pairs_found(tmp_path, chunk):
    """The flow stores the pairs as they are found, a chunk at a time; the table gets them all, in order."""
    from newsetl.flows.story_clusters import _pair_frames
    from newsetl.warehouse import story_clusters as store

    con, stored, new = _signed_warehouse(tmp_path)
    pairs = sc.similar_pairs(stored, new)
    added = store.recorded_matches(con, _pair_frames(sc.streamed_similar_pairs(stored, new), chunk), "r1")
    assert added == len(pairs)
    assert con.execute("SELECT document_id, similar_document_id, similarity FROM staging.story_pairs").fetchall() == [
        (p.document_id, p.similar_document_id, p.similarity) for p in pairs]
    assert con.execute("SELECT count(*) FROM staging.document_minhashes WHERE NOT queried").fetchone()[0] == 0
    assert list(store.stored_pairs(con, chunk)) == sorted((p.document_id, p.similar_document_id) for p in pairs)


def test_a_pair_stored_for_an_unqueried_document_is_not_stored_twice(tmp_path):
    """After a match that stored pairs but not ``queried`` (not possible in one transaction, but cheap to keep out)."""
    from newsetl.flows.story_clusters import _pair_frames
    from newsetl.warehouse import story_clusters as store

    con, stored, new = _signed_warehouse(tmp_path)
    pairs = sc.similar_pairs(stored, new)
    con.execute("INSERT INTO staging.story_pairs VALUES (?, ?, ?, 'r0')",
                [pairs[0].document_id, pairs[0].similar_document_id, pairs[0].similarity])
    store.recorded_matches(con, _pair_frames(iter(pairs), 5), "r1")
    assert con.execute("SELECT count(*), count(DISTINCT (document_id, similar_document_id)) FROM staging.story_pairs").fetchone() == (
        len(pairs), len(pairs))


def test_the_band_buckets_give_the_candidates_datasketchs_lsh_index_finds():
    """``streamed_similar_pairs`` bands signatures itself, as datasketch's MinHashLSH does, without its SciPy."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    stored, new = _copies_of_the_seeds()
    new = new[:-1]  # not the stored seed again
    lsh = MinHashLSH(threshold=sc.SIMILARITY_THRESHOLD, num_perm=sc.NUM_PERM)
    assert sc.lsh_bands() == (lsh.b, lsh.r) == (25, 5)

    def minhash(signature):
        return MinHash(num_perm=sc.NUM_PERM, seed=sc.MINHASH_SEED, scheme=sc.MINHASH_SCHEME,
                       hashvalues=sc._values(signature), permutations=sc._permutations())

    for document_id, signature in stored:
        lsh.insert(document_id, minhash(signature))
    ids = [d for d, _ in [*stored, *new]]
    rows = np.stack([sc._values(s) for _, s in [*stored, *new]])
    buckets = sc.band_buckets(rows, *sc.lsh_bands())
    documents, candidates = sc.candidate_pairs(buckets, np.arange(len(stored), len(ids)))
    found = 0
    for k, (document_id, signature) in enumerate(new, start=len(stored)):
        mine = {ids[c] for d, c in zip(documents, candidates) if d == k}
        assert mine == set(lsh.query(minhash(signature)))  # the stored documents and the new ones before it
        lsh.insert(document_id, minhash(signature))
        found += len(mine)
    assert found >= len(SEED_FILES)  # each copy is a candidate of its seed at least


def _templated_signatures(count: int) -> list[tuple[str, bytes]]:
    """Return ``(id, signature)`` of ``count`` synthetic articles recombined from the seeds (the bench's corpus)."""
    from newsetl_dev.synthetic_corpus import synthetic_articles

    texts = [_seed(name) for name in SEED_FILES]
    articles = list(synthetic_articles(texts, count, 2801))
    return [(f"doc-{k:05d}", s.signature) for k, s in enumerate(sc.document_signatures(a["text"] for a in articles))]


@pytest.mark.parametrize("exact_comparisons", [sc.EXACT_COMPARISONS, 0])
def test_the_caps_bound_the_pairs_per_document_on_a_templated_corpus(monkeypatch, exact_comparisons):
    """Recombined articles are near-duplicates of most earlier ones; each keeps about ``MOST_SIMILAR_KEPT`` pairs."""
    monkeypatch.setattr(sc, "EXACT_COMPARISONS", exact_comparisons)
    new = _templated_signatures(400)

    def pairs_per_document():
        pairs = sc.similar_pairs([], new)
        counts = [sum(1 for p in pairs if p.document_id == d) for d, _ in new]
        return len(pairs), max(counts)

    total, most = pairs_per_document()
    bands, _ = sc.lsh_bands()
    assert most <= bands * sc.MAX_BUCKET_MEMBERS
    # A pair beyond the most similar joins two clusters, which can happen at most once per document.
    assert total <= (sc.MOST_SIMILAR_KEPT + 1) * len(new)
    kept = sc.MOST_SIMILAR_KEPT
    monkeypatch.setattr(sc, "MOST_SIMILAR_KEPT", 10 ** 9)
    uncapped_total, uncapped_most = pairs_per_document()
    assert uncapped_total > total and uncapped_most > 3 * kept  # the corpus does have many more


def _cluster_of_each(documents, pairs) -> dict[str, str]:
    rows = sc.story_clusters([d for d, _ in documents], [(p.document_id, p.similar_document_id) for p in pairs], dict(documents))
    return {row["document_id"]: row["cluster_id"] for row in rows}


@pytest.mark.parametrize(("kept", "bucket"), [(1, 10 ** 9), (2, 3), (sc.MOST_SIMILAR_KEPT, sc.MAX_BUCKET_MEMBERS)])
def test_capped_matching_leaves_the_clusters_of_copies_of_the_seeds_as_they_were(monkeypatch, kept, bucket):
    """Four copies of each seed (a new lead, paragraphs moved, both, a new lead again with a dateline): with caps
    small enough to bind, each copy still joins its seed's cluster and no other."""
    stored = [(name, sc.minhash_signature(sc.word_shingles(_seed(name))).signature) for name in SEED_FILES]
    new = []
    for name in SEED_FILES:
        text = _seed(name)
        for key, copy in (("lead", with_new_lead(text)), ("moved", with_paragraphs_reordered(text)),
                          ("both", with_paragraphs_reordered(with_new_lead(text), seed=22)),
                          ("dateline", "JAKARTA -\n" + with_new_lead(text))):
            new.append((f"{key}-{name}", sc.minhash_signature(sc.word_shingles(copy)).signature))
    monkeypatch.setattr(sc, "EXACT_COMPARISONS", 0)
    monkeypatch.setattr(sc, "MOST_SIMILAR_KEPT", 10 ** 9)
    monkeypatch.setattr(sc, "MAX_BUCKET_MEMBERS", 10 ** 9)
    all_pairs = sc.similar_pairs(stored, new)
    uncapped = _cluster_of_each([*stored, *new], all_pairs)
    monkeypatch.setattr(sc, "MOST_SIMILAR_KEPT", kept)
    monkeypatch.setattr(sc, "MAX_BUCKET_MEMBERS", bucket)
    capped_pairs = sc.similar_pairs(stored, new)
    assert _cluster_of_each([*stored, *new], capped_pairs) == uncapped
    assert len(set(uncapped.values())) == len(SEED_FILES)
    if kept < 4:  # a copy matches its seed and the copies before it
        assert len(capped_pairs) < len(all_pairs)
