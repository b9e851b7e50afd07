"""Language of one text: langdetect first, lingua between look-alikes, words for id vs ms."""

from __future__ import annotations

from functools import lru_cache

from newsetl.transforms.language.function_words import function_word_language
from newsetl.transforms.language.engines import langdetect_probabilities, lingua_codes, lingua_confidences
from newsetl.transforms.language.malay import malay_or_indonesian
from newsetl.transforms.language.sampling import detection_sample, letter_count
from newsetl.transforms.records import LanguageGuess

UNDETERMINED = LanguageGuess("und", 0.0)

# Thresholds, measured with both switched off (python -m newsetl_dev.eval_language --thresholds):
# - Whole-word prefixes of the langid sentences (11 clean-label languages, every 4th line)
#   were detected right 65% of the time at 3 letters, 73% at 5, 80% at 8, 84% at 10,
#   87% at 12, 94% at 20, 97% at 30. Under 10 letters more than one guess in five is
#   wrong, so "OK", "Foto", "Baca Juga" are und.
# - Of the full langid sentences, guesses below 0.4 were never right (0 of 3), those in
#   0.4-0.5 half the time (12 of 24, mostly correct Spanish), 0.5-0.6 75%, >= 0.8 100%
#   (10,658). Below 0.4 is und; 0.5 would have cost Spanish a point (98.0% -> 97.0%).
MIN_LETTERS = 10
MIN_CONFIDENCE = 0.40

# Word evidence (markers plus naive Bayes, ~0.1 ms for 1,000 characters with warm caches)
# reads more than the sample. 1,000 characters (a lead and a few paragraphs) kept every
# Detik and Utusan article right (eval_language --news) at half the cost of 2,000.
MALAY_EVIDENCE_CHARS = 1000

# langdetect averages random walks over the text's n-grams (7 by default), each costing
# ~0.3 ms. On the langid sentences 3 walks beat 1 (average accuracy 99.10% vs 98.91%) and
# matched 7 (99.12%) at 60% of the cost; on 3-sentence pseudo-documents (>= 150 letters)
# 1 walk was as accurate as 3 (99.95% either way with the 300 + 100 character sample).
SHORT_TEXT_TRIALS = 3
LONG_TEXT_TRIALS = 1
LONG_TEXT_LETTERS = 150

# Languages langdetect mixes up (its own errors on ../shared/data/langid: ru->bg/mk/uk,
# nl->af, es->pt/ca/it); when its best guess is in a group, lingua decides within the group.
CYRILLIC_GROUP = frozenset({"ru", "uk", "bg", "mk"})
CONFUSABLE_GROUPS = (
    CYRILLIC_GROUP,
    frozenset({"es", "pt", "ca", "it"}),
    frozenset({"nl", "af", "de"}),
    frozenset({"cs", "sk"}),
    frozenset({"hr", "sl"}),
    frozenset({"da", "sv"}),
    frozenset({"fa", "ar", "ur"}),
    frozenset({"hi", "mr"}),
)
# Letters of the standard alphabets that only some Cyrillic look-alikes use: a text without
# any of Ukrainian's or Macedonian's own letters is not Ukrainian or Macedonian, and one with
# ы, э or ё is Russian rather than Bulgarian, Macedonian or Ukrainian. This took Russian
# from 96.7% to 97.6%; leaving langdetect out of the Cyrillic vote (it says bg or mk with
# probability 1.0 for many short Russian sentences) took it to 98.0%.
_OWN_LETTERS = {"uk": frozenset("іїєґ"), "mk": frozenset("ѓќљњѕџј")}
_RUSSIAN_ONLY_LETTERS = frozenset("ыэё")
# Other langdetect guesses at least this likely are also put to lingua.
CANDIDATE_FLOOR = 0.05
# Share of langdetect's probability in the combined score; lingua is the better judge
# between look-alikes. Langid sentences, average (worst): 0.1 99.00% (es 97.4%),
# 0.2 99.10% (98.0%), 0.3 99.13% (97.9%).
LANGDETECT_WEIGHT = 0.2


def _candidates(probabilities: list[tuple[str, float]]) -> frozenset[str]:
    """Return the codes lingua should choose between (may be a single code: no choice)."""
    best = probabilities[0][0]
    codes = {code for code, p in probabilities if p >= CANDIDATE_FLOOR} | {best}
    for group in CONFUSABLE_GROUPS:
        if best in group:
            codes |= group
    return frozenset(codes & lingua_codes()) if best in lingua_codes() else frozenset({best})


def _spelling_compatible(sample: str, candidates: frozenset[str]) -> frozenset[str]:
    """Return the candidates whose alphabet fits the letters of ``sample`` (all, if none would)."""
    letters = set(sample.lower())
    kept = {code for code in candidates if code not in _OWN_LETTERS or letters & _OWN_LETTERS[code]}
    if "ru" in kept and letters & _RUSSIAN_ONLY_LETTERS:
        kept -= {"bg", "mk", "uk"}
    return frozenset(kept) if kept else candidates


def _best_guess(sample: str, letters: int) -> LanguageGuess:
    """Return the combined langdetect/lingua guess for a sample with enough letters."""
    trials = SHORT_TEXT_TRIALS if letters < LONG_TEXT_LETTERS else LONG_TEXT_TRIALS
    probabilities = langdetect_probabilities(sample, trials)
    if not probabilities:
        return UNDETERMINED
    candidates = _candidates(probabilities)
    if len(candidates) < 2:
        return LanguageGuess(*probabilities[0])
    first = dict(probabilities)
    second = lingua_confidences(sample, candidates)
    weight = 0.0 if candidates & CYRILLIC_GROUP else LANGDETECT_WEIGHT
    scores = {
        code: weight * first.get(code, 0.0) + (1 - weight) * second.get(code, 0.0)
        for code in _spelling_compatible(sample, candidates)
    }
    total = sum(scores.values()) or 1.0
    code = max(sorted(scores), key=scores.__getitem__)
    return LanguageGuess(code, scores[code] / total)


@lru_cache(maxsize=4096)
def _sample_language(sample: str) -> LanguageGuess:
    """Return the statistical guess for one detection sample (cached: same text, same answer)."""
    letters = letter_count(sample)
    if letters < MIN_LETTERS:
        return UNDETERMINED
    return _best_guess(sample, letters)


def detected_language(text: str, *, fast_path: bool = True) -> LanguageGuess:
    """Return the language of ``text`` (ISO 639-1, or ``und`` when too short or unsure); never raises.

    Indonesian or English text whose function words leave no doubt is answered without
    langdetect (``function_words.function_word_language``; ``fast_path=False`` turns that
    off). Other texts are detected on a bounded sample (head plus middle, ~400 characters).
    The Malaysian/Indonesian word evidence is read from up to MALAY_EVIDENCE_CHARS characters.
    """
    if not isinstance(text, str) or not text:
        return UNDETERMINED
    guess = function_word_language(text) if fast_path else None
    if guess is None:
        guess = _sample_language(detection_sample(text))
    if guess.code == "id":
        guess = malay_or_indonesian(text[:MALAY_EVIDENCE_CHARS], guess.confidence)
    if guess.confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return LanguageGuess(guess.code, round(min(guess.confidence, 1.0), 4))
