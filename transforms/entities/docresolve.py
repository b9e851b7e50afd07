"""Within one document: types agreed, short names resolved to the fullest form, keys and roles.

``Pashinyan`` resolves to the ``Nikol Pashinyan`` mentioned in the same article; a short name
that two different full names share is left alone rather than guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz

from newsetl.transforms.entities.acronyms import defined_acronyms
from newsetl.transforms.entities.lexicon import GIVEN_NAME_PREFIXES, folded, folded_name, nicknames
from newsetl.transforms.entities.roles import person_role
from newsetl.transforms.entities.spans import Candidate
from newsetl.transforms.entities.tokens import Token
from newsetl.transforms.records import EntityMention

# Languages whose people go by any one of their names, not only the first or last (Indonesian, Malay).
_CALL_NAME_LANGUAGES = frozenset({"id", "ms"})
_TYPE_PREFERENCE = {"PERSON": 0, "ORG": 1, "LOC": 2}
# A lone surname this similar to a full name's surname is a spelling variant of it (Pashinian).
_SURNAME_SIMILARITY = 88


def _contains(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Return True when ``short`` opens or closes ``long`` and is shorter."""
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def _opens(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Return True when ``short`` opens ``long`` and is shorter."""
    return len(short) < len(long) and long[: len(short)] == short


def _another_person(key: tuple[str, ...], long: tuple[str, ...], first_seen: dict[tuple[str, ...], int]) -> bool:
    """Return True when ``long`` is a Malay name built on ``key`` as the father's name: ``key`` of two
    or more words closes it after a given name (``Nina`` + ``Ismail Sabri``) and the document writes
    ``key`` first (a short form follows the full name it stands for)."""
    n = len(key)
    return (
        n >= 2 and long[-n:] == key and any(w not in GIVEN_NAME_PREFIXES for w in long[:-n])
        and first_seen.get(key, 0) < first_seen.get(long, 0)
    )


def _resolved_keys(
    keys: set[tuple[str, ...]], fuzzy: bool, fixed: frozenset[tuple[str, ...]] = frozenset(),
    first_seen: dict[tuple[str, ...], int] | None = None, inner: bool = False,
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return each key mapped to the unique fullest key that contains it, or to itself.

    People's short forms open or close their full names (``Pashinyan``). An organisation's short
    form must open its fuller name (``Bank Mega`` of ``Bank Mega Syariah``): the name that ends
    with one is a unit of it (``SIL UI`` is a school of ``UI``), and ``fixed`` keys (acronyms)
    stay their own organisation (``KPU`` is not ``KPU Kabupaten Bone``). With ``first_seen``
    (Malay: where each key is first written), a key is not taken into a longer name that names
    another person after it (``_another_person``). With ``inner`` (Indonesian and Malay, where a
    person goes by any of their names), a key also joins the full name it runs inside
    (``Yasir`` of ``Andi Muhammad Yasir Arafat``) or, one word, clips a word of (``Melki`` of
    ``Emanuel Melkiades Laka Lena``), when no other full name holds it.
    """
    def contains(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        if not fuzzy:
            return _opens(short, long)
        return _contains(short, long) and not (first_seen is not None and _another_person(short, long, first_seen))

    def called_by(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        return inner and fuzzy and _inside(short, long) and not (
            first_seen is not None and any(_another_person(k, long, first_seen) for k in keys)
        )

    maximal = [k for k in keys if not any(contains(k, other) or called_by(k, other) for other in keys)]
    resolved = {}
    for key in keys:
        targets = [] if key in fixed else [m for m in maximal if contains(key, m) or called_by(key, m)]
        if not targets and fuzzy and len(key) == 1:
            targets = [m for m in maximal if len(m) > 1 and fuzz.ratio(key[0], m[-1]) >= _SURNAME_SIMILARITY]
        resolved[key] = targets[0] if len(targets) == 1 else _spelled_out(targets) or key
    return resolved


# A clipped call name (``Melki`` of ``Melkiades``, ``Febri`` of ``Febrian``) is at least this long.
_MIN_CLIPPED_CHARS = 4


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Return True when ``short`` runs inside ``long``, neither opening nor closing it, or is one word
    clipping one of its words (opens it, shorter): Indonesian call names (``Ghufron`` of ``Ali Ghufron
    Mukti``, ``Ni'am`` of ``Asrorun Ni'am Sholeh``, ``Adit`` of ``Adityawarman``)."""
    n = len(short)
    if any(long[i : i + n] == short for i in range(1, len(long) - n)):
        return True
    word = short[0]
    return n == 1 and len(word) >= _MIN_CLIPPED_CHARS and any(len(w) > len(word) and w.startswith(word) for w in long)


def _spelled_out(targets: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """Return the one target whose given name is written out, when the others open with an
    initial (``Max Jones`` beside ``S Jones`` in a results list), else None."""
    full = [t for t in targets if len(t[0]) > 1]
    return full[0] if len(full) == 1 else None


# All-capital words up to this long are acronyms when written in capitals (KPK, DPR RI, UMNO);
# longer ones are shouting (a headline's "JOKO WIDODO"). People's acronyms are shorter (JK, SBY).
_ACRONYM_CHARS = {"PERSON": 3}
_DEFAULT_ACRONYM_CHARS = 5
# One capitalised word naming an organisation is its acronym up to this long (UNFCCC, ASCOPE, ASSLESI).
_ORG_ACRONYM_CHARS = 7


def _display(surfaces: list[str], entity_type: str = "ORG") -> str:
    """Return the first surface not written in capitals, else the first one with its shouting
    words title-cased and its acronyms kept as written."""
    for surface in surfaces:
        if not surface.isupper():
            return surface
    words = surfaces[0].split()
    # One short capitalised word is an acronym whatever the tagger called it (IAAF, PUPR).
    if len(words) == 1:
        limit = _ORG_ACRONYM_CHARS if entity_type == "ORG" else _DEFAULT_ACRONYM_CHARS
    else:
        limit = _ACRONYM_CHARS.get(entity_type, _DEFAULT_ACRONYM_CHARS)
    return " ".join(w if len(w) <= limit else w.title() for w in words)


_TAGGED_SOURCES = frozenset({"tagger", "title", "propagated"})


def _agreed_types(cands: list[Candidate], surfaces: list[str]) -> None:
    """Give every tagger-found name the type it gets most often in the document.

    A name that is part of a person's name found elsewhere in the document is that person
    (the CRF may call a lone ``Pashinyan`` an ORG once).
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for cand, surface in zip(cands, surfaces):
        if cand.source in _TAGGED_SOURCES:
            votes[folded(surface)][cand.entity_type] += 1
    person_parts = set()
    for name, counter in votes.items():
        if counter.get("PERSON"):
            words = name.split()
            person_parts |= {tuple(words[:n]) for n in range(1, len(words) + 1)}
            person_parts |= {tuple(words[-n:]) for n in range(1, len(words) + 1)}
    for cand, surface in zip(cands, surfaces):
        if cand.source in _TAGGED_SOURCES:
            name = folded(surface)
            best = min(votes[name].items(), key=lambda kv: (-kv[1], _TYPE_PREFERENCE[kv[0]]))[0]
            cand.entity_type = "PERSON" if tuple(name.split()) in person_parts else best


def _initials_linked(cands: list[Candidate], keys: list) -> list:
    """Return the keys with a person's initials defined in the text (``Ridwan Kamil (RK)``) keyed as
    the person, wherever the document writes them."""
    aliases = {
        key: tuple(folded_name(c.canonical_name).split())
        for c, key in zip(cands, keys) if c.entity_type == "PERSON" and c.kind == "initials" and key and c.canonical_name
    }
    if not aliases:
        return keys
    return [aliases.get(key, key) if c.entity_type == "PERSON" and key else key for c, key in zip(cands, keys)]


def _acronyms_linked(toks: list[Token], cands: list[Candidate], keys: list) -> tuple[list, frozenset[int]]:
    """Return the keys with an acronym the document defines after an organisation's name
    (``Universiti Kebangsaan Malaysia (UKM)``) keyed as that organisation wherever the document
    writes it, and the indices of those acronym mentions (which never give the name its display)."""
    linked: dict[tuple[str, ...], set] = defaultdict(set)
    for i, j in defined_acronyms(toks, cands).items():
        if keys[i] and keys[j]:
            linked[keys[i]].add(keys[j])
    aliases = {key: next(iter(longs)) for key, longs in linked.items() if len(longs) == 1}
    if not aliases:
        return keys, frozenset()
    moved = frozenset(n for n, (c, key) in enumerate(zip(cands, keys)) if c.entity_type == "ORG" and key in aliases)
    return [aliases[key] if n in moved else key for n, key in enumerate(keys)], moved


def _own_key(cand: Candidate, surface: str) -> tuple[str, ...] | None:
    """Return the folded words a PERSON or non-gazetteer ORG is resolved by, else None."""
    if cand.entity_type == "PERSON":
        # A prophet is keyed with his title (``malay_cues``): no living namesake's full name takes him.
        name = folded_name(cand.canonical_name if cand.kind == "prophet" else surface)
        return tuple(nicknames().get(name, name).split())
    if cand.entity_type == "ORG" and cand.entity_key is None and cand.source != "domain":  # kppu.go.id is no KPPU
        return tuple(folded(cand.canonical_name or surface).split())
    return None


# Titles of women and of men before a surname (``Mrs Howard``, ``Mr Howard``): two people.
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame", "baroness", "madam"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "baron"})


def _gendered_keys(toks: list[Token], cands: list[Candidate], keys: list) -> list:
    """Return the keys with a surname a woman's title introduces given its own key when the
    document also gives that surname a man's title (``Mrs Howard`` beside ``Mr Howard``): she
    is not the man the surname resolves to, in the document or across the corpus."""
    genders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    titled = []
    for n, (cand, key) in enumerate(zip(cands, keys)):
        if cand.entity_type == "PERSON" and key and len(key) == 1 and cand.first > 0:
            title = folded(toks[cand.first - 1].text)
            gender = "f" if title in _FEMALE_TITLES else "m" if title in _MALE_TITLES else None
            if gender:
                genders[key].add(gender)
                titled.append((n, gender, title))
    out = list(keys)
    for n, gender, title in titled:
        if gender == "f" and len(genders[keys[n]]) == 2:
            out[n] = (f"{title}-{keys[n][0]}",)
            cand = cands[n]
            cand.canonical_name = f"{toks[cand.first - 1].text} {toks[cand.first].text}"  # "Mrs Howard"
    return out


def _neighbours(cands: list[Candidate]) -> dict[int, tuple[int, int]]:
    """Return non-person spans by start index and by ``-end`` index, for role qualifiers."""
    neighbours = {}
    for cand in cands:
        if cand.entity_type != "PERSON":
            neighbours[-cand.last] = (cand.first, cand.last)
            neighbours[cand.first] = (cand.first, cand.last)
    return neighbours


# The country a language's press leaves unsaid after its own ministries.
_HOME_COUNTRIES = {"id": "indonesia", "ms": "malaysia"}


def _home_ministries(cands: list[Candidate], keys: list, language: str) -> frozenset:
    """Return the keys of bare ministries (``Kementerian Luar``): the home country's, so they join no
    foreign one written with its country (``Kementerian Luar Mesir``), only the home one's full name."""
    ministries = {k for c, k in zip(cands, keys) if k and c.source == "ministry"}
    home = _HOME_COUNTRIES.get(language)
    return frozenset(k for k in ministries if (*k, home) not in ministries)


def document_mentions(text: str, toks: list[Token], cands: list[Candidate], language: str) -> list[EntityMention]:
    """Return the document's mentions with keys, canonical names, country codes and roles, one per span.

    Two candidates over the same tokens (a title chain found by two passes) give one mention, the first:
    ``(document_id, start_offset, end_offset)`` is the key of marts.entity_mentions.
    """
    firsts: dict[tuple[int, int], Candidate] = {}
    for cand in cands:
        firsts.setdefault((cand.first, cand.last), cand)
    cands = list(firsts.values())
    surfaces = [text[toks[c.first].start : toks[c.last - 1].end] for c in cands]
    _agreed_types(cands, surfaces)
    own_keys = _initials_linked(cands, _gendered_keys(toks, cands, [_own_key(c, s) for c, s in zip(cands, surfaces)]))
    own_keys, acronyms = _acronyms_linked(toks, cands, own_keys)
    fixed = frozenset(
        k for c, k, s in zip(cands, own_keys, surfaces)
        if k and c.entity_type == "ORG" and len(k) == 1 and s.isupper()
    ) | _home_ministries(cands, own_keys, language)
    first_seen: dict[tuple[str, ...], int] | None = None
    if language == "ms":
        first_seen = {}
        for c, k in zip(cands, own_keys):
            if k and c.entity_type == "PERSON":
                first_seen.setdefault(k, c.first)
    resolved = {
        kind: _resolved_keys(
            {k for c, k in zip(cands, own_keys) if k and c.entity_type == kind}, kind == "PERSON", fixed,
            first_seen if kind == "PERSON" else None, inner=kind == "PERSON" and language in _CALL_NAME_LANGUAGES,
        )
        for kind in ("PERSON", "ORG")
    }
    # Display names: how the document writes each fullest form.
    displays: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for n, (cand, surface, key) in enumerate(zip(cands, surfaces, own_keys)):
        if key and resolved[cand.entity_type][key] == key and n not in acronyms:
            nickname = cand.entity_type == "PERSON" and folded_name(surface) in nicknames()
            # A nickname ("Jokowi") is never the display of the full name it stands for.
            displays[(cand.entity_type, key)].append(" ".join(key).title() if nickname else cand.canonical_name or surface)
    neighbours = _neighbours(cands)
    mentions = []
    for cand, surface, key in zip(cands, surfaces, own_keys):
        role = None
        if not key:
            name = cand.canonical_name or surface
            entity_key = cand.entity_key or f"{cand.entity_type}:{folded(name)}"
        else:
            target = resolved[cand.entity_type][key]
            entity_key = f"{cand.entity_type}:{' '.join(target)}"
            name = _display(displays.get((cand.entity_type, target)) or [cand.canonical_name or surface], cand.entity_type)
            if cand.entity_type == "PERSON":
                role = person_role(text, toks, cand.first, cand.last, neighbours, language)
        if entity_key.endswith(":"):
            continue  # nothing left after folding (a name of symbols only)
        name = name.replace("\xad ", "").replace("\xad", "")  # soft hyphens print nothing (keys fold them away too)
        mentions.append(
            EntityMention(
                start=toks[cand.first].start,
                end=toks[cand.last - 1].end,
                text=surface,
                entity_type=cand.entity_type,
                entity_key=entity_key,
                canonical_name=name,
                country_code=cand.country_code,
                role=role,
            )
        )
    return mentions
