"""Malay places written inside a longer capitalised name (issue 16, Utusan).

A known place joined to another capitalised word is no mention of that place. With a geographic
head before it or a compass word after it, the run is a place of its own (``Selat Melaka``,
``Lembah Klang``, ``Selatan India``, ``Asia Barat``), as is a run that names a Malaysian town
(``Kuala Selangor``, ``Padang Besar``). With any other word it is some other name built on the place
(a company ``Watsons Malaysia``, a team ``Putrajaya Cyborg``, a slogan ``Keluarga Malaysia``, an
event ``Tahun Baharu Cina``): the place is dropped. A title (``Presiden Amerika Syarikat``,
``Menteri Besar Kedah``), a state or district word (``Kerajaan Malaysia``, ``Daerah Seremban``), a
date or honorific after it (``Melaka Sabtu``, ``Selangor Datuk``) leaves the place a place.
"""

from __future__ import annotations

from functools import cache

from newsetl.transforms.entities.bound_words import PLACE_MODIFIERS
from newsetl.transforms.entities.english_lexicon import joined
from newsetl.transforms.entities.lexicon import (
    calendar_words, data_rows, folded, function_words, geonames_country_places, title_words, titles,
)
from newsetl.transforms.entities.longer_names import opens_sentence, state_words
from newsetl.transforms.entities.placeness import place_heads
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

_MAX_TITLE_WORDS = 3


@cache
def _kept_heads() -> frozenset[str]:
    """Return the words before a place that name that same place or its government (``Daerah``,
    ``Kerajaan``): the district words of ``district_words_ms.tsv`` and the state words."""
    return frozenset(folded(row[0]) for row in data_rows("district_words_ms.tsv")) | (state_words() - place_heads())


@cache
def _malay_titles() -> frozenset[str]:
    """Return the folded Malay titles and offices (``titles.tsv``, ``titles_ms.tsv``)."""
    return titles("ms") | frozenset(folded(row[0]) for row in data_rows("titles_ms.tsv") if row)


def _capital_at(toks: list[Token], text: str, k: int, joined_to: int, owned: list[bool]) -> bool:
    """Return True when token ``k`` is an unowned capitalised word one space from ``joined_to``."""
    if k < 0 or k >= len(toks) or owned[k]:
        return False
    word = toks[k].text
    return word[:1].isupper() and len(word) > 1 and joined(toks, text, min(k, joined_to), max(k, joined_to))


def _title_before(toks: list[Token], first: int) -> bool:
    """Return True when a title or office ends right before token ``first`` (``Menteri Besar``)."""
    return any(
        folded(" ".join(t.text for t in toks[k:first])) in _malay_titles()
        for k in range(max(0, first - _MAX_TITLE_WORDS), first)
    )


def _town_run(toks: list[Token], text: str, c: Candidate, owned: list[bool]) -> tuple[int, int] | None:
    """Return the longest run of capitalised words around ``c`` that names a Malaysian populated
    place (GeoNames): ``Kuala Selangor``, ``Padang Besar``."""
    towns = geonames_country_places("MY")
    start, end = c.first, c.last
    while _capital_at(toks, text, start - 1, start, owned):
        start -= 1
    while _capital_at(toks, text, end, end - 1, owned):
        end += 1
    runs = [(a, b) for a in range(start, c.first + 1) for b in range(c.last, end + 1) if (a, b) != (c.first, c.last)]
    for a, b in sorted(runs, key=lambda r: r[0] - r[1]):
        if folded(" ".join(t.text for t in toks[a:b])) in towns:
            return a, b
    return None


def _run_before(toks: list[Token], text: str, c: Candidate, owned: list[bool]) -> str | None:
    """Return how the capitalised word before the place ``c`` bears on it: ``place`` (a geographic
    head or compass word: one place with it), ``name`` (another name built on the place) or None."""
    k = c.first - 1
    if not _capital_at(toks, text, k, c.first, owned) or opens_sentence(toks, text, k):
        return None  # a sentence's first word is capitalised whatever it is ("Ketiadaan Melaka")
    word = folded(toks[k].text)
    heads_run = not _capital_at(toks, text, k - 1, k, owned) or opens_sentence(toks, text, k)
    if heads_run and (word in PLACE_MODIFIERS or (word in place_heads() and word not in _kept_heads())):
        return "place"  # not inside a longer run: "Lebuh Raya Seremban" is a road
    start = k
    while _capital_at(toks, text, start - 1, start, owned) and not opens_sentence(toks, text, start):
        start -= 1
    office = any(folded(t.text) in title_words("ms") or folded(t.text) in _malay_titles() for t in toks[start : c.first])
    if office or word in _kept_heads() or _title_before(toks, c.first) or word in calendar_words():
        return None  # "Menteri Luar Norway", "Kerajaan Negeri Sabah": the place itself
    return None if toks[k].text.isupper() else "name"  # shouting capitals ("REZEKI PENIAGA JOHOR") name nothing


def _run_after(toks: list[Token], text: str, c: Candidate, owned: list[bool]) -> str | None:
    """Return how the capitalised word after the place ``c`` bears on it, as ``_run_before`` does."""
    k = c.last
    if not _capital_at(toks, text, k, k - 1, owned) or not toks[k].text.isalpha():
        return None
    word = folded(toks[k].text)
    if word in PLACE_MODIFIERS:
        return "place"
    if word in calendar_words() or word in title_words("ms") or word in _malay_titles() or word in function_words():
        return None
    return None if toks[k].text.isupper() else "name"


def places_in_name_runs(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with each gazetteer place written inside a longer capitalised name
    replaced by that run as a LOC (a place of its own) or dropped (another name built on it)."""
    owned = [False] * len(toks)
    for c in cands:
        owned[c.first : c.last] = [True] * (c.last - c.first)
    out, changed = [], False
    for c in cands:
        if c.entity_type != "LOC" or c.source != "gazetteer":
            out.append(c)
            continue
        before, after = _run_before(toks, text, c, owned), _run_after(toks, text, c, owned)
        if before is None and after is None:
            out.append(c)
            continue
        changed = True
        town = _town_run(toks, text, c, owned)
        if town is not None:
            out.append(Candidate(town[0], town[1], "LOC", "tagger"))
        elif "name" not in (before, after):
            out.append(Candidate(c.first - (before == "place"), c.last + (after == "place"), "LOC", "tagger"))
    return sorted(out, key=lambda c: c.first) if changed else cands
