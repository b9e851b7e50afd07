"""Antecedents for pronoun cues and anaphors: ``katanya``, ``dia``, ``kementerian itu``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsetl.transforms.facts.lexicon import PhraseFinder, alternation, data_file, lowered, vocabulary
from newsetl.transforms.facts.marks import sentence_start
from newsetl.transforms.facts.names import WORD, Span, word_class
from newsetl.transforms.facts.speakers import (
    Speaker,
    is_ministry,
    ministry_heads,
    speaker_from_mention,
    speaker_from_span,
    subject_before,
)
from newsetl.transforms.records import EntityMention


@cache
def _subject_verbs() -> PhraseFinder:
    """Return a finder for speech verbs (``mengatakan``, ``said``)."""
    return PhraseFinder(data_file("speech_cues.json")["subject_verbs"])


@cache
def _reporting_opener() -> re.Pattern[str]:
    """Return the pattern of a sentence opening with reported speech: ``Katanya, ...``, ``Menurutnya, ...``."""
    openers = alternation(data_file("speech_cues.json")["reporting_openers"])
    return re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?i:{openers})\s*,", re.MULTILINE)


@cache
def _ministry_heads_finder() -> PhraseFinder:
    """Return a finder for the words that open ministry names."""
    return PhraseFinder(ministry_heads(), tail="")


@cache
def _ministry_pattern() -> re.Pattern[str]:
    """Return the pattern of a ministry name (``Kementerian Pertahanan Azerbaijan``)."""
    heads = alternation(ministry_heads())
    portfolio = alternation(word_class("role_words"))
    # Lower-case portfolio words are allowed: news text writes "kementerian pertahanan Armenia".
    return re.compile(rf"(?i:{heads})(?:[ \t]+(?:(?i:{portfolio})(?![\w-])|[A-ZÀ-ÖØ-Þ][\w-]*))+")


class Antecedents:
    """Candidate antecedents for pronoun cues and anaphors, in document order."""

    def __init__(self, text: str, mentions: Sequence[EntityMention]) -> None:
        self._text = text
        # (recency offset, speaker): subjects of speech verbs and earlier quotes' speakers.
        self._speech: list[tuple[int, Speaker]] = []
        # (offset, speaker) of every speech verb with a named or pronoun subject ("He told BBC Radio 4").
        self._reported: list[tuple[int, Speaker]] = []
        self._pending_pronouns: list[int] = []
        self._ministries: list[tuple[int, Speaker]] = []
        low, words = lowered(text), vocabulary(text)
        for match in _subject_verbs().matches(low, words=words):
            floor = sentence_start(text, match.start())
            subject = subject_before(text, match.start(), floor)
            if isinstance(subject, tuple):
                self._speech.append((match.start(), speaker_from_span(text, subject, mentions)))
                self._reported.append((match.start(), self._speech[-1][1]))
            elif subject == "person":
                self._pending_pronouns.append(match.start())
        for match in _reporting_opener().finditer(text):
            self._pending_pronouns.append(match.end())
        for head in _ministry_heads_finder().matches(low, words=words):
            match = _ministry_pattern().match(text, head.start())
            if match is None:
                continue
            span = self._trimmed(match.span())
            self._ministries.append((span[1], speaker_from_span(text, span, mentions)))
        for mention in mentions:
            if mention.entity_type == "ORG" and is_ministry(mention.text):
                self._ministries.append((mention.end, speaker_from_mention(mention)))
        self._ministries.sort(key=lambda item: item[0])
        self._persons = sorted(
            ((m.end, speaker_from_mention(m)) for m in mentions if m.entity_type == "PERSON"),
            key=lambda item: item[0],
        )
        for at in self._pending_pronouns:  # "Dia mengatakan" / "He said": the person spoken of last
            resolved = self.resolved("person", at)
            if resolved is not None:
                self._reported.append((at, resolved))
        self._reported.sort(key=lambda item: item[0])

    def _trimmed(self, span: Span) -> Span:
        """Return ``span`` without trailing words that cannot end a name (``pada``, ``Senin``)."""
        words = list(WORD.finditer(self._text, span[0], span[1]))
        while len(words) > 1 and words[-1].group().lower() in word_class("non_name_words"):
            words.pop()
        return words[0].start(), words[-1].end()

    def add_speaker(self, at: int, speaker: Speaker) -> None:
        """Record that ``speaker`` spoke at offset ``at`` (for later pronoun cues)."""
        self._speech.append((at, speaker))

    def reported_between(self, start: int, end: int) -> Speaker | None:
        """Return the speaker of the last speech verb in ``[start, end)`` (``X told the BBC that ...``), or None."""
        found = [s for at, s in self._reported if start <= at < end and s.kind in ("person", "org")]
        return found[-1] if found else None

    def resolved(self, kind: str, before: int) -> Speaker | None:
        """Return the most recent antecedent of ``kind`` (``person`` or ``ministry``) before ``before``."""
        if kind == "ministry":
            pool = self._ministries + [(at, s) for at, s in self._speech if is_ministry(s.text)]
            earlier = [item for item in pool if item[0] <= before]
            return max(earlier, key=lambda item: item[0])[1] if earlier else None
        if kind != "person":
            return None
        speech = [(at, s) for at, s in self._speech if at <= before and s.kind == "person"]
        if speech:
            return max(speech, key=lambda item: item[0])[1]
        persons = [s for end, s in self._persons if end <= before]
        return persons[-1] if persons else None
