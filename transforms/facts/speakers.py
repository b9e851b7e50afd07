"""Speakers named by the text: name phrases near speech verbs, narrowed by entity mentions.

Speakers are found from the text alone (capitalised name phrases); entity
mentions, when given, narrow a phrase to the PERSON inside it and supply
``entity_key``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsetl.transforms.entities.lexicon import titles as entity_titles
from newsetl.transforms.facts.lexicon import alternation, data_file
from newsetl.transforms.facts.names import (
    WORD,
    Span,
    name_phrase_after,
    name_phrase_before,
    person_part,
    phrase_kind,
    starts_with,
    tail_kind,
    word_class,
)
from newsetl.transforms.records import EntityMention

KIND_OF_TYPE = {"PERSON": "person", "ORG": "org", "LOC": "place"}
# A subject with its apposition ("Shushan Stepanyan, juru bicara ..., mengatakan") fits in this.
_SUBJECT_WINDOW = 250
# Adverbs and anaphors before a verb are short: anchored searches look back this far only.
_ADVERB_WINDOW = 60
_ANAPHOR_WINDOW = 30
WORD_END = r"(?![\w-])"
# "X itu berkata" / "X tersebut mengatakan": the subject is a description of someone named before.
_DEMONSTRATIVES = frozenset({"itu", "tersebut"})
# The honorific before a name tells the gender an English "he" or "she" must agree with.
GENDER_OF: dict[str, str] = data_file("names.json")["english_honorifics"]  # "mrs" -> "she"
# The honorifics as written before a name ("Mr|Mrs|..."), longest first.
HONORIFIC_WORDS = "|".join(sorted((h.capitalize() for h in GENDER_OF), key=len, reverse=True))
HONORIFIC = re.compile(rf"(?<![\w-])(?P<h>{HONORIFIC_WORDS})\.?[ \t]+\Z", re.IGNORECASE)
_OPENING_HONORIFIC = re.compile(rf"(?:{HONORIFIC_WORDS})\.?[ \t]+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker's span, text, kind (``person``, ``org``, ``place``) and entity key."""

    start: int
    end: int
    text: str
    kind: str
    entity_key: str | None = None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Return the patterns that read back from a speech verb, by name."""
    cues = data_file("speech_cues.json")
    return {
        "anaphor_end": re.compile(rf"(?<![\w-])(?P<ana>{alternation(cues['anaphors'])})\s*\Z", re.IGNORECASE),
        "trailing_adverb": re.compile(rf"(?:\s+(?:{alternation(cues['subject_adverbs'])}))+\s*\Z", re.IGNORECASE),
    }


@cache
def _anaphor_kinds() -> dict[str, str]:
    """Return anaphor phrases mapped to what they refer to."""
    return {" ".join(k.split()): v for k, v in data_file("speech_cues.json")["anaphors"].items()}


def anaphor_kind(phrase: str) -> str | None:
    """Return what an anaphor such as ``dia`` or ``kementerian itu`` refers to: ``person``, ``ministry``."""
    return _anaphor_kinds().get(" ".join(phrase.lower().split()))


@cache
def ministry_heads() -> frozenset[str]:
    """Return the words that open a ministry's name (``kementerian``, ``ministry``)."""
    return frozenset(data_file("speech_cues.json")["kind_heads"]["ministry"])


def is_ministry(text: str) -> bool:
    """Return whether ``text`` starts with a ministry head word."""
    first = WORD.match(text)
    return bool(first) and first.group().lower() in ministry_heads()


def overlap(mention: EntityMention, span: Span) -> int:
    """Return how many characters ``mention`` shares with ``span`` (negative if none)."""
    return min(span[1], mention.end) - max(span[0], mention.start)


