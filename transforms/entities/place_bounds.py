"""Indonesian place names whose bounds or type the earlier passes drew wrong (issue 16, Detik).

A place and its compass or extent word (``Indonesia Timur``, ``Semarang Raya``), a province's short
name typed ORG (``NTT``), a place after a regional office or ``asal`` (``DPRD Solo``, ``asal
Sidoarjo``), district names read as a person (``Nagrak Cibadak``, ``Tana Toraja``), and places that
open another name: a slogan (``Indonesia Emas``), an English body (``Bandung Zoo``), a school
(``SMP 3 Denpasar``).
"""

from __future__ import annotations

from functools import cache

from newsetl.transforms.entities.bound_words import NUMBER_WORDS, PLACE_MODIFIERS, adjacent
from newsetl.transforms.entities.gazetteer import gazetteer_entry, known_name_type
from newsetl.transforms.entities.headed import HEADS
from newsetl.transforms.entities.lexicon import (
    calendar_words, capital_shares, district_names, folded, function_words, head_words, is_common_word, titles,
)
from newsetl.transforms.entities.placeness import known_place
from newsetl.transforms.entities.spans import MAX_NAME_TOKENS as MAX_NAME_WORDS
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, is_acronym
from newsetl.transforms.entities.tokens import Token
from newsetl.transforms.lexicons import rows


@cache
def _province_short_names() -> frozenset[str]:
    """Return the press short names of Indonesia's provinces (``NTT``, ``DIY``, ``Jabar``), as written."""
    return frozenset(r[1] for r in rows("data/id_province_short_names.tsv") if len(r) >= 2)


def provinces_as_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a one-word ORG that is a province's short name (``Manggarai
    Barat, NTT``; ``DIY``) retyped LOC: the province, as ``Jatim`` and ``Sumut`` are read."""
    names = _province_short_names()
    return [
        Candidate(c.first, c.last, "LOC", c.source)
        if c.entity_type == "ORG" and c.source in RULE_SOURCES and c.last - c.first == 1 and toks[c.first].text in names
        else c
        for c in cands
    ]


# Offices held over a region, written before the region's name (``Bupati Badung``, ``Wali Kota Solo``).
# Source: UU 23/2014 (Pemerintahan Daerah); Polri regional commands (Wikipedia id).
_REGION_OFFICES = frozenset({
    "bupati", "wali kota", "walikota", "gubernur", "sekda", "kapolres", "kapolresta", "kapolda", "kajari", "kajati",
})


# Words before a place of origin or location (``asal Sidoarjo``, ``di Solo``). Source: KBBI.
_PLACE_PREPOSITIONS = frozenset({"asal", "di", "ke", "dari"})


def places_continued(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a place widened over the compass or extent word written after it
    (``Indonesia Timur``, ``Asia Pasifik``, ``Semarang Raya``): the whole names the area; a tagger
    name the modifier alone was read as (``Raya``) is absorbed."""
    at = {c.first: c for c in cands}
    absorbed: set[int] = set()
    out = []
    for c in cands:
        if c.first in absorbed:
            continue
        k = c.last
        alone = at.get(k)
        if (
            c.entity_type == "LOC" and k < len(toks) and adjacent(toks, k - 1, k)
            and toks[k].text[:1].isupper() and toks[k].text.lower() in PLACE_MODIFIERS
            and toks[c.last - 1].text.lower() not in PLACE_MODIFIERS
            and (alone is None or (alone.last == k + 1 and alone.source in ("tagger", "propagated")))
        ):
            if alone is not None:
                absorbed.add(k)
            name = " ".join(t.text for t in toks[c.first : k + 1])
            entry = gazetteer_entry(name)
            if entry is not None and entry.entity_type == "LOC":
                c = Candidate(c.first, k + 1, "LOC", "gazetteer", entry.canonical_name, entry.entity_key,
                              entry.country_code, entry.kind)
            else:
                c = Candidate(c.first, k + 1, "LOC", "tagger")
        out.append(c)
    return out


def _qualifier(word: str) -> bool:
    """Return True for a word a region qualifies (``DPRD``, ``Polres``, ``Bupati``); a rank or an
    honorific (``AKBP``, ``Ipda``, ``Pak``) qualifies a person."""
    low = folded(word)
    return (is_acronym(word) and low not in titles("id")) or low in HEADS or low in _REGION_OFFICES


def qualified_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a one-word PERSON written after a regional body or office that is
    a known place (``DPRD Solo``, ``Kapolres Tasikmalaya``), or after ``asal``/``di``/``ke``/``dari``
    that is an Indonesian region (``asal Sidoarjo``), retyped LOC: the region served or come from;
    not a word of the document's longer person names."""
    people = {t.text for c in cands if c.entity_type == "PERSON" and c.last - c.first >= 2 for t in toks[c.first : c.last]}
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first == 1 and c.first > 0:
            word, before = toks[c.first].text, toks[c.first - 1].text
            office = _qualifier(before) or (
                c.first > 1 and folded(f"{toks[c.first - 2].text} {before}") in _REGION_OFFICES
            )
            origin = before in _PLACE_PREPOSITIONS and folded(word) in district_names() and word not in people
            if (office and known_place(word) or origin) and known_name_type(word) != "ORG":
                c = Candidate(c.first, c.last, "LOC", c.source)
        out.append(c)
    return out


