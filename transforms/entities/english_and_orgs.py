"""English organisation names with ``and`` inside (``Securities and Exchange Commission``, ``Greek
Track and Field Federation``), which the capitalised-run rules cut at the lower-case ``and``."""

from __future__ import annotations

from newsetl.transforms.entities.english_lexicon import joined
from newsetl.transforms.entities.lexicon import head_words, is_common_word
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# How many capitalised words before ``and`` an organisation's name may hold.
_MAX_BEFORE = 3


def _headed(toks: list[Token], c: Candidate) -> bool:
    """Return True for a body's name closed by its head noun (``Exchange Commission``, ``Field
    Federation``); a company's tail (``Cisco Systems``) or a name opening with its own article
    (``The Times``) is a whole name, listed after another (``Apple Computer and Cisco Systems``)."""
    return head_words("en").get(toks[c.last - 1].text.lower()) == "ORG" and toks[c.first].text != "The"


def orgs_joined_over_and(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with an organisation closed by a head word (``Exchange Commission``)
    run on backwards over ``and`` and the capitalised words before it, when the word next to ``and``
    is an everyday word written capitalised (``Securities``, ``Track``, ``Standards``): a name's
    word, where a company's or a person's (``Fiat and General Motors``) is no everyday word."""
    covered = [False] * len(toks)
    for c in cands:
        for k in range(c.first, c.last):
            covered[k] = True
    out = []
    for c in cands:
        k = c.first - 1
        if (
            c.entity_type == "ORG" and c.source != "gazetteer" and k >= 1 and toks[k].text == "and" and _headed(toks, c)
            and not covered[k - 1] and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha()
            and is_common_word(toks[k - 1].text, "en") and joined(toks, text, k - 1, k) and joined(toks, text, k, c.first)
        ):
            first = k - 1
            while (
                first > 0 and c.first - first < _MAX_BEFORE + 1 and not covered[first - 1]
                and toks[first - 1].text[:1].isupper() and toks[first - 1].text.isalpha() and joined(toks, text, first - 1, first)
                and toks[first - 1].text not in ("The", "A", "An")
            ):
                first -= 1
            c = Candidate(first, c.last, "ORG", c.source)
        out.append(c)
    return out
