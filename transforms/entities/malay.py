"""Malay (Utusan Malaysia) steps: state assemblies, seats and places the Indonesian tagger calls people.

- ``Dewan Undangan Negeri (DUN) Selangor`` is the Selangor assembly, one entity per state (``DUN
  Selangor``); a bare ``DUN`` is that state's when the document names one state assembly, and no
  organisation otherwise (``kerusi DUN``, ``36 DUN``): the class noun names no one body.
- The words after a seat title (``Ahli Parlimen Temerloh merangkap ...``, ``ADUN Teratai``, ``DUN
  Rhu Rendang``) are the seat, a place.
- A tagger PERSON that is the whole name of a known place (gazetteer, ISO 3166-2, a Malaysian
  GeoNames place) is that place, unless the document writes it inside a longer person's name.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from newsetl.transforms.entities.company_forms import COMPANY_FORMS
from newsetl.transforms.entities.gazetteer import known_name_type
from newsetl.transforms.entities.lexicon import data_rows, folded, geonames_country_places, non_names
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate
from newsetl.transforms.entities.tokens import Token

# Words naming a seat's holder or the seat, or a police chief's area; the capitalised words after them
# are the seat or area. Source: Kamus Dewan; Utusan usage ("Ahli Parlimen Machang", "ADUN Teratai",
# "kerusi DUN Ampangan", "Ketua Polis Temerloh").
_SEAT_TITLES = (
    ("ahli", "parlimen"), ("adun",), ("dun",), ("ahli", "dewan", "undangan", "negeri"), ("parlimen",), ("ketua", "polis"),
)
_MAX_SEAT_WORDS = 3
# Malay words before a place name ("di Semporna", "ke Mekah", "sekitar Meru"). Source: Kamus Dewan.
_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "daripada", "sekitar", "kawasan", "daerah", "negeri", "menuju"})


@cache
def _generic_bodies() -> dict[str, str]:
    """Return folded class names of per-state bodies (``dewan undangan negeri``) -> short form (``DUN``)."""
    return {folded(row[0]): row[1] for row in data_rows("generic_bodies.tsv") if len(row) >= 2}


@cache
def _states() -> dict[str, str]:
    """Return folded names of Malaysia's states and federal territories (ISO 3166-2:MY, with the
    ``Wilayah Persekutuan`` prefix dropped too) -> display name."""
    out = {}
    for sub in pycountry.subdivisions.get(country_code="MY") or ():
        out[folded(sub.name)] = sub.name
        short = sub.name.removeprefix("Wilayah Persekutuan ").strip()
        out[folded(short)] = short
    return out


def _state_at(toks: list[Token], k: int) -> tuple[int, str] | None:
    """Return ``(end, display)`` of a state name written from token ``k`` (at most three words)."""
    states = _states()
    found = None
    words = []
    for j in range(k, min(len(toks), k + 3)):
        if not toks[j].text[:1].isupper() or (j > k and toks[j].start - toks[j - 1].end > 1):
            break
        words.append(folded(toks[j].text))
        if " ".join(words) in states:
            found = (j + 1, states[" ".join(words)])
    return found


def _after_bracket(toks: list[Token], k: int) -> int:
    """Return the index after a ``(ACR)`` opening at ``k``, else ``k``."""
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
        return k + 3
    return k


def state_bodies(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with per-state bodies qualified by their state or dropped.

    ``Sidang Dewan Undangan Negeri (DUN) Kedah``: both ``Dewan Undangan Negeri`` and ``DUN`` are
    ``DUN Kedah``. A bare one is the state assembly the document names, when it names exactly one;
    after ``Ahli`` (a member's title) or with none or several named, it is dropped.
    """
    bodies = _generic_bodies()
    body = [c.entity_type == "ORG" and folded(" ".join(t.text for t in toks[c.first : c.last])) in bodies for c in cands]
    if not any(body):
        return cands
    qualified: dict[int, str] = {}  # candidate index -> state display name
    starts = {c.first: i for i, c in enumerate(cands)}
    for i, c in enumerate(cands):
        if not body[i] or i in qualified:
            continue
        after = _after_bracket(toks, c.last)
        state = _state_at(toks, after)
        if state is not None:
            qualified[i] = state[1]
            j = starts.get(c.last + 1)
            if after > c.last and j is not None and body[j]:
                qualified[j] = state[1]  # the bracketed acronym names the same assembly
    named = set(qualified.values())
    members = set()  # "Ahli Dewan Undangan Negeri (DUN)": a member's title, the acronym too
    for i, c in enumerate(cands):
        if body[i] and i not in qualified and c.first > 0 and toks[c.first - 1].text.lower() == "ahli":
            members.add(i)
            j = starts.get(c.last + 1)
            if j is not None and body[j] and _after_bracket(toks, c.last) > c.last:
                members.add(j)
    out = []
    for i, c in enumerate(cands):
        if not body[i]:
            out.append(c)
            continue
        state = qualified.get(i)
        if state is None:
            after = _after_bracket(toks, c.last)
            seat = after < len(toks) and toks[after].text[:1].isupper() and toks[after].text.isalpha()
            if seat or i in members or len(named) != 1:
                continue  # "DUN Rhu Rendang" names a seat, "36 DUN" the class
            state = next(iter(named))
        short = bodies[folded(" ".join(t.text for t in toks[c.first : c.last]))]
        name = f"{short} {state}"
        out.append(Candidate(c.first, c.last, "ORG", c.source, name, "ORG:" + folded(name), None, c.kind))
    return out


