"""Last checks on rule and tagger names: events, products, common words and fused names (issue 16).

Each check is a set or dict look-up per candidate (no pattern is built per span); they run
after the tagger and the gazetteer, so they change no CRF feature.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsetl.transforms.entities.branches import REGION_HEADS, region_word, regional_branches
from newsetl.transforms.entities.gazetteer import known_name_type
from newsetl.transforms.entities.lexicon import (
    NAME_PARTICLES, calendar_words, city_populations, district_names, folded, head_words, is_common_word, nicknames,
    titles, word_classes,
)
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, is_acronym, is_name_word, one_word_persons_as_orgs
from newsetl.transforms.entities.tokens import Token, TokenTexts

# Words naming a sports event, festival, fair or award rather than a person, organisation or
# place (``Sukan Komanwel``, ``Piala Dunia``, ``Ariani Hijab Run``, ``Athens Olympics``).
# A name opening or closing with one is an event: no PERSON/ORG/LOC mention at all.
# Source: KBBI, Kamus Dewan (sukan, kejohanan, piala, pesta), English sports and events usage.
_EVENT_WORDS = frozenset({
    "sukan", "piala", "liga", "kejohanan", "olimpiade", "olimpik", "paralimpik", "festival", "pesta",
    "karnival", "ekspo", "expo", "maraton", "marathon", "konser", "konsert", "turnamen", "anugerah",
    "pameran", "cup", "games", "olympics", "olympic", "paralympics", "championship", "championships",
    "prix", "run", "trophy", "awards", "tournament", "fest", "grammys", "oscars", "indoor", "indoors",
    # Malay elections, meetings and laws (``Pilihan Raya Negeri``, ``Mesyuarat Kedua``, ``Ordinan
    # Darurat``, ``Akta SPRM``) and English weeks (``KL Fashion Week``). Source: Kamus Dewan.
    "pilihan", "mesyuarat", "persidangan", "seminar", "bengkel", "ordinan", "akta", "enakmen", "week",
})


def event_words() -> frozenset[str]:
    """Return the folded words naming a sports event, festival, fair or award (``marathon``, ``olympics``)."""
    return _EVENT_WORDS


# Name particles, never a name on their own; also Malay royal "ibni" (son of).
_PARTICLES = NAME_PARTICLES | {"ibni"}
# A capital inside a word after a lower-case letter marks a brand or an institution's acronym
# (``PlayStation``, ``UiTM``, ``YouTube``), not a person, unless it follows a surname prefix
# (``McIlroy``, ``MacDonald``, ``DeLillo``, ``LeBron``, ``DiCaprio``, ``O'Neill``).
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Al", "El", "St", "Fitz")
# Lower-case tokens a document writes as hashtags or handles are no evidence of a common word.
_ALPHA_LOWER = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 16)
def _brand_word(word: str) -> bool:
    """Return True for a word with a capital inside that no surname prefix explains."""
    inner = _INNER_CAPITAL.search(word)
    if inner is None:
        return False
    return not any(word.startswith(p) and inner.start() == len(p) - 1 for p in _SURNAME_PREFIXES)


def _words(toks: list[Token], c: Candidate) -> list[str]:
    return [t.text for t in toks[c.first : c.last]]


def _is_event(words: list[str]) -> bool:
    return folded(words[0]) in _EVENT_WORDS or folded(words[-1]) in _EVENT_WORDS


def _lower_words(toks: list[Token]) -> frozenset[str]:
    """Return the words the document writes in lower case (its common words)."""
    return frozenset(w for w in {t.text for t in toks} if w.islower() and _ALPHA_LOWER.fullmatch(w))


# Legal forms opening company names (``PT Dosni Roha``, ``CV Maju``): the words after them are
# the company's name, never a person's.
_LEGAL_FORMS = frozenset({"PT", "CV", "UD", "PD", "PO", "KSP", "TBK"})


def _org_person_split(toks: list[Token], c: Candidate, language: str, seen) -> list[Candidate]:
    """Return an ORG that runs on into a person's name (``Komisi VIII DPR RI Atalia Praratya``,
    ``DKPP Dewi Pitalolo``, ``Dinas PUPR Banten Arlan Marzan``) as the ORG and the PERSON; other
    candidates unchanged.

    The cut is after the last acronym (and a region name right after it) with two to four name
    words after it, none an acronym or a known place, one of which the document also writes
    elsewhere on its own (``kata Dewi``): the evidence that they name a person.
    """
    if c.entity_type != "ORG" or c.source not in RULE_SOURCES or c.last - c.first < 3:
        return [c]
    if (
        language == "id" and c.source == "headed" and toks[c.first].text.lower() in _TITLE_HEADS
        and c.first > 0 and _qualifier_before(toks, c.first, language)
    ):
        # "Ketua Majelis Ratna Dewi Pettalolo": the head closes a title; the name after it is a person.
        tail = toks[c.first + 1 : c.last]
        if _person_tail(tail, language, seen) and all(word_classes("id").get(t.text.lower()) != "O" for t in tail):
            return [Candidate(c.first + 1, c.last, "PERSON", "tagger")]
    for k in range(c.last - 3, c.first - 1, -1):
        if not (is_acronym(toks[k].text) or (k > c.first and toks[k].text in _UNIT_NUMBERS)):
            continue  # "... KPK Wilayah V Dian Patria": an acronym or a unit's number ends the body
        if k == c.first and toks[k].text.upper() in _LEGAL_FORMS:
            return [c]
        cut = k + 1
        if cut < c.last - 2 and _is_place(toks[cut].text):
            cut += 1
        if not _person_tail(toks[cut : c.last], language, seen):
            return [c]
        return [Candidate(c.first, cut, "ORG", c.source), Candidate(cut, c.last, "PERSON", "tagger")]
    return [c]


# Roman numerals and numbers that close a unit's name (``Komisi II``, ``Wilayah V``, ``Kodam IX``).
_UNIT_NUMBERS = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                           "XV", "XVI", "XVII", "XVIII", "XIX", "XX"} | {str(k) for k in range(1, 100)})
# Institution heads that close a title (``Ketua Majelis``, ``Sekretaris Kabinet``) rather than
# open a regional office (``Kepala Kejati Jatim``).
_TITLE_HEADS = frozenset({"majelis", "kabinet", "lembaga", "yayasan"})


def _person_tail(tail: list[Token], language: str, seen) -> bool:
    """Return True for two to four name words, no acronym or place, one written elsewhere too."""
    return (
        2 <= len(tail) <= 4
        and all(
            is_name_word(t, language) and not is_acronym(t.text) and t.text.isalpha() and not _is_place(t.text)
            for t in tail
        )
        and not _is_place(" ".join(t.text for t in tail))
        and any(seen(t.text) > 1 for t in tail)
    )


@lru_cache(maxsize=1 << 16)
def _is_place(word: str) -> bool:
    """Return True for a word that names a known place (gazetteer, GeoNames city, Indonesian region)."""
    key = folded(word)
    return known_name_type(word) == "LOC" or key in district_names() or key in city_populations()


# Degrees written after a person's name (``Supangat PhD``); they are no part of it.
_DEGREES = frozenset({"PhD", "MSc", "BSc", "MBA", "MPhil", "DPhil", "SKom", "MKom", "SPd", "MPd", "SSi", "MSi"})
# A word gluing a lower-case run this long to a capital is two words run together by the page
# (``DilansirdetikFinance``, ``kepadadetikSulsel``), not a brand (``PlayStation``, ``WhatsApp``).
_GLUED = re.compile(r"[a-z]{8}[A-Z]")


def precise_candidates(toks: list[Token], cands: list[Candidate], language: str,
                       texts: TokenTexts | None = None) -> list[Candidate]:
    """Return the candidates less events and common words, with brands and fused names retyped
    (``texts`` the index of ``toks``, when built already).

    - a rule or tagger name opening or closing with an event word is dropped (``Sukan Komanwel``);
    - a PERSON with a brand-cased word is an ORG (``UiTM``, ``PlayStation Portable``);
    - in English, one all-capital PERSON word is an ORG from three letters (``FBI``, ``BAA``) and
      nothing at two (``MP``, ``HQ``);
    - a PERSON, or a one-word tagger LOC, every word of which the document also writes in lower
      case is a common word (``Fasa 1A`` ... ``empat fasa``), unless it is a known nickname;
    - an ORG running on into a person's name after its acronym is split (``_org_person_split``).
    """
    lower = None
    counts: dict[str, int] | None = None

    def seen(word: str) -> int:
        nonlocal counts
        if counts is None:
            counts = {}
            for t in toks:
                counts[t.text] = counts.get(t.text, 0) + 1
        return counts.get(word, 0)

    multi_person_words: set[str] | None = None

    def person_words() -> set[str]:
        nonlocal multi_person_words
        if multi_person_words is None:
            multi_person_words = {
                t.text for c in cands if c.entity_type == "PERSON" and c.last - c.first > 1 for t in toks[c.first : c.last]
            }
        return multi_person_words

    # Words the document names as a one-word place or organisation ("di Jatim"): no part of a person.
    places = {toks[c.first].text for c in cands if c.last - c.first == 1 and c.entity_type != "PERSON"}

    def person_evidence(word: str) -> int:
        return 0 if word in places else seen(word)

    out: list[Candidate] = []
    cands = regional_branches(toks, _regions_widened(toks, cands, language), language, texts)
    org_ends = {c.last for c in cands if c.entity_type == "ORG"}  # "NasDem" + "Sumut Iskandar"
    for c in _streets(toks, _extended_names(toks, cands, language)):
        if c.source not in RULE_SOURCES:
            out.append(c)
            continue
        if c.entity_type != "PERSON":
            c = _hyphen_closed(toks, c)
        words = _words(toks, c)
        if _is_event(words) or any(_GLUED.search(w) for w in words) or len("".join(words)) == 1:
            continue
        if c.entity_type != "PERSON" and len(words) == 1 and len(words[0]) == 2 and not words[0].isupper():
            continue  # "Co" of "Co-President": two letters in title case name no place or body
        if c.entity_type == "PERSON" and _sentence_start(toks, c.first) and _derived_common(words[0]):
            if len(words) == 1:
                continue  # '"Tervalidasi juga demikian': an affixed common word opening a sentence
        if c.first > 0 and toks[c.first - 1].text[:1].isupper() and folded(toks[c.first - 1].text) in _EVENT_WORDS:
            continue  # "Festival Bon Odori": the name after an event word names the event
        if len(words) == 1 and not words[0].isupper() and folded(words[0]) in _PARTICLES:
            continue  # "Al" of "Al-Sultan Abdullah": a particle cut from a name names nothing
        while (
            len(words) > 1 and words[0].islower() and words[0].replace("-", "").isalpha() and c.entity_type != "PERSON"
            and c.kind != "country body"  # "pemerintah Tiongkok" is the government whatever its case
        ):
            words.pop(0)  # "kawasan Taman Impian Jaya Ancol", "kelima-lima projek": a lower-case word opens no name
            c = Candidate(c.first + 1, c.last, c.entity_type, c.source)
        if c.entity_type != "PERSON" and len(words) == 1 and (words[0].islower() or words[0].lower() in calendar_words()):
            continue  # "koperasi merah putih", "bulan Oktober": nothing named is left
        if c.entity_type == "PERSON":
            while len(words) > 1 and words[-1] in _DEGREES:
                words.pop()
                c = Candidate(c.first, c.last - 1, c.entity_type, c.source)
            if words[0] in _HONORIFICS:
                words.pop(0)  # "Sdr. Faisal": the honorific is no part of the name
                c = Candidate(c.first + 1, c.last, c.entity_type, c.source)
                while words and not words[0][:1].isalnum():
                    words.pop(0)
                    c = Candidate(c.first + 1, c.last, c.entity_type, c.source)
                if not words:
                    continue
            if (
                language == "id" and len(words) >= 2 and region_word(words[0]) and not region_word(words[1])
                and c.first > 0 and (_region_qualifier(toks[c.first - 1].text) or c.first in org_ends)
            ):
                words.pop(0)  # "DPRD Bone Andi Tenri Walinonong": the region qualifies the office
                c = Candidate(c.first + 1, c.last, c.entity_type, c.source)
                if len(words) == 1 and len(words[0]) == 1:
                    continue
            if language == "id" and len(words) == 1 and folded(words[0]) in district_names() and words[0] not in person_words():
                c = Candidate(c.first, c.last, "LOC", c.source)  # "Bupati Badung", "(Pemkab) Badung"
            elif language == "en" and len(words) <= 3 and c.first > 0 and toks[c.first - 1].text.lower() in _ORG_NOUNS:
                c = Candidate(c.first, c.last, "ORG", c.source)  # "software firm Sendmail", "the movement Opus Dei"
            if any(_brand_word(w) for w in words):
                c = Candidate(c.first, c.last, "ORG", c.source)
            elif language == "ms" and len(words) == 1 and is_acronym(words[0]):
                continue  # Utusan's capitals are datelines and bylines ("TUMPAT", "ISWAN SHAFIQ ISA"), not people
            elif language == "en" and len(words) == 1 and is_acronym(words[0]):
                if len(words[0]) == 2:
                    continue
                c = Candidate(c.first, c.last, "ORG", c.source)
        if c.entity_type == "ORG" and c.source == "tagger" and _place_head(words[0]) and not any(
            head_words("id").get(w.lower()) == "ORG" for w in words
        ):
            c = Candidate(c.first, c.last, "LOC", c.source)  # "Bukit Merah", "Taman Perling" are places
        if c.entity_type == "PERSON" or (c.entity_type == "LOC" and len(words) == 1 and c.source == "tagger"):
            if lower is None:
                lower = _lower_words(toks)
            if all(w.lower() in lower for w in words) and folded(" ".join(words)) not in nicknames():
                continue
        out.extend(_org_person_split(toks, c, language, person_evidence))
    if language == "en":
        out = _english_companies(toks, out, seen)
    else:
        out = _people_by_brackets(toks, _initials_lists(toks, _units_of_bodies(toks, out, language)))
    return _initials_joined(toks, out, language)


_MAX_AGE = 120


def _people_by_brackets(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with tagger ORGs that a bracket marks as a person retyped PERSON, with
    their other mentions: an age (``Armi Siregar (27)``) or the name's initials (``Alvin Pradipta
    Adiyota (APA)``) after two to four name words that no organisation head opens or closes."""
    n = len(toks)
    classes = word_classes("id")
    people: set[tuple[str, ...]] = set()
    for c in cands:
        if c.entity_type != "ORG" or c.source not in ("tagger", "propagated") or not 2 <= c.last - c.first <= 4:
            continue
        if c.last + 2 >= n or toks[c.last].text != "(" or toks[c.last + 2].text != ")":
            continue
        words = _words(toks, c)
        if not all(
            w.isalpha() and w[:1].isupper() and not w.isupper() and is_name_word(t, "id") and not is_common_word(w, "en")
            and classes.get(w.lower()) not in ("O", "ORG", "LOC")
            for w, t in zip(words, toks[c.first : c.last])
        ) or _is_place(words[-1]):
            continue  # "Jaringan Pemantau Pendidikan Indonesia (JPPI)", "... Facilitation Office (IPFO)" name bodies
        inside = toks[c.last + 1].text
        age = inside.isdigit() and 0 < int(inside) <= _MAX_AGE
        if (age or inside == "".join(w[0] for w in words)) and known_name_type(" ".join(words)) is None:
            people.add(tuple(words))
            if not age:
                people.add((inside,))  # the initials name the same person
    if not people:
        return cands
    return [
        Candidate(c.first, c.last, "PERSON", c.source)
        if c.entity_type == "ORG" and c.source in ("tagger", "propagated") and tuple(_words(toks, c)) in people else c
        for c in cands
    ]


