"""Indonesian place mentions the text gives evidence for, one place per mention.

The Indonesian tagger calls many capitalised words LOC (a contingent, a soap brand, a job title);
a place it finds that no gazetteer knows must show it is one: a preposition before it
(``di Misano``), a place head opening it (``Desa Sekapuk``, ``Pulau Gag``) or an address chain
around it (``Legian, Badung, Bali``). Lists and routes the tagger ran together are split
(``Luwu Luwu Timur``, ``Bojonegara-Puloampel``). ``levels.py`` says which level a bare regency name means.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from newsetl.transforms import lexicons
from newsetl.transforms.entities.gazetteer import known_name_type
from newsetl.transforms.entities.lexicon import city_populations, data_rows, district_names, folded, head_words, word_classes
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate
from newsetl.transforms.entities.tokens import Token

# Words after which a name is a place ("di Misano", "asal Gumantar", "menuju Legian").
# Source: KBBI (locative prepositions and nouns); "hingga"/"sampai" also close lists of anything.
_PREPOSITIONS = frozenset({"di", "ke", "dari", "menuju", "asal", "daerah", "wilayah", "kawasan", "sekitar", "arah"})
# Tokens joining the items of a list or the ends of a route inside one tagger span.
_LIST_JOINS = frozenset({",", "dan", "serta", "&", "/"})
# Tokens joining a name to a place beside it in an address or a list.
_CHAIN_JOINS = frozenset({",", "dan", "serta", "atau"})
# Words closing an address that are no part of a street's name ("Jalan Kapten Muslihat Nomor 18").
_ADDRESS_TAILS = frozenset({"nomor", "no", "nomer", "rt", "rw", "blok", "km"})
# Candidates placeness may cut, split or drop: the tagger's and rules' (a street too), never a gazetteer name.
_RULED = RULE_SOURCES | {"street"}
_MAX_ROUTE_TAIL = 3


@cache
def place_heads() -> frozenset[str]:
    """Return the lower-case words opening Indonesian place names (``place_heads.tsv``)."""
    return frozenset(row[0].lower() for row in data_rows("place_heads.tsv"))


@cache
def not_place_nouns() -> frozenset[str]:
    """Return the lower-case common nouns no place name holds (``not_place_nouns.tsv``)."""
    return frozenset(row[0].lower() for row in data_rows("not_place_nouns.tsv"))


@cache
def _compact_districts() -> frozenset[str]:
    """Return Kemendagri region names with their spaces dropped: the press writes compounds both ways
    (``Pulo Ampel`` / ``Puloampel``, ``Jampang Tengah`` / ``Jampangtengah``)."""
    return frozenset(name.replace(" ", "") for name in district_names())


@cache
def _region_short_names() -> frozenset[str]:
    """Return the folded short names the press gives regencies and cities (``jaksel``, ``solo``, ``kukar``;
    ``transforms/data/id_regency_short_names.tsv``)."""
    return frozenset(folded(row[1]) for row in lexicons.rows("data/id_regency_short_names.tsv") if len(row) >= 2)


def known_place(name: str) -> bool:
    """Return True for a name a gazetteer knows as a place: a country, a ``places.tsv`` city or region,
    an Indonesian province, regency or district (Kemendagri, spaced or not, or its press short name),
    or a GeoNames city."""
    key = folded(name)
    return bool(key) and (
        known_name_type(name) == "LOC" or key in district_names() or key in city_populations()
        or key in _region_short_names() or (" " not in key and key in _compact_districts())
    )


def _text(toks: list[Token], first: int, last: int) -> str:
    return " ".join(t.text for t in toks[first:last])


def _headed(toks: list[Token], first: int, last: int) -> bool:
    """Return True when a place head opens the span or is written just before it (``kota Medan``)."""
    return toks[first].text.lower() in place_heads() or (first > 0 and toks[first - 1].text.lower() in place_heads())


def _tight(toks: list[Token], k: int) -> bool:
    """Return True for a hyphen written tight between two words (``Bojonegara-Puloampel``)."""
    return toks[k].text == "-" and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start


def _parts(toks: list[Token], c: Candidate) -> list[tuple[int, int]]:
    """Return the places a span runs together, or the span alone.

    A span cut by list joins or tight hyphens into parts that each name a place (a gazetteer name
    or a head word opening it) is those parts: ``Bekasi, Bogor dan Depok``, ``Cibadak-Cisaat``,
    ``Jalan Kota Langsa-Kota Kuala Simpang`` (a route: its ends are the places). A span no joiner
    cuts is two places when it is two gazetteer names written side by side (``Luwu Luwu Timur``).
    """
    first, last = c.first, c.last
    if known_place(_text(toks, first, last)):
        return [(first, last)]
    cuts = [k for k in range(first + 1, last - 1) if toks[k].text.lower() in _LIST_JOINS or _tight(toks, k)]
    if cuts:
        street = c.source == "street" and toks[first].text.lower() in place_heads()
        start = first + 1 if street else first  # a route's street head ("Jalan") is no part of its first end
        bounds = list(zip([start] + [k + 1 for k in cuts], cuts + [last]))
        if street and bounds:
            a, b = bounds[-1]
            # The street rule stops after a few words; the route's last end runs on ("Kota Kuala Simpang").
            while b < len(toks) and b - a < _MAX_ROUTE_TAIL + 1 and toks[b].text[:1].isupper() and toks[b].text.isalpha() \
                    and toks[b].start - toks[b - 1].end == 1:
                b += 1
            bounds[-1] = (a, b)
        parts = [(a, b) for a, b in bounds if a < b]
        # Every end a known place, or every end opened by its own head ("Kota Langsa-Kota Kuala Simpang");
        # a head before the first end only governs the whole ("Bandara Soekarno-Hatta").
        if len(parts) > 1 and (
            all(known_place(_text(toks, a, b)) and toks[a].text.lower() not in place_heads() for a, b in parts)
            or all(toks[a].text.lower() in place_heads() for a, b in parts)
        ):
            return parts
        return [(first, last)]
    # Two Kemendagri regions written side by side, a comma lost between them ("Luwu Luwu Timur");
    # a head opening either part makes one name of them ("Pendopo Kabupaten Bangkalan", "Kota Makkah").
    regions = district_names()
    for k in range(first + 1, last):
        if (
            folded(_text(toks, first, k)) in regions and folded(_text(toks, k, last)) in regions
            and toks[first].text.lower() not in place_heads() and toks[k].text.lower() not in place_heads()
        ):
            return [(first, k), (k, last)]
    return [(first, last)]


_MAX_REGION_TAIL = 3


# Polri and TNI ranks: only a person's name follows one ("Ipda Samosir", "Iptu Bone"), never a place,
# unlike an office ("Bupati Samosir"). Source: Perkap 3/2016 (Polri ranks); UU 34/2004 (TNI ranks).
_RANKS = frozenset({
    "bripda", "briptu", "brigpol", "brigadir", "bripka", "aipda", "aiptu", "ipda", "iptu", "akp", "kompol", "akbp",
    "kombes", "brigjen", "irjen", "komjen", "prada", "pratu", "praka", "kopda", "koptu", "kopka", "serda", "sertu",
    "serka", "serma", "pelda", "peltu", "letda", "lettu", "letkol", "kolonel", "mayjen", "letjen",
})


def ranked_people(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a LOC written right after a Polri/TNI rank typed PERSON (``Ipda Samosir``
    leads a police team; Samosir is his name, not the regency)."""
    if language != "id":
        return cands
    return [
        Candidate(c.first, c.last, "PERSON", "title")
        if c.entity_type == "LOC" and c.first > 0 and c.last - c.first <= 3 and toks[c.first - 1].text.lower() in _RANKS
        else c
        for c in cands
    ]


