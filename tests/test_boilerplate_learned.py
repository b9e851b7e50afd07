"""Boilerplate learned from line frequency per outlet, on lines taken from real Detik and Utusan articles."""

from __future__ import annotations

import pytest

from newsetl.transforms.boilerplate import (
    TOTAL_KEY,
    boilerplate_line_key,
    boilerplate_scope,
    learned_boilerplate,
    line_document_counts,
    merged_counts,
)
from newsetl.transforms.structure import document_structure, masked_text

PROMO = "Saksikan Live DetikPagi :"
BODY = [
    "Jakarta - KPK memeriksa dua saksi dalam kasus dugaan korupsi pengadaan bansos.",
    "Jakarta - Presiden Prabowo Subianto melantik menteri baru di Istana Negara.",
    "Bandung - Banjir merendam ratusan rumah warga di Kabupaten Bandung.",
    "Surabaya - Harga cabai rawit di Pasar Keputran naik menjadi Rp 80.000 per kilogram.",
    "Medan - Polisi menangkap dua pelaku pencurian sepeda motor di Deli Serdang.",
    "Makassar - Pemkot Makassar menyiapkan 20 titik posko mudik.",
]
# Real background sentence Detik reused in three KPK stories: content, not a template.
REUSED = "Dalam perkara ini, KPK juga telah menetapkan empat orang sebagai tersangka."


def _article(i: int) -> str:
    lines = [BODY[i], PROMO, "SCROLL TO CONTINUE WITH CONTENT"]
    if i < 3:
        lines.append(REUSED)
    return "\n".join(lines)


def test_a_promo_repeated_across_an_outlets_articles_is_learned_and_a_reused_sentence_is_not():
    texts = [_article(i) for i in range(6)]
    counts = line_document_counts(["detik.com"] * 6, texts)
    learned = learned_boilerplate(counts)["detik.com"]
    assert boilerplate_line_key(PROMO) in learned
    assert boilerplate_line_key(REUSED) not in learned
    assert not any(key == boilerplate_line_key(body) for key in learned for body in BODY)


def test_learned_lines_are_masked_so_extractors_never_see_them():
    learned = frozenset({boilerplate_line_key(PROMO)})
    text = _article(0)
    structure = document_structure(text, learned)
    masked = masked_text(text, structure)
    assert "Saksikan" not in masked and "KPK memeriksa" in masked and len(masked) == len(text)


def test_counts_accumulate_across_runs_and_scopes_stay_apart():
    first = line_document_counts(["detik.com"] * 3, [_article(i) for i in range(3)])
    second = line_document_counts(["detik.com"] * 3 + ["utusan.com.my"], [_article(i) for i in range(3, 6)] + [
        "MELAKA: Seorang bekas pengurus besar badan berkanun direman enam hari.\n" + PROMO])
    total = merged_counts(first, second)
    rows = {(scope, key): n for scope, key, n in total.iter_rows()}
    assert rows[("detik.com", boilerplate_line_key(PROMO))] == 6
    assert rows[("detik.com", TOTAL_KEY)] == 6 and rows[("utusan.com.my", TOTAL_KEY)] == 1
    assert "utusan.com.my" not in learned_boilerplate(total)  # one article proves nothing


@pytest.mark.parametrize(("outlet", "uri", "scope"), [
    ("detik.com", "file:///inbox/detik.csv#row=3", "detik.com"),
    (None, "file:///inbox/detik.csv#row=3", "file:/inbox/detik.csv"),
    (None, "file:///inbox/bbc/business/001.txt", "file:/inbox/bbc/business/"),
])
def test_scope_is_the_outlet_else_the_file_or_folder(outlet, uri, scope):
    assert boilerplate_scope(outlet, uri) == scope