def _seat_before(toks: list[Token], k: int) -> bool:
    """Return True when a seat title ends just before token ``k`` (a bracketed acronym between allowed)."""
    if k >= 1 and toks[k - 1].text == ")" and k >= 3 and toks[k - 3].text == "(":
        if folded(toks[k - 2].text) in ("adun", "dun"):
            return True
        k -= 3
    before = tuple(folded(t.text) for t in toks[max(0, k - 4) : k])
    return any(len(before) >= len(title) and before[-len(title) :] == title for title in _SEAT_TITLES)


def seats_as_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with one to three words after a seat title retyped as a LOC (the seat).

    ``bekas Ahli Parlimen Temerloh merangkap ...``, ``pertanyaan ADUN Teratai, Yew Jia Haur``:
    a tagger ``ADUN Teratai`` loses its title; a state after the title is left to ``state_bodies``.
    """
    out = []
    for c in cands:
        if c.source in RULE_SOURCES and c.entity_type in ("PERSON", "ORG"):
            first = c.first
            if c.last - first > 1 and folded(toks[first].text) in ("adun", "dun") and toks[first].text.isupper():
                first += 1  # "ADUN Teratai": the title and the seat in one span
            elif not _seat_before(toks, first):
                out.append(c)
                continue
            if c.last - first <= _MAX_SEAT_WORDS and _state_at(toks, first) is None and (
                c.last >= len(toks) or not toks[c.last].text[:1].isupper()
            ):
                out.append(Candidate(first, c.last, "LOC", c.source, kind="seat"))
                continue
        out.append(c)
    return out


# Words opening Malaysian place names (``Felda Chuping``, ``Kampung Gajah``, ``Taman Megah``); a "person"
# opening with one is the place. Source: Kamus Dewan; FELDA settlement names.
_PLACE_HEADS = frozenset({
    "kampung", "kg", "taman", "felda", "felcra", "sungai", "pulau", "bandar", "pekan", "lembah", "kuala", "permatang",
    "tanjung", "teluk", "pengkalan", "alor", "kubang", "pantai", "padang", "batu", "bukit", "air", "ayer", "simpang",
    "tasek", "tasik", "lubuk", "parit", "kepala", "jeram", "gua", "tanah",
})
# Malay words opening the names of schemes, taxes, policies and campaigns (``Skim Perumahan Belia``,
# ``Cukai Barangan Mewah``): such a name is no organisation. Source: Kamus Dewan.
_CONCEPT_HEADS = frozenset({"skim", "cukai", "dasar", "pelan", "inisiatif", "kempen", "projek", "program", "rancangan", "geran"})
# Capitalised words naming a competition after which a place names the competition. Source: Kamus Dewan.
_CUP_WORDS = frozenset({"piala", "liga", "sukan", "kejohanan", "anugerah"})
# Prepositions that put a place, never a person, after them in Malay ("di Kuala Muda", "ke Muar").
_STRICT_PLACE_PREPOSITIONS = frozenset({"di", "ke"})
# An acronym with a lower-case tail (``MAIPs``, ``MAINs``) is an institution's, not a person's name.
_ACRONYM_PLURAL = re.compile(r"[A-Z]{3,}[a-z]{1,2}")
# Words opening the names of military units (``Rejimen Askar Melayu Diraja``, ``Briged Ke-7``): the unit is
# an organisation, never a person. Source: Kamus Dewan; Tentera Darat Malaysia unit names (Wikipedia ms).
_UNIT_HEADS = frozenset({"rejimen", "batalion", "briged", "divisyen", "skuadron", "kor", "markas"})
# Words opening the names of courts and universities, which the tagger calls places after "di".
# Source: Kamus Dewan.
_INSTITUTION_HEADS = frozenset({"mahkamah", "universiti", "politeknik", "hospital"})


@cache
def _malaysian_places() -> frozenset[str]:
    """Return folded names of Malaysia's populated places (GeoNames, any size)."""
    return geonames_country_places("MY")


