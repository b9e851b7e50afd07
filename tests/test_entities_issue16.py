"""Issue 16: names on real news (title chains, honorifics, acronyms)."""

import pytest

from newsetl.transforms.entities import entity_mentions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At a conference hosted by UK finance minister Gordon Brown on Friday, he said that he would.", "en"),
        ('"We will see growth here," said Dinesh Keskar, senior vice president Boeing.', "en"),
        ("Wakil Gubernur Sutrisno mengatakan bahwa banjir sudah surut.", "id"),
        ("Perdana Menteri Datuk Seri Anwar Ibrahim berkata kerajaan akan membantu.", "ms"),
    ],
)
def test_title_chains_emit_each_span_once(text, language):
    spans = [(m.start, m.end) for m in entity_mentions(text, language)]
    assert spans and len(spans) == len(set(spans))
