"""What the English name passes share: cue words, company tails, connectors, and how tokens join."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from newsetl.transforms.entities.lexicon import data_rows
from newsetl.transforms.entities.tokens import Token

# Lower-case words that may sit inside one name ("Ministry of Defence", "Ibn al Khattab").
CONNECTORS = frozenset({"of", "for", "de", "van", "von", "bin", "al", "da", "du", "der", "den"})
# Nouns after a company's name ("a Lufthansa spokesman", "Daiwa shares").
ORG_FOLLOWERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "shares", "shareholders"})
# Place kinds a longer name may be built on (``Bank of America``, ``London Stock Exchange``).
NAMEABLE_PLACES = frozenset({"country", "city", "region", "continent", "province"})
# Where English rule spans come from (the gazetteer's are final).
EN_RULE_SOURCES = frozenset({"tagger", "propagated", "title"})


@cache
def english_cues() -> dict[str, frozenset[str]]:
    """Return the cue words of ``english_cues.tsv`` by kind (``sport``, ``team_after``, ...)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("english_cues.tsv"):
        if len(row) >= 2:
            kinds[row[1]].add(row[0])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def org_tails() -> frozenset[str]:
    """Return the words closing English company and publication names (``org_tails_en.tsv``)."""
    return frozenset(row[0] for row in data_rows("org_tails_en.tsv"))


def joined(toks: list[Token], text: str, a: int, b: int) -> bool:
    """Return True when tokens ``a`` and ``b`` (adjacent) are one space apart, or a hyphen written
    tight between words (``Cross-Country``; a spaced dash ``company - India's`` joins nothing)."""
    gap = text[toks[a].end : toks[b].start]
    if "-" in (toks[a].text, toks[b].text):
        return gap == ""
    return gap == " "
