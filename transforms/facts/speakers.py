"""Who said a quote: cue patterns around it and the antecedents of ``katanya``/``dia``.

Speakers are found from the text alone (capitalised name phrases after or before
a cue); entity mentions, when given, narrow a phrase to the PERSON inside it and
supply ``entity_key``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from transforms.facts.lexicon import PhraseFinder, alternation, data_file, known_media, lowered, vocabulary
from transforms.facts.marks import sentence_start
from transforms.facts.names import (
    WORD,
    Span,
    name_phrase_after,
    name_phrase_before,
    person_part,
    phrase_kind,
    starts_with,
    word_class,
)
from transforms.records import EntityMention

_KIND_OF_TYPE = {"PERSON": "person", "ORG": "org", "LOC": "place"}
# A subject with its apposition ("Shushan Stepanyan, juru bicara ..., mengatakan") fits in this.
_SUBJECT_WINDOW = 250


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker's span, text, kind (``person``, ``org``, ``place``) and entity key."""

    start: int
    end: int
    text: str
    kind: str
    entity_key: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """What the cues around a quote say: the speaker (if any) and the cue word."""

    speaker: Speaker | None
    cue: str | None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    cues = data_file("speech_cues.json")
    word = r"(?![\w-])"
    adverbs = alternation(cues["subject_adverbs"])
    subject_verbs = alternation(cues["subject_verbs"])
    anaphors = alternation(cues["anaphors"])
    lead = r"[\s,—–-]*"
    return {
        "pronoun_cue": re.compile(rf"{lead}(?P<cue>{alternation(cues['pronoun_cues'])}){word}", re.IGNORECASE),
        "verb_cue": re.compile(rf"{lead}(?P<cue>{alternation(cues['after_quote_verbs'])}){word}", re.IGNORECASE),
        "according": re.compile(rf"{lead}(?P<cue>{alternation(cues['according_to'])}){word}", re.IGNORECASE),
        "anaphor": re.compile(rf"\s+(?P<ana>{anaphors}){word}", re.IGNORECASE),
        "anaphor_subject": re.compile(
            rf"{lead}(?P<ana>{anaphors})(?:\s+(?:{adverbs}))*\s+(?P<cue>{subject_verbs}){word}", re.IGNORECASE
        ),
        "anaphor_end": re.compile(rf"(?<![\w-])(?P<ana>{anaphors})\s*\Z", re.IGNORECASE),
        "verb_after_name": re.compile(rf"(?:\s+(?:{adverbs}))*\s+(?P<cue>{subject_verbs}){word}", re.IGNORECASE),
        # "X mengatakan, "..."" / "X said in a statement: "..."" right before an opening mark.
        "verb_before_quote": re.compile(
            rf"(?<![\w-])(?P<cue>{subject_verbs})(?:\s+[^\s,:\"“]+){{0,3}}?\s*[,:]\s*\Z", re.IGNORECASE
        ),
        "trailing_adverb": re.compile(rf"(?:\s+(?:{adverbs}))+\s*\Z", re.IGNORECASE),
        "apposition": re.compile(r"\s*,\s*(?P<word>[^\W\d_]+)"),
        "relayed": re.compile(r"\s*,?\s*(?:seperti|sebagaimana)\s+(?:dikutip|dilansir)", re.IGNORECASE),
        "sentence_goes_on": re.compile(r"\s*[,a-z]"),
    }


@cache
def _anaphor_kinds() -> dict[str, str]:
    return {" ".join(k.split()): v for k, v in data_file("speech_cues.json")["anaphors"].items()}


@cache
def _ministry_heads() -> frozenset[str]:
    return frozenset(data_file("speech_cues.json")["kind_heads"]["ministry"])


@cache
def _subject_verbs() -> PhraseFinder:
    return PhraseFinder(data_file("speech_cues.json")["subject_verbs"])


@cache
def _ministry_heads_finder() -> PhraseFinder:
    return PhraseFinder(_ministry_heads(), tail="")


@cache
def _ministry_pattern() -> re.Pattern[str]:
    heads = alternation(_ministry_heads())
    portfolio = alternation(word_class("role_words"))
    # Lower-case portfolio words are allowed: news text writes "kementerian pertahanan Armenia".
    return re.compile(rf"(?i:{heads})(?:[ \t]+(?:(?i:{portfolio})(?![\w-])|[A-ZÀ-ÖØ-Þ][\w-]*))+")


def _anaphor_kind(phrase: str) -> str | None:
    return _anaphor_kinds().get(" ".join(phrase.lower().split()))


