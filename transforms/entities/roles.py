"""Titles and roles around person names: ``Perdana Menteri Armenia, Nikol Pashinyan``."""

from __future__ import annotations

from functools import cache, lru_cache

from newsetl.transforms.entities.lexicon import folded, head_words, titles
from newsetl.transforms.entities.tokens import TextMemo, Token, TokenTexts

# Title phrases are at most this many tokens ("Wakil Perdana Menteri", "Secretary of State").
MAX_TITLE_TOKENS = 4
_ARTICLES = frozenset({"a", "an", "the"})
_QUALIFIER_LINKS = frozenset({"for", "of", "to", "at"})
# Names a title introduces are at most this many words ("Recep Tayyip Erdogan").
_MAX_TITLED_NAME = 4
# A title's or its qualifier's short form in brackets is at most this many words ("(Jabar)", "(Wamen PU)").
_MAX_SHORT_FORM = 3
# A qualifier closed by its short form is at most this many words ("Energi dan Sumber Daya Mineral").
_MAX_QUALIFIER_WORDS = 7


def short_form_end(toks: list[Token], k: int) -> int:
    """Return the index after a bracketed short form of capitalised words opening at ``k``
    (``Gubernur Jawa Barat (Jabar) Ridwan Kamil``, ``Menteri Ketenagakerjaan (Menaker) Yassierli``), else ``k``."""
    if k >= len(toks) or toks[k].text != "(":
        return k
    for j in range(k + 2, min(len(toks), k + 2 + _MAX_SHORT_FORM)):
        if toks[j].text == ")":
            inner = toks[k + 1 : j]
            return j + 1 if all(t.text[:1].isupper() and t.text.isalnum() for t in inner) else k
    return k


def _bracketed_qualifier_end(toks: list[Token], k: int) -> int:
    """Return the index after a capitalised qualifier closed by its bracketed short form
    (``Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil``: after ``)``), else ``k``.
    The short form marks where the office's name ends, however many words it has."""
    j = k
    while j < len(toks) and j - k < _MAX_QUALIFIER_WORDS and (
        toks[j].text[:1].isupper() and toks[j].text.isalpha() or (j > k and toks[j].text in ("dan", "&"))
    ):
        j += 1
    if j == k or toks[j - 1].text in ("dan", "&"):
        return k
    end = short_form_end(toks, j)
    return end if end > j else k


def _place_headed(toks: list[Token], k: int) -> bool:
    """Return True when the capitalised words at ``k`` are followed by a place or body head word
    (``(SPPG) Cigunung Desa Sukaresmi``): they name the office's place, not a person."""
    heads = head_words("id")
    j = k
    while j < len(toks) and j - k < _MAX_TITLED_NAME and toks[j].text[:1].isupper():
        if j > k and folded(toks[j].text) in heads:
            return True
        j += 1
    return False


def _short_form_start(toks: list[Token], end: int) -> int:
    """Return the index of the ``(`` of a bracketed short form closing just before ``end``, else ``end``."""
    if end <= 0 or toks[end - 1].text != ")":
        return end
    for k in range(end - 3, max(-1, end - 3 - _MAX_SHORT_FORM), -1):
        if toks[k].text == "(":
            return k if short_form_end(toks, k) == end else end
    return end


