"""English short forms an article defines in brackets after an organisation's name (``the
Securities and Exchange Commission (SEC)``, ``World Anti-Doping Agency (Wada)``): every mention of
the short form in the document is that organisation."""

from __future__ import annotations

from newsetl.transforms.entities.english_lexicon import EN_RULE_SOURCES
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Lower-case words an acronym skips (``Department for Culture, Media and Sport`` -> DCMS).
_SKIPPED = frozenset({"of", "and", "for", "the", "&", "on", "in", "-", ","})
# Country words opening a body's name that its acronym may leave out (``US Securities Exchange
# Commission (SEC)``, ``UK Independence Party`` keeps it: both spellings are tried).
_MAX_ACRONYM = 8


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _SKIPPED and w[:1].isalpha()).upper()


def _spells(acr: str, words: list[str]) -> bool:
    """Return True when ``acr`` spells the name's initials, or those after its first word (a
    country opening the name: ``US Securities Exchange Commission (SEC)``)."""
    letters = acr.upper()
    return letters in (_initials(words), _initials(words[1:]))


def acronyms_linked(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with the short form a bracket defines after an ORG, and its other
    mentions in the document, named as that ORG (its gazetteer identity when it has one)."""
    starts = {c.first: c for c in cands}
    defined: dict[str, Candidate] = {}
    for c in cands:
        k = c.last
        if c.entity_type != "ORG" or k + 2 >= len(toks) or toks[k].text != "(" or toks[k + 2].text != ")":
            continue
        acr = toks[k + 1].text
        short = starts.get(k + 1)
        if short is None or short.entity_type != "ORG" or short.last != k + 2 or short.source not in EN_RULE_SOURCES:
            continue
        if not (2 <= len(acr) <= _MAX_ACRONYM and acr.isalpha() and acr[0].isupper()) or len(acr) > c.last - c.first + 1:
            continue
        if _spells(acr, [t.text for t in toks[c.first : c.last]]):
            defined.setdefault(acr, c)
    if not defined:
        return cands
    out = []
    for c in cands:
        long = defined.get(toks[c.first].text) if c.last - c.first == 1 else None
        if long is not None and c.entity_type == "ORG" and c.source in EN_RULE_SOURCES:
            name = long.canonical_name or text[toks[long.first].start : toks[long.last - 1].end]
            c = Candidate(c.first, c.last, "ORG", c.source, name, long.entity_key, long.country_code, long.kind)
        out.append(c)
    return out
