"""Corpus-level entity resolution: short person names join their unique full name.

``PERSON:erdogan`` joins ``PERSON:recep tayyip erdogan`` when that is the only fullest key in
the corpus ending in ``erdogan``; with two such full names the short form stays its own entity.
The result depends only on the set of keys, never on row order or counts, and ``entity_id``
is a hash of the resolved key, so ids are stable across runs and batches.
"""

from __future__ import annotations

import hashlib

import polars as pl

from newsetl.transforms.entities.acronyms import spells
from newsetl.transforms.entities.lexicon import GIVEN_NAME_PREFIXES, capital_shares, is_common_word

OUTPUT_SCHEMA = {
    "entity_type": pl.Utf8,
    "entity_key": pl.Utf8,
    "entity_id": pl.Utf8,
    "canonical_name": pl.Utf8,
    "country_code": pl.Utf8,
}
# Types whose short forms are surnames of a full form; "ORG:indonesia" is not "Bank Indonesia".
_SURNAME_TYPES = frozenset({"PERSON"})
# A surname shorter than this is too weak a clue ("li", "wu") to join a full name on its own.
_MIN_SURNAME_CHARS = 3
# Given names are weaker clues than surnames ("ali", "budi" open many names).
_MIN_GIVEN_NAME_CHARS = 5
# How many times the others' mentions the main full name of a given name must have.
_DOMINANCE = 5
# A one-word given name joins across articles only a full name written out in this many articles: a
# person named in full in one article alone is a local figure (a witness, a villager "Andri (23)"), and
# the same given name in another article is someone else, whom that article names by one name only.
# A surname alone ("Erdogan") is specific enough to keep joining the one full name it ends.
_PUBLIC_FIGURE_DOCUMENTS = 2


def entity_id(entity_key: str) -> str:
    """Return the stable id of a resolved entity key: ``e_`` + 16 hex digits of its BLAKE2b hash."""
    return "e_" + hashlib.blake2b(entity_key.encode("utf-8"), digest_size=8).hexdigest()


def _words(entity_key: str) -> tuple[str, ...]:
    return tuple(entity_key.partition(":")[2].split())


def _is_fragment(words: tuple[str, ...]) -> bool:
    """Return True for a key holding an everyday word: a headline fragment ("prabowo puji jokowi")."""
    return any(is_common_word(w, "id") for w in words)


def _prefixed_only(extra: tuple[str, ...]) -> bool:
    """Return True when the words a longer name adds in front are name prefixes only (``mohd``)."""
    return all(w in GIVEN_NAME_PREFIXES for w in extra)


def _dominant(candidates: list[str], counts: dict[str, int] | None) -> list[str]:
    """Return the one candidate with most of the candidates' mentions, else ``candidates``.

    A given name most mentions of which belong to one full name ("prabowo": Prabowo Subianto,
    not Listyo Sigit Prabowo) joins it; without counts nothing is guessed.
    """
    if len(candidates) < 2 or not counts:
        return candidates
    ranked = sorted(candidates, key=lambda k: -counts.get(k, 0))
    top, rest = counts.get(ranked[0], 0), sum(counts.get(k, 0) for k in ranked[1:])
    return ranked[:1] if top >= _DOMINANCE * max(rest, 1) else candidates


def _public_figures(candidates: list[str], opens: set[str], documents: dict[str, int]) -> list[str]:
    """Return the full names a one-word name may join across articles: those written out in
    ``_PUBLIC_FIGURE_DOCUMENTS`` articles or more (public figures), none if only local people fit.

    A local person it merely ends (``Yosdian Adi Pramono``) is no rival of the one public figure it
    opens as a given name (``Pramono`` of Governor ``Pramono Anung``); any other local candidate
    keeps the name ambiguous (``Wijaya``, ``Agung``), as a second public figure does.
    """
    public = [k for k in candidates if documents.get(k, 0) >= _PUBLIC_FIGURE_DOCUMENTS]
    local = [k for k in candidates if k not in public]
    if len(public) == 1 and public[0] in opens and not any(k in opens for k in local):
        return public
    return candidates if public else []


