"""Malay names the tagger cuts in two: at an abbreviated name word or at an inner name prefix.

- ``Mohd. Shahiful Mhd. Nasir``: the full stop of an abbreviated name word (``Mohd.``, ``Mhd.``,
  ``Abd.``) ends no name; a person ending in one runs on over the person written right after it.
- ``Ku Shuib Ku Abdullah``, ``Tengku Maimun Tuan Mat``: a father's name opens with the same
  prefixes as a given name (``Ku``, ``Tuan``, ``Wan``, ``Syed``; Kamus Dewan, Malaysian registration
  practice); a person written right after one, after a capitalised name word, takes both in.
"""

from __future__ import annotations

from newsetl.transforms.entities.lexicon import folded, is_common_word
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, taken_positions
from newsetl.transforms.entities.tokens import Token

# Abbreviated given-name words written with a full stop (Malaysian registration: Mohd., Muhd., Md.,
# Mhd., Abd., Ab.).
_ABBREVIATED = frozenset({"mohd", "muhd", "mhd", "md", "abd", "ab", "moh", "muh"})
# Prefixes opening a father's name inside a full name (``Ku``, ``Tuan``, ``Wan``, ``Nik``, ``Che``,
# ``Syed``, ``Megat``, ``Raja``, ``Tengku``, ``Tunku``).
_INNER_PREFIXES = frozenset({"ku", "tuan", "wan", "nik", "che", "syed", "megat", "raja", "tengku", "tunku"})
_MAX_GIVEN_WORDS = 3


def _name_word(tok: Token) -> bool:
    word = tok.text
    return word[:1].isupper() and word.isalpha() and not word.isupper() and not is_common_word(word, "ms")


def _abbreviation_joined(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a person ending in an abbreviated name word joined over the
    person after its full stop (``Mohd. Shahiful Mhd`` + ``Nasir``), and a person written right after
    one alone taking it in (``Mohd. Misuari Abdullah``)."""
    taken = taken_positions(cands)
    out: list[Candidate] = []
    for c in cands:
        k = c.first - 2
        if (
            c.entity_type == "PERSON" and c.source in RULE_SOURCES and k >= 0 and toks[k + 1].text == "."
            and k not in taken and toks[k].text[:1].isupper() and folded(toks[k].text) in _ABBREVIATED
        ):
            c = Candidate(k, c.last, "PERSON", c.source)  # ``Mohd. [Misuari Abdullah]``
        prev = out[-1] if out else None
        if (
            prev is not None and prev.entity_type == "PERSON" and c.entity_type == "PERSON"
            and prev.source in RULE_SOURCES and c.source in RULE_SOURCES
            and c.first == prev.last + 1 and toks[prev.last].text == "."
            and folded(toks[prev.last - 1].text) in _ABBREVIATED
        ):
            out[-1] = Candidate(prev.first, c.last, "PERSON", prev.source)
            continue
        out.append(c)
    return out


def _prefix_joined(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a person written after an inner name prefix and the given name
    before it extended over both (``Ku Shuib Ku [Abdullah]``)."""
    taken = taken_positions(cands)
    out = []
    for c in cands:
        k = c.first - 1
        if (
            c.entity_type == "PERSON" and c.source in RULE_SOURCES and k >= 1 and k not in taken
            and folded(toks[k].text) in _INNER_PREFIXES and toks[k].text[:1].isupper()
        ):
            start = k
            while start - 1 >= 0 and k - start < _MAX_GIVEN_WORDS and start - 1 not in taken and _name_word(toks[start - 1]):
                start -= 1
            if start < k:
                if start >= 1 and start - 1 not in taken and folded(toks[start - 1].text) in _INNER_PREFIXES:
                    start -= 1  # the given name's own prefix: ``Ku`` Shuib
                c = Candidate(start, c.last, "PERSON", c.source)
        out.append(c)
    return out


def joined_name_runs(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with Malay names cut at an abbreviation or an inner prefix made whole."""
    return _prefix_joined(toks, _abbreviation_joined(toks, cands))
