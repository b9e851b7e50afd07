"""Word tests shared by the Indonesian bound passes (``place_bounds``, ``body_bounds``, ``bounded_names``)."""

from __future__ import annotations

from newsetl.transforms.entities.lexicon import capital_shares, is_common_word, word_classes
from newsetl.transforms.entities.tokens import Token

# Words that follow a place's name to name a part or the greater area of it (``Indonesia Timur``,
# ``Asia Pasifik``, ``Bandung Raya``): Indonesian puts the modifier after its head. Source: KBBI
# (mata angin; raya "besar, agung"); Kemendagri regional names.
PLACE_MODIFIERS = frozenset({"timur", "barat", "utara", "selatan", "tengah", "tenggara", "laut", "daya", "raya", "pasifik"})


# Words written after a body's name to cite its document (``Kejaksaan Negeri Majalengka Nomor 12``).
NUMBER_WORDS = frozenset({"nomor", "no", "tahun", "nomer"})


def adjacent(toks: list[Token], a: int, b: int) -> bool:
    """Return True when tokens ``a`` and ``b`` are one space apart."""
    return toks[b].start - toks[a].end == 1


def proper_word(word: str) -> bool:
    """Return True for a word nearly always written capitalised, or never seen in lower case."""
    low = word.lower()
    share = capital_shares("id").get(low)
    return word.isalpha() and (share in ("c3", "up") or (share is None and not is_common_word(word, "id")))


def common_word(word: str) -> bool:
    """Return True for an everyday Indonesian word, or one NERP tags as no name."""
    return is_common_word(word, "id") or word_classes("id").get(word.lower()) == "O"