def resolved_keys(
    keys: set[tuple[str, str]], counts: dict[str, int] | None = None, documents: dict[str, int] | None = None
) -> dict[tuple[str, str], str]:
    """Return each ``(entity_type, entity_key)`` mapped to the key of the entity it belongs to.

    ``counts`` (mentions per key), when given, lets a one-word given name join the full name
    that holds nearly all mentions of its candidates. ``documents`` (articles per key), when
    given, keeps a one-word name it holds from joining a full name written out in one article only.
    """
    longer: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    opening: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    middle: dict[tuple[str, str], set[str]] = {}  # Indonesian call names: "ghufron" of "ali ghufron mukti"
    for kind, key in keys:
        if kind in _SURNAME_TYPES:
            words = _words(key)
            for n in range(1, len(words)):
                longer.setdefault((kind, words[-n:]), set()).add(key)
                opening.setdefault((kind, words[:n]), set()).add(key)
            for word in words[1:-1]:
                middle.setdefault((kind, word), set()).add(key)
    resolved = {}
    for kind, key in keys:
        words = _words(key)
        target = key
        if kind in _SURNAME_TYPES and len("".join(words)) >= _MIN_SURNAME_CHARS:
            # Only the fullest forms count: "tayyip erdogan" is itself a suffix of another key.
            fullest = sorted(k for k in longer.get((kind, words), ()) if (kind, _words(k)) not in longer)
            if len(words) == 1 and len(words[0]) >= _MIN_GIVEN_NAME_CHARS:
                # A lone given name ("prabowo") joins the one full name it opens or ends.
                opened = [
                    k for k in opening.get((kind, words), ())
                    if (kind, _words(k)) not in longer and (kind, _words(k)) not in opening
                ]
                opened = [k for k in opened if not _is_fragment(_words(k))]
                if opened:  # a surname shared by two full names ("aliyev") still links to neither
                    fullest = _dominant(sorted(k for k in {*fullest, *opened} if not _is_fragment(_words(k))), counts)
            elif len(words) > 1:
                # Two or more words that open exactly one full name are that person's given names
                # ("ismail sabri" -> "ismail sabri yaakob"); a longer name they close after another
                # given name is then someone else's, built on the father's ("nina ismail sabri").
                opened = [k for k in opening.get((kind, words), ()) if (kind, _words(k)) not in longer]
                opened = [k for k in opened if (kind, _words(k)) not in opening and not _is_fragment(_words(k))]
                if len(opened) == 1:
                    fullest = [k for k in fullest if _prefixed_only(_words(k)[: -len(words)])] + opened
            if len(fullest) > 1:
                # "s jones" of a results list does not make "jones" ambiguous beside "max jones".
                spelled = [k for k in fullest if len(_words(k)[0]) > 1]
                fullest = spelled if len(spelled) == 1 else fullest
            if not fullest and len(words) == 1 and len(words[0]) >= _MIN_GIVEN_NAME_CHARS:
                # A name no full name opens or ends is the middle word of the one full name holding it.
                fullest = [k for k in middle.get((kind, words[0]), ())
                           if (kind, _words(k)) not in longer and (kind, _words(k)) not in opening
                           and not _is_fragment(_words(k))]
            if len(words) == 1 and documents is not None and key in documents:
                opens = opening.get((kind, words), set())
                given = opens | middle.get((kind, words[0]), set())
                if any(k in given for k in fullest):  # read as a given name, which many people share
                    fullest = _public_figures(fullest, opens, documents)
            if len(fullest) == 1:
                target = fullest[0]
        resolved[(kind, key)] = target
    for (kind, key), target in list(resolved.items()):
        unglued = _unglued(kind, key, keys)
        if target == key and unglued:
            resolved[(kind, key)] = resolved[(kind, unglued)]
    return resolved


# Capital-share buckets of words news writes in lower case inside sentences ("buka", "suara").
_LOWER_CASE_SHARES = frozenset({"c0", "c1"})


def _lower_case_word(word: str) -> bool:
    """Return True for an everyday word or one news nearly always writes in lower case."""
    return is_common_word(word, "id") or capital_shares("id").get(word) in _LOWER_CASE_SHARES


# An everyday word glued to a name by a lost space is at least this long ("buka" of "sadewabuka").
_MIN_GLUED_CHARS = 3


def _unglued(kind: str, key: str, keys: set[tuple[str, str]]) -> str | None:
    """Return the key ``key`` is with an everyday word glued to its last word, when that key is in
    ``keys`` (``purbaya yudhi sadewabuka`` of "Sadewabuka suara": ``purbaya yudhi sadewa``), else None."""
    words = _words(key)
    if kind not in _SURNAME_TYPES or len(words) < 2:
        return None
    prefix, last = key.partition(":")[2].rsplit(" ", 1)
    for cut in range(_MIN_SURNAME_CHARS, len(last) - _MIN_GLUED_CHARS + 1):
        candidate = f"{kind}:{prefix} {last[:cut]}"
        if (kind, candidate) in keys and _lower_case_word(last[cut:]):
            return candidate
    return None


