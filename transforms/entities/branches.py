"""Indonesian regional branches of bodies: ``KPU Kabupaten Labuhanbatu Utara``, ``DPRD Bone``, ``NasDem
Sumut`` are one ORG, the body's branch in that region; the bare name elsewhere stays the national body."""

from __future__ import annotations

from newsetl.transforms.entities.gazetteer import gazetteer_entry
from newsetl.transforms.entities.headed import region_end
from newsetl.transforms.entities.levels import one_level_name
from newsetl.transforms.entities.lexicon import district_names, folded, non_names, word_classes
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, is_acronym
from newsetl.transforms.entities.tokens import TextMemo, Token, TokenTexts

def region_word(word: str) -> bool:
    """Return True for an Indonesian region name that is no usual given name (``Bone``, not ``Bambang``)."""
    return folded(word) in district_names() and word_classes("id").get(word.lower()) != "PER"


REGION_HEADS = frozenset({"kabupaten", "kota", "provinsi"})
# Level words a branch's key leaves out when one region has the name (not "Provinsi": "DPRD Bengkulu"
# is the province's, "DPRD Kota Bengkulu" the city's).
_LEVEL_WORDS = frozenset({"kabupaten", "kota"})


def _province(name: str) -> bool:
    entry = gazetteer_entry(name)
    return entry is not None and entry.kind == "province"




def _branch_acronym(word: str) -> bool:
    return is_acronym(word) and 3 <= len(word) <= 8


_BRANCH_OPENING = TextMemo(_branch_acronym)


def regional_branches(toks: list[Token], cands: list[Candidate], language: str, texts: TokenTexts | None) -> list[Candidate]:
    """Return the candidates with an organisation and the Indonesian region right after it made one
    ORG, the body's regional branch (``KPU Kabupaten Labuhanbatu Utara``, ``DPRD Bone``, ``Kadis
    PUPR Sumut``, ``NasDem Sumut``); the bare name elsewhere stays the national body.

    The organisation is an ORG candidate or an acronym no candidate holds; the region (after an
    optional ``Kabupaten``/``Kota``/``Provinsi``) is a Kemendagri name no candidate but a place
    holds, or that opens a person's span (``DPRD Bone Andi Tenri``: the person keeps the rest).
    """
    if language != "id":
        return cands
    owner: dict[int, Candidate] = {}
    for c in cands:
        for k in range(c.first, c.last):
            owner[k] = c
    n = len(toks)
    merged: dict[int, Candidate] = {}  # by the start of the branch
    dropped: set[int] = set()
    replaced: dict[int, Candidate] = {}
    # Only an acronym or the last word of an ORG opens a branch: those positions, in order.
    starts = set(_BRANCH_OPENING.positions(texts or TokenTexts(toks)))
    starts.update(c.last - 1 for c in cands if c.entity_type == "ORG")
    for k in sorted(k for k in starts if k < n - 1):
        word = toks[k].text
        c = owner.get(k)
        if not (_branch_acronym(word) if c is None else (
            c.entity_type == "ORG" and c.last == k + 1 and word[:1].isupper() and c.source != "domain"
        )):
            continue
        if c is None and folded(word) in non_names():
            continue
        p = k + 1
        if toks[p].start - toks[k].end != 1:
            continue
        if toks[p].text.lower() in REGION_HEADS and toks[p].text[:1].isupper() and p + 1 < n:
            p += 1
        end = region_end(toks, p)
        if end is None or any(toks[j].start - toks[j - 1].end != 1 for j in range(k + 1, end)):
            continue
        inside = {id(o): o for o in (owner.get(j) for j in range(k + 1, end)) if o is not None}
        person = None
        ok = True
        for o in inside.values():
            if o.entity_type == "LOC" and o.first > k and o.last <= end:
                continue
            if o.entity_type == "PERSON" and o.first == k + 1 and o.last >= end and o.source in RULE_SOURCES:
                person = o
                continue
            ok = False
        if not ok or (person is not None and not all(region_word(t.text) for t in toks[person.first : end])):
            continue
        first = c.first if c is not None else k
        merged[first] = Candidate(first, end, "ORG", "headed")
        region = " ".join(t.text for t in toks[p:end])
        if p == k + 2 and toks[k + 1].text.lower() in _LEVEL_WORDS and one_level_name(region) and not _province(region):
            # "KPU Kota Makassar" is "KPU Makassar": one city of the name, so the level word keys nothing.
            short = " ".join(t.text for t in toks[first : k + 1]) + " " + region
            merged[first] = Candidate(first, end, "ORG", "headed", short, "ORG:" + folded(short))
        dropped |= set(inside)
        if c is not None:
            dropped.add(id(c))
        if person is not None and person.last > end:
            replaced[id(person)] = Candidate(end, person.last, "PERSON", person.source)
    if not merged:
        return cands
    out = [replaced.get(id(c), c) for c in cands if id(c) not in dropped or id(c) in replaced]
    return sorted(out + list(merged.values()), key=lambda c: (c.first, c.last))