def speaker_from_span(text: str, span: Span, mentions: Sequence[EntityMention]) -> Speaker:
    """Return the speaker named by the phrase at ``span``, narrowed and keyed by ``mentions``."""
    kind = phrase_kind(text, span)
    hits = [m for m in mentions if overlap(m, span) > 0]
    covering = [m for m in hits if m.start <= span[0] and m.end >= span[1]]
    opening = _OPENING_HONORIFIC.match(text, span[0], span[1])
    if opening and opening.end() < span[1]:
        span = (opening.end(), span[1])  # "Mr Mittal" read as one phrase
    if opening or HONORIFIC.search(text, max(0, span[0] - 10), span[0]):
        # "Mr Mittal told the conference": a person, even where the tagger read the firm "Mittal Steel".
        return _honoured(text, span, mentions)
    if covering and not (covering[0].entity_type == "PERSON" and tail_kind(text, span)):
        kind = KIND_OF_TYPE.get(covering[0].entity_type, kind)
    if kind == "person":
        inside = [m for m in hits if m.entity_type == "PERSON" and m.start >= span[0] and m.end <= span[1]]
        if inside:
            m = inside[-1]
            return Speaker(m.start, m.end, text[m.start:m.end], "person", m.entity_key)
        span = person_part(text, span)
    wanted = {"person": "PERSON", "org": "ORG", "place": "LOC"}[kind]
    typed = [m for m in mentions if m.entity_type == wanted and overlap(m, span) > 0]
    key = max(typed, key=lambda m: overlap(m, span)).entity_key if typed else None
    if key is None and kind == "person":
        key = _named_in_full(text[span[0]:span[1]], mentions)
    return Speaker(span[0], span[1], text[span[0]:span[1]], kind, key)


def _named_in_full(name: str, mentions: Sequence[EntityMention]) -> str | None:
    """Return the key of the one person the document names in full with every word of ``name``
    in it, in order (``Said`` of ``Said Abdullah``, ``Dewi`` of ``Ni Nyoman Dewi Pascarani``), else None.

    The tagger may miss a short name it found in full elsewhere; two such people leave it unkeyed.
    """
    words = [w.lower() for w in WORD.findall(name)]
    if not words:
        return None
    keys = set()
    for m in mentions:
        full = [w.lower() for w in WORD.findall(m.canonical_name or m.text)]
        if m.entity_type == "PERSON" and len(full) > len(words) and any(
            full[i:i + len(words)] == words for i in range(len(full) - len(words) + 1)
        ):
            keys.add(m.entity_key)
    return keys.pop() if len(keys) == 1 else None


def _honoured(text: str, span: Span, mentions: Sequence[EntityMention]) -> Speaker:
    """Return the person ``Mr``/``Ms`` + ``span`` names, keyed by a PERSON whose full name ends in that last name.

    ``Mr Mittal`` is Lakshmi Mittal even where the document resolved ``Mittal`` to ``Mittal Steel``.
    """
    last = WORD.findall(text, span[0], span[1])[-1:]
    ending = [m for m in mentions if m.entity_type == "PERSON" and WORD.findall(m.canonical_name)[-1:] == last]
    inside = [m for m in mentions if m.entity_type == "PERSON" and overlap(m, span) > 0]
    if inside and WORD.findall(inside[-1].canonical_name)[-1:] == last:
        m = inside[-1]
        return Speaker(m.start, m.end, text[m.start:m.end], "person", m.entity_key)
    if inside:
        m = inside[-1]
        return Speaker(m.start, m.end, text[m.start:m.end], "person", ending[0].entity_key if ending else None)
    return Speaker(span[0], span[1], text[span[0]:span[1]], "person", ending[0].entity_key if ending else None)


