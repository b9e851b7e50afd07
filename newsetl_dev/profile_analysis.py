"""CPU cost of the pure analysis per real article, per stage, and a dump of its full output (issue 20).

``python -m newsetl_dev.profile_analysis [--data DIR] [--corpus detik utusan bbc seeds] [--repeat 3]
[--dump DIR] [--profile]`` reads each corpus the way ``newsetl run`` does (discovery, the README's
column mapping, reading, de-duplication on content, learned boilerplate per batch of 500 with an
empty warehouse), then runs ``analysed_batch`` on all its documents in this one process:

- once to warm up (lexicons, gazetteers, the CRF model, regexes), then ``--repeat`` more times,
  printing the median CPU ms per article (``time.process_time``) in total and per stage (the
  batch's own ``stage_seconds``, read here with the process CPU clock instead of the wall clock,
  so that other processes on the shared cores do not count);
- ``--dump DIR`` writes every output row of every table, as canonical JSON (sorted keys, one row a
  line, rows sorted), to ``DIR/<corpus>.jsonl``, so that output before and after a change can be
  compared with ``diff`` or ``cmp``;
- ``--profile`` runs one more pass under pyinstrument and prints its top entries.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

import polars as pl

import newsetl.flows  # noqa: F401  (environment defaults)
from newsetl.flows.analysis_pool import analysis_gc
from newsetl.flows.discovery import discovered_inputs
from newsetl.flows.pipeline import DEFAULT_BATCH_SIZE, _with_learned_boilerplate
from newsetl.flows.reading import slice_content
from newsetl.flows.tasks import file_read_options
from newsetl.transforms.boilerplate import COUNT_SCHEMA
from newsetl.transforms import document_batch
from newsetl.transforms.document_batch import analysed_batch
from newsetl.transforms.inputs import ReadOptions

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news"

# The column options of README.md, "A real outlet's export".
CORPORA: dict[str, tuple[str, dict[str, str]]] = {
    "detik": ("detik.csv", {"text": "isi_berita", "title": "judul", "url": "tautan", "published_at": "tanggal"}),
    "utusan": ("utusan.csv", {"text": "Summary", "title": "Title", "url": "Source_URL",
                              "published_at": "Publish_Date", "source": "News_Source"}),
    "bbc": ("bbc", {}),
}


def corpus_batches(path: Path, columns: dict[str, str], batch_size: int = DEFAULT_BATCH_SIZE) -> list[pl.DataFrame]:
    """Return the analysis input batches of a corpus as a first ``newsetl run`` into an empty warehouse builds them."""
    discovery = discovered_inputs([str(path)], max_bytes=50_000_000, batch_size=batch_size)
    options = ReadOptions(columns=columns)
    per_file: dict[str, ReadOptions] = {}
    seen: set[str] = set()
    line_counts = pl.DataFrame(schema=COUNT_SCHEMA)
    batches = []
    for piece in discovery.slices:
        read_options = options
        if piece.kind in ("csv", "jsonl"):
            first = piece.paths[0]
            if first not in per_file:
                per_file[first] = file_read_options.fn(first, piece.kind, options, piece.label)
            read_options = per_file[first]
        documents = slice_content(piece, 50_000_000, read_options).documents
        if documents.height == 0:
            continue
        fresh = documents.filter(pl.Series([d not in seen for d in documents["document_id"]], dtype=pl.Boolean))
        fresh = fresh.unique("document_id", keep="first", maintain_order=True)
        seen.update(fresh["document_id"])
        for offset in range(0, fresh.height, batch_size):
            batch, line_counts = _with_learned_boilerplate(fresh.slice(offset, batch_size), line_counts)
            metadata = [name for name in ("url", "source") if name in batch.columns]
            batches.append(batch.select("document_id", "raw_text",
                                        pl.col("metadata_published_date").alias("published_date"),
                                        *metadata, "learned_boilerplate"))
    return batches


def seed_batches() -> list[pl.DataFrame]:
    """Return the seed articles (``seeds/*.txt``) as one batch, no metadata date."""
    from newsetl.transforms.inputs import document_id

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [pl.DataFrame({"document_id": [document_id(t) for t in texts], "raw_text": texts,
                          "published_date": [None] * len(texts)},
                         schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date})]


def _canonical(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value


def dumped_lines(outputs: list[dict[str, pl.DataFrame]]) -> list[str]:
    """Return every output row as canonical JSON (table name included), sorted."""
    lines = []
    for frames in outputs:
        for table, frame in frames.items():
            for row in frame.iter_rows(named=True):
                lines.append(json.dumps({"table": table, **_canonical(row)}, sort_keys=True, ensure_ascii=False))
    return sorted(lines)


class _CpuClock:
    """Stands in for the ``time`` module of ``document_batch`` so its stage clock reads CPU seconds."""

    perf_counter = staticmethod(time.process_time)


def timed_pass(batches: list[pl.DataFrame]) -> tuple[float, dict[str, float], list[dict[str, pl.DataFrame]]]:
    """Return the CPU seconds of one analysis pass over all batches, its stage seconds and its outputs."""
    stages: dict[str, float] = {}
    started = time.process_time()
    outputs = [analysed_batch(batch, stages) for batch in batches]
    return time.process_time() - started, stages, outputs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--corpus", nargs="+", default=["detik", "utusan", "bbc", "seeds"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    document_batch.time = _CpuClock
    for name in args.corpus:
        if name == "seeds":
            batches = seed_batches()
        else:
            file_name, columns = CORPORA[name]
            batches = corpus_batches(args.data / file_name, columns)
        n = sum(b.height for b in batches)
        _, _, outputs = timed_pass(batches)  # warm-up
        analysis_gc()  # as the analysis workers do after their warm-up
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{name}.jsonl").write_text("\n".join(dumped_lines(outputs)) + "\n", encoding="utf-8")
        totals, per_stage = [], {}
        for _ in range(args.repeat):
            cpu, stages, _ = timed_pass(batches)
            totals.append(cpu)
            for stage, seconds in stages.items():
                per_stage.setdefault(stage, []).append(seconds)
        shown = "  ".join(f"{stage} {1000 * statistics.median(v) / n:.2f}" for stage, v in per_stage.items())
        print(f"{name}: {n} docs  cpu {1000 * statistics.median(totals) / n:.2f} ms/doc "
              f"(runs {', '.join(f'{1000 * t / n:.1f}' for t in totals)})  stages ms/doc: {shown}", flush=True)
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
            timed_pass(batches)
            profiler.stop()
            print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
