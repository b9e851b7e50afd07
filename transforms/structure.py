"""Paragraphs, lead-line metadata and boilerplate of one news article.

``document_structure`` splits the text into paragraphs (non-empty lines) and reads
the outlet and dateline place from lead lines such as ``Bisnis.com, JAKARTA - ...``,
``Penapembaharu.com -Baku- ...``, ``MOSCOW (Reuters) - ...`` or
``JAKARTA, KOMPAS.com - ...``; short lines before that lead line give the section and
title. In plain text a first line that reads as a headline and is followed by a blank
line (``Ad sales boost Time Warner profit\n\nQuarterly ...``) is the title and never the
lead line. Malaysian datelines (``PETALING JAYA: ...``) are read at the very start of the
body from words in capitals alone; elsewhere a place without an outlet (``Jakarta - ...``)
must be known to the place gazetteer, and a hyphen glued to both words (``Baru-baru``)
is never a dateline dash. ``masked_text`` blanks boilerplate and the title line so
extractors never see them while every offset stays valid.

Boilerplate is marked conservatively, one whole line at a time: related-link lines
(``Baca juga: ...``, ``Lihat juga:``, ``Simak juga:``, ``Read more:``), video and live
promotions (``Tonton juga video "..." di sini:``, ``Saksikan Live DetikPagi :``), ad markers
(``ADVERTISEMENT``, ``SCROLL TO CONTINUE WITH CONTENT``), lines without a letter or digit
(``(*)``, ``***``), closing tags such as ``(*/ant)`` and a truncated last fragment
of at most three characters. Bylines (``Editor: ...``) and subheadings stay body
text. A related link glued to the end of a real paragraph is not removed.
"""

from __future__ import annotations

import re

from newsetl.transforms.boilerplate import boilerplate_line_key
from newsetl.transforms.records import DocumentStructure, Paragraph

# The lead line is the first body paragraph, but section, title and a summary may
# precede it (``Internasional`` / headline / summary / ``SERAMBINEWS.COM, YEREVAN -``).
LEAD_WINDOW = 6
# Patterns only look at the start of a line, so huge lines cost nothing.
HEAD_CHARS = 300
MAX_SECTION_CHARS = 30
MAX_SECTION_WORDS = 3
MAX_TITLE_CHARS = 250
MAX_TITLE_WORDS = 30
MAX_FRAGMENT_CHARS = 3

_BLANK = "\u200b\u200c\u200d\u2060\ufeff"
_DASH = r"(?:--?|[–—])"
# A hyphen glued to words on both sides joins a compound (``Baru-baru``, ``Shin Tae-yong``,
# ``Jakarta-Ciwidey``), so a separator needs a space on one side or a longer dash.
_SEP = rf"(?:\s+{_DASH}\s*|{_DASH}\s+|--|[–—])(?=\S)"
# A site name written as a domain: Sosok.ID, SERAMBINEWS.COM, REPUBLIKA.CO.ID.
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]{0,40}(?:\.[A-Za-z0-9-]{1,30}){0,3}\.[A-Za-z]{2,10}"
# Wire services and outlets whose dateline names them without a domain.
_NAMED_OUTLETS = (
    r"CNN Indonesia|CNBC Indonesia|ANTARA(?: News)?|Reuters|AFP|AP|Xinhua|Bernama|Anadolu"
)
# One to four capitalised words; checked further by _is_place.
_WORD = r"[^\W\d_][\w'’\-]{0,29}\.?"
_PLACE_CONNECTORS = frozenset({"de", "da", "di", "del", "al", "el", "of", "van", "von"})
_PLACE = rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})"