# "Global Insight analyst Howard Archer", "Richard and Judy executive producer Amanda Ross".
_ROLE_THEN_NAME = re.compile(
    r"[ \t]+(?:(?:and|&)[ \t]+[A-Z][\w'-]*[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}?(?P<role>[a-z][\w-]*)[ \t]+(?=[A-Z])"
)
_ALSO_TITLE = re.compile(  # "... yang juga Ahli Dewan Undangan Negeri (ADUN) Bukit Katil berkata"
    r"[ \t]+(?:yang[ \t]+(?:juga|merupakan|ialah|adalah)|selaku)[ \t]+(?:\(?[\w-]+\)?[ \t]+){0,6}\Z", re.IGNORECASE
)
# "David Noone from Intervoice said", "Laura Brownlees of Save the Children said" (the phrase is "Children").
# ", a Lufthansa spokesman" / ", the Guardian literary editor" closing a subject, after the person's name.
_APPOSED_ROLE = re.compile(r",[ \t]+(?:an?|the)[ \t]+(?:[\w'’&-]+[ \t]+){0,4}?(?P<role>[a-z][\w-]*)[ \t]*\Z")
_MEMBER_OF = re.compile(r"[ \t]+(?:from|of|at)[ \t]+(?:[A-Z][\w'-]*[ \t]+){0,3}?(?:the[ \t]+)?\Z")
# "Kementerian Luar dalam satu kenyataan memaklumkan": a short prepositional phrase between subject and verb.
_MEANS_PHRASE = re.compile(r"[ \t]+(?:dalam|menerusi|melalui)(?:[ \t]+[a-z][\w-]*){1,3}[ \t]*\Z")
# "si suami dari Panggungrejo mendakwa": a Malay or Indonesian preposition puts the phrase after it out of subject.
_PREPOSITION = re.compile(r"(?<![\w-])(?:dari|daripada|di)[ \t]+\Z")
# "penyanyi Misha Omar yang hadir merasmikan majlis pelancaran buku berkenaan berkata": a relative clause in
# lower case between the name and its verb.
_RELATIVE_CLAUSE = re.compile(r"[ \t]+yang(?:[ \t]+[a-z][\w-]*){1,9}\Z")
_DEFINITE = re.compile(r"(?i:the)[ \t]+\Z")
_GENDERED = re.compile(r"(?<![\w-])(?P<pro>he|she)(?:\s+(?:also|then|later|has|had|previously|earlier))*\s*\Z", re.IGNORECASE)


@cache
def _person_roles() -> frozenset[str]:
    """Return the words that end a description of a person: titles and occupations (``MP``, ``analyst``)."""
    return word_class("titles") | word_class("occupations")


def is_definite_role(text: str, span: Span) -> bool:
    """Return whether ``span`` is a definite description of a person: ``the Salford MP``, ``the Bishop``.

    Such a phrase names no one itself; it refers back to a person named earlier.
    """
    last = list(WORD.finditer(text, span[0], span[1]))
    return bool(last) and last[-1].group().lower() in word_class("occupations") and bool(
        _DEFINITE.search(text, max(0, span[0] - 6), span[0])
    )


def person_after_role(text: str, span: Span, mentions: Sequence[EntityMention]) -> Span | None:
    """Return the PERSON named after an organisation and an occupation: ``Global Insight analyst Howard Archer``.

    ``span`` is the organisation (``Global Insight``); None unless an occupation follows it and
    then a name that a PERSON mention covers.
    """
    role = _ROLE_THEN_NAME.match(text, span[1])
    if role is None or role.group("role") not in _person_roles():
        return None
    name = name_phrase_after(text, role.end())
    if name is None:
        return None
    people = [m for m in mentions if m.entity_type == "PERSON" and overlap(m, name) > 0]
    if people:
        return people[0].start, people[0].end
    untagged = len(WORD.findall(text, name[0], name[1])) >= 2 and phrase_kind(text, name) == "person" \
        and not any(overlap(m, name) > 0 for m in mentions)
    return name if untagged else None  # "ING analyst Gerard Rijk": a full name the tagger missed


_TITLE_TAIL = re.compile(r"(?:[ \t]+[\w-]+){0,4}?[ \t]*,[ \t]*")  # "Menteri Belia" + " dan Sukan, "
# The office a title heads, up to the name of its holder: capitalised or numbered words, a bracketed
# short form, "dan"/"&" joining its parts, one comma before the name ("Plt Deputi Penindakan dan
# Eksekusi KPK, Asep Guntur Rahayu", "Kasubdit 2 Ditsiber Polda Sulteng, Alfian Joan Komalin",
# "Kepala Dinas Kesehatan (Dinkes) Seram Bagian Barat, Gariman Kurniawan", "Ketua IM57+ Institute, Lakso").
_OFFICE_WORD = r"(?:(?:dan|serta)(?!\w)|[&+]|[A-Z0-9](?:[\w'’+/-]|\.(?=\w))*|\([^()\n]{1,40}\))"
_OFFICE_RUN = re.compile(rf"(?:[ \t]*{_OFFICE_WORD})*(?:[ \t]*,)?(?:[ \t]*{_OFFICE_WORD})*")


