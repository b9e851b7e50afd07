"""Indonesian and Malay places inside longer names (issue 16, Utusan and Detik): ``Maritim
Malaysia``, ``Malaysia Airlines``, ``Saudi Gazette`` name a body, a company or a newspaper, not
the place; ``Terbuka Malaysia`` a tournament; ``saudara AS`` a suspect's initials; ``DPR AS``
the US House, not the DPR. The English counterpart is ``english_longer_names``."""

from __future__ import annotations

from functools import cache

from newsetl.transforms.entities.english_lexicon import joined, org_tails
from newsetl.transforms.entities.lexicon import data_rows, folded, head_words, is_common_word, titles
from newsetl.transforms.entities.placeness import place_heads
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Words written before a person's initials in crime reports (``saudara AS``, ``tersangka AS``).
_INITIALS_CUES = frozenset({"saudara", "sdr", "tersangka", "berinisial", "inisial", "pelaku", "korban"})
# Lower-case links inside a name built on a place (``Institute for ASEAN``).
_NAME_LINKS = frozenset({"of", "for", "&"})


@cache
def _words(kind: str) -> frozenset[str]:
    """Return the ``longer_names_id.tsv`` words of ``kind`` (org, event, state)."""
    found = frozenset(row[0] for row in data_rows("longer_names_id.tsv") if len(row) >= 2 and row[1] == kind)
    if kind == "org":
        found |= frozenset(w for w, t in head_words("id").items() if t == "ORG") | org_tails()
    return found - _words("state") if kind != "state" else found


def org_words() -> frozenset[str]:
    """Return the words that open or close an organisation's or a business's name (``Agensi``, ``Sdn``, ``Kafe``)."""
    return _words("org")


def state_words() -> frozenset[str]:
    """Return the words that put a place as a state or its people (``Kerajaan``, ``Rakyat``): no longer name."""
    return _words("state")


def opens_sentence(toks: list[Token], text: str, k: int) -> bool:
    """Return True when token ``k`` opens a sentence or a line."""
    return k == 0 or toks[k - 1].text in (".", "!", "?", ":", '"', "“") or "\n" in text[toks[k - 1].end : toks[k].start]


def _capital(tok: Token) -> bool:
    return tok.text[:1].isupper() and len(tok.text) > 1


def _name_start(toks: list[Token], text: str, k: int, owned: list[bool]) -> int:
    """Return where the unowned capitalised words joined before token ``k`` begin (``Agensi
    Penguatkuasaan Maritim`` before ``Malaysia``), through ``for``/``of`` links."""
    start = k
    while start > 0 and not owned[start - 1] and joined(toks, text, start - 1, start):
        if toks[start - 1].text in _NAME_LINKS and start >= 2 and _capital(toks[start - 2]) and not owned[start - 2]:
            start -= 1
        elif _capital(toks[start - 1]):
            start -= 1
        else:
            break
    return start


def _name_end(toks: list[Token], text: str, k: int, owned: list[bool]) -> int:
    """Return where the unowned capitalised words joined from token ``k`` on end (``Airlines``)."""
    end = k
    while end < len(toks) and not owned[end] and joined(toks, text, end - 1, end) and _capital(toks[end]):
        end += 1
    return end


def _acronym_follows(toks: list[Token], start: int, end: int) -> bool:
    """Return True when the name over ``start`` to ``end`` (two words or more) is followed by its
    bracketed acronym, the initials of its words (``Bulan Sabit Merah Malaysia (BSMM)``)."""
    if end - start < 2 or end + 2 >= len(toks) or toks[end].text != "(" or toks[end + 2].text != ")":
        return False
    return toks[end + 1].text == "".join(t.text[0] for t in toks[start:end]).upper() and toks[end + 1].text.isupper()


