"""Pairs of quotation marks, and sentence bounds around them.

Handles straight (``"..."``), curly (``“...”``), low (``„...“``) and guillemet
marks, mixed pairs (``"...”``), quotes running over sentence breaks, single
quotes at top level (``'...'``, ``‘...’``; apostrophes are told apart), and the
news convention of a multi-paragraph quote that leaves its paragraph open and
reopens the next one. A closing mark with no opening mark is reported as an
*orphan* so the caller can decide whether a speech cue makes it a quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_DOUBLE = re.compile(r"[\"“”„«»‟]")
_SINGLE = re.compile(r"['‘’‚]")
_NEXT_LINE_OPENING = re.compile(r"\n\s*[\"“„«]")
_OPENERS = "“„«‟‘‚"
_CLOSERS = "”»’"
_BEFORE_OPENING = "([{—–-:/"
_AFTER_CLOSING = ".,;:!?)]}—–-"
# Top-level single quotes longer than this are almost always apostrophes gone astray.
_MAX_SINGLE = 300
# A sentence end right before an opening mark: where a paragraph break was lost.
_LOST_BREAK = re.compile(r"[.!?]\s+\Z")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s)|\n")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Offsets of one quotation: its marks (None when missing) and the text between them."""

    open_mark: int | None  # offset of the opening mark; None for an orphan closing mark
    close_mark: int | None  # offset of the closing mark; None for a quote left open at paragraph end
    inner_start: int | None  # None for orphans: the caller decides where they begin
    inner_end: int
    single: bool = False


def _opening_like(text: str, i: int) -> bool:
    """Return whether the mark at ``i`` sits like an opening mark (blank before, text after)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()


def _closing_like(text: str, i: int) -> bool:
    """Return whether the mark at ``i`` sits like a closing mark (text before, blank or stop after)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in "\"”")


def _double_spans(text: str, marks: list[int], line_end: int, next_line_opens: bool) -> list[MarkedSpan]:
    """Return the double-quoted spans of one line, pairing ``marks`` (their offsets) in order."""
    spans = []
    pending: int | None = None
    for i in marks:
        mark = text[i]
        opening = mark in _OPENERS or (mark not in _CLOSERS and _opening_like(text, i))
        closing = mark in _CLOSERS or (mark not in _OPENERS and _closing_like(text, i))
        if mark in _OPENERS and pending is not None and _closing_like(text, i) and not _opening_like(text, i):
            # Some sites close with the opening glyph: “...“
            opening, closing = False, True
        if pending is None:
            if closing and not opening:
                spans.append(MarkedSpan(None, i, None, i))
            else:
                pending = i
        elif opening and not closing:
            if _LOST_BREAK.search(text, pending + 1, i):
                # "...career. "I had been...": a quote left open at a paragraph break that the
                # export joined into one line (BBC style); the next quote carries it on.
                spans.append(MarkedSpan(pending, None, pending + 1, i))
            pending = i  # the earlier mark was never closed
        else:
            spans.append(MarkedSpan(pending, i, pending + 1, i))
            pending = None
    if pending is not None and next_line_opens:
        spans.append(MarkedSpan(pending, None, pending + 1, line_end))
    return spans


def _single_spans(text: str, marks: list[int]) -> list[MarkedSpan]:
    """Return the single-quoted spans of one line, skipping apostrophes."""
    spans = []
    pending: int | None = None
    for i in marks:
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe: Jum'at, Qur’an, don't
        if pending is None:
            if text[i] != "’" and _opening_like(text, i):
                pending = i
        elif _closing_like(text, i):
            if i - pending <= _MAX_SINGLE:
                spans.append(MarkedSpan(pending, i, pending + 1, i, single=True))
            pending = None
    return spans


def _by_line(text: str, positions: list[int]) -> dict[int, list[int]]:
    """Return ``positions`` grouped by the offset of the line they are on."""
    lines: dict[int, list[int]] = {}
    line_start, line_end = 0, -1
    for i in positions:
        if i > line_end:
            line_start = text.rfind("\n", 0, i) + 1
            line_end = text.find("\n", i)
            line_end = len(text) if line_end == -1 else line_end
        lines.setdefault(line_start, []).append(i)
    return lines


def _next_line_opens(text: str, line_end: int) -> bool:
    """Return whether the line after ``line_end`` opens with a quotation mark."""
    match = _NEXT_LINE_OPENING.match(text, line_end)
    return match is not None


def marked_spans(text: str) -> list[MarkedSpan]:
    """Return every quotation found in ``text``, in document order.

    Quotes never cross a line break, except a quote left open at the end of a
    paragraph whose next paragraph opens with a quotation mark.
    """
    doubles = _by_line(text, [m.start() for m in _DOUBLE.finditer(text)])
    singles = _by_line(text, [m.start() for m in _SINGLE.finditer(text)])
    spans: list[MarkedSpan] = []
    for line_start in sorted(doubles.keys() | singles.keys()):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        found = _double_spans(text, doubles.get(line_start, []), line_end, _next_line_opens(text, line_end))
        if line_start in singles:
            covered = [(s.open_mark, s.inner_end) for s in found if s.open_mark is not None]
            found.extend(
                single for single in _single_spans(text, singles[line_start])
                if not any(a <= single.open_mark <= b for a, b in covered)
            )
        spans.extend(sorted(found, key=lambda s: s.inner_end))
    return spans


@lru_cache(maxsize=8)
def _sentence_breaks(text: str) -> tuple[int, ...]:
    """Return the offsets just past every sentence end in ``text`` (cached per text)."""
    return tuple(match.end() for match in _SENTENCE_END.finditer(text))


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    """Return the offset where the sentence holding ``pos`` begins (not before ``floor``)."""
    breaks = _sentence_breaks(text)
    index = bisect.bisect_right(breaks, pos) - 1
    start = max(floor, breaks[index] if index >= 0 else 0)
    while start < pos and text[start].isspace():
        start += 1
    return start


def sentence_end(text: str, pos: int) -> int:
    """Return the offset just past the end of the sentence holding ``pos``."""
    breaks = _sentence_breaks(text)
    index = bisect.bisect_right(breaks, pos)
    return breaks[index] if index < len(breaks) else len(text)
