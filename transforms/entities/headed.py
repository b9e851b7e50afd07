"""Institution names opened by a government head word: ``Pemerintah Provinsi Riau``, ``Polda Metro Jaya``.

The tagger often keeps only the place (``Riau``) of such names; a head word followed by
capitalised words on the same line is one ORG, places included.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from newsetl.transforms.entities.gazetteer import GazetteerMatch
from newsetl.transforms.entities.lexicon import calendar_words, district_names, folded
from newsetl.transforms.entities.roles import title_end
from newsetl.transforms.entities.spans import is_name_text
from newsetl.transforms.entities.tokens import TextMemo, Token, TokenTexts

# Heads of Indonesian and Malay institution names (hand-picked from the Detik stakeholder lists).
HEADS = frozenset({
    "pemerintah", "pemprov", "pemkot", "pemko", "pemkab", "pemda", "polda", "polres", "polrestabes", "polsek",
    "satgas", "kabinet", "dinas", "badan", "kejaksaan", "kejati", "kejari", "pengadilan", "majelis",
    "komisi", "lembaga", "yayasan", "persatuan", "tabung", "jabatan", "majlis", "inspektorat", "fakulti", "fakultas",
    "sekretariat", "direktorat", "ditjen", "bapenda", "universitas", "kodam", "korem", "kodim", "pasukan",
    "polresta", "kepolisian", "himpunan", "perhimpunan", "asosiasi", "ikatan", "serikat", "gabungan", "koperasi",
    "jawatankuasa", "panitia", "satuan", "otoritas", "kanwil", "densus",
    # Issue 16 (Detik): national commissions, coalitions and technical agencies ("Komnas Perempuan",
    # "Koalisi Ambisi Tinggi", "Balai Besar Wilayah Sungai"); source: Wikipedia (id) "Lembaga nonstruktural".
    "komnas", "koalisi", "balai",
})
# "Balai Kota", "Balai Desa", "Balai Sidang": a town or village hall, a convention hall: a building, no body.
_BUILDING_AFTER_HEAD = {"balai": frozenset({"kota", "desa", "kelurahan", "warga", "pertemuan", "rakyat", "kampung", "sidang"})}
_JOINERS = frozenset({"dan", "&"})
MAX_TOKENS = 10
_MAX_REGION_WORDS = 3


@cache
def _indonesian_country_names() -> dict[str, str]:
    """Return ISO 3166-1 alpha-2 codes mapped to their Indonesian names (CLDR via babel)."""
    return dict(Locale("id").territories)


# Words naming a country's own body when the country follows (``Pemerintah Australia``,
# ``Timnas Indonesia``, the national team): the body acts and is quoted, an ORG, not the place.
_COUNTRY_BODY_HEADS = {"pemerintah": "Pemerintah", "timnas": "Timnas"}


def country_body_orgs(toks: list[Token], gazetteer: list[GazetteerMatch]) -> list[tuple[int, int, str, str]]:
    """Return ``(first, last, canonical name, country code)`` of a country's government or national
    team: ``Pemerintah Australia``, ``pemerintah Tiongkok`` (``Pemerintah Tiongkok``), ``Pemerintah RI``
    (``Pemerintah Indonesia``), ``Timnas Indonesia``; named in Indonesian (CLDR) whichever form of the
    country the text writes, in either case (Indonesian lower-cases ``pemerintah`` as a common noun)."""
    countries = {m.first: m for m in gazetteer if m.entry.kind == "country" and m.entry.country_code}
    found = []
    for i, tok in enumerate(toks[:-1]):
        match = countries.get(i + 1)
        head = _COUNTRY_BODY_HEADS.get(tok.text.lower())
        if head is not None and match is not None and tok.text[1:].islower():
            code = match.entry.country_code
            name = _indonesian_country_names().get(code) or match.entry.canonical_name
            found.append((i, match.last, f"{head} {name}", code))
    return found


def _tight(toks: list[Token], j: int) -> bool:
    return toks[j].start == toks[j - 1].end


def _unit_number_end(toks: list[Token], j: int) -> int | None:
    """Return the end of a military or police unit's number and home base after its head
    (``Kodim 0830/Surabaya``, ``Korem 084/Bhaskara Jaya``: the number, ``/``, a capitalised word;
    ``Densus 88 Antiteror``: the number and a capitalised word that is no month)."""
    n = len(toks)
    if j + 1 >= n or not toks[j].text.isdigit():
        return None
    if j + 2 < n and toks[j + 1].text == "/" and _tight(toks, j + 1) and _tight(toks, j + 2):
        return j + 3 if toks[j + 2].text[:1].isupper() else None
    nxt = toks[j + 1].text
    if nxt[:1].isupper() and nxt.isalpha() and not _tight(toks, j + 1) and folded(nxt) not in calendar_words():
        return j + 2
    return None


def region_end(toks: list[Token], j: int) -> int | None:
    """Return the end of the longest Indonesian region name (Kemendagri) opening at ``j``, else None."""
    regions = district_names()
    end = None
    for k in range(j + 1, min(len(toks), j + _MAX_REGION_WORDS) + 1):
        if not toks[k - 1].text[:1].isupper():
            break
        if folded(" ".join(t.text for t in toks[j:k])) in regions:
            end = k
    return end


_OPENING = TextMemo(lambda word: word[:1].isupper() and word.lower() in HEADS)


def headed_orgs(toks: list[Token], text: str, gazetteer: list[GazetteerMatch],
                texts: TokenTexts | None = None) -> list[tuple[int, int]]:
    """Return ``(first, last)`` of head-word institution names not already a gazetteer ORG
    (``texts`` the index of ``toks``, when built already)."""
    org_starts = {m.first for m in gazetteer if m.entry.entity_type == "ORG"}
    # "Amerika Serikat Donald Trump": a head word inside a gazetteer name ("Serikat") opens nothing.
    inside = {k for m in gazetteer for k in range(m.first + 1, m.last)}
    # "Pemerintah Inggris" is the country acting: its mention stays the country's.
    countries = {(m.first, m.last) for m in gazetteer if m.entry.kind == "country"}
    # "Pasukan Baku" are the city's forces: a force named by one place is that place acting.
    places = {(m.first, m.last) for m in gazetteer if m.entry.entity_type == "LOC"}
    spans = []
    n = len(toks)
    reach = 0  # left to right; tokens up to the end of an earlier name start nothing
    for i in _OPENING.positions(texts or TokenTexts(toks)):
        if i < reach or i in org_starts or i in inside:
            continue
        if i + 1 < n and toks[i + 1].text.lower() in _BUILDING_AFTER_HEAD.get(toks[i].text.lower(), ()):
            continue
        j = i + 1
        unit_end = _unit_number_end(toks, j)
        if unit_end is not None:
            j = unit_end
        regioned = False  # the last words named a region ("Kejari Binjai")
        while j < n and j - i < MAX_TOKENS and "\n" not in text[toks[j - 1].end : toks[j].start]:
            word = toks[j].text
            if word[:1].isupper() and title_end(toks, j, "id") is None:
                region = region_end(toks, j)
                if regioned and region is None and is_name_text(word, "id") and word.lower() not in HEADS:
                    break  # "Kejari Binjai Noprianto Sihombing": the office ends with its region
                regioned = region is not None
                j = region or j + 1
            elif (
                word in _JOINERS and j + 1 < n and toks[j + 1].text[:1].isupper()
                and toks[j + 1].text.lower() not in HEADS  # "Pemprov Riau dan Dinas ..." are two
                and j + 2 - i <= MAX_TOKENS
            ):
                j += 2
            else:
                break
        while j > i + 1 and toks[j - 1].text in _JOINERS:
            j -= 1
        if j > i + 1 and (i + 1, j) not in countries and not (toks[i].text.lower() == "pasukan" and (i + 1, j) in places):
            spans.append((i, j))
        reach = j
    return spans
