"""The fact extractors never raise, keep offsets valid and stay fast."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsetl.transforms.facts import event_counts, quotes, source_citations
from newsetl.transforms.numbers import numeral_spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Characters that exercise the quote pairing, cues, numerals and non-Latin scripts.
_ALPHABET = st.sampled_from(
    list("\"“”„'‘’«» ,.;:!?()-\n/%$0123456789")
    + ["kata ", "katanya", "ujarnya", "kata kementerian itu", "Kementerian ", "Pashinyan ", "dikutip ",
       "dari ", "kantor berita ", "TASS", "(AFP)", "orang ", "tewas ", "lebih dari ", "ratusan ", "ribu ",
       "seorang ", "F-16", "ke-", "mengatakan, ", "menurut ", "Reuters ", "😀", "قال ", "İstanbul ", "ß"]
)


def _assert_offsets(text):
    for quote in quotes(text, []):
        assert text[quote.start:quote.end] == quote.quote_text
        if quote.speaker_start is not None:
            assert text[quote.speaker_start:quote.speaker_end] == quote.speaker_text
    for citation in source_citations(text, []):
        assert text[citation.start:citation.end] == citation.source_name
    for count in event_counts(text):
        assert text[count.start:count.end] == count.text
        assert count.value >= 1
    for start, end, _ in numeral_spans(text):
        assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_never_raises_on_cue_soup(text):
    _assert_offsets(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    _assert_offsets(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        '"',
        "“”",
        '"""',
        '“a” ”b“ "c',
        "😀" * 2000,
        'قال المتحدث "لن نتراجع أبدا" للصحفيين',
        "İSTANBUL - \"Türkiye yanınızda,\" dedi Erdoğan.",
        "x" * 200_000,
        "\x00\ufeff\u200b",
    ],
)
def test_never_raises_on_odd_strings(text):
    _assert_offsets(text)


@pytest.mark.parametrize(
    "text",
    ['"x" ' * 20_000, "“a” ’b‘ " * 10_000, "1 orang tewas, " * 10_000, "dia mengatakan, " * 10_000, "kata " * 40_000],
)
@pytest.mark.timeout(120)  # a hang guard against catastrophic regex backtracking, not a speed target
def test_huge_single_line_is_handled_without_hanging(text):
    found = quotes(text, []), source_citations(text, []), event_counts(text)
    for records in found:
        for record in records:
            assert 0 <= record.start <= record.end <= len(text)
