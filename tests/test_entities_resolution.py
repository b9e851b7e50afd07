"""Corpus-level resolution of entity keys with Polars frames."""

import polars as pl
import pytest

from newsetl.transforms.entities import resolved_entities
from newsetl.transforms.entities.resolution import entity_id


def _stats(rows):
    return pl.DataFrame(
        rows,
        schema={
            "entity_type": pl.Utf8,
            "entity_key": pl.Utf8,
            "canonical_name": pl.Utf8,
            "country_code": pl.Utf8,
            "mention_count": pl.Int64,
        },
        orient="row",
    )


CORPUS = [
    ("PERSON", "PERSON:erdogan", "Erdogan", None, 2),
    ("PERSON", "PERSON:recep tayyip erdogan", "Recep Tayyip Erdogan", None, 1),
    ("PERSON", "PERSON:tayyip erdogan", "Tayyip Erdogan", None, 1),
    ("PERSON", "PERSON:pashinyan", "Pashinyan", None, 4),
    ("PERSON", "PERSON:nikol pashinyan", "Nikol Pashinyan", None, 3),
    ("PERSON", "PERSON:aliyev", "Aliyev", None, 2),
    ("PERSON", "PERSON:ilham aliyev", "Ilham Aliyev", None, 2),
    ("PERSON", "PERSON:heydar aliyev", "Heydar Aliyev", None, 1),
    ("LOC", "LOC:russia", "Russia", "RU", 9),
    ("LOC", "LOC:moscow", "Moscow", None, 2),
    ("ORG", "ORG:indonesia", "Indonesia", None, 1),
    ("ORG", "ORG:bank indonesia", "Bank Indonesia", None, 1),
]


def _by_key(frame: pl.DataFrame) -> dict[str, dict]:
    return {row["entity_key"]: row for row in frame.to_dicts()}


def test_output_has_one_row_per_input_row_with_the_contract_columns():
    out = resolved_entities(_stats(CORPUS))
    assert out.columns == ["entity_type", "entity_key", "entity_id", "canonical_name", "country_code"]
    assert out.height == len(CORPUS)
    assert out["entity_key"].to_list() == [row[1] for row in CORPUS]


@pytest.mark.parametrize(
    ("short", "full", "name"),
    [
        ("PERSON:erdogan", "PERSON:recep tayyip erdogan", "Recep Tayyip Erdogan"),
        ("PERSON:tayyip erdogan", "PERSON:recep tayyip erdogan", "Recep Tayyip Erdogan"),
        ("PERSON:pashinyan", "PERSON:nikol pashinyan", "Nikol Pashinyan"),
    ],
)
def test_short_forms_join_the_unique_full_name(short, full, name):
    rows = _by_key(resolved_entities(_stats(CORPUS)))
    assert rows[short]["entity_id"] == rows[full]["entity_id"] == entity_id(full)
    assert rows[short]["canonical_name"] == name


def test_a_surname_shared_by_two_full_names_stays_its_own_entity():
    rows = _by_key(resolved_entities(_stats(CORPUS)))
    ids = {rows[k]["entity_id"] for k in ("PERSON:aliyev", "PERSON:ilham aliyev", "PERSON:heydar aliyev")}
    assert len(ids) == 3
    assert rows["PERSON:aliyev"]["canonical_name"] == "Aliyev"


def test_places_and_organisations_are_not_merged_by_their_last_word():
    rows = _by_key(resolved_entities(_stats(CORPUS)))
    assert rows["ORG:indonesia"]["entity_id"] != rows["ORG:bank indonesia"]["entity_id"]
    assert rows["LOC:russia"]["country_code"] == "RU"
    assert rows["LOC:moscow"]["country_code"] is None


def test_ids_do_not_depend_on_row_order_or_counts():
    first = resolved_entities(_stats(CORPUS))
    shuffled = [(*row[:4], 100 - row[4]) for row in reversed(CORPUS)]
    second = resolved_entities(_stats(shuffled))
    assert dict(zip(first["entity_key"], first["entity_id"])) == dict(zip(second["entity_key"], second["entity_id"]))


def test_ids_are_stable_hashes_of_the_resolved_key():
    out = _by_key(resolved_entities(_stats(CORPUS)))
    assert out["LOC:russia"]["entity_id"] == entity_id("LOC:russia")
    assert entity_id("LOC:russia") == entity_id("LOC:russia")
    assert entity_id("LOC:russia").startswith("e_") and len(entity_id("LOC:russia")) == 18