def _dateline(toks: list[Token], c: Candidate) -> bool:
    """Return True if ``c`` is a Malaysian dateline: capitals opening the text, then a colon (``BERUAS:``)."""
    return (
        c.first == 0 and c.last < len(toks) and toks[c.last].text == ":"
        and all(t.text.isupper() or not t.text.isalpha() for t in toks[c.first : c.last])
    )


def places_not_people(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a tagger PERSON that names a place retyped as a LOC.

    A known gazetteer or ISO 3166-2 place (``Britain``, ``Kelantan``) anywhere, or a Malaysian GeoNames
    place after a place preposition (``di Semporna``, ``ke Dungun``); not a word the document writes
    inside a longer person's name (``Muhammad Kedah`` keeps ``Kedah`` a person there).
    """
    people_words = {
        t.text for c in cands if c.entity_type == "PERSON" and c.last - c.first > 1 for t in toks[c.first : c.last]
    }
    place_ends = {c.last for c in cands if c.entity_type == "LOC"}
    out = []
    for c in cands:
        if c.source in RULE_SOURCES and c.entity_type != "LOC" and _dateline(toks, c):
            c = Candidate(c.first, c.last, "LOC", c.source)  # "PHNOM PENH: Ada peningkatan ...": the dateline's place
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and folded(toks[c.first].text) in _UNIT_HEADS:
            c = Candidate(c.first, c.last, "ORG", c.source)  # "Rejimen Askar Melayu Diraja": a military unit
        if c.entity_type == "ORG" and c.source in RULE_SOURCES and folded(toks[c.first].text) in _CONCEPT_HEADS:
            continue  # "Skim Perumahan Belia", "Cukai Barangan Mewah": a scheme or a tax
        if c.entity_type == "LOC" and c.last < len(toks) and toks[c.last].text == "$" and toks[c.last].start == toks[c.last - 1].end:
            continue  # "AS$400,000": a currency
        if c.entity_type == "LOC" and c.first > 0 and folded(toks[c.first - 1].text) in _CUP_WORDS and toks[c.first - 1].text[:1].isupper():
            continue  # "Piala Malaysia", "Liga Malaysia": the competition, no mention of the country
        if (
            c.entity_type == "PERSON" and c.source in ("tagger", "propagated") and c.first > 0
            and toks[c.first - 1].text in _STRICT_PLACE_PREPOSITIONS
            and not any(t.text in people_words for t in toks[c.first : c.last])
        ):
            c = Candidate(c.first, c.last, "LOC", c.source)  # "di Kuala Muda": a place
        if c.entity_type == "LOC" and c.source == "tagger" and folded(toks[c.first].text) in _INSTITUTION_HEADS:
            c = Candidate(c.first, c.last, "ORG", c.source)  # "di Mahkamah Sesyen": the court, an institution
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first > 1 and (
            folded(toks[c.first].text) in _PLACE_HEADS
        ):
            c = Candidate(c.first, c.last, "LOC", c.source)  # "Felda Chuping", "Kampung Gajah": a place
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first == 1 and _ACRONYM_PLURAL.fullmatch(
            toks[c.first].text
        ):
            c = Candidate(c.first, c.last, "ORG", c.source)  # "MAIPs": an institution's acronym
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and all(
            folded(t.text) in COMPANY_FORMS for t in toks[c.first : c.last] if t.text[:1].isalpha()
        ):
            continue  # "Sdn. Bhd.": a company's legal form names nobody
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and folded(toks[c.last - 1].text) in COMPANY_FORMS:
            c = Candidate(c.first, c.last, "ORG", c.source)  # "Boustead Naval Shipyard Sdn": a company
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first <= 3:
            name = " ".join(t.text for t in toks[c.first : c.last])
            lone = c.last - c.first == 1 and toks[c.first].text in people_words
            after_preposition = c.first > 0 and (
                toks[c.first - 1].text.lower() in _PLACE_PREPOSITIONS
                or (toks[c.first - 1].text == "," and c.first - 1 in place_ends)  # "Taman Megah, Klebang"
            )
            in_address = (  # "di Taman Megah, Klebang di sini": the place an address ends with
                c.first > 0 and toks[c.first - 1].text == "," and c.first - 1 in place_ends
                and c.last + 1 < len(toks) and toks[c.last].text == "di" and toks[c.last + 1].text == "sini"
            )
            if not lone and folded(name) not in non_names() and (
                known_name_type(name) == "LOC" or in_address or (after_preposition and folded(name) in _malaysian_places())
            ):
                c = Candidate(c.first, c.last, "LOC", c.source)
        if c.entity_type in ("PERSON", "ORG") and c.source in RULE_SOURCES and 2 <= c.last - c.first <= 3:
            if folded(" ".join(t.text for t in toks[c.first : c.last])) in _malaysian_places():
                c = Candidate(c.first, c.last, "LOC", c.source)  # "PORT DICKSON", "LRT Kelana Jaya": the place
        out.append(c)
    # A Malaysian place the document writes as a place once ("di Semporna") is that place wherever
    # it is written alone (the tagger's one PERSON would otherwise win the document's vote).
    places = {
        name for c in out if c.entity_type == "LOC"
        for name in [" ".join(t.text for t in toks[c.first : c.last])]
        if c.kind == "seat" or folded(name) in _malaysian_places()
    }
    if not places:
        return out
    return [
        Candidate(c.first, c.last, "LOC", c.source)
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and " ".join(t.text for t in toks[c.first : c.last]) in places
        else c
        for c in out
    ]


@cache
def _district_words() -> frozenset[str]:
    """Return folded Malay nouns of an administrative division (``daerah``, ``mukim``)."""
    return frozenset(folded(row[0]) for row in data_rows("district_words_ms.tsv") if row and row[0])


_MAX_DISTRICT_WORDS = 3


def districts_as_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a tagger name opening with a capitalised division noun retyped as that
    division, a place, less the noun (``Ketua Polis [Daerah Jerantut]`` is the LOC ``Jerantut``).

    The place runs on over a capitalised word after a lone place head (``Daerah Kuala`` + ``Muda``) or
    when the longer name is a Malaysian place; it propagates like a seat (``Ketua Polis Maran dan
    Jerantut``). A tagger LOC loses the noun too (``Daerah Tapah`` is ``Tapah``).
    """
    words = _district_words()
    starts = {c.first for c in cands}
    out = []
    for c in cands:
        if (
            c.source in RULE_SOURCES and c.entity_type in ("PERSON", "ORG", "LOC") and c.last - c.first >= 2
            and toks[c.first].text[:1].isupper() and folded(toks[c.first].text) in words
            and all(t.text[:1].isupper() for t in toks[c.first + 1 : c.last])
        ):
            first, last = c.first + 1, c.last
            while (
                last < len(toks) and last - first < _MAX_DISTRICT_WORDS and last not in starts
                and toks[last].start - toks[last - 1].end == 1 and toks[last].text[:1].isupper() and toks[last].text.isalpha()
                and (
                    (last - first == 1 and folded(toks[first].text) in _PLACE_HEADS)  # "Kuala" alone names no place
                    or folded(" ".join(t.text for t in toks[first : last + 1])) in _malaysian_places()
                )
            ):
                last += 1
            if last - first <= _MAX_DISTRICT_WORDS:
                out.append(Candidate(first, last, "LOC", c.source, kind="seat"))
                continue
        if (
            c.source in RULE_SOURCES and c.last - c.first == 1 and folded(toks[c.first].text) in _PLACE_HEADS
            and toks[c.first].text[:1].isupper() and c.last < len(toks) and c.last not in starts
            and toks[c.last].start - toks[c.first].end == 1 and toks[c.last].text[:1].isupper() and toks[c.last].text.isalpha()
        ):
            c = Candidate(c.first, c.last + 1, "LOC", c.source)  # "(IPD) [Kuala] Muda": a place head names no place alone
        out.append(c)
    return out


# Words after which capitalised words up to ``negeri`` or the comma name a portfolio, not a person or
# place (``Menteri Kerja Raya, Datuk Seri Alexander Nanta Linggi``; ``Pengerusi Jawatankuasa Kerjaya,
# Bekalan Air dan Sumber Tenaga negeri, Datuk Suraya Yaacob``). Source: Kamus Dewan; Utusan usage.
_PORTFOLIO_TITLES = frozenset({"menteri", "jawatankuasa", "exco", "portfolio", "kementerian"})
# Joiners inside a committee's list of portfolios.
_PORTFOLIO_JOINERS = frozenset({",", "dan", "&", "serta"})
_MAX_PORTFOLIO_TOKENS = 14


def _portfolio_runs(toks: list[Token]) -> list[tuple[int, int]]:
    """Return ``(first, last)`` token runs of portfolios after a minister's or committee's title."""
    runs = []
    n = len(toks)
    for k, t in enumerate(toks):
        if folded(t.text) not in _PORTFOLIO_TITLES or not t.text[:1].isupper():
            continue
        end = k + 1
        while end < n and end - k <= _MAX_PORTFOLIO_TOKENS and (
            (toks[end].text[:1].isupper() and toks[end].text[:1].isalpha()) or toks[end].text.lower() in _PORTFOLIO_JOINERS
            or (toks[end].text in "-­" and end + 1 < n and toks[end + 1].text[:1].isupper())
        ):
            end += 1
        # The run ends at "negeri" (a state committee); a minister's portfolio at its comma.
        closed = end < n and toks[end].text.lower() == "negeri"
        if not closed:
            commas = [j for j in range(k + 1, end) if toks[j].text == ","]
            if not commas or folded(t.text) not in ("menteri", "jawatankuasa"):
                continue
            # A minister's portfolio ends at the first comma, a committee's list at the last one
            # (the name after it is the chair's).
            end = commas[0] if folded(t.text) == "menteri" else commas[-1]
        if end > k + 1:
            runs.append((k + 1, end))
    return runs


def portfolio_tails(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates less tagger PERSONs and LOCs inside a title's portfolio (``Menteri [Kerja
    Raya]``, ``Jawatankuasa Kerjaya, [Bekalan Air] dan Sumber Tenaga negeri``)."""
    runs = _portfolio_runs(toks)
    if not runs:
        return cands
    # A committee named by the tagger up to its first comma runs on over its whole list of portfolios.
    widened = {a - 1: b for a, b in runs if folded(toks[a - 1].text) == "jawatankuasa"}
    out = []
    for c in cands:
        end = widened.get(c.first)
        if end is not None and c.entity_type == "ORG" and c.source in RULE_SOURCES and c.last < end:
            c = Candidate(c.first, end, "ORG", c.source)
        if out and out[-1].first in widened and c.first < out[-1].last:
            continue  # inside the widened committee
        if c.entity_type in ("PERSON", "LOC") and c.source in RULE_SOURCES and any(a <= c.first and c.last <= b for a, b in runs):
            continue
        out.append(c)
    return out


# Lower-case nouns before a team's name (``skuad Harimau Malaya``, ``jersi Harimau Selatan``): the name
# after them is the team, an ORG, wherever the document writes it. Source: Kamus Dewan; Utusan sport pages.
_TEAM_CUES = frozenset({"skuad", "pasukan", "jersi", "kelab", "kesebelasan"})
# Lower-case nouns before a product's, model's or work's name (``jentera Bajaj Dominar 400``, ``lagu
# Hotline Bling``); the names after them name no person anywhere in the document. Source: Kamus Dewan.
_WORK_CUES = frozenset({
    "jentera", "motosikal", "lagu", "filem", "drama", "album", "single", "novel", "buku", "siri",
    "kapal", "pesawat", "kereta", "jenama", "produk", "aplikasi", "telefon", "rancangan",
    # scripts (``tulisan Jawi``), aircraft, chapters of the Quran, vaccines
    "tulisan", "penulisan", "helikopter", "surah", "vaksin",
})
_MAX_CUED_WORDS = 4


def _cued_names(toks: list[Token], cues: frozenset[str]) -> set[tuple[str, ...]]:
    """Return the capitalised runs (one to four words) written right after one of ``cues``."""
    found = set()
    for k in range(1, len(toks)):
        if toks[k - 1].text in cues and toks[k].text[:1].isupper():
            end = k
            while end < len(toks) and end - k < _MAX_CUED_WORDS and toks[end].text[:1].isupper() and toks[end].text.isalpha():
                end += 1
            if end > k:
                found.add(tuple(t.text for t in toks[k:end]))
    return found


def teams_and_works(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with teams typed ORG and products or works dropped as people.

    A tagger PERSON whose words are a team's name written after ``skuad``/``pasukan`` is that team
    (ORG); one whose words all belong to a name written after ``jentera``/``lagu``/``model`` is no
    person (``Bajaj`` and ``Dominar`` alone, as well as ``Bajaj Dominar``).
    """
    teams = _cued_names(toks, _TEAM_CUES)
    works = _cued_names(toks, _WORK_CUES)
    if not teams and not works:
        return cands
    work_words = {w for name in works for w in name}
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES:
            words = tuple(t.text for t in toks[c.first : c.last])
            if words in teams:
                c = Candidate(c.first, c.last, "ORG", c.source)
            elif all(w in work_words for w in words):
                continue
        out.append(c)
    return out


