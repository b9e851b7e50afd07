"""Indonesian names whose bounds the earlier passes drew short or long (issue 16, Detik).

Each pass returns the candidates with one kind of bound corrected, on structural evidence: a
company written before a country (``Danone Indonesia``), a place before its compass word
(``Indonesia Timur``), a body's acronym fused with the spokesman after it (``Kemenhub Risal
Wasal``), a document number's ``Nomor`` closing a court's name, a portfolio's tail after ``dan``
read as an organisation, and a city's name that is the first name of a person of the document.
"""

from __future__ import annotations

import re
from functools import cache

from newsetl.transforms.entities.gazetteer import gazetteer_entry, known_name_type
from newsetl.transforms.entities.lexicon import (
    calendar_words, capital_shares, district_names, folded, function_words, head_words, is_common_word, titles,
    word_classes,
)
from newsetl.transforms.entities.precision import event_words
from newsetl.transforms.entities.headed import HEADS
from newsetl.transforms.entities.placeness import known_place
from newsetl.transforms.entities.spans import MAX_NAME_TOKENS as MAX_NAME_WORDS
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, is_acronym
from newsetl.transforms.entities.tokens import Token
from newsetl.transforms.lexicons import rows

# Words that follow a place's name to name a part or the greater area of it (``Indonesia Timur``,
# ``Asia Pasifik``, ``Bandung Raya``): Indonesian puts the modifier after its head. Source: KBBI
# (mata angin; raya "besar, agung"); Kemendagri regional names.
_PLACE_MODIFIERS = frozenset({"timur", "barat", "utara", "selatan", "tengah", "tenggara", "laut", "daya", "raya", "pasifik"})
# Words written after a body's name to cite its document (``Kejaksaan Negeri Majalengka Nomor 12``).
_NUMBER_WORDS = frozenset({"nomor", "no", "tahun", "nomer"})
# Heads of titles whose portfolio may join two fields with ``dan`` (``Menteri Koordinator Bidang
# Infrastruktur dan Pembangunan Kewilayahan``). Source: KBBI; Kabinet Merah Putih (Wikipedia id).
_PORTFOLIO_HEADS = frozenset({"menteri", "kementerian", "menko", "kemenko", "wakil", "deputi", "staf", "asisten"})
# Gazetteer kinds of bodies whose acronym opens a spokesman's line (``Kemenhub Risal Wasal``).
_BODY_KINDS = frozenset({"gov", "armed", "party", "agency"})
# Ministries' press short forms (``Kemenhub``, ``Kemenkeu``, ``Kemensos``): Kemen- and the portfolio's
# syllables. Source: KBBI; Kabinet Merah Putih abbreviations (Wikipedia id).
_MINISTRY_SHORT = re.compile(r"Kemen[a-z]{2,}")


# English words closing a product's or plan's name in Indonesian business copy (``Allo Prime``,
# ``Syariah Card``, ``Patriot Bond``, ``Bukopin Saving Plan``, ``Collaborative Governance Model``): a thing sold or
# used, no person or body. Source: the banks' and companies' product pages; KBBI has none of them.
_PRODUCT_TAILS = frozenset({"card", "prime", "bond", "bonds", "device", "model", "pay", "app", "apps", "edition", "plan"})


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


def _product(toks: list[Token], c: Candidate) -> bool:
    return (
        c.entity_type in ("PERSON", "ORG") and c.source in ("tagger", "propagated") and c.last - c.first >= 2
        and toks[c.last - 1].text.lower() in _PRODUCT_TAILS and toks[c.last - 1].text[:1].isupper()
    )


