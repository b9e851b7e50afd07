"""Candidate name spans from rules, gazetteers and taggers, merged into one non-overlapping set.

Precedence: ministry names, then gazetteer names, then web domains, then tagger spans. A tagger
span may still override gazetteer places inside it when it clearly names something larger
(``Bank Indonesia`` is an ORG, ``Michael Jordan`` a PERSON); otherwise it keeps only the parts
the gazetteer leaves uncovered (``Kota Ganja`` -> the city ``Ganja``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsetl.transforms.entities.lexicon import folded, function_words, head_words, is_common_word, non_names, title_words
from newsetl.transforms.entities.roles import leading_title_end, title_end
from newsetl.transforms.entities.tokens import Token

_DOMAIN = re.compile(r"\w[\w-]*(?:\.\w[\w-]*)*\.(?:com|co\.id|id|net|org|tv|news|info|co\.uk)", re.IGNORECASE)
# Place kinds a larger organisation or person name may contain ("Bank Indonesia").
_CONTAINABLE = frozenset({"country", "city", "province", "region", "continent"})
MAX_NAME_TOKENS = 8
# Where a candidate came from when the precision rules may still cut, retype or drop it (a
# gazetteer, ministry or domain name is taken as written).
RULE_SOURCES = frozenset({"tagger", "propagated", "title", "headed"})
_EN_ORG_CONNECTORS = frozenset({"of", "for", "and", "the", "&"})


@dataclass(slots=True)
class Candidate:
    """A name over tokens ``first`` to ``last - 1``; gazetteer/rule hits carry their identity."""

    first: int
    last: int
    entity_type: str
    source: str  # ministry, domain, gazetteer, tagger, title, propagated
    canonical_name: str | None = None
    entity_key: str | None = None
    country_code: str | None = None
    kind: str | None = None


def taken_positions(cands: list[Candidate]) -> set[int]:
    """Return the token positions that some candidate covers (a pass extends a name only over free ones)."""
    return {k for c in cands for k in range(c.first, c.last)}


def one_word_persons_as_orgs(toks: list[Token], cands: list[Candidate], org_words: set[str]) -> list[Candidate]:
    """Return ``cands`` with each one-word PERSON whose text is in ``org_words`` typed ORG instead.

    Used after a pass has found an organisation's name in the document (`Danone Indonesia`,
    `Gazprom`): the same word alone elsewhere in it is that organisation, not a person.
    """
    if not org_words:
        return cands
    return [
        Candidate(c.first, c.last, "ORG", c.source)
        if c.entity_type == "PERSON" and c.last - c.first == 1 and toks[c.first].text in org_words else c
        for c in cands
    ]


def is_name_word(tok: Token, language: str) -> bool:
    """Return True for a capitalised word that is not an everyday, title or head word."""
    return is_name_text(tok.text, "en" if language == "en" else "id")


def is_acronym(word: str) -> bool:
    """Return True for a word of two or more capital letters only (``KPK``, ``UMNO``, ``BBC``)."""
    return len(word) >= 2 and word.isupper() and word.isalpha()


# Bounded: the distinct token texts of a long run are unbounded; the answer depends only on the text.
@lru_cache(maxsize=1 << 17)
def is_name_text(word: str, lang: str) -> bool:
    """Return True for a capitalised word that is not an everyday, title or head word of ``lang`` (``id``/``en``)."""
    return (
        word[:1].isupper()
        and any(c.isalpha() for c in word)
        and not is_common_word(word, lang)
        and folded(word) not in title_words(lang)
        and word.lower() not in head_words(lang)
    )


def domain_candidates(toks: list[Token]) -> list[Candidate]:
    """Return web-domain tokens (``Penapembaharu.com``) as ORG candidates."""
    # Each distinct token text is tested once; most documents have no dotted token at all.
    domains = {text for text in {t.text for t in toks} if "." in text and _DOMAIN.fullmatch(text)}
    if not domains:
        return []
    return [Candidate(i, i + 1, "ORG", "domain") for i, t in enumerate(toks) if t.text in domains]


def cleaned_span(toks: list[Token], first: int, last: int, kind: str, language: str) -> tuple[int, int] | None:
    """Return the span trimmed of titles and edge punctuation, or None when it names nothing."""
    while first < last and not toks[first].text[:1].isalnum():
        first += 1
    while last > first and not toks[last - 1].text[-1:].isalnum():
        last -= 1
    # A sentence-opening conjunction the tagger took in ("Biarpun Leicester") is no part of a name.
    while last - first > 1 and toks[first].text.lower() in function_words():
        first += 1
    if last - first == 1 and toks[first].text.lower() in function_words():
        return None  # a sentence-opening connective alone ("Justeru, beliau berkata") names nothing
    if kind == "PERSON":
        lang = "en" if language == "en" else "id"
        # A title may open before the span ("Tan" + "Sri Ahmad Yusof" is "Tan Sri" + a name).
        for j in range(max(0, first - 3), first):
            end = title_end(toks, j, lang)
            if end is not None and end > first:
                if end >= last:
                    return None  # the span is the tail of a title ("Setiausaha" + "Agung")
                first = end
                break
        first = leading_title_end(toks, first, last, lang)
        if title_end(toks, first, lang) == last:
            return None  # a title alone ("Datuk Seri", "Tan Sri") is nobody
        while first < last and not toks[first].text[:1].isupper():
            first += 1
    if first >= last or last - first > MAX_NAME_TOKENS:
        return None
    span = toks[first:last]
    if folded(" ".join(t.text for t in span)) in non_names():
        return None
    heads = head_words("en" if language == "en" else "id")
    # A person needs a name word; an organisation or place may lean on its head ("Defence Ministry").
    if not any(is_name_word(t, language) or (kind != "PERSON" and t.text.lower() in heads) for t in span):
        return None
    if kind == "PERSON":
        # A leading acronym qualifies the name ("PRK Parlimen ...", "KPK Tessa"): it is no part of it.
        while last - first > 1 and len(toks[first].text) >= 3 and toks[first].text.isupper():
            first += 1
        span = toks[first:last]
        # An acronym inside ("Himapol FISIP Unud") or alone past three letters (FISIP) is an organisation.
        if any(len(t.text) >= 3 and t.text.isupper() and t.text.isalpha() for t in span[1:]) or (
            len(span) == 1 and len(span[0].text) >= 4 and span[0].text.isupper()
        ):
            return None
        if span[0].text.lower() in heads or span[-1].text.lower() in heads:
            return None  # "Otorita IKN", "Kota Bandung", "Athens Olympics" name no person
        if any(any(c.isdigit() for c in t.text) or _DOMAIN.fullmatch(t.text) for t in span):
            return None
        # Several all-capital words are a headline or an acronym run, not a person.
        if last - first > 1 and all(t.text.isupper() for t in span if t.text.isalpha()):
            return None
    else:
        if all(t.text.lower() in heads or not t.text[:1].isalnum() for t in span):
            return None
    return first, last


def _overrides(toks: list[Token], first: int, kind: str, inside: list[Candidate], language: str, last: int = 0) -> bool:
    """Return True when a tagger span beginning at ``first`` should beat the places ``inside`` it.

    An ORG wins when capitalised non-title words precede the place (``Bank Indonesia``, not
    ``PM Armenia``); a PERSON only in English, where country names double as names
    (``Michael Jordan``) and Indonesian exonyms do not.
    """
    if kind not in ("ORG", "PERSON") or not inside:
        return False
    if kind == "ORG" and all(c.entity_type == "ORG" and c.kind == "university" and c.last == last for c in inside):
        # "SIL UI", "Departemen Kajian BEM UI": a school or unit of the university, one name with it;
        # the unit has its own acronym, else the words are a role or degree ("Rektor Undip").
        lead = toks[first : min(c.first for c in inside)]
        return all(t.text[:1].isupper() for t in lead) and any(
            len(t.text) >= 2 and t.text.isupper() and t.text.isalpha() for t in lead
        )
    # An English party's name may hold another's (``English Democrats``, ``Scottish Conservatives``).
    party = kind == "ORG" and language == "en"
    if any((c.entity_type != "LOC" or c.kind not in _CONTAINABLE) and not (party and c.kind == "party") for c in inside):
        return False
    lead = toks[first : min(c.first for c in inside)]
    if not lead and kind == "ORG" and language == "en":
        # A place opening an English organisation's name ("Wales Tourist Board", "London Stock
        # Exchange") is part of it when an organisation head closes the capitalised tail.
        tail = toks[max(c.last for c in inside) : last]
        return bool(tail) and all(t.text[:1].isupper() or t.text in _EN_ORG_CONNECTORS for t in tail) and (
            head_words("en").get(tail[-1].text.lower()) == "ORG"
        )
    if not lead:
        return False
    if kind == "ORG":
        # English names run on over "of" ("Motion Picture Association of America", "Bank of England").
        if language == "en":  # ... and lean on their head ("Association of America")
            return all(t.text[:1].isupper() or t.text in _EN_ORG_CONNECTORS for t in lead) and any(
                is_name_word(t, language) or head_words("en").get(t.text.lower()) == "ORG" for t in lead
            )
        # ... and in Indonesian/Malay also when an organisation head opens it ("PT Penjaminan
        # Infrastruktur Indonesia", "Kepolisian RI").
        return all(t.text[:1].isupper() for t in lead) and (
            any(is_name_word(t, language) for t in lead) or head_words("id").get(lead[0].text.lower()) == "ORG"
        )
    return language == "en" and all(is_name_word(t, language) for t in lead)


def merged_candidates(
    toks: list[Token],
    fixed: list[Candidate],
    gazetteer: list[Candidate],
    domains: list[Candidate],
    tagged: list[tuple[int, int, str]],
    language: str,
) -> list[Candidate]:
    """Return non-overlapping candidates sorted by position (see the module docstring)."""
    owner: list[Candidate | None] = [None] * len(toks)

    def free(first: int, last: int) -> bool:
        return all(owner[k] is None for k in range(first, last))

    def take(cand: Candidate) -> None:
        for k in range(cand.first, cand.last):
            owner[k] = cand

    for cand in [*fixed, *gazetteer, *domains]:
        if free(cand.first, cand.last):
            take(cand)
    for first, last, kind in tagged:
        inside = list({id(c): c for c in owner[first:last] if c is not None}.values())
        if inside and all(first <= c.first and c.last <= last for c in inside) and _overrides(
            toks, first, kind, inside, language, last
        ):
            for c in inside:
                for k in range(c.first, c.last):
                    owner[k] = None
            cleaned = cleaned_span(toks, first, last, kind, language)
            if cleaned:
                take(Candidate(*cleaned, kind, "tagger"))
            continue
        if language == "en" and kind == "PERSON" and any(c.entity_type == "ORG" for c in inside):
            continue  # what an organisation leaves of an English "person" is its desk ("BBC Sport")
        k = first
        while k < last:
            if owner[k] is not None:
                k += 1
                continue
            part_end = k
            while part_end < last and owner[part_end] is None:
                part_end += 1
            # What a place leaves of a PERSON span is the name ("Rusia Vladimir Putin"); what it
            # leaves of an ORG/LOC span is a qualifier ("Kota", "Barat").
            cleaned = cleaned_span(toks, k, part_end, kind, language)
            if cleaned and (kind == "PERSON" or (k == first and part_end == last)):
                take(Candidate(*cleaned, kind, "tagger"))
            k = part_end
    unique = {id(c): c for c in owner if c is not None}
    return sorted(unique.values(), key=lambda c: c.first)
