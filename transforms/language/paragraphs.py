"""Languages of the paragraphs of one document, cheaply.

Full detection costs ~1-3 ms a text (langdetect walks its text in Python); an article has
~15 paragraphs and language ID must stay well under 3 ms an article. So the document is
detected once, on a bounded sample of all its paragraphs, and each paragraph is only
CONFIRMED to be in that language by its function words (~15 us). Paragraphs that are not
confirmed and look foreign (another script, or another language's function words, or
simply long) get full detection of their own.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from newsetl.transforms.language.detection import MIN_LETTERS, UNDETERMINED, detected_language
from newsetl.transforms.language.function_words import FunctionWordHits, function_word_hits
from newsetl.transforms.language.sampling import detection_sample
from newsetl.transforms.records import LanguageGuess

# A paragraph is confirmed when at least MIN_HITS of its words, and at least MIN_SHARE of
# them, are function words of the document language, and at least twice as many as are
# function words of any other listed language (Spanish and Portuguese share "de", "que",
# "se", so a Portuguese paragraph in a Spanish article is not confirmed). On the langid
# sentences this confirms 85% of Indonesian and 92% of English ones, and wrongly confirms
# 19 of 110,000 sentence/other-language pairs; on the seeds, 80 of 87 paragraphs.
MIN_HITS = 2
MIN_SHARE = 0.15
# An unconfirmed paragraph in the document's script with no word that is only another
# language's function word follows its document if it is a short heading or byline (under
# HEADING_LETTERS letters) or a sentence under SHORT_PARAGRAPH_LETTERS with at least one
# function word of the document language ("Baca Juga: ... dalam Perang"). A foreign
# sentence of 100 letters, or a foreign headline of 60, practically always contains one of
# its language's function words ("the", "of", "and", "to", "in", "for" ...).
HEADING_LETTERS = 60
SHORT_PARAGRAPH_LETTERS = 100
# In an Indonesian or Malay document, a paragraph in the document's script under
# MALAY_FAMILY_LETTERS letters follows its document when it has at least as many of the
# document's function words as words that are only another language's, or (under
# SHORT_PARAGRAPH_LETTERS * 2) none of either: Indonesian news prose is dense with names,
# acronyms and numbers and quotes English names ("Bank Sentral ... The Federal Reserve
# (The Fed) kembali menahan ..."). 815 of the 976 Detik paragraphs that went to langdetect
# (~2-3 ms each) were Indonesian with a low function-word share. A foreign paragraph of
# that length shows its own function words (the English quote block of the tests has 4-9
# "the"/"to"/"of"... a sentence and no Indonesian ones). The Malay family has no look-alike
# among the detectable languages but each other, and the document's id/ms decision covers it.
MALAY_FAMILY = frozenset({"id", "ms"})
MALAY_FAMILY_LETTERS = 400


def is_confirmed_language(text: str, code: str) -> bool:
    """Return True if the function words of ``text`` clearly say it is written in ``code``."""
    return _confirms(function_word_hits(text, code))


def _confirms(hits: FunctionWordHits) -> bool:
    """Return True if ``hits`` confirm their language (see MIN_HITS and MIN_SHARE)."""
    return hits.own >= MIN_HITS and hits.own >= MIN_SHARE * hits.words and hits.own >= 2 * hits.rival


def _follows_malay_family(hits: FunctionWordHits) -> bool:
    """Return True if a short paragraph's ``hits`` let it follow its Indonesian or Malay document."""
    if hits.own == 0:
        return hits.foreign == 0 and hits.letters < 2 * SHORT_PARAGRAPH_LETTERS
    return hits.foreign <= hits.own


def main_script(text: str) -> str:
    """Return the Unicode script name (LATIN, CYRILLIC, ARABIC, CJK, ...) of most of the first 32 letters."""
    scripts = Counter()
    for ch in text:
        if ch.isalpha():
            # ASCII letters are LATIN; skipping unicodedata for them halves the cost.
            scripts["LATIN" if ch < "\x80" else unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]] += 1
            if scripts.total() == 32:
                break
    return scripts.most_common(1)[0][0] if scripts else ""


def _paragraph_language(text: str, document: LanguageGuess, script: str) -> LanguageGuess:
    """Return one paragraph's guess, given its document's guess and main script."""
    if document.code == "und":
        return detected_language(text)
    hits = function_word_hits(text, document.code)
    if hits.letters == 0:
        return UNDETERMINED
    if hits.letters < MIN_LETTERS:
        return document  # too short to judge alone; headings and bylines follow their article
    if _confirms(hits):
        return document
    if document.code in MALAY_FAMILY and hits.letters < MALAY_FAMILY_LETTERS and _follows_malay_family(hits):
        if main_script(text) == script:
            return document
    looks_native = hits.letters < HEADING_LETTERS or (hits.own > 0 and hits.letters < SHORT_PARAGRAPH_LETTERS)
    if looks_native and hits.foreign == 0 and main_script(text) == script:
        return document
    return detected_language(text)


def detected_languages(texts: Sequence[str]) -> list[LanguageGuess]:
    """Return one guess per text, where ``texts`` are the paragraphs of ONE document.

    The document is detected once, on a bounded sample of all its paragraphs. A paragraph
    confirmed by its function words gets the document's guess; so does one under
    MIN_LETTERS letters, or a short one with nothing foreign about it; a paragraph with no
    letters is ``und``; any other paragraph is detected on its own, exactly as by
    ``detected_language``. For unrelated texts call ``detected_language`` on each. Never raises.
    """
    texts = [text if isinstance(text, str) else "" for text in texts]
    joined = "\n".join(texts)
    document = detected_language(joined)
    script = main_script(detection_sample(joined)) if document.code != "und" else ""
    return [_paragraph_language(text, document, script) for text in texts]
