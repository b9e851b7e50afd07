"""A document's language from its paragraphs' languages."""

from __future__ import annotations

from collections.abc import Sequence

from newsetl.transforms.language.detection import UNDETERMINED, detected_language
from newsetl.transforms.records import LanguageGuess


def document_language(
    texts: Sequence[str], guesses: Sequence[LanguageGuess]
) -> tuple[LanguageGuess, dict[str, float]]:
    """Return the document's language and each language's share of its characters.

    ``texts`` are the document's paragraphs and ``guesses`` their languages (as from
    ``detected_languages``). The document language is the one with most characters among
    paragraphs that are not ``und``; its confidence is that character share times the
    character-weighted mean confidence of its paragraphs. The shares (rounded to 4 places,
    summing to ~1) cover the determined paragraphs only. If every paragraph is ``und``, the
    language is detected on the concatenated text and the shares are {} (or {code: 1.0}).
    """
    chars: dict[str, int] = {}
    weighted_confidence: dict[str, float] = {}
    for text, guess in zip(texts, guesses):
        if guess.code == "und" or not text:
            continue
        chars[guess.code] = chars.get(guess.code, 0) + len(text)
        weighted = weighted_confidence.get(guess.code, 0.0)
        weighted_confidence[guess.code] = weighted + len(text) * guess.confidence
    if not chars:
        fallback = detected_language("\n".join(texts))
        return fallback, ({} if fallback == UNDETERMINED else {fallback.code: 1.0})
    total = sum(chars.values())
    # Ties go to the alphabetically first code, so the answer never depends on paragraph order.
    code = max(sorted(chars), key=chars.__getitem__)
    share = chars[code] / total
    mean_confidence = weighted_confidence[code] / chars[code]
    shares = {language: round(count / total, 4) for language, count in sorted(chars.items())}
    return LanguageGuess(code, round(share * mean_confidence, 4)), shares
