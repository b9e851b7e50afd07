"""Indonesian ministry names read as one ORG: ``Kementerian Luar Negeri Rusia``.

The portfolio is matched with rapidfuzz so spelling slips (``Luar Negari``, ``Kementrian``)
still resolve to one canonical name, and the country is named in Indonesian (CLDR via babel).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from babel import Locale
from rapidfuzz import fuzz, process

from newsetl.transforms.entities.gazetteer import GazetteerMatch
from newsetl.transforms.entities.lexicon import data_rows, folded
from newsetl.transforms.entities.tokens import TextMemo, Token, TokenTexts

_MIN_SIMILARITY = 85


class MinistryMatch(NamedTuple):
    """A ministry name over tokens ``first`` to ``last - 1`` and its canonical Indonesian form."""

    first: int
    last: int
    canonical_name: str


@cache
def _heads() -> dict[str, str]:
    return {folded(r[1]): r[2] for r in data_rows("ministries.tsv") if len(r) >= 3 and r[0] == "head"}


@cache
def _portfolios(size: int) -> dict[str, str]:
    """Return folded portfolio phrases of ``size`` words mapped to their canonical form."""
    rows = data_rows("ministries.tsv")
    return {
        folded(r[1]): r[2]
        for r in rows
        if len(r) >= 3 and r[0] == "portfolio" and len(folded(r[1]).split()) == size
    }


@cache
def _max_portfolio_words() -> int:
    """Return the word count of the longest portfolio phrase (``Pendidikan Dasar dan Menengah``: 4)."""
    return max(len(folded(r[1]).split()) for r in data_rows("ministries.tsv") if len(r) >= 3 and r[0] == "portfolio")


def portfolio_end(toks: list[Token], start: int) -> tuple[int, str] | None:
    """Return ``(end token, canonical portfolio)`` of the longest portfolio phrase at ``start``."""
    for size in range(min(_max_portfolio_words(), len(toks) - start), 0, -1):
        words = [folded(t.text) for t in toks[start : start + size]]
        if not all(w.isalpha() for w in words):
            continue
        name = _portfolio_named(" ".join(words), size)
        if name is not None:
            return start + size, name
    return None


# Bounded: the answer depends only on the phrase, which repeats across titles and articles.
@lru_cache(maxsize=1 << 16)
def _portfolio_named(phrase: str, size: int) -> str | None:
    """Return the canonical portfolio closest to the folded ``phrase`` of ``size`` words, if close enough."""
    # Only phrases with as many words compete, so "Luar Negeri AS" is not "Luar Negeri".
    choices = _portfolios(size)
    best = process.extractOne(phrase, choices.keys(), scorer=fuzz.ratio, score_cutoff=_MIN_SIMILARITY)
    return choices[best[0]] if best else None


_OPENING = TextMemo(lambda word: folded(word) in _heads())


def ministry_matches(toks: list[Token], countries: list[GazetteerMatch],
                     texts: TokenTexts | None = None) -> list[MinistryMatch]:
    """Return ministry names in ``toks`` (``texts`` their index, when built already); lower-case
    ones only when a country follows them."""
    heads = _heads()
    by_first = {m.first: m for m in countries if m.entry.kind == "country"}
    # A gazetteer organisation opening at the head word and reaching further is that name whole
    # (``Kementerian Kesihatan Malaysia``, KKM): the ministry reading would cut its country off.
    named_to = {m.first: m.last for m in countries if m.entry.entity_type == "ORG"}
    found = []
    reach = 0  # left to right; tokens up to the end of an earlier phrase start nothing
    for i in _OPENING.positions(texts or TokenTexts(toks)):
        if i < reach:
            continue
        head = heads[folded(toks[i].text)]
        portfolio = portfolio_end(toks, i + 1) if head else None
        if not portfolio:
            continue
        end, name = portfolio
        if named_to.get(i, 0) > end:
            reach = named_to[i]
            continue
        country = by_first.get(end)
        if country is None and not toks[i].text[:1].isupper():
            reach = end
            continue
        canonical = f"{head} {name}"
        if country is not None:
            code = country.entry.country_code or ""
            canonical += " " + (Locale("id").territories.get(code) or country.entry.canonical_name)
            end = country.last
        found.append(MinistryMatch(i, end, canonical))
        reach = end
    return found
