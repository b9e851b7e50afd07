"""Families and relatives of victims are not victims (issue 17), on Detik sentences."""

import pytest

from newsetl.transforms.facts.counts import event_counts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 22 families, not 22 people.
        ("Direktur Rehabilitasi Sosial Korban Bencana Alam dan Non Alam Kemensos, Adrianus Alla menyampaikan pihaknya "
         "sudah mengasesmen sebanyak 22 keluarga korban untuk mendapatkan bantuan pemberdayaan sosial.", []),
        # One relative of a dead victim receives aid: a recipient, not a count of the event.
        ("Khusus untuk pada malam hari ini akan diberikan secara simbolis bantuan pemberdayaan kepada satu orang "
         "keluarga korban meninggal dunia asal Surabaya berupa usaha jualan soto senilai Rp10.075.000.", []),
        # The next sentence carries on the aid list: the family of one injured person is a recipient too.
        ("Khusus untuk pada malam hari ini akan diberikan secara simbolis bantuan pemberdayaan kepada satu orang "
         "keluarga korban meninggal dunia asal Surabaya berupa usaha jualan soto senilai Rp10.075.000. Dan keluarga "
         "satu orang luka berat asal Sidoarjo berupa pengembangan usaha jualan kelapa dengan nilai Rp 10.000.000.", []),
        # Without aid, the people after "keluarga" are still counted.
        ("Dari peristiwa ini ada 58 orang korban dan yang melapor 27 orang dengan total kerugian lebih dari Rp3 miliar",
         [("58 orang", "other", 58)]),
        # The victim himself is still a killed count.
        ('"Benar, kemarin kami mendapatkan informasi ada penganiayaan yang menyebabkan 1 orang meninggal dunia.',
         [("1 orang", "killed", 1)]),
    ],
)
def test_relatives_and_families_are_not_victims(sentence, expected):
    assert [(c.text, c.count_type, c.value) for c in event_counts(sentence, "id")] == expected
