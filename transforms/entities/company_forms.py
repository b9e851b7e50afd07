"""Malaysian companies' and businesses' names (issue 16, Utusan).

``Air Kelantan Sdn. Bhd.``, ``Rapid Rail Sdn. Bhd.``: ``Sendirian Berhad`` (``Sdn Bhd``) and ``Berhad``
(``Bhd``) belong to the company's name. The tokens split ``Sdn.`` from its dot, so a name the earlier
passes closed at ``Sdn`` (or before it) is run on over the rest of the form. A name the tagger
read as a person that opens or closes with a business's or an organisation's word (``ND Divers
Guest House``, ``Dulang Kafe``, ``Hotel ...``) is that business.
"""

from __future__ import annotations

from newsetl.transforms.entities.lexicon import folded
from newsetl.transforms.entities.longer_names import org_words
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate
from newsetl.transforms.entities.tokens import Token

# Malaysian companies' legal forms (Sendirian Berhad). Source: Companies Act 2016.
COMPANY_FORMS = frozenset({"sdn", "bhd", "berhad", "sendirian"})


def _form_end(toks: list[Token], k: int) -> int:
    """Return where the legal-form words written from token ``k`` on end, through the dots that
    abbreviate them (``Sdn. Bhd``); ``k`` when none is written there."""
    end = k
    while end < len(toks):
        word = toks[end].text
        if folded(word) in COMPANY_FORMS or (
            word == "." and end > k and end + 1 < len(toks) and folded(toks[end + 1].text) in COMPANY_FORMS
        ):
            end += 1
        else:
            break
    return end


def company_forms_joined(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with each ORG written before or ending in part of a company's legal
    form run on over the rest of it, and what lay inside that form dropped."""
    out, spans = [], []
    for c in cands:
        start = c.last
        while start > c.first and folded(toks[start - 1].text) in COMPANY_FORMS:
            start -= 1
        end = _form_end(toks, start) if c.entity_type == "ORG" and c.canonical_name is None else start
        if end <= c.last:
            out.append(c)
            continue
        spans.append((c.first, end))
        out.append(Candidate(c.first, end, c.entity_type, c.source, None, None, c.country_code, c.kind))
    if not spans:
        return cands
    return [c for c in out if not any(a <= c.first and c.last <= b and (c.first, c.last) != (a, b) for a, b in spans)]


def businesses_as_orgs(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with each rule PERSON of two or more words whose first or last word is
    an organisation's or a business's word (``longer_names_id.tsv``) typed ORG."""
    words = org_words()
    return [
        Candidate(c.first, c.last, "ORG", c.source, None, None, c.country_code, c.kind)
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and c.last - c.first >= 2
        and (folded(toks[c.first].text) in words or folded(toks[c.last - 1].text) in words) else c
        for c in cands
    ]
