"""The two statistical detectors, built lazily once per process.

langdetect (55 languages) makes the first guess; lingua, restricted to a handful of
candidates, arbitrates between languages that langdetect is known to confuse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.ngram import NGram
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

# langdetect samples n-grams at random; a dedicated factory with a fixed seed makes every
# call reseed its own Random(0), so answers do not depend on earlier calls.
LANGDETECT_SEED = 0
# langdetect's Chinese profiles are regional; the warehouse stores ISO 639-1.
_ISO_639_1 = {"zh-cn": "zh", "zh-tw": "zh"}


_SPACES = re.compile(" {2,}")
_normalized_char = lru_cache(maxsize=8192)(NGram.normalize)


class _FastDetector(Detector):
    """langdetect's Detector with the same text and n-grams, computed without its per-character
    NGram object: that walk was 60% of a detection (tests check the n-grams are identical)."""

    def append(self, text: str) -> None:
        text = self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text))
        self.text += _SPACES.sub(" ", NGram.normalize_vi(text)[: self.max_text_length])

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        result = []
        append = result.append
        grams, capital_word = " ", False
        for ch in "".join(map(_normalized_char, self.text)):
            last = grams[-1]
            if last == " ":
                if ch == " ":
                    continue
                grams, capital_word = " " + ch, False
            else:
                grams = grams[-2:] + ch
            capital_word = ch.isupper() and (capital_word or last.isupper())
            if capital_word:
                continue
            if ch != " " and ch in known:
                append(ch)
            if grams[-2:] in known:
                append(grams[-2:])
            if len(grams) == 3 and grams in known:
                append(grams)
        return result


@lru_cache(maxsize=1)
def _langdetect_factory() -> DetectorFactory:
    """Return langdetect's factory with every bundled profile loaded and seeded."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(LANGDETECT_SEED)
    return factory


@lru_cache(maxsize=1)
def langdetect_codes() -> frozenset[str]:
    """Return the ISO 639-1 codes langdetect can output."""
    return frozenset(_ISO_639_1.get(code, code) for code in _langdetect_factory().get_lang_list())


def langdetect_probabilities(text: str, trials: int) -> list[tuple[str, float]]:
    """Return langdetect's (code, probability) pairs for ``text`` averaged over ``trials``
    random walks, best first; [] if the text has no features."""
    detector = _FastDetector(_langdetect_factory())
    detector.n_trial = trials
    detector.append(text)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:
        return []
    merged: dict[str, float] = {}
    for guess in guesses:
        code = _ISO_639_1.get(guess.lang, guess.lang)
        merged[code] = merged.get(code, 0.0) + guess.prob
    return sorted(merged.items(), key=lambda item: -item[1])


@lru_cache(maxsize=1)
def lingua_codes() -> frozenset[str]:
    """Return the ISO 639-1 codes lingua knows."""
    return frozenset(language.iso_code_639_1.name.lower() for language in Language.all())


@lru_cache(maxsize=64)
def _lingua_detector(codes: frozenset[str]):
    """Return a lingua detector restricted to ``codes`` (models load on first use, per language)."""
    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in sorted(codes)]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def lingua_confidences(text: str, codes: frozenset[str]) -> dict[str, float]:
    """Return lingua's confidence per code in ``codes`` (at least two lingua codes) for ``text``."""
    values = _lingua_detector(codes).compute_language_confidence_values(text)
    return {value.language.iso_code_639_1.name.lower(): value.value for value in values}
