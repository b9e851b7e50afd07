"""Dev check of the name layer on the real corpora in ``../shared/data/news`` (issue 16).

``python -m newsetl_dev.eval_names [--data DIR] [--top 30]`` runs the pure entity stage
(structure -> masked text -> ``entity_mentions`` -> ``resolved_entities``) per corpus and prints
the top entities, title-cased acronyms, PERSON entities opening with a title, and, for Detik,
the share of the ``entity`` column's named stakeholders found as PERSON/ORG mentions.

Stakeholder matching: a stakeholder is *named* when it has two or more capitalised words or an
all-capital word of 2+ letters. Its forms are the string, the string without a bracketed part,
and the bracketed part (``Badan Pusat Statistik (BPS)`` -> both). It is found when some PERSON
or ORG mention of its article (surface or canonical name, folded) contains one of its forms, or
is contained in one on word boundaries and is at least 3 characters long; a PERSON's role
(``Gubernur Jawa Timur``) counts as one of its names. Two figures: over all
named stakeholders, and over those one of whose forms is written in the article body (the
others were annotated from the headline or summary, which no body mention can match).

``--misses`` prints every missed stakeholder instead, with its article id, whether it is written in
the body, the body around its first occurrence and the mentions there (text, type), for classifying.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl

from newsetl.transforms.entities import entity_mentions, resolved_entities
from newsetl.transforms.entities.lexicon import folded, titles
from newsetl.transforms.structure import document_structure, masked_text

_ACRONYM = re.compile(r"^[A-Z][a-z]{1,4}$")
_BRACKET = re.compile(r"\s*\(([^)]*)\)")


def corpus_texts(data: Path) -> dict[str, tuple[str, list[tuple[str, str, object]]]]:
    """Return ``{corpus: (language, [(doc_id, text, extra)])}`` for the corpora present."""
    out = {}
    if (data / "detik.csv").exists():
        d = pl.read_csv(data / "detik.csv", infer_schema_length=0)
        out["detik"] = ("id", [(r["id"], r["isi_berita"] or "", r["entity"]) for r in d.iter_rows(named=True)])
    if (data / "utusan.csv").exists():
        u = pl.read_csv(data / "utusan.csv", infer_schema_length=0)
        out["utusan"] = ("ms", [(str(i), r["Summary"] or "", None) for i, r in enumerate(u.iter_rows(named=True))])
    if (data / "bbc").is_dir():
        files = sorted((data / "bbc").glob("*/*.txt"))
        out["bbc"] = ("en", [(str(p), p.read_text(encoding="utf-8", errors="replace"), None) for p in files])
    return out


def document_entities(text: str, language: str):
    """Return the mentions of one document as the pipeline computes them."""
    structure = document_structure(text)
    return entity_mentions(masked_text(text, structure), language)


def _is_named(stakeholder: str) -> bool:
    words = stakeholder.split()
    return sum(w[:1].isupper() for w in words) >= 2 or any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words)


def _forms(stakeholder: str) -> set[str]:
    """Return the folded forms of a stakeholder: whole, without brackets, the bracketed part."""
    forms = {folded(stakeholder), folded(_BRACKET.sub("", stakeholder))}
    forms |= {folded(b) for b in _BRACKET.findall(stakeholder)}
    forms.discard("")
    return forms


def stakeholder_found(stakeholder: str, names: set[str]) -> bool:
    """Return True when one of the folded ``names`` matches ``stakeholder`` (module docstring)."""
    forms = _forms(stakeholder)
    for name in names:
        for form in forms:
            if form in name or (len(name) >= 3 and f" {name} " in f" {form} "):
                return True
    return False


def stakeholders(raw) -> list[str]:
    """Return the named stakeholders listed in one ``entity`` cell."""
    try:
        groups = json.loads(raw or "{}")
    except json.JSONDecodeError:
        return []
    return [s for values in groups.values() for s in values if isinstance(s, str) and _is_named(s)]


def miss_report(doc_id: str, stakeholder: str, text: str, mentions, written: bool) -> str:
    """Return a few lines showing a missed stakeholder in its article: context and nearby mentions."""
    # Where the article writes it: its longest form, else its longest word (any case and punctuation).
    forms = sorted({stakeholder, _BRACKET.sub("", stakeholder), *_BRACKET.findall(stakeholder)}, key=len, reverse=True)
    words = sorted(_BRACKET.sub("", stakeholder).split(), key=len, reverse=True)
    at = -1
    for needle in forms + words:
        parts = re.findall(r"\w+", needle)
        found = parts and re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, parts)) + r"(?!\w)", text, re.I)
        if found:
            at = found.start()
            break
    lines = [f"-- {doc_id} | {stakeholder} | {'body' if written else 'not in body'}"]
    if at >= 0:
        lo, hi = max(0, at - 90), min(len(text), at + 110)
        lines.append("   ..." + " ".join(text[lo:hi].split()) + "...")
        near = [f"{m.text}[{m.entity_type}]" for m in mentions if m.end >= lo and m.start <= hi]
        lines.append("   mentions: " + "; ".join(near))
    else:
        lines.append("   (no word of it in the body)")
    return "\n".join(lines)


def evaluate(corpus: str, language: str, docs, top: int, misses: bool = False) -> None:
    """Print the figures of one corpus (or, with ``misses``, every missed stakeholder)."""
    counts: Counter = Counter()
    names: dict[tuple[str, str], str] = {}
    found = total = present = found_present = 0
    missed = []
    for doc_id, text, extra in docs:
        mentions = document_entities(text, language)
        for m in mentions:
            counts[(m.entity_type, m.entity_key)] += 1
            names.setdefault((m.entity_type, m.entity_key), m.canonical_name)
        if extra is not None:
            # A person's role counts too: "Gubernur Jawa Timur" is the governor the article names.
            seen = {folded(x) for m in mentions if m.entity_type in ("PERSON", "ORG")
                    for x in (m.text, m.canonical_name, m.role) if x}
            body = f" {folded(text)} "
            for s in stakeholders(extra):
                total += 1
                written = any(f" {f} " in body for f in _forms(s))
                hit = stakeholder_found(s, seen)
                found += hit
                present += written
                found_present += hit and written
                if written and not hit:
                    missed.append(s)
                if misses and not hit:
                    print(miss_report(doc_id, s, text, mentions, written))
    if misses:
        print(f"== {corpus}: stakeholders found {found}/{total}; in the body {found_present}/{present}")
        return
    stats = pl.DataFrame(
        [{"entity_type": k[0], "entity_key": k[1], "canonical_name": names[k], "country_code": None,
          "mention_count": n} for k, n in counts.items()],
        schema={"entity_type": pl.Utf8, "entity_key": pl.Utf8, "canonical_name": pl.Utf8,
                "country_code": pl.Utf8, "mention_count": pl.Int64},
    )
    resolved = resolved_entities(stats).with_columns(n=stats["mention_count"])
    entities = resolved.group_by("entity_id", "entity_type", "canonical_name").agg(pl.col("n").sum()).sort("n", descending=True)
    print(f"== {corpus}: {len(docs)} docs, {entities.height} entities")
    for r in entities.head(top).iter_rows(named=True):
        print(f"  {r['n']:5d} {r['entity_type']:6s} {r['canonical_name']}")
    acronyms = [r["canonical_name"] for r in entities.iter_rows(named=True) if _title_cased_acronym(r["canonical_name"], corpus)]
    print(f"  title-cased acronyms: {len(acronyms)} {acronyms[:15]}")
    known = titles("en" if language == "en" else "id")
    people = entities.filter((pl.col("entity_type") == "PERSON") & (pl.col("n") >= 2))
    titled = [r["canonical_name"] for r in people.iter_rows(named=True) if _opens_with_title(r["canonical_name"], known)]
    share = len(titled) / max(people.height, 1)
    print(f"  titled PERSON (>=2 mentions): {len(titled)}/{people.height} = {share:.1%} {titled[:15]}")
    print(f"  fused PERSON names: {fused_people(entities)[:15]}")
    top_people = people.head(5)["canonical_name"].to_list()
    print(f"  top people: {top_people}")
    print("  prabowo keys:", sorted(k for k in names if "prabowo" in k[1] and k[0] == "PERSON")[:20])
    if total:
        print(f"  stakeholders found (all named): {found}/{total} = {found / total:.1%}")
        print(f"  stakeholders found (named and written in the article): {found_present}/{present} = "
              f"{found_present / max(present, 1):.1%}; missed e.g. {missed[:25]}")


_UPPER_SEEN: dict[str, set[str]] = defaultdict(set)
_TITLE_SEEN: dict[str, set[str]] = defaultdict(set)


def _title_cased_acronym(name: str, corpus: str) -> bool:
    """Return True when a word of ``name`` is title-cased but the corpus only writes it in capitals."""
    return any(
        _ACRONYM.match(w) and w.upper() in _UPPER_SEEN[corpus] and w not in _TITLE_SEEN[corpus]
        for w in name.split()
    )


# Checked besides titles.tsv, so the figure does not only test the list the code strips.
_HONORIFICS = frozenset(folded(t) for t in (
    "Datuk Seri", "Tan Sri", "Dato' Sri", "Datuk", "Dato'", "Tun", "Tuan", "Haji", "Hajah", "H", "Hj", "Ir",
    "Drs", "Dr", "Prof", "Sir", "Lord", "Mr", "Mrs", "Ms", "AKBP", "AKP", "Kombes", "Kompol", "Brigjen",
    "Irjen", "Komjen", "Jenderal", "Letjen", "Mayjen", "Kapolda", "Kapolres", "Presiden", "Menteri",
    "Gubernur", "Bupati", "Wali Kota", "Ketua", "Kapten", "Pelatih", "Skuad", "Actor", "Laksamana",
))


def fused_people(entities: pl.DataFrame) -> list[str]:
    """Return PERSON names holding an ORG name (3+ letters, 2+ mentions) or two other people's names."""
    rows = entities.filter(pl.col("n") >= 2).iter_rows(named=True)
    orgs, people = set(), set()
    for r in rows:
        words = tuple(folded(r["canonical_name"]).split())
        if r["entity_type"] == "ORG" and len("".join(words)) >= 3:
            orgs.add(words)
        elif r["entity_type"] == "PERSON" and len(words) >= 2:
            people.add(words)
    fused = []
    for r in entities.filter(pl.col("entity_type") == "PERSON").iter_rows(named=True):
        words = tuple(folded(r["canonical_name"]).split())
        subs = {words[a:b] for a in range(len(words)) for b in range(a + 1, len(words) + 1)} - {words}
        inside = [p for p in people if p in subs]
        if any(o in subs or o == words for o in orgs) or any(
            not set(p) & set(q) for p in inside for q in inside
        ):
            fused.append(r["canonical_name"])
    return fused


def _opens_with_title(name: str, known: frozenset[str]) -> bool:
    """Return True when ``name`` (of two or more words) opens with a title or honorific."""
    words = folded(name).split()
    return any(" ".join(words[:n]) in (known | _HONORIFICS) for n in range(1, min(4, len(words))))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/news"))
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--corpus", action="append")
    parser.add_argument("--misses", action="store_true", help="print every missed stakeholder in context")
    args = parser.parse_args(argv)
    for corpus, (language, docs) in corpus_texts(args.data).items():
        if args.corpus and corpus not in args.corpus:
            continue
        # An acronym is a word the corpus writes in capitals somewhere ("KPK", "UMNO").
        _UPPER_SEEN[corpus] = {w for _, t, _ in docs for w in re.findall(r"\b[A-Z]{2,6}\b", t)}
        _TITLE_SEEN[corpus] = {w for _, t, _ in docs for w in re.findall(r"\b[A-Z][a-z]{1,4}\b", t)}
        evaluate(corpus, language, docs, args.top, args.misses)


if __name__ == "__main__":
    main()
