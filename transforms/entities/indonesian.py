"""Indonesian evidence for names the tagger misses or mistypes (issue 16, Detik).

A person noun or an age (``seseorang bernama Cindy``, ``Suci Anggraini (30)``), a company word
(``Musim Mas Group``), a subheading's capital (``Ultimatum Prabowo``) and the abstract nouns of
offices (``Direktur Penyuluhan``) each say what a capitalised run is. Pure functions over tokens
and candidates, called by ``mentions.entity_mentions``.
"""

from __future__ import annotations

import re

from newsetl.transforms.entities.lexicon import capital_shares, folded, function_words, head_words, is_common_word
from newsetl.transforms.entities.roles import title_end
from newsetl.transforms.entities.spans import Candidate, is_name_word
from newsetl.transforms.entities.tokens import Token

# Words closing a company's name: a place the tagger reads in one is the company (``Comerica Bank``),
# and capitalised words before one the tagger skipped are its name (``Musim Mas Group``: "season", "gold").
COMPANY_TAILS = frozenset({"bank", "group", "grup", "tbk", "inc", "ltd", "corp", "corporation", "holdings"})
COMPANY_OPENERS = frozenset({"Bank", "PT"})
_MAX_COMPANY_WORDS = 3


def company_names(toks: list[Token], bounds, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return ORG spans of capitalised words closed by a company word that no tagger span covers
    (``Musim Mas Group``, ``Allo Bank``); function words and a sentence's opening common word end them."""
    covered = {k for a, b, _ in spans for k in range(a, b)}
    starts = {a for a, _ in bounds}
    inside = {k for a, b in bounds for k in range(a, b)}
    found = []
    for j, tok in enumerate(toks):
        if j in covered or j not in inside or tok.text[:1] != tok.text[:1].upper() or tok.text.lower() not in COMPANY_TAILS:
            continue
        if j + 1 < len(toks) and toks[j + 1].text[:1].isupper() and toks[j + 1].start - tok.end <= 1:
            continue  # "Focus Group Discussion", "Kartu Kredit Bank Mega": the name goes on, the word closes nothing
        a = j
        while a > 0 and j - a < _MAX_COMPANY_WORDS and (a - 1) not in covered and (a - 1) in inside:
            word = toks[a - 1]
            if not (word.text[:1].isupper() and word.text.isalpha()) or word.end + 1 < toks[a].start:
                break
            if folded(word.text) in function_words() or (a - 1 in starts and is_common_word(word.text, "id")):
                break
            a -= 1
        if a < j:
            found.append((a, j + 1, "ORG"))
    return found


# Nouns for a person before "bernama" ("seseorang bernama Cindy", "warga bernama Dermato") and kin
# nouns with a possessive before an appositive name ("istrinya, Dessi"). Source: KBBI.
_PERSON_NOUNS = frozenset({
    "seseorang", "orang", "pria", "wanita", "perempuan", "lelaki", "laki-laki", "warga", "pemuda", "pemudi",
    "remaja", "bocah", "anak", "ibu", "bapak", "kakek", "nenek", "rekannya", "temannya", "pelaku", "korban",
    "tersangka", "mahasiswa", "mahasiswi", "siswa", "siswi", "pengemudi", "sopir", "pedagang", "petani",
})
_KIN_APPOSITIVES = frozenset({
    "istrinya", "suaminya", "anaknya", "putrinya", "putranya", "ibunya", "ayahnya", "adiknya", "kakaknya",
    "cucunya", "keponakannya", "menantunya", "pacarnya", "kekasihnya",
})


def cued_persons(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with names a person noun introduces or an age closes typed PERSON:
    ``seseorang bernama Cindy``, ``istrinya, Dessi``, ``Suci Anggraini (30)`` (the tagger may call
    them places or miss them)."""
    def word(j: int) -> bool:
        return toks[j].text[:1].isupper() and toks[j].text.isalpha() and is_name_word(toks[j], language)

    def aged_word(j: int) -> bool:
        text = toks[j].text
        return (
            text[:1].isupper() and text[1:].islower() and text.isalpha() and title_end(toks, j, "id") is None
            and folded(text) not in head_words("id") and folded(text) not in function_words()
        )

    spans = []
    for k in range(2, len(toks)):
        before, cue = toks[k - 2].text.lower(), toks[k - 1].text.lower()
        if (cue == "bernama" and before in _PERSON_NOUNS) or (cue == "," and before in _KIN_APPOSITIVES):
            last = k
            while last < len(toks) and last - k < 4 and word(last) and (last == k or toks[last].start - toks[last - 1].end <= 1):
                last += 1
            if last > k:
                spans.append((k, last))
        elif cue == "(" and k + 1 < len(toks) and toks[k + 1].text == ")" and toks[k].text.isdigit() and len(toks[k].text) <= 2:
            # "Suci Anggraini (30)": an age in brackets closes a person's name.
            # Inside such a name an everyday word is a name too ("Suci", holy).
            first = k - 1
            while first > 0 and k - 1 - first < 4 and aged_word(first - 1) and toks[first - 1].end + 1 >= toks[first].start:
                first -= 1
            if first < k - 1:
                spans.append((first, k - 1))
    if not spans:
        return cands
    covered = {k: c for c in cands for k in range(c.first, c.last)}
    out = list(cands)
    for k, last in spans:
        inside = {id(covered[j]): covered[j] for j in range(k, last) if j in covered}.values()
        # What the tagger or a city list made of the name's words gives way to the person
        # ("Vienna Varella Angeli Parinussa (19)": not the city Vienna).
        if all(
            k <= c.first and c.last <= last and c.entity_type in ("PERSON", "LOC")
            and (c.source in ("tagger", "propagated") or c.kind == "city")
            for c in inside
        ):
            out = [c for c in out if c not in list(inside)] + [Candidate(k, last, "PERSON", "tagger")]
    return sorted(out, key=lambda c: c.first)


def subheadings_cut(text: str, toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a subheading's opening word cut from the name it ends with.

    A line of a few capitalised words standing alone (``Ultimatum Prabowo``) is a subheading: its
    first word is capitalised as the heading's, not as a name's. When the document writes the rest
    (``Prabowo``) elsewhere but never the whole line, the name is the rest."""
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.last - c.first >= 2:
            start, end = toks[c.first].start, toks[c.last - 1].end
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            if not text[line_start:start].strip() and not text[end:line_end].strip():
                whole = text[start:end]
                rest = text[toks[c.first + 1].start : end]
                elsewhere = text[:line_start] + "\n" + text[line_end:]
                if whole not in elsewhere and re.search(r"(?<!\w)" + re.escape(rest) + r"(?!\w)", elsewhere):
                    c = Candidate(c.first + 1, c.last, c.entity_type, c.source)
        out.append(c)
    return out


# Indonesian abstract nouns of the circumfixes pe-/per-/ke- ... -an (``Pemberdayaan``, ``Penyuluhan``,
# ``Kepatuhan``): the portfolio or unit words after a title, never a person's name. Names ending in
# -wan/-yan (``Setiawan``) stay out. Source: KBBI (imbuhan pe-an, per-an, ke-an).
_NOMINALISATION = re.compile(r"(?i)(?:pe|ke)[a-z]{4,}an")
_NAME_ENDINGS = ("wan", "yan")


def _is_nominalisation(word: str) -> bool:
    return bool(_NOMINALISATION.fullmatch(word)) and not word.lower().endswith(_NAME_ENDINGS)


def nominalisations_cut(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates without persons made of abstract nouns (``Direktur Penyuluhan``'s
    ``Penyuluhan``), and with such a noun cut from the front of a name (``Perseteruan Trump``)."""
    if language != "id":
        return cands
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in ("tagger", "propagated", "title"):
            first = c.first
            while first < c.last and _is_nominalisation(toks[first].text):
                first += 1
            if first == c.last:
                continue
            if first > c.first:
                # What follows is a name only if it is written capitalised nearly always ("Perseteruan
                # Trump-Musk"), not the rest of the phrase ("Pelayanan Medik").
                if capital_shares("id").get(toks[first].text.lower()) != "c3":
                    continue
                c = Candidate(first, c.last, c.entity_type, c.source)
        out.append(c)
    return out


# The possessive clitic written onto a name with a hyphen (``Bawaslu-nya``, ``BGN-nya``: "its Bawaslu").
_CLITIC = re.compile(r"(?i)\w+-(?:nya|ku|mu)")


def clitic_names_dropped(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates without rule spans ending in a name glued to a clitic (``komisioner
    Bawaslu-nya``, ``Ketua BGN-nya``): one token, so the span cannot leave the clitic out, and the
    tagger reads the glued form as a new person's name."""
    if language not in ("id", "ms"):
        return cands
    return [
        c for c in cands
        if not (c.source in ("tagger", "propagated", "title") and _CLITIC.fullmatch(toks[c.last - 1].text))
    ]


def electronic_systems_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without names glued after the prefix ``e-``/``E-`` (``E-TLE``, ``e-KTP``,
    ``e-Katalog``): the prefix (elektronik) makes a system or document of the word, so the tagger's
    ``TLE`` is no organisation. Source: KBBI (prefix e-, elektronik)."""
    def prefixed(k: int) -> bool:
        return (
            k >= 2 and toks[k - 1].text == "-" and toks[k - 2].text in ("e", "E")
            and toks[k - 1].start == toks[k - 2].end and toks[k].start == toks[k - 1].end
            and (k < 3 or toks[k - 3].end < toks[k - 2].start)  # "E" is a word of its own, not "Rate-"
        )
    return [c for c in cands if not (c.source in ("tagger", "propagated") and prefixed(c.first))]