# Nouns before a disease's name ("pandemi Corona", "virus Nipah", "varian Delta"): what follows is no place.
# Source: KBBI.
_DISEASE_NOUNS = frozenset({"pandemi", "virus", "wabah", "varian", "penyakit"})


def _disease(toks: list[Token], c: Candidate) -> bool:
    """Return True for a LOC written after a disease noun (``pandemi Corona``)."""
    return c.entity_type == "LOC" and c.first > 0 and toks[c.first - 1].text.lower() in _DISEASE_NOUNS


# Prefixes of Indonesian ministry short names ("Kemendikdasmen", "Kemenkeu"). Source: KBBI; ministry usage.
_MINISTRY_PREFIXES = ("Kemen",)


# Heads of buildings, offices and states that alone name no one place ("Kepala Balai Pelaksanaan Jalan",
# "di Pendopo", "momok banget di Republik ini").
# Source: KBBI.
_BARE_HEADS = frozenset({
    "balai", "pusat", "gedung", "kantor", "istana", "pendopo", "markas", "aula", "republik", "negara", "kerajaan",
})


# Heads of hospitals, clinics, prisons and schools (KBBI): a tagger LOC opening with one names the
# institution, which the stakeholders and quotes treat as a body (``RSUD Sekayu``, ``Lapas Sukamiskin``),
# so it is kept as an ORG; other organisation heads (``Kantor``, ``Rumah``, ``Masjid``) name buildings too.
_INSTITUTION_HEADS = frozenset({"rsud", "rsup", "rsia", "puskesmas", "lapas", "rutan", "institut", "politeknik"})