def _longer_name(toks: list[Token], text: str, c: Candidate, owned: list[bool]) -> tuple[int, int, str | None] | None:
    """Return ``(first, last, type)`` of the longer name the place ``c`` is part of: an ORG from
    its leftmost organisation word to its rightmost (``Agensi Penguatkuasaan Maritim Malaysia``,
    ``Iskandar Malaysia Studio``), no entity for a tournament (``Terbuka Malaysia``); None when
    the place stands alone, opens a name the country owns (``Kerajaan Malaysia``) or no word
    says what the name is (``Keluarga Malaysia``: left to the place)."""
    start, end = _name_start(toks, text, c.first, owned), _name_end(toks, text, c.last, owned)
    words = [folded(t.text) for t in toks[start:end]]
    before = words[: c.first - start]
    if before and (before[-1] in _words("state") or before[-1] in place_heads()) and not any(w in _words("org") for w in before):
        return None  # "Kerajaan Malaysia", "Semenanjung Malaysia", "Kabupaten Bandung Barat"
    if before and before[-1] in _words("event"):
        return (start, end, None)  # "Terbuka Malaysia": the Malaysia Open
    if end > c.last and words[-1] in _words("event"):
        return (start, end, None)  # "Indonesia Maritim Week", "Indonesia Masters": an event
    orgs = [i for i, w in enumerate(words) if w in _words("org")]
    opens = [i for i in orgs if i < c.first - start]
    closes = [i for i in orgs if i >= c.last - start]
    if not opens and not closes:
        # "Bulan Sabit Merah Malaysia (BSMM)", "Sijil Pelajaran Malaysia (SPM)": a body's or an
        # exam's name, which its acronym shows is one name; no word says which, so no entity.
        return (start, end, None) if (start, end) != (c.first, c.last) and _acronym_follows(toks, start, end) else None
    first = start + opens[0] if opens else start
    if not opens:  # "Kata Pengarah Malaysia Airlines": a title or an everyday word opens no name
        first = max([first] + [k + 1 for k in range(start, c.first) if folded(toks[k].text) in titles("id") or (
            k == start and is_common_word(toks[k].text, "id") and opens_sentence(toks, text, k)
        )])
    last = start + closes[-1] + 1 if closes else c.last
    return (first, last, "ORG")


def _initials(toks: list[Token], c: Candidate) -> bool:
    """Return True for a one-token all-capital country written after an initials cue (``saudara AS``)."""
    word = toks[c.first].text
    return c.last - c.first == 1 and word.isupper() and word.isalpha() and c.first > 0 and toks[c.first - 1].text.lower() in _INITIALS_CUES


def _foreign_body(toks: list[Token], text: str, org: Candidate, place: Candidate) -> bool:
    """Return True when an Indonesian body's name is followed by a foreign country (``DPR AS``:
    the US House of Representatives, not the DPR)."""
    return (
        org.entity_type == "ORG" and org.kind == "gov" and org.country_code in (None, "ID") and place.first == org.last
        and place.kind == "country" and place.country_code not in (None, "ID") and joined(toks, text, org.last - 1, org.last)
    )


def places_in_longer_names_id(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with gazetteer places inside a longer capitalised name replaced by
    that name's ORG (``Maritim Malaysia``, ``Malaysia Airlines``, ``Saudi Gazette``) or by nothing
    (``Terbuka Malaysia``), a country's code written as a person's initials (``saudara AS``) as a
    PERSON and an Indonesian body followed by a foreign country (``DPR AS``) as that country's body."""
    owned = [False] * len(toks)
    for c in cands:
        owned[c.first : c.last] = [True] * (c.last - c.first)
    spans: list[tuple[int, int, str | None]] = []
    replaced: dict[int, Candidate] = {}
    for i, c in enumerate(cands):
        if c.entity_type != "LOC" or c.source != "gazetteer":
            continue
        if c.kind == "country" and _initials(toks, c):
            replaced[i] = Candidate(c.first, c.last, "PERSON", "tagger")
            continue
        if i and _foreign_body(toks, text, cands[i - 1], c):
            org = cands[i - 1]
            name = text[toks[org.first].start : toks[c.last - 1].end]
            replaced[i - 1] = Candidate(org.first, c.last, "ORG", "headed", name, f"ORG:{folded(name)}", c.country_code, "country body")
            replaced[i] = None
            continue
        found = _longer_name(toks, text, c, owned)
        if found:
            spans.append(found)
    if not spans and not replaced:
        return cands
    out = [replaced.get(i, c) for i, c in enumerate(cands)]
    out = [c for c in out if c is not None and not any(a <= c.first and c.last <= b for a, b, _ in spans)]
    out += [Candidate(a, b, kind, "tagger") for a, b, kind in spans if kind]
    return sorted(out, key=lambda c: c.first)
