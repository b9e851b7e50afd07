"""Indonesian affixed words opening a sentence or a quote, which the tagger reads as persons.

A capitalised word at a sentence's start that carries a verb's affixes (``Digorok dari
belakang``: di- + gorok) or the emphatic particle (``Siaplah``, ``Mulailah``) is a verb, not a
name: the document writes the same root in lower case with another affix (``menggorok``), or the
root is an everyday word. Source: KBBI (prefiks di-, ter-, ber-, me-; partikel -lah, -kah).
"""

from __future__ import annotations

from newsetl.transforms.entities.lexicon import capital_shares, is_common_word
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# What opens a sentence, a quote or a bracket before its first word.
_OPENERS = frozenset({".", '"', "\u201c", "!", "?", ":", "(", "'"})
_PREFIXES = ("di", "ter", "ber")
_PARTICLES = ("lah", "kah")
_MIN_ROOT = 4


def _opens_sentence(toks: list[Token], k: int) -> bool:
    return k == 0 or toks[k - 1].text in _OPENERS


def _lower_roots(toks: list[Token]) -> list[str]:
    return [t.text for t in toks if t.text.isalpha() and t.text.islower() and len(t.text) > _MIN_ROOT]


def _affixed(word: str, lower_words: list[str]) -> bool:
    """Return True for ``word`` a prefixed verb whose root the document writes in lower case with
    another affix (``Digorok`` ... ``menggorok``), or a word closed by an emphatic particle whose
    root is an everyday word or that news never writes capitalised (``Siaplah``, ``Udahlah``)."""
    low = word.lower()
    if low.endswith(_PARTICLES) and not low.endswith("llah") and len(low) - 3 >= 3:
        root = low[:-3]
        return is_common_word(root, "id") or low not in capital_shares("id")
    for prefix in _PREFIXES:
        root = low[len(prefix):]
        if low.startswith(prefix) and len(root) >= _MIN_ROOT and low not in capital_shares("id"):
            return any(w.endswith(root) and w != low for w in lower_words)
    return False


def affixed_openers_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without one-word tagger PERSONs that open a sentence and are affixed
    verbs (``Digorok``, ``Siaplah``): no name."""
    lower_words: list[str] | None = None
    out = []
    for c in cands:
        if (
            c.entity_type == "PERSON" and c.source in ("tagger", "propagated") and c.last - c.first == 1
            and _opens_sentence(toks, c.first) and toks[c.first].text.isalpha() and not toks[c.first].text.isupper()
        ):
            if lower_words is None:
                lower_words = _lower_roots(toks)
            if _affixed(toks[c.first].text, lower_words):
                continue
        out.append(c)
    return out