def _is_ministry(text: str) -> bool:
    first = WORD.match(text)
    return bool(first) and first.group().lower() in _ministry_heads()


def _overlap(mention: EntityMention, span: Span) -> int:
    return min(span[1], mention.end) - max(span[0], mention.start)


def speaker_from_span(text: str, span: Span, mentions: Sequence[EntityMention]) -> Speaker:
    """Return the speaker named by the phrase at ``span``, narrowed and keyed by ``mentions``."""
    kind = phrase_kind(text, span)
    hits = [m for m in mentions if _overlap(m, span) > 0]
    covering = [m for m in hits if m.start <= span[0] and m.end >= span[1]]
    if covering:
        kind = _KIND_OF_TYPE.get(covering[0].entity_type, kind)
    if kind == "person":
        inside = [m for m in hits if m.entity_type == "PERSON" and m.start >= span[0] and m.end <= span[1]]
        if inside:
            m = inside[-1]
            return Speaker(m.start, m.end, text[m.start:m.end], "person", m.entity_key)
        span = person_part(text, span)
    wanted = {"person": "PERSON", "org": "ORG", "place": "LOC"}[kind]
    typed = [m for m in mentions if m.entity_type == wanted and _overlap(m, span) > 0]
    key = max(typed, key=lambda m: _overlap(m, span)).entity_key if typed else None
    return Speaker(span[0], span[1], text[span[0]:span[1]], kind, key)


def _speaker_from_mention(mention: EntityMention) -> Speaker:
    kind = _KIND_OF_TYPE.get(mention.entity_type, "person")
    return Speaker(mention.start, mention.end, mention.text, kind, mention.entity_key)


def subject_before(text: str, verb_start: int, floor: int) -> Span | str | None:
    """Return the subject of the speech verb at ``verb_start``: a span, an anaphor kind, or None.

    Handles ``Shushan Stepanyan, juru bicara ..., mengatakan``, ``Hikmet Hajiyev,
    Asisten Presiden Azerbaijan menyebut`` and ``Dia juga mengatakan``.
    """
    patterns = _patterns()
    floor = max(floor, verb_start - _SUBJECT_WINDOW)
    end = verb_start
    # Anchored searches look back a short way only: adverbs and anaphors are short.
    adverbs = patterns["trailing_adverb"].search(text, max(floor, end - 60), end)
    if adverbs:
        end = adverbs.start()
    lead = text[floor:end].rstrip()
    end = floor + len(lead)
    anaphor = patterns["anaphor_end"].search(text, max(floor, end - 30), end)
    if anaphor and (anaphor.start() == floor or not text[anaphor.start() - 1].isalnum()):
        return _anaphor_kind(anaphor.group("ana"))
    if lead.endswith(","):
        previous_comma = text.rfind(",", floor, end - 1)
        if previous_comma != -1:
            name = name_phrase_before(text, previous_comma, floor)
            if name and phrase_kind(text, name) != "place":
                return name
        return None
    phrase = name_phrase_before(text, end, floor)
    if phrase and starts_with(text, phrase, "titles"):
        before = text[floor:phrase[0]].rstrip()
        if before.endswith(","):
            name = name_phrase_before(text, floor + len(before) - 1, floor)
            if name:
                return name
    return phrase


class Antecedents:
    """Candidate antecedents for pronoun cues and anaphors, in document order."""

    def __init__(self, text: str, mentions: Sequence[EntityMention]) -> None:
        self._text = text
        self._mentions = mentions
        # (recency offset, speaker): subjects of speech verbs and earlier quotes' speakers.
        self._speech: list[tuple[int, Speaker]] = []
        self._ministries: list[tuple[int, Speaker]] = []
        low, words = lowered(text), vocabulary(text)
        for match in _subject_verbs().matches(low, words=words):
            floor = sentence_start(text, match.start())
            subject = subject_before(text, match.start(), floor)
            if isinstance(subject, tuple):
                self._speech.append((match.start(), speaker_from_span(text, subject, mentions)))
        for head in _ministry_heads_finder().matches(low, words=words):
            match = _ministry_pattern().match(text, head.start())
            if match is None:
                continue
            span = self._trimmed(match.span())
            self._ministries.append((span[1], speaker_from_span(text, span, mentions)))
        for mention in mentions:
            if mention.entity_type == "ORG" and _is_ministry(mention.text):
                self._ministries.append((mention.end, _speaker_from_mention(mention)))
        self._ministries.sort(key=lambda item: item[0])
        self._persons = sorted(
            ((m.end, _speaker_from_mention(m)) for m in mentions if m.entity_type == "PERSON"),
            key=lambda item: item[0],
        )

    def _trimmed(self, span: Span) -> Span:
        words = list(WORD.finditer(self._text, span[0], span[1]))
        while len(words) > 1 and words[-1].group().lower() in word_class("non_name_words"):
            words.pop()
        return words[0].start(), words[-1].end()

    def add_speaker(self, at: int, speaker: Speaker) -> None:
        """Record that ``speaker`` spoke at offset ``at`` (for later pronoun cues)."""
        self._speech.append((at, speaker))

    def resolved(self, kind: str, before: int) -> Speaker | None:
        """Return the most recent antecedent of ``kind`` (``person`` or ``ministry``) before ``before``."""
        if kind == "ministry":
            pool = self._ministries + [(at, s) for at, s in self._speech if _is_ministry(s.text)]
            earlier = [item for item in pool if item[0] <= before]
            return max(earlier, key=lambda item: item[0])[1] if earlier else None
        if kind != "person":
            return None
        speech = [(at, s) for at, s in self._speech if at <= before and s.kind == "person"]
        if speech:
            return max(speech, key=lambda item: item[0])[1]
        persons = [s for end, s in self._persons if end <= before]
        return persons[-1] if persons else None


