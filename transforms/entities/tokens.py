"""Tokens and sentences with exact character offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

# Web domains stay one token (``Aljazeera.com``, ``Sosok.ID``) but ``Armenia.dan`` splits,
# because only real top-level domains may follow the dot. Label lengths and counts are bounded
# (as in DNS) so a pathological line cannot make the pattern backtrack quadratically.
_TLD = r"\.(?:com|co\.id|id|net|org|tv|news|info|co\.uk|ru|tr)(?!\w|\.\w)"
_WORD_OR_MARK = r"\w+(?:-(?!(?-i:[A-ZÀ-ÖØ-Þ]))\w+|['’](?!s\b)\w+|\xad(?: (?=(?-i:[a-z])))?\w+)*|[^\w\s]"
_TOKEN = re.compile(r"[^\W_][\w-]{0,62}(?:\.[^\W_][\w-]{0,62}){0,3}" + _TLD + "|" + _WORD_OR_MARK, re.IGNORECASE)
# Every domain token ends in a match of _HAS_DOMAIN; most texts have none, and without the
# domain branch (~40 % of the tokenizer's time) the pattern finds the very same tokens.
_HAS_DOMAIN = re.compile(_TLD, re.IGNORECASE)
_TOKEN_NO_DOMAIN = re.compile(_WORD_OR_MARK, re.IGNORECASE)
# A hyphen before a capital splits (``Prabowo-Gibran``, ``Jokowi-JK`` name two people; the
# gazetteer joins ``Nagorno-Karabakh`` back over the hyphen); ``Tae-yong`` stays one token.
# An English possessive ("Armenia's") splits off so the name before it can match a gazetteer.
# A soft hyphen (U+00AD, Utusan's "Hu\xadbu\xadngan") is inside a word, never a mark of its own, and
# so is one space after it before a lower-case letter (a lost line break: "Shahril Su\xad an Hamdan").
_SENTENCE_END = frozenset(".!?")
# Long runs without sentence punctuation are cut so one huge line cannot make one huge sequence.
MAX_SENTENCE_TOKENS = 120


class Token(NamedTuple):
    """A token: its start and end offsets in the text and its text."""

    start: int
    end: int
    text: str


def tokens(text: str) -> list[Token]:
    """Return the word, domain and punctuation tokens of ``text`` with their offsets."""
    new = tuple.__new__  # skips the namedtuple's Python-level __new__, a third of the cost
    pattern = _TOKEN if _HAS_DOMAIN.search(text) else _TOKEN_NO_DOMAIN
    return [new(Token, (m.start(), m.end(), m.group())) for m in pattern.finditer(text)]


def sentences(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Return ``(first, last + 1)`` token-index ranges of the sentences of ``text``.

    A sentence ends at a line break, or after ``.!?`` when the next token is capitalised or a
    quote; runs longer than ``MAX_SENTENCE_TOKENS`` are cut.
    """
    bounds = []
    first = 0
    n = len(toks)
    for i in range(n):
        end_here = i + 1 == n
        if not end_here:
            nxt = toks[i + 1]
            if nxt.start > toks[i].end and "\n" in text[toks[i].end : nxt.start]:
                end_here = True
            elif toks[i].text in _SENTENCE_END and (nxt.text[0].isupper() or not nxt.text[0].isalnum()):
                end_here = True
            elif i + 1 - first >= MAX_SENTENCE_TOKENS:
                end_here = True
        if end_here:
            bounds.append((first, i + 1))
            first = i + 1
    return bounds


# Marks opening a list item ("- Menteri BUMN Erick Thohir" in a list of guests): no headline.
_BULLETS = frozenset({"-", "•", "–", "*"})
# Lower-case function words that title-case headlines keep lower-case.
_HEADLINE_FUNCTION_WORDS = frozenset(
    "di ke dari dan atau yang untuk dalam pada dengan oleh of the and in on at to for a an by from with".split()
)


def is_headline(text: str, toks: list[Token], first: int, last: int) -> bool:
    """Return True when tokens ``first:last`` form a title-case headline line.

    Headlines ("Baca Juga: Bombardir Satuan Lapis Baja Armenia") capitalise nearly every word
    and lack final punctuation, so case says little about names there.
    """
    if toks[last - 1].text in _SENTENCE_END or toks[last - 1].text in "\"'”’":
        return False
    line_end = text.find("\n", toks[last - 1].end)
    if text[toks[last - 1].end : len(text) if line_end < 0 else line_end].strip():
        return False
    line_start = text.rfind("\n", 0, toks[first].start) + 1
    if (text[line_start : toks[first].start].strip() or toks[first].text) in _BULLETS:
        return False  # "- Menteri BUMN Erick Thohir": a list item, whose capitals are names
    words = [t.text for t in toks[first:last] if t.text[:1].isalpha() and t.text.lower() not in _HEADLINE_FUNCTION_WORDS]
    if len(words) < 3:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


class TokenTexts:
    """The texts of a document's tokens, indexed once for the passes that each scan them.

    ``texts`` holds them in order; ``positions(keep)`` tests each distinct text once (most
    repeat: ~500 tokens an article, half as many texts) instead of every token in every pass.
    """

    __slots__ = ("texts", "_at")

    def __init__(self, toks: list[Token]):
        self.texts = [t.text for t in toks]
        at: dict[str, list[int]] = {}
        for k, text in enumerate(self.texts):
            where = at.get(text)
            if where is None:
                at[text] = [k]
            else:
                where.append(k)
        self._at = at

    def distinct(self):
        """Return the distinct token texts (a view, in order of first use)."""
        return self._at.keys()

    def positions(self, keep) -> list[int]:
        """Return, in order, the positions of the tokens whose text ``keep(text)`` is true of."""
        at = self._at
        hits = [at[text] for text in at if keep(text)]
        if len(hits) == 1:
            return list(hits[0])
        return sorted(k for where in hits for k in where)


class TextMemo:
    """A test on token texts remembered per text across documents, for ``TokenTexts`` passes.

    Most texts recur from article to article, so after warm-up a pass's opening test is one dict
    lookup a distinct text. Bounded: a full memo is replaced by an empty one (never cleared in
    place, so a thread still reading the old one sees it whole).
    """

    __slots__ = ("_test", "_known", "_size")

    def __init__(self, test, size: int = 1 << 17):
        self._test, self._known, self._size = test, {}, size

    def positions(self, texts: TokenTexts) -> list[int]:
        """Return what ``texts.positions(test)`` returns."""
        at, known = texts._at, self._known
        if len(known) + len(at) > self._size:  # room for every text of this document
            self._known = known = {}
        # One pass, one lookup a text: the texts of a document are mostly known already.
        test, remembered, hits = self._test, known.get, []
        for text, where in at.items():
            hit = remembered(text)
            if hit is None:
                hit = known[text] = test(text)
            if hit:
                hits.append(where)
        if len(hits) == 1:
            return list(hits[0])
        return sorted(k for where in hits for k in where)
