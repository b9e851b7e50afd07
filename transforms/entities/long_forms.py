"""Malay long forms written before a bracketed acronym, whose last words are a place.

``Suruhanjaya Komunikasi dan Multimedia Malaysia (SKMM)``, ``Lapangan Terbang Antarabangsa Kuala
Lumpur (KLIA)``, ``Pertubuhan Perjanjian Atlantik Utara (NATO)``: the capitalised run before the
bracket is the full name of what the acronym names, and the place closing it is part of that name,
no mention of the place. ``Presiden Amerika Syarikat (AS)`` is the place's own acronym: it stays.
"""

from __future__ import annotations

from newsetl.transforms.entities.lexicon import folded
from newsetl.transforms.entities.roles import leading_title_end
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Lower-case words and marks that continue a long form (``Komunikasi dan Multimedia``, ``Taman-Taman``).
_CONNECTORS = frozenset({"dan", "&", "-", "bagi", "untuk"})
_MAX_LONG_FORM = 10
# Words opening the names of airports, ports and stations (Kamus Dewan): such a long form is a place
# (``Lapangan Terbang Antarabangsa Kuala Lumpur (KLIA)``), not a body.
_FACILITY_HEADS = frozenset({"lapangan", "pelabuhan", "stesen", "terminal", "bandar"})
# Words opening the names of certificates and examinations (Kamus Dewan): such a long form names a
# document, no body, and the place closing it no place (``Sijil Pelajaran Malaysia (SPM)``).
_DOCUMENT_HEADS = frozenset({"sijil", "ijazah", "diploma", "peperiksaan", "ujian", "anugerah"})


def _run_start(toks: list[Token], end: int) -> int:
    """Return where the capitalised run closing at token ``end - 1`` starts (connectors inside only)."""
    k = end
    while k > 0 and end - k < _MAX_LONG_FORM:
        word = toks[k - 1].text
        if word[:1].isupper() and word[:1].isalpha():
            k -= 1
        elif word in _CONNECTORS and k >= 2 and toks[k - 2].text[:1].isupper() and not _acronym(toks[k - 2].text):
            k -= 1  # not after another body's acronym: ``PDRM dan Suruhanjaya ... (SKMM)`` names two
        else:
            break
    while k < end and not toks[k].text[:1].isupper():
        k += 1
    return k


def _acronym(word: str) -> bool:
    """Return True for an all-capital word of two or more letters or digits (``SKMM``, ``PR1MA``)."""
    return len(word) >= 2 and word.isalnum() and word.isupper()


def _own_acronym(toks: list[Token], c: Candidate, acronym: str) -> bool:
    """Return True when ``acronym`` spells the initials of the place itself (``Amerika Syarikat (AS)``)."""
    initials = "".join(w[0] for w in folded(" ".join(t.text for t in toks[c.first : c.last])).split())
    return initials == acronym.lower()


def long_forms_with_places(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a place closing the long form of a bracketed acronym replaced by
    that long form, typed and named as the acronym's mention (an ORG named after it when none)."""
    by_first = {c.first: c for c in cands}
    replaced: dict[int, tuple[int, Candidate | None]] = {}  # long form's start -> (end, candidate or none)
    for c in cands:
        k = c.last
        if (
            c.entity_type != "LOC" or k + 2 >= len(toks) or toks[k].text != "(" or toks[k + 2].text != ")"
            or not _acronym(toks[k + 1].text) or _own_acronym(toks, c, toks[k + 1].text)
        ):
            continue
        if any(o is not c and o.first <= c.first and c.last <= o.last for o in cands):
            continue  # inside a longer name found already (``Akademi Badminton Malaysia``)
        # A title opening the run is no part of the name (``Ketua Pegawai Eksekutif`` of ABM).
        start = leading_title_end(toks, _run_start(toks, c.first), c.first, "ms")
        if start == c.first:
            continue  # nothing before the place: ``Malaysia (MY)`` is the place
        if toks[start].text.lower() in _DOCUMENT_HEADS:
            replaced[start] = (c.last, None)  # ``Sijil Tinggi Persekolahan Malaysia (STPM)``: an exam
            continue
        acronym = by_first.get(k + 1)
        if acronym is not None and acronym.last == k + 2:
            long_form = Candidate(start, c.last, acronym.entity_type, "headed", acronym.canonical_name or toks[k + 1].text,
                                  acronym.entity_key, acronym.country_code, acronym.kind)
        else:
            kind = "LOC" if toks[start].text.lower() in _FACILITY_HEADS else "ORG"
            long_form = Candidate(start, c.last, kind, "headed", toks[k + 1].text)
        replaced[start] = (c.last, long_form)
    if not replaced:
        return cands
    spans = sorted(replaced.items())
    out = []
    for c in cands:
        if any(a <= c.first and c.last <= b for a, (b, _lf) in spans):
            continue
        out.append(c)
    out.extend(lf for _a, (_b, lf) in spans if lf is not None)
    return sorted(out, key=lambda c: c.first)