def _no_place_word(word: str) -> bool:
    """Return True for one word that names no place by its form: a possessive (``Instagramnya``),
    a brand's inner capital (``MotoGP``, ``iMessage``) or a ministry's short name (``Kemendikdasmen``)."""
    if word.endswith("nya") and len(word) > 5:
        return True
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
        return True
    return word.startswith(_MINISTRY_PREFIXES)


def _unknown_acronym(toks: list[Token], c: Candidate) -> bool:
    """Return True for an all-capital span no gazetteer knows (``ISEAS``, ``PBI``, ``KIPP``)."""
    return all(t.text.isupper() for t in toks[c.first : c.last] if t.text.isalpha()) and not known_place(
        _text(toks, c.first, c.last))


def _org_headed(toks: list[Token], c: Candidate) -> bool:
    """Return True for a span an Indonesian organisation head opens (``Institut``) or an organisation
    head closes (``University``, ``Foundation``) after no place head (a street may bear any name: ``Gang Masjid``)."""
    last = toks[c.last - 1].text.lower()
    return head_words("id").get(toks[c.first].text.lower()) == "ORG" or (
        c.last - c.first > 1 and toks[c.first].text.lower() not in place_heads()
        and "ORG" in (head_words("id").get(last), head_words("en").get(last)))


# Words closing Indonesian place names after their head and name ("Stasiun MRT Dukuh Atas", "Pasar
# Minggu Baru"): a headed place the tagger cut before one runs on over it. Source: KBBI; Kemendagri names.
_PLACE_TAILS = frozenset({"Atas", "Bawah", "Barat", "Timur", "Utara", "Selatan", "Tengah", "Raya", "Baru", "Lama", "Hilir", "Hulu"})


def _region_completed(toks: list[Token], c: Candidate, covered: list[bool]) -> Candidate:
    """Return a headed LOC the tagger cut inside a Kemendagri region's name run on to its end
    (``Kabupaten Seram`` + ``Bagian Barat``); other candidates as they are."""
    if c.entity_type != "LOC" or c.source not in _RULED or toks[c.first].text.lower() not in place_heads():
        return c
    best = c.last
    end = c.last
    while end < len(toks) and end - c.last < _MAX_REGION_TAIL and not covered[end] and toks[end].text[:1].isupper() \
            and toks[end].text.isalpha() and toks[end].start - toks[end - 1].end == 1:
        end += 1
        if folded(_text(toks, c.first + 1, end)) in district_names():
            best = end
    while best < len(toks) and best - c.last < 2 and not covered[best] and toks[best].text in _PLACE_TAILS \
            and toks[best].start - toks[best - 1].end == 1:
        best += 1
    return c if best == c.last else Candidate(c.first, best, "LOC", c.source)


