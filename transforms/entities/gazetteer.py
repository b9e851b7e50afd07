"""Known places and organisations, matched longest-first over tokens.

Countries come from CLDR via babel (``lexicons.territory_names``) and pycountry (ISO 3166-1
names), plus ``countries_extra.tsv`` for variants they lack; Indonesian provinces from pycountry
(ISO 3166-2:ID); cities and regions from ``places.tsv``; organisations from ``organisations.tsv``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

import pycountry
from babel import Locale

from newsetl.transforms.entities.lexicon import data_rows, folded
from newsetl.transforms.entities.tokens import TextMemo, Token, TokenTexts, tokens
from newsetl.transforms.lexicons import territory_names

# Kosovo has a user-assigned code that pycountry omits but CLDR and news use.
_EXTRA_CODES = frozenset({"XK"})
_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")
# Punctuation that may sit inside a multi-word name (``Washington D.C.``, ``Al-Jazeera``).
_JOINERS = frozenset(".-&'’")
CASE_ANY, CASE_CAPITAL, CASE_UPPER = 0, 1, 2


class GazetteerEntry(NamedTuple):
    """What a known name denotes: type, display name, entity key, country code and kind."""

    entity_type: str
    canonical_name: str
    entity_key: str
    country_code: str | None
    kind: str  # country, city, region, continent, province, agency, media, intl, ...
    tagged: bool = True  # seen by the tagger's gazetteer feature (rows added after training are not)


class GazetteerMatch(NamedTuple):
    """A gazetteer hit covering tokens ``first`` to ``last - 1``."""

    first: int
    last: int
    entry: GazetteerEntry


def _case_rule(alias: str) -> int:
    """Return how strictly the text's case must follow ``alias`` (acronyms must be upper-case)."""
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return CASE_UPPER
    return CASE_CAPITAL if alias[:1].isupper() else CASE_ANY


def _country_names() -> list[tuple[str, str]]:
    """Return ``(alias, alpha-2 code)`` pairs for every country in CLDR (``lexicons.territory_names``) and pycountry."""
    pairs = [(name, code) for name, code in territory_names()
             if len(code) == 2 and (pycountry.countries.get(alpha_2=code) or code in _EXTRA_CODES)]
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                pairs.append((name, country.alpha_2))
    expanded = []
    for name, code in pairs:
        # "Myanmar (Burma)" names two aliases; "Antigua & Barbuda" is written with "dan"/"and".
        inner = _PARENTHESES.search(name)
        base = _PARENTHESES.sub("", name).strip()
        forms = {base} | ({inner.group(1)} if inner else set())
        for form in list(forms):
            if "&" in form:
                forms |= {form.replace("&", "dan"), form.replace("&", "and")}
        expanded.extend((form, code) for form in forms)
    return expanded


@cache
def country_display_name(code: str) -> str:
    """Return the English display name of an ISO 3166-1 alpha-2 code (``RU`` -> ``Russia``)."""
    name = Locale("en").territories.get(code) or code
    return _PARENTHESES.sub("", name).strip()


def _country_entry(code: str) -> GazetteerEntry:
    name = country_display_name(code)
    return GazetteerEntry("LOC", name, "LOC:" + folded(name), code, "country")


def _all_aliases(language: str) -> list[tuple[str, GazetteerEntry]]:
    """Return every ``(alias, entry)`` for ``language``; earlier pairs win on conflicts."""
    pairs = [(alias, _country_entry(code)) for alias, code in _country_names()]
    for row in data_rows("countries_extra.tsv"):
        # Malay reads the Indonesian rows too, plus its own (``ms``), which the Indonesian tagger's
        # training text never sees.
        if len(row) >= 3 and (row[2] in (language, "any") or (language == "ms" and row[2] == "id")):
            pairs.append((row[0], _country_entry(row[1])))
    for row in data_rows("places.tsv"):
        if len(row) >= 3:
            # Rows marked ``rules`` came after the tagger was trained, as in organisations.tsv.
            tagged = not (len(row) >= 4 and row[3] == "rules")
            pairs.append((row[0], GazetteerEntry("LOC", row[1], "LOC:" + folded(row[1]), None, row[2], tagged)))
    for sub in pycountry.subdivisions.get(country_code="ID") or ():
        pairs.append((sub.name, GazetteerEntry("LOC", sub.name, "LOC:" + folded(sub.name), None, "province")))
    for row in data_rows("organisations.tsv"):
        if len(row) >= 3:
            tagged = not (len(row) >= 4 and row[3] == "rules")
            pairs.append((row[0], GazetteerEntry("ORG", row[1], "ORG:" + folded(row[1]), None, row[2], tagged)))
    return pairs