@cache
def office_titles() -> frozenset[str]:
    """Return the one-word titles that head an office (``ketua``, ``kasubdit``, ``plt``): the speech
    cues' titles and the one-word rows of the entity extractor's title table."""
    return word_class("titles") | {t for t in entity_titles("id") | entity_titles("en") if " " not in t}
# Between a title phrase and the person it introduces: a comma and up to two capitalised words (a rank).
_APPOSITION_GAP = re.compile(r"[ \t]*,?[ \t]*(?:[A-Z][\w.]*[ \t]+){0,2}")


def person_after_title(text: str, span: Span, mentions: Sequence[EntityMention]) -> Span | None:
    """Return the PERSON a title phrase introduces, else None.

    ``Menteri Belia dan Sukan, Hannah Yeoh`` (the title's tail runs to a comma), ``Kapolres
    Boyolali, AKBP Rosyid Hartanto`` and ``AKBP I Made Parwita`` (a rank or a Balinese
    birth-order name sits before the name), ``Plt Deputi Penindakan dan Eksekusi KPK, Asep
    Guntur Rahayu`` (the office's whole name, with its joins and brackets, before the holder).
    """
    first = WORD.match(text, span[0])
    comma = _TITLE_TAIL.match(text, span[1]) if first and first.group().lower() in word_class("titles") else None
    name = name_phrase_after(text, comma.end()) if comma else None
    if name is not None:
        people = [m for m in mentions if m.entity_type == "PERSON" and m.start <= name[0] < m.end]
        if people:
            return people[0].start, people[0].end
    if any(m.entity_type == "PERSON" and overlap(m, span) > 0 for m in mentions):
        return None  # the phrase names its own person
    if any(w.lower() in office_titles() for w in WORD.findall(text, span[0], span[1])):
        office = _OFFICE_RUN.match(text, span[1])
        for m in mentions:
            if m.entity_type == "PERSON" and span[1] <= m.start < office.end():
                return m.start, m.end  # the holder named after the office's full name
    gap = _APPOSITION_GAP.match(text, span[1])
    for m in mentions:
        if m.entity_type == "PERSON" and span[1] <= m.start <= gap.end():
            return m.start, m.end
    return None


# "Seksyen 23 Enakmen ...", "Perkara 153", "Article 50": a capitalised word numbered like a clause of a text.
_NUMBERED = re.compile(r"[ \t]+\(?\d")


def is_numbered_reference(text: str, span: Span) -> bool:
    """Return whether the phrase at ``span`` is followed by a number: a section or article, not a speaker.

    ``menurut Seksyen 23 Enakmen Undang-Undang Keluarga Islam`` cites a law; a person's age
    comes after a comma (``Hashimah, 40``), never straight after the name.
    """
    return bool(_NUMBERED.match(text, span[1]))


def pronoun_before(text: str, pos: int) -> str | None:
    """Return ``he`` or ``she`` when that pronoun (and adverbs) ends the text before ``pos``, else None."""
    match = _GENDERED.search(text, max(0, pos - _ANAPHOR_WINDOW), pos)
    return match.group("pro").lower() if match else None


def speaker_from_mention(mention: EntityMention) -> Speaker:
    """Return the speaker that an entity mention names."""
    kind = KIND_OF_TYPE.get(mention.entity_type, "person")
    return Speaker(mention.start, mention.end, mention.text, kind, mention.entity_key)