def products_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without tagger names closed by a product word (``Allo Prime``,
    ``Syariah Card``, ``Mitsubishi Pajero Sport``): products and plans, not persons or bodies; nor
    the document's one-word tagger mentions of the product's own words (``Pajero``)."""
    products = [c for c in cands if _product(toks, c)]
    if not products:
        return cands
    words = {t.text for c in products for t in toks[c.first : c.last - 1] if _proper_word(t.text)}
    return [
        c for c in cands
        if not _product(toks, c) and not (
            c.source in ("tagger", "propagated") and c.entity_type in ("PERSON", "ORG") and c.last - c.first == 1
            and toks[c.first].text in words
        )
    ]


def _adjacent(toks: list[Token], a: int, b: int) -> bool:
    return toks[b].start - toks[a].end == 1


def _proper_word(word: str) -> bool:
    """Return True for a word nearly always written capitalised, or never seen in lower case."""
    low = word.lower()
    share = capital_shares("id").get(low)
    return word.isalpha() and (share in ("c3", "up") or (share is None and not is_common_word(word, "id")))


# Offices held over a region, written before the region's name (``Bupati Badung``, ``Wali Kota Solo``).
# Source: UU 23/2014 (Pemerintahan Daerah); Polri regional commands (Wikipedia id).
_REGION_OFFICES = frozenset({
    "bupati", "wali kota", "walikota", "gubernur", "sekda", "kapolres", "kapolresta", "kapolda", "kajari", "kajati",
})


# Words before a place of origin or location (``asal Sidoarjo``, ``di Solo``). Source: KBBI.
_PLACE_PREPOSITIONS = frozenset({"asal", "di", "ke", "dari"})


def _company_word(word: str) -> bool:
    """Return True for a word that may open a company's name before a country (``Danone``, ``Shopee``)."""
    low = folded(word)
    return (
        word[:1].isupper() and _proper_word(word) and low not in titles("id") and low not in head_words("id")
        and low not in event_words() and low not in calendar_words() and low not in _PLACE_MODIFIERS
        and known_name_type(word) != "LOC" and low not in district_names() and word_classes("id").get(low) != "O"
    )