_STRONG_LEADS = (
    # Penapembaharu.com -Baku- ...   (checked first: the generic form would eat "-Baku")
    re.compile(rf"(?P<outlet>{_DOMAIN})\s*(?P<d1>{_DASH})(?P<gap>\s*){_PLACE}\s*{_DASH}\s*(?=\S)"),
    # Bisnis.com, JAKARTA - ...   Sosok.ID - ...   SinarPost.com, Moskow – ...
    re.compile(rf"(?P<outlet>{_DOMAIN})(?:\s*,\s*{_PLACE})?{_SEP}"),
    # MOSCOW (Reuters) - ...   KABUL, Afghanistan (AP) — ...   Jakarta (ANTARA) - ...
    re.compile(rf"{_PLACE}(?:\s*,\s*[^()\n]{{1,30}}?)?\s*\((?P<outlet>[^\W\d_][\w.&' ]{{1,39}})\){_SEP}"),
    # JAKARTA, KOMPAS.com - ...   Jakarta, CNN Indonesia -- ...
    re.compile(rf"{_PLACE}\s*,\s*(?P<outlet>{_DOMAIN}|{_NAMED_OUTLETS}){_SEP}"),
)
# JAKARTA - ... : a place alone is weaker evidence, so the line must read as a lead.
_PLACE_LEAD = re.compile(rf"{_PLACE}{_SEP}")
# Malaysian style: PETALING JAYA: ...  KOTA BHARU: ...  Al-RAYYAN, Qatar: ...
_CAPS_WORD = r"(?:[A-Z][a-z]{0,2}-)?[A-Z][A-Z'’.\-]*[A-Z.]"
_KNOWN_COLON_LEAD = re.compile(rf"{_PLACE}\s*:\s+(?=\S)")
# The place may carry a country or a day and month: "Al-RAYYAN, Qatar:", "KUALA LUMPUR 3 Mac:".
_COLON_LEAD = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}})"
    r"(?:\s*,\s*[A-Z][\w ]{1,30}?|,?\s+\d{1,2}\s+[A-Z][a-z]{2,9}\.?)?\s*:\s+(?=\S)"
)
_NOT_PLACES = frozenset(
    {"video", "foto", "breaking", "update", "eksklusif", "infografis", "hoaks", "live",
     "berita", "opini", "editorial", "news", "exclusive", "watch", "opinion", "analysis",
     # Malay and English labels that also open a text with "WORD:".
     "nota", "perhatian", "kenyataan", "soalan", "jawapan", "oleh", "sumber", "note", "tanya", "jawab", "ulasan", "komentar", "laporan", "pengumuman", "peringatan"}
)

_RELATED_LINK = re.compile(
    r"\W{0,3}(?:(?:baca|lihat|simak|cek)\s+(?:juga|pula|selengkapnya)"
    r"|(?:read|see)\s+(?:also|more)|(?:artikel|berita)\s+terkait|related)"
    r"\s*(?:[:：>»|\-–—]|$)",
    re.IGNORECASE,
)
# Promotions of other content: "Tonton juga video "..." di sini:", "Simak juga Video 'x'",
# "Lihat juga Video: ...", "Simak Video ...", "Saksikan Live DetikPagi :" (Detik).
_PROMO = re.compile(
    r"\W{0,3}(?:baca|lihat|simak|cek|tonton|saksikan)(?:\s+(?:juga|pula))?\s*"
    r"(?:(?:video|foto|infografis)\b|live)"
    r"|\W{0,3}(?:baca|lihat|simak|cek|tonton|saksikan)\s+(?:juga|pula)\s*[\"“'‘]",
    re.IGNORECASE,
)
_AD_PREFIX = re.compile(r"\W{0,3}(?:advertisement|scroll to (?:continue|resume))\b", re.IGNORECASE)
_AD_MARKERS = frozenset(
    {"advertisement", "iklan", "scroll to resume content", "scroll to continue with content",
     "continue reading below"}
)
_CLOSING_TAG = re.compile(r"\(\s*\*+\s*(?:/[^()]{0,30})?\)")
_HAS_WORD_CHAR = re.compile(r"[^\W_]")
_SENTENCE_END = ".!?\"”’')]»…"


def document_structure(text: str, learned_boilerplate: frozenset[str] = frozenset()) -> DocumentStructure:
    """Return the paragraphs, boilerplate flags, outlet, dateline place, section and title of ``text``.

    A line whose ``boilerplate_line_key`` is in ``learned_boilerplate`` (lines its outlet
    repeats across many articles) is boilerplate too.
    """
    spans = _paragraph_spans(text)
    last = len(spans) - 1
    paragraphs = tuple(
        Paragraph(
            paragraph_no=i + 1,
            start=start,
            end=end,
            text=text[start:end],
            is_boilerplate=_is_boilerplate(text[start:end], is_last=i == last and i > 0)
            or (bool(learned_boilerplate) and boilerplate_line_key(text[start:end]) in learned_boilerplate),
        )
        for i, (start, end) in enumerate(spans)
    )
    if _is_plain_title(text, paragraphs):
        # "Headline\n\nBody...": the headline is the title, never the lead line.
        outlet, place, _ = _lead(paragraphs, first=1)
        section, title = None, paragraphs[0].text
    else:
        outlet, place, lead_index = _lead(paragraphs)
        section, title = _section_and_title(paragraphs[:lead_index] if lead_index else ())
    body = [p.text for p in paragraphs if not p.is_boilerplate]
    return DocumentStructure(
        outlet=outlet,
        dateline_place=place,
        section=section,
        title=title,
        paragraphs=paragraphs,
        body_text="\n".join(body),
        boilerplate_lines=len(paragraphs) - len(body),
    )


