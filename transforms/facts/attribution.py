"""Attributions of a quote: the cue before or after it and the speaker it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsetl.transforms.facts.antecedents import Antecedents
from newsetl.transforms.facts.lexicon import alternation, data_file, known_media
from newsetl.transforms.facts.marks import sentence_end, sentence_start
from newsetl.transforms.facts.names import name_phrase_after, starts_with, word_class
from newsetl.transforms.facts.speakers import (
    WORD_END,
    Speaker,
    anaphor_kind,
    is_definite_role,
    is_numbered_reference,
    office_titles,
    person_after_role,
    person_after_title,
    pronoun_before,
    speaker_from_span,
    subject_before,
)
from newsetl.transforms.records import EntityMention

# Blanks, commas and dashes between a closing mark and its cue.
_LEAD = r"[\s,—–-]*"
_LEAD_PATTERN = re.compile(_LEAD)
# An introducing clause ("X said in a statement:") ends this close to the opening mark.
_INTRO_WINDOW = 160
# The clause after a speech quote names its speaker within this many characters
# ("“...,” Renaissance Capital energy analyst Adam Landes told Reuters").
_CLAUSE_WINDOW = 120


@dataclass(frozen=True, slots=True)
class Attribution:
    """What the cues around a quote say: the speaker (if any) and the cue word."""

    speaker: Speaker | None
    cue: str | None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Return the compiled cue patterns around a quote, by name."""
    cues = data_file("speech_cues.json")
    word = WORD_END
    adverbs = alternation(cues["subject_adverbs"])
    subject_verbs = alternation(cues["subject_verbs"])
    anaphors = alternation(cues["anaphors"])
    lead = _LEAD
    return {
        "pronoun_cue": re.compile(rf"{lead}(?P<cue>{alternation(cues['pronoun_cues'])}){word}", re.IGNORECASE),
        "verb_cue": re.compile(rf"{lead}(?P<cue>{alternation(cues['after_quote_verbs'])}){word}", re.IGNORECASE),
        "according": re.compile(rf"{lead}(?P<cue>{alternation(cues['according_to'])}){word}", re.IGNORECASE),
        "anaphor": re.compile(rf"\s+(?P<ana>{anaphors}){word}", re.IGNORECASE),
        "anaphor_subject": re.compile(
            rf"{lead}(?P<ana>{anaphors})(?:\s+(?:{adverbs}))*\s+(?P<cue>{subject_verbs}){word}", re.IGNORECASE
        ),
        "verb_after_name": re.compile(rf"(?:\s+(?:{adverbs}))*\s+(?P<cue>{subject_verbs}){word}", re.IGNORECASE),
        # "X mengatakan, "..."" / "X said in a statement: "..."" right before an opening mark.
        "verb_before_quote": re.compile(
            rf"(?<![\w-])(?P<cue>{subject_verbs})(?:\s+[^\s,:\"“]+){{0,3}}?\s*[,:]\s*\Z", re.IGNORECASE
        ),
        "clause_verb": re.compile(rf"(?<![\w-])(?P<cue>{subject_verbs}){word}", re.IGNORECASE),
        "apposition": re.compile(r"\s*,\s*(?P<word>[^\W\d_]+)"),
        # "“...,” Mevlut Cavusoglu, seperti dikutip ...": a name followed straight by its relaying medium.
        "relayed": re.compile(
            rf"\s*,?\s*(?:(?:{alternation(cues['relay_leads'])})\s+)?"
            rf"(?:{alternation(data_file('citation_cues.json')['relay_cues'])}){word}",
            re.IGNORECASE,
        ),
    }


def _is_known_medium(text: str) -> bool:
    """Return whether ``text`` is exactly a known medium's name."""
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
            kind = anaphor_kind(anaphor.group("ana"))
            return Attribution(antecedents.resolved(kind or "", quote_start, _gendered(anaphor.group("ana"))), cue)
        span = name_phrase_after(text, match.end(), allow_lower_roles=True)
        return Attribution(_named(text, span, mentions, antecedents, quote_start), cue)
    match = patterns["according"].match(text, pos)
    if match:
        span = name_phrase_after(text, match.end(), allow_lower_roles=True)
        if span and not _is_known_medium(text[span[0]:span[1]]) and not is_numbered_reference(text, span):
            cue = " ".join(match.group("cue").lower().split())
            return Attribution(_named(text, span, mentions, antecedents, quote_start), cue)
        return None
    if new_sentence:
        return None
    match = patterns["anaphor_subject"].match(text, pos)
    if match:
        kind = anaphor_kind(match.group("ana"))
        resolved = antecedents.resolved(kind or "", quote_start, _gendered(match.group("ana")))
        return Attribution(resolved, match.group("cue").lower())
    span = name_phrase_after(text, _LEAD_PATTERN.match(text, pos).end())
    if span is None:
        return _clause_attribution(text, pos, mentions, antecedents, quote_start)
    verb = patterns["verb_after_name"].match(text, span[1])
    if verb:
        return Attribution(speaker_from_span(text, span, mentions), verb.group("cue").lower())
    apposition = patterns["apposition"].match(text, span[1])
    if (apposition and apposition.group("word").lower() in word_class("titles")) or patterns["relayed"].match(
        text, span[1]
    ):
        return Attribution(speaker_from_span(text, span, mentions), None)
    return _clause_attribution(text, pos, mentions, antecedents, quote_start)


