"""``Long Name (ACR)``: the acronym a text defines for an organisation is an ORG mention too.

``Lembaga Pengelola Dana Pendidikan (LPDP)``: the tagger finds the long name, and the bracketed
acronym after it names the same body; later ``LPDP`` mentions then follow by propagation. When the
tagger missed the long name, a capitalised run whose initials spell the acronym and which opens
with an organisation head word (``Himpunan Pengusaha Muda Indonesia (HIPMI)``) is the ORG.
"""

from __future__ import annotations

from functools import cache

from newsetl.transforms.entities.english_lexicon import org_tails
from newsetl.transforms.entities.headed import region_end
from newsetl.transforms.entities.lexicon import concept_heads, folded, head_words, is_common_word, non_names, titles
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Lower-case words inside a long name that its acronym skips ("Badan Pengawas Obat dan Makanan").
_SKIPS = frozenset({"dan", "untuk", "bagi", "di", "ke", "dari", "of", "for", "and", "the", "yang", "&"})
_MAX_RUN = 9


@cache
def _org_heads() -> frozenset[str]:
    """Return the Indonesian and English words that open organisation names (``Himpunan``, ``Bank``)."""
    return frozenset(w for lang in ("id", "en") for w, kind in head_words(lang).items() if kind == "ORG")


@cache
def _english_org_tails() -> frozenset[str]:
    """Return the words closing English organisation names (``Organization``, ``Association``, ``Labs``)."""
    return frozenset(w for w, kind in head_words("en").items() if kind == "ORG") | org_tails()


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 8 and word.isupper() and word.isalnum() and word[0].isalpha()


def _run_start(toks: list[Token], k: int, acr: str) -> int | None:
    """Return where the run before ``(`` at ``k - 1`` starts when its initials spell ``acr``."""
    letters = acr.upper()
    for start in range(k - 2, max(-1, k - 1 - _MAX_RUN), -1):
        # A hyphen joins the words of a compound, each spelt (``Self-Regulatory``).
        words = [t.text for t in toks[start : k - 1] if t.text.lower() not in _SKIPS and t.text != "-"]
        if not words or not all(w[:1].isupper() for w in words):
            return None
        initials = "".join(w[0] for w in words).upper()
        if initials == letters:
            return start
        if len(initials) >= len(letters):
            return None
    return None


def _person_initials(toks: list[Token], person: Candidate) -> set[str]:
    """Return the initials a text may give a person: of the name's words, and with the title or
    address word before it (``Kang`` of ``Kang Dedi Mulyadi (KDM)``)."""
    words = [t.text for t in toks[person.first : person.last] if t.text[:1].isalpha()]
    found = {"".join(w[0] for w in words).upper()}
    if person.first > 0 and folded(toks[person.first - 1].text) in titles("id"):
        found.add((toks[person.first - 1].text[0] + "".join(w[0] for w in words)).upper())
    return found if len(words) >= 2 else set()


