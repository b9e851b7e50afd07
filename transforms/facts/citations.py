"""Media through which a statement was relayed: ``dikutip kantor berita TASS``, ``(AFP)``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsetl.transforms.facts.lexicon import (
    PhraseFinder,
    alternation,
    country_tokens,
    data_file,
    known_media,
    lowered,
    normalised,
    vocabulary,
)
from newsetl.transforms.facts.names import WORD, Span, name_phrase_after, name_phrase_before
from newsetl.transforms.records import EntityMention, SourceCitation

_LONGEST_MEDIUM = 5


@cache
def _finders() -> dict[str, PhraseFinder]:
    """Return finders for relay cues, medium-only cues and reporting verbs."""
    cues = data_file("citation_cues.json")
    return {
        "relay": PhraseFinder(cues["relay_cues"]),
        "medium": PhraseFinder(cues["medium_cues"]),
        "reporting": PhraseFinder(cues["reporting_verbs"]),
    }


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Return the compiled patterns around a citation cue, by name."""
    cues = data_file("citation_cues.json")
    return {
        # Case-sensitive: a capitalised "The" belongs to the name (The New Arab).
        "preposition": re.compile(rf"\s+(?:{alternation(cues['prepositions'])})(?=\s)"),
        "second": re.compile(rf"\s+(?:{alternation(cues['second_source'])})(?=\s)", re.IGNORECASE),
        "descriptor": re.compile(rf"\s+(?:{alternation(cues['descriptors'])})(?![\w-])", re.IGNORECASE),
        "descriptor_end": re.compile(rf"(?:{alternation(cues['descriptors'])})\s*\Z", re.IGNORECASE),
        "modifier": re.compile(r"\s+(?P<word>[a-z][\w-]*)(?=\s)"),
        # A web address names its site: ``Aljazeera.com`` -> ``Aljazeera``.
        "web_suffix": re.compile(rf"\.(?:{alternation(cues['web_suffixes'])})\Z", re.IGNORECASE),
        "parenthesised": re.compile(r"\((?P<inner>[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,3})\)"),
    }


@cache
def _modifier_stops() -> frozenset[str]:
    """Return words that end the descriptive words after ``kantor berita``/``harian``."""
    return frozenset(data_file("citation_cues.json")["modifier_stops"])


def _known_medium_within(text: str, span: Span) -> Span | None:
    """Return the longest known medium name inside the phrase at ``span``, if any."""
    media = known_media()
    words = list(WORD.finditer(text, span[0], span[1]))
    best: Span | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + _LONGEST_MEDIUM), i, -1):
            key = tuple(w.group().casefold() for w in words[i:j])
            if key in media or (j - i == 1 and _patterns()["web_suffix"].search(words[i].group())
                                and (_patterns()["web_suffix"].sub("", words[i].group()).casefold(),) in media):
                candidate = (words[i].start(), words[j - 1].end())
                if best is None or candidate[1] - candidate[0] > best[1] - best[0]:
                    best = candidate
                break
    return best


def _without_country_prefix(text: str, span: Span) -> Span:
    """Return ``span`` without leading country words (``Rusia Kommersant`` -> ``Kommersant``)."""
    words = list(WORD.finditer(text, span[0], span[1]))
    index = 0
    while index < len(words) - 1 and words[index].group().casefold() in country_tokens():
        index += 1
    return words[index].start(), span[1]


def _site_name(text: str, span: Span) -> Span:
    """Return ``span`` without a trailing web-address suffix."""
    suffix = _patterns()["web_suffix"].search(text, span[0], span[1])
    return (span[0], suffix.start()) if suffix and suffix.start() > span[0] else span


