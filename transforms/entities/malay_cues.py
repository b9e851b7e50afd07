"""Malay cue words that settle what a tagger name is: a place, a product, or a prophet's name.

- ``di Huwara``, ``ke Sri Gading``, ``Bandar Huwara``: a name written right after a locative
  preposition or a settlement noun is a place, not a person, and so is the same name elsewhere in
  the document (``menghapuskan Huwara``).
- ``motosikal jenis Modenas Kriss``, ``kereta jenis Honda City``: ``jenis``/``model`` (kind, model)
  introduce a product's name, which is no person and no organisation.
- ``Portal Suara.com melaporkan``, ``Jurulatih Hungary, Marco Rossi``: a lone tagger person that the
  press nearly always writes in lower case (``capital_shares`` ``c0``/``c1``) is an everyday word
  capitalised at the start of a sentence or headline.
- ``Rancangan Selangor Pertama``, ``Program Bank Makanan Malaysia``, ``Akta SPRM 2009``, ``Konvensyen
  Geneva``: a name written right after a capitalised plan, programme, act, convention, budget or
  day word is inside that plan's or law's own name, and no mention of the body or place.
- ``Semenanjung Gaza``, ``Hulu Selangor``: a lone tagger person that is a place-opening noun
  (``place_heads.tsv``; ``hulu``/``hilir`` upstream/downstream) written right before a place opens
  that place's name: one LOC over both.
- ``Nabi Zakaria AS``: a prophet (``Nabi``, ``Rasul``) is a person, the entity Nabi Zakaria; the
  title and the blessing after his name (``AS`` = alaihissalam, ``SAW``) are no part of the span.
"""

from __future__ import annotations

from newsetl.transforms.entities.lexicon import capital_shares
from newsetl.transforms.entities.placeness import place_heads
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, taken_positions
from newsetl.transforms.entities.tokens import Token

# Locative prepositions (Kamus Dewan): the capitalised name right after them is where something is.
# Not ``dari``/``daripada`` ("daripada Mahdzir": from a person) nor ``kepada`` (to a person).
_LOCATIVES = frozenset({"di", "ke"})
# Settlement nouns before a place's own name (Kamus Dewan): ``bandar`` town, ``pekan`` small town,
# ``kampung`` village, ``desa``, ``mukim`` parish, ``daerah`` district (not ``wilayah``: ``Wilayah Felda``
# is an agency's region).
_SETTLEMENT_NOUNS = frozenset({"bandar", "pekan", "kampung", "desa", "mukim", "daerah"})
# Words introducing a product's name: ``jenis`` kind, ``model`` model, ``varian`` variant (Kamus Dewan).
_PRODUCT_CUES = frozenset({"jenis", "model", "varian"})
# Prophets' titles and the blessings Malay writes after their names (Kamus Dewan abbreviations:
# ``AS`` alaihissalam, ``SAW`` sallallahu alaihi wasallam, ``RA`` radiallahu anhu).
_PROPHET_TITLES = frozenset({"nabi", "rasul"})
_BLESSINGS = frozenset({"AS", "SAW", "RA", "a.s", "s.a.w"})
# Capitalised words opening the names of plans, programmes, laws, budgets and days (Kamus Dewan;
# Utusan: ``Rancangan Malaysia Ke-12``, ``Program Imunisasi Covid-19 Kebangsaan``, ``Belanjawan Kedah
# 2024``, ``Hari Malaysia``). Not ``Sidang`` (``Sidang DUN Kedah`` is the assembly sitting).
_CONCEPT_HEADS = frozenset({
    "Program", "Rancangan", "Skim", "Pelan", "Dasar", "Inisiatif", "Kempen", "Akta", "Enakmen", "Konvensyen",
    "Belanjawan", "Bajet", "Hari", "Festival", "Pesta", "Sambutan",
})
# Malay river-position words opening district names (``Hulu Selangor``, ``Hilir Perak``; Kamus Dewan).
_RIVER_WORDS = frozenset({"hulu", "ulu", "hilir"})
# Capital-share buckets of words written in lower case inside sentences nearly always.
_LOWER_CASE_SHARES = frozenset({"c0", "c1"})


def _words(toks: list[Token], c: Candidate) -> tuple[str, ...]:
    return tuple(t.text for t in toks[c.first : c.last])