def subject_before(text: str, verb_start: int, floor: int) -> Span | str | None:
    """Return the subject of the speech verb at ``verb_start``: a span, an anaphor kind, or None.

    Handles ``Shushan Stepanyan, juru bicara ..., mengatakan``, ``Hikmet Hajiyev,
    Asisten Presiden Azerbaijan menyebut`` and ``Dia juga mengatakan``.
    """
    patterns = _patterns()
    floor = max(floor, verb_start - _SUBJECT_WINDOW)
    end = verb_start
    adverbs = patterns["trailing_adverb"].search(text, max(floor, end - _ADVERB_WINDOW), end)
    if adverbs:
        end = adverbs.start()
        if adverbs.group().split()[0].lower() in _DEMONSTRATIVES and text[floor:end].strip():
            # "Bekas ahli Parlimen Sepanggar itu berkata": a description pointing back to someone named.
            head = list(WORD.finditer(text, floor, end))
            return "ministry" if any(w.group().lower() in ministry_heads() for w in head[-3:]) else "person"
    means = _MEANS_PHRASE.search(text, max(floor, end - _ADVERB_WINDOW), end)
    if means and name_phrase_before(text, means.start(), floor):
        end = means.start()
    lead = text[floor:end].rstrip()
    end = floor + len(lead)
    anaphor = patterns["anaphor_end"].search(text, max(floor, end - _ANAPHOR_WINDOW), end)
    if anaphor and (anaphor.start() == floor or not text[anaphor.start() - 1].isalnum()):
        return anaphor_kind(anaphor.group("ana"))
    if lead.endswith(","):
        previous_comma = text.rfind(",", floor, end - 1)
        if previous_comma != -1:
            name = name_phrase_before(text, previous_comma, floor)
            inner = name_phrase_before(text, end - 1, previous_comma + 1)
            if name and inner and starts_with(text, name, "titles") and not starts_with(text, inner, "titles") \
                    and not text[previous_comma + 1:inner[0]].strip():
                return inner  # "Ketua The Fed, Jerome Powell, menyampaikan": the title comes first, then the name
            if name and phrase_kind(text, name) != "place":
                return name
            if name is None and inner and text[previous_comma + 1:inner[0]].strip() == "" \
                    and phrase_kind(text, inner) == "person" and not starts_with(text, inner, "titles") \
                    and WORD.search(text, floor, previous_comma):
                return inner  # "Hollywood's honorary mayor, Johnny Grant, said": a description, then the name
            return None
        # "Akramuddin, memberitahu, ...": a name opening the sentence, set off by a comma.
        name = name_phrase_before(text, end - 1, floor)
        if name and not text[floor:name[0]].strip() and phrase_kind(text, name) != "place":
            return name
        return None
    apposed = _APPOSED_ROLE.search(text, max(floor, end - 80), end)
    if apposed and apposed.group("role") in word_class("occupations"):
        name = name_phrase_before(text, apposed.start(), floor)
        if name and phrase_kind(text, name) == "person":
            return name  # "Michael Lamberty, a Lufthansa spokesman told the BBC": the man, not the firm
    phrase = name_phrase_before(text, end, floor)
    if phrase is None and (clause := _RELATIVE_CLAUSE.search(text, max(floor, end - 100), end)):
        person = name_phrase_before(text, clause.start(), floor)
        if person and phrase_kind(text, person) == "person" and (
                text[floor:person[0]].strip() or len(WORD.findall(text, person[0], person[1])) > 1):
            return person  # a one-word phrase opening the sentence may be a common noun ("Polisi yang ...")
    if phrase and _PREPOSITION.search(text, max(floor, phrase[0] - 10), phrase[0]):
        return None
    if phrase and (relative := _ALSO_TITLE.search(text, max(floor, phrase[0] - 60), phrase[0])):
        person = name_phrase_before(text, relative.start(), floor)
        if person and phrase_kind(text, person) != "place":
            return person  # "Saifuddin Nasution yang juga Menteri Dalam Negeri berkata": the name, not "Negeri"
    if phrase and (member := _MEMBER_OF.search(text, max(floor, phrase[0] - 40), phrase[0])):
        person = name_phrase_before(text, member.start(), floor)
        if person and phrase_kind(text, person) == "person":
            return person  # "David Noone from Intervoice said": the person, not the company
    if phrase and is_definite_role(text, phrase):
        return "role:" + WORD.findall(text, phrase[0], phrase[1])[-1].lower()  # "the Bishop said"
    if phrase and starts_with(text, phrase, "titles") and person_part(text, phrase) == phrase:
        # "Hikmet Hajiyev, Asisten Presiden Azerbaijan menyebut": a bare title after the name. A title
        # followed by a name ("Ketua Polis ..., Asisten Komisioner Shariman Ashari berkata") is the speaker.
        before = text[floor:phrase[0]].rstrip()
        if before.endswith(","):
            name = name_phrase_before(text, floor + len(before) - 1, floor)
            if name:
                return name
    return phrase
