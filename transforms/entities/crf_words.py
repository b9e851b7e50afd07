"""A word's CRF attribute rows found from the parts its feature names are built from.

``features.word_features`` and ``neighbour_features`` spell ~45 names a word (``w=kota``,
``-1w=kota``, ``+2cs=?``...), and the score tables need only the rows of those the model knows.
Spelling and hashing every name is most of a new word's cost in the tagger; here each feature
kind has its own table of values (``w`` -> {``kota``: row}), so the lower-cased form is hashed
once for its five ``w`` tables, the casing and squeezed shape rows are looked up per class, and
the lexicon rows per combination of lexicon values. The rows come out in the order of the names
(``tests/test_crf_keys.py`` compares them on real words), so their sums are the same to the bit.
"""

from __future__ import annotations

from itertools import groupby

from newsetl.transforms.entities.features import OFFSETS, _casing, _shape, lexicon_feature_names, lexicon_values

_OWN_KINDS = ("w", "sh", "ssh", "c", "p2", "p3", "p4", "s1", "s2", "s3", "s4", "len")
_PREFIXES = tuple(f"{offset:+d}" for offset in OFFSETS)  # -2, -1, +1, +2
_MAX_CLASSES = 1 << 12  # distinct squeezed shapes or lexicon value combinations (a few hundred in news)


def _kept(rows: dict[str, int], names) -> list[int]:
    return [rows[name] for name in names if name in rows]


class WordRows:
    """The attribute rows of a word's own features and of those it lends at -2, -1, +1 and +2."""

    def __init__(self, rows: dict[str, int]):
        """``rows``: attribute name -> row, for the attributes the model knows."""
        self._rows = rows
        values: dict[str, dict[str, int]] = {}
        for name, row in rows.items():
            kind, equals, value = name.partition("=")  # a kind never holds "="; a value may ("w==")
            if equals:
                values.setdefault(kind, {})[value] = row
        self._own = tuple(values.get(kind, {}).get for kind in _OWN_KINDS)
        self._lent_words = tuple(values.get(prefix + "w", {}).get for prefix in _PREFIXES)
        self._flags = tuple(rows.get(name) for name in ("bias", "hyphen", "dot"))
        self._casings: dict[str, tuple] = {}
        self._squeezed: dict[str, tuple] = {}
        self._lexicons: dict[tuple, tuple] = {}

    def _casing_rows(self, casing: str) -> tuple:
        """Return the rows of ``c=``, ``-2c=``, ``-1c=``, ``+1c=``, ``+2c=`` of a casing (None: unknown)."""
        found = self._casings.get(casing)
        if found is None:
            rows = self._rows
            found = self._casings[casing] = tuple(rows.get(prefix + "c=" + casing) for prefix in ("", *_PREFIXES))
        return found

    def _squeezed_rows(self, squeezed: str) -> tuple:
        """Return the rows of ``ssh=``, ``-1ssh=``, ``+1ssh=`` of a squeezed shape (None: unknown)."""
        found = self._squeezed.get(squeezed)
        if found is None:
            if len(self._squeezed) >= _MAX_CLASSES:
                self._squeezed.clear()
            rows = self._rows
            found = self._squeezed[squeezed] = tuple(rows.get(prefix + "ssh=" + squeezed) for prefix in ("", "-1", "+1"))
        return found

    def _lexicon_rows(self, values: tuple) -> tuple:
        """Return the rows of the lexicon features of ``values``, unprefixed and at each of ``_PREFIXES``."""
        found = self._lexicons.get(values)
        if found is None:
            if len(self._lexicons) >= _MAX_CLASSES:
                self._lexicons.clear()
            found = self._lexicons[values] = tuple(
                _kept(self._rows, lexicon_feature_names(values, prefix)) for prefix in ("", *_PREFIXES))
        return found

    def rows(self, word: str) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
        """Return the rows the model knows of ``("bias", *word_features(word))`` and of
        ``neighbour_features(word, offset)`` for each of ``OFFSETS``, each in the order of its names."""
        low = word.lower()
        shape = _shape(word)
        squeezed = "".join([c for c, _ in groupby(shape)])  # features' _SHAPE_RUNS.sub(r"\1", shape)
        casings = self._casing_rows(_casing(word))
        shapes = self._squeezed_rows(squeezed)
        lexicon = self._lexicon_rows(lexicon_values(low))
        w, sh, _, _, p2, p3, p4, s1, s2, s3, s4, length = self._own
        bias, hyphen, dot = self._flags
        own = [bias, w(low), sh(shape), shapes[0], casings[0], p2(low[:2]), p3(low[:3]), p4(low[:4]),
               s1(low[-1:]), s2(low[-2:]), s3(low[-3:]), s4(low[-4:]), length(str(min(len(word), 8)))]
        if "-" in word:
            own.append(hyphen)
        if "." in word and len(word) > 1:
            own.append(dot)
        parts = [[row for row in own if row is not None] + lexicon[0]]
        before2, before1, after1, after2 = self._lent_words
        for k, (lent, squeezed_row) in enumerate(((before2, None), (before1, shapes[1]),
                                                   (after1, shapes[2]), (after2, None)), start=1):
            feats = [row for row in (lent(low), casings[k], squeezed_row) if row is not None]
            parts.append(feats + lexicon[k])
        return tuple(parts)