_LIST_SEPARATORS = frozenset({",", "dan", "serta"})


def _initials_lists(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with capital runs in a list of people's initials typed PERSON
    (``MAM, NN, VS, HJE, S, APN, Z, I, dan MA``: a lone capital letter or a person among the
    items marks the list as people, not organisations)."""
    by_first = {c.first: c for c in cands}
    n = len(toks)
    retyped: set[int] = set()
    k = 0
    while k < n:
        if not (toks[k].text.isupper() and toks[k].text.isalpha()):
            k += 1
            continue
        items = [k]
        j = k + 1
        while j + 1 < n and toks[j].text in _LIST_SEPARATORS:
            if toks[j].text == "," and toks[j + 1].text in ("dan", "serta"):
                j += 1
            if j + 1 < n and toks[j + 1].text.isupper() and toks[j + 1].text.isalpha():
                items.append(j + 1)
                j += 2
            else:
                break
        if len(items) >= 3:
            people = any(
                len(toks[i].text) == 1 or (i in by_first and by_first[i].entity_type == "PERSON" and by_first[i].last == i + 1)
                for i in items
            )
            if people:
                retyped |= {i for i in items if i in by_first and by_first[i].last == i + 1}
        k = j if j > k + 1 else k + 1
    if not retyped:
        return cands
    return [
        Candidate(c.first, c.last, "PERSON", c.source)
        if c.first in retyped and c.entity_type == "ORG" and c.source in ("tagger", "propagated", "gazetteer") else c
        for c in cands
    ]


def _extended_names(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a place or organisation run on over what completes its name.

    - a hyphen written tight before a capitalised word (``Bandara Soekarno`` + ``-Hatta``);
    - in Indonesian text, capitalised English everyday words right after a gazetteer place: the
      place names an English-named venue, brand or body (``Bandung Zoo``, ``Bandung Valley``), an ORG.
    """
    if language == "en":
        return cands
    starts = {c.first: c for c in cands}
    n = len(toks)
    out: list[Candidate] = []
    absorbed: set[int] = set()

    def absorbable(k: int) -> bool:  # no candidate there, or the tagger's one word ("Hatta")
        o = starts.get(k)
        return o is None or (o.last == k + 1 and o.source in ("tagger", "propagated"))

    for c in cands:
        if id(c) in absorbed:
            continue
        end = c.last
        if c.entity_type != "PERSON" and c.source != "domain":
            while (
                end + 1 < n and toks[end].text == "-" and toks[end].start == toks[end - 1].end
                and toks[end + 1].start == toks[end].end and toks[end + 1].text[:1].isupper()
                and toks[end + 1].text.isalpha() and absorbable(end + 1)
            ):
                if end + 1 in starts:
                    absorbed.add(id(starts[end + 1]))
                end += 2
            if (
                c.entity_type == "ORG" and toks[c.first].text.upper() in _LEGAL_FORMS and end + 1 < n
                and toks[end].start - toks[end - 1].end == 1 and toks[end].text[:1].isupper() and toks[end].text.isalpha()
                and not toks[end].text.isupper() and absorbable(end) and not toks[end + 1].text[:1].isupper()
            ):
                if end in starts:
                    absorbed.add(id(starts[end]))
                end += 1  # "PT Melanton" + "Pratama": a company's name runs to its last capitalised word
            kind = c.entity_type
            if c.entity_type == "LOC" and c.source == "gazetteer":
                tail = end
                while (
                    tail < n and tail not in starts and toks[tail].start - toks[tail - 1].end == 1
                    and toks[tail].text[:1].isupper() and toks[tail].text[1:].islower() and toks[tail].text.isalpha()
                    and is_common_word(toks[tail].text, "en") and not is_common_word(toks[tail].text, "id")
                    and word_classes("id").get(toks[tail].text.lower()) is None
                ):
                    tail += 1
                if tail > end:
                    end, kind = tail, "ORG"
            if end != c.last:
                c = Candidate(c.first, end, kind, "headed" if kind != c.entity_type else c.source)
        out.append(c)
    return [c for c in out if id(c) not in absorbed]


def _units_of_bodies(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a one-word PERSON between a title and an organisation retyped ORG:
    a unit of that body (``Ketua Banggar DPR``, ``Kasubdit Siber Polda``); a person's name follows
    the body (``Ketua DPR Puan``), it does not sit between title and body."""
    out = list(cands)
    people = {t.text for c in cands if c.entity_type == "PERSON" and c.last - c.first > 1 for t in toks[c.first : c.last]}
    classes = word_classes("id")
    for i, c in enumerate(cands[:-1]):
        nxt = cands[i + 1]
        if (
            c.entity_type == "PERSON" and c.last - c.first == 1 and c.source in RULE_SOURCES and c.first > 0
            and nxt.entity_type == "ORG" and nxt.first == c.last and toks[nxt.first].start - toks[c.first].end == 1
            and toks[c.first].start - toks[c.first - 1].end == 1 and _qualifier_before(toks, c.first, language)
            and toks[c.first].text not in people and classes.get(toks[c.first].text.lower()) != "PER"
        ):
            out[i] = Candidate(c.first, c.last, "ORG", c.source)
    return out


# Indonesian prefixes and suffixes that derive words from a root (``ter-validasi``, ``per-seteru-an``).
# Source: KBBI morphology (imbuhan).
_ID_PREFIXES = ("ter", "ber", "per", "peng", "pen", "pem", "pe", "meng", "men", "mem", "me", "di", "ke", "se")
_ID_SUFFIXES = ("kan", "an", "i", "nya", "")
_MIN_ROOT_CHARS = 4
_OPENERS = frozenset({".", '"', "\u201c", "!", "?", ":", "(", "'"})


def _sentence_start(toks: list[Token], k: int) -> bool:
    """Return True when token ``k`` opens a sentence, a quote or a line."""
    return k == 0 or toks[k - 1].text in _OPENERS


@lru_cache(maxsize=1 << 14)
def _derived_common(word: str) -> bool:
    """Return True for a capitalised Indonesian word that is an everyday root with a prefix (and a
    suffix): ``Tervalidasi`` (validasi), ``Berkoordinasi`` (koordinasi); no given name is one."""
    low = word.lower()
    if not word.isalpha() or word.isupper() or word_classes("id").get(low) == "PER":
        return False
    for prefix in _ID_PREFIXES:
        if not low.startswith(prefix):
            continue
        for suffix in _ID_SUFFIXES:
            root = low[len(prefix) : len(low) - len(suffix)] if suffix else low[len(prefix) :]
            if (not suffix or low.endswith(suffix)) and len(root) >= _MIN_ROOT_CHARS and is_common_word(root, "id"):
                return True
    return False


def _hyphen_closed(toks: list[Token], c: Candidate) -> Candidate:
    """Return an ORG or LOC cut at a tight hyphen run on over it when what it left is a particle or
    the first half of a doubled word (``Masjid Al`` + ``-Aqsa``, ``Fakulti Syariah & Undang`` + ``-Undang``)."""
    k = c.last
    if k + 1 < len(toks) and toks[k].text == "-" and toks[k].start == toks[k - 1].end and toks[k + 1].start == toks[k].end:
        last, nxt = toks[k - 1].text, toks[k + 1].text
        if nxt[:1].isupper() and nxt.isalpha() and (folded(last) in _PARTICLES or nxt.lower() == last.lower()):
            return Candidate(c.first, k + 2, c.entity_type, c.source, None, None, c.country_code, c.kind)
    return c


def _english_companies(toks: list[Token], cands: list[Candidate], seen) -> list[Candidate]:
    """Return English candidates with two-word "people" that are a company's name retyped ORG, with
    the company's one-word mentions.

    ``Gazprom-Rosneft`` (two names joined by a hyphen, neither written after a given name: two
    companies, split in two) and ``Microsoft Outlook`` (the first word written alone elsewhere, the second never) name companies
    and products: a person's lone mentions are the surname, not the first word.
    """
    alone: dict[str, int] | None = None
    pairs: dict[tuple[str, str], int] = {}
    longer = {(toks[c.last - 3].text, toks[c.last - 1].text) for c in cands if c.entity_type == "PERSON" and c.last - c.first > 3}
    company_words: set[str] = set()

    def pairs_of(first: str, last: str) -> int:
        return sum(1 for a, b, d in zip(toks, toks[1:], toks[2:]) if a.text == first and b.text == "-" and d.text == last)

    out = []
    for c in cands:
        size = c.last - c.first
        if c.entity_type == "PERSON" and c.source in RULE_SOURCES and size in (2, 3):
            first, last = toks[c.first].text, toks[c.last - 1].text
            company = False
            if size == 3 and toks[c.first + 1].text == "-" and (first, last) not in longer:
                # "Gazprom-Rosneft", "Mercedes-Benz"; "Robert Kilroy-Silk" ... "Kilroy-Silk" stays a person
                # ... when the text also names both on their own (two companies merging).
                company = all(len(w) >= 3 or is_acronym(w) for w in (first, last)) and (
                    min(seen(first), seen(last)) > pairs_of(first, last)  # "Fiat-GM": GM is written alone too
                )
                if company:
                    company_words |= {first, last}
            elif size == 2 and len(first) > 1:
                if alone is None:
                    # Per word, how often it stands alone (no capitalised word after it), and word pairs.
                    alone = {}
                    for a, b in zip(toks, [*toks[1:], None]):
                        if b is None or not b.text[:1].isupper():
                            alone[a.text] = alone.get(a.text, 0) + 1
                        if b is not None:
                            pairs[(a.text, b.text)] = pairs.get((a.text, b.text), 0) + 1
                # ... and the second word a common word, an acronym or a place ("Outlook", "XP", "Britain"),
                # as people's first names are written alone too ("Saddam", "Kelly").
                company = alone.get(first, 0) >= 2 and seen(last) == pairs.get((first, last), 0) and (
                    is_common_word(last, "en") or is_acronym(last) or known_name_type(last) == "LOC"
                )
                if company:
                    company_words.add(first)
            if company and size == 3:
                # "the Gazprom-Rosneft merger" names two companies, each its own entity.
                out.extend((Candidate(c.first, c.first + 1, "ORG", c.source), Candidate(c.last - 1, c.last, "ORG", c.source)))
                continue
            if company:
                c = Candidate(c.first, c.last, "ORG", c.source)
        out.append(c)
    return one_word_persons_as_orgs(toks, out, company_words)


# Honorifics written before a name in Indonesian and Malay reports (``Sdr. Faisal``), and royal and
# religious styles the title list lacks (``Permaisuri Elizabeth``, ``Putera Philip``, ``Nabi Ibrahim``).
# Source: KBBI, Kamus Dewan.
_HONORIFICS = frozenset({
    "Sdr", "Sdri", "Saudara", "Saudari", "Permaisuri", "Putera", "Nabi", "Prince", "Princess",
})
# English nouns before a company's name (``software firm Sendmail``, ``Anti-virus firm Sophos``).
_ORG_NOUNS = frozenset({"firm", "company", "group", "maker", "giant", "carrier", "retailer", "insurer", "chain",
                        "movement", "band", "charity", "publisher", "label", "studio", "developer",
                        "newspaper", "website", "consultancy", "think-tank",
                        "supplier", "manufacturer", "operator", "broadcaster", "airline", "bank", "brand"})
# Offices held for a region, the region written between title and name (``Bupati Agam Benni
# Warlis``, ``Ketua DPRD Bone Andi Tenri``). Source: KBBI; Detik usage.
_REGION_TITLES = frozenset({"bupati", "wabup", "gubernur", "wagub", "walkot", "sekda", "kapolda", "kapolres", "kajati", "kajari", "pj"})


# Words opening a street's name (``Jalan Medan Merdeka Barat``, ``Jl. Sudirman``): a city or person
# named after them is the street. Source: KBBI, Kamus Dewan.
_STREET_HEADS = frozenset({"Jalan", "Jl", "Jln", "Lebuhraya", "Lorong"})
_MAX_STREET_TOKENS = 6


def _streets(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a name right after a street head word made the street, one LOC
    (``Jalan Medan Merdeka Barat`` is no mention of Medan)."""
    heads = [k for k, t in enumerate(toks) if t.text in _STREET_HEADS]
    if not heads:
        return cands
    starts = {c.first: c for c in cands}
    streets = []
    for k in heads:
        first = k + 2 if k + 2 < len(toks) and toks[k + 1].text == "." else k + 1
        c = starts.get(first) or starts.get(k)  # "Jalan KH" + "Ahmad Dahlan": the tagger took the head in
        if c is None or c.entity_type == "ORG" or c.source == "street":
            continue
        end = c.last
        while end < len(toks) and end - k < _MAX_STREET_TOKENS and toks[end].text[:1].isupper() and (
            toks[end].start - toks[end - 1].end == 1
        ):
            end += 1
        streets.append(Candidate(k, end, "LOC", "street"))
    if not streets:
        return cands
    kept = [c for c in cands if not any(st.first < c.last and c.first < st.last for st in streets)]
    return sorted(kept + streets, key=lambda c: c.first)


def _regions_widened(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a gazetteer place widened over the next word when the two name an
    Indonesian region (``Jakarta`` + ``Selatan`` is Jakarta Selatan, ``Tangerang Selatan``; Kemendagri)."""
    if language == "en":
        return cands
    out: list[Candidate] = []
    n = len(toks)
    skip = -1
    for c in cands:
        if c.first < skip:
            continue
        k = c.last
        if (
            c.entity_type == "LOC" and c.source == "gazetteer" and k < n and toks[k].text[:1].isupper()
            and toks[k].start - toks[k - 1].end == 1 and toks[k].text.isalpha()
        ):
            name = " ".join(t.text for t in toks[c.first : k + 1])
            if folded(name) in district_names():
                out.append(Candidate(c.first, k + 1, "LOC", "gazetteer", name, "LOC:" + folded(name), c.country_code, "region"))
                skip = k + 1
                continue
        out.append(c)
    return out


# Malay and Indonesian words opening a place's name besides head_words.tsv's (``Bukit Merah``,
# ``Lembah Klang``). Source: Kamus Dewan, KBBI.
_PLACE_HEADS = frozenset({"bukit", "lembah", "tasik", "tanjung", "hutan", "semenanjung", "pekan", "bandar"})


def _place_head(word: str) -> bool:
    low = word.lower()
    return low in _PLACE_HEADS or head_words("id").get(low) == "LOC"


def _region_qualifier(word: str) -> bool:
    """Return True for a word after which a region qualifies an office (``DPRD``, ``Bupati``, ``Kabupaten``)."""
    return is_acronym(word) or folded(word) in _REGION_TITLES or folded(word) in titles("id") or word.lower() in REGION_HEADS


def _qualifier_before(toks: list[Token], k: int, language: str) -> bool:
    """Return True when the word before token ``k`` is an acronym or a title (``DPRD``, ``Bupati``)."""
    before = toks[k - 1].text
    return is_acronym(before) or folded(before) in titles(language)


def _initials_joined(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a person's name cut at a middle initial joined again
    (``AKBP Niko N. Adi Putra``: ``Niko`` + ``N.`` + ``Adi Putra`` is one name)."""
    starts = {c.first: c for c in cands}
    out: list[Candidate] = []
    skip_until = -1
    n = len(toks)
    for c in cands:
        if c.first < skip_until:
            continue
        k = c.last
        if (
            c.entity_type == "PERSON" and k + 1 < n and len(toks[k].text) == 1 and toks[k].text.isupper()
            and toks[k].start - toks[k - 1].end == 1
        ):
            dotted = k + 2 < n and toks[k + 1].text == "." and toks[k + 1].start == toks[k].end
            after = k + 2 if dotted else k + 1
            if not (dotted or language != "en") or after >= n or toks[after].start - toks[after - 1].end != 1 or not (
                is_name_word(toks[after], language) and toks[after].text.isalpha() and not toks[after].text.isupper()
            ):
                out.append(c)
                continue
            nxt = starts.get(after)
            if nxt is not None and nxt.entity_type == "PERSON":
                end = nxt.last
            elif nxt is None and not any(o.first <= after < o.last for o in cands):
                end = after + 1
                while end < n and end - k < 5 and is_name_word(toks[end], language) and toks[end].text.isalpha():
                    end += 1
            else:
                end = None
            if end is not None:
                out.append(Candidate(c.first, end, "PERSON", c.source))
                skip_until = end
                continue
        out.append(c)
    return out
