"""Evaluate language identification on ../shared/data/langid (one sentence a line).

    python -m newsetl_dev.eval_language [--data DIR] [--every N] [--thresholds] [--sample-sizes]
                                  [--speed] [--fast-path] [--news] [--json FILE]

Prints id-vs-ms accuracy (id.txt against the hand-checked Malay lines of ms.txt listed in
tests/data/lang_ms_clean_lines.txt; ms.txt as a whole is mostly Indonesian web text), the
sentence accuracy of each of the 12 languages and the average over the 11 whose labels are
clean. Optional measurements: ``--thresholds``, the ones behind MIN_LETTERS and
MIN_CONFIDENCE (accuracy of sentence prefixes by letter count, precision by confidence
band); ``--sample-sizes``, the one behind the detection sample (accuracy and cost on
3-sentence pseudo-documents for several head + middle sizes); ``--speed``, the cost per
synthetic ~2 KB article of ``detected_languages`` + ``document_language``; ``--fast-path``,
how often the function-word fast path answers and whether it ever differs from langdetect;
``--news``, whole-article accuracy and cost of the pipeline's language stage on the real
articles of ../shared/data/news (Detik id, Utusan ms, BBC en), overall and on the held-out
half (``newsetl_dev.language_data``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsetl.transforms.language import detected_language, detected_languages, document_language
from newsetl.transforms.language import detection, sampling

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "langid"
CLEAN_MALAY_LINES = ROOT / "tests" / "data" / "lang_ms_clean_lines.txt"
LANGUAGES = ("id", "ms", "en", "de", "fr", "es", "nl", "tr", "ru", "ar", "tl", "vi")
CLEAN_LABELS = tuple(code for code in LANGUAGES if code != "ms")


def clean_malay_line_numbers() -> list[int]:
    """Return the 1-based ms.txt line numbers hand-checked as Malaysian Malay."""
    lines = CLEAN_MALAY_LINES.read_text("utf-8").splitlines()
    return [int(line) for line in lines if line.strip() and not line.startswith("#")]


def language_lines(data: Path, code: str) -> list[str]:
    """Return the sentences of ``code``.txt in ``data``."""
    return (data / f"{code}.txt").read_text("utf-8").splitlines()


def accuracy(sentences: list[str], code: str) -> float:
    """Return the share of ``sentences`` detected as ``code``."""
    return sum(detected_language(s).code == code for s in sentences) / len(sentences)


def id_vs_ms(data: Path, every: int) -> dict[str, float]:
    """Return per-variety and pooled accuracy on id.txt plus the clean Malay lines."""
    indonesian = language_lines(data, "id")[::every]
    all_malay = language_lines(data, "ms")
    malay = [all_malay[n - 1] for n in clean_malay_line_numbers()]
    id_acc, ms_acc = accuracy(indonesian, "id"), accuracy(malay, "ms")
    pooled = (id_acc * len(indonesian) + ms_acc * len(malay)) / (len(indonesian) + len(malay))
    return {
        "id": id_acc, "ms_clean": ms_acc, "pooled": pooled, "n_id": len(indonesian),
        "n_ms_clean": len(malay), "ms_raw": accuracy(all_malay[::every], "ms"),
    }


def held_out_id_vs_ms(data: Path) -> dict[str, dict]:
    """Return id/ms accuracy, pooled accuracy and the confusion counts on the HELD-OUT halves
    (``newsetl_dev.language_data``; the naive Bayes table never saw them): langid id.txt and
    clean ms lines, and the sentences (>= 40 letters) of held-out Detik and Utusan articles."""
    import re

    from newsetl_dev.language_data import clean_malay_sentences, is_held_out, news_articles

    def sentences(body: str) -> list[str]:
        return [s for s in re.split(r"(?<=[.!?])\s+", body) if sum(map(str.isalpha, s)) >= 40]

    articles = news_articles()
    sets = {
        "langid": ([s for s in language_lines(data, "id") if s.strip() and is_held_out(s)],
                   [s for s in clean_malay_sentences(data) if is_held_out(s)]),
        "news_sentences": ([s for k, b in articles["detik"] if is_held_out(k) for s in sentences(b)],
                           [s for k, b in articles["utusan"] if is_held_out(k) for s in sentences(b)]),
    }
    result = {}
    for name, (indonesian, malay) in sets.items():
        id_codes = [detected_language(s).code for s in indonesian]
        ms_codes = [detected_language(s).code for s in malay]
        confusion = {"id->id": id_codes.count("id"), "id->ms": id_codes.count("ms"),
                     "ms->ms": ms_codes.count("ms"), "ms->id": ms_codes.count("id")}
        right = confusion["id->id"] + confusion["ms->ms"]
        result[name] = {"id": confusion["id->id"] / len(indonesian), "ms": confusion["ms->ms"] / len(malay),
                        "pooled": right / (len(indonesian) + len(malay)), "n_id": len(indonesian),
                        "n_ms": len(malay), "confusion": confusion}
    return result


def sentence_accuracies(data: Path, every: int) -> tuple[dict[str, float], float]:
    """Return accuracy per language and the mean milliseconds per sentence."""
    result, seconds, count = {}, 0.0, 0
    for code in LANGUAGES:
        sentences = language_lines(data, code)[::every]
        started = time.process_time()
        result[code] = accuracy(sentences, code)
        seconds += time.process_time() - started
        count += len(sentences)
    return result, 1000 * seconds / count


def _letter_prefix(sentence: str, letters: int) -> str | None:
    """Return the shortest whole-word prefix of ``sentence`` with ``letters`` letters, or None."""
    seen = 0
    for i, ch in enumerate(sentence):
        seen += ch.isalpha()
        if seen == letters:
            end = i + 1
            while end < len(sentence) and sentence[end].isalpha():
                end += 1
            return sentence[:end]
    return None


def threshold_measurements(data: Path) -> dict[str, dict]:
    """Return prefix accuracy by letter count and sentence precision by confidence band,
    measured with both thresholds switched off."""
    saved = detection.MIN_LETTERS, detection.MIN_CONFIDENCE
    detection.MIN_LETTERS, detection.MIN_CONFIDENCE = 1, 0.0
    detection._sample_language.cache_clear()
    try:
        by_letters: dict[int, float] = {}
        for letters in (3, 5, 8, 10, 12, 15, 20, 30):
            pairs = [(p, code) for code in CLEAN_LABELS for s in language_lines(data, code)[::4]
                     if (p := _letter_prefix(s, letters))]
            by_letters[letters] = sum(detected_language(p).code == c for p, c in pairs) / len(pairs)
        bands = [(0.0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.8), (0.8, 1.01)]
        hits = {band: [0, 0] for band in bands}
        for code in CLEAN_LABELS:
            for sentence in language_lines(data, code):
                guess = detected_language(sentence)
                band = next(b for b in bands if b[0] <= guess.confidence < b[1])
                hits[band][0] += guess.code == code
                hits[band][1] += 1
        by_confidence = {f"{lo:.1f}-{min(hi, 1):.1f}": (n and ok / n, n) for (lo, hi), (ok, n) in hits.items()}
    finally:
        detection.MIN_LETTERS, detection.MIN_CONFIDENCE = saved
        detection._sample_language.cache_clear()
    return {"prefix_accuracy_by_letters": by_letters, "precision_by_confidence": by_confidence}


def sample_size_measurements(data: Path) -> dict[str, dict[str, float]]:
    """Return accuracy and ms per document on 3-sentence pseudo-documents for several
    (head, middle) sample sizes."""
    documents = {code: [" ".join(group) for group in zip(*[iter(language_lines(data, code))] * 3)]
                 for code in CLEAN_LABELS}
    saved = sampling.HEAD_CHARS, sampling.MIDDLE_CHARS
    result = {}
    try:
        for head, middle in ((100, 0), (150, 0), (200, 0), (200, 100), (300, 100), (600, 0)):
            sampling.HEAD_CHARS, sampling.MIDDLE_CHARS = head, middle
            detection._sample_language.cache_clear()
            started = time.process_time()
            right = {code: sum(detected_language(d).code == code for d in docs) / len(docs)
                     for code, docs in documents.items()}
            seconds = time.process_time() - started
            result[f"{head}+{middle}"] = {
                "average": sum(right.values()) / len(right), "worst": min(right.values()),
                "ms_per_document": 1000 * seconds / sum(map(len, documents.values())),
            }
    finally:
        sampling.HEAD_CHARS, sampling.MIDDLE_CHARS = saved
        detection._sample_language.cache_clear()
    return result


def article_speed(n_articles: int = 500) -> dict[str, float]:
    """Return milliseconds per synthetic article for paragraph + document language ID."""
    from newsetl.transforms.structure import document_structure
    from newsetl_dev.synthetic_corpus import synthetic_articles

    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles = [a["text"] for a in synthetic_articles(seeds, n_articles + 20, seed=7)]
    paragraphs = [[p.text for p in document_structure(text).paragraphs] for text in articles]
    for texts in paragraphs[:20]:  # load the models outside the timed loop
        document_language(texts, detected_languages(texts))
    started = time.process_time()
    for texts in paragraphs[20:]:
        document_language(texts, detected_languages(texts))
    per_article = 1000 * (time.process_time() - started) / n_articles
    mean_chars = sum(map(len, articles)) / len(articles)
    return {"ms_per_article": per_article, "articles": n_articles, "mean_chars": mean_chars,
            "mean_paragraphs": sum(map(len, paragraphs)) / len(paragraphs)}


def pseudo_documents(data: Path, code: str, sentences: int = 8, limit: int = 150) -> list[str]:
    """Return up to ``limit`` pseudo-documents of ``sentences`` consecutive langid sentences of ``code``."""
    lines = [line for line in language_lines(data, code) if line.strip()]
    return [" ".join(lines[k:k + sentences]) for k in range(0, min(len(lines), sentences * limit), sentences)]


def fast_path_agreement(data: Path, n_articles: int = 2000) -> dict[str, dict[str, float]]:
    """Return, per corpus, how often the function-word fast path answers and how often its
    answer differs from the langdetect path's (``detected_language(..., fast_path=False)``).

    Corpora: pseudo-documents of 8 langid sentences per language, the synthetic articles
    and the seeds.
    """
    from newsetl.transforms.language.function_words import function_word_language
    from newsetl_dev.synthetic_corpus import synthetic_articles

    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpora = {code: pseudo_documents(data, code) for code in LANGUAGES}
    corpora["synthetic"] = [a["text"] for a in synthetic_articles(seeds, n_articles, seed=7)]
    corpora["seeds"] = seeds
    result = {}
    for name, texts in corpora.items():
        fast = [t for t in texts if function_word_language(t) is not None]
        differ = sum(detected_language(t).code != detected_language(t, fast_path=False).code for t in fast)
        result[name] = {"documents": len(texts), "fast": len(fast), "fast_share": len(fast) / len(texts),
                        "differ": differ}
    detected_language("Die Regierung hat am Montag neue Maßnahmen angekündigt.")  # load the models untimed
    for fast_path in (False, True):  # cost per synthetic article, the statistical sample cache emptied first
        detection._sample_language.cache_clear()
        started = time.process_time()
        for text in corpora["synthetic"]:
            detected_language(text, fast_path=fast_path)
        key = "ms_per_article_fast_path" if fast_path else "ms_per_article_langdetect"
        result["synthetic"][key] = 1000 * (time.process_time() - started) / len(corpora["synthetic"])
    return result


def news_language(texts: list[str]) -> str:
    """Return the document language code of one article's paragraphs, as the pipeline's language stage does."""
    return document_language(texts, detected_languages(texts))[0].code


def news_accuracy(news: Path) -> dict[str, dict]:
    """Return, per news corpus, k/n right (all and held-out articles), the wrong answers and the
    median and mean CPU milliseconds of the language stage per article (structure untimed)."""
    import statistics

    from newsetl.transforms.structure import document_structure
    from newsetl_dev.language_data import NEWS_LANGUAGE, is_held_out, news_articles

    detected_language("Die Regierung hat am Montag neue Maßnahmen angekündigt.")  # load the models untimed
    result = {}
    for name, articles in news_articles(news).items():
        expected, right, held, held_right, costs, wrong = NEWS_LANGUAGE[name], 0, 0, 0, [], {}
        for key, text in articles:
            texts = [p.text for p in document_structure(text).paragraphs]
            started = time.process_time()
            code = news_language(texts)
            costs.append(1000 * (time.process_time() - started))
            ok = code == expected
            right += ok
            if is_held_out(key):
                held += 1
                held_right += ok
            if not ok:
                wrong[key] = code
        result[name] = {"language": expected, "right": right, "n": len(articles), "held_out_right": held_right,
                        "held_out_n": held, "median_ms": statistics.median(costs),
                        "mean_ms": statistics.fmean(costs), "wrong": wrong}
    return result


def main(argv: list[str] | None = None) -> dict:
    """Run the evaluation, print it and return it as a dict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--every", type=int, default=1, help="use every Nth sentence (default: all)")
    parser.add_argument("--thresholds", action="store_true")
    parser.add_argument("--sample-sizes", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--fast-path", action="store_true", help="agreement of the function-word fast path with langdetect")
    parser.add_argument("--news", action="store_true", help="whole-article accuracy and cost on ../shared/data/news")
    parser.add_argument("--news-data", type=Path, default=ROOT.parent / "shared" / "data" / "news")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    if args.news:
        report = {"news": news_accuracy(args.news_data)}
        for name, r in report["news"].items():
            print(f"news {name} ({r['language']}): {r['right']}/{r['n']} = {r['right'] / r['n']:.2%}, held-out "
                  f"{r['held_out_right']}/{r['held_out_n']}; language stage {r['median_ms']:.2f} ms median, "
                  f"{r['mean_ms']:.2f} ms mean per article; wrong: {dict(list(r['wrong'].items())[:8])}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=2, default=str), "utf-8")
        return report
    report: dict = {"id_vs_ms": id_vs_ms(args.data, args.every)}
    r = report["id_vs_ms"]
    print(f"id vs ms: id {r['id']:.2%} (n={r['n_id']}), clean ms {r['ms_clean']:.2%} (n={r['n_ms_clean']}), "
          f"pooled {r['pooled']:.2%}   [ms.txt as a whole: {r['ms_raw']:.2%}, mostly Indonesian lines]")
    report["held_out_id_vs_ms"] = held_out_id_vs_ms(args.data)
    for name, r in report["held_out_id_vs_ms"].items():
        print(f"held-out {name}: id {r['id']:.3f} (n={r['n_id']}), ms {r['ms']:.3f} (n={r['n_ms']}), "
              f"pooled {r['pooled']:.3f}, balanced {(r['id'] + r['ms']) / 2:.3f}; {r['confusion']}")
    per_language, ms_per_sentence = sentence_accuracies(args.data, args.every)
    average = sum(per_language[c] for c in CLEAN_LABELS) / len(CLEAN_LABELS)
    others = [c for c in CLEAN_LABELS if c != "id"]
    average_10 = sum(per_language[c] for c in others) / len(others)
    report.update(sentence_accuracy=per_language, average_11=average, average_10=average_10,
                  ms_per_sentence=ms_per_sentence)
    print("sentence accuracy: " + "  ".join(f"{c} {v:.1%}" for c, v in per_language.items()))
    print(f"average over {len(CLEAN_LABELS)} languages (ms excluded: noisy labels): {average:.2%}; "
          f"worst {min(CLEAN_LABELS, key=per_language.get)} {min(per_language[c] for c in CLEAN_LABELS):.1%}; "
          f"{ms_per_sentence:.2f} ms per sentence; average over the {len(others)} besides id and ms: {average_10:.2%}")
    if args.thresholds:
        report["thresholds"] = threshold_measurements(args.data)
        thresholds = report["thresholds"]
        by_letters = thresholds["prefix_accuracy_by_letters"].items()
        print("prefix accuracy by letters:", {k: f"{v:.1%}" for k, v in by_letters})
        by_confidence = thresholds["precision_by_confidence"].items()
        print("precision by confidence:", {k: f"{p:.0%} of {n}" for k, (p, n) in by_confidence})
    if args.sample_sizes:
        report["sample_sizes"] = sample_size_measurements(args.data)
        for size, r in report["sample_sizes"].items():
            print(f"sample {size} chars: pseudo-documents {r['average']:.2%} (worst {r['worst']:.1%}), "
                  f"{r['ms_per_document']:.2f} ms each")
    if args.speed:
        report["speed"] = article_speed()
        s = report["speed"]
        print(f"per article ({s['mean_chars']:.0f} chars, {s['mean_paragraphs']:.1f} paragraphs): "
              f"{s['ms_per_article']:.2f} ms")
    if args.fast_path:
        report["fast_path"] = fast_path_agreement(args.data)
        for name, r in report["fast_path"].items():
            print(f"fast path {name}: {r['fast']} of {r['documents']} documents ({r['fast_share']:.0%}), "
                  f"{r['differ']} answered differently from langdetect")
        timing = report["fast_path"]["synthetic"]
        print(f"document language per synthetic article: {timing['ms_per_article_langdetect']:.2f} ms without "
              f"the fast path, {timing['ms_per_article_fast_path']:.2f} ms with it")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), "utf-8")
    return report


if __name__ == "__main__":
    main()