def person_initials(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a PERSON for a person's initials in brackets after the person
    (``Ridwan Kamil (RK)``, ``Kang Dedi Mulyadi (KDM)``): kind ``initials``, the person's name as
    canonical name, which ``docresolve`` keys every mention of the initials by. A tagger ORG over the
    bracket gives way."""
    persons = {c.last: c for c in cands if c.entity_type == "PERSON"}
    by_first = {c.first: c for c in cands}
    out, dropped = [], set()
    for k in range(2, len(toks) - 1):
        acr = toks[k].text
        if toks[k - 1].text != "(" or toks[k + 1].text != ")" or not _is_acronym(acr):
            continue
        person = persons.get(k - 1)
        if person is None or acr not in _person_initials(toks, person):
            continue
        if any(is_common_word(t.text, "en") for t in toks[person.first : person.last]):
            continue  # "Sovereign Wealth Fund (SWF)": an English body or term the tagger took for a person
        held = by_first.get(k)
        if held is not None and (held.last != k + 1 or held.source not in ("tagger", "propagated", "gazetteer")):
            continue
        if held is not None:
            dropped.add(id(held))
        name = " ".join(t.text for t in toks[person.first : person.last])
        out.append(Candidate(k, k + 1, "PERSON", "tagger", name, None, None, "initials"))
    if not out:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + out, key=lambda c: c.first)


_MAX_UNSPELT = 3


def _spelling_run_start(toks: list[Token], k: int, acr: str) -> int | None:
    """Return where a whole capitalised run before ``(`` at ``k - 1`` starts when its initials begin
    with ``acr`` and a few words more follow (``Economic Research Institute for ASEAN and East Asia
    (ERIA)``: the acronym spells the name's head, not the region it closes with), else None."""
    letters = acr.upper()
    start = k - 1
    while start > 0 and k - 1 - start < _MAX_RUN and toks[start - 1].end + 1 >= toks[start].start and (
        toks[start - 1].text[:1].isupper() or toks[start - 1].text.lower() in _SKIPS
    ) and toks[start - 1].text.isalpha():
        start -= 1
    while start < k - 1 and toks[start].text.lower() in _SKIPS:
        start += 1
    words = [t.text for t in toks[start : k - 1] if t.text.lower() not in _SKIPS]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    initials = "".join(w[0] for w in words).upper()
    if initials.startswith(letters) and 0 < len(initials) - len(letters) <= _MAX_UNSPELT:
        return start
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
        if toks[k - 1].text != "(" or toks[k + 1].text != ")":
            continue
        if owner[k] is None or owner[k].entity_type == "ORG":
            # The tagger cut the long name to the places inside it ("ASEAN", "East Asia" of
            # "Economic Research Institute for ASEAN and East Asia (ERIA)"): the run the acronym
            # spells the head of, holding an organisation word, is the name.
            start = _spelling_run_start(toks, k, acr) if _is_acronym(acr) else None
            if start is not None:
                inside = {id(c): c for c in owner[start : k - 1] if c is not None}
                whole = any(c.first == start and c.last == k - 1 for c in inside.values())
                if not whole and any(t.text.lower() in heads for t in toks[start : k - 1]) and all(
                    start <= c.first and c.last <= k - 1 and c.entity_type != "PERSON" for c in inside.values()
                ):
                    dropped |= set(inside)
                    added.append(Candidate(start, k - 1, "ORG", "tagger"))
                    if owner[k] is None:
                        added.append(Candidate(k, k + 1, "ORG", "tagger"))
                    continue
        if owner[k] is not None:
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
        # English names put their head last (``Self-Regulatory Organization (SRO)``).
        if (opener in heads and opener not in concepts) or toks[k - 2].text.lower() in _english_org_tails():
            dropped |= set(inside)
            added += [Candidate(start, k - 1, "ORG", "tagger"), Candidate(k, k + 1, "ORG", "tagger")]
    if not added:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.first)


# Place kinds that are no branch's seat: "Dewan Perwakilan Rakyat (DPR) RI" stays the national body.
_NATIONAL_KINDS = frozenset({"country", "continent"})
_MAX_PLACE_ACRONYM = 5
# Schools name their seat, not a branch, after the bracket (``Universitas Diponegoro (Undip) Semarang``):
# the city stays its own mention. Source: KBBI; Detik usage.
_SCHOOL_WORDS = frozenset({"universitas", "universiti", "fakultas", "fakulti", "institut", "politeknik", "sekolah", "akademi"})


def placed_acronym_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with an organisation's name, its bracketed short form and the place or
    acronym written right after the bracket made one ORG (``Kepolisian Resor Kota (Polresta)
    Denpasar``, ``Pemerintah Kota (Pemkot) Denpasar``, ``Satuan Tugas (Satgas) MBG``), named without
    the brackets (``Kepolisian Resor Kota Denpasar``): the place says which branch, no place mention.

    The tail is a Kemendagri region, a non-country LOC candidate, or an all-capital word of two to
    five letters that no longer name holds (``(KSPSI) DIY``), on the same line, one space after ``)``.
    """
    n = len(toks)
    starts = {c.first: c for c in cands}
    merged: dict[int, Candidate] = {}
    dropped: set[int] = set()
    for c in cands:
        k = c.last
        if c.entity_type != "ORG" or k + 3 >= n or toks[k].text != "(" or toks[k + 2].text != ")":
            continue
        acr = starts.get(k + 1)
        p = k + 3
        if acr is None or acr.entity_type != "ORG" or acr.last != k + 2 or toks[p].start - toks[p - 1].end != 1:
            continue
        if any(t.text.lower() in _SCHOOL_WORDS for t in toks[c.first : c.last]):
            continue
        place = starts.get(p)
        end = region_end(toks, p)
        if end is None and toks[p].text == "Provinsi" and p + 1 < n:
            end = region_end(toks, p + 1)  # "(BPKAD) Provinsi Banten": Kemendagri names provinces bare
        if place is not None and place.entity_type == "LOC" and place.kind not in _NATIONAL_KINDS:
            end = max(end or 0, place.last)
        elif end is None and (place is None or place.last == p + 1) and (
            toks[p].text.isalpha() and toks[p].text.isupper() and 2 <= len(toks[p].text) <= _MAX_PLACE_ACRONYM
        ) and (place is None or place.entity_type != "ORG"):
            end = p + 1
        if end is None or (place is not None and place.kind in _NATIONAL_KINDS):
            continue
        inside = [o for o in cands if p <= o.first < end]
        if any(o.last > end or o.entity_type == "ORG" for o in inside):
            continue  # "(KPK) KPU ...": another body, or a longer name than the place
        words = [t.text for t in toks[c.first : c.last]] + [t.text for t in toks[p:end]]
        merged[c.first] = Candidate(c.first, end, "ORG", "headed", " ".join(words))
        dropped |= {id(c), id(acr)} | {id(o) for o in inside}
    if not merged:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + list(merged.values()), key=lambda c: (c.first, c.last))


def spells(acronym: str, words: list[str]) -> bool:
    """Return True when the capitals and digits of ``acronym`` are the initials of ``words``, the
    linking words skipped (``UKM``: ``Universiti Kebangsaan Malaysia``; ``UiTM``: ``Universiti
    Teknologi MARA``; ``KPDNHEP``: ``Kementerian Perdagangan Dalam Negeri dan Hal Ehwal Pengguna``)."""
    letters = "".join(ch for ch in acronym if ch.isupper() or ch.isdigit())
    initials = "".join(w[0] for w in words if w.lower() not in _SKIPS and w[:1].isalnum()).upper()
    return len(letters) >= 2 and letters == initials


def defined_acronyms(toks: list[Token], cands: list[Candidate]) -> dict[int, int]:
    """Return, by index in ``cands``, each one-word ORG in brackets mapped to the index of the ORG
    name of two or more words closing right before the bracket, when it spells that name's initials
    (``Universiti Kebangsaan Malaysia (UKM)``): the text defines the acronym as that name."""
    ends = {c.last: i for i, c in enumerate(cands) if c.entity_type == "ORG" and c.last - c.first >= 2}
    out = {}
    for i, c in enumerate(cands):
        k = c.first
        if c.entity_type != "ORG" or c.last != k + 1 or k < 2 or c.last >= len(toks):
            continue
        if toks[k - 1].text != "(" or toks[c.last].text != ")" or (k - 1) not in ends:
            continue
        j = ends[k - 1]
        if spells(toks[k].text, [t.text for t in toks[cands[j].first : cands[j].last]]):
            out[i] = j
    return out
