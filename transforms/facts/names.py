"""Capitalised name phrases read straight from the text, for use without a name tagger.

A *name phrase* is a run of capitalised words on one line joined by single spaces
(``Kementerian Luar Negeri Rusia``, ``Shushan Stepanyan``, ``Aljazeera.com``), with
particles such as ``bin`` or ``al`` allowed between capitalised words. Spans are
``(start, end)`` character offsets.
"""

from __future__ import annotations

import re
from functools import cache

from newsetl.transforms.facts.lexicon import country_names, country_tokens, data_file

Span = tuple[int, int]

# Dots are part of a word only inside it (``Aljazeera.com``), never at its end (``Pashinyan.``).
WORD = re.compile(r"[^\W_](?:[\w'’&-]|\.(?=[^\W_]))*")
_GAP = re.compile(r"[ \t\u00a0]{1,2}")
# How far to look for a phrase; real names are far shorter.
_WINDOW = 160
_MAX_WORDS = 7


@cache
def _classes() -> dict[str, frozenset[str]]:
    """Return the word classes of ``names.json`` as sets."""
    data = data_file("names.json")
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


def word_class(name: str) -> frozenset[str]:
    """Return the lower-case word set ``name`` (``titles``, ``role_words``, ``org_heads``, ...)."""
    return _classes()[name]


def _is_name_word(word: str) -> bool:
    """Return whether ``word`` may be part of a name: capitalised and not a common word."""
    return word[:1].isupper() and word.lower() not in _classes()["non_name_words"]


def name_phrase_after(text: str, pos: int, allow_lower_roles: bool = False) -> Span | None:
    """Return the span of the name phrase starting at ``pos`` (after blanks), or None.

    With ``allow_lower_roles`` leading lower-case title words are skipped
    (``kata juru bicara Kementerian ...`` -> ``Kementerian ...``).
    """
    words = []
    previous_end = pos
    for match in WORD.finditer(text, pos, min(len(text), pos + _WINDOW)):
        gap = text[previous_end:match.start()]
        if words or previous_end != pos:
            if not _GAP.fullmatch(gap):
                break
        elif gap.strip(" \t\u00a0"):
            break
        previous_end = match.end()
        word = match.group()
        lower = word.lower()
        if _is_name_word(word):
            words.append(match)
        elif words and lower in _classes()["particles"]:
            words.append(match)
        elif not words and allow_lower_roles and lower in _classes()["titles"] | _classes()["role_words"]:
            continue
        else:
            break
        if len(words) >= _MAX_WORDS:
            break
    words = _ending_in_a_name_word(words)
    return (words[0].start(), words[-1].end()) if words else None


def name_phrase_before(text: str, pos: int, floor: int = 0) -> Span | None:
    """Return the span of the name phrase ending at ``pos`` (before blanks), not before ``floor``."""
    start = max(floor, pos - _WINDOW)
    matches = list(WORD.finditer(text, start, pos))
    if not matches or text[matches[-1].end():pos].strip(" \t\u00a0"):
        return None
    words = []
    for index in range(len(matches) - 1, -1, -1):
        match = matches[index]
        if words and not _GAP.fullmatch(text[match.end():words[-1].start()]):
            break
        word = match.group()
        if _is_name_word(word) or (words and word.lower() in _classes()["particles"]):
            words.append(match)
        else:
            break
        if len(words) >= _MAX_WORDS:
            break
    words = _ending_in_a_name_word(words)  # collected backwards: the last is the phrase's first word
    return (words[-1].start(), words[0].end()) if words else None


def _ending_in_a_name_word(words: list) -> list:
    """Return ``words`` (regex matches) without the particles left after their last name word."""
    while words and not _is_name_word(words[-1].group()):
        words.pop()
    return words


def starts_with(text: str, span: Span, word_set: str) -> bool:
    """Return whether the phrase at ``span`` starts with a word of class ``word_set``."""
    first = WORD.match(text, span[0], span[1])
    return bool(first) and first.group().lower() in _classes()[word_set]


def _is_role_word(word: str) -> bool:
    """Return whether ``word`` belongs to a title rather than a name (``Menteri``, ``Rusia``, ``TNI``)."""
    lower = word.lower()
    classes = _classes()
    return (
        lower in classes["titles"] or lower in classes["role_words"] or lower in classes["org_heads"]
        or lower in country_tokens() or (len(word) > 1 and word.isupper())  # TNI, PBB, NATO
    )


def person_part(text: str, span: Span) -> Span:
    """Return the span of the personal name inside a phrase that also holds a title.

    ``Menteri Luar Negeri Rusia Sergey Lavrov`` -> ``Sergey Lavrov``,
    ``Armenian Prime Minister Nikol Pashinyan`` -> ``Nikol Pashinyan``; the
    name is what follows the last title, role, organisation, country or acronym
    word. A phrase without a title, or one that is only a role
    (``Perdana Menteri Armenia``), is returned unchanged.
    """
    words = list(WORD.finditer(text, span[0], span[1]))
    if not any(w.group().lower() in _classes()["titles"] for w in words):
        return span
    last_role = max((i for i, w in enumerate(words) if _is_role_word(w.group())), default=-1)
    if last_role == len(words) - 1:
        return span
    return words[last_role + 1].start(), span[1]


def tail_kind(text: str, span: Span) -> str | None:
    """Return ``org`` or ``place`` when the phrase's last word ends such names (``Carling Cup``, ``Woodhill Prison``)."""
    words = WORD.findall(text, span[0], span[1])
    last = words[-1].lower() if len(words) > 1 else ""
    if last in _classes()["place_tails"]:
        return "place"
    return "org" if last in _classes()["org_tails"] else None


def phrase_kind(text: str, span: Span) -> str:
    """Return ``org``, ``place`` or ``person``: what a name phrase most likely names."""
    if starts_with(text, span, "org_heads"):
        return "org"
    if tail := tail_kind(text, span):
        return tail
    if " ".join(text[span[0]:span[1]].casefold().split()) in country_names():
        return "place"
    return "person"
