"""Numbers of people killed, wounded, fighting or displaced: ``mendekati 130 orang``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsetl.transforms.facts.lexicon import PhraseFinder, alternation, data_file, lowered, normalised, vocabulary
from newsetl.transforms.facts.marks import sentence_end, sentence_start
from newsetl.transforms.numbers import DIGITS, NUMERAL_WORDS, parsed_number
from newsetl.transforms.records import EventCount

# How far a count keyword may sit from its number; farther ones describe something else.
_AFTER_WINDOW = 45
_BEFORE_WINDOW = 130
# An age word this close before a number makes it an age ("died at the age of 84", "berusia 41").
_AGE_WINDOW = 25
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# A percentage between a linked keyword and a later number: the keyword reports the rate, and
# the later number is something else ("kematian ... meningkat 400 persen saat suhu naik 3").
_PERCENTAGE = re.compile(r"\d\s*(?:%|(?i:persen|peratus|percent|per\s+cent)(?!\w))")
# The first digit of a run not glued to what precedes it (F-16, ke-102, 28/9, Rp2.000, $5).
# The digit comes first so the regex engine can skip ahead to digits quickly.
_DIGIT_RUN_START = re.compile(r"\d(?<![\w/.,$€£¥-]\d)")


@dataclass(frozen=True, slots=True)
class _Cues:
    """Compiled patterns and lookup tables for ``event_counts``."""

    numbers: PhraseFinder
    number_at: re.Pattern[str]
    range_joiner: re.Pattern[str]
    noun: re.Pattern[str]
    approximator_before: re.Pattern[str]
    approximator_after: re.Pattern[str]
    approximator_next: re.Pattern[str]  # an approximator that belongs to the next number
    linker_before: re.Pattern[str]
    keyword: re.Pattern[str]
    keyword_before: re.Pattern[str]
    clause_break: re.Pattern[str]
    blocked_after: re.Pattern[str]
    blocked_before: re.Pattern[str]
    age_before: re.Pattern[str]
    noun_types: dict[str, str | None]
    keyword_types: dict[str, str]
    one_person: frozenset[str]  # "seorang": numeral and noun in one word
    needing_noun: frozenset[str]  # keywords that type a count only with a person noun after it
    not_people: dict[str, frozenset[str]]  # per language, person nouns that are not people there
    relatives_after: re.Pattern[str]  # "orang keluarga korban": relatives of the victims, not victims
    subset_before: re.Pattern[str]  # "termasuk" right before a number: a subset of the count before it
    shelter: re.Pattern[str]  # "PPS", "evacuation centres": victims counted there are displaced
    idiom: re.Pattern[str]  # "hilang minat": a keyword inside an idiom
    any_number: re.Pattern[str]  # a numeral or a digit run, counted or not
    noun_keywords: frozenset[str]  # keywords that are nouns: "korban", "pasukan", "victims"
    copula: re.Pattern[str]  # "menjadi" between a number and a noun keyword: "3 warga menjadi korban"
    aid: re.Pattern[str]  # "santunan", "bantuan": a sentence about aid to people
    recipient_before: re.Pattern[str]  # "kepada", "keluarga" right before a number: its recipients
    security: re.Pattern[str]  # "pengamanan", "patrol": soldiers counted there guard, they do not fight


@cache
def _cues() -> _Cues:
    """Return the compiled cues, built once from ``counts.json``."""
    data = data_file("counts.json")
    word_end = r"(?![\w-])"
    one_person = frozenset(data["one_person_words"])
    numeral = rf"(?:(?:{DIGITS}|{NUMERAL_WORDS})(?:[ \t]+(?:{NUMERAL_WORDS}))*|{alternation(one_person)})"
    # A hyphen may follow a number only as a range ("10-15 orang"), never "F-16" or "ke-102".
    number_end = r"(?![\w/%]|[.,]\d|-(?!\d))"
    keyword_types = {normalised(k): t for t, words in data["type_keywords"].items() for k in words}
    keywords = alternation(keyword_types)
    # All patterns but ``noun`` run on lower-cased text (see ``lowered``), so no IGNORECASE.
    return _Cues(
        numbers=PhraseFinder(NUMERAL_WORDS.split("|") + sorted(one_person), pattern=rf"{numeral}{number_end}"),
        number_at=re.compile(rf"{numeral}{number_end}"),
        range_joiner=re.compile(
            rf"\s*(?:[-–]|,?\s*(?:{alternation(data['range_joiners'])}){word_end})\s*"
        ),
        noun=re.compile(
            # "hundreds of Armenian soldiers": an optional link word and a capitalised nationality.
            rf"(?:\s+(?i:{alternation(data['noun_links'])}))?(?:\s+[A-Z][a-z]+)?"
            rf"\s+(?i:(?P<noun>{alternation(data['person_nouns'])}))"
            rf"(?:\s+(?i:{alternation(data['noun_modifiers'])}))?{word_end}"
        ),
        approximator_before=re.compile(rf"(?<![\w-])(?:{alternation(data['approximators'])})\s+\Z"),
        approximator_after=re.compile(rf"\s+(?:{alternation(data['approximators_after'])}){word_end}"),
        approximator_next=re.compile(rf"\s+(?:{alternation(data['approximators'])}){word_end}"),
        linker_before=re.compile(rf"(?<![\w-])(?:{alternation(data['linkers'])})\s*:?\s+\Z"),
        keyword=re.compile(rf"(?<![\w-])(?:{keywords}){word_end}"),
        keyword_before=re.compile(rf"(?<![\w-])(?P<keyword>{keywords})\s*:?\s+(?:the\s+)?\Z"),  # killing the nine
        clause_break=re.compile(rf"[,.;:!?()\n\"“”]|(?<![\w-])(?:{alternation(data['clause_breaks'])}){word_end}"),
        blocked_after=re.compile(rf"\s*(?:%|(?:{alternation(data['blocked_after'])}){word_end})"),
        blocked_before=re.compile(rf"(?:^|(?<=[\s(]))(?:{alternation(data['blocked_before'])})\.?\s*\Z"),
        age_before=re.compile(rf"(?<![\w-])(?:{alternation(data['age_words'])}){word_end}[^.!?\n]*\Z"),
        noun_types={normalised(k): v for k, v in data["person_nouns"].items()},
        keyword_types=keyword_types,
        one_person=one_person,
        needing_noun=frozenset(normalised(k) for k in data["keywords_needing_person_noun"]),
        not_people={lang: frozenset(normalised(w) for w in words)
                    for lang, words in data["person_nouns_not_in_language"].items()},
        relatives_after=re.compile(rf"\s+(?:{alternation(data['relatives_after'])}){word_end}"),
        subset_before=re.compile(rf"(?<![\w-])(?:{alternation(data['subset_markers'])})\s*:?\s+\Z"),
        shelter=re.compile(rf"(?<![\w-])(?:{alternation(data['shelter_cues'])}){word_end}"),
        idiom=re.compile(rf"(?:{alternation(data['keyword_idioms'])}){word_end}"),
        any_number=re.compile(rf"(?<![\w-])(?:{DIGITS}|{NUMERAL_WORDS})(?![\w-])"),
        noun_keywords=frozenset(normalised(k) for k in data["noun_keywords"]),
        copula=re.compile(rf"\s*(?:yang\s+)?(?:{alternation(data['copulas'])})\s*\Z"),
        aid=re.compile(rf"(?<![\w-])(?:{alternation(data['aid_cues'])}){word_end}"),
        recipient_before=re.compile(rf"(?<![\w-])(?:{alternation(data['recipient_markers'])})\s+\Z"),
        security=re.compile(rf"(?<![\w-])(?:{alternation(data['security_cues'])}){word_end}"),
    )


def _in_sentence(pattern: re.Pattern[str], text: str, low: str, at: int, previous: bool = False) -> bool:
    """Return True when ``pattern`` occurs in the sentence around ``at`` (or, with ``previous``, the one before)."""
    start = sentence_start(text, at)
    back = start
    while previous and back > 0 and text[back - 1].isspace():
        back -= 1
    if previous and back > 0:
        start = sentence_start(text, back - 1)
    return pattern.search(low, start, sentence_end(text, at)) is not None


def _noun_keyword_is_object(low: str, phrase_end: int, keyword: re.Match[str], cues: _Cues) -> bool:
    """Return True when a noun keyword after the phrase is the object of a verb, not the phrase's own noun.

    "3 orang menganiaya korban": three attackers; "58 orang korban", "puluhan warga menjadi korban": victims.
    """
    between = low[phrase_end:keyword.start()]
    return bool(between.strip()) and normalised(keyword.group()) in cues.noun_keywords \
        and cues.copula.fullmatch(between) is None


def _type_of(match: re.Match[str] | None, types: dict[str, str], group: str | int = 0) -> str | None:
    """Return the count type of the keyword ``match`` found, or None."""
    return types.get(normalised(match.group(group))) if match else None


def event_counts(text: str, language: str = "id") -> list[EventCount]:
    """Return counts of people killed, wounded, fighting, displaced or otherwise affected.

    A number counts when it is attached to people (``39 orang``, ``2.000 militan``,
    ``60 luka-luka``) and a cue gives its type: a keyword right after it
    (``19 warga sipil tewas``), a typed noun (``militan`` -> fighters), or a
    keyword earlier in the sentence linked to it (``kematian ... berjumlah 39
    orang``, ``korban tewas ... lebih dari 200 orang``). Vague amounts and
    approximators (``sekitar``, ``at least``) set ``is_approximate``; ranges
    (``ratusan, mungkin ribuan``) give their lower bound. Years, dates, ages,
    money, percentages and designations (``F-16``, ``ke-102``) are not counts.
    ``text``/offsets span the number phrase with its approximator and noun.
    """
    cues = _cues()
    low = lowered(text)
    digit_starts = [m.start() for m in _DIGIT_RUN_START.finditer(text)]
    found: list[EventCount] = []
    position = 0
    for match in cues.numbers.matches(low, extra_starts=digit_starts, words=vocabulary(text)):
        if match.start() < position:
            continue
        count, position = _count_at(text, low, match, language, cues)
        if count is not None and not _is_subset(count, found, text, low, cues):
            found.append(count)
    return found


def _is_subset(count: EventCount, found: list[EventCount], text: str, low: str, cues: _Cues) -> bool:
    """Return True when ``count`` follows "termasuk"/"including" after a number of its sentence: part of that one.

    "Empat mat rempit termasuk dua remaja ditahan": two of the four; the subset is no count.
    """
    marker = cues.subset_before.search(low, max(0, count.start - 20), count.start)
    if marker is None:
        return False
    floor = max(sentence_start(text, count.start), marker.start() - 60)
    return (bool(found) and found[-1].end > floor) or cues.any_number.search(low, floor, marker.start()) is not None


def _count_at(
    text: str, low: str, match: re.Match[str], language: str, cues: _Cues
) -> tuple[EventCount | None, int]:
    """Return the count that the number at ``match`` starts (or None) and where to look next.

    ``low`` is ``text`` lower-cased (same offsets); every pattern but ``noun`` reads it.
    """
    start, end = match.span()
    numeral = match.group()
    one_person = numeral in cues.one_person
    number = None if one_person else parsed_number(numeral, language)
    if one_person:
        value, approximate = 1.0, False
    elif number is None:
        return None, end
    else:
        value, approximate = number.value, number.is_approximate
    joiner = cues.range_joiner.match(low, end)
    if joiner and not one_person:
        upper = cues.number_at.match(low, joiner.end())
        upper_number = parsed_number(upper.group(), language) if upper else None
        if upper_number is not None:
            value, approximate, end = min(value, upper_number.value), True, upper.end()
    if value < 1 or cues.blocked_after.match(low, end) or cues.blocked_before.search(low, max(0, start - 12), start):
        return None, end
    if cues.age_before.search(low, max(0, start - _AGE_WINDOW), start):
        return None, end

    approximator = cues.approximator_before.search(low, max(0, start - 30), start)
    phrase_start = lead = approximator.start() if approximator else start
    approximate = approximate or approximator is not None
    if approximator is not None and cues.blocked_before.search(low, max(0, phrase_start - 12), phrase_start):
        return None, end  # "save around 65 lives"
    noun = None if one_person else cues.noun.match(text, end)
    if noun is not None and normalised(noun.group("noun")) in cues.not_people.get(language, ()):
        noun = None  # Malay "10 pasukan PDRM": ten units, not ten people
    phrase_end = noun.end() if noun else end
    after_approximator = cues.approximator_after.match(low, phrase_end)
    if after_approximator and not cues.approximator_next.match(low, phrase_end):  # "200 orang lebih"
        approximate, phrase_end = True, after_approximator.end()

    # A keyword after the phrase, within its clause: "19 warga sipil tewas dan ...".
    window_end = min(len(text), phrase_end + _AFTER_WINDOW)
    clause_break = cues.clause_break.search(low, phrase_end, window_end)
    after_keyword = cues.keyword.search(low, phrase_end, clause_break.start() if clause_break else window_end)
    if after_keyword is not None and (normalised(after_keyword.group()) in cues.not_people.get(language, ())
                                      or cues.idiom.match(low, after_keyword.start())
                                      or _noun_keyword_is_object(low, phrase_end, after_keyword, cues)):
        after_keyword = None
    after_adjacent = after_keyword is not None and not text[phrase_end:after_keyword.start()].strip()
    # A keyword before: right before the number, or linked to it by "berjumlah", "mencapai" or an approximator.
    floor = max(sentence_start(text, phrase_start), phrase_start - _BEFORE_WINDOW)
    adjacent_keyword = cues.keyword_before.search(low, max(floor, phrase_start - 40), phrase_start)
    linked_keyword = None
    if adjacent_keyword is None and (
        approximator is not None or cues.linker_before.search(low, max(floor, phrase_start - 30), phrase_start)
    ):
        for linked_keyword in cues.keyword.finditer(low, floor, phrase_start):
            pass  # the last keyword before the number is the one it reports
        if linked_keyword is not None and _PERCENTAGE.search(text, linked_keyword.end(), phrase_start):
            # "kematian ... meningkat 400 persen saat suhu naik 3": the keyword reports the first number
            linked_keyword = None

    noun_type = cues.noun_types.get(normalised(noun.group("noun"))) if noun else None
    count_type = (
        _type_of(after_keyword, cues.keyword_types)
        or _type_of(adjacent_keyword, cues.keyword_types, "keyword")
        or noun_type
        or _type_of(linked_keyword, cues.keyword_types)
    )
    attached = noun is not None or one_person or after_adjacent or adjacent_keyword or linked_keyword
    before_keyword = adjacent_keyword.group("keyword") if adjacent_keyword else linked_keyword and linked_keyword.group()
    if noun is None and not one_person and after_keyword is None and before_keyword \
            and normalised(before_keyword) in cues.needing_noun:
        return None, end  # "menewaskan tiga calon lain": defeated three candidates, no one died
    if count_type is None or not attached or (noun is None and _YEAR.fullmatch(numeral)):
        return None, end  # a bare 1994 or 2020 is a year
    if noun is None and after_keyword is not None:
        phrase_end = after_keyword.end()  # "60 luka-luka", "seorang lainnya tewas"
    elif noun is None and linked_keyword is not None:
        phrase_start = linked_keyword.start()  # "kematian mencapai 39"
    elif noun is None and adjacent_keyword is not None:
        phrase_start = adjacent_keyword.start()  # "korban tewas 39"
    if noun is not None and cues.relatives_after.match(low, noun.end()):
        return None, end  # "satu orang keluarga korban meninggal dunia": a relative of the dead, not a victim
    if cues.recipient_before.search(low, max(0, lead - 15), lead) and _in_sentence(cues.aid, text, low, lead, previous=True):
        return None, end  # "santunan kepada satu orang ...", ". Dan keluarga satu orang ...": recipients of aid
    if count_type == "fighters" and _in_sentence(cues.security, text, low, phrase_start):
        return None, end  # "30 prajurit untuk pengamanan": a security detail, not a fight
    if count_type == "other" and noun_type == "other" and _in_sentence(cues.shelter, text, low, phrase_start):  # a relief centre (PPS)
        count_type = "displaced"  # "292 mangsa ... di empat PPS": flood victims in relief centres
    count = EventCount(
        start=phrase_start,
        end=phrase_end,
        text=text[phrase_start:phrase_end],
        count_type=count_type,
        value=int(round(value)),
        is_approximate=approximate,
    )
    return count, phrase_end
