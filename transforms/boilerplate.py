"""Boilerplate learned from the corpus: lines one outlet repeats across many of its articles.

Known patterns (``transforms.structure``) catch the promos every outlet uses; this
module adds the line-frequency evidence behind boilerpipe and jusText. A short line
that recurs word for word in many documents of one scope (an outlet, else the input
file or folder) is that scope's template: ``SCROLL TO CONTINUE WITH CONTENT``,
``Saksikan Live DetikPagi :``, a newsletter footer. Real sentences recur too, when an
outlet reuses background paragraphs or copies a story, so only short lines count,
and only when they recur in several documents. The counts accumulate in
``staging.boilerplate_lines`` so the lines learned in one run apply to the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import polars as pl

# A line recurring in this many documents of its scope is boilerplate if it is short ...
MIN_DOCUMENTS = 5
MAX_LINE_CHARS = 80
# ... and a longer line (a footer sentence) if it recurs in this share of a large scope.
MIN_SHARE = 0.2
MIN_SHARE_DOCUMENTS = 20
MAX_FOOTER_CHARS = 200

COUNT_SCHEMA = {"scope": pl.String, "line_key": pl.String, "documents": pl.Int64}
_SPACES = re.compile(r"\s+")


def boilerplate_line_key(line: str) -> str:
    """Return the form a line is counted under: casefolded, spaces collapsed, outer spaces and colons dropped."""
    return _SPACES.sub(" ", line).strip(" \t:|-–—").casefold()


# A line ending like a sentence is prose, however often it recurs: outlets reuse background
# sentences, and copied or recombined stories repeat whole paragraphs. Templates are labels
# ("ADVERTISEMENT", "Saksikan Live DetikPagi :"), never sentences.
_SENTENCE_END = tuple('.!?"”’\')»…')


def document_line_keys(text: str) -> set[str]:
    """Return the distinct keys of the lines of ``text`` that could be boilerplate: short, and not sentences."""
    keys = set()
    for line in text.split("\n"):
        line = line.strip()
        if 0 < len(line) <= MAX_FOOTER_CHARS and not line.endswith(_SENTENCE_END):
            key = boilerplate_line_key(line)
            if key:
                keys.add(key)
    return keys


def boilerplate_scope(outlet: str | None, source_uri: str) -> str:
    """Return the scope whose documents share a template: the outlet, else the input file (or a .txt's folder)."""
    if outlet:
        return outlet
    path = urlsplit(source_uri).path
    if not urlsplit(source_uri).fragment:  # a whole file (.txt/.html): its folder holds its siblings
        path = path.rsplit("/", 1)[0] + "/"
    return "file:" + path


# The row of a scope whose line_key is empty counts the scope's documents.
TOTAL_KEY = ""


def line_document_counts(scopes: Iterable[str], texts: Iterable[str]) -> pl.DataFrame:
    """Return ``scope, line_key, documents``: in how many of the given documents each short line occurs.

    Each scope also gets a ``TOTAL_KEY`` row: its number of documents.
    """
    rows = [(scope, key) for scope, text in zip(scopes, texts) for key in (*document_line_keys(text), TOTAL_KEY)]
    if not rows:
        return pl.DataFrame(schema=COUNT_SCHEMA)
    frame = pl.DataFrame(rows, schema={"scope": pl.String, "line_key": pl.String}, orient="row")
    return frame.group_by("scope", "line_key").len("documents").with_columns(pl.col("documents").cast(pl.Int64))


def merged_counts(*counts: pl.DataFrame) -> pl.DataFrame:
    """Return the sum of several ``scope, line_key, documents`` frames."""
    frames = [c.select(COUNT_SCHEMA.keys()).cast(COUNT_SCHEMA) for c in counts if c.height]
    if not frames:
        return pl.DataFrame(schema=COUNT_SCHEMA)
    return pl.concat(frames).group_by("scope", "line_key").agg(pl.col("documents").sum())


def learned_boilerplate(counts: pl.DataFrame) -> dict[str, frozenset[str]]:
    """Return, per scope, the line keys that the counts (with their ``TOTAL_KEY`` rows) show to be boilerplate."""
    totals = counts.filter(pl.col("line_key") == TOTAL_KEY).select("scope", pl.col("documents").alias("total"))
    lines = counts.filter(pl.col("line_key") != TOTAL_KEY)
    length = pl.col("line_key").str.len_chars()
    chosen = lines.join(totals, on="scope", how="left").filter(
        ((pl.col("documents") >= MIN_DOCUMENTS) & (length <= MAX_LINE_CHARS))
        | ((pl.col("documents") >= MIN_SHARE_DOCUMENTS)
           & (pl.col("documents") >= MIN_SHARE * pl.col("total").fill_null(0)) & (length <= MAX_FOOTER_CHARS))
    )
    learned: dict[str, set[str]] = {}
    for scope, key in chosen.select("scope", "line_key").iter_rows():
        learned.setdefault(scope, set()).add(key)
    return {scope: frozenset(keys) for scope, keys in learned.items()}