def _is_known_medium(text: str) -> bool:
    return tuple(text.casefold().split()) in known_media()


def attribution_after(
    text: str, pos: int, quote_start: int, new_sentence: bool,
    mentions: Sequence[EntityMention], antecedents: Antecedents,
) -> Attribution | None:
    """Return the attribution that follows a closing mark at ``pos``, or None if there is none.

    ``new_sentence``: the quote ended its sentence, so only lower-case cues
    (``katanya``, ``kata X``) can still attach to it.
    """
    patterns = _patterns()
    match = patterns["pronoun_cue"].match(text, pos)
    if match:
        return Attribution(antecedents.resolved("person", quote_start), match.group("cue").lower())
    match = patterns["verb_cue"].match(text, pos)
    if match:
        cue = match.group("cue").lower()
        anaphor = patterns["anaphor"].match(text, match.end())
        if anaphor:
            kind = _anaphor_kind(anaphor.group("ana"))
            return Attribution(antecedents.resolved(kind or "", quote_start), cue)
        span = name_phrase_after(text, match.end(), allow_lower_roles=True)
        return Attribution(speaker_from_span(text, span, mentions) if span else None, cue)
    match = patterns["according"].match(text, pos)
    if match:
        span = name_phrase_after(text, match.end(), allow_lower_roles=True)
        if span and not _is_known_medium(text[span[0]:span[1]]):
            return Attribution(speaker_from_span(text, span, mentions), " ".join(match.group("cue").lower().split()))
        return None
    if new_sentence:
        return None
    match = patterns["anaphor_subject"].match(text, pos)
    if match:
        kind = _anaphor_kind(match.group("ana"))
        return Attribution(antecedents.resolved(kind or "", quote_start), match.group("cue").lower())
    lead = re.match(r"[\s,—–-]*", text[pos:pos + 8])
    span = name_phrase_after(text, pos + (lead.end() if lead else 0))
    if span is None:
        return None
    verb = patterns["verb_after_name"].match(text, span[1])
    if verb:
        return Attribution(speaker_from_span(text, span, mentions), verb.group("cue").lower())
    apposition = patterns["apposition"].match(text, span[1])
    if (apposition and apposition.group("word").lower() in word_class("titles")) or patterns["relayed"].match(
        text, span[1]
    ):
        return Attribution(speaker_from_span(text, span, mentions), None)
    return None


def attribution_before(
    text: str, open_mark: int, mentions: Sequence[EntityMention], antecedents: Antecedents
) -> Attribution | None:
    """Return the attribution introducing a quote (``X mengatakan, "...``), or None."""
    floor = sentence_start(text, open_mark)
    if text[max(floor, open_mark - 200):open_mark].rstrip()[-1:] not in (",", ":"):
        return None  # the cheap test first: an introducing clause ends in a comma or colon
    match = _patterns()["verb_before_quote"].search(text, max(floor, open_mark - 160), open_mark)
    if not match:
        return None
    cue = match.group("cue").lower()
    subject = subject_before(text, match.start(), floor)
    if isinstance(subject, tuple):
        return Attribution(speaker_from_span(text, subject, mentions), cue)
    if isinstance(subject, str):
        return Attribution(antecedents.resolved(subject, open_mark), cue)
    return Attribution(None, cue)
