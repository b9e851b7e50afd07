"""English people and companies the capitalised-run rules miss or mistype: everyday-word surnames
after an honorific (``Mr Straw``) and companies a job noun introduces (``bookmaker William Hill``)."""

from __future__ import annotations

from newsetl.transforms.entities.english_lexicon import EN_RULE_SOURCES, ORG_FOLLOWERS, english_cues, joined
from newsetl.transforms.entities.lexicon import calendar_words, demonyms, folded, head_words, title_words
from newsetl.transforms.entities.roles import title_end
from newsetl.transforms.entities.spans import Candidate, is_name_text
from newsetl.transforms.entities.tokens import Token

# Honorifics English news writes before a surname only: the next capitalised word is a surname,
# an everyday word too (``Mr Straw``, ``Mr Brown``, ``Ms Bell``).
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms."})
# Offices addressed with an honorific, no surname (``Mr Speaker``, ``Madam Chairman``).
_VOCATIVES = frozenset({"Speaker", "Chairman", "Chairwoman", "Deputy"})


def honorific_surnames(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with the everyday-word surnames the name rules miss added as people:
    after an honorific (``Mr Straw``), after a title's one-word name (``finance minister Gordon
    Brown``), and after a given name in a document that writes that surname after an honorific
    (``Jack Straw`` once ``Mr Straw`` is there)."""
    covered = [False] * len(toks)
    for c in cands:
        for k in range(c.first, c.last):
            covered[k] = True
    heads = head_words("en")

    def surname(k: int) -> bool:
        word = toks[k].text
        return (
            not covered[k] and word[:1].isupper() and word.isalpha() and len(word) > 1 and not word.isupper()
            and title_end(toks, k, "en") is None and folded(word) not in title_words("en") and word not in _VOCATIVES
            and word.lower() not in calendar_words() and word.lower() not in heads
            and folded(word) not in demonyms() and joined(toks, text, k - 1, k)
        )

    def lone_capital(k: int) -> bool:  # no capitalised word after it: the name ends there
        return k < len(toks) and surname(k) and not (k + 1 < len(toks) and toks[k + 1].text[:1].isupper())

    # A title's one-word name runs on over an everyday-word surname ("finance minister Gordon Brown on Friday").
    given = {
        c.last for c in cands
        if c.entity_type == "PERSON" and c.source == "title" and c.last - c.first == 1 and lone_capital(c.last)
    }
    if given:
        cands = [
            Candidate(c.first, c.last + 1, c.entity_type, c.source) if c.last in given and c.source == "title" else c
            for c in cands
        ]
        for k in given:
            covered[k] = True
    found = [
        Candidate(k + 1, k + 2, "PERSON", "title") for k in range(len(toks) - 1)
        if toks[k].text in _HONORIFICS and surname(k + 1) and not (k + 2 < len(toks) and toks[k + 2].text[:1].isupper())
    ]
    if not found:
        return sorted(cands, key=lambda c: c.first)
    for c in found:
        covered[c.first] = True
    named = {toks[c.first].text for c in found}
    found += [
        Candidate(k - 1, k + 1, "PERSON", "propagated") for k in range(1, len(toks))
        if toks[k].text in named and not covered[k] and not covered[k - 1] and is_name_text(toks[k - 1].text, "en")
        and joined(toks, text, k - 1, k) and not (k + 1 < len(toks) and toks[k + 1].text[:1].isupper())
    ]
    return sorted(cands + found, key=lambda c: c.first)


def cued_companies(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with "people" a company's job noun introduces (``bookmaker William
    Hill``, ``Bookmaker William Hill has ...``) or a company's noun follows (``William Hill
    spokesman``) retyped ORG, the job noun left out, and every mention of that name in the document with them."""
    nouns = english_cues().get("company_before", frozenset())
    companies: set[tuple[str, ...]] = set()
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in EN_RULE_SOURCES:
            if c.last - c.first > 1 and toks[c.first].text.lower() in nouns:
                c = Candidate(c.first + 1, c.last, "ORG", c.source)
            elif (c.first and toks[c.first - 1].text.lower() in nouns) or (
                c.last - c.first > 1 and c.last < len(toks) and toks[c.last].text in ORG_FOLLOWERS
            ):  # "said William Hill spokesman Rupert Adams": a person's spokesman follows "Mr Blair's"
                c = Candidate(c.first, c.last, "ORG", c.source)
            if c.entity_type == "ORG":
                companies.add(tuple(t.text for t in toks[c.first : c.last]))
        out.append(c)
    if not companies:
        return cands
    return [
        Candidate(c.first, c.last, "ORG", c.source)
        if c.entity_type == "PERSON" and c.source in EN_RULE_SOURCES and tuple(t.text for t in toks[c.first : c.last]) in companies
        else c
        for c in out
    ]
