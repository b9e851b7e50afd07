"""Which level a bare Indonesian region name means in a document: the regency or the city of that name.

Kemendagri has both a Kabupaten and a Kota of many names (Bogor, Pasuruan, Sukabumi); a document that
writes ``Bupati Pasuruan`` or ``Kabupaten Pasuruan`` and never ``Kota``/``Pemkot``/``Wali Kota
Pasuruan`` means the regency by a bare ``Pasuruan``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from newsetl.transforms import lexicons
from newsetl.transforms.entities.lexicon import folded
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token


@cache
def _two_level_names() -> frozenset[str]:
    """Return folded short names that are both a kabupaten and a kota (``bogor``, ``pasuruan``; Kemendagri)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in lexicons.rows("data/id_regions.tsv"):
        if len(row) >= 5 and row[1] == "regency":
            kinds[folded(row[4])].add(row[2])
    return frozenset(name for name, levels in kinds.items() if {"kabupaten", "kota"} <= levels)


def one_level_name(name: str) -> bool:
    """Return True when ``name`` is no short name of both a kabupaten and a kota (``Makassar``, not
    ``Bogor``): ``KPU Kota Makassar`` and ``KPU Makassar`` are then one body."""
    return folded(name) not in _two_level_names()


# Words before a region's name that say which level it is (``Bupati Pasuruan``, ``Pemkot Bogor``).
# Source: KBBI; Kemendagri office names (bupati heads a kabupaten, wali kota a kota).
_REGENCY_CUES = (("kabupaten",), ("kab",), ("pemkab",), ("bupati",), ("wabup",), ("kab", "."))
_CITY_CUES = (("kota",), ("pemkot",), ("walikota",), ("wali", "kota"), ("wawali",))


def _level_cues(toks: list[Token], names: frozenset[str]) -> dict[str, set[str]]:
    """Return, per two-level name the document writes, the levels its cue words give it."""
    levels: dict[str, set[str]] = defaultdict(set)
    words = [t.text.lower() for t in toks]
    for k, tok in enumerate(toks):
        key = folded(tok.text)
        if key not in names or not tok.text[:1].isupper():
            continue
        for cues, level in ((_REGENCY_CUES, "kabupaten"), (_CITY_CUES, "kota")):
            if any(k >= len(cue) and tuple(words[k - len(cue) : k]) == cue for cue in cues):
                levels[key].add(level)
    return levels


def regency_levels(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a bare region name that is both a kabupaten and a kota
    (``Pasuruan``) made the regency when the document says only ``Kabupaten``/``Pemkab``/``Bupati``
    before that name: its entity is then ``Kabupaten Pasuruan``. A document that says ``Kota``/``Pemkot``
    /``Wali Kota`` or both keeps the bare name, which the geocoder reads as the city."""
    if language != "id":
        return cands
    names = _two_level_names()
    if not any(folded(toks[c.first].text) in names for c in cands if c.entity_type == "LOC" and c.last - c.first == 1):
        return cands
    levels = _level_cues(toks, names)
    out = []
    for c in cands:
        if c.entity_type == "LOC" and c.last - c.first == 1:
            key = folded(toks[c.first].text)
            if levels.get(key) == {"kabupaten"}:
                name = "Kabupaten " + toks[c.first].text
                c = Candidate(c.first, c.last, "LOC", c.source, name, "LOC:" + folded(name), None, "region")
        out.append(c)
    return out
