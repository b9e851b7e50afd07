"""Malaysian honorifics and Indonesian police ranks are titles (roles), not parts of names."""

from __future__ import annotations

import pytest

from newsetl.transforms.entities import entity_mentions


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # Utusan
        ("Pengerusi Pasukan Khas Jihad Tangani Inflasi, Tan Sri Annuar Musa berkata, beliau telah "
         "mengambil inisiatif untuk bertemu peniaga.", "Annuar Musa", "Tan Sri"),
        ("Perdana Menteri, Datuk Seri Ismail Sabri Yaakob berkata, kerajaan akan mengumumkan tarikh itu.",
         "Ismail Sabri Yaakob", "Datuk Seri"),
        ("Datuk Bandar Ipoh, Datuk Rumaizi Baharin berkata, kehadiran penggiat filem dari India itu "
         "adalah satu petanda yang baik.", "Rumaizi Baharin", "Datuk"),
        # Detik: "Sri" alone stays part of a name.
        ("Menteri Keuangan Sri Mulyani Indrawati mengatakan pegawai Kementerian Keuangan berkurang.",
         "Sri Mulyani Indrawati", "Menteri Keuangan"),
    ],
    ids=["tan-sri", "datuk-seri", "datuk", "sri-is-a-name"],
)
def test_honorific_is_the_role(text: str, name: str, role: str) -> None:
    people = [(m.text, m.role) for m in entity_mentions(text, "id") if m.entity_type == "PERSON"]
    assert (name, role) in people
