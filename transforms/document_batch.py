"""One batch of documents in, one Polars frame per staging table out.

This is the only place that knows the order of the stages:
structure -> language -> publication date -> dates, names, facts.
Extractors see ``masked_text`` (boilerplate blanked out, same length), so their
offsets point straight into ``raw_text`` and link lines yield nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date

import polars as pl

from newsetl.transforms.batch_safety import (
    DEFAULT_MAX_ANALYSIS_CHARS, FACT_TABLES, analysis_prefix, mismatched_spans, storable_count, unique_on_key,
)
from newsetl.transforms.entities import entity_mentions
from newsetl.transforms.facts import event_counts, quotes, source_citations
from newsetl.transforms.language import detected_languages, document_language
from newsetl.transforms.outlets import document_outlet
from newsetl.transforms.records import LanguageGuess
from newsetl.transforms.structure import document_structure, masked_text
from newsetl.transforms.temporal import inferred_publication_date, temporal_expressions

TABLE_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "documents": {
        "document_id": pl.String, "outlet": pl.String, "outlet_source": pl.String, "dateline_place": pl.String,
        "section": pl.String, "title": pl.String, "body_text": pl.String,
        "language": pl.String, "language_confidence": pl.Float64,
        "languages": pl.List(pl.Struct({"language": pl.String, "share": pl.Float64})),
        "published_date": pl.Date, "published_date_source": pl.String,
        "word_count": pl.Int32, "boilerplate_lines": pl.Int32, "analysis_error": pl.String,
        "truncated_analysis": pl.Boolean,
    },
    "paragraphs": {
        "document_id": pl.String, "paragraph_no": pl.Int32, "start_offset": pl.Int32,
        "end_offset": pl.Int32, "text": pl.String, "language": pl.String,
        "language_confidence": pl.Float64, "is_boilerplate": pl.Boolean,
    },
    "temporal_expressions": {
        "document_id": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32,
        "text": pl.String, "timex_type": pl.String, "value": pl.String,
        "range_start": pl.Date, "range_end": pl.Date, "mod": pl.String, "time_zone": pl.String,
    },
    "entity_mentions": {
        "document_id": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32,
        "text": pl.String, "entity_type": pl.String, "entity_key": pl.String,
        "canonical_name": pl.String, "country_code": pl.String, "role": pl.String,
    },
    "quotes": {
        "document_id": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32,
        "quote_text": pl.String, "speaker_text": pl.String, "speaker_start_offset": pl.Int32,
        "speaker_end_offset": pl.Int32, "speaker_entity_key": pl.String, "cue": pl.String,
        "cited_source": pl.String,
    },
    "source_citations": {
        "document_id": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32,
        "source_name": pl.String, "entity_key": pl.String, "cue": pl.String,
    },
    "event_counts": {
        "document_id": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32,
        "text": pl.String, "count_type": pl.String, "value": pl.Int64,
        "is_approximate": pl.Boolean,
    },
}

# Languages whose lexicons and taggers we have. Malay has a temporal lexicon layered over
# the Indonesian one; the other extractors read Malay with their Indonesian lexicons.
EXTRACTION_LANGUAGE = {"id": "id", "ms": "ms", "en": "en", "und": "id"}
_BASE_LEXICON = {"ms": "id"}


def extraction_language(code: str) -> str | None:
    """Return the lexicon language used to extract facts from text in ``code``, or None if unsupported."""
    return EXTRACTION_LANGUAGE.get(code)


def base_lexicon(lexicon: str | None) -> str | None:
    """Return the lexicon of the extractors without a layer for ``lexicon`` (Malay -> Indonesian)."""
    return _BASE_LEXICON.get(lexicon, lexicon) if lexicon else lexicon


class _StageClock:
    """Accumulates seconds per stage into a caller-supplied dict (for the benchmark)."""

    def __init__(self, sink: dict[str, float] | None):
        self.sink = sink

    @contextmanager
    def stage(self, name: str):
        if self.sink is None:
            yield
            return
        started = time.perf_counter()
        try:
            yield
        finally:
            self.sink[name] = self.sink.get(name, 0.0) + time.perf_counter() - started


def _span_row(document_id: str, record, **columns) -> dict:
    return {"document_id": document_id, "start_offset": record.start, "end_offset": record.end, **columns}


def _extracted_facts(masked: str, metadata_date: date | None, lexicon: str | None, clock: _StageClock):
    """Return publication date, its source, and the dates, names, quotes, citations and counts of a text."""
    temporal_lexicon, lexicon = lexicon, base_lexicon(lexicon)  # dates and counts read the Malay layer
    with clock.stage("dates"):
        if metadata_date is not None:
            published, source = metadata_date, "metadata"
        else:
            published = inferred_publication_date(masked, temporal_lexicon or "id")
            source = "text" if published is not None else None
        timexes = temporal_expressions(masked, published, temporal_lexicon) if lexicon else []
    with clock.stage("entities"):
        # Names read the Malay layer too (its own gazetteer rows, Utusan's capital bylines).
        mentions = entity_mentions(masked, temporal_lexicon) if lexicon else []
    with clock.stage("facts"):
        citations = source_citations(masked, mentions, lexicon) if lexicon else []
        found_quotes = quotes(masked, mentions, lexicon, citations) if lexicon else []
        counts = event_counts(masked, temporal_lexicon) if lexicon else []  # Malay layer: pasukan = team
    return published, source, timexes, mentions, found_quotes, citations, counts


def _structure_and_language(raw_text: str, clock: _StageClock, learned_boilerplate: frozenset[str] = frozenset(),
                            url: str | None = None, source: str | None = None):
    """Return the structure, masked text, outlet and its source, paragraph guesses, document language and shares.

    ``learned_boilerplate`` holds the line keys its outlet repeats (``transforms.boilerplate``);
    ``url`` and ``source`` are the document's metadata fields; they name the outlet before its lead line does.
    """
    with clock.stage("structure"):
        structure = document_structure(raw_text, learned_boilerplate)
        masked = masked_text(raw_text, structure)
        outlet, outlet_source = document_outlet(url, source, structure.outlet)
    with clock.stage("language"):
        texts = [p.text for p in structure.paragraphs]
        guesses = detected_languages(texts)
        body_texts = [t for t, p in zip(texts, structure.paragraphs) if not p.is_boilerplate]
        body_guesses = [g for g, p in zip(guesses, structure.paragraphs) if not p.is_boilerplate]
        if not body_texts:
            body_texts, body_guesses = texts, guesses
        if body_texts:
            language, shares = document_language(body_texts, body_guesses)
        else:
            language, shares = LanguageGuess("und", 0.0), {}
    return structure, masked, outlet, outlet_source, guesses, language, shares


def _error_text(error: BaseException, stage: str) -> str:
    return f"{stage}: {type(error).__name__}: {error}"[:500]


def _fallback_rows(document_id: str, raw_text: str, metadata_date: date | None, error: str) -> dict[str, list[dict]]:
    """Return the rows of a document whose structure itself failed: the whole text as one paragraph."""
    return {
        "documents": [{
            "document_id": document_id, "body_text": raw_text, "language": "und", "language_confidence": 0.0,
            "languages": [], "published_date": metadata_date, "published_date_source": "metadata" if metadata_date else None,
            "word_count": len(raw_text.split()), "boilerplate_lines": 0, "analysis_error": error,
            "truncated_analysis": False,
        }],
        "paragraphs": [{
            "document_id": document_id, "paragraph_no": 1, "start_offset": 0, "end_offset": len(raw_text),
            "text": raw_text, "language": "und", "language_confidence": 0.0, "is_boilerplate": False,
        }] if raw_text.strip() else [],
    }


def _fact_rows(document_id: str, timexes, mentions, found_quotes, citations, counts) -> dict[str, list[dict]]:
    """Return the rows of the fact tables for one document's extractions."""
    return {
        "temporal_expressions": [
            _span_row(document_id, t, text=t.text, timex_type=t.timex_type, value=t.value,
                      range_start=t.range_start, range_end=t.range_end, mod=t.mod,
                      time_zone=t.time_zone)
            for t in timexes
        ],
        "entity_mentions": [
            _span_row(document_id, m, text=m.text, entity_type=m.entity_type, entity_key=m.entity_key,
                      canonical_name=m.canonical_name, country_code=m.country_code, role=m.role)
            for m in mentions
        ],
        "quotes": [
            _span_row(document_id, q, quote_text=q.quote_text, speaker_text=q.speaker_text,
                      speaker_start_offset=q.speaker_start, speaker_end_offset=q.speaker_end,
                      speaker_entity_key=q.speaker_entity_key, cue=q.cue, cited_source=q.cited_source)
            for q in found_quotes
        ],
        "source_citations": [
            _span_row(document_id, c, source_name=c.source_name, entity_key=c.entity_key, cue=c.cue)
            for c in citations
        ],
        # A count too large for BIGINT keeps its text and gets a null value, rather than failing the batch.
        "event_counts": [
            _span_row(document_id, c, text=c.text, count_type=c.count_type, value=storable_count(c.value),
                      is_approximate=c.is_approximate)
            for c in counts
        ],
    }


