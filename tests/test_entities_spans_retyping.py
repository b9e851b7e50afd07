"""`one_word_persons_as_orgs`: a word found as an organisation's name elsewhere in the article is that ORG alone too."""

import pytest

from newsetl.transforms.entities.spans import Candidate, one_word_persons_as_orgs
from newsetl.transforms.entities.tokens import tokens


def _people(toks, *words):
    """Return a PERSON candidate for each space-separated run of ``words`` (first occurrence after the previous)."""
    out, start = [], 0
    texts = [t.text for t in toks]
    for run in words:
        parts = run.split()
        k = next(i for i in range(start, len(texts)) if texts[i : i + len(parts)] == parts)
        out.append(Candidate(k, k + len(parts), "PERSON", "tagger"))
        start = k + len(parts)
    return out


@pytest.mark.parametrize("text, people, org_words, expected", [
    # Detik: the ministry's short form opened a spokesman's line; alone later it is the ministry.
    ("Kemenhub Risal Wasal mengatakan Kemenhub siap.", ["Risal Wasal", "Kemenhub"], {"Kemenhub"}, ["PERSON", "ORG"]),
    # A two-word person holding the word is not retyped.
    ("Danone Indonesia dan Danone Setiawan hadir.", ["Danone Setiawan"], {"Danone"}, ["PERSON"]),
    # BBC: the tagger's one-word person is a company the article names as one.
    ("The Gazprom-Rosneft merger failed, Gazprom said.", ["Gazprom"], {"Gazprom"}, ["ORG"]),
    # No organisation words: nothing changes.
    ("Kemenhub Risal Wasal mengatakan Kemenhub siap.", ["Risal Wasal", "Kemenhub"], set(), ["PERSON", "PERSON"]),
])
def test_one_word_persons_as_orgs(text, people, org_words, expected):
    toks = tokens(text)
    out = one_word_persons_as_orgs(toks, _people(toks, *people), org_words)
    assert [c.entity_type for c in out] == expected