def _evidenced(toks: list[Token], first: int, last: int) -> bool:
    """Return True when the words themselves show that tokens ``first:last`` name a place: a gazetteer
    name, a place head, or a locative preposition before it (``di Misano``).

    The preposition counts written in lower case, as running text writes it (a title-case name may
    hold one: ``Menuju Terwujudnya Gapura``), and not before a word NERP knows as an organisation's or
    a person's (``di Apple``).
    """
    if known_place(_text(toks, first, last)) or _headed(toks, first, last):
        return True
    if last - first == 1 and word_classes("id").get(toks[first].text.lower()) in ("ORG", "PER"):
        return False
    before = toks[first - 1].text if first > 0 else ""
    return before.islower() and before in _PREPOSITIONS


def _chained(toks: list[Token], first: int, last: int, placed: list[bool]) -> bool:
    """Return True for a name in an address chain or a list of places: a comma or ``dan`` joins it to a
    shown place before or after it (``Jalan Pattimura, Legian, Badung``, ``Gumantar, Lombok Utara``,
    ``Desa Cijulang dan Bojongtipar``), or it is the acronym a bracket gives a place (``Ibu Kota
    Nusantara (IKN)``)."""
    after = last + 1 < len(toks) and toks[last].text.lower() in _CHAIN_JOINS and placed[last + 1]
    before = first > 1 and toks[first - 1].text.lower() in _CHAIN_JOINS and placed[first - 2]
    bracketed = first > 1 and toks[first - 1].text == "(" and last < len(toks) and toks[last].text == ")"
    return after or before or (bracketed and placed[first - 2])


def _named_places(toks: list[Token], c: Candidate) -> list[Candidate]:
    """Return what one tagger or rule LOC leaves as places: nothing for a name no place bears (an ORG
    for an institution's: ``RSUD Sekayu``), its parts for a list or route, else the span less the
    lower-case and address words closing it."""
    last = c.last
    # Address and lower-case words closing the span are no part of a name ("Jalan X Nomor", "RS pemerintah").
    while last - c.first > 1 and (toks[last - 1].text.lower() in _ADDRESS_TAILS or toks[last - 1].text.islower()):
        last -= 1
    c = Candidate(c.first, last, "LOC", c.source, c.canonical_name if last == c.last else None)
    name = _text(toks, c.first, c.last)
    if any(t.text.lower() in not_place_nouns() for t in toks[c.first : c.last]):
        return []
    if c.last - c.first == 1 and toks[c.first].text.lower() in _BARE_HEADS:
        return []  # "Kepala Balai ...": Kemendagri's kecamatan Balai is not what the office means
    if not known_place(name) and (
        _org_headed(toks, c)  # "Institut Pendidikan Nasional", "Coventry University": a body's name
        or (c.last - c.first == 1 and _no_place_word(name))
    ):
        if c.last - c.first > 1 and toks[c.first].text.lower() in _INSTITUTION_HEADS and all(
            t.text[:1].isupper() or t.text.isdigit() for t in toks[c.first + 1 : c.last]
        ):
            return [Candidate(c.first, c.last, "ORG", c.source)]  # "RSUD Sekarwangi": the hospital
        return []
    parts = _parts(toks, c)
    if len(parts) > 1:
        return [Candidate(a, b, "LOC", "tagger") for a, b in parts]
    if not known_place(name) and any(
        toks[k].text in _LIST_JOINS and toks[k].text.isalpha() for k in range(c.first + 1, c.last - 1)
    ):
        return []  # "Jalan dan MUT": a list of common nouns, no place's name
    return [c]