@cache
def _edge_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return the folded first words and last words of the titles of ``language``."""
    known = titles(language)
    return frozenset(t.split()[0] for t in known), frozenset(t.split()[-1] for t in known)


def _is_title(toks: list[Token], first: int, last: int, known: frozenset[str]) -> bool:
    """Return True when words ``first:last`` (no punctuation, one line) spell a known title."""
    words = toks[first:last]
    if not all(t.text[:1].isalnum() for t in words):
        return False
    if any(b.start - a.end > 1 for a, b in zip(words, words[1:])):
        return False
    return folded(" ".join(t.text for t in words)) in known


# Bounded caches: whether a token text can open or close a title depends only on the text.
@lru_cache(maxsize=1 << 17)
def _opens_title(word: str, language: str) -> bool:
    return folded(word) in _edge_words(language)[0]


@lru_cache(maxsize=1 << 17)
def _closes_title(word: str, language: str) -> bool:
    return folded(word) in _edge_words(language)[1]


@cache
def _title_prefixes(language: str) -> frozenset[str]:
    """Return every whole-word prefix of the folded titles of ``language`` (the titles included)."""
    return frozenset(" ".join(words[:k]) for words in map(str.split, titles(language)) for k in range(1, len(words) + 1))


def title_end(toks: list[Token], i: int, language: str) -> int | None:
    """Return the end index of the longest title phrase starting at token ``i``, if any.

    Same answer as trying ``_is_title`` from the longest window down, built word by word: a
    window failing the punctuation or spacing test fails for every longer one, the folded
    words of a window are those of its tokens in turn, and a phrase that opens no title
    opens no longer one.
    """
    if i >= len(toks) or not _opens_title(toks[i].text, language):
        return None
    known, prefixes = titles(language), _title_prefixes(language)
    found, phrase = None, ""
    for j in range(i, i + min(MAX_TITLE_TOKENS, len(toks) - i)):
        tok = toks[j]
        if not tok.text[:1].isalnum() or (j > i and tok.start - toks[j - 1].end > 1):
            break
        part = folded(tok.text)
        if part:
            phrase = f"{phrase} {part}" if phrase else part
        if phrase in known:
            found = j + 1
        if phrase not in prefixes:
            break
    return found


def title_start(toks: list[Token], end: int, language: str) -> int | None:
    """Return the start index of the longest title phrase ending just before token ``end``."""
    if end <= 0 or not _closes_title(toks[end - 1].text, language):
        return None
    known = titles(language)
    for size in range(min(MAX_TITLE_TOKENS, end), 0, -1):
        if _is_title(toks, end - size, end, known):
            return end - size
    return None


def leading_title_end(toks: list[Token], first: int, last: int, language: str) -> int:
    """Return the index after any titles opening the span ``first:last`` (``Presiden Joko``)."""
    i = first
    while i < last:
        end = title_end(toks, i, language)
        if end is None or end >= last:
            break
        i = end
    return i


def person_role(text: str, toks: list[Token], first: int, last: int, neighbours, language: str) -> str | None:
    """Return the role written next to the person at ``first:last``, if any.

    Two patterns: a title before the name, optionally qualified by a country or ministry and a
    comma (``Presiden Rusia Vladimir Putin``, ``PM Armenia, Nikol Pashinyan``), or an
    appositive after it (``Hikmet Hajiyev, Asisten Presiden Azerbaijan``). ``neighbours``
    maps token indices to the ``(first, last)`` of the accepted span that ends (key ``-last``)
    or starts (key ``first``) there.
    """
    before = _role_before(text, toks, first, neighbours, language)
    return before or _role_after(text, toks, last, neighbours, language)


def _role_before(text, toks, first, neighbours, language):
    j = first
    if j > 0 and toks[j - 1].text == ",":
        j -= 1
    role_end = j
    if language == "id":
        j = _short_form_start(toks, j)  # "Gubernur Jawa Barat (Jabar) Ridwan Kamil": the role ends at "Barat"
        role_end = min(role_end, j)
    qualifier = neighbours.get(-j)
    if qualifier is not None:
        j = qualifier[0]
    start = title_start(toks, j, language)
    if start is None:
        return None
    if language == "en":
        # English puts the qualifier first: "Armenian Prime Minister", "Russian Foreign Minister".
        while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].end + 1 >= toks[start].start:
            start -= 1
    return text[toks[start].start : toks[role_end - 1].end]


def _role_after(text, toks, last, neighbours, language):
    if last + 1 >= len(toks) or toks[last].text != ",":
        return None
    start = last + 1
    if language == "en" and toks[start].text.lower() in _ARTICLES:
        start += 1
    end = title_end(toks, start, language)
    if end is None:
        return None
    if language == "en" and end < len(toks) and toks[end].text in _QUALIFIER_LINKS and end + 1 in neighbours:
        end += 1  # "spokeswoman for Armenia's Defence Ministry"
    while end in neighbours or (end + 1 < len(toks) and toks[end].text in "'’" and toks[end + 1].text == "s"):
        end = neighbours[end][1] if end in neighbours else end + 2
    return text[toks[start].start : toks[end - 1].end]


# Words that join two parts of one Malay name: a patronymic (``Ahmad Zahid bin Hamidi``) or a
# father's title kept in the son's name (``Najib Tun Razak``). Source: Kamus Dewan; Utusan usage.
NAME_LINKS = frozenset({"bin", "binti", "Tun"})  # words inside one Malay name: "Najib Tun Razak"


def _links_name(toks: list[Token], k: int, usable) -> bool:
    """Return True when token ``k`` joins the name before it to a name word right after it."""
    return toks[k].text in NAME_LINKS and k + 1 < len(toks) and usable(k + 1)


def _opens_name(toks: list[Token], k: int, usable, language: str) -> bool:
    """Return True for a capitalised everyday word that opens a name right after a title
    (``Presiden Azerbaijan Ilham Aliyev``: ``ilham`` is also "inspiration"), a name word after it."""
    word = toks[k].text
    return (
        word[:1].isupper() and word.isalpha() and k + 1 < len(toks) and usable(k + 1)
        and toks[k + 1].start - toks[k].end <= 1 and not _opens_title(word, language)
        and word.lower() not in head_words("en" if language == "en" else "id")
    )


# Per language, whether a token text opens a title (``_opens_title``), remembered per text.
_OPENING: dict[str, TextMemo] = {}


def titled_person_spans(text: str, toks: list[Token], covered: list[bool], qualifier_end, is_name_word, language: str,
                        texts: TokenTexts | None = None):
    """Return ``(first, last)`` of uncovered names that a title introduces or an appositive follows.

    ``Presiden Rusia Vladimir Putin`` and ``Shushan Stepanyan, juru bicara ...`` name people
    even when the tagger misses them. ``qualifier_end(k)`` returns where a qualifier starting at
    token ``k`` (a country, an organisation, a portfolio such as ``Luar Negeri``) ends, or ``k``;
    ``is_name_word(token)`` says whether a token may be part of a name; ``texts`` is the index of
    ``toks``, when built already.
    """
    n = len(toks)

    def joined(a: int, b: int) -> bool:
        return "\n" not in text[toks[a].end : toks[b].start]

    def usable(k: int) -> bool:
        return not covered[k] and is_name_word(toks[k])

    spans = []
    seen: set[tuple[int, int]] = set()
    inside_title = 0  # end of the last title phrase: a title's own words open no second title
    # title_end's own first test, hoisted: each distinct text once
    opening = _OPENING.get(language) or _OPENING.setdefault(language, TextMemo(lambda word: _opens_title(word, language)))
    for i in opening.positions(texts or TokenTexts(toks)):
        if i < inside_title:
            continue
        end = title_end(toks, i, language)
        if end is None:
            continue
        inside_title = end
        if i >= 2 and toks[i - 1].text == ",":
            # Appositive: at least two name words right before ", <title>".
            first = i - 1
            while first > 0 and usable(first - 1) and (first == i - 1 or joined(first - 1, first)):
                first -= 1
            if i - 1 - first >= 2 and (first, i - 1) not in seen:
                seen.add((first, i - 1))
                spans.append((first, i - 1))
        k = qualifier_end(end)
        # Indonesian only: Malay offices' short forms are followed by their seat ("(IPD) Kulai"), which
        # only Indonesia's region list (``qualifier_end``) would tell from a name.
        short = short_form_end(toks, k) if language == "id" else k
        if short == k and language == "id":  # "Menteri Ketenagakerjaan (Menaker) Yassierli": the title's own short form
            short = _bracketed_qualifier_end(toks, end)
        if short > k:
            # After a short form, a place still qualifies the office ("Kepala Dinas Kesehatan
            # (Dinkes) Seram Bagian Barat, Gariman"); a name must follow, else the words before stand.
            after = qualifier_end(short)
            if after < n and toks[after].text == ",":
                after += 1
            if after < n and usable(after) and not _place_headed(toks, after):
                k = after
        if k < n and toks[k].text == ",":
            k += 1
        last = k
        while last < n and last - k < _MAX_TITLED_NAME and (last == k or joined(last - 1, last)) and (
            usable(last) or (last > k and _links_name(toks, last, usable)) or _opens_name(toks, last, usable, language)
        ):
            last += 1
        # An acronym or numeral after a title is an office ("Ketua DPD", "Komisi III"), not a name.
        if last > k and not all(t.text.isupper() for t in toks[k:last]) and (k, last) not in seen:
            seen.add((k, last))
            spans.append((k, last))
    return spans