def masked_text(text: str, structure: DocumentStructure) -> str:
    """Return ``text`` with every boilerplate paragraph and the title line replaced by spaces
    (same length, same offsets): a headline is not a sentence, so it must not feed quotes or counts."""
    pieces: list[str] = []
    position = 0
    title_seen = structure.title is None
    for paragraph in structure.paragraphs:
        is_title = not title_seen and not paragraph.is_boilerplate and paragraph.text == structure.title
        title_seen = title_seen or is_title
        if not (paragraph.is_boilerplate or is_title):
            continue
        start, end = max(paragraph.start, position), min(paragraph.end, len(text))
        if start >= end:
            continue
        pieces.append(text[position:start])
        # Paragraphs never span a newline, but keep any that a caller's structure has.
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line's content without surrounding whitespace, skipping blank lines."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        content = line.group()
        stripped_left = _lstripped(content)
        if not stripped_left:
            continue
        start = line.start() + len(content) - len(stripped_left)
        spans.append((start, start + len(_rstripped(stripped_left))))
    return spans


def _stripped(value: str, strip) -> str:
    """Return ``value`` without whitespace or zero-width characters at the end ``strip`` works on
    (``str.lstrip`` or ``str.rstrip``); they may alternate, hence the loop."""
    while True:
        stripped = strip(strip(value), _BLANK)
        if stripped == value:
            return value
        value = stripped


def _lstripped(value: str) -> str:
    """Return ``value`` without leading whitespace or zero-width characters."""
    return _stripped(value, str.lstrip)


def _rstripped(value: str) -> str:
    """Return ``value`` without trailing whitespace or zero-width characters."""
    return _stripped(value, str.rstrip)


def _is_boilerplate(line: str, is_last: bool) -> bool:
    """Return True when a paragraph is a link, ad marker, decoration or truncated last fragment."""
    head = line[:HEAD_CHARS]
    if _RELATED_LINK.match(head) or _PROMO.match(head) or _AD_PREFIX.match(head):
        return True
    if _CLOSING_TAG.fullmatch(line):
        return True
    if len(line) <= 40 and line.strip(" .:-").casefold() in _AD_MARKERS:
        return True
    if not _HAS_WORD_CHAR.search(line):
        return True
    # A scrape cut mid-word leaves a lone "S" or "Pe" as the last line.
    return is_last and len(line) <= MAX_FRAGMENT_CHARS and line[-1] not in _SENTENCE_END


def _is_plain_title(text: str, paragraphs: tuple[Paragraph, ...]) -> bool:
    """Return True when the first line reads as a headline and a blank line follows it."""
    if len(paragraphs) < 2 or paragraphs[0].is_boilerplate:
        return False
    first = paragraphs[0]
    if text.count("\n", first.end, paragraphs[1].start) < 2 or not _is_headline(first.text):
        return False
    head = first.text[:HEAD_CHARS]
    # "SERAMBINEWS.COM, YEREVAN - Sekitar ..." or "KOTA TINGGI: ..." on its own is a lead
    # line, not a headline; a body going on in lower case means a sentence broken in two.
    return (
        not any(pattern.match(head) for pattern in _STRONG_LEADS)
        and _colon_place(head, first.text) is None
        and not paragraphs[1].text[:1].islower()
    )


def _lead(paragraphs: tuple[Paragraph, ...], first: int = 0) -> tuple[str | None, str | None, int | None]:
    """Return (outlet, dateline place, index of the lead paragraph) from the paragraphs from ``first`` on."""
    weak: tuple[str | None, str | None, int | None] = (None, None, None)
    # A bare "JAKARTA - " only counts as a dateline when nothing but headline-like
    # lines precede it; further down it is more likely a dash inside a sentence.
    only_headlines_so_far = True
    at_body_start = True
    for index, paragraph in enumerate(paragraphs[first:first + LEAD_WINDOW], start=first):
        if paragraph.is_boilerplate:
            continue
        head = paragraph.text[:HEAD_CHARS]
        body_start, at_body_start = at_body_start, False
        if body_start and (place := _colon_place(head, paragraph.text)):
            return None, place, index
        for pattern in _STRONG_LEADS:
            match = pattern.match(head)
            if match is None:
                continue
            place = match["place"]
            if place is not None and not _is_place(place):
                continue
            if "gap" in pattern.groupindex and match["gap"] and not place.isupper():
                # "Outlet.com - Presiden Jokowi - ..." is a dash in a sentence, not
                # "Outlet.com -Baku- ...": demand a tight dash or a place in capitals.
                continue
            return match["outlet"].strip().casefold(), _place_name(place), index
        if only_headlines_so_far and weak[2] is None and _reads_as_place_lead(
            head, paragraph.text, body_start
        ):
            match = _PLACE_LEAD.match(head)
            weak = (None, _place_name(match["place"]), index)
        only_headlines_so_far = only_headlines_so_far and not _ends_sentence(paragraph.text)
    return weak


