"""Rebuild the Indonesian NER model and its word lexicons from ``../shared/data``.

``python -m newsetl_dev.train_ner`` writes, deterministically (sorted inputs, fixed L-BFGS settings):

- ``transforms/entities/word_classes_id.tsv``: the usual class of common Indonesian words, read
  from NERP (lower-cased, so it is used only as a case-free lexicon, never as training text) and
  the Indonesian language-identification sentences;
- ``transforms/entities/everyday_words_id.tsv`` / ``everyday_words_en.tsv``: words written
  lower-case in true-cased text (idner-news-2k train outside names, the langid sentences; for
  English also the top words of pyspellchecker's frequency list that English text mostly writes
  lower-case, less common given names), which the rules never take for names;
- ``transforms/entities/ner_id.crfsuite``: a CRF trained on idner-news-2k ``train.txt``.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pycrfsuite

import newsetl.transforms.entities as entities_pkg
from newsetl.transforms import lexicons
from newsetl.transforms.entities import crf, features, lexicon, spans
from newsetl.transforms.entities.gazetteer import gazetteer_matches
from newsetl.transforms.entities.tokens import Token

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
PACKAGE_DIR = Path(entities_pkg.__file__).parent
IDNER_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
NERP_TYPES = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}  # EVT and FNB name no PERSON/ORG/LOC
# Trainer settings: L1 keeps the model small, L2 smooths; chosen by cross-validation on train.txt
# only (``python -m newsetl_dev.cv_ner``; dev.txt stays an untouched check), fixed for reproducibility.
CRF_PARAMS = {
    "c1": 0.05,
    "c2": 0.2,
    "max_iterations": 250,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def conll_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """Return ``(words, BIO tags with PERSON/ORG/LOC types)`` per sentence of an idner-news-2k file."""
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split()
        if not parts:
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        word, tag = parts[0], parts[-1]
        prefix, _, label = tag.partition("-")
        words.append(word)
        tags.append(f"{prefix}-{IDNER_TYPES[label]}" if label in IDNER_TYPES else "O")
    if words:
        sentences.append((words, tags))
    return sentences


def sentence_gazetteer_tags(words: list[str]) -> list[str]:
    """Return gazetteer tags for pre-tokenised words, laid out as one space-separated line."""
    toks, pos = [], 0
    for word in words:
        toks.append(Token(pos, pos + len(word), word))
        pos += len(word) + 1
    return features.gazetteer_tags(len(words), gazetteer_matches(toks, " ".join(words), "id", tagger_only=True))


def indonesian_word_classes(data: Path) -> dict[str, str]:
    """Return ``word -> class`` for common Indonesian words from NERP and the langid sentences."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for name in ("train_preprocess.txt", "valid_preprocess.txt"):
        for line in (data / "ner" / "nerp" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and _WORD.fullmatch(parts[0]):
                label = parts[1].partition("-")[2]
                counts[parts[0].lower()][NERP_TYPES.get(label, "O")] += 1
    for word, n in _lower_case_words(data / "langid" / "id.txt").items():
        counts[word]["O"] += n
    classes = {}
    for word, counter in counts.items():
        label, n = counter.most_common(1)[0]
        total = sum(counter.values())
        if total >= 3 and n / total >= 0.7:
            classes[word] = label
    return classes


def _lower_case_words(path: Path) -> Counter:
    """Return counts of words written lower-case after the first word of each line."""
    counts: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in _WORD.findall(line)[1:]:
            if word.islower():
                counts[word] += 1
    return counts


def indonesian_everyday_words(data: Path) -> set[str]:
    """Return words written lower-case in true-cased Indonesian text far more often than in names.

    NERP is lower-cased, so it cannot tell ``pkb`` (a party) from ``pada``; these words come
    from idner-news-2k ``train.txt`` (outside entity spans) and the langid sentences instead.
    """
    lower: Counter = _lower_case_words(data / "langid" / "id.txt")
    in_names: Counter = Counter()
    for words, tags in conll_sentences(data / "ner" / "idner-news-2k" / "train.txt"):
        for i, (word, tag) in enumerate(zip(words, tags)):
            if tag != "O":
                in_names[word.lower()] += 1
            elif i > 0 and word.islower() and _WORD.fullmatch(word):
                lower[word] += 1
    # "umum" also opens "Rumah Sakit Umum"; it stays everyday while lower-case use dominates.
    return {word for word, n in lower.items() if n >= 2 * in_names[word]}


_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")
# Share of capitalised uses (inside sentences) that opens each bucket, and the least uses counted.
_CAPITAL_BUCKETS = ((0.95, "c3"), (0.5, "c2"), (0.05, "c1"), (0.0, "c0"))
_CAPITAL_MIN_USES = 3


def capital_share_buckets(texts) -> dict[str, str]:
    """Return ``word -> bucket`` of the share of its uses after a sentence's first word that are
    capitalised (``up`` when mostly all-capital), for words used at least ``_CAPITAL_MIN_USES`` times."""
    uses: Counter = Counter()
    capital: Counter = Counter()
    upper: Counter = Counter()
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            for word in _WORD.findall(sentence)[1:]:
                low = word.lower()
                uses[low] += 1
                if word[:1].isupper():
                    capital[low] += 1
                    if len(word) > 1 and word.isupper():
                        upper[low] += 1
    out = {}
    for low, n in uses.items():
        if n < _CAPITAL_MIN_USES:
            continue
        if upper[low] / n >= 0.5:
            out[low] = "up"
            continue
        share = capital[low] / n
        out[low] = next(name for floor, name in _CAPITAL_BUCKETS if share >= floor)
    return out


# Most frequent English words (pyspellchecker's frequency list, MIT, built from subtitles) taken as
# everyday words when true-cased English text writes them lower-case in most of >= 3 uses (given
# names such as ``mark``, ``frank``, ``oliver`` are in the list too, and are kept out that way).
_ENGLISH_TOP_WORDS = 10_000
_MOSTLY_LOWER = ("c0", "c1")
# Given names used by at least this percentage of people (1990 US census lists shipped by the
# ``names`` package, MIT) stay out even when mostly lower-case: ``mark``, ``rose``, ``hope``.
_GIVEN_NAME_MIN_PERCENT = 0.01


def given_names() -> set[str]:
    """Return lower-case given names at least ``_GIVEN_NAME_MIN_PERCENT`` of people carry."""
    import names

    out = set()
    for name in ("dist.male.first", "dist.female.first"):
        for line in (Path(names.__file__).parent / name).read_text(encoding="ascii").splitlines():
            word, percent, *_ = line.split()
            if float(percent) >= _GIVEN_NAME_MIN_PERCENT:
                out.add(word.lower())
    return out


def english_news_texts(data: Path) -> list[str]:
    """Return true-cased English text: langid en.txt lines and the BBC article bodies (capitalisation
    counts only)."""
    texts = (data / "langid" / "en.txt").read_text(encoding="utf-8").splitlines()
    for path in sorted((data / "news" / "bbc").glob("*/*.txt")):
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def english_everyday_words(data: Path) -> set[str]:
    """Return words written lower-case in langid en.txt, plus the most frequent English words of
    pyspellchecker's list that real English text mostly writes lower-case (``john``, ``frank``
    stay out, and so do common given names such as ``mark``; ``steel``, ``holidays``, ``memory`` come in)."""
    import gzip
    import json

    import spellchecker

    resource = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    counts = json.loads(gzip.decompress(resource.read_bytes()))
    ranked = sorted((w for w in counts if w.isalpha() and w.isascii()), key=lambda w: (-counts[w], w))
    shares = capital_share_buckets(english_news_texts(data))
    given = given_names()
    top = {w for w in ranked[:_ENGLISH_TOP_WORDS] if shares.get(w) in _MOSTLY_LOWER and w not in given}
    return set(_lower_case_words(data / "langid" / "en.txt")) | top


def indonesian_news_texts(data: Path) -> list[str]:
    """Return true-cased Indonesian/Malay text: idner-news-2k train sentences, langid id/ms lines,
    and the bodies of the Detik and Utusan articles (read as unlabelled text only)."""
    texts = [" ".join(words) for words, _ in conll_sentences(data / "ner" / "idner-news-2k" / "train.txt")]
    for name in ("id.txt", "ms.txt"):
        texts += (data / "langid" / name).read_text(encoding="utf-8").splitlines()
    news = data / "news"
    csv.field_size_limit(1 << 24)  # article bodies are longer than the default field limit
    for name, column in (("detik.csv", "isi_berita"), ("utusan.csv", "Summary")):
        if (news / name).is_file():
            with (news / name).open(encoding="utf-8", newline="") as f:
                texts += [row.get(column) or "" for row in csv.DictReader(f)]
    return texts


def write_word_list(path: Path, rows: dict[str, str] | set[str], source: str) -> None:
    """Write a sorted lexicon (``word`` or ``word<TAB>class``) with a header naming its source."""
    lines = [f"# Generated by flows/train_ner.py from {source}. Do not edit."]
    if isinstance(rows, dict):
        lines += ["# word<TAB>class"] + [f"{w}\t{c}" for w, c in sorted(rows.items())]
    else:
        lines += ["# word"] + sorted(rows)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def clear_caches() -> None:
    """Drop cached lexicons, features and model so the files just written are used."""
    lexicons.reload()
    for fn in (
        lexicon.word_classes,
        lexicon.everyday_words,
        features.word_features,
        features.neighbour_features,
        spans.is_name_text,
        lexicon.capital_shares,
    ):
        fn.cache_clear()
    crf.reset_model_cache()


def train(data: Path, output: Path, params: dict) -> None:
    """Train the CRF on idner-news-2k train.txt and write it to ``output``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in conll_sentences(data / "ner" / "idner-news-2k" / "train.txt"):
        trainer.append(features.sentence_features(words, sentence_gazetteer_tags(words)), tags)
    trainer.set_params(params)
    trainer.train(str(output))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--output", type=Path, default=PACKAGE_DIR / crf.MODEL_FILE)
    for name in ("c1", "c2"):
        parser.add_argument(f"--{name}", type=float, default=CRF_PARAMS[name])
    parser.add_argument("--iterations", type=int, default=CRF_PARAMS["max_iterations"])
    parser.add_argument("--minfreq", type=float, default=CRF_PARAMS["feature.minfreq"])
    args = parser.parse_args(argv)
    write_word_list(
        PACKAGE_DIR / "word_classes_id.tsv",
        indonesian_word_classes(args.data),
        "NERP (IndoNLU nerp_ner-prosa, Apache-2.0) and langid/id.txt (lingua-go, Apache-2.0)",
    )
    write_word_list(
        PACKAGE_DIR / "everyday_words_id.tsv",
        indonesian_everyday_words(args.data),
        "idner-news-2k train.txt (MIT; words outside names) and langid/id.txt (lingua-go, Apache-2.0)",
    )
    write_word_list(
        PACKAGE_DIR / "everyday_words_en.tsv",
        english_everyday_words(args.data),
        "langid/en.txt (lingua-go test sentences, Apache-2.0) and the top English words of "
        "pyspellchecker's frequency list (MIT), less words that en.txt and the BBC bodies capitalise",
    )
    write_word_list(
        PACKAGE_DIR / "capital_shares_id.tsv",
        capital_share_buckets(indonesian_news_texts(args.data)),
        "idner-news-2k train.txt (MIT), langid/id.txt and ms.txt (lingua-go, Apache-2.0) and the "
        "bodies of news/detik.csv and news/utusan.csv (capitalisation counts only)",
    )
    clear_caches()
    params = {**CRF_PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
              "feature.minfreq": args.minfreq}
    train(args.data, args.output, params)
    clear_caches()
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