class _Index(NamedTuple):
    entries: dict[str, tuple[GazetteerEntry, int]]  # folded alias -> entry, case rule
    first_words: frozenset[str]
    max_tokens: int


@cache
def _index(language: str, tagger_only: bool = False) -> _Index:
    """Return the alias index for ``language`` (``id`` or ``en``), built once; ``tagger_only``: without
    the entries added after the tagger was trained (``GazetteerEntry.tagged``)."""
    entries: dict[str, tuple[GazetteerEntry, int]] = {}
    first_words = set()
    max_tokens = 1
    for alias, entry in _all_aliases(language):
        if tagger_only and not entry.tagged:
            continue
        key = folded(alias)
        if not key:
            continue
        rule = _case_rule(alias)
        if key in entries:
            # Same folded alias twice: the first entry wins, the looser case rule applies.
            old_entry, old_rule = entries[key]
            entries[key] = (old_entry, min(old_rule, rule))
            continue
        entries[key] = (entry, rule)
        first_words.add(key.split()[0])
        max_tokens = max(max_tokens, len(tokens(alias)))
    return _Index(entries, frozenset(first_words), max_tokens)


def _case_ok(span_text: str, rule: int) -> bool:
    if rule == CASE_UPPER:
        return span_text.upper() == span_text
    if rule == CASE_CAPITAL:
        return span_text[:1].isupper()
    return True


# Bounded: whether a token text can open an alias depends only on the text.
@lru_cache(maxsize=1 << 17)
def _may_open(word: str, language: str) -> bool:
    """Return True when the folded ``word`` starts with the first word of some alias of ``language``."""
    first_fold = folded(word)
    return bool(first_fold) and first_fold.split()[0] in _index(language).first_words


# Per language, whether a token text may open an alias (``_may_open``), remembered per text. The full
# index's opening words also serve ``tagger_only`` (a subset): positions are only where to look.
_OPENING: dict[str, TextMemo] = {}


def gazetteer_matches(toks: list[Token], text: str, language: str = "id", tagger_only: bool = False,
                      texts: TokenTexts | None = None) -> list[GazetteerMatch]:
    """Return non-overlapping gazetteer hits over ``toks`` (``texts`` their index, when built already),
    longest match first, left to right; ``tagger_only``: as the tagger was trained to see them (no
    entry added since, ``GazetteerEntry.tagged``)."""
    lang = language if language in ("en", "ms") else "id"
    index = _index(lang, tagger_only)
    matches = []
    n = len(toks)
    reach = 0  # left to right; a token inside an earlier hit starts nothing
    opening = _OPENING.get(lang) or _OPENING.setdefault(lang, TextMemo(lambda word: _may_open(word, lang)))
    for i in opening.positions(texts or TokenTexts(toks)):
        if i < reach:
            continue
        found = None
        words: list[str] = []
        limit = min(n, i + index.max_tokens)
        for j in range(i, limit):
            tok = toks[j]
            if j > i and (tok.start - toks[j - 1].end > 1 or "\n" in text[toks[j - 1].end : tok.start]):
                break
            fold = folded(tok.text)
            if fold:
                words.append(fold)
            elif tok.text not in _JOINERS:
                break
            else:
                continue
            hit = index.entries.get(" ".join(words))
            if hit and _case_ok(text[toks[i].start : tok.end], hit[1]):
                found = GazetteerMatch(i, j + 1, hit[0])
        if found:
            matches.append(found)
            reach = found.last
    return matches


@cache
def _name_types() -> dict[str, str]:
    """Return folded name -> ``LOC`` or ``ORG`` for every gazetteer alias of both languages, plus
    every ISO 3166-2 subdivision (pycountry) as ``LOC``, so ``Melaka`` or ``Selangor`` count too."""
    types = {folded(sub.name): "LOC" for sub in pycountry.subdivisions}
    for lang in ("en", "id"):
        types.update((key, entry.entity_type) for key, (entry, _) in _index(lang).entries.items())
    return types


def known_name_type(name: str) -> str | None:
    """Return ``LOC`` or ``ORG`` when the gazetteer knows ``name`` (any case or punctuation), else None."""
    return _name_types().get(folded(name))


def gazetteer_entry(name: str) -> GazetteerEntry | None:
    """Return the entry a whole name denotes in the Indonesian or English gazetteer, else None.

    ``Moskow`` -> Moscow (city), ``Turki`` -> Türkiye (country), ``Karabakh`` -> Nagorno-Karabakh (region).
    """
    key = folded(name)
    for language in ("id", "en"):
        hit = _index(language).entries.get(key)
        if hit is not None:
            return hit[0]
    return None
