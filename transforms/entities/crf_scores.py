"""The CRF tagger's arithmetic in numpy: Viterbi tags and marginals from the model's own weights.

crfsuite spends most of a sentence converting ~25 attribute strings a token to ids and summing
their weights; the tags themselves cost little. Here the weights are read once from the binary
model (``model_weights``: the exact doubles, not the 6-decimal text dump of ``Tagger.info``), and
each cached part of a feature row (``features.ModelFeatures``: a word's own features with its
gazetteer tag, what it lends its neighbours, a context tuple, a bigram) becomes one cached vector
of per-label scores. A token's state scores are the sum of its row's part vectors; Viterbi and the
scaled forward-backward run as crfsuite runs them (``crf1d_context.c``: first maximum wins, no
start or end transitions), over all sentences of a call at once.

The sums are taken in another order than crfsuite's (part by part instead of attribute by
attribute), so scores may differ in the last bits: tags differ only on an exact tie, marginals by
~1e-15 (``newsetl_dev.check_crf_engine`` compares both engines on every real sentence).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

from newsetl.transforms.entities.crf_keys import BigramRows, context_key_features, context_keys
from newsetl.transforms.entities.crf_words import WordRows
from newsetl.transforms.entities.features import ModelFeatures, context_features

_FEATURE_SIZE = 20  # crfsuite's FEATURE_SIZE: type, source, destination (uint32) and weight (double)


@dataclass(frozen=True)
class ModelWeights:
    """A crfsuite 1st-order model: labels, attributes, state weights (attributes x labels), transitions."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state: np.ndarray  # float64 (len(attributes), len(labels)); rows of attributes without features are 0
    transitions: np.ndarray  # float64 (len(labels), len(labels)): from row label to column label


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """Return the strings of one CQDB chunk, by id (the chunk's backward array)."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError("not a CQDB chunk")
    strings = [""] * count
    for i, at in enumerate(struct.unpack_from(f"<{count}I", data, offset + backward)):
        sid, size = struct.unpack_from("<II", data, offset + at)
        strings[sid] = data[offset + at + 8:offset + at + 8 + size - 1].decode("utf-8")
    return strings


def model_weights(data: bytes) -> ModelWeights:
    """Return the weights of a crfsuite ``lCRF``/``FOMC`` model file's bytes (``crf1d_model.c``)."""
    magic, _, kind, _, _, n_labels, n_attrs, at_features, at_labels, at_attrs = struct.unpack_from("<4sI4sIIIIIII", data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a crfsuite CRF1d model")
    labels = _cqdb_strings(data, at_labels)
    attributes = _cqdb_strings(data, at_attrs)
    chunk, _, n_features = struct.unpack_from("<4sII", data, at_features)
    if chunk != b"FEAT" or len(labels) != n_labels or len(attributes) != n_attrs:
        raise ValueError("unexpected crfsuite model layout")
    records = np.frombuffer(data, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                            count=n_features, offset=at_features + 12)
    if set(np.unique(records["type"]).tolist()) - {0, 1}:
        raise ValueError("unknown crfsuite feature type")
    state = np.zeros((n_attrs, n_labels))
    transitions = np.zeros((n_labels, n_labels))
    states, moves = records[records["type"] == 0], records[records["type"] == 1]
    np.add.at(state, (states["src"].astype(np.intp), states["dst"].astype(np.intp)), states["w"])
    np.add.at(transitions, (moves["src"].astype(np.intp), moves["dst"].astype(np.intp)), moves["w"])
    return ModelWeights(tuple(labels), tuple(attributes), state, transitions)


def _live_counts(lengths: list[int], longest: int) -> list[int]:
    """Return, for each position, how many of the (longest-first) sentences reach it."""
    counts, k = [0] * longest, len(lengths)
    for t in range(longest):
        while k and lengths[k - 1] <= t:
            k -= 1
        counts[t] = k
    return counts


def viterbi_labels(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> list[list[int]]:
    """Return the best label ids of each sentence of padded state ``scores`` ``(sentences, longest, labels)``,
    sentences longest first.

    As crfsuite: the score at ``(t, j)`` is ``max_i(prev_i + trans_ij) + state_tj``, the first
    maximal ``i`` kept, and the path ends in the first maximal label of the last token.
    """
    count, longest, n_labels = scores.shape
    live = _live_counts(lengths, longest)
    back = np.zeros((count, longest, n_labels), dtype=np.intp)
    alpha = scores[:, 0].copy()
    buffer = np.empty((count, n_labels, n_labels))
    add = np.add
    for t in range(1, longest):
        k = live[t]
        head = alpha[:k]
        candidates = add(head[:, :, None], transitions, out=buffer[:k])
        candidates.argmax(axis=1, out=back[:k, t])
        candidates.max(axis=1, out=head)
        head += scores[:k, t]
    # The back-pointers as one flat buffer of small ints: indexing it in Python costs less than
    # numpy steps per token position, or a nested list of every pointer.
    links = back.astype(np.uint8 if n_labels <= 256 else np.uint32).ravel().data
    stride = longest * n_labels
    paths = []
    for at, n, label in zip(range(0, count * stride, stride), lengths, alpha.argmax(axis=1).tolist()):
        path = [label]
        for t in range(at + (n - 1) * n_labels, at, -n_labels):
            label = links[t + label]
            path.append(label)
        path.reverse()
        paths.append(path)
    return paths


def marginals(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> np.ndarray:
    """Return ``P(label at t)`` ``(sentences, longest, labels)`` of padded state ``scores``, sentences longest first.

    The forward sums (normalised at every token, as crfsuite scales them) and the backward sums
    run in one loop: the backward pass is the forward pass of each sentence reversed, with the
    transposed transitions. ``P(t) ∝ alpha_t * beta_t``, normalised per token.
    """
    count, longest, n_labels = scores.shape
    live = _live_counts(lengths, longest)
    mask = np.arange(longest) < np.array(lengths)[:, None]
    flat = np.exp(scores[mask])
    # Flat index of each token of the sentences read backwards (an involution).
    reverse, at = [], 0
    for n in lengths:
        reverse.extend(range(at + n - 1, at - 1, -1))
        at += n
    states = np.zeros((2, count, longest, n_labels))
    states[0][mask] = flat
    states[1][mask] = flat[reverse]
    moves = np.exp(transitions)
    both = np.stack([moves, moves.T])
    sums = np.zeros_like(states)  # padding stays 0: no garbage (NaN warnings) past a short sentence
    sums[:, :, 0] = states[:, :, 0]
    sums[:, :, 0] /= sums[:, :, 0].sum(axis=2, keepdims=True)
    for t in range(1, longest):
        k = live[t]
        current = np.matmul(sums[:, :k, t - 1], both)
        current *= states[:, :k, t]
        current /= current.sum(axis=2, keepdims=True)
        sums[:, :k, t] = current
    ahead = np.zeros((count, longest, n_labels))
    ahead[mask] = sums[1][mask][reverse]  # from t to the end, t's own state included
    beta = np.ones((count, longest, n_labels))
    beta[:, :-1] = ahead[:, 1:] @ moves.T
    beta[np.arange(count), np.array(lengths) - 1] = 1.0
    probabilities = sums[0] * beta
    probabilities /= np.where(mask, probabilities.sum(axis=2), 1.0)[:, :, None]
    return probabilities


class ScoreTables:
    """Per-label state scores of sentences, from cached per-token and per-context score vectors.

    Mirrors ``ModelFeatures.sentence_features`` row by row: own + ``gz``, [BOS | second], [EOS],
    lent by -2, lent by -1 + ``-1gz`` (or ``-1pad``), lent by +1 + ``+1gz`` (or ``+1pad``), lent by
    +2, the two bigrams and the context features; a missing part is the zero vector. Not
    thread-safe (its caches grow): one per thread.
    """

    _MAX_VECTORS = 1 << 19
    _MAX_WORDS = 1 << 17

    def __init__(self, weights: ModelWeights, features: ModelFeatures):
        self._features = features
        self._n_labels = len(weights.labels)
        self._attribute_rows = {name.encode("utf-8"): i for i, name in enumerate(weights.attributes)}
        # The rows of the attributes ``features`` keeps (those with weights), by name and from a word's parts.
        self._known_rows = {name: i for i, name in enumerate(weights.attributes) if name in features._known}
        self._word_lookup = WordRows(self._known_rows)
        self._base = np.vstack([weights.state, np.zeros((1, self._n_labels))])
        self._zero = len(weights.attributes)
        self._reset()
        by_name = {name: i for i, name in enumerate(weights.attributes)}
        self._bigram_rows = {name: i for name, i in by_name.items() if name.startswith(("b-=", "b+="))}
        self._bigrams = BigramRows(self._bigram_rows, self._zero)
        one = self._vector
        kept = features._kept
        self._bos, self._second, self._eos = one(kept(("BOS",))), one(kept(("second",))), one(kept(("EOS",)))
        self._pad_before, self._pad_after = one(kept(("-1pad",))), one(kept(("+1pad",)))
        self._permanent = self._size

    def _reset(self) -> None:
        self._table = np.empty((max(2 * len(self._base), 4096), self._n_labels))
        self._table[:len(self._base)] = self._base
        self._size = len(self._base)
        self._tokens: dict[tuple[str, str], tuple] = {}
        self._contexts: dict[tuple[str, ...], int] = {}
        self._context_keys: dict[tuple, int] = {}
        # The keyed path's tokens: (word, tag) -> id (from 1) of a row of their five parts and word id.
        self._token_ids: dict[tuple[str, str], int] = {}
        self._token_parts = np.zeros((4096, 6), dtype=np.int64)
        # The keyed path's words: their five part attribute rows (no gazetteer tag) and word id.
        self._word_rows: dict[str, tuple] = {}
        self._tag_rows: dict[str, tuple] = {}

    def _vector(self, attributes: tuple[bytes, ...]) -> int:
        """Return the table row of the summed weights of ``attributes`` (UTF-8 names the model knows)."""
        if not attributes:
            return self._zero
        if len(attributes) == 1:
            return self._attribute_rows[attributes[0]]
        if self._size == len(self._table):
            grown = np.empty((2 * len(self._table), self._n_labels))
            grown[:self._size] = self._table[:self._size]
            self._table = grown
        rows = [self._attribute_rows[a] for a in attributes]
        self._table[self._size] = self._base[rows].sum(axis=0)
        self._size += 1
        return self._size - 1

    def _token(self, word: str, tag: str) -> tuple:
        key = (word, tag)
        parts = self._tokens.get(key)
        if parts is None:
            own, before1, after1, before2, after2, low = self._features._token(word, tag)
            vector = self._vector
            parts = self._tokens[key] = (vector(own), vector(before1), vector(after1), vector(before2),
                                         vector(after2), low)
        return parts

    def _reset_dynamic(self) -> None:
        self._size = self._permanent
        self._tokens.clear()
        self._contexts.clear()
        self._context_keys.clear()
        self._token_ids.clear()
        self._word_rows.clear()

    def _context(self, feats: tuple[str, ...]) -> int:
        row = self._contexts.get(feats)
        if row is None:
            rows = self._attribute_rows
            row = self._contexts[feats] = self._vector(tuple(b for b in (f.encode("utf-8") for f in feats) if b in rows))
        return row

    def state_scores(self, sentences: list[tuple[list[str], list[str]]]) -> np.ndarray:
        """Return the padded state scores ``(sentences, longest, labels)`` of ``(words, tags)`` pairs,
        given longest first: ``string_state_scores``'s, with the parts of each distinct token in an
        array, bigram rows found by word ids (``crf_keys.BigramRows``) and context rows by
        ``crf_keys.context_keys`` instead of by the feature strings."""
        if self._size >= self._MAX_VECTORS:  # between calls only: rows already handed out stay valid
            self._reset_dynamic()
        cached = self._token_ids.get
        tokens = []
        for words, tags in sentences:
            tokens += zip(words, tags)
        ids = [cached(k) for k in tokens]
        if None in ids:
            self._add_tokens(list(dict.fromkeys(k for k, at in zip(tokens, ids) if at is None)))
            ids = [at or cached(k) for k, at in zip(tokens, ids)]
        by_key, keyed = self._context_keys.get, self._keyed_context
        contexts = []
        for words, tags in sentences:
            keys = context_keys(words, tags)
            found = [by_key(k) for k in keys]
            if None in found:
                found = [keyed(k) if row is None else row for k, row in zip(keys, found)]
            contexts += found
        lengths = [len(words) for words, _ in sentences]
        parts = self._token_parts[ids]
        last = np.zeros(len(ids), dtype=bool)
        last[np.cumsum(lengths) - 1] = True
        before, after = self._bigrams.rows(parts[:, 5], last)
        return self._summed(lengths, parts, before, after, contexts)

    def _words_rows(self, word: str) -> tuple:
        """Return a word's attribute rows of its own features and of those it lends at -2, -1, +1
        and +2 (``crf_words.WordRows``), and its bigram word id."""
        parts = self._word_rows.get(word)
        if parts is None:
            if len(self._word_rows) >= self._MAX_WORDS:
                self._word_rows.clear()
            parts = self._word_rows[word] = (*self._word_lookup.rows(word), self._bigrams.word_ids.get(word.lower(), -1))
        return parts

    def _tags_rows(self, tag: str) -> tuple:
        """Return the attribute rows of ``gz=TAG``, ``-1gz=TAG`` and ``+1gz=TAG`` the model knows."""
        parts = self._tag_rows.get(tag)
        if parts is None:
            rows = self._known_rows
            parts = self._tag_rows[tag] = tuple([rows[f]] if f in rows else [] for f in
                                                (prefix + tag for prefix in ("gz=", "-1gz=", "+1gz=")))
        return parts

    def _add_tokens(self, keys: list[tuple[str, str]]) -> None:
        """Give each new ``(word, tag)`` of ``keys`` an id and its row in ``_token_parts``: the table rows
        of its five parts (those ``_token`` sums: own + ``gz``, lent at -1 + ``-1gz``, lent at +1 +
        ``+1gz``, lent at -2, lent at +2) and its word id; the new sums are taken all at once."""
        lists, word_ids = [], []
        for word, tag in keys:
            own, before2, before1, after1, after2, word_id = self._words_rows(word)
            gz, gz_before, gz_after = self._tags_rows(tag)
            lists += (own + gz, before1 + gz_before, after1 + gz_after, before2, after2)
            word_ids.append(word_id)
        first = len(self._token_ids) + 1
        end = first + len(keys)
        while end > len(self._token_parts):
            self._token_parts = np.concatenate([self._token_parts, np.zeros_like(self._token_parts)])
        block = self._token_parts[first:end]
        block[:, :5] = np.array(self._vectors(lists), dtype=np.int64).reshape(len(keys), 5)
        block[:, 5] = word_ids
        self._token_ids.update(zip(keys, range(first, end)))

    def _vectors(self, lists: list[list[int]]) -> list[int]:
        """Return per list of attribute rows the table row of their summed weights, as ``_vector``:
        the zero row for none, the attribute's own row for one, a new row for more, each summed in
        order, first row first (the same additions as ``self._base[rows].sum(axis=0)``)."""
        zero = self._zero
        found = [zero if not rows else rows[0] if len(rows) == 1 else -1 for rows in lists]
        summed = [rows for rows in lists if len(rows) > 1]
        if not summed:
            return found
        width = max(map(len, summed))
        flat = []
        for rows in summed:
            flat += rows
            flat += [zero] * (width - len(rows))  # adding the zero row's 0.0 changes no sum
        picked = self._base[np.array(flat, dtype=np.intp).reshape(len(summed), width)]
        total = picked[:, 0].copy()
        for j in range(1, width):
            total += picked[:, j]
        start, end = self._size, self._size + len(summed)
        if end > len(self._table):
            grown = np.empty((max(2 * len(self._table), end), self._n_labels))
            grown[:self._size] = self._table[:self._size]
            self._table = grown
        self._table[start:end] = total
        self._size = end
        new = iter(range(start, end))
        return [next(new) if row < 0 else row for row in found]

    def _keyed_context(self, key: tuple) -> int:
        row = self._context_keys[key] = self._context(context_key_features(key))
        return row

    def string_state_scores(self, sentences: list[tuple[list[str], list[str]]]) -> np.ndarray:
        """Return what ``state_scores`` returns, from the feature strings themselves (the reference path)."""
        if self._size >= self._MAX_VECTORS:
            self._reset_dynamic()
        token, context, bigrams, zero = self._token, self._context, self._bigram_rows, self._zero
        parts, before, after, contexts = [], [], [], []
        lengths = [len(words) for words, _ in sentences]
        for words, tags in sentences:
            sentence = [token(w, t) for w, t in zip(words, tags)]
            low = [p[5] for p in sentence]
            pairs = [bigrams.get("b-=" + a + "|" + b, zero) for a, b in zip(low, low[1:])]
            before += [zero, *pairs]
            after += [bigrams.get("b+=" + a + "|" + b, zero) for a, b in zip(low, low[1:])]
            after.append(zero)
            parts += sentence
            contexts += [context(c) for c in context_features(words, tags)]
        return self._summed(lengths, np.array([p[:5] for p in parts], dtype=np.intp), before, after, contexts)

    def _summed(self, lengths: list[int], parts: np.ndarray, before, after, contexts) -> np.ndarray:
        """Return the padded state scores: per token, the sum of the rows of its ten row parts
        (``parts``: per token its own and four lent rows, first columns of an array)."""
        zero = self._zero
        own, lent_before1, lent_after1, lent_before2, lent_after2 = parts[:, :5].T
        n = len(own)
        sizes = np.array(lengths)
        starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
        position = np.arange(n) - starts
        remaining = np.repeat(sizes, sizes) - 1 - position  # tokens after this one in its sentence
        slots = np.full((10, n), zero, dtype=np.intp)
        slots[0] = own
        slots[1, position == 0] = self._bos
        slots[1, position == 1] = self._second
        slots[2, remaining == 0] = self._eos
        slots[3, 2:] = lent_before2[:-2]
        slots[3, position < 2] = zero
        slots[4, 1:] = lent_before1[:-1]
        slots[4, position == 0] = self._pad_before
        slots[5, :-1] = lent_after1[1:]
        slots[5, remaining == 0] = self._pad_after
        slots[6, :-2] = lent_after2[2:]
        slots[6, remaining < 2] = zero
        slots[7] = before
        slots[8] = after
        slots[9] = contexts
        flat = self._table[slots].sum(axis=0)
        scores = np.zeros((len(lengths), lengths[0], self._n_labels))
        scores[np.arange(lengths[0]) < sizes[:, None]] = flat
        return scores
