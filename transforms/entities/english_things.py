"""English capitalised runs the name rules typed PERSON that name things: companies and brands
(``Sony Ericsson``), products (``Windows XP``), works (``film Vera Drake``), clubs, events and
places (``Essex Ladies``, ``Aero India 2005 air show``, ``Leicester Square``, ``St James' Park``),
and bodies referred to with ``which`` (issue 16, BBC). The cue words are ``things_en.tsv``'s."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from newsetl.transforms.entities.english_lexicon import EN_RULE_SOURCES, org_tails
from newsetl.transforms.entities.gazetteer import gazetteer_entry
from newsetl.transforms.entities.lexicon import data_rows, folded, head_words
from newsetl.transforms.entities.precision import event_words
from newsetl.transforms.entities.roles import title_start
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token

# Words between a work noun and its title (``films including Raging Bull``, ``novels like``).
_LISTING = frozenset({"including", "like"})
_ARTICLES = frozenset({"the", "The"})


@cache
def _cues() -> dict[str, frozenset[str]]:
    """Return the ``things_en.tsv`` words by kind (``company``, ``product_tail``, ...)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("things_en.tsv"):
        if len(row) >= 2:
            kinds[row[1]].add(row[0])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@cache
def _company_sequences() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in _cues().get("company", ()))


def _words(toks: list[Token], c: Candidate) -> tuple[str, ...]:
    return tuple(t.text for t in toks[c.first : c.last] if t.text != "-")


def _holds_company(words: tuple[str, ...]) -> bool:
    for seq in _company_sequences():
        n = len(seq)
        if any(words[k : k + n] == seq for k in range(len(words) - n + 1)):
            return True
    return False


def _work_cued(toks: list[Token], c: Candidate) -> bool:
    """Return True when a work noun comes right before the name, or before ``including``, ``like``
    or ``such as`` that do (``hit song Jailhouse Rock``, ``Lee films including Jungle Fever``,
    ``many histories, including Tudor England``); ``The director of the film, Vinod Pande`` names a person."""
    works = _cues().get("work_before", frozenset())
    k = c.first - 1
    if k >= 1 and toks[k].text == "as" and toks[k - 1].text == "such":
        k -= 2
    elif k >= 0 and toks[k].text in _LISTING:
        k -= 1
    else:
        return k >= 0 and toks[k].text in works
    if k >= 0 and toks[k].text == ",":
        k -= 1
    return k >= 0 and toks[k].text in works


def _after(toks: list[Token], c: Candidate) -> str:
    """Return the word after the name, a year written after it skipped (``Aero India 2005 air
    show``), ``airshow`` for ``air show``."""
    k = c.last
    if k < len(toks) and len(toks[k].text) == 4 and toks[k].text.isdigit():
        k += 1
    if k + 1 < len(toks) and toks[k].text == "air" and toks[k + 1].text == "show":
        return "airshow"
    return toks[k].text if k < len(toks) else ""


def _inside_longer_name(toks: list[Token], c: Candidate) -> bool:
    """Return True when a capitalised word follows the name: it qualifies a longer name (``the
    Hans Christian Andersen Award``, ``the Glazer Family Partnership``), whose other mentions stand."""
    return c.last < len(toks) and toks[c.last].text[:1].isupper()


def _which_follows(toks: list[Token], c: Candidate) -> bool:
    """Return True when ``which`` follows the name (``Tods Murray which has a client``, ``Opus Dei,
    which means``): English refers to people with ``who``. After a comma the name must not close a
    list, whose ``which`` may refer to the whole (``starring Eric Clapton, Keane and Jools Holland, which raised``)."""
    k = c.last
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].text == "which":
        return c.first == 0 or toks[c.first - 1].text not in ("and", ",")
    return k < len(toks) and toks[k].text == "which"


def _thing_cued(toks: list[Token], c: Candidate) -> bool:
    """Return True when the word after the name makes it a thing's (``the Mecca Bingo chain``), or
    ``the`` opens it and the word after is no noun a person's name qualifies (``the Golden Bear,``
    vs ``the Bush administration``): English writes no article before a person's bare name."""
    cues = _cues()
    after = _after(toks, c)
    if after in cues.get("thing_after", frozenset()) or _which_follows(toks, c):
        return True
    return c.first > 0 and toks[c.first - 1].text in _ARTICLES and after not in cues.get("person_after", frozenset())


# A capitalised compound with a lower-case tail opening a name describes the person (``Tunisian-born``).
_COMPOUND = re.compile(r"[A-Z][A-Za-z]*-[a-z]+")


