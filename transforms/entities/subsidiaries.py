"""Organisations whose names continue a known organisation's (issue 16, Detik).

``Pertamina Foundation`` and ``PT Pertamina Hulu Mahakam`` are units with names of their own, not
mentions of Pertamina; an acronym opening a person's name (``BI Juli Budi Winantya``) leaves the
month-like given name to the person. Pure functions over tokens and candidates, called by
``mentions.entity_mentions``.
"""

from __future__ import annotations

from functools import cache

from newsetl.transforms.entities.gazetteer import gazetteer_entry
from newsetl.transforms.entities.lexicon import calendar_words, data_rows, folded
from newsetl.transforms.entities.spans import Candidate, is_name_word, taken_positions
from newsetl.transforms.entities.tokens import Token

_MAX_UNIT_WORDS = 4
# Legal forms and the group word closing a company's name (UU 40/2007 Perseroan Terbatas, UU 19/2003
# BUMN; "Tbk", terbuka, listed): the same company.
_LEGAL_TAILS = frozenset({"persero", "tbk", "group", "grup"})


@cache
def subsidiary_words() -> frozenset[str]:
    """Return the lower-case words that continue a company's name into a unit's (``subsidiary_words_id.tsv``)."""
    return frozenset(row[0].lower() for row in data_rows("subsidiary_words_id.tsv") if row)


def _tight_capital(toks: list[Token], j: int) -> bool:
    return j < len(toks) and toks[j].text[:1].isupper() and toks[j].text.isalpha() and toks[j].start - toks[j - 1].end == 1


def subsidiary_names(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a gazetteer company continued by unit words made one new ORG
    (``Pertamina Foundation``, ``PT Pertamina Hulu Mahakam``); a name the tagger opened on a unit
    word (``Hulu Mahakam``) is the unit's rest, a name after the unit words (``Agus Mashud``) stays."""
    words = subsidiary_words()
    starts = {c.first: c for c in cands}
    out: list[Candidate] = []
    skip = -1
    for c in cands:
        if c.first < skip:
            continue
        end = c.last
        # Only a company has units named so: "PN Niaga" is a court, "ASEAN Gas" a pipeline's.
        if c.entity_type == "ORG" and c.source == "gazetteer" and c.kind == "company":
            while end - c.last < _MAX_UNIT_WORDS and _tight_capital(toks, end) and toks[end].text.lower() in words:
                nxt = starts.get(end)
                # The tagger's name opened on the unit word ("Hulu Mahakam") is the unit's rest.
                end = nxt.last if nxt is not None and nxt.source != "gazetteer" else end + 1
            unit_end = end
            # A legal form or "Group" closes the name ("Pertamina Persero", "Pertamina Group",
            # "Pertamina Geothermal Energy Tbk") without making another company.
            if _tight_capital(toks, end) and toks[end].text.lower() in _LEGAL_TAILS and end not in starts:
                end += 1
        else:
            unit_end = end
        if end > c.last and not any(o is not c and o.first < end and c.last <= o.first and o.last > end for o in cands):
            if unit_end == c.last:  # the parent itself, written with its legal form
                out.append(Candidate(c.first, end, "ORG", c.source, c.canonical_name, c.entity_key, c.country_code, c.kind))
                skip = end
                continue
            # "PT Pertamina Hulu Energi" and "Pertamina Hulu Energi" are one company: the legal form is no part of the key.
            first = c.first + 1 if toks[c.first].text == "PT" else c.first
            name = " ".join(t.text for t in toks[first:unit_end])
            out.append(Candidate(c.first, end, "ORG", "headed", name, "ORG:" + folded(name), None, "company"))
            skip = end
            continue
        out.append(c)
    return out


def months_cut(toks: list[Token], cands: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a month name closing a multi-word ORG given to the person named
    right after it (``BI Juli`` + ``Budi Winantya``: Juli Budi Winantya), or cut when none follows;
    no body's name ends in a month."""
    months = calendar_words()
    starts = {c.first: c for c in cands}
    held = taken_positions(cands)

    def covered(k: int) -> bool:
        return k in held

    out: list[Candidate] = []
    taken: set[int] = set()
    for c in cands:
        if id(c) in taken:
            continue
        last = c.last - 1
        if (
            c.entity_type == "ORG" and c.last - c.first >= 2 and toks[last].text.lower() in months
            and c.source != "gazetteer" and toks[last].start - toks[last - 1].end == 1  # not "Juni-Juli"
        ):
            # What is left may be a known body's alias again ("BI": Bank Indonesia).
            name = " ".join(t.text for t in toks[c.first : last])
            entry = gazetteer_entry(name)
            if entry is not None and entry.entity_type == "ORG":
                out.append(Candidate(c.first, last, "ORG", "gazetteer", entry.canonical_name, entry.entity_key, None, entry.kind))
            else:
                out.append(Candidate(c.first, last, "ORG", c.source))
            person = starts.get(c.last)
            if person is not None and person.entity_type == "PERSON" and toks[person.first].start - toks[last].end == 1:
                out.append(Candidate(last, person.last, "PERSON", person.source))
                taken.add(id(person))
            elif person is None and not covered(c.last):
                # Capitalised words no name holds go on the name the month opens ("Juli Budi Winantya").
                end = c.last
                while end - c.last < _MAX_UNIT_WORDS and _tight_capital(toks, end) and not covered(end) and is_name_word(toks[end], "id"):
                    end += 1
                if end > c.last:
                    out.append(Candidate(last, end, "PERSON", "tagger"))
            continue
        out.append(c)
    return out