def test_a_new_full_name_elsewhere_in_the_corpus_makes_a_surname_ambiguous():
    base = [row for row in CORPUS if "erdogan" in row[1]]
    extra = [*base, ("PERSON", "PERSON:ahmet erdogan", "Ahmet Erdogan", None, 1)]
    rows = _by_key(resolved_entities(_stats(extra)))
    assert rows["PERSON:erdogan"]["entity_id"] == entity_id("PERSON:erdogan")
    assert rows["PERSON:tayyip erdogan"]["entity_id"] == entity_id("PERSON:recep tayyip erdogan")


def test_empty_input_gives_an_empty_frame_with_the_columns():
    out = resolved_entities(_stats([]))
    assert out.height == 0
    assert out.columns == ["entity_type", "entity_key", "entity_id", "canonical_name", "country_code"]


def _given_name_stats(counts):
    return pl.DataFrame(
        [{"entity_type": "PERSON", "entity_key": k, "canonical_name": k.split(":")[1].title(), "country_code": None,
          "mention_count": n} for k, n in counts.items()]
    )


@pytest.mark.parametrize(
    ("counts", "joins"),
    [
        # Detik: "Prabowo" is Prabowo Subianto, not Listyo Sigit Prabowo nor a headline fragment.
        ({"PERSON:prabowo": 102, "PERSON:prabowo subianto": 228, "PERSON:listyo sigit prabowo": 9,
          "PERSON:prabowo puji jokowi": 1}, "PERSON:prabowo subianto"),
        # Two full names with similar weight: the given name stays its own entity.
        ({"PERSON:prabowo": 10, "PERSON:prabowo subianto": 20, "PERSON:listyo sigit prabowo": 15}, "PERSON:prabowo"),
    ],
)
def test_a_given_name_joins_its_dominant_full_name(counts, joins):
    rows = _by_key(resolved_entities(_given_name_stats(counts)))
    assert rows["PERSON:prabowo"]["entity_id"] == entity_id(joins)


def _document_stats(documents):
    return pl.DataFrame(
        [{"entity_type": "PERSON", "entity_key": k, "canonical_name": k.split(":")[1].title(), "country_code": None,
          "mention_count": n, "document_count": n} for k, n in documents.items()]
    )


@pytest.mark.parametrize(
    ("documents", "short", "joins"),
    [
        # Detik: "Salah satu warga, Andri (23)" is not the Andri Firmansah another article names in full once.
        ({"PERSON:andri": 2, "PERSON:andri firmansah": 1}, "PERSON:andri", "PERSON:andri"),
        # "Polisi menangkap pelaku pembunuhan ... bernama Erwin (45)": not BI's Erwin Gunawan Hutapea.
        ({"PERSON:erwin": 2, "PERSON:erwin gunawan hutapea": 1}, "PERSON:erwin", "PERSON:erwin"),
        # "kata Teddy": the cabinet secretary, written in full in several articles.
        ({"PERSON:teddy": 2, "PERSON:teddy indra wijaya": 3}, "PERSON:teddy", "PERSON:teddy indra wijaya"),
        # "kata Pramono": a local man named in full once is no rival of the governor written out twice.
        ({"PERSON:pramono": 3, "PERSON:pramono anung": 2, "PERSON:yosdian adi pramono": 1}, "PERSON:pramono",
         "PERSON:pramono anung"),
        # "Atmaja dan Wijaya (2023)": a local "Budi Wijaya" keeps the surname from the cabinet secretary.
        ({"PERSON:wijaya": 1, "PERSON:teddy indra wijaya": 3, "PERSON:budi wijaya": 1}, "PERSON:wijaya", "PERSON:wijaya"),
        # Several words are a strong clue: "Ketut Sukadi" is I Ketut Sukadi, named in full once.
        ({"PERSON:ketut sukadi": 5, "PERSON:i ketut sukadi": 1}, "PERSON:ketut sukadi", "PERSON:i ketut sukadi"),
    ],
)
def test_a_one_word_name_joins_only_a_full_name_written_in_two_articles(documents, short, joins):
    rows = _by_key(resolved_entities(_document_stats(documents)))
    assert rows[short]["entity_id"] == entity_id(joins)


def test_an_english_surname_still_joins_the_full_name_of_one_article():
    # BBC: "Parry said" after another article's "Liverpool chief executive Rick Parry".
    stats = _document_stats({"PERSON:parry": 2, "PERSON:rick parry": 1}).with_columns(pl.lit("en").alias("language"))
    rows = _by_key(resolved_entities(stats))
    assert rows["PERSON:parry"]["entity_id"] == entity_id("PERSON:rick parry")
