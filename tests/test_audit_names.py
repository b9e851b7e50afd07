"""The names audit (newsetl_dev.audit_names) on the seed warehouse: a repeatable sample and the top entities."""

from __future__ import annotations

import duckdb

from newsetl_dev import audit_names


def test_the_audit_prints_the_same_sample_for_a_seed_and_the_top_entities(seed_db, capsys):
    audit_names.main(["--db", str(seed_db), "--sample", "5", "--seed", "3", "--top", "5"])
    first = capsys.readouterr().out
    audit_names.main(["--db", str(seed_db), "--sample", "5", "--seed", "3", "--top", "5"])
    assert capsys.readouterr().out == first
    sampled = [line for line in first.splitlines() if "[[" in line]
    assert len(sampled) == 5  # each drawn mention with its span marked in context
    con = duckdb.connect(str(seed_db), read_only=True)
    top = audit_names.top_entities(con, 5)
    assert [row[2] for row in top] == sorted((row[2] for row in top), reverse=True)
    assert top[0][0] in first and "Armenia" in {row[0] for row in top}  # the seeds are about the Karabakh war