def _opener_cut(toks: list[Token], c: Candidate) -> Candidate:
    """Return the PERSON candidate less a sentence opener or describing compound before the name
    (``Teenager LaShawn Merritt``, ``Tunisian-born Abdellatif Kechiche``); one word left that the
    gazetteer knows is that place or body (``Yesterday Argentina's economy minister``)."""
    first = toks[c.first].text
    if c.last - c.first < 2 or not (first in _cues().get("opener", frozenset()) or _COMPOUND.fullmatch(first)):
        return c
    if c.last - c.first == 2 and (entry := gazetteer_entry(toks[c.first + 1].text)) is not None:
        return Candidate(c.first + 1, c.last, entry.entity_type, "gazetteer", entry.canonical_name, entry.entity_key,
                         entry.country_code, entry.kind)
    return Candidate(c.first + 1, c.last, c.entity_type, c.source)


def _retyped(toks: list[Token], c: Candidate) -> Candidate | None:
    """Return the PERSON candidate retyped when its words name a thing, None when it names no
    person, organisation or place (a product or a work), else the candidate."""
    cues = _cues()
    words = _words(toks, c)
    if words[-1] in cues.get("product_tail", frozenset()) or words[0] in cues.get("saint", frozenset()):
        return None
    if len(words) > 1 and (folded(words[-1]) in event_words() or words[-1] in cues.get("event_tail", frozenset())):
        return None  # "a live Super Bowl performance", "the Fayetteville Invitational": an event
    if words[-1] in cues.get("place_tail", frozenset()) and len(words) > 1:
        return Candidate(c.first, c.last, "LOC", c.source)
    if words[-1].lower() in org_tails() or head_words("en").get(words[-1].lower()) == "ORG":
        # "editor of PC Pro Magazine": the title the rules cut off ("PC") opens the publication's name.
        first = c.first - 1 if c.first and toks[c.first - 1].text[:1].isupper() and toks[c.first - 1].end + 1 == toks[c.first].start else c.first
        return Candidate(first, c.last, "ORG", c.source)
    if (words[-1] in cues.get("org_tail", frozenset()) and len(words) > 1) or any(
        w in cues.get("company", frozenset()) for w in words
    ) or _holds_company(words):
        return Candidate(c.first, c.last, "ORG", c.source)
    if c.source != "title" and (_work_cued(toks, c) or _thing_cued(toks, c)):
        return None
    return c


def things_retyped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with rule PERSONs cut of sentence openers and post-nominal letters
    (``Teenager LaShawn Merritt``, ``Guy Mansfield QC``), those naming companies, clubs and places
    retyped, and those naming products, works and events dropped, with the document's other mentions of that name
    (``Mary Poppins`` once ``film Mary Poppins`` is there) and of its last word alone (``the Dome``
    of ``the Millennium Dome``) unless a person's longer name holds it or it qualifies a longer name."""
    # A name the document writes after a title is a person's ("Mr Pande" beside "film, Vinod Pande").
    titled = {
        toks[c.last - 1].text for c in cands
        if c.entity_type == "PERSON" and (c.source == "title" or title_start(toks, c.first, "en") is not None)
    }
    out: list[Candidate] = []
    dropped: set[tuple[str, ...]] = set()
    retyped: dict[tuple[str, ...], str] = {}
    makers: set[tuple[str, ...]] = set()
    for c in cands:
        if c.entity_type == "PERSON" and c.source in EN_RULE_SOURCES:
            c = _opener_cut(toks, c)
            if c.entity_type != "PERSON":
                out.append(c)
                continue
            if c.last - c.first > 2 and toks[c.last - 1].text in _cues().get("postnominal", frozenset()):
                c = Candidate(c.first, c.last - 1, c.entity_type, c.source)  # "Guy Mansfield QC"
            new = _retyped(toks, c)
            if new is None:
                words = _words(toks, c)
                if not _inside_longer_name(toks, c):
                    dropped.add(words)
                if words[-1] in _cues().get("product_tail", frozenset()) and len(words) > 1:
                    makers.add(words[:1])  # "Orange Smartphones": a lone "Orange" is the maker
                continue
            if new.entity_type != "PERSON":
                retyped[_words(toks, c)] = new.entity_type
            c = new
        out.append(c)
    if not dropped and not retyped:
        return out
    retyped.update((maker, "ORG") for maker in makers - dropped)
    kept = {w for c in out if c.entity_type == "PERSON" and c.last - c.first > 1 for w in _words(toks, c)}
    tails = {name[-1] for name in dropped} - kept - titled
    final = []
    for c in out:
        if c.entity_type == "PERSON" and c.source in EN_RULE_SOURCES and c.source != "title":
            words = _words(toks, c)
            if (words in dropped and words[-1] not in titled) or (len(words) == 1 and words[0] in tails):
                continue
            if words in retyped:
                c = Candidate(c.first, c.last, retyped[words], c.source)
        final.append(c)
    return final