def _gendered(anaphor: str) -> str | None:
    """Return ``he`` or ``she`` for those anaphors, else None."""
    word = anaphor.lower()
    return word if word in ("he", "she") else None


def _named(
    text: str, span: tuple[int, int] | None, mentions: Sequence[EntityMention], antecedents: Antecedents,
    quote_start: int,
) -> Speaker | None:
    """Return the speaker a phrase after a cue names.

    ``said Aviator star Alan Alda`` names the person after the occupation, and ``said the
    Salford MP`` / ``according to the Bishop`` refer back to the person named before.
    """
    if span is None:
        return None
    if _DESCRIBED_BEFORE.match(text, span[1]) and _is_office(text, span, mentions):
        # "tutup Anggota DPR RI Komisi XII tersebut": the office points back to the person named before.
        return antecedents.resolved("person", quote_start)
    if is_definite_role(text, span):
        return antecedents.resolved("role:" + text[span[0]:span[1]].split()[-1].lower(), quote_start)
    return speaker_from_span(text, person_after_role(text, span, mentions) or person_after_title(text, span, mentions)
                             or span, mentions)

    gap = _APPOSITION_GAP.match(text, span[1])
    for m in mentions:
        if m.entity_type == "PERSON" and span[1] <= m.start <= gap.end():
            return m.start, m.end
    return None


# "tersebut" / "itu" right after a phrase: a description of someone the text has named.
_DESCRIBED_BEFORE = re.compile(r"(?:[ \t]+\([^()\n]{1,20}\))?[ \t]+(?:tersebut|itu)(?![\w-])")
_WORD_BEFORE = re.compile(r"([\w-]+)[ \t]+\Z")


def _is_office(text: str, span: tuple[int, int], mentions: Sequence[EntityMention]) -> bool:
    """Return whether the phrase at ``span`` opens with a title, or follows one (``Ketua Majelis`` +
    ``Alumni Ikatan Pelajar Nahdlatul Ulama``), and names no person itself."""
    before = _WORD_BEFORE.search(text, max(0, span[0] - 30), span[0])
    titled = starts_with(text, span, "titles") or bool(before and before.group(1).lower() in office_titles())
    return titled and not any(
        m.entity_type == "PERSON" and m.start < span[1] and m.end > span[0] for m in mentions
    )


def _clause_attribution(
    text: str, pos: int, mentions: Sequence[EntityMention], antecedents: Antecedents, quote_start: int
) -> Attribution | None:
    """Return the speaker of the clause after a quote closed by a comma: ``“...,” X, a spokesman for Y, said``.

    Only a quote closed as speech (a comma, ``?`` or ``!`` at its close) qualifies; the
    subject is read back from the clause's first speech verb, as for a verb before a quote.
    """
    close = text[pos - 2:pos + 1]
    if not any(ch in close for ch in ",?!"):
        return None
    begin = _LEAD_PATTERN.match(text, pos).end()
    verb = _patterns()["clause_verb"].search(text, begin, min(sentence_end(text, begin), begin + _CLAUSE_WINDOW))
    if verb is None or '"' in text[begin:verb.start()] or "“" in text[begin:verb.start()]:
        return None
    subject = subject_before(text, verb.start(), begin)
    cue = verb.group("cue").lower()
    if isinstance(subject, tuple):
        return Attribution(speaker_from_span(text, subject, mentions), cue)
    if isinstance(subject, str):
        return Attribution(antecedents.resolved(subject, quote_start, pronoun_before(text, verb.start())), cue)
    return None


def attribution_before(
    text: str, open_mark: int, mentions: Sequence[EntityMention], antecedents: Antecedents
) -> Attribution | None:
    """Return the attribution introducing a quote (``X mengatakan, "...``), or None."""
    floor = sentence_start(text, open_mark)
    if text[max(floor, open_mark - 200):open_mark].rstrip()[-1:] not in (",", ":"):
        return None  # the cheap test first: an introducing clause ends in a comma or colon
    match = _patterns()["verb_before_quote"].search(text, max(floor, open_mark - _INTRO_WINDOW), open_mark)
    if not match:
        return None
    cue = match.group("cue").lower()
    subject = subject_before(text, match.start(), floor)
    if isinstance(subject, tuple):
        return Attribution(speaker_from_span(text, subject, mentions), cue)
    if isinstance(subject, str):
        return Attribution(antecedents.resolved(subject, open_mark, pronoun_before(text, match.start())), cue)
    return Attribution(None, cue)
