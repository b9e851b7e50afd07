"""``entity_mentions``: PERSON, ORG and LOC mentions of one document, resolved within it."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from functools import cache

from newsetl.transforms.entities.acronyms import bracketed_acronyms, person_initials, placed_acronym_names
from newsetl.transforms.entities.affixed_openers import affixed_openers_dropped
from newsetl.transforms.entities.bounded_names import bounded_names
from newsetl.transforms.entities.crf import bio_spans, sentences_tags_and_person_odds
from newsetl.transforms.entities.docresolve import document_mentions
from newsetl.transforms.entities.english import english_refined, english_spans
from newsetl.transforms.entities.features import gazetteer_tags
from newsetl.transforms.entities.gazetteer import gazetteer_matches, known_name_type
from newsetl.transforms.entities.headed import HEADS, country_body_orgs, headed_orgs, region_end
from newsetl.transforms.entities.indonesian import (
    COMPANY_OPENERS, COMPANY_TAILS, clitic_names_dropped, company_names, cued_persons, electronic_systems_dropped,
    nominalisations_cut, subheadings_cut,
)
from newsetl.transforms.entities.malay import (
    districts_as_places, opened_names, places_not_people, portfolio_tails, seats_as_places, state_bodies, teams_and_works,
    titled_names,
)
from newsetl.transforms.entities.malay_cues import cued_names
from newsetl.transforms.entities.malay_name_runs import joined_name_runs
from newsetl.transforms.entities.long_forms import long_forms_with_places
from newsetl.transforms.entities.malay_place_runs import places_in_name_runs
from newsetl.transforms.entities.company_forms import businesses_as_orgs, company_forms_joined
from newsetl.transforms.entities.chinese_names import chinese_names_joined
from newsetl.transforms.entities.lexicon import (
    NAME_PARTICLES,
    calendar_words,
    city_populations,
    concept_heads,
    district_names,
    folded,
    head_words,
    is_common_word,
    titles,
    word_classes,
)
from newsetl.transforms.entities.ministries import ministry_matches, portfolio_end
from newsetl.transforms.entities.levels import regency_levels
from newsetl.transforms.entities.placeness import evidenced_places
from newsetl.transforms.entities.longer_names import places_in_longer_names_id
from newsetl.transforms.entities.precision import precise_candidates
from newsetl.transforms.entities.roles import NAME_LINKS, leading_title_end, title_end, title_start, titled_person_spans
from newsetl.transforms.entities.spans import (
    Candidate,
    cleaned_span,
    domain_candidates,
    is_acronym,
    is_name_text,
    is_name_word,
    merged_candidates,
)
from newsetl.transforms.entities.subsidiaries import months_cut, subsidiary_names
from newsetl.transforms.entities.tokens import Token, TokenTexts, is_headline, sentences, tokens
from newsetl.transforms.records import EntityMention

# Languages the Indonesian CRF serves (Malay news is close enough to tag with it).
_CRF_LANGUAGES = frozenset({"id", "ms"})
# Document-level rescue of persons the CRF half-sees: total P(B-PERSON) over the word's
# occurrences and the most P(O) may average.
_RESCUE_PERSON_MASS = 0.5
_RESCUE_MAX_P_O = 0.7


def _crf_spans(text: str, toks: list[Token], bounds, gazetteer, language: str,
               texts: list[str]) -> list[tuple[int, int, str]]:
    """Return ``(first, last, type)`` spans from the Indonesian CRF, plus doc-level person rescues."""
    if not all(m.entry.tagged for m in gazetteer):  # entries added after training: the tagger's own view
        gazetteer = gazetteer_matches(toks, text, language, tagger_only=True)
    tags = gazetteer_tags(len(toks), gazetteer)
    lang = "en" if language == "en" else "id"  # is_name_word's lexicon language
    spans = []
    odds: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    # Per distinct token text, once a document: capitalised? everyday? a probe (a name-like word)?
    capitals = {w for w in set(texts) if w[:1].isupper()}
    everyday = {w for w in capitals if is_common_word(w, language)}
    probe_words = {w for w in capitals if w.isalpha() and is_name_text(w, lang)}
    # Positions outside gazetteer names of capitalised words, and of probe words, in order.
    capital_at = [k for k, w in enumerate(texts) if w in capitals and tags[k] == "O"]
    probe_at = [k for k, w in enumerate(texts) if w in probe_words and tags[k] == "O"]
    tagged, firsts = [], []
    for first, last in bounds:
        # A sentence whose only capitals are gazetteer names or an everyday opening word
        # ("Kedua pihak ...") names nobody else; skipping it saves most of the CRF time.
        at = bisect_left(capital_at, first)
        if at < len(capital_at) and capital_at[at] == first and texts[first] in everyday:
            at += 1
        if at >= len(capital_at) or capital_at[at] >= last:
            continue
        probes = [k - first for k in probe_at[bisect_left(probe_at, first + 1):bisect_left(probe_at, last)]]
        tagged.append((texts[first:last], tags[first:last], probes))
        firsts.append(first)
    # All sentences of the document in one call: the tagger runs them side by side.
    for first, (words, _, _), (sentence_tags, sentence_odds) in zip(
            firsts, tagged, sentences_tags_and_person_odds(tagged) if tagged else []):
        for a, b, kind in bio_spans(sentence_tags):
            spans.append((first + a, first + b, kind))
        for i, (p_o, p_person) in sentence_odds.items():
            odds[words[i]].append((first + i, p_o, p_person))
    # A capitalised word the CRF leaves out in several places but keeps calling a likely person
    # ("pemerintahan Erdogan tersebut", "bahwa Erdogan mengirimkan") is one, taken document-wide.
    for occurrences in odds.values():
        p_o = sum(o[1] for o in occurrences) / len(occurrences)
        if sum(o[2] for o in occurrences) >= _RESCUE_PERSON_MASS and p_o < _RESCUE_MAX_P_O:
            spans.extend((i, i + 1, "PERSON") for i, _, _ in occurrences)
    return spans


def _tagged_spans(text: str, toks: list[Token], bounds, headlines: list[bool], gazetteer, language: str,
                  texts: list[str]):
    """Return ``(first, last, type)`` spans from the CRF (Indonesian) or the English rules.

    Title-case headline lines are left out: their capitals say nothing about names.
    """
    bounds = [(a, b) for a, b in bounds if not headlines[a]]
    if language == "en":
        return english_spans(toks, text, bounds)
    if language in _CRF_LANGUAGES:
        spans = _org_tailed(toks, _joined_names(toks, _crf_spans(text, toks, bounds, gazetteer, language, texts)))
        return sorted(spans + company_names(toks, bounds, spans))
    return []


# Indonesian closing words of company names beside the English organisation heads ("PT Vale Indonesia Tbk").
_ID_ORG_TAILS = frozenset({"grup", "tbk"})


@cache
def _org_tails() -> frozenset[str]:
    return _ID_ORG_TAILS | frozenset(w for w, kind in head_words("en").items() if kind == "ORG")


def _org_tailed(toks: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return tagger spans with a PERSON of two or more words closed by an organisation head
    (``Wilmar Group``, ``Musim Mas Group``), or a place closed by a company word (``Comerica Bank``),
    typed ORG; as a person it would be dropped."""
    tails = _org_tails()
    return [
        (a, b, "ORG") if b - a > 1 and toks[b - 1].text[:1].isupper() and (
            (kind == "PERSON" and toks[b - 1].text.lower() in tails)
            or (kind == "LOC" and toks[b - 1].text.lower() in COMPANY_TAILS)
            or (kind == "LOC" and toks[a].text in COMPANY_OPENERS)  # "Bank BJB", "PT Vale"
        ) else (a, b, kind)
        for a, b, kind in spans
    ]