def slogan_countries_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without a country written before a capitalised common adjective or
    noun (``Indonesia Emas 2045``, ``Kabinet Indonesia Maju``, ``Bali Baru``): the country opens a
    slogan's or programme's name, which names no place."""
    starts = {c.first for c in cands}
    out = []
    for c in cands:
        k = c.last
        if (
            c.entity_type == "LOC" and c.kind in ("country", "province", "region") and k < len(toks) and k not in starts
            and adjacent(toks, k - 1, k) and toks[k].text[:1].isupper() and not toks[k].text.isupper()
            and toks[k].text.isalpha() and is_common_word(toks[k].text, "id")
            and capital_shares("id").get(toks[k].text.lower()) in ("c0", "c1")
            and toks[k].text.lower() not in NUMBER_WORDS and toks[k].text.lower() not in calendar_words()
            and toks[k].text.lower() not in function_words() and toks[k].text.lower() not in PLACE_MODIFIERS
        ):
            continue
        out.append(c)
    return out


def district_runs_as_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a PERSON of two words or more, each an Indonesian district's name
    (``Nagrak Cibadak``, ``Sembalun Lawang``) or together a regency's (``Tana Toraja``), retyped LOC: a place and its district, no person; the
    document's one-word PERSONs of those words follow (a district retyped LOC, another word dropped)."""
    districts = district_names()
    runs = [
        c for c in cands
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first >= 2 and (
            all(len(t.text) >= 4 and folded(t.text) in districts for t in toks[c.first : c.last])
            or folded(" ".join(t.text for t in toks[c.first : c.last])) in districts  # "Tana Toraja"
        )
    ]
    if not runs:
        return cands
    words = {t.text for c in runs for t in toks[c.first : c.last]}
    out = []
    for c in cands:
        if c in runs:
            c = Candidate(c.first, c.last, "LOC", c.source)
        elif c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first == 1 and toks[c.first].text in words:
            c = Candidate(c.first, c.last, "LOC", c.source)
        out.append(c)
    return out


# English words closing a body's name after a place (``London School of Economics``, ``Bandung Zoo``)
# beside head_words.tsv's English ORG heads (``University``, ``Institute``, ``Post``). Source: Wikipedia
# (en) names of schools, zoos and colleges the Indonesian press cites in English.
_ENGLISH_BODY_HEADS = frozenset({"school", "college", "zoo", "academy", "hospital", "club", "centre", "center"})
_ENGLISH_JOINERS = frozenset({"of", "and", "&", "for"})


def _english_body_head(word: str) -> bool:
    low = word.lower()
    return low in _ENGLISH_BODY_HEADS or head_words("en").get(low) == "ORG"


def english_bodies_after_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a place opening an English body's name made that body's ORG
    (``London School of Economics and Political Science``, ``Bandung Zoo``): no mention of the place."""
    found = []
    for c in cands:
        k = c.last
        if c.entity_type != "LOC" or k >= len(toks) or not adjacent(toks, k - 1, k) or not _english_body_head(toks[k].text):
            continue
        if not toks[k].text[:1].isupper():
            continue
        end = k + 1
        # "School of Economics and Political Science": the name runs on only through "of"/"and".
        while end + 1 < len(toks) and toks[end].text in _ENGLISH_JOINERS and toks[end + 1].text[:1].isupper():
            j = end + 1
            while j < len(toks) and j - c.first < MAX_NAME_WORDS and (
                (adjacent(toks, j - 1, j) and toks[j].text[:1].isupper())
                or (toks[j].start == toks[j - 1].end and "-" in (toks[j].text, toks[j - 1].text))
            ):
                j += 1
            if j == end + 1:
                break
            end = j
        found.append((c.first, end))
    if not found:
        return cands
    out = []
    for c in cands:
        hit = next(((a, b) for a, b in found if a <= c.first < b or c.first <= a < c.last), None)
        if hit is None:
            out.append(c)
        elif c.entity_type == "PERSON" and c.last > hit[1] + 1:
            out.append(Candidate(hit[1], c.last, "PERSON", c.source))  # "Bandung Zoo Sulhan Syafi'i": the spokesman after it
    out += [Candidate(a, b, "ORG", "tagger") for a, b in found]
    return sorted(out, key=lambda c: c.first)


# Indonesian school kinds written before the school's number and place (``SMP 3 Denpasar``, ``SMPN 1
# Cisarua``). Source: Permendikbud school levels (SD, SMP, SMA, SMK; negeri: SDN, SMPN, SMAN, SMKN) and
# Kemenag madrasah levels (MI, MTs, MA; negeri: MIN, MTsN, MAN).
_SCHOOL_KINDS = frozenset({"SD", "SDN", "SMP", "SMPN", "SMA", "SMAN", "SMK", "SMKN", "MI", "MIN", "MTs", "MTsN", "MAN"})


def schools_named(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a school's kind, number and place made one ORG (``SMP 3 Denpasar``):
    the place names the school, no place mention."""
    out = []
    for c in cands:
        k = c.first
        if (
            c.entity_type == "LOC" and k >= 2 and toks[k - 1].text.isdigit() and toks[k - 2].text in _SCHOOL_KINDS
            and adjacent(toks, k - 2, k - 1) and adjacent(toks, k - 1, k)
        ):
            c = Candidate(k - 2, c.last, "ORG", "tagger")
        out.append(c)
    return out