@cache
def _ms_titles() -> frozenset[tuple[str, ...]]:
    """Return the folded word tuples of ``titles_ms.tsv``."""
    return frozenset(tuple(folded(row[0]).split()) for row in data_rows("titles_ms.tsv") if row and row[0])


def _ms_title_end(toks: list[Token], first: int, last: int) -> int:
    """Return where the longest Malay title opening at ``first`` ends (``first`` when none does)."""
    known = _ms_titles()
    for size in (3, 2, 1):
        if first + size <= last and tuple(folded(t.text) for t in toks[first : first + size]) in known:
            return first + size
    return first


def titled_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a Malay title cut from a tagger name (``Majistret Nabilah Nizam``
    is the PERSON Nabilah Nizam) and a title alone (``Naib Canselor``) dropped; a tagger place or
    organisation opening with one (``Timbalan Pendakwa Raya Qatrin Nada Harun``) is that person too."""
    out = []
    for c in cands:
        if c.source in RULE_SOURCES and c.entity_type in ("PERSON", "ORG", "LOC"):
            end = _ms_title_end(toks, c.first, c.last)
            if end == c.last:
                continue
            if end > c.first:
                rest = toks[end : c.last]
                if c.entity_type == "PERSON" or (
                    1 <= len(rest) <= 4 and all(t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper() for t in rest)
                ):
                    c = Candidate(end, c.last, "PERSON", c.source)
        out.append(c)
    return out


@cache
def _name_openers() -> frozenset[str]:
    """Return folded Malay words that open a name inside a full name (``abdul``, ``wan``)."""
    return frozenset(folded(row[0]) for row in data_rows("name_openers_ms.tsv") if row and row[0])


_MAX_NAME_RUN = 4


def _name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.isalpha() and not tok.text.isupper()


def opened_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a tagger PERSON cut at a Malay name opener run on over the rest of the
    name (``Datuk [Akramuddin] Abdul Aziz Safiat`` is ``Akramuddin Abdul Aziz Safiat``; ``Datuk Seri
    [Wan] Rosdy Wan Ismail`` is ``Wan Rosdy Wan Ismail``); other people's spans inside it are dropped."""
    openers = _name_openers()
    other_starts = {c.first for c in cands if c.entity_type != "PERSON"}
    out: list[Candidate] = []
    for c in cands:
        if out and out[-1].entity_type == "PERSON" and c.entity_type == "PERSON" and c.first < out[-1].last:
            continue  # inside the name run on before
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES:
            last = c.last
            opens = folded(toks[last - 1].text) in openers or (
                last + 1 < len(toks) and folded(toks[last].text) in openers and _name_word(toks[last])
                and toks[last].start - toks[last - 1].end == 1
            )
            if opens:
                while (
                    last < len(toks) and last - c.last < _MAX_NAME_RUN and last not in other_starts
                    and toks[last].start - toks[last - 1].end == 1 and _name_word(toks[last])
                ):
                    last += 1
                if folded(toks[last - 1].text) not in openers and last > c.last:
                    c = Candidate(c.first, last, "PERSON", c.source)
        out.append(c)
    return out