def _cue_before(toks: list[Token], c: Candidate, cues: frozenset[str], lower_only: bool) -> bool:
    """Return True when the word right before ``c`` is one of ``cues`` (in lower case if ``lower_only``)."""
    if c.first == 0:
        return False
    word = toks[c.first - 1].text
    return (word.islower() or not lower_only) and word.lower() in cues


def _prophet(toks: list[Token], c: Candidate) -> Candidate:
    """Return ``c`` without a prophet's title before it and the blessing closing it."""
    first, last = c.first, c.last
    if toks[first].text.lower() in _PROPHET_TITLES and last - first >= 2:
        first += 1
    elif not (first and toks[first - 1].text.lower() in _PROPHET_TITLES):
        return c
    if toks[last - 1].text in _BLESSINGS and last - first >= 2:
        last -= 1
    # Keyed with the title, so the prophet joins no living namesake's full name across the corpus.
    name = "Nabi " + " ".join(t.text for t in toks[first:last])
    return Candidate(first, last, "PERSON", c.source, name, kind="prophet")


def _concept_names(toks: list[Token], cands: list[Candidate]) -> tuple[set[int], set[str]]:
    """Return where the candidates right after a concept head start, and the acronyms written in
    brackets after them (``Program Bank Makanan Malaysia (PFBM)``: ``PFBM`` is the programme too)."""
    starts, acronyms = set(), set()
    for c in cands:
        k = c.first
        if k and toks[k - 1].text in _CONCEPT_HEADS and toks[k].start - toks[k - 1].end == 1:
            starts.add(k)
            if c.last + 2 < len(toks) and toks[c.last].text == "(" and toks[c.last + 2].text == ")":
                acronyms.add(toks[c.last + 1].text)
    return starts, acronyms


def _place_openers_joined(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a lone place-opening noun typed PERSON joined to the place right
    after it (``Semenanjung`` + ``Gaza``)."""
    starts = {c.first: c for c in cands}
    taken = taken_positions(cands)
    out: list[Candidate] = []
    skip_to = -1
    for c in cands:
        if c.first < skip_to:
            continue
        k = c.last
        if (
            c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first == 1 and k < len(toks)
            and toks[c.first].text.lower() in (place_heads() | _RIVER_WORDS)
            and toks[k].text[:1].isupper() and toks[k].text.isalpha() and toks[k].start - toks[k - 1].end == 1
        ):
            nxt = starts.get(k)
            if nxt is not None and nxt.entity_type == "LOC":
                c, skip_to = Candidate(c.first, nxt.last, "LOC", "headed"), nxt.last
            elif k not in taken:  # the place's own word the tagger left out (``Semenanjung`` Gaza)
                c = Candidate(c.first, k + 1, "LOC", "headed")
        out.append(c)
    return out


def cued_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with tagger people after a locative or settlement word typed LOC
    (everywhere the document writes them), products after ``jenis``/``model``, lone lower-case words
    and names inside a plan's or law's name dropped, and prophets' names cut to the name (a PERSON)."""
    places: set[tuple[str, ...]] = set()
    products: set[tuple[str, ...]] = set()
    for c in cands:
        if c.source not in RULE_SOURCES:
            continue
        if c.entity_type == "PERSON" and (
            _cue_before(toks, c, _LOCATIVES, True) or _cue_before(toks, c, _SETTLEMENT_NOUNS, False)
        ):
            places.add(_words(toks, c))
        elif c.entity_type in ("PERSON", "ORG") and _cue_before(toks, c, _PRODUCT_CUES, True):
            products.add(_words(toks, c))
    cands = _place_openers_joined(toks, cands)
    inside_concepts, concept_acronyms = _concept_names(toks, cands)
    shares = capital_shares("id")
    out = []
    for c in cands:
        if c.first in inside_concepts or (c.last - c.first == 1 and toks[c.first].text in concept_acronyms):
            continue
        if c.source in RULE_SOURCES:
            words = _words(toks, c)
            if c.entity_type in ("PERSON", "ORG") and words in products:
                continue
            if c.entity_type == "PERSON" and len(words) == 1 and shares.get(words[0].lower()) in _LOWER_CASE_SHARES:
                continue
            if c.entity_type == "PERSON" and words in places:
                c = Candidate(c.first, c.last, "LOC", c.source)
            elif c.entity_type in ("PERSON", "ORG"):
                c = _prophet(toks, c)
        out.append(c)
    return out