def medium_after(text: str, pos: int, needs_medium: bool, follow_second: bool = True) -> Span | None:
    """Return the span of the medium named right after ``pos`` (a cue's end), or None.

    ``needs_medium``: accept only a known medium or a name after a descriptor
    such as ``kantor berita``; ``follow_second``: in ``dikutip X dari Y`` return Y.
    """
    patterns = _patterns()
    preposition = patterns["preposition"].match(text, pos)
    if preposition:
        pos = preposition.end()
    descriptor = patterns["descriptor"].match(text, pos)
    if descriptor and text[pos:descriptor.end()].strip()[:1].isupper():
        whole = name_phrase_after(text, pos)  # "laporan Daily Mail": a capitalised descriptor opening a name
        known_whole = _known_medium_within(text, whole) if whole else None
        if known_whole and known_whole[0] == whole[0]:
            descriptor = None
    if descriptor:
        pos = descriptor.end()
        for _ in range(2):  # "harian bisnis Rusia Kommersant": skip a descriptive word or two
            modifier = patterns["modifier"].match(text, pos)
            if not modifier or modifier.group("word") in _modifier_stops():
                break
            pos = modifier.end()
    phrase = name_phrase_after(text, pos)
    if phrase is None:
        return None
    known = _known_medium_within(text, phrase)
    if known and needs_medium and not descriptor and known[0] != _without_country_prefix(text, phrase)[0]:
        return None  # "kepada Gabungan Rakyat Sabah": a medium's name at the end of another name
    if known:
        span = known
    elif needs_medium and not descriptor:
        return None
    else:
        span = _without_country_prefix(text, phrase)
    if follow_second:
        second = patterns["second"].match(text, phrase[1])
        if second:
            relayed = medium_after(text, second.end(), needs_medium=False, follow_second=False)
            if relayed:
                return relayed
    return _site_name(text, span)


def _medium_before(text: str, pos: int) -> Span | None:
    """Return the span of a medium named right before ``pos`` (``Reuters melaporkan``)."""
    phrase = name_phrase_before(text, pos, max(0, pos - 120))
    if phrase is None:
        return None
    known = _known_medium_within(text, phrase)
    if known:
        return _site_name(text, known)
    if _patterns()["descriptor_end"].search(text, max(0, phrase[0] - 30), phrase[0]):
        return _site_name(text, phrase)
    return None


def _entity_key(mentions: Sequence[EntityMention], span: Span) -> str | None:
    """Return the entity key of the ORG mention overlapping ``span`` most."""
    best, best_overlap = None, 0
    for mention in mentions:
        overlap = min(span[1], mention.end) - max(span[0], mention.start)
        if mention.entity_type == "ORG" and overlap > best_overlap:
            best, best_overlap = mention.entity_key, overlap
    return best


def source_citations(
    text: str, mentions: Sequence[EntityMention] = (), language: str = "id"
) -> list[SourceCitation]:
    """Return the media through which statements in ``text`` were relayed, in text order.

    Covers ``dikutip (oleh) (kantor berita) X``, ``dikutip X dari Y`` (-> Y),
    ``dilansir X``, ``lansir X``, ``wawancara dengan surat kabar X``, ``menurut X``
    and ``kepada X`` when X is a medium, ``(AFP)``, ``X melaporkan``, and the
    English ``according to X``, ``told X``, ``X reported``. ``source_name`` is
    the medium's name as written (a web address without its suffix);
    ``entity_key`` comes from an overlapping ORG mention. Cues of both languages
    are always read, since Indonesian articles quote English sources verbatim.
    """
    del language  # the cue lists hold both languages
    return [
        SourceCitation(start, end, text[start:end], _entity_key(mentions, (start, end)), cue)
        for start, end, cue in _citation_spans(text)
    ]


def _citation_spans(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """Return ``(start, end, cue)`` of every cited medium in ``text``."""
    finders = _finders()
    low, words = lowered(text), vocabulary(text)
    found: dict[Span, str | None] = {}
    for match in finders["relay"].matches(low, words=words):
        span = medium_after(text, match.end(), needs_medium=False)
        if span:
            found.setdefault(span, normalised(match.group("phrase")))
    for match in finders["medium"].matches(low, words=words):
        span = medium_after(text, match.end(), needs_medium=True)
        if span:
            found.setdefault(span, normalised(match.group("phrase")))
    for match in finders["reporting"].matches(low, words=words):
        span = _medium_before(text, match.start())
        if span:
            found.setdefault(span, normalised(match.group("phrase")))
    for match in _patterns()["parenthesised"].finditer(text):
        start = match.start("inner")
        for part in match.group("inner").split("/"):  # (AFP/Reuters)
            span = _known_medium_within(text, (start, start + len(part)))
            if span:
                found.setdefault(span, None)
            start += len(part) + 1
    return tuple((start, end, cue) for (start, end), cue in sorted(found.items()))