def country_units(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a one-word company written before a country's name made one ORG
    (``Danone Indonesia``, ``Shopee Indonesia``: the company's unit there, not a mention of the
    country), and the company's other one-word mentions of the document retyped ORG."""
    at = {c.first: c for c in cands}
    fused: dict[int, Candidate] = {}
    for c in cands:
        if c.entity_type != "LOC" or c.kind != "country" or c.first == 0 or not toks[c.first].text[:1].isupper():
            continue
        if toks[c.first].text.isupper():
            continue  # "Kemenkes RI", "Dolar AS": a country's short form qualifies, it names no unit
        k = c.first - 1
        before = at.get(k)
        if not _adjacent(toks, k, c.first) or not _company_word(toks[k].text):
            continue
        if before is None or before.last != k + 1 or before.entity_type == "LOC":
            continue  # an untagged word is often the tail of a longer English name ("Boston Consulting Indonesia")
        fused[k] = Candidate(k, c.last, "ORG", "tagger")
    if not fused:
        return cands
    names = {toks[k].text for k in fused}
    out = list(fused.values())
    for c in cands:
        if c.first in fused or (c.first - 1 in fused and c.last == fused[c.first - 1].last):
            continue  # the company's word and the country, now one ORG
        if c.last - c.first == 1 and toks[c.first].text in names and c.entity_type == "PERSON" and c.source in RULE_SOURCES:
            c = Candidate(c.first, c.last, "ORG", c.source)
        out.append(c)
    return sorted(out, key=lambda c: c.first)


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
            c.entity_type == "LOC" and k < len(toks) and _adjacent(toks, k - 1, k)
            and toks[k].text[:1].isupper() and toks[k].text.lower() in _PLACE_MODIFIERS
            and toks[c.last - 1].text.lower() not in _PLACE_MODIFIERS
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


def _person_words(toks: list[Token], first: int, last: int) -> bool:
    """Return True when tokens ``first`` to ``last - 1`` are two or more words of a person's name."""
    words = [t.text for t in toks[first:last]]
    return len(words) >= 2 and all(
        w[:1].isupper() and w.isalpha() and not w.isupper() and _proper_word(w)
        and folded(w) not in head_words("id") and known_name_type(w) is None
        for w in words
    )


def bodies_unfused(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a body's acronym or short name split from the person written
    right after it (``Kemenhub Risal Wasal``, ``Polri Listyo Sigit``): the body, then the PERSON;
    the body's other one-word mentions of the document (``Kementerian Perhubungan (Kemenhub)``), and
    any ministry's short form, ORG."""
    out = []
    bodies = {toks[c.first].text for c in cands if c.last - c.first == 1 and _MINISTRY_SHORT.fullmatch(toks[c.first].text)}
    for c in cands:
        if c.source in RULE_SOURCES and c.entity_type in ("ORG", "PERSON") and c.last - c.first >= 3:
            entry = gazetteer_entry(toks[c.first].text)
            body = entry is not None and entry.entity_type == "ORG" and entry.kind in _BODY_KINDS
            if (body or _MINISTRY_SHORT.fullmatch(toks[c.first].text)) and _person_words(toks, c.first + 1, c.last):
                out.append(
                    Candidate(c.first, c.first + 1, "ORG", "gazetteer", entry.canonical_name, entry.entity_key,
                              entry.country_code, entry.kind) if body else Candidate(c.first, c.first + 1, "ORG", "tagger")
                )
                out.append(Candidate(c.first + 1, c.last, "PERSON", c.source))
                bodies.add(toks[c.first].text)
                continue
        out.append(c)
    if not bodies:
        return out
    return [
        Candidate(c.first, c.last, "ORG", c.source)
        if c.entity_type == "PERSON" and c.last - c.first == 1 and toks[c.first].text in bodies else c
        for c in out
    ]


def numbers_cut(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with ``Nomor``/``Tahun`` cut from the end of an organisation's name
    (``Kejaksaan Negeri Majalengka Nomor``: the number cites its document)."""
    out = []
    for c in cands:
        last = c.last
        while c.entity_type == "ORG" and last - c.first >= 2 and toks[last - 1].text.lower() in _NUMBER_WORDS:
            last -= 1
        if last < c.last and last - c.first == 1 and folded(toks[c.first].text) in head_words("id"):
            continue  # "Peraturan Pemerintah Nomor 18": a regulation's number, and no body named
        out.append(c if last == c.last else Candidate(c.first, last, c.entity_type, c.source))
    return out


def _common(word: str) -> bool:
    return is_common_word(word, "id") or word_classes("id").get(word.lower()) == "O"


def _portfolio_before(toks: list[Token], k: int) -> bool:
    """Return True when ``dan`` at ``k`` joins a title's portfolio (``Menteri Koordinator Bidang Infrastruktur dan``)."""
    for head in range(k - 1, max(-1, k - 6), -1):
        word = toks[head].text
        if not word[:1].isupper():
            return False
        if word.lower() in _PORTFOLIO_HEADS:
            return True
    return False


def portfolio_tails_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without the tagger ORGs that end a title's portfolio after ``dan``
    (``Menteri Koordinator Bidang Infrastruktur dan [Pembangunan Kewilayahan]``): a field of office;
    the short form bracketed after it (``(Kemenko IPK)``) is the ministry's ORG."""
    starts = {c.first for c in cands}
    out = []
    for c in cands:
        k = c.first - 1
        if (
            c.entity_type == "ORG" and c.source == "tagger" and k > 0 and toks[k].text == "dan"
            and _portfolio_before(toks, k) and _common(toks[c.first].text)
        ):
            close = next((j for j in range(c.last + 1, min(c.last + 5, len(toks))) if toks[j].text == ")"), None)
            if c.last < len(toks) and toks[c.last].text == "(" and close is not None and close > c.last + 1 and c.last + 1 not in starts:
                out.append(Candidate(c.last + 1, close, "ORG", "tagger"))  # "(Kemenko IPK)": the ministry, named
            continue
        out.append(c)
    return out


def city_first_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a one-word city retyped PERSON where the document names a person
    of two words or more opening with it (``Vienna Varella Angeli Parinussa`` ... ``Vienna``)."""
    openers = {toks[c.first].text for c in cands if c.entity_type == "PERSON" and c.last - c.first >= 2}
    if not openers:
        return cands
    return [
        Candidate(c.first, c.last, "PERSON", "tagger")
        if c.entity_type == "LOC" and c.kind == "city" and c.last - c.first == 1 and toks[c.first].text in openers
        else c
        for c in cands
    ]


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


def hyphen_tails_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without tagger PERSONs glued by a hyphen to a word no person's name
    holds (``Getas-Ngandong``, a forest's name; ``Afrika sub-Sahara``): the tail of a hyphenated
    name or word. A pair of persons (``Prabowo-Gibran``) keeps both."""
    people = {k for c in cands if c.entity_type == "PERSON" for k in range(c.first, c.last)}
    out = []
    for c in cands:
        k = c.first
        if (
            c.entity_type == "PERSON" and c.source in ("tagger", "propagated") and k >= 2 and toks[k - 1].text == "-"
            and toks[k - 1].start == toks[k - 2].end and toks[k].start == toks[k - 1].end
            and (toks[k - 2].text[:1].isupper() or (toks[k - 2].text.isalpha() and len(toks[k - 2].text) <= 4))
            and k - 2 not in people  # "sub-Sahara"; a longer word ("direksi-Fuji") lost its space
        ):
            continue
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
            and _adjacent(toks, k - 1, k) and toks[k].text[:1].isupper() and not toks[k].text.isupper()
            and toks[k].text.isalpha() and is_common_word(toks[k].text, "id")
            and capital_shares("id").get(toks[k].text.lower()) in ("c0", "c1")
            and toks[k].text.lower() not in _NUMBER_WORDS and toks[k].text.lower() not in calendar_words()
            and toks[k].text.lower() not in function_words() and toks[k].text.lower() not in _PLACE_MODIFIERS
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
        if c.entity_type != "LOC" or k >= len(toks) or not _adjacent(toks, k - 1, k) or not _english_body_head(toks[k].text):
            continue
        if not toks[k].text[:1].isupper():
            continue
        end = k + 1
        # "School of Economics and Political Science": the name runs on only through "of"/"and".
        while end + 1 < len(toks) and toks[end].text in _ENGLISH_JOINERS and toks[end + 1].text[:1].isupper():
            j = end + 1
            while j < len(toks) and j - c.first < MAX_NAME_WORDS and (
                (_adjacent(toks, j - 1, j) and toks[j].text[:1].isupper())
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


def titles_alone_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without tagger PERSONs that are a title or rank alone (``Letda``,
    ``Pak Dirlantas``'s ``Dirlantas``): an office, nobody's name."""
    return [
        c for c in cands
        if not (c.entity_type == "PERSON" and c.source in RULE_SOURCES
                and folded(" ".join(t.text for t in toks[c.first : c.last])) in titles("id"))
    ]


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
            and _adjacent(toks, k - 2, k - 1) and _adjacent(toks, k - 1, k)
        ):
            c = Candidate(k - 2, c.last, "ORG", "tagger")
        out.append(c)
    return out


# Acronyms the shared gazetteer reads as Malaysian bodies that Indonesian writes for its own (KBBI:
# PN, pengadilan negeri; the gazetteer's PN is Malaysia's Perikatan Nasional, right for Utusan).
_INDONESIAN_READINGS = {"PN": "Pengadilan Negeri"}


def indonesian_acronyms(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with the Indonesian reading of acronyms the gazetteer gives a Malaysian
    body (``PN``: a district court, not Perikatan Nasional; ``PN Jakpus``, with its town, one ORG);
    none inside a case number (``2025/PN.Jkt.Pst``) or a lane's name (``Gang PN``)."""
    at = {c.first: c for c in cands}
    out = []
    skip = -1
    for c in cands:
        if c.first == skip:
            continue
        word = toks[c.first].text
        if c.source == "gazetteer" and c.last - c.first == 1 and word in _INDONESIAN_READINGS:
            before = toks[c.first - 1].text if c.first > 0 else ""
            if before in ("/", "Gang"):
                continue
            place = at.get(c.last)
            end = None
            if c.last < len(toks) and _adjacent(toks, c.first, c.last):
                if place is not None and place.entity_type == "LOC":
                    end = place.last
                elif place is None and toks[c.last].text[:1].isupper() and known_place(toks[c.last].text):
                    end = c.last + 1
            if end is not None:
                c, skip = Candidate(c.first, end, "ORG", "tagger"), c.last  # "PN Jakpus": that town's court
            else:
                name = _INDONESIAN_READINGS[word]
                c = Candidate(c.first, c.last, "ORG", "tagger", name, "ORG:" + folded(name))
        out.append(c)
    return out


# English derivational suffixes (``Ministerial``: minister; ``Effectiveness``: effective). Source: any
# English grammar (derivational morphology).
_EN_SUFFIXES = ("ness", "ial", "al", "ity", "ive", "ment", "ing", "ed", "s")


def _english_word(word: str) -> bool:
    """Return True for an everyday English word or one derived from such a word by a suffix."""
    low = word.lower()
    return is_common_word(low, "en") or any(
        low.endswith(x) and len(low) - len(x) >= 4 and is_common_word(low[: -len(x)], "en") for x in _EN_SUFFIXES
    )


def english_phrases_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without tagger PERSONs of two words or more, every one an everyday English
    word or derived from one (``Ministerial Meeting``, ``Power Usage Effectiveness``): an event's or
    a measure's English name in Indonesian copy, no person."""
    return [
        c for c in cands
        if not (
            c.entity_type == "PERSON" and c.source in ("tagger", "propagated") and c.last - c.first >= 2
            and all(t.text.isalpha() and _english_word(t.text) for t in toks[c.first : c.last])
        )
    ]


def bounded_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the Indonesian candidates with the passes of this module applied."""
    cands = english_bodies_after_places(toks, indonesian_acronyms(toks, cands))
    cands = slogan_countries_dropped(toks, country_units(toks, places_continued(toks, cands)))
    cands = numbers_cut(toks, bodies_unfused(toks, institutions_named(toks, schools_named(toks, cands))))
    cands = products_dropped(toks, provinces_as_places(toks, qualified_places(toks, hyphen_tails_dropped(toks, cands))))
    cands = district_runs_as_places(toks, city_first_names(toks, portfolio_tails_dropped(toks, cands)))
    return english_phrases_dropped(toks, titles_alone_dropped(toks, cands))


# Words and acronyms naming a kind of institution, written before the institution's own name, often
# a person's (``UIN Syarif Hidayatullah``, ``RSUP Prof Ngoerah``, ``Gereja Bethel Injili Nusantara``).
# Source: KBBI; Kemenag and Kemenkes institution types (universitas Islam negeri, rumah sakit umum
# daerah/pusat, lembaga pemasyarakatan, rumah tahanan, pondok pesantren).
_INSTITUTION_KINDS = frozenset({
    "UIN", "IAIN", "STAIN", "STT", "STIE", "RS", "RSU", "RSUD", "RSUP", "RSIA", "Lapas", "Rutan", "Ponpes",
    "Gereja", "Masjid", "Pura", "Vihara", "Klenteng", "Pesantren", "Pondok", "Madrasah", "Universitas", "Institut",
})
# Titles written inside a hospital's or university's name, before the person it honours.
_NAME_TITLES = frozenset({"Prof", "Dr", "dr", "KH", "Kiai"})


def _kind_before(toks: list[Token], k: int) -> int | None:
    """Return where the institution's name opens when an institution kind is written before token
    ``k`` (``UIN``; ``RSUP Prof``; ``Universitas Islam Negeri (UIN)``), else None."""
    j = k - 1
    if j >= 0 and toks[j].text.rstrip(".") in _NAME_TITLES:
        j -= 1
    if j >= 0 and toks[j].text in _INSTITUTION_KINDS:
        return j
    if j >= 2 and toks[j].text == ")" and toks[j - 1].text in _INSTITUTION_KINDS and toks[j - 2].text == "(":
        return j - 2  # the bracket: the name opens with the kind spelt out before it
    return None


def _role_cut(toks: list[Token], c: Candidate) -> Candidate:
    """Return ``c`` without a leading lower-case-usual word before an institution's kind or head
    (``Penasihat Gereja Bethel``, ``Santri Pondok Pesantren``): the role of the person, not the name."""
    if (
        c.entity_type == "ORG" and c.source == "tagger" and c.last - c.first >= 3
        and (toks[c.first + 1].text in _INSTITUTION_KINDS or toks[c.first + 1].text.lower() in HEADS)
        and capital_shares("id").get(toks[c.first].text.lower()) in ("c0", "c1")
        and toks[c.first].text.lower() not in HEADS and folded(toks[c.first].text) not in head_words("id")
    ):
        return Candidate(c.first + 1, c.last, c.entity_type, c.source)
    return c


def institutions_named(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a PERSON written right after an institution's kind made the
    institution's ORG (``UIN Maulana Malik Ibrahim``, ``RSUP Prof Ngoerah``); where a lone initial
    follows the name (``UIN Syarif Hidayatullah M Ihdan Nazar Husaini``), the person starts there."""
    cands = [_role_cut(toks, c) for c in cands]
    found: list[tuple[int, int, Candidate | None]] = []
    for c in cands:
        if c.entity_type != "PERSON" or c.source not in RULE_SOURCES:
            continue
        start = _kind_before(toks, c.first)
        if start is None:
            continue
        # The body whose name ends with the kind opens the whole name ("DEMA UIN", "Universitas
        # Islam Negeri (UIN)"); a bracket with no name before it joins nothing.
        opener = next((o for o in cands if o.entity_type == "ORG" and o.first < start < o.last + 1 and o.last in (start, start + 1)), None)
        if toks[start].text == "(" and opener is None:
            continue
        if opener is not None:
            start = opener.first
            if start + 1 < len(toks) and toks[start + 1].text in _INSTITUTION_KINDS and (
                folded(toks[start].text) in titles("id") or capital_shares("id").get(toks[start].text.lower()) in ("c0", "c1")
            ):
                start += 1  # "Penasihat Gereja ...": the adviser's title is no part of the church's name
        end = c.last
        person = None
        for j in range(c.first + 2, c.last - 1):
            if len(toks[j].text) == 1 and toks[j].text.isupper():
                end, person = j, Candidate(j, c.last, "PERSON", c.source)
                break
        found.append((start, end, person))
    if not found:
        return cands
    out = [c for c in cands if not any(a <= c.first < b or c.first <= a < c.last for a, b, _p in found)]
    for a, b, person in found:
        words = [t.text for t in toks[a:b]]
        if "(" in words:  # "Universitas Islam Negeri (UIN) Maulana Malik Ibrahim": named without the bracket
            k = words.index("(")
            name = " ".join(words[:k] + words[k + 3 :])
            out.append(Candidate(a, b, "ORG", "tagger", name, "ORG:" + folded(name)))
        else:
            out.append(Candidate(a, b, "ORG", "tagger"))
        if person is not None:
            out.append(person)
    return sorted(out, key=lambda c: c.first)