def document_rows(
    document_id: str,
    raw_text: str,
    metadata_date: date | None,
    clock: _StageClock | None = None,
    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS,
    learned_boilerplate: frozenset[str] = frozenset(),
    url: str | None = None,
    source: str | None = None,
) -> dict[str, list[dict]]:
    """Return the derived rows of one document, one list per staging table; never raises.

    Whatever fails, the document keeps a documents row (with ``analysis_error``) and its
    paragraphs. Only the first ``max_analysis_chars`` chars go to the extractors.
    """
    clock = clock or _StageClock(None)
    try:
        structure, masked, outlet, outlet_source, guesses, language, shares = _structure_and_language(
            raw_text, clock, learned_boilerplate, url, source)
    except Exception as error:  # structure or language failed: keep the text as one paragraph, flag it
        return _fallback_rows(document_id, raw_text, metadata_date, _error_text(error, "structure"))
    analysed = analysis_prefix(masked, max_analysis_chars)
    lexicon = extraction_language(language.code)
    analysis_error = None
    try:
        published, source, *facts = _extracted_facts(analysed, metadata_date, lexicon, clock)
        rows = _fact_rows(document_id, *facts)
        bad = mismatched_spans(raw_text, rows)
        if bad:  # an extractor bug must not store spans that point at the wrong text
            for table, wrong in bad.items():
                dropped = {id(row) for row in wrong}
                rows[table] = [row for row in rows[table] if id(row) not in dropped]
            analysis_error = "spans: dropped rows whose offsets miss their text or that lack a value: " + ", ".join(
                f"{table} {len(wrong)} (e.g. {wrong[0].get('start_offset')}-{wrong[0].get('end_offset')})"
                for table, wrong in bad.items())
    except Exception as error:  # one odd document must not sink its batch: keep it, flag it
        published, source = metadata_date, ("metadata" if metadata_date else None)
        rows = {table: [] for table in FACT_TABLES}
        analysis_error = _error_text(error, "extraction")

    rows["documents"] = [{
        "document_id": document_id,
        "outlet": outlet,
        "outlet_source": outlet_source,
        "dateline_place": structure.dateline_place,
        "section": structure.section,
        "title": structure.title,
        "body_text": structure.body_text,
        "language": language.code,
        "language_confidence": language.confidence,
        "languages": [{"language": k, "share": v} for k, v in sorted(shares.items(), key=lambda kv: -kv[1])],
        "published_date": published,
        "published_date_source": source,
        "word_count": len(structure.body_text.split()),
        "boilerplate_lines": structure.boilerplate_lines,
        "analysis_error": analysis_error,
        "truncated_analysis": len(analysed) < len(masked),
    }]
    rows["paragraphs"] = [
        {
            "document_id": document_id, "paragraph_no": p.paragraph_no, "start_offset": p.start,
            "end_offset": p.end, "text": p.text, "language": g.code,
            "language_confidence": g.confidence, "is_boilerplate": p.is_boilerplate,
        }
        for p, g in zip(structure.paragraphs, guesses)
    ]
    return rows