# Abbreviated given names Malay news writes with a full stop inside a name (``Shamira Mohd. Luthfi
# Ismail``, ``Abd. Rahman``); the stop ends no sentence and cuts no name. Source: Utusan usage.
_ABBREVIATED_NAME_PARTS = frozenset({"mohd", "moh", "muhd", "muh", "md", "abd", "ab", "hj", "mat"})
# Malay hereditary name prefixes that open a father's name inside a full name (``Wan Ahmad Fayhsal
# Wan Ahmad Kamal``): a person span ending in one runs on into the next. Source: Malay naming usage.
_MALAY_NAME_PREFIXES = frozenset({"Wan", "Nik", "Che", "Megat", "Syed", "Tengku", "Tunku"})
# Lower-case or title words that join two parts of one Malay name (``Ahmad Zahid bin Hamidi``).


def _joined_names(toks: list[Token], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return tagger spans with one person's name cut in two joined again.

    Two PERSON spans around ``bin``/``binti``/``Tun`` or an abbreviated given name's full stop
    (``Mohd.``) are one name; a PERSON closed by ``Mohd`` runs on over the stop and the
    capitalised words after it.
    """
    out: list[tuple[int, int, str]] = []
    starts = {a for a, _b, _kind in spans}
    n = len(toks)
    for a, b, kind in sorted(spans):
        if out and out[-1][1] > a:
            out.append((a, b, kind))
            continue
        prev = out[-1] if out else None
        if prev is not None and kind == "PERSON" and prev[2] == "PERSON" and (
            (prev[1] == a and b - a > 1 and toks[a].text in NAME_LINKS)  # "Ahmad Zahid" + "bin Hamidi"
            or (prev[1] + 1 == a and toks[prev[1]].text in NAME_LINKS)
            or (prev[1] == a and toks[prev[1] - 1].text in _MALAY_NAME_PREFIXES)  # "... Wan" + "Ahmad Kamal"
            or (prev[1] + 1 == a and toks[prev[1]].text == "." and toks[prev[1] - 1].text.lower() in _ABBREVIATED_NAME_PARTS)
        ):
            out[-1] = (prev[0], b, "PERSON")
            continue
        out.append((a, b, kind))
    joined = []
    for a, b, kind in out:
        if (
            kind == "PERSON" and b + 1 < n and toks[b - 1].text.lower() in _ABBREVIATED_NAME_PARTS
            and toks[b].text == "." and toks[b].start == toks[b - 1].end and b + 1 not in starts
        ):
            end = b + 1
            while end < n and end - b <= 3 and toks[end].text[:1].isupper() and toks[end].text.isalpha():
                end += 1
            if end > b + 1:
                b = end
        joined.append((a, b, kind))
    return joined


def _one_name_cut(toks: list[Token], a: Candidate, b: Candidate) -> bool:
    """Return True when PERSON ``a`` ends where PERSON ``b`` starts, one space apart on one line:
    two people are never written side by side without a comma or ``dan``, so one name was cut in
    two (``I Putu Yoga`` + ``Adi Saputra``, ``Ramdan`` + ``Denny Prakoso``). An acronym on either
    side is no name part (``Yosdian`` + ``ID`` of ``ID Food``, a corps ``CHK`` before a name)."""
    return (
        a.entity_type == b.entity_type == "PERSON" and a.last == b.first
        and toks[b.first].start - toks[a.last - 1].end == 1
        and not is_acronym(toks[b.first].text) and not is_acronym(toks[a.last - 1].text)
    )


def _cut_names_joined(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with each run of touching PERSON spans made one PERSON (``_one_name_cut``)."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.first, c.last)):
        if out and _one_name_cut(toks, out[-1], c):
            out[-1] = Candidate(out[-1].first, c.last, "PERSON", "tagger")
        else:
            out.append(c)
    return out


def _headline_mask(text: str, toks: list[Token], bounds) -> list[bool]:
    """Return, per token, whether it sits in a title-case headline line."""
    mask = [False] * len(toks)
    for a, b in bounds:
        if is_headline(text, toks, a, b):
            mask[a:b] = [True] * (b - a)
    return mask


def _titled_persons(text, toks, cands, headlines, language, texts: TokenTexts) -> list[Candidate]:
    """Return people introduced by a title or followed by one that the tagger missed."""
    covered = list(headlines)
    qualifiers = {}
    for c in cands:
        for k in range(c.first, c.last):
            covered[k] = True
        if c.entity_type != "PERSON":
            qualifiers[c.first] = c.last

    def qualifier_end(k: int) -> int:
        if k in qualifiers:
            return qualifiers[k]
        portfolio = portfolio_end(toks, k) if language != "en" else None
        if portfolio:
            return portfolio[0]
        if language != "en" and k > 0 and toks[k - 1].text == ")":
            # "Kepala Dinas Kesehatan (Dinkes) Seram Bagian Barat": a region after a short form
            # is the office's seat.
            return region_end(toks, k) or k
        return k

    found = []
    for first, last in titled_person_spans(
        text, toks, covered, qualifier_end, lambda t: is_name_word(t, language), language, texts
    ):
        cleaned = cleaned_span(toks, first, last, "PERSON", language)
        # Title chains ("Wakil Gubernur", "finance minister") may introduce one name twice:
        # a token belongs to at most one mention.
        if cleaned and not any(covered[cleaned[0] : cleaned[1]]):
            covered[cleaned[0] : cleaned[1]] = [True] * (cleaned[1] - cleaned[0])
            found.append(Candidate(*cleaned, "PERSON", "title"))
    return found


def _untitled_persons(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with titles still opening a person's span cut off (a split of
    ``OTT Wamenaker Noel`` leaves ``Wamenaker Noel``): the title is the role, not the name."""
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.last - c.first > 1:
            first = leading_title_end(toks, c.first, c.last, "en" if language == "en" else "id")
            # "Vice President Corporate Communication Fadjar Djoko Santoso": English office words
            # after an Indonesian text's title are its portfolio, not the name.
            if language == "id" and (first > c.first or title_start(toks, c.first, "id") is not None):
                while c.last - first > 2 and is_common_word(toks[first].text, "en"):
                    first += 1
            if c.first < first < c.last:
                c = Candidate(first, c.last, c.entity_type, c.source, c.canonical_name, c.entity_key, c.country_code, c.kind)
        out.append(c)
    return out


def _titled_joined(text: str, toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a titled name joined to the tagger's person right after it
    (``Seskab Teddy`` + ``Indra Wijaya``: one ``Teddy Indra Wijaya``)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.source == "title" and c.entity_type == "PERSON" and c.source == "tagger"
            and prev.last == c.first and toks[c.first].start - toks[prev.last - 1].end == 1
            and text[toks[prev.last - 1].end : toks[c.first].start] == " "
            # "Pertamina Foundation Agus", "Kemenhub Antoni": the titled word was the office's body
            and toks[prev.first].text.lower() not in _org_tails() and not toks[prev.first].text.startswith("Kemen")
            # "Wali Kota Sukabumi Ayep Zaki": a region after the title is the office's seat
            and region_end(toks, prev.first) is None
            and known_name_type(" ".join(t.text for t in toks[prev.first : prev.last])) is None
        ):
            out[-1] = Candidate(prev.first, c.last, "PERSON", "title")
            continue
        out.append(c)
    return out


def _propagated(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return further occurrences of names found once: full forms and persons' surnames."""
    covered = [False] * len(toks)
    for c in cands:
        for k in range(c.first, c.last):
            covered[k] = True
    forms: dict[tuple[str, ...], str] = {}
    for c in cands:
        if c.source in ("tagger", "title"):
            words = tuple(t.text for t in toks[c.first : c.last])
            forms.setdefault(words, c.entity_type)
            if c.entity_type == "PERSON" and is_name_word(toks[c.last - 1], language):
                forms.setdefault(words[-1:], "PERSON")
    if not forms:
        return []
    sizes: dict[str, list[int]] = defaultdict(list)
    for form in sorted(forms, key=len, reverse=True):
        sizes[form[0]].append(len(form))
    found = []
    texts = [t.text for t in toks]
    n = len(texts)
    reach = 0  # left to right; a token inside an earlier hit starts nothing
    for i in [k for k, text in enumerate(texts) if text in sizes]:
        if i < reach:
            continue
        for size in sizes[texts[i]]:
            if i + size > n:  # a truncated slice could equal a shorter form
                continue
            words = tuple(texts[i : i + size])
            if words in forms and not any(covered[i : i + size]):
                found.append(Candidate(i, i + size, forms[words], "propagated"))
                reach = i + size
                break
    return found


def _title_qualifier(toks: list[Token], c: Candidate, language: str) -> bool:
    """Return True for a PERSON that is no name: a title's tail (``Jaksa Agung``) or a one-word
    region between two titles (``Kapolres Kampar AKBP Boby``)."""
    if c.entity_type != "PERSON":
        return False
    lang = "en" if language == "en" else "id"
    if any((title_end(toks, j, lang) or 0) >= c.last for j in range(max(0, c.first - 3), c.first)):
        return True
    if lang == "id" and c.first > 0 and title_end(toks, c.first - 1, lang) == c.first:
        portfolio = portfolio_end(toks, c.first)
        if portfolio is not None and portfolio[0] == c.last:
            return True  # "Menko Polkam": the title's portfolio, no person
        word = toks[c.first].text
        if c.last - c.first == 1 and word.endswith("nya") and portfolio_end([Token(0, len(word) - 3, word[:-3])], 0):
            return True  # "Menteri Keuangannya": the portfolio with a possessive
    return (
        c.last - c.first == 1
        and title_start(toks, c.first, lang) is not None and title_end(toks, c.last, lang) is not None
    )


def _calendar_word(toks: list[Token], c: Candidate) -> bool:
    """Return True for a one-word PERSON/LOC that is a month or weekday (``since December``)."""
    return c.last - c.first == 1 and c.entity_type != "ORG" and toks[c.first].text.lower() in calendar_words()


def _joint_split(toks: list[Token], cands: list[Candidate], language: str = "id") -> list[Candidate]:
    """Return the candidates with joint person mentions (``Prabowo-Gibran``) split in two.

    A hyphen written tight between capitalised words joins two people; ``Jean-Pierre Raffarin``
    (one word before the hyphen, more after it) is one person's given name and stays whole.
    English news joins double-barrelled surnames that way (``Robert Kilroy-Silk``): kept whole.
    """
    out = []
    for c in cands:
        hyphens = [
            k for k in range(c.first + 1, c.last - 1)
            if toks[k].text == "-" and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start
        ]
        given_name = len(hyphens) == 1 and hyphens[0] == c.first + 1 and c.last - hyphens[0] > 2
        if c.entity_type != "PERSON" or language == "en" or len(hyphens) != 1 or given_name:
            out.append(c)
            continue
        k = hyphens[0]
        out.extend(Candidate(a, b, "PERSON", c.source) for a, b in ((c.first, k), (k + 1, c.last)))
    return out


# A tagger PERSON that is the whole name of a populated place is that place ("Phnom Penh"); one
# word must name a large one, since smaller towns share names with people.
_PLACE_PERSON_MIN_POPULATION = {1: 100_000, 2: 15_000}
# Lower-case words inside a programme's expansion that its acronym skips ("Bantuan Pangan untuk ...").
_ACRONYM_SKIPS = frozenset({"dan", "untuk", "bagi", "di", "ke", "dari", "of", "for", "and", "the", "yang"})


def _placed_persons(toks: list[Token], cands: list[Candidate], language: str = "id") -> list[Candidate]:
    """Return the candidates with tagger PERSONs that name a gazetteer city retyped as LOC.

    A one-word PERSON also written as part of a longer person's name in the text (``Hamilton``
    after ``Lewis Hamilton``) or after a title (``President Bush``) stays a person.
    """
    people_words = {
        t.text for c in cands if c.entity_type == "PERSON" and c.last - c.first > 1 for t in toks[c.first : c.last]
    }
    # ... and so does one the text writes after a person's title ("President Bush", "Mr Bush").
    titled_words = {
        toks[c.first].text for c in cands
        if language == "en" and c.entity_type == "PERSON" and c.last - c.first == 1 and title_start(toks, c.first, "en") is not None
    }  # English only: an Indonesian title may name a region's office ("Wali Kota Bekasi")
    cities = city_populations()
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in ("tagger", "propagated"):
            size = c.last - c.first
            population = cities.get(folded(" ".join(t.text for t in toks[c.first : c.last])))
            if population is not None and population >= _PLACE_PERSON_MIN_POPULATION[min(size, 2)] and not (
                size == 1 and (toks[c.first].text in people_words or toks[c.first].text in titled_words)
            ):
                c = Candidate(c.first, c.last, "LOC", c.source)
        out.append(c)
    return out


@cache
def _org_opening_words() -> frozenset[str]:
    """Return the words that make an expansion an organisation's name (``Badan``, ``Komisi``, ``Tim``)."""
    return frozenset(
        w for lang in ("id", "en") for w, kind in head_words(lang).items() if kind == "ORG"
    ) | HEADS


def _common_expansion(words: list[str], language: str) -> bool:
    """Return True for an acronym's expansion that is a common noun phrase, no organisation's name.

    Written in lower case (``tes wawasan kebangsaan (TWK)``, ``warga negara asing (WNA)``), or every
    word an everyday word with no organisation head among them and no gazetteer name as a whole
    (``Perjanjian Kerja Sama (PKS)``, ``Penerima Bantuan Iuran (PBI)``, ``Pejabat Pembuat Komitmen``;
    not ``Komisi Pemberantasan Korupsi``, ``Otoritas Jasa Keuangan``).
    """
    if known_name_type(" ".join(words)) is not None:
        return False
    if all(w.islower() for w in words):
        return True
    lang = "en" if language == "en" else "id"
    classes = word_classes("id")
    heads = _org_opening_words()
    return all(
        w.lower() not in heads and (is_common_word(w, lang) or (lang == "id" and classes.get(w.lower()) == "O"))
        for w in words
    )


def _concept_acronyms(toks: list[Token], language: str) -> tuple[set[str], list[tuple[int, int]]]:
    """Return acronyms the text defines as programmes or common nouns, and the spans of their expansions.

    ``Program Keluarga Harapan (PKH)``: the words before the bracket whose initials spell the
    acronym, opening with a programme/scheme/document head (``program``, ``bantuan``, ``subsidi``),
    or forming a common noun phrase (``tes wawasan kebangsaan (TWK)``, ``_common_expansion``).
    """
    heads = concept_heads(language)
    acronyms, spans = set(), []
    for k in range(2, len(toks) - 1):
        acr = toks[k].text
        if toks[k - 1].text != "(" or toks[k + 1].text != ")" or not (2 <= len(acr) <= 6 and acr.isupper()):
            continue
        for start in range(k - 2, max(-1, k - 9), -1):
            words = [t.text for t in toks[start : k - 1] if t.text.lower() not in _ACRONYM_SKIPS]
            if not all(w[:1].isalpha() for w in words):
                break
            initials = "".join(w[0] for w in words).upper()
            if initials == acr.upper():
                if toks[start].text.lower() in heads or (len(words) > 1 and _common_expansion(words, language)):
                    acronyms.add(acr)
                    spans.append((start, k + 2))
                break
            if len(initials) > len(acr):
                break
    return acronyms, spans


def _without_concepts(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates without programmes' and common nouns' names and the acronyms the text
    defines for them (the gazetteer's ``PKS`` party too where the text spells it ``Perjanjian Kerja Sama``)."""
    acronyms, spans = _concept_acronyms(toks, language)
    if not acronyms:
        return cands
    return [
        c for c in cands
        if c.source not in ("tagger", "propagated", "title", "headed", "gazetteer")
        or not (
            " ".join(t.text for t in toks[c.first : c.last]) in acronyms
            or any(a <= c.first and c.last <= b for a, b in spans)
        )
    ]


# Words before a place name in Indonesian and Malay ("di Sayung", "dari Genuk").
_ID_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "daerah", "wilayah", "kawasan", "kecamatan", "menuju"})
# Words opening or closing names of institutions and buildings, in Malay, Indonesian and English
# ("Pusat Kokurikulum UiTM", "Westminster Abbey", "Pondok Pesantren"): such a name is no person.
# Kept out of head_words.tsv, which the CRF reads as a feature. Source: Kamus Dewan, KBBI.
_INSTITUTION_HEADS = frozenset({
    "pusat", "balai", "gedung", "pondok", "ponpes", "pesantren", "gereja", "hospital", "kolej", "akademi",
    "maktab", "abbey", "cathedral", "church", "stadion", "stadium", "graha", "wisma", "menara", "hotel", "masjid",
    "masjidil", "surau", "komuniti", "fakulti", "fakultas", "sekolah", "kampus", "plaza", "kompleks", "komplek",
    "dataran", "istana", "polis",
    # units inside an institution ("Ketua MUI Bidang Fatwa", "Kepala Biro Hukum", "Subdit Siber")
    "bidang", "seksi", "subbid", "subbag", "subdit", "divisi", "bagian", "biro", "departemen", "unit",
})
# Nouns that introduce a product or model name in Indonesian and Malay, never a person's.
# Source: KBBI, Kamus Dewan.
_PRODUCT_NOUNS = frozenset({
    "roket", "rudal", "peluru", "senjata", "tank", "pesawat", "jet", "drone", "kapal", "mobil", "kereta",
    "motor", "motosikal", "aplikasi", "platform", "jenama", "merek", "merk", "produk", "varian", "vaksin",
    "sistem", "ponsel", "telefon", "gawai",
})
# Words before a person's initials ("mahasiswa berinisial NKGA").
_INITIALS_CUES = frozenset({"inisial", "berinisial", "insial"})
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX"})


def _no_person(toks: list[Token], c: Candidate, language: str) -> bool:
    """Return True for an Indonesian/Malay PERSON that names nobody.

    Every word usually a common word in NERP (``Deputi Penindakan``, ``Sekda``, ``Polresta``), or a
    name closed by an acronym (``Satpol PP``): an office or unit, not a person.
    """
    if c.entity_type != "PERSON" or c.source not in ("tagger", "propagated", "title"):
        return False
    words = [t.text for t in toks[c.first : c.last]]
    if words[0].lower() in _INSTITUTION_HEADS or words[-1].lower() in _INSTITUTION_HEADS:
        return True
    if language == "en":
        return False
    if c.first > 0 and toks[c.first - 1].text.lower() in _PRODUCT_NOUNS:
        return True  # "roket Smerch", "mobil Pajero", "aplikasi Pokemon GO": a product, not a person
    classes = word_classes("id")
    if all(classes.get(w.lower()) == "O" for w in words):
        return True
    # English office words in Indonesian text ("Direktur Pertamina Foundation").
    if all(w.lower() in head_words("en") or is_common_word(w, "en") for w in words):
        return True
    # A name cut before its hyphenated tail ("Ponpes Al-Khoziny" -> "Al").
    if words[-1].lower() in NAME_PARTICLES:
        return True
    last = words[-1]
    return len(words) > 1 and len(last) >= 2 and last.isupper() and last.isalpha() and last not in _ROMAN


def _indonesian_regions_as_places(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with Indonesian PERSONs that follow ``di``/``ke``/``dari`` or a title
    and name a Kemendagri region or district (``di Sayung``, ``Sekda Bone``) retyped as LOC."""
    if language != "id":
        return cands
    districts = district_names()
    title_set = titles(language)
    out = []
    for c in cands:
        if (
            c.entity_type == "PERSON" and c.source in ("tagger", "propagated", "title") and c.first > 0
            and (toks[c.first - 1].text.lower() in _ID_PLACE_PREPOSITIONS or folded(toks[c.first - 1].text) in title_set)
            and folded(" ".join(t.text for t in toks[c.first : c.last])) in districts
        ):
            c = Candidate(c.first, c.last, "LOC", c.source)
        out.append(c)
    return out


# Malay titles naming a seat: the word after them is a constituency (``Ahli Parlimen Machang,
# Wan Ahmad Fayhsal``), and the person comes after the comma. Source: Kamus Dewan; Utusan usage.
_SEAT_TITLES = (("ahli", "parlimen"), ("adun",), ("wakil", "rakyat"))


def _seats_as_places(toks: list[Token], cands: list[Candidate], language: str) -> list[Candidate]:
    """Return the candidates with a PERSON that names a seat (``Ahli Parlimen Machang, ...``) as LOC."""
    person_at = {c.first for c in cands if c.entity_type == "PERSON"}
    out = []
    for c in cands:
        if c.entity_type == "PERSON" and c.source in ("tagger", "propagated", "title") and c.last - c.first <= 2:
            before = tuple(folded(t.text) for t in toks[max(0, c.first - 2) : c.first])
            seat = any(before[-len(title):] == title for title in _SEAT_TITLES if len(before) >= len(title))
            if seat and c.last + 1 < len(toks) and toks[c.last].text == "," and (
                c.last + 1 in person_at or is_name_word(toks[c.last + 1], language)
                or title_end(toks, c.last + 1, "id") is not None  # "Ahli Parlimen Pasir Salak, Datuk Seri Tajuddin"
            ):
                c = Candidate(c.first, c.last, "LOC", c.source)
        out.append(c)
    return out


def _is_initials(tok: Token) -> bool:
    return tok.text.isupper() and tok.text.isalpha()


def _initials_listed(toks: list[Token]) -> list[int]:
    """Return the indices of initials written after a cue word, the whole list of them
    (``berinisial AVADL, MJ, ADES (DPO), DDH (DPO), dan SM``: a bracketed status may follow each)."""
    found = []
    for k in range(1, len(toks)):
        if toks[k - 1].text.lower() not in _INITIALS_CUES:
            continue
        j = k
        while j < len(toks) and _is_initials(toks[j]):
            found.append(j)
            j += 1
            if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
                j += 3  # "(DPO)": the person's status
            if j + 1 < len(toks) and toks[j].text in (",", "dan", "serta") and _is_initials(toks[j + 1]):
                j += 1
            elif j + 2 < len(toks) and toks[j].text == "," and toks[j + 1].text in ("dan", "serta") and _is_initials(toks[j + 2]):
                j += 2
            else:
                break
    return found


def _initials_as_persons(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with capital runs written as a person's initials (``berinisial NKGA``)
    typed PERSON wherever the text repeats them, also where the tagger left them out."""
    if not any(w.lower() in _INITIALS_CUES for w in {t.text for t in toks}):
        return cands  # no cue word: no initials (each distinct text tested once)
    covered = [False] * len(toks)
    for c in cands:
        covered[c.first : c.last] = [True] * (c.last - c.first)
    initials = {
        toks[k].text for k in _initials_listed(toks)
        if not covered[k] or any(c.first == k and c.last == k + 1 and c.source in ("tagger", "propagated") for c in cands)
    }
    if not initials:
        return cands
    out = [
        Candidate(c.first, c.last, "PERSON", c.source)
        if c.last - c.first == 1 and toks[c.first].text in initials and c.source in ("tagger", "propagated") else c
        for c in cands
    ]
    out += [Candidate(k, k + 1, "PERSON", "tagger") for k, t in enumerate(toks) if t.text in initials and not covered[k]]
    return sorted(out, key=lambda c: c.first)


def entity_mentions(text: str, language: str = "id") -> list[EntityMention]:
    """Return the PERSON, ORG and LOC mentions of ``text`` in order, resolved within the document.

    Offsets are exact (``text[m.start:m.end] == m.text``). Known places and organisations come
    from the gazetteers (countries carry ``country_code``); other names from the Indonesian CRF
    (``language`` ``id``/``ms``) or English rules (``en``); other languages get gazetteer names
    only. Titles are stripped from person names and kept in ``role``. Never raises on a string.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    toks = tokens(text)
    texts = TokenTexts(toks)  # the passes below find their opening words in it
    gazetteer = gazetteer_matches(toks, text, language, texts=texts)
    ministries = []
    if language != "en":
        ministries = [
            Candidate(m.first, m.last, "ORG", "ministry", m.canonical_name)
            for m in ministry_matches(toks, gazetteer, texts)
        ]
        ministries += [
            Candidate(a, b, "ORG", "headed", name, f"ORG:{folded(name)}", code, "country body")
            for a, b, name, code in country_body_orgs(toks, gazetteer)
        ]
        ministries += [Candidate(a, b, "ORG", "headed") for a, b in headed_orgs(toks, text, gazetteer, texts)]
    gazetteer_cands = [
        Candidate(m.first, m.last, m.entry.entity_type, "gazetteer", m.entry.canonical_name,
                  m.entry.entity_key, m.entry.country_code, m.entry.kind)
        for m in gazetteer
    ]
    bounds = sentences(text, toks)
    headlines = _headline_mask(text, toks, bounds)
    tagged = _tagged_spans(text, toks, bounds, headlines, gazetteer, language, texts.texts)
    cands = merged_candidates(toks, ministries, gazetteer_cands, domain_candidates(toks), tagged, language)
    cands = bracketed_acronyms(toks, cands, language)
    if language == "id":
        cands = subsidiary_names(toks, cands)
        cands = cued_persons(toks, cands, language)
    cands = _titled_joined(text, toks, sorted(cands + _titled_persons(text, toks, cands, headlines, language, texts), key=lambda c: c.first))
    if language == "id":
        cands = person_initials(toks, cands)
    cands = sorted(cands + _propagated(toks, cands, language), key=lambda c: c.first)
    cands = [
        c for c in _joint_split(toks, cands, language)
        if not _title_qualifier(toks, c, language) and not _calendar_word(toks, c)
    ]
    cands = _placed_persons(toks, _without_concepts(toks, cands, language), language)
    cands = [c for c in _indonesian_regions_as_places(toks, cands, language) if not _no_person(toks, c, language)]
    cands = _initials_as_persons(toks, _seats_as_places(toks, cands, language) if language != "en" else cands)
    if language == "ms":
        cands = places_not_people(toks, districts_as_places(toks, seats_as_places(toks, state_bodies(toks, portfolio_tails(toks, cands)))))
        cands = opened_names(toks, teams_and_works(toks, titled_names(toks, cands)))
        cands = long_forms_with_places(toks, cued_names(toks, chinese_names_joined(toks, joined_name_runs(toks, cands))))
    if language in ("id", "ms"):
        cands = places_in_longer_names_id(toks, text, cands)
    cands = subheadings_cut(text, toks, cands) if language != "en" else cands
    cands = regency_levels(toks, evidenced_places(toks, precise_candidates(toks, cands, language, texts), language), language)
    if language == "en":
        cands = english_refined(toks, text, cands)
    elif language == "id":  # Malay qualifies state bodies itself (``malay.state_bodies``)
        cands = placed_acronym_names(toks, cands)
    cands = nominalisations_cut(toks, _untitled_persons(toks, cands, language), language)
    if language == "id":
        cands = affixed_openers_dropped(toks, bounded_names(toks, electronic_systems_dropped(toks, months_cut(toks, cands))))
    if language == "id":
        cands = _cut_names_joined(toks, cands)
    cands = clitic_names_dropped(toks, cands, language)
    if language == "ms":
        cands = places_in_name_runs(toks, text, businesses_as_orgs(toks, company_forms_joined(toks, cands)))
    return document_mentions(text, toks, cands, language)
