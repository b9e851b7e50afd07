"""Function-word evidence: which language's articles, prepositions and conjunctions a text uses.

Counting function words costs ~0.1 ms for 2,000 characters, against ~1.3 ms for
langdetect on a 400-character sample. It serves two purposes:

- confirming that a paragraph is in its document's language (``paragraphs.py``);
- ``function_word_language``: a fast path that answers for a whole Indonesian or
  English article without langdetect when the evidence is overwhelming. How often
  its answer equals langdetect's is measured by ``python -m newsetl_dev.eval_language
  --fast-path`` (see README, "Language identification").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from newsetl.transforms.lexicons import rows
from newsetl.transforms.records import LanguageGuess

_WORD = re.compile(r"[^\W\d_]+")
_LIST_OF = {"ms": "id"}  # Malay shares Indonesian's function words

# The fast path answers only for the pipeline's main languages, whose lists are long and
# include their most frequent news words; any other text goes to langdetect.
FAST_PATH_LANGUAGES = ("id", "en")
# Evidence read (characters from the start) and what counts as overwhelming: at least
# FAST_MIN_HITS function words making up FAST_MIN_SHARE of all words, at least
# FAST_MARGIN times the function words of any other listed language (shared words count
# for both), and almost no words that belong only to another language. On 2,000
# synthetic articles and on pseudo-documents of 8 langid sentences in 12 languages
# (``newsetl_dev.eval_language --fast-path``) every fast answer equalled langdetect's.
FAST_PATH_CHARS = 1500
FAST_MIN_HITS = 12
FAST_MIN_SHARE = 0.20
FAST_MARGIN = 4
FAST_MAX_FOREIGN_SHARE = 0.05
# Twice the hits make a lower share enough: Indonesian news is dense with names, acronyms
# and numbers, and 31 of the 35 Detik articles that went to langdetect (~8 ms each) had
# 23-70 Indonesian function words at a share of 0.15-0.20 (eval_language --news, --fast-path).
FAST_MANY_HITS = 2 * FAST_MIN_HITS
FAST_MANY_HITS_MIN_SHARE = 0.15


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    """Return, per word, the languages (rows of lang_function_words.tsv) it is a function word of."""
    languages: dict[str, set[str]] = {}
    for code, words in rows("data/lang_function_words.tsv"):
        for word in words.split():
            languages.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in languages.items()}


class FunctionWordHits(NamedTuple):
    """Counts of a text's words against the function-word lists, for one language."""

    letters: int  # letters in all words
    words: int
    own: int  # function words of the language
    rival: int  # function words of the best other language (shared ones included)
    foreign: int  # words that are function words of other languages only


def function_word_hits(text: str, code: str) -> FunctionWordHits:
    """Return how the words of ``text`` match the function words of ``code`` and of other languages."""
    lookup = _function_words()
    row = _LIST_OF.get(code, code)
    words = _WORD.findall(text.lower())
    others: dict[str, int] = {}
    own = foreign = 0
    for word, count in Counter(words).items():  # each distinct word once, weighted by its count
        languages = lookup.get(word)
        if languages is None:
            continue
        if row in languages:
            own += count
            if len(languages) == 1:
                continue
        else:
            foreign += count
        for language in languages:
            if language != row:
                others[language] = others.get(language, 0) + count
    rival = max(others.values(), default=0)
    return FunctionWordHits(sum(map(len, words)), len(words), own, rival, foreign)


def function_word_language(text: str) -> LanguageGuess | None:
    """Return ``id`` or ``en`` when the function words of ``text`` leave no doubt, else None.

    The confidence is the language's share of the function words it has in common with
    its best rival, ``own / (own + rival)``. ``id`` still has to go through the
    Malaysian/Indonesian decision, exactly like langdetect's ``id``.
    """
    head = text[:FAST_PATH_CHARS]
    for code in FAST_PATH_LANGUAGES:
        hits = function_word_hits(head, code)
        if (
            hits.own >= FAST_MIN_HITS
            and (
                hits.own >= FAST_MIN_SHARE * hits.words
                or (hits.own >= FAST_MANY_HITS and hits.own >= FAST_MANY_HITS_MIN_SHARE * hits.words)
            )
            and hits.own >= FAST_MARGIN * hits.rival
            and hits.foreign <= FAST_MAX_FOREIGN_SHARE * hits.words
        ):
            return LanguageGuess(code, round(hits.own / (hits.own + hits.rival), 4))
    return None