def analysed_rows(
    document_id: str,
    raw_text: str,
    metadata_date: date | None,
    rows: dict[str, list[dict]],
    clock: _StageClock,
    learned_boilerplate: frozenset[str] = frozenset(),
    url: str | None = None,
    source: str | None = None,
    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS,
) -> None:
    """Append the derived rows of one document to ``rows`` (one list per staging table)."""
    found_rows = document_rows(document_id, raw_text, metadata_date, clock, max_analysis_chars,
                               learned_boilerplate, url, source)
    for table, found in found_rows.items():
        rows[table].extend(found)


def _frames(documents: list[dict[str, list[dict]]]) -> dict[str, pl.DataFrame]:
    """Return one frame per staging table from per-document rows, de-duplicated on each table's key."""
    return {
        table: unique_on_key(table, pl.DataFrame([row for doc in documents for row in doc.get(table, [])], schema=schema))
        for table, schema in TABLE_SCHEMAS.items()
    }


def _without_facts(doc: dict[str, list[dict]], error: BaseException) -> dict[str, list[dict]]:
    """Return a document's rows with its facts dropped and the frame-building error recorded."""
    kept = {"documents": [dict(row, analysis_error=_error_text(error, "frames")) for row in doc.get("documents", [])],
            "paragraphs": doc.get("paragraphs", [])}
    try:
        _frames([kept])
        return kept
    except Exception as again:  # even its structure rows will not build: keep the bare document
        [row] = doc["documents"] or [{}]
        return {"documents": [{
            "document_id": row.get("document_id"), "language": "und", "languages": [],
            "analysis_error": _error_text(again, "frames"), "truncated_analysis": False,
        }]}


def analysed_batch(
    documents: pl.DataFrame | Iterable[dict],
    stage_seconds: dict[str, float] | None = None,
    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS,
) -> dict[str, pl.DataFrame]:
    """Return one frame per staging table for a batch of documents.

    ``documents`` has columns ``document_id``, ``raw_text`` and ``published_date``
    (the metadata date, nullable), and optionally ``url``, ``source`` and ``learned_boilerplate``
    (a list of line keys masked as boilerplate in that document). ``stage_seconds``, if given, accumulates the
    time spent in each stage. A document whose rows will not build into the frames
    (a value outside its column type) keeps only its structure rows, flagged.
    """
    clock = _StageClock(stage_seconds)
    records = documents.iter_rows(named=True) if isinstance(documents, pl.DataFrame) else documents
    per_document = [
        document_rows(r["document_id"], r["raw_text"], r.get("published_date"), clock, max_analysis_chars,
                      frozenset(r.get("learned_boilerplate") or ()), url=r.get("url"), source=r.get("source"))
        for r in records
    ]
    try:
        return _frames(per_document)
    except Exception:
        pass  # find the culprits one document at a time (rare, so the slower path is fine)
    kept = []
    for doc in per_document:
        try:
            _frames([doc])
            kept.append(doc)
        except Exception as error:
            kept.append(_without_facts(doc, error))
    return _frames(kept)