def _defined_acronyms(key_stats: pl.DataFrame) -> dict[str, str]:
    """Return ``ORG`` one-word keys mapped to the one ORG key of two or more words that the corpus
    writes them for (``ORG:ukm``: a document wrote ``Universiti Kebangsaan Malaysia (UKM)``, whose
    acronym ``docresolve`` keyed as the name); an acronym two names were defined by maps nowhere."""
    if "texts" not in key_stats.columns:
        return {}
    longs: dict[str, set[str]] = {}
    for row in key_stats.filter(pl.col("entity_type") == "ORG").select("entity_key", "texts").to_dicts():
        words = _words(row["entity_key"])
        if len(words) < 2:
            continue
        for text in row["texts"] or ():
            if " " not in text and sum(ch.isupper() for ch in text) >= 2 and spells(text, list(words)):
                longs.setdefault(f"ORG:{text.lower()}", set()).add(row["entity_key"])
    return {short: next(iter(keys)) for short, keys in longs.items() if len(keys) == 1}


def resolved_entities(key_stats: pl.DataFrame) -> pl.DataFrame:
    """Return one row per input row: ``entity_type, entity_key, entity_id, canonical_name, country_code``.

    ``key_stats`` has one row per distinct ``(entity_type, entity_key)`` over the corpus, with
    ``canonical_name``, ``country_code`` (nullable), ``mention_count`` and, optionally,
    ``document_count`` (the articles that write the key) and ``language`` (most of those articles'):
    the one-article rule of ``_public_figures`` holds for keys of Indonesian and Malay articles, where
    a one-word name is most often a given name many people share, not for English ones; and ``texts``
    (the key's written forms: an acronym a document defined joins its long name corpus-wide). ``canonical_name``
    and ``country_code`` of the output are those of the resolved (fullest) key.
    """
    if key_stats.height == 0:
        return pl.DataFrame(schema=OUTPUT_SCHEMA)
    rows = key_stats.select("entity_type", "entity_key", "canonical_name", "country_code").to_dicts()
    # With duplicate keys, the lexically smallest name wins, so input order never matters.
    info: dict[tuple[str, str], tuple[str, str | None]] = {}
    for row in sorted(rows, key=lambda r: (r["entity_type"], r["entity_key"], r["canonical_name"] or "")):
        pair = (row["entity_type"], row["entity_key"])
        if pair not in info:
            info[pair] = (row["canonical_name"] or " ".join(_words(row["entity_key"])), row["country_code"])
    counts: dict[str, int] = {}
    if "mention_count" in key_stats.columns:
        for row in key_stats.select("entity_key", "mention_count").to_dicts():
            counts[row["entity_key"]] = counts.get(row["entity_key"], 0) + (row["mention_count"] or 0)
    documents: dict[str, int] | None = None
    if "document_count" in key_stats.columns:
        documents = {}
        has_language = "language" in key_stats.columns
        for row in key_stats.select("entity_key", "document_count", *(["language"] if has_language else [])).to_dicts():
            if has_language and row["language"] == "en":
                continue  # English names a person by surname once introduced (``Parry`` of ``Rick Parry``)
            documents[row["entity_key"]] = documents.get(row["entity_key"], 0) + (row["document_count"] or 0)
    targets = resolved_keys(set(info), counts, documents)
    for short, long in _defined_acronyms(key_stats).items():
        if targets.get(("ORG", short)) == short and ("ORG", long) in targets:
            targets[("ORG", short)] = targets[("ORG", long)]  # "UKM" elsewhere is the university too
    out = {name: [] for name in OUTPUT_SCHEMA}
    for row in rows:
        pair = (row["entity_type"], row["entity_key"])
        target = targets[pair]
        name, code = info[(pair[0], target)]
        out["entity_type"].append(pair[0])
        out["entity_key"].append(pair[1])
        out["entity_id"].append(entity_id(target))
        out["canonical_name"].append(name)
        out["country_code"].append(code if code is not None else info[pair][1])
    return pl.DataFrame(out, schema=OUTPUT_SCHEMA)
