"""Plain record types shared by the transforms.

Every extractor returns a list of these frozen dataclasses. Offsets are 0-based,
end-exclusive character offsets into the document's ``raw_text`` (NFC, ``\\n``
line ends), so ``raw_text[start:end] == text`` always holds.
The batch assembler (``transforms.document_batch``) turns them into Polars frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (ISO 639-1 or ``und``) and the detector's confidence in [0, 1]."""

    code: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-empty line of the raw text, with its offsets."""

    paragraph_no: int
    start: int
    end: int
    text: str
    is_boilerplate: bool


@dataclass(frozen=True, slots=True)
class DocumentStructure:
    """Lead-line metadata and paragraphs of one article."""

    outlet: str | None
    dateline_place: str | None
    section: str | None
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    body_text: str
    boilerplate_lines: int


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A TIMEX3-normalised temporal expression."""

    start: int
    end: int
    text: str
    timex_type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2020-09-28, 2020-W44, P3D, PRESENT_REF, ...
    range_start: date | None = None
    range_end: date | None = None
    mod: str | None = None  # TIMEX3 MOD: START, MID, END, APPROX, ...
    time_zone: str | None = None  # UTC offset of a written zone (WIB -> +07:00); TIMEX3 values carry none


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A PERSON, ORG or LOC mention, resolved within its document.

    ``entity_key`` is a normalised, document-independent key of the fullest form
    the document gives for this entity (e.g. ``PERSON:recep tayyip erdogan``);
    corpus-level resolution maps keys to stable ``entity_id`` values.
    """

    start: int
    end: int
    text: str
    entity_type: str  # PERSON, ORG, LOC
    entity_key: str
    canonical_name: str
    country_code: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and who said it."""

    start: int  # offsets of the quoted text, without the quote marks
    end: int
    quote_text: str
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_key: str | None = None
    cue: str | None = None  # the cue verb: kata, ujarnya, said, ...
    cited_source: str | None = None


@dataclass(frozen=True, slots=True)
class SourceCitation:
    """A medium or agency through which information was relayed."""

    start: int
    end: int
    source_name: str
    entity_key: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class EventCount:
    """A number of people killed, wounded, fighting or displaced."""

    start: int
    end: int
    text: str
    count_type: str  # killed, wounded, fighters, displaced, other
    value: int
    is_approximate: bool


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A numeral read from text: its value and whether it is vague (``puluhan``)."""

    value: float
    is_approximate: bool = False
