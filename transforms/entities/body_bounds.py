"""Indonesian organisation names whose bounds the earlier passes drew short or long (issue 16, Detik).

A company written before a country (``Danone Indonesia``), an institution's kind before the name it
bears (``UIN Maulana Malik Ibrahim``), a body's acronym fused with the spokesman after it
(``Kemenhub Risal Wasal``), a document number's ``Nomor`` closing a court's name, a portfolio's tail
after ``dan`` read as a body, and ``PN``, the district court in Indonesian.
"""

from __future__ import annotations

import re

from newsetl.transforms.entities.bound_words import NUMBER_WORDS, PLACE_MODIFIERS, adjacent, common_word, proper_word
from newsetl.transforms.entities.gazetteer import gazetteer_entry, known_name_type
from newsetl.transforms.entities.headed import HEADS
from newsetl.transforms.entities.lexicon import (
    calendar_words, capital_shares, district_names, folded, head_words, titles, word_classes,
)
from newsetl.transforms.entities.placeness import known_place
from newsetl.transforms.entities.precision import event_words
from newsetl.transforms.entities.spans import RULE_SOURCES, Candidate, one_word_persons_as_orgs
from newsetl.transforms.entities.tokens import Token


# Heads of titles whose portfolio may join two fields with ``dan`` (``Menteri Koordinator Bidang
# Infrastruktur dan Pembangunan Kewilayahan``). Source: KBBI; Kabinet Merah Putih (Wikipedia id).
_PORTFOLIO_HEADS = frozenset({"menteri", "kementerian", "menko", "kemenko", "wakil", "deputi", "staf", "asisten"})


# Gazetteer kinds of bodies whose acronym opens a spokesman's line (``Kemenhub Risal Wasal``).
_BODY_KINDS = frozenset({"gov", "armed", "party", "agency"})


# Ministries' press short forms (``Kemenhub``, ``Kemenkeu``, ``Kemensos``): Kemen- and the portfolio's
# syllables. Source: KBBI; Kabinet Merah Putih abbreviations (Wikipedia id).
_MINISTRY_SHORT = re.compile(r"Kemen[a-z]{2,}")


def _company_word(word: str) -> bool:
    """Return True for a word that may open a company's name before a country (``Danone``, ``Shopee``)."""
    low = folded(word)
    return (
        word[:1].isupper() and proper_word(word) and low not in titles("id") and low not in head_words("id")
        and low not in event_words() and low not in calendar_words() and low not in PLACE_MODIFIERS
        and known_name_type(word) != "LOC" and low not in district_names() and word_classes("id").get(low) != "O"
    )


