"""Antecedents for pronoun cues and anaphors: ``katanya``, ``dia``, ``kementerian itu``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from newsetl.transforms.facts.lexicon import PhraseFinder, alternation, data_file, lowered, vocabulary
from newsetl.transforms.facts.marks import marked_spans, sentence_start
from newsetl.transforms.facts.names import WORD, Span, name_phrase_after, tail_kind, word_class
from newsetl.transforms.facts.speakers import (
    GENDER_OF,
    HONORIFIC,
    HONORIFIC_WORDS,
    Speaker,
    is_definite_role,
    is_ministry,
    is_numbered_reference,
    ministry_heads,
    person_after_role,
    person_after_title,
    pronoun_before,
    speaker_from_mention,
    speaker_from_span,
    subject_before,
)
from newsetl.transforms.records import EntityMention
from newsetl.transforms.regex_starts import matches_from, word_starts


def _first_words(phrases) -> frozenset[str]:
    """Return the lower-case first words of cue phrases (where a match of their alternation begins)."""
    return frozenset(p.strip().lower().split()[0] for p in phrases if p.strip())


@cache
def _cue_first_words(key: str) -> frozenset[str]:
    """Return the first words of the ``speech_cues.json`` list ``key``."""
    return _first_words(data_file("speech_cues.json")[key])


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
def _according_to() -> re.Pattern[str]:
    """Return the pattern of ``menurut X,`` / ``according to X``: X spoke."""
    return re.compile(rf"(?<![\w-])(?i:{alternation(data_file('speech_cues.json')['according_to'])})[ \t]+")


@cache
def _inverted_cue() -> re.Pattern[str]:
    """Return the pattern of a cue verb before its subject: ``..., kata Menteri X, Y`` or a sentence's ``Kata Sasha, ...``.

    Malay news opens a reported sentence with the verb: ``Jelas Ade, pihaknya ...`` names the
    person speaking from there on.
    """
    verbs = alternation(data_file("speech_cues.json")["after_quote_verbs"])
    return re.compile(rf"(?:(?<=[,\"”])|(?:^|(?<=[.!?]\s)|(?<=\n))(?=[A-Z]))[ \t]*(?i:{verbs})[ \t]+(?=[A-Z])",
                      re.MULTILINE)


# "Menurut Ketua Cabang Parti Keadilan Rakyat (PKR) itu,": a description ending in a demonstrative.
_DESCRIPTION = re.compile(r"[^,.;:\n\"“”]{1,80}?[ \t](?:itu|tersebut)[ \t]*,")
# A role word and the name of the person holding it: "The Bishop of Durham, the Rt Rev Dr Tom Wright".
_ROLE_HOLDER_WINDOW = 60
# Between a role and its holder's name only a place or body and titles: "Bishop of Durham, the Rt Rev Dr ", never
# a clause ("coach said that he had been impressed by ").
_HOLDER_GAP = re.compile(r"(?:[\s,()'’.-]|(?:of|the|for|at|and|in)(?![\w-])|[A-Z][\w'’.-]*)*")
# A lower-case "the" before a tagged name makes it a description ("the Birchfield Harrier"), not the name.
_DESCRIBED = re.compile(r"(?<![\w-])the[ \t]+\Z")
# An indefinite spokesperson as the subject of a speech verb: "But an executive spokeswoman insisted".
_UNNAMED_SUBJECT = re.compile(
    r"(?<![\w-])(?i:an?)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:spokesman|spokeswoman|spokesperson|official|source|aide)"
    r"(?:[ \t]+(?:also|later|then|has|had))?[ \t]+\Z"
)
# An honorific and a capitalised name: "Mr Straw", "Ms Kelly".
_TITLED_NAME = re.compile(rf"(?<![\w-])(?P<h>{HONORIFIC_WORDS})\.?[ \t]+(?P<name>[A-Z][\w'’-]+)")
# "A spokesman for the Home Office": a role whose holder stays unnamed, and the organisation after it.
_INDEFINITE = re.compile(r"(?<![\w-])(?i:an?)[ \t]+\Z")
_GROUP_AFTER_ROLE = re.compile(r"[ \t]+(?:for|of|at)[ \t]+(?:the[ \t]+)?")
# A sentence opening with the pronoun goes on about the person already spoken of.
_SAME_REFERENT = {
    "he": re.compile(r"[\s\"“”]*(?:(?:But|And|Yet|So|However|Then|Later|Earlier),?[ \t]+)?(?i:he|his|him)(?![\w-])"),
    "she": re.compile(r"[\s\"“”]*(?:(?:But|And|Yet|So|However|Then|Later|Earlier),?[ \t]+)?(?i:she|her)(?![\w-])"),
}
# Between a clause and an inverted English speech verb: "..., said Mr Clarke", "...\" said Parry".
_INVERSION_LEAD = re.compile(r"[,\"”'’][ \t]*\Z")


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of the text inside quotation marks, in order."""
    return [(span.inner_start, span.inner_end) for span in marked_spans(text) if span.inner_start is not None]


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
        self._mentions = mentions
        # (recency offset, speaker): subjects of speech verbs and earlier quotes' speakers.
        self._speech: list[tuple[int, Speaker]] = []
        # (offset, speaker) of every speech verb with a named or pronoun subject ("He told BBC Radio 4").
        self._reported: list[tuple[int, Speaker]] = []
        self._unnamed: list[int] = []  # offsets of speech verbs whose subject is an unnamed spokesperson
        self._named_reports: set[int] = set()  # offsets of the speech verbs above whose subject is a name
        self._pending_pronouns: list[tuple[int, str]] = []  # (offset, "person" or "role:WORD")
        self._ministries: list[tuple[int, Speaker]] = []
        self._quoted = quoted_regions(text)
        self._quote_starts = [start for start, _ in self._quoted]
        low, words = lowered(text), vocabulary(text)
        for match in _subject_verbs().matches(low, words=words):
            if self.inside_quote(match.start()):
                continue  # words a quoted speaker says are not the narrative's speech acts
            floor = sentence_start(text, match.start())
            if _UNNAMED_SUBJECT.search(text, max(floor, match.start() - 60), match.start()):
                self._unnamed.append(match.start())  # "an executive spokeswoman insisted": someone unnamed spoke
                continue
            subject = subject_before(text, match.start(), floor)
            if isinstance(subject, tuple):
                self._speech.append((match.start(), speaker_from_span(text, subject, mentions)))
                self._reported.append((match.start(), self._speech[-1][1]))
                self._named_reports.add(match.start())
            elif subject == "person" or (isinstance(subject, str) and subject.startswith("role:")):
                self._pending_pronouns.append((match.start(), subject))
            elif subject is None and _INVERSION_LEAD.search(text, max(floor, match.start() - 4), match.start()):
                self._add_named(match.end(), mentions)  # "..., said Mr Clarke."
        # The three patterns below begin with their cue word, after spaces or tabs: tried only where one starts.
        for match in matches_from(_inverted_cue(), text,
                                  word_starts(text, _cue_first_words("after_quote_verbs"), spaced=True)):
            if not self.inside_quote(match.start()):
                self._add_named(match.end(), mentions)  # "..., kata Menteri Belia dan Sukan, Hannah Yeoh."
        for match in matches_from(_according_to(), text, word_starts(text, _cue_first_words("according_to"))):
            if self.inside_quote(match.start()):
                continue
            described = _DESCRIPTION.match(text, match.end())
            if described:  # "Menurut Ketua Cabang Parti Keadilan Rakyat (PKR) itu,": the person named before
                self._pending_pronouns.append((described.end(), "person"))
            else:
                self._add_named(match.end(), mentions)  # "Menurut Mohd. Isham Md. Isa, 44, dia ..."
        for match in matches_from(_reporting_opener(), text,
                                  word_starts(text, _cue_first_words("reporting_openers"), spaced=True)):
            self._pending_pronouns.append((match.end(), "person"))
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
        self._orgs = [(m.start, speaker_from_mention(m)) for m in mentions if m.entity_type == "ORG"]
        self._genders: dict[str, str] = {}
        for m in mentions:
            honorific = HONORIFIC.search(text, max(0, m.start - 10), m.start) if m.entity_type == "PERSON" else None
            if honorific and m.entity_key:
                self._genders.setdefault(m.entity_key, GENDER_OF[honorific.group("h").lower()])
        self._persons = sorted(
            ((m.end, speaker_from_mention(m)) for m in mentions
             if m.entity_type == "PERSON" and not self.inside_quote(m.start)
             and not is_definite_role(text, (m.start, m.end))  # "according to the Bishop" names no one
             and not tail_kind(text, (m.start, m.end))  # "Carling Cup", "San Francisco Chronicle" tagged PERSON
             and not _DESCRIBED.search(text, max(0, m.start - 5), m.start)),  # "the Birchfield Harrier has yet to"
            key=lambda item: item[0],
        )
        for at, kind in sorted(self._pending_pronouns):  # "Dia mengatakan" / "He said": the person spoken of last
            pronoun = pronoun_before(text, at)
            resolved = self.resolved(kind, at, pronoun)
            if resolved is not None:
                self._reported.append((at, resolved))
                if pronoun is not None:
                    # '"...," he told the joint committee on Strategic Export Controls. ... But he said': the
                    # English he/she who spoke stays the current speaker for the next pronoun.
                    self._speech.append((at, resolved))
        self._reported.sort(key=lambda item: item[0])

    def _trimmed(self, span: Span) -> Span:
        """Return ``span`` without trailing words that cannot end a name (``pada``, ``Senin``)."""
        words = list(WORD.finditer(self._text, span[0], span[1]))
        while len(words) > 1 and words[-1].group().lower() in word_class("non_name_words"):
            words.pop()
        return words[0].start(), words[-1].end()

    def inside_quote(self, pos: int) -> bool:
        """Return whether offset ``pos`` lies inside quotation marks."""
        index = bisect.bisect_right(self._quote_starts, pos) - 1
        return index >= 0 and pos < self._quoted[index][1]

    def _add_named(self, pos: int, mentions: Sequence[EntityMention]) -> None:
        """Record the person named right at ``pos`` as a speaker (``according to X``, ``said X``)."""
        span = name_phrase_after(self._text, pos, allow_lower_roles=True)
        if span is None or is_definite_role(self._text, span) or is_numbered_reference(self._text, span):
            return  # "according to the Bishop" names no one, "menurut Seksyen 23" cites a law
        span = person_after_role(self._text, span, mentions) or person_after_title(self._text, span, mentions) or span
        # A PERSON mention at the phrase, or just after a cut ("Mohd." + "Isham Md. Isa").
        covering = [m for m in mentions if m.entity_type == "PERSON" and m.end > span[0] and m.start <= span[1] + 2]
        speaker = speaker_from_mention(covering[0]) if covering else speaker_from_span(self._text, span, mentions)
        if speaker.kind == "person":
            self._speech.append((span[0], speaker))

    def _described(self, role: str, before: int) -> tuple[bool, Speaker | None]:
        """Return whether an earlier sentence gives ``role`` to someone, and who.

        ``The Bishop of Durham, the Rt Rev Dr Tom Wright`` gives the person after the role; ``A
        spokesman for the Home Office said`` gives a holder left unnamed: the organisation after
        the role (or None), never a person spoken of before.
        """
        pattern = re.compile(rf"(?<![\w-]){re.escape(role)}(?![\w-])", re.IGNORECASE)
        for occurrence in reversed(list(pattern.finditer(self._text, 0, before))):
            if self.inside_quote(occurrence.start()):
                continue
            for end, person in self._persons:
                if occurrence.end() <= person.start <= occurrence.end() + _ROLE_HOLDER_WINDOW and end <= before \
                        and sentence_start(self._text, person.start) <= occurrence.start() \
                        and _HOLDER_GAP.fullmatch(self._text, occurrence.end(), person.start):
                    return True, person
            if _INDEFINITE.search(self._text, max(0, occurrence.start() - 4), occurrence.start()):
                group = _GROUP_AFTER_ROLE.match(self._text, occurrence.end())
                orgs = [s for at, s in self._orgs if group and at == group.end()]
                return True, orgs[0] if orgs else None
        return False, None

    def _agrees(self, speaker: Speaker, pronoun: str | None) -> bool:
        """Return whether ``speaker`` can be the ``he``/``she`` of ``pronoun`` (unknown gender agrees)."""
        if pronoun is None or speaker.entity_key is None:
            return True
        return self._genders.get(speaker.entity_key, pronoun) == pronoun

    def _sentence_subject(self, before: int, pronoun: str | None) -> tuple[int, Speaker] | None:
        """Return the first agreeing person of the nearest sentence before ``before`` that names one.

        News sentences put their subject first: in "Her comments did not impress ... Tim Collins." or
        "Maddison bermain ... kepercayaan Southgate" the person the next pronoun means comes first.
        """
        earlier = [(end, s) for end, s in self._persons if end <= before and self._agrees(s, pronoun)]
        if not earlier:
            return None
        floor = self._sentence_floor(earlier[-1][1].start)
        while pronoun and _SAME_REFERENT[pronoun].match(self._text, floor):
            # "Adam Curry's pressing ahead ... He loves ... He has even been called the Ed Sullivan or
            # Johnny Carson of podcasting which, he says": a sentence opening with the pronoun is still him.
            earlier = [(end, s) for end, s in earlier if end <= floor]
            if not earlier:
                return None
            floor = self._sentence_floor(earlier[-1][1].start)
        first = next(s for end, s in earlier if s.start >= floor)
        for titled in _TITLED_NAME.finditer(self._text, floor, first.start):
            # "Mr Straw promised ... secured in 1984 by Margaret Thatcher": the tagger missed Mr Straw,
            # who is still the sentence's subject.
            gender = GENDER_OF[titled.group("h").lower()]
            if not self.inside_quote(titled.start()) and pronoun in (None, gender):
                phrase = name_phrase_after(self._text, titled.start("name")) or titled.span("name")
                named = speaker_from_span(self._text, phrase, self._mentions)
                return named.start, named
        return first.start, first

    def _sentence_floor(self, pos: int) -> int:
        """Return where the sentence holding ``pos`` begins, over line breaks that open no sentence.

        ``Parry revealed Real Madrid / did / ask for an option ...``: a line starting in lower case
        carries on the sentence before it.
        """
        floor = sentence_start(self._text, pos)
        while floor > 0 and self._text[floor].islower():
            previous = len(self._text[:floor].rstrip()) - 1  # the last character before the break
            if previous < 0:
                break
            floor = sentence_start(self._text, previous)
        return floor

    def add_speaker(self, at: int, speaker: Speaker) -> None:
        """Record that ``speaker`` spoke at offset ``at`` (for later pronoun cues)."""
        self._speech.append((at, speaker))

    def unnamed_between(self, start: int, end: int) -> bool:
        """Return whether an unnamed spokesperson speaks in ``[start, end)`` (``an executive spokeswoman insisted``)."""
        return any(start <= at < end for at in self._unnamed)

    def reported_between(self, start: int, end: int, named: bool = False) -> Speaker | None:
        """Return the speaker of the last speech verb in ``[start, end)`` (``X told the BBC that ...``), or None.

        ``named``: only a verb whose subject is a name, not a pronoun resolved to someone.
        """
        found = [s for at, s in self._reported if start <= at < end and s.kind in ("person", "org")
                 and (not named or at in self._named_reports)]
        return found[-1] if found else None

    def resolved(self, kind: str, before: int, pronoun: str | None = None) -> Speaker | None:
        """Return the most recent antecedent of ``kind`` (``person`` or ``ministry``) before ``before``.

        A person is the current speaker (the last speech verb's subject or quote's speaker); an
        English ``he``/``she`` (``pronoun``) is instead the subject of the nearest sentence naming
        an agreeing person when that person is named after the last speech act ("Mr Hague became
        an MP at 27 ... He said:"). Failing both, the subject of the nearest sentence naming a person.
        """
        if kind.startswith("role:"):
            found, holder = self._described(kind[5:], before)
            return holder if found else self.resolved("person", before, pronoun)
        if kind == "ministry":
            pool = self._ministries + [(at, s) for at, s in self._speech if is_ministry(s.text)]
            earlier = [item for item in pool if item[0] <= before]
            return max(earlier, key=lambda item: item[0])[1] if earlier else None
        if kind != "person":
            return None
        speech = [(at, s) for at, s in self._speech if at <= before and s.kind == "person" and self._agrees(s, pronoun)]
        last = max(speech, key=lambda item: item[0]) if speech else None
        named = self._sentence_subject(before, pronoun) if pronoun or last is None else None
        latest = max(last[0] if last else -1, named[0] if named else -1)
        if self.unnamed_between(latest + 1, before + 1):
            return None  # "But an executive spokeswoman insisted ... "He was talking ...," she said."
        if named is not None and (last is None or named[0] > last[0]) and (
            last is None or self._sentence_floor(named[0]) > last[0]
        ):  # "White said in the San Francisco Chronicle. But she added": the sentence's speaker goes on
            return named[1]
        return last[1] if last else None
