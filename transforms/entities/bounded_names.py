"""Indonesian names the earlier passes drew: their bounds and types corrected (issue 16, Detik).

``bounded_names`` runs the passes of ``place_bounds`` and ``body_bounds`` and this module's: products
(``Allo Prime``), a hyphenated name's tail (``Getas-Ngandong``), a city that is a person's first name
in the document (``Vienna``), a title alone (``Letda``) and English phrases (``Ministerial Meeting``)
are no persons.
"""

from __future__ import annotations

from newsetl.transforms.entities.body_bounds import (
    bodies_unfused, country_units, indonesian_acronyms, institutions_named, numbers_cut, portfolio_tails_dropped,
)
from newsetl.transforms.entities.bound_words import proper_word
from newsetl.transforms.entities.lexicon import folded, is_common_word, titles
from newsetl.transforms.entities.place_bounds import (
    district_runs_as_places, english_bodies_after_places, places_continued, provinces_as_places, qualified_places,
    schools_named, slogan_countries_dropped,
)
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate
from newsetl.transforms.entities.tokens import Token


# English words closing a product's or plan's name in Indonesian business copy (``Allo Prime``,
# ``Syariah Card``, ``Patriot Bond``, ``Bukopin Saving Plan``, ``Collaborative Governance Model``): a thing sold or
# used, no person or body. Source: the banks' and companies' product pages; KBBI has none of them.
_PRODUCT_TAILS = frozenset({"card", "prime", "bond", "bonds", "device", "model", "pay", "app", "apps", "edition", "plan"})


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
    words = {t.text for c in products for t in toks[c.first : c.last - 1] if proper_word(t.text)}
    return [
        c for c in cands
        if not _product(toks, c) and not (
            c.source in ("tagger", "propagated") and c.entity_type in ("PERSON", "ORG") and c.last - c.first == 1
            and toks[c.first].text in words
        )
    ]


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


def titles_alone_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without tagger PERSONs that are a title or rank alone (``Letda``,
    ``Pak Dirlantas``'s ``Dirlantas``): an office, nobody's name."""
    return [
        c for c in cands
        if not (c.entity_type == "PERSON" and c.source in RULE_SOURCES
                and folded(" ".join(t.text for t in toks[c.first : c.last])) in titles("id"))
    ]


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