def _colon_place(head: str, line: str) -> str | None:
    """Return the place of a Malaysian-style ``PETALING JAYA: <sentence>`` lead, else None.

    Malaysian towns are too many for a gazetteer, so words in capitals before the colon
    at the very start of the body are enough; a known place may be written in any case."""
    match = _COLON_LEAD.match(head)
    if match is None:
        match = _KNOWN_COLON_LEAD.match(head)
        if match is None or _name_type(match["place"]) != "LOC":
            return None
    place = match["place"]
    rest = line[match.end():]
    if place.strip(" .").casefold() in _NOT_PLACES or len(rest) < 40 or " " not in rest:
        return None
    return _place_name(place)


def _is_place(candidate: str) -> bool:
    """Return True when ``candidate`` looks like a place name: capitalised words, not a label."""
    words = candidate.split()
    return (
        all(w[0].isupper() or w in _PLACE_CONNECTORS for w in words)
        and words[0][0].isupper()
        and candidate.casefold() not in _NOT_PLACES
    )


def _reads_as_place_lead(head: str, line: str, body_start: bool) -> bool:
    """Return True for ``JAKARTA - <sentence>``: a place, a dash and a full lead sentence.

    A capitalised word before a dash is often a name or a headline (``Mark Lewis - ...``),
    so without an outlet only a known place counts, or at the very start of the body a
    name in capitals that the gazetteer does not know as an organisation (``PALU - ...``)."""
    match = _PLACE_LEAD.match(head)
    if match is None or not _is_place(match["place"]):
        return False
    place = match["place"]
    kind = _name_type(place)
    letters = [c for c in place if c.isalpha()]
    # Three capitals are more often an acronym (KPK, BPS, DPR) than a town.
    in_capitals = len(letters) >= 4 and place.isupper()
    if kind != "LOC" and not (body_start and in_capitals and kind is None):
        return False
    rest = line[match.end():]
    return len(rest) >= 40 and " " in rest and _ends_sentence(line)


def _name_type(name: str) -> str | None:
    """Return ``LOC`` or ``ORG`` when the place gazetteer knows ``name``, else None."""
    # Imported on first use: the entities package loads polars and the NER model, which
    # a caller that only wants paragraphs should not pay for.
    from newsetl.transforms.entities.gazetteer import known_name_type

    return known_name_type(name)


def _place_name(place: str | None) -> str | None:
    """Return the place as written, title-cased when it was written in capitals."""
    if place is None:
        return None
    place = place.strip()
    # "Al-RAYYAN" is in capitals too once its particle is set aside.
    letters = [c for c in place if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return place.title() if letters and upper > len(letters) - 3 and upper > 2 else place


def _section_and_title(before_lead: tuple[Paragraph, ...]) -> tuple[str | None, str | None]:
    """Return (section, title) from the short lines that precede the lead line."""
    lines = [p.text for p in before_lead if not p.is_boilerplate]
    if not lines:
        return None, None
    section = None
    if _is_section(lines[0]) and (len(lines) > 1 or len(lines[0].split()) == 1):
        section, lines = lines[0], lines[1:]
    title = next((line for line in lines if _is_headline(line)), None)
    return section, title


def _is_section(line: str) -> bool:
    """Return True for a rubric such as ``Internasional`` or ``Ekonomi Bisnis``."""
    return (
        len(line) <= MAX_SECTION_CHARS
        and len(line.split()) <= MAX_SECTION_WORDS
        and not _ends_sentence(line)
        and not any(ch.isdigit() for ch in line)
    )


def _is_headline(line: str) -> bool:
    """Return True for a headline: a few words, capitalised start, no sentence-final period."""
    words = line.split()
    return (
        2 <= len(words) <= MAX_TITLE_WORDS
        and len(line) <= MAX_TITLE_CHARS
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“'‘")
        and line.rstrip("\"”’')»").rstrip()[-1:] not in {".", ",", ";", ":", "…"}
    )


def _ends_sentence(line: str) -> bool:
    """Return True when ``line`` ends like a sentence (period, question mark, closing quote)."""
    return line.rstrip()[-1:] in set(_SENTENCE_END)
