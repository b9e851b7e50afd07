"""Malaysian Chinese names whose first syllable the tagger leaves out: ``Cha Hoong Fong``, ``Ka Siong``.

Malaysian Chinese names are written as romanised syllables, surname first (``Wee Ka Siong``,
``Lee Zii Jia``), and the press calls a person by the two given syllables (``Ka Siong``,
``Zii Jia``). Short syllables such as ``Ka``, ``Ban`` and ``Cha`` are also everyday words in the
tagger's lexicon, so it starts the name one word late (``Menurut Ka [Siong]``). A tagger person of
one or two such syllables right after another capitalised syllable takes it in.
"""

from __future__ import annotations

import re

from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, taken_positions
from newsetl.transforms.entities.tokens import Token

# One romanised Chinese syllable (Hanyu Pinyin, Wade-Giles, Cantonese and Hokkien spellings as
# Malaysian registration writes them: ``Ka``, ``Zii``, ``Hoong``, ``Siong``, ``Chui``): an
# onset of at most three consonants, one vowel group, an optional nasal or stop coda.
_SYLLABLE = re.compile(r"(?:[bcdfghjklmnpqrstvwxyz]{0,3})(?:[aeiou]{1,3})(?:ng|n|m|k|h|p|t)?")
# Malay words of one syllable-like shape that open a sentence capitalised (Kamus Dewan): never a name.
_FUNCTION_WORDS = frozenset({
    "dia", "ia", "dan", "yang", "tak", "nak", "ini", "pun", "lah", "jom", "ya", "jua", "kau", "hai",
    "bah", "eh", "oh", "sah", "sri", "tun", "toh", "haji", "hj", "dr", "prof", "tuan", "puan",
})
_MAX_GIVEN_SYLLABLES = 2


def _syllable(word: str) -> bool:
    """Return True for a title-case word that is one romanised Chinese syllable."""
    return word[:1].isupper() and word[1:].islower() and _SYLLABLE.fullmatch(word.lower()) is not None


def chinese_names_joined(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a tagger person of one or two Chinese syllables extended over the
    capitalised syllable written right before it (``Ka Siong``, ``Cha Hoong Fong``)."""
    taken = taken_positions(cands)
    out = []
    for c in cands:
        k = c.first - 1
        if (
            c.entity_type == "PERSON" and c.source in RULE_SOURCES and k >= 0 and k not in taken
            and c.last - c.first <= _MAX_GIVEN_SYLLABLES
            and all(_syllable(t.text) for t in toks[c.first : c.last])
            and _syllable(toks[k].text) and toks[k].text.lower() not in _FUNCTION_WORDS
            and toks[c.first].start - toks[k].end == 1
        ):
            c = Candidate(k, c.last, "PERSON", c.source)
        out.append(c)
    return out