def country_units(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a one-word company written before a country's name made one ORG
    (``Danone Indonesia``, ``Shopee Indonesia``: the company's unit there, not a mention of the
    country), and the company's other one-word mentions of the document retyped ORG."""
    at = {c.first: c for c in cands}
    fused: dict[int, Candidate] = {}
    for c in cands:
        if c.entity_type != "LOC" or c.kind != "country" or c.first == 0 or not toks[c.first].text[:1].isupper():
            continue
        if toks[c.first].text.isupper():
            continue  # "Kemenkes RI", "Dolar AS": a country's short form qualifies, it names no unit
        k = c.first - 1
        before = at.get(k)
        if not adjacent(toks, k, c.first) or not _company_word(toks[k].text):
            continue
        if before is None or before.last != k + 1 or before.entity_type == "LOC":
            continue  # an untagged word is often the tail of a longer English name ("Boston Consulting Indonesia")
        fused[k] = Candidate(k, c.last, "ORG", "tagger")
    if not fused:
        return cands
    names = {toks[k].text for k in fused}
    out = list(fused.values())
    for c in cands:
        if c.first in fused or (c.first - 1 in fused and c.last == fused[c.first - 1].last):
            continue  # the company's word and the country, now one ORG
        if c.last - c.first == 1 and toks[c.first].text in names and c.entity_type == "PERSON" and c.source in RULE_SOURCES:
            c = Candidate(c.first, c.last, "ORG", c.source)
        out.append(c)
    return sorted(out, key=lambda c: c.first)


def _person_words(toks: list[Token], first: int, last: int) -> bool:
    """Return True when tokens ``first`` to ``last - 1`` are two or more words of a person's name."""
    words = [t.text for t in toks[first:last]]
    return len(words) >= 2 and all(
        w[:1].isupper() and w.isalpha() and not w.isupper() and proper_word(w)
        and folded(w) not in head_words("id") and known_name_type(w) is None
        for w in words
    )


def bodies_unfused(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a body's acronym or short name split from the person written
    right after it (``Kemenhub Risal Wasal``, ``Polri Listyo Sigit``): the body, then the PERSON;
    the body's other one-word mentions of the document (``Kementerian Perhubungan (Kemenhub)``), and
    any ministry's short form, ORG."""
    out = []
    bodies = {toks[c.first].text for c in cands if c.last - c.first == 1 and _MINISTRY_SHORT.fullmatch(toks[c.first].text)}
    for c in cands:
        if c.source in RULE_SOURCES and c.entity_type in ("ORG", "PERSON") and c.last - c.first >= 3:
            entry = gazetteer_entry(toks[c.first].text)
            body = entry is not None and entry.entity_type == "ORG" and entry.kind in _BODY_KINDS
            if (body or _MINISTRY_SHORT.fullmatch(toks[c.first].text)) and _person_words(toks, c.first + 1, c.last):
                out.append(
                    Candidate(c.first, c.first + 1, "ORG", "gazetteer", entry.canonical_name, entry.entity_key,
                              entry.country_code, entry.kind) if body else Candidate(c.first, c.first + 1, "ORG", "tagger")
                )
                out.append(Candidate(c.first + 1, c.last, "PERSON", c.source))
                bodies.add(toks[c.first].text)
                continue
        out.append(c)
    return one_word_persons_as_orgs(toks, out, bodies)


def numbers_cut(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with ``Nomor``/``Tahun`` cut from the end of an organisation's name
    (``Kejaksaan Negeri Majalengka Nomor``: the number cites its document)."""
    out = []
    for c in cands:
        last = c.last
        while c.entity_type == "ORG" and last - c.first >= 2 and toks[last - 1].text.lower() in NUMBER_WORDS:
            last -= 1
        if last < c.last and last - c.first == 1 and folded(toks[c.first].text) in head_words("id"):
            continue  # "Peraturan Pemerintah Nomor 18": a regulation's number, and no body named
        out.append(c if last == c.last else Candidate(c.first, last, c.entity_type, c.source))
    return out


def _portfolio_before(toks: list[Token], k: int) -> bool:
    """Return True when ``dan`` at ``k`` joins a title's portfolio (``Menteri Koordinator Bidang Infrastruktur dan``)."""
    for head in range(k - 1, max(-1, k - 6), -1):
        word = toks[head].text
        if not word[:1].isupper():
            return False
        if word.lower() in _PORTFOLIO_HEADS:
            return True
    return False


def portfolio_tails_dropped(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates without the tagger ORGs that end a title's portfolio after ``dan``
    (``Menteri Koordinator Bidang Infrastruktur dan [Pembangunan Kewilayahan]``): a field of office;
    the short form bracketed after it (``(Kemenko IPK)``) is the ministry's ORG."""
    starts = {c.first for c in cands}
    out = []
    for c in cands:
        k = c.first - 1
        if (
            c.entity_type == "ORG" and c.source == "tagger" and k > 0 and toks[k].text == "dan"
            and _portfolio_before(toks, k) and common_word(toks[c.first].text)
        ):
            close = next((j for j in range(c.last + 1, min(c.last + 5, len(toks))) if toks[j].text == ")"), None)
            if c.last < len(toks) and toks[c.last].text == "(" and close is not None and close > c.last + 1 and c.last + 1 not in starts:
                out.append(Candidate(c.last + 1, close, "ORG", "tagger"))  # "(Kemenko IPK)": the ministry, named
            continue
        out.append(c)
    return out


# Words and acronyms naming a kind of institution, written before the institution's own name, often
# a person's (``UIN Syarif Hidayatullah``, ``RSUP Prof Ngoerah``, ``Gereja Bethel Injili Nusantara``).
# Source: KBBI; Kemenag and Kemenkes institution types (universitas Islam negeri, rumah sakit umum
# daerah/pusat, lembaga pemasyarakatan, rumah tahanan, pondok pesantren).
_INSTITUTION_KINDS = frozenset({
    "UIN", "IAIN", "STAIN", "STT", "STIE", "RS", "RSU", "RSUD", "RSUP", "RSIA", "Lapas", "Rutan", "Ponpes",
    "Gereja", "Masjid", "Pura", "Vihara", "Klenteng", "Pesantren", "Pondok", "Madrasah", "Universitas", "Institut",
})
# Titles written inside a hospital's or university's name, before the person it honours.
_NAME_TITLES = frozenset({"Prof", "Dr", "dr", "KH", "Kiai"})


def _kind_before(toks: list[Token], k: int) -> int | None:
    """Return where the institution's name opens when an institution kind is written before token
    ``k`` (``UIN``; ``RSUP Prof``; ``Universitas Islam Negeri (UIN)``), else None."""
    j = k - 1
    if j >= 0 and toks[j].text.rstrip(".") in _NAME_TITLES:
        j -= 1
    if j >= 0 and toks[j].text in _INSTITUTION_KINDS:
        return j
    if j >= 2 and toks[j].text == ")" and toks[j - 1].text in _INSTITUTION_KINDS and toks[j - 2].text == "(":
        return j - 2  # the bracket: the name opens with the kind spelt out before it
    return None


def _role_cut(toks: list[Token], c: Candidate) -> Candidate:
    """Return ``c`` without a leading lower-case-usual word before an institution's kind or head
    (``Penasihat Gereja Bethel``, ``Santri Pondok Pesantren``): the role of the person, not the name."""
    if (
        c.entity_type == "ORG" and c.source == "tagger" and c.last - c.first >= 3
        and (toks[c.first + 1].text in _INSTITUTION_KINDS or toks[c.first + 1].text.lower() in HEADS)
        and capital_shares("id").get(toks[c.first].text.lower()) in ("c0", "c1")
        and toks[c.first].text.lower() not in HEADS and folded(toks[c.first].text) not in head_words("id")
    ):
        return Candidate(c.first + 1, c.last, c.entity_type, c.source)
    return c


def institutions_named(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a PERSON written right after an institution's kind made the
    institution's ORG (``UIN Maulana Malik Ibrahim``, ``RSUP Prof Ngoerah``); where a lone initial
    follows the name (``UIN Syarif Hidayatullah M Ihdan Nazar Husaini``), the person starts there."""
    cands = [_role_cut(toks, c) for c in cands]
    found: list[tuple[int, int, Candidate | None]] = []
    for c in cands:
        if c.entity_type != "PERSON" or c.source not in RULE_SOURCES:
            continue
        start = _kind_before(toks, c.first)
        if start is None:
            continue
        # The body whose name ends with the kind opens the whole name ("DEMA UIN", "Universitas
        # Islam Negeri (UIN)"); a bracket with no name before it joins nothing.
        opener = next((o for o in cands if o.entity_type == "ORG" and o.first < start < o.last + 1 and o.last in (start, start + 1)), None)
        if toks[start].text == "(" and opener is None:
            continue
        if opener is not None:
            start = opener.first
            if start + 1 < len(toks) and toks[start + 1].text in _INSTITUTION_KINDS and (
                folded(toks[start].text) in titles("id") or capital_shares("id").get(toks[start].text.lower()) in ("c0", "c1")
            ):
                start += 1  # "Penasihat Gereja ...": the adviser's title is no part of the church's name
        end = c.last
        person = None
        for j in range(c.first + 2, c.last - 1):
            if len(toks[j].text) == 1 and toks[j].text.isupper():
                end, person = j, Candidate(j, c.last, "PERSON", c.source)
                break
        found.append((start, end, person))
    if not found:
        return cands
    out = [c for c in cands if not any(a <= c.first < b or c.first <= a < c.last for a, b, _p in found)]
    for a, b, person in found:
        words = [t.text for t in toks[a:b]]
        if "(" in words:  # "Universitas Islam Negeri (UIN) Maulana Malik Ibrahim": named without the bracket
            k = words.index("(")
            name = " ".join(words[:k] + words[k + 3 :])
            out.append(Candidate(a, b, "ORG", "tagger", name, "ORG:" + folded(name)))
        else:
            out.append(Candidate(a, b, "ORG", "tagger"))
        if person is not None:
            out.append(person)
    return sorted(out, key=lambda c: c.first)


# Acronyms the shared gazetteer reads as Malaysian bodies that Indonesian writes for its own (KBBI:
# PN, pengadilan negeri; the gazetteer's PN is Malaysia's Perikatan Nasional, right for Utusan).
_INDONESIAN_READINGS = {"PN": "Pengadilan Negeri"}


def indonesian_acronyms(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with the Indonesian reading of acronyms the gazetteer gives a Malaysian
    body (``PN``: a district court, not Perikatan Nasional; ``PN Jakpus``, with its town, one ORG);
    none inside a case number (``2025/PN.Jkt.Pst``) or a lane's name (``Gang PN``)."""
    at = {c.first: c for c in cands}
    out = []
    skip = -1
    for c in cands:
        if c.first == skip:
            continue
        word = toks[c.first].text
        if c.source == "gazetteer" and c.last - c.first == 1 and word in _INDONESIAN_READINGS:
            before = toks[c.first - 1].text if c.first > 0 else ""
            if before in ("/", "Gang"):
                continue
            place = at.get(c.last)
            end = None
            if c.last < len(toks) and adjacent(toks, c.first, c.last):
                if place is not None and place.entity_type == "LOC":
                    end = place.last
                elif place is None and toks[c.last].text[:1].isupper() and known_place(toks[c.last].text):
                    end = c.last + 1
            if end is not None:
                c, skip = Candidate(c.first, end, "ORG", "tagger"), c.last  # "PN Jakpus": that town's court
            else:
                name = _INDONESIAN_READINGS[word]
                c = Candidate(c.first, c.last, "ORG", "tagger", name, "ORG:" + folded(name))
        out.append(c)
    return out
