"""marts.entity_aliases on the seed warehouse: each written form of an entity, how it was linked, how often."""

from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def aliases(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    rows = con.execute(
        "SELECT a.alias, e.canonical_name, a.link_method, a.mention_count, a.document_count "
        "FROM marts.entity_aliases AS a JOIN marts.entities AS e USING (entity_id)").fetchall()
    linked = con.execute("SELECT count(*) FROM marts.entity_mentions WHERE entity_id IS NOT NULL").fetchone()[0]
    con.close()
    return rows, linked


@pytest.mark.parametrize(
    ("alias", "entity", "method"),
    [
        # "Erdogan" alone in one seed article, "Recep Tayyip Erdogan" in another: resolution joins them.
        ("Erdogan", "Recep Tayyip Erdogan", "corpus short form"),
        # The Indonesian exonym is the gazetteer's alias of the English canonical name.
        ("Rusia", "Russia", "document or gazetteer"),
        ("Moskow", "Moscow", "document or gazetteer"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "name"),
    ],
)
def test_each_alias_keeps_its_entity_and_how_it_was_linked(aliases, alias, entity, method):
    rows, _ = aliases
    assert (alias, entity, method) in {(a, e, m) for a, e, m, _n, _d in rows}


def test_every_linked_mention_is_counted_once_under_one_alias(aliases):
    rows, linked = aliases
    assert sum(n for *_rest, n, _d in rows) == linked
    assert all(0 < d <= n for *_rest, n, d in rows)
