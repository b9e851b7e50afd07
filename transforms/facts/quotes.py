"""Direct quotes with their speakers and the media they were relayed through."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from newsetl.transforms.facts.antecedents import Antecedents
from newsetl.transforms.facts.attribution import Attribution, attribution_after, attribution_before
from newsetl.transforms.facts.citations import source_citations
from newsetl.transforms.facts.lexicon import data_file
from newsetl.transforms.facts.marks import MarkedSpan, marked_spans, sentence_end, sentence_start
from newsetl.transforms.facts.speakers import Speaker
from newsetl.transforms.records import EntityMention, Quote, SourceCitation

# A quote inside a sentence with no cue is speech only if it is this long;
# shorter ones are scare quotes ("genting", 'pertempuran terakhir').
_MIN_WORDS_MID_SENTENCE = 8
# A quote opening its sentence needs a few words (or a full stop) to be speech.
_MIN_WORDS_SENTENCE_INITIAL = 3
_TERMINAL = ".!?"
# A continuation quote follows its speaker's last quote with at most the attribution clause
# between them (``"...," he said. "Second sentence."``): the gap holds no other sentence.
_MAX_CONTINUATION_GAP = 200
_GAP_SENTENCE = re.compile(r"[.!?](?=\s+\S)")


@cache
def _pronoun_cues() -> frozenset[str]:
    """Return the pronoun cues (``katanya``), which mark speech even without a known speaker."""
    return frozenset(data_file("speech_cues.json")["pronoun_cues"])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` without surrounding blanks or the comma that ends a quote."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _last_visible(text: str, end: int, floor: int) -> int:
    """Return the offset of the last non-blank character before ``end`` (``floor - 1`` if none)."""
    i = end - 1
    while i >= floor and text[i].isspace():
        i -= 1
    return i


def _ends_sentence(text: str, inner_start: int, inner_end: int, after: int) -> bool:
    """Return whether the quote closes its sentence: ``...upaya.” Kemudian``."""
    last = _last_visible(text, inner_end, inner_start)
    if last < inner_start or text[last] not in _TERMINAL:
        return False
    rest = text[after:after + 40].lstrip(" \t")
    return not rest or rest[0] == "\n" or rest[0].isupper()


def _is_speech(
    text: str, span: MarkedSpan, words: int, terminal: bool, attribution: Attribution | None, introduced: bool
) -> bool:
    """Return whether a quoted span is speech rather than a scare quote.

    Speech has a cue naming a speaker (or a pronoun cue), or is introduced by
    ``X mengatakan,``, or opens its sentence, or is long.
    """
    if attribution is not None and (attribution.speaker is not None or attribution.cue in _pronoun_cues()):
        return True
    if span.open_mark is None:
        return False  # a stray closing mark is a quote only when a cue follows it
    if introduced:
        return words >= 2
    floor = sentence_start(text, span.open_mark)
    opening_sentence = _last_visible(text, span.open_mark, floor) < floor
    if opening_sentence and (words >= _MIN_WORDS_SENTENCE_INITIAL or terminal):
        return True
    return words >= _MIN_WORDS_MID_SENTENCE and not span.single


def _continues(text: str, previous_after: int | None, open_mark: int | None) -> bool:
    """Return whether a quote opening at ``open_mark`` carries on the quote that closed before ``previous_after``.

    True when the quote opens its sentence and the text between the two quotes is
    at most the earlier quote's attribution clause (``," said Jarre. "``), with
    at most one paragraph break: English news continues a speaker this way.
    """
    if previous_after is None or open_mark is None or open_mark < previous_after:
        return False
    gap = text[previous_after:open_mark]
    if len(gap) > _MAX_CONTINUATION_GAP or gap.count("\n") > 2 or any(m in gap for m in "\"“”„«»"):
        return False
    body = gap.strip()
    return not body or (body[-1] in _TERMINAL and not _GAP_SENTENCE.search(body[:-1]))


def _same_speaker(a: Speaker, b: Speaker | None) -> bool:
    """Return whether two speakers are the same: one entity key, or one last name word."""
    if b is None:
        return False
    if a.entity_key and b.entity_key:
        return a.entity_key == b.entity_key
    return a.text.split()[-1:] == b.text.split()[-1:]


def _reporting_region(text: str, previous_after: int | None, open_mark: int | None) -> tuple[int, int] | None:
    """Return the text just before a quote that opens its sentence: the previous sentence or paragraph.

    A quote paragraph after ``He told BBC Radio 4 that ...`` carries that speaker on. The region
    never reaches back over an earlier quote. None if the quote does not open its sentence.
    """
    if open_mark is None:
        return None
    floor = sentence_start(text, open_mark)
    if _last_visible(text, open_mark, floor) >= floor:
        return None  # the quote is inside its sentence
    line_start = text.rfind("\n", 0, open_mark) + 1
    if text[line_start:open_mark].strip():
        begin = sentence_start(text, max(_last_visible(text, floor, 0), 0))  # the previous sentence on this line
    else:
        previous_line_end = len(text[:line_start].rstrip())
        begin = text.rfind("\n", 0, previous_line_end) + 1  # the previous paragraph
    begin = max(begin, previous_after or 0)
    if any(m in text[begin:open_mark] for m in "\"“”„«»"):
        return None
    return begin, open_mark


def _cited_source(
    text: str, citations: Sequence[SourceCitation], starts: list[int], open_mark: int | None,
    after: int | None, new_sentence: bool,
) -> str | None:
    """Return the medium cited in the quote's sentence: after the quote, else before it."""
    if after is not None and not new_sentence:
        end = sentence_end(text, after)
        index = bisect.bisect_left(starts, after)
        if index < len(starts) and starts[index] < end:
            return citations[index].source_name
    if open_mark is not None:
        begin = sentence_start(text, open_mark)
        index = bisect.bisect_left(starts, begin)
        if index < len(starts) and starts[index] < open_mark:
            return citations[index].source_name
    return None