def _without_unknown_acronyms(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates less the rule LOCs that are acronyms no gazetteer knows (``di KIPP``), but
    for one a bracket gives to the place before it (``Ibu Kota Nusantara (IKN)``) and its other mentions."""
    loc_ends = {c.last for c in cands if c.entity_type == "LOC"}
    given = {
        _text(toks, c.first, c.last) for c in cands
        if c.first > 1 and toks[c.first - 1].text == "(" and c.first - 1 in loc_ends
    }
    return [c for c in cands if not (c.entity_type == "LOC" and c.source in _RULED and _unknown_acronym(toks, c)
                                     and _text(toks, c.first, c.last) not in given)]


def _shown(toks: list[Token], cands: list[Candidate]) -> dict[str, bool]:
    """Return, per rule LOC text, whether the document shows it is a place: some mention of it has
    its own evidence (``_evidenced``; one "di Misano" makes every "Misano" a place) or sits in an
    address chain or list with a place shown (``_chained``; a list of brands shows none)."""
    ruled = [c for c in cands if c.entity_type == "LOC" and c.source in _RULED]
    shown: dict[str, bool] = defaultdict(bool)
    for c in ruled:
        shown[_text(toks, c.first, c.last)] |= _evidenced(toks, c.first, c.last)
    placed = [False] * len(toks)
    for c in cands:
        if c.entity_type == "LOC" and (c.source not in _RULED or shown[_text(toks, c.first, c.last)]):
            placed[c.first : c.last] = [True] * (c.last - c.first)
    changed = True
    while changed:
        changed = False
        for c in ruled:
            if not placed[c.first] and _chained(toks, c.first, c.last, placed):
                shown[_text(toks, c.first, c.last)] = True
                placed[c.first : c.last] = [True] * (c.last - c.first)
                changed = True
    return shown


def evidenced_places(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with Indonesian tagger and rule LOCs that name no place dropped, and
    lists and routes split into their places.

    A LOC holding a ``not_place_nouns.tsv`` word, opening with an organisation head (``Institut``) or
    formed as no place is (``Instagramnya``, ``MotoGP``) is dropped; one no gazetteer knows is kept
    where some mention of its words in the document shows it is a place (``_shown``); an all-capital
    one only when a gazetteer knows it or a bracket gives it to a place (``dari ISEAS``, ``ke PBI``
    name bodies and schemes). Lower-case and address words closing a LOC are cut (``Jalan X Nomor``),
    a headed place the tagger cut is completed (``_region_completed``), a LOC after a disease noun is
    dropped and one after a Polri/TNI rank is the person it names (``ranked_people``).
    """
    if language != "id":
        return cands
    cands = [c for c in ranked_people(toks, cands, language) if not _disease(toks, c)]
    covered = [False] * len(toks)
    for c in cands:
        covered[c.first : c.last] = [True] * (c.last - c.first)
    split: list[Candidate] = []
    for c in (_region_completed(toks, c, covered) for c in cands):
        if c.entity_type != "LOC":
            split.append(c)
        elif c.source in _RULED:
            split.extend(_named_places(toks, c))
        elif c.source == "gazetteer" and c.canonical_name is None:
            # A gazetteer place the precision rules ran on over a hyphen ("Bandung" + "-Ciwidey") is split too.
            parts = _parts(toks, Candidate(c.first, c.last, "LOC", "tagger"))
            split.extend([c] if len(parts) == 1 else [Candidate(a, b, "LOC", "tagger") for a, b in parts])
        else:
            split.append(c)
    split = _without_unknown_acronyms(toks, split)
    shown = _shown(toks, split)
    out = [c for c in split if not (c.entity_type == "LOC" and c.source in _RULED and not shown[_text(toks, c.first, c.last)])]
    return sorted(out, key=lambda c: c.first)
