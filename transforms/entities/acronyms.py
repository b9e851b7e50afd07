"""``Long Name (ACR)``: the acronym a text defines for an organisation is an ORG mention too.

``Lembaga Pengelola Dana Pendidikan (LPDP)``: the tagger finds the long name, and the bracketed
acronym after it names the same body; later ``LPDP`` mentions then follow by propagation. When the
tagger missed the long name, a capitalised run whose initials spell the acronym and which opens
with an organisation head word (``Himpunan Pengusaha Muda Indonesia (HIPMI)``) is the ORG.
"""

from __future__ import annotations

from functools import cache

from newsetl.transforms.entities.lexicon import concept_heads, folded, head_words, is_common_word, non_names
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Lower-case words inside a long name that its acronym skips ("Badan Pengawas Obat dan Makanan").
_SKIPS = frozenset({"dan", "untuk", "bagi", "di", "ke", "dari", "of", "for", "and", "the", "yang", "&"})
_MAX_RUN = 9


@cache
def _org_heads() -> frozenset[str]:
    """Return the Indonesian and English words that open organisation names (``Himpunan``, ``Bank``)."""
    return frozenset(w for lang in ("id", "en") for w, kind in head_words(lang).items() if kind == "ORG")


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 8 and word.isupper() and word.isalnum() and word[0].isalpha()


def _run_start(toks: list[Token], k: int, acr: str) -> int | None:
    """Return where the run before ``(`` at ``k - 1`` starts when its initials spell ``acr``."""
    letters = acr.upper()
    for start in range(k - 2, max(-1, k - 1 - _MAX_RUN), -1):
        words = [t.text for t in toks[start : k - 1] if t.text.lower() not in _SKIPS]
        if not words or not all(w[:1].isupper() for w in words):
            return None
        initials = "".join(w[0] for w in words).upper()
        if initials == letters:
            return start
        if len(initials) >= len(letters):
            return None
    return None


def _is_short_form(word: str) -> bool:
    """A one-word short form after an organisation: ``LPDP``, ``Kemensos``, ``Unud``."""
    return _is_acronym(word) or (
        2 <= len(word) <= 10 and word.isalpha() and word[0].isupper() and not is_common_word(word, "id")
    )


def bracketed_acronyms(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with ORG mentions for short forms defined in brackets after an
    organisation's name.

    The short form joins when the candidate right before the bracket is an ORG (``Lembaga
    Pengelola Dana Pendidikan (LPDP)``, ``Dinas Sosial (Dinsos)``). With no ORG there, a
    capitalised run before it that opens with an organisation head word and whose initials spell
    the acronym is the ORG, over the places and name parts inside it (``Institut Teknologi Bandung
    (ITB)``, ``Kementerian Lingkungan Hidup dan Kehutanan (KLHK)``).
    """
    ends = {c.last: c for c in cands}
    owner: list[Candidate | None] = [None] * len(toks)
    for c in cands:
        for k in range(c.first, c.last):
            owner[k] = c
    heads = _org_heads()
    concepts = concept_heads(language)
    added, dropped = [], set()
    for k in range(2, len(toks) - 1):
        acr = toks[k].text
        if toks[k - 1].text != "(" or toks[k + 1].text != ")" or owner[k] is not None:
            continue
        if folded(acr) in non_names():
            continue  # "Ahli Dewan Undangan Negeri (ADUN)": a member's title, no organisation
        before = ends.get(k - 1)
        if before is not None and before.entity_type == "ORG":
            if _is_short_form(acr):
                added.append(Candidate(k, k + 1, "ORG", "tagger"))
            continue
        if not _is_acronym(acr):
            continue
        start = _run_start(toks, k, acr)
        if start is None:
            continue
        inside = {id(c): c for c in owner[start : k - 1] if c is not None}
        if any(c.entity_type == "PERSON" or c.first < start for c in inside.values()):
            continue
        opener = toks[start].text.lower()
        if opener in heads and opener not in concepts:
            dropped |= set(inside)
            added += [Candidate(start, k - 1, "ORG", "tagger"), Candidate(k, k + 1, "ORG", "tagger")]
    if not added:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.first)