def quotes(text: str, mentions: Sequence[EntityMention] = (), language: str = "id",
           citations: Sequence[SourceCitation] | None = None) -> list[Quote]:
    """Return the direct quotes in ``text`` with speaker, cue and cited medium, in text order.

    Offsets cover the quoted words without the marks (and without the comma
    that closes a quote before its cue). Scare quotes are left out. Speakers come
    from cues after the quote (``kata X``, ``ujarnya``, ``X mengatakan``,
    ``X, Menteri ...``, ``said X``) or before it (``X mengatakan, "...``);
    pronouns and anaphors (``katanya``, ``kata kementerian itu``) resolve to
    the most recent fitting speaker. ``mentions`` are optional: they narrow a
    speaker to the PERSON inside a phrase and give ``speaker_entity_key``.
    Cues of both languages are always read. ``citations`` are the document's
    ``source_citations`` when the caller has them already (computed once per document).
    """
    del language  # cue lists hold Indonesian and English together
    spans = marked_spans(text)
    if not spans:
        return []
    if citations is None:
        citations = source_citations(text, mentions)
    starts = [c.start for c in citations]
    antecedents = Antecedents(text, mentions)
    found: list[Quote] = []
    open_paragraphs: list[int] = []  # indices of quotes whose paragraph ended inside the quote
    previous_end = 0
    previous_after: int | None = None  # just after the last speech quote's closing mark
    previous_speaker: Speaker | None = None  # the last speech quote's speaker
    for span in spans:
        inner_start = span.inner_start
        if inner_start is None:  # orphan closing mark: the quote starts with its sentence
            inner_start = sentence_start(text, span.inner_end, floor=previous_end)
        start, end = _trimmed(text, inner_start, span.inner_end)
        previous_end = max(previous_end, span.inner_end + 1)
        if end <= start:
            continue
        after = span.close_mark + 1 if span.close_mark is not None else None
        new_sentence = after is None or _ends_sentence(text, start, span.inner_end, after)
        quote_from = span.open_mark if span.open_mark is not None else start
        attribution = None
        if after is not None:
            attribution = attribution_after(text, after, quote_from, new_sentence, mentions, antecedents)
        introduced = False
        if (attribution is None or attribution.speaker is None) and span.open_mark is not None:
            before = attribution_before(text, span.open_mark, mentions, antecedents)
            if before is not None:
                introduced = True
                if attribution is None or before.speaker is not None:
                    attribution = before
        quote_text = text[start:end]
        terminal = quote_text[-1:] in _TERMINAL
        continued = (
            (attribution is None or attribution.speaker is None) and previous_speaker is not None
            and _continues(text, previous_after, span.open_mark)
            and not antecedents.unnamed_between(previous_after, span.open_mark)  # "an executive spokeswoman insisted"
        )
        reported = None
        if attribution is None or attribution.speaker is None:
            region = _reporting_region(text, previous_after, span.open_mark)
            if region is not None:
                reported = antecedents.reported_between(*region, named=continued)
            if continued and reported is not None and not _same_speaker(reported, previous_speaker):
                # "...," Mr Clarke said. / On Wednesday, Jacques Barrot, ..., said that the changes were
                # necessary. "The boom ...": the sentence between reports a new speaker, who goes on.
                continued = False
            elif continued:
                reported = None
        if not continued and not _is_speech(text, span, len(quote_text.split()), terminal, attribution, introduced):
            continue
        previous_after = after if after is not None else span.inner_end
        speaker = attribution.speaker if attribution else None
        if continued:
            speaker = previous_speaker
            attribution = Attribution(speaker, found[-1].cue)
        elif reported is not None:
            speaker = reported
            attribution = Attribution(speaker, attribution.cue if attribution else None)
        if speaker is not None and speaker.kind == "place":
            speaker = None  # a place does not speak: "Sepanggar", "Bukit Katil" are fragments of a title
            attribution = Attribution(None, attribution.cue if attribution else None)
        previous_speaker = speaker
        if speaker is not None:
            antecedents.add_speaker(after if after is not None else end, speaker)
        if span.close_mark is None:
            open_paragraphs.append(len(found))
        elif open_paragraphs:
            # A quote running over paragraphs is attributed once, at its end.
            for index in open_paragraphs:
                if found[index].speaker_text is None and speaker is not None:
                    found[index] = replace(
                        found[index], speaker_text=speaker.text, speaker_start=speaker.start,
                        speaker_end=speaker.end, speaker_entity_key=speaker.entity_key,
                        cue=attribution.cue if attribution else None,
                    )
            open_paragraphs.clear()
        found.append(
            Quote(
                start=start,
                end=end,
                quote_text=quote_text,
                speaker_text=speaker.text if speaker else None,
                speaker_start=speaker.start if speaker else None,
                speaker_end=speaker.end if speaker else None,
                speaker_entity_key=speaker.entity_key if speaker else None,
                cue=attribution.cue if attribution else None,
                cited_source=_cited_source(text, citations, starts, span.open_mark, after, new_sentence),
            )
        )
    return found
