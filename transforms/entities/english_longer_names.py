"""English places inside longer names: ``Bank of America``, ``Air India``, ``Good Morning Wales``,
``London Stock Exchange`` name a company, programme or event, not the place (issue 16, BBC);
a party's name inside a body's or a portfolio's (``Federal Labour Agency``) is not the party."""

from __future__ import annotations

from newsetl.transforms.entities.english_lexicon import (
    CONNECTORS, EN_RULE_SOURCES, NAMEABLE_PLACES, english_cues, joined, org_tails,
)
from newsetl.transforms.entities.lexicon import calendar_words, demonyms, folded, function_words, head_words, is_common_word, titles
from newsetl.transforms.entities.roles import title_end
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Lower-case words inside a name built on a place (``London Institute of Education``).
_NAME_LINKS = frozenset({"of", "for", "&"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", '"', "“", "‘", "'"})


def _opens_sentence(toks: list[Token], text: str, k: int) -> bool:
    return k == 0 or toks[k - 1].text in _SENTENCE_ENDS or "\n" in text[toks[k - 1].end : toks[k].start]


def _name_word(word: str) -> bool:
    """Return True for a word that may continue a name built on a place: an everyday word
    capitalised mid-sentence (``Stock Exchange``, ``Good Morning``) or an organisation word."""
    low = word.lower()
    return word == "-" or (
        word[:1].isupper() and len(word) > 1 and low not in function_words() and low not in CONNECTORS
        and (is_common_word(word, "en") or head_words("en").get(low) == "ORG" or low in org_tails())
        and folded(word) not in demonyms() and low not in calendar_words()
        and low not in english_cues().get("place_modifier", frozenset()) and low not in english_cues().get("place_head", frozenset())
    )


def _tail_end(toks: list[Token], text: str, k: int, owned: list[bool]) -> int:
    """Return the end of the everyday capitalised words from ``k`` on that close a name (``Stock
    Exchange``, ``Institute of Education``), ``k`` when none do or a title opens there (``UK
    Foreign Secretary``, ``Thailand Prime Minister``)."""
    if k >= len(toks) or title_end(toks, k, "en") is not None or toks[k].text.lower() in english_cues().get("place_head", frozenset()):
        return k  # "UK Foreign Secretary", "New York State"
    end = k
    while end < len(toks) and not owned[end] and joined(toks, text, end - 1, end):
        if toks[end].text in _NAME_LINKS and end + 1 < len(toks) and toks[end + 1].text[:1].isupper() and not owned[end + 1]:
            end += 1
            continue
        if not _name_word(toks[end].text):
            break
        end += 1
    while end > k and (toks[end - 1].text in _NAME_LINKS or toks[end - 1].text == "-"):
        end -= 1
    return end


def _lead_start(toks: list[Token], text: str, k: int, owned: list[bool]) -> int:
    """Return where the everyday capitalised words before a place at ``k`` that open a name begin
    (``Good Morning Wales``, ``Air India``, ``Bank of America``), ``k`` when none do. A word that
    narrows the place (``North London``), a title or a demonym leaves it a place; a sentence's
    first word opens a name only as an organisation's (``Bank of America announced``)."""
    cues = english_cues()
    openers, peerage = cues.get("org_opener", frozenset()), cues.get("peerage", frozenset())

    def opens_org(word: str) -> bool:
        return word[:1].isupper() and (word.lower() in openers or head_words("en").get(word.lower()) == "ORG")

    start = k
    while start > 0 and not owned[start - 1] and joined(toks, text, start - 1, start):
        word = toks[start - 1].text
        if word == "of" and start >= 2 and not owned[start - 2] and joined(toks, text, start - 2, start - 1):
            before = toks[start - 2].text
            # "Bank of America", "Gangs of New York", "Prince of Wales"; "Republic of Ireland" and
            # "Tirunesh Dibaba of Ethiopia" leave the place.
            if opens_org(before) or (before[:1].isupper() and before.lower() in peerage) or (
                _name_word(before) and folded(before) not in titles("en")
            ):
                start -= 2
                continue
            break
        if word == "-" or (_name_word(word) and folded(word) not in titles("en")):
            start -= 1
            continue
        break
    while start < k and toks[start].text == "-":
        start += 1  # "non-US", "German-US": a prefix or a demonym, no name
    if start < k and _opens_sentence(toks, text, start) and not opens_org(toks[start].text):
        return k
    return start


def places_in_longer_names(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with gazetteer places that are part of a longer capitalised name
    (``Bank of America``, ``Air India``, ``Good Morning Wales``, ``London Stock Exchange``)
    replaced by that name, an ORG when an organisation word opens or closes it, else by nothing:
    the name mentions the company, programme or event, not the place. A country's state bodies
    (``US Treasury``) mention the country; ``Baroness Scotland`` is a person, ``Prince of Wales`` a style."""
    owned = [False] * len(toks)
    for c in cands:
        for k in range(c.first, c.last):
            owned[k] = True
    cues = english_cues()
    openers, peerage, state = (cues.get(kind, frozenset()) for kind in ("org_opener", "peerage", "state_body"))
    spans: list[tuple[int, int, str | None]] = []
    for c in cands:
        if c.entity_type != "LOC" or not (c.kind in NAMEABLE_PLACES or (c.source in EN_RULE_SOURCES and c.last - c.first == 1)):
            continue
        before = toks[c.first - 1].text.lower() if c.first else ""
        if before in peerage and title_end(toks, c.first - 1, "en") == c.first and toks[c.first - 1].text[:1].isupper():
            spans.append((c.first, c.last, "PERSON"))  # "Baroness Scotland": the peer's name
            continue
        start = _lead_start(toks, text, c.first, owned)
        end = _tail_end(toks, text, c.last, owned)
        if start == c.first and end == c.last:
            continue
        words = [t.text.lower() for t in toks[start:end]]
        if c.kind == "country" and start == c.first and any(w in state for w in words):
            continue  # "US Treasury", "UK Government": the country's own body
        if toks[start].text.lower() in peerage:
            spans.append((start, end, None))  # "Prince of Wales": a style, no place
            continue
        org = words[0] in openers or words[-1] in org_tails() or any(head_words("en").get(w) == "ORG" for w in words)
        spans.append((start, end, "ORG" if org else None))
    spans += _parties_in_longer_names(toks, text, cands, owned)
    if not spans:
        return cands
    out = [c for c in cands if not any(a <= c.first and c.last <= b for a, b, _ in spans)]
    out += [Candidate(a, b, kind, "title" if kind == "PERSON" else "tagger") for a, b, kind in spans if kind]
    return sorted(out, key=lambda c: c.first)


def _parties_in_longer_names(toks: list[Token], text: str, cands: list[Candidate], owned: list[bool]):
    """Return ``(first, last, type)`` of names a party's one-word name is part of: a body's
    (``Federal Labour Agency``, an ORG) or a portfolio's (``Economy and Labour Minister``, none).
    ``Labour MP`` and ``New Labour`` stay the party."""
    spans: list[tuple[int, int, str | None]] = []
    for c in cands:
        if c.kind != "party" or c.last - c.first != 1:
            continue
        if title_end(toks, c.last, "en") is not None and toks[c.last].text[:1].isupper() and c.first >= 2 and (
            toks[c.first - 1].text in ("and", "&") and toks[c.first - 2].text[:1].isupper()
        ):
            spans.append((c.first, c.last, None))  # "Economy and Labour Minister Wolfgang Clement"
            continue
        end = _tail_end(toks, text, c.last, owned)
        if end > c.last and head_words("en").get(toks[end - 1].text.lower()) == "ORG":
            start = _lead_start(toks, text, c.first, owned)
            spans.append((start, end, "ORG"))  # "Federal Labour Agency"
    return spans
