"""Incidents: casualty counts consolidated across sentences, documents and outlets.

Each ``event_counts`` row is first *located*: its place is the nearest LOC mention in
the same sentence, else in the same paragraph, else the document's dateline; its date
is the range of the nearest temporal expression in the same sentence, else paragraph,
else the publication date; a running total ("the death toll has reached 130") is told
apart from one incident's figure by cue words in its sentence.

Counts of different types in one sentence at one place and date are one *event*
("four civilians wounded and one killed in Ganja"). Events then join incidents when
they are compatible: the same running-total kind, a shared count type whose figures
are within the usual revisions, places that are equal or nest, and date ranges that
overlap within a day. Running totals form incidents of their own and are never summed
with anything.

Everything here is pure: plain records in, plain records out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import cache

import polars as pl

from newsetl.transforms.facts.lexicon import alternation, data_file
from newsetl.transforms.facts.marks import sentence_end, sentence_start
from newsetl.transforms.records import EventCount

# Figures reported for one incident move as tolls are revised; beyond this they are different events.
_SMALL_REVISION = 2  # 1 vs 3 killed can be the same shelling
_REVISION_RATIO = 0.5  # 100 vs 180 can be the same; 100 vs 250 is not
_VAGUE_RATIO = 0.3  # "puluhan" (10) and "sekitar 25" can be the same
# Date ranges of one incident may miss each other by this much (late-night events, time zones).
_DATE_SLACK = timedelta(days=1)
# A count dated only by its publication happened on or before that day, usually within the last few.
_REPORTING_LAG = timedelta(days=3)
# TIMEX granularities from finest to coarsest; "published" is the fallback to the publication date.
PRECISIONS = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "published")


@dataclass(frozen=True, slots=True, kw_only=True)
class CountRow(EventCount):
    """One ``event_counts`` row: the count, its document and the paragraph that holds it (offsets into raw_text)."""

    document_id: str
    paragraph_start: int | None = None
    paragraph_text: str | None = None

    @classmethod
    def of(cls, count: EventCount, document_id: str, paragraph_start: int | None = None,
           paragraph_text: str | None = None) -> CountRow:
        """Return ``count`` as a row of document ``document_id`` with its paragraph."""
        return cls(count.start, count.end, count.text, count.count_type, count.value, count.is_approximate,
                   document_id=document_id, paragraph_start=paragraph_start, paragraph_text=paragraph_text)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A LOC mention with its resolved entity."""

    document_id: str
    start: int
    end: int
    entity_id: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """A DATE/TIME expression with the days it covers."""

    document_id: str
    start: int
    end: int
    value: str
    range_start: date
    range_end: date


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the grouping needs to know about a document."""

    document_id: str
    published_date: date | None
    published_at: datetime | None = None
    outlet: str | None = None
    dateline_entity_id: str | None = None
    cluster_id: str | None = None  # marts.story_clusters, when built: copies of one story count once


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """Where a place sits (marts.places, when built): for nesting and precision."""

    entity_id: str
    geo_precision: int | None = None  # 1 town ... 4 country, 5 region/unknown
    country_code: str | None = None
    admin1_code: str | None = None


@dataclass(frozen=True, slots=True)
class LocatedCount:
    """A count with its place, dates, precision and running-total flag."""

    row: CountRow
    place_entity_id: str | None
    place_source: str | None  # sentence, paragraph, dateline or None
    date_start: date | None
    date_end: date | None
    time_precision: str | None
    is_cumulative: bool
    sentence: tuple[int, int]  # absolute offsets of the sentence holding the count


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One row of marts.incidents: one count type of one incident."""

    incident_id: str
    count_type: str
    is_cumulative: bool
    place_entity_id: str | None
    geo_precision: int | None
    date_start: date | None
    date_end: date | None
    time_precision: str | None
    best: int | None
    low: int | None
    high: int | None
    number_of_documents: int
    number_of_outlets: int
    first_reported_at: datetime | None
    first_outlet: str | None
    document_ids: tuple[str, ...]
    count_rows: tuple[tuple[str, int, int], ...]  # (document_id, start_offset, end_offset) in event_counts


@cache
def _running_total_cue() -> re.Pattern[str]:
    data = data_file("running_totals.json")
    words = rf"(?<![\w-])(?:{alternation(data['phrases'])})(?![\w-])"
    return re.compile("|".join([words, *data["patterns"]]))


def is_running_total(sentence: str, count_start: int, count_end: int) -> bool:
    """Return whether the count at ``[count_start, count_end)`` of ``sentence`` is a toll to date.

    Cues come from ``running_totals.json`` ("total kematian", "hingga hari ini", "death toll",
    "perang itu telah menewaskan") and are looked for in the sentence outside the count's text.
    """
    low = sentence.lower()
    outside = low[:count_start] + " " * (count_end - count_start) + low[count_end:]
    return _running_total_cue().search(outside) is not None


# TIMEX3 date value shapes, finest first, and the granularity each names.
_VALUE_PRECISIONS = tuple((re.compile(pattern), precision) for pattern, precision in (
    (r"\d{4}-\d\d-\d\dT.*", "time"),
    (r"\d{4}-\d\d-\d\d", "day"),
    (r"\d{4}-W\d\d(-WE)?", "week"),
    (r"\d{4}-\d\d", "month"),
    (r"\d{4}-(SP|SU|FA|AU|WI)", "season"),
    (r"\d{4}-Q\d", "quarter"),
    (r"\d{4}-H\d", "half"),
    (r"\d{4}", "year"),
    (r"\d{3}X?", "decade"),
))


def time_precision(value: str) -> str:
    """Return the granularity of a TIMEX3 date value: ``2020-09-28`` -> day, ``2020-W40`` -> week, ..."""
    return next((precision for pattern, precision in _VALUE_PRECISIONS if pattern.fullmatch(value)), "day")


def _nearest(items: Iterable, start: int, end: int):
    """Return the item whose span is nearest to ``[start, end)`` (ties: the earlier one)."""
    best, best_distance = None, None
    for item in items:
        distance = max(item.start - end, start - item.end, 0)
        if best_distance is None or distance < best_distance or (distance == best_distance and item.start < best.start):
            best, best_distance = item, distance
    return best


def _within(items: Sequence, start: int, end: int) -> list:
    return [item for item in items if item.start >= start and item.end <= end]


# "SERAMBINEWS.COM, YEREVAN - ..." / "Bisnis.com, JAKARTA - ...": the dateline, not a place in the sentence.
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{0,40}\))?\s*[-–—]\s")
_DATELINE_REACH = 60
# Words right before a place that say something happened there.
_LOCATIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:di|in|at|near|dekat|kota|kabupaten|kab\.|desa|kampung|kecamatan|provinsi|wilayah|daerah|kawasan|"
    r"town of|city of|village of|region of|province of)\s+$"
)


def _is_dateline_mention(mention: PlaceMention, paragraph_text: str, paragraph_start: int) -> bool:
    """Return whether ``mention`` is a lead line's dateline (a place near the paragraph start, before a dash)."""
    at = mention.end - paragraph_start
    return mention.start - paragraph_start <= _DATELINE_REACH and _DATELINE_AFTER.match(paragraph_text, at) is not None


def located_count(
    row: CountRow,
    places: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    document: DocumentInfo,
) -> LocatedCount:
    """Return ``row`` with its place, event date, time precision and running-total flag.

    ``places`` and ``dates`` are the document's LOC mentions and dated expressions. Dates after
    the publication date are ignored (a count is of something that has happened).
    """
    if row.paragraph_text is not None and row.paragraph_start is not None:
        text, base = row.paragraph_text, row.paragraph_start
        s_start = base + sentence_start(text, row.start - base)
        s_end = base + sentence_end(text, max(row.end - base - 1, 0))
        p_start, p_end = base, base + len(text)
        cumulative = is_running_total(text[s_start - base:s_end - base], row.start - s_start, row.end - s_start)
    else:
        s_start, s_end, p_start, p_end, cumulative = row.start, row.end, row.start, row.end, False
    if row.paragraph_text is not None and row.paragraph_start is not None:
        places = [m for m in places if not _is_dateline_mention(m, row.paragraph_text, row.paragraph_start)]
    published = document.published_date
    usable_dates = [d for d in dates if published is None or d.range_start <= published]
    place, place_source = None, None
    for scope, (lo, hi) in (("sentence", (s_start, s_end)), ("paragraph", (p_start, p_end))):
        candidates = _within(places, lo, hi)
        if row.paragraph_text is not None and row.paragraph_start is not None:
            # "penembakan di Ganja" names where it happened; "Jaksa Agung Azerbaijan" only who speaks.
            located_at = [m for m in candidates if _LOCATIVE_BEFORE.search(
                row.paragraph_text[max(m.start - row.paragraph_start - 30, 0):m.start - row.paragraph_start].lower())]
            candidates = located_at or candidates
        found = _nearest(candidates, row.start, row.end)
        if found is not None:
            place, place_source = found.entity_id, scope
            break
    if place is None and document.dateline_entity_id:
        place, place_source = document.dateline_entity_id, "dateline"
    when = None
    for lo, hi in ((s_start, s_end), (p_start, p_end)):
        when = _nearest(_within(usable_dates, lo, hi), row.start, row.end)
        if when is not None:
            break
    if when is not None:
        date_start, date_end, precision = when.range_start, min(when.range_end, published or when.range_end), time_precision(when.value)
        if cumulative and published is not None:
            # A toll to date runs from the date it names ("since Sunday") to the day it was reported.
            date_end = published
    elif published is not None:
        date_start, date_end, precision = published, published, "published"
    else:
        date_start = date_end = precision = None
    return LocatedCount(row, place, place_source, date_start, date_end, precision, cumulative, (s_start, s_end))


def figures_compatible(a: int | None, b: int | None, vague: bool = False) -> bool:
    """Return whether two reported figures can be one incident's, within the usual revisions."""
    if a is None or b is None:
        return a is None and b is None
    low, high = min(a, b), max(a, b)
    return high - low <= _SMALL_REVISION or low >= high * (_VAGUE_RATIO if vague else _REVISION_RATIO)


def places_nest(a: str | None, b: str | None, info: Mapping[str, PlaceInfo]) -> bool:
    """Return whether places ``a`` and ``b`` are equal or one lies within the other (needs marts.places)."""
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    pa, pb = info.get(a), info.get(b)
    if pa is None or pb is None or pa.geo_precision is None or pb.geo_precision is None:
        return False
    outer, inner = (pa, pb) if pa.geo_precision >= pb.geo_precision else (pb, pa)
    if outer.geo_precision == inner.geo_precision or not outer.country_code or outer.country_code != inner.country_code:
        return False
    if outer.geo_precision == 4:
        return True
    return outer.geo_precision == 3 and bool(outer.admin1_code) and outer.admin1_code == inner.admin1_code


def _dates_overlap(a_start, a_end, b_start, b_end) -> bool:
    if None in (a_start, a_end, b_start, b_end):
        return a_start is None and b_start is None
    return a_start <= b_end + _DATE_SLACK and b_start <= a_end + _DATE_SLACK


@dataclass
class _Group:
    """Located counts that are one incident (or, before merging, one event of one sentence)."""

    members: list[LocatedCount] = field(default_factory=list)

    @property
    def types(self) -> set[str]:
        return {m.row.count_type for m in self.members}

    @property
    def head(self) -> LocatedCount:
        return self.members[0]

    def of_type(self, count_type: str) -> list[LocatedCount]:
        return [m for m in self.members if m.row.count_type == count_type]

    def date_hull(self) -> tuple[date | None, date | None]:
        starts = [m.date_start for m in self.members if m.date_start is not None]
        ends = [m.date_end for m in self.members if m.date_end is not None]
        return (min(starts) if starts else None, max(ends) if ends else None)


def _stories(group: _Group, documents: Mapping[str, DocumentInfo]) -> set[str]:
    return {_story(m.row.document_id, documents) for m in group.members}


def _story(document_id: str, documents: Mapping[str, DocumentInfo]) -> str:
    info = documents.get(document_id)
    return (info.cluster_id if info is not None and info.cluster_id else None) or document_id


def _joins(event: _Group, incident: _Group, documents: Mapping[str, DocumentInfo], places: Mapping[str, PlaceInfo]) -> bool:
    head, other = event.head, incident.head
    if head.is_cumulative != other.is_cumulative:
        return False
    shared = event.types & incident.types
    if not shared:
        return False
    for count_type in shared:
        for mine in event.of_type(count_type):
            vague = mine.row.is_approximate
            if not all(figures_compatible(mine.row.value, theirs.row.value, vague or theirs.row.is_approximate)
                       for theirs in incident.of_type(count_type)):
                return False
    if head.place_entity_id is None or other.place_entity_id is None:
        # An unplaced count only joins unplaced counts of the same story: "no place" is not a place.
        if not (head.place_entity_id is None and other.place_entity_id is None):
            return False
        if not _stories(event, documents) & _stories(incident, documents):
            return False
    elif not all(places_nest(head.place_entity_id, m.place_entity_id, places) for m in incident.members):
        return False
    start, end = _matching_window(incident.members)
    mine_start, mine_end = _matching_window(event.members)
    if head.is_cumulative:
        # A running total is a figure as of a day, for one place: "200 dead in Armenia" on 4 October
        # and "100 dead in Yerevan" on 3 November are two tolls, even though Yerevan lies in Armenia.
        if head.place_entity_id != other.place_entity_id or None in (mine_end, end):
            return False
        return abs((mine_end - end).days) <= _DATE_SLACK.days
    return _dates_overlap(mine_start, mine_end, start, end)


def _matching_window(members: Sequence[LocatedCount]) -> tuple[date | None, date | None]:
    """Return the days the members may have happened on: a publication date stands for the days before it too."""
    starts = [m.date_start - _REPORTING_LAG if m.time_precision == "published" else m.date_start
              for m in members if m.date_start is not None]
    ends = [m.date_end for m in members if m.date_end is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _events(located: Sequence[LocatedCount]) -> list[_Group]:
    """Return counts of different types stated in one sentence for one place and date, as events."""
    events: list[_Group] = []
    open_events: dict[tuple, _Group] = {}
    for item in located:
        key = (item.row.document_id, item.sentence, item.place_entity_id, item.date_start, item.date_end, item.is_cumulative)
        event = open_events.get(key)
        if event is None or item.row.count_type in event.types:
            event = _Group()
            events.append(event)
            open_events[key] = event
        event.members.append(item)
    return events


def _reported_at(info: DocumentInfo | None) -> datetime | None:
    if info is None:
        return None
    if info.published_at is not None:
        return info.published_at
    if info.published_date is not None:
        return datetime.combine(info.published_date, time(0), tzinfo=timezone.utc)
    return None


def _order_key(item: LocatedCount, documents: Mapping[str, DocumentInfo]):
    reported = _reported_at(documents.get(item.row.document_id))
    return (reported is None, reported or datetime.min.replace(tzinfo=timezone.utc), item.row.document_id, item.row.start)


def incident_rows(
    located: Iterable[LocatedCount],
    documents: Mapping[str, DocumentInfo],
    places: Mapping[str, PlaceInfo] | None = None,
) -> list[IncidentRow]:
    """Return marts.incidents rows: one per count type of each incident.

    Counts are taken in order of first report (then document and offset), so the result does
    not depend on input order and a re-run over the same rows gives the same rows. An
    ``incident_id`` is a hash of the incident's first-reported count row, so it stays put
    when later reports join the incident.
    """
    places = places or {}
    ordered = sorted(located, key=lambda item: _order_key(item, documents))
    incidents: list[_Group] = []
    # Only incidents sharing a kind, a count type and a block (country, else place, else story) can
    # match, so each event is compared with a few candidates, not with every incident so far.
    index: dict[tuple, list[int]] = {}
    for event in _events(ordered):
        keys = _index_keys(event, documents, places)
        candidates = sorted({i for key in keys for i in index.get(key, ())})
        for i in candidates:
            if _joins(event, incidents[i], documents, places):
                incidents[i].members.extend(event.members)
                break
        else:
            i = len(incidents)
            incidents.append(_Group(list(event.members)))
        for key in _index_keys(incidents[i], documents, places):
            if i not in index.setdefault(key, []):
                index[key].append(i)
    rows = [row for incident in incidents for row in _rows_of(incident, documents, places)]
    return sorted(rows, key=lambda r: (r.incident_id, r.count_type))


def _index_keys(group: _Group, documents: Mapping[str, DocumentInfo], places: Mapping[str, PlaceInfo]) -> set[tuple]:
    """Return the blocking keys of a group: (running total?, count type, country or place or story)."""
    keys = set()
    for m in group.members:
        info = places.get(m.place_entity_id) if m.place_entity_id is not None else None
        if info is not None and info.country_code:
            block = ("country", info.country_code)
        elif m.place_entity_id is not None:
            block = ("place", m.place_entity_id)
        else:
            block = ("story", _story(m.row.document_id, documents))
        keys.add((m.is_cumulative, m.row.count_type, block))
    return keys


def _place_of(incident: _Group, places: Mapping[str, PlaceInfo]) -> tuple[str | None, int | None]:
    """Return the incident's most precise place (finest geo_precision, else most reported) and its precision."""
    counts: dict[str, int] = {}
    for m in incident.members:
        if m.place_entity_id is not None:
            counts[m.place_entity_id] = counts.get(m.place_entity_id, 0) + 1
    if not counts:
        return None, None

    def rank(entity_id: str):
        info = places.get(entity_id)
        precision = info.geo_precision if info is not None and info.geo_precision is not None else 99
        return (precision, -counts[entity_id], entity_id)

    chosen = min(counts, key=rank)
    info = places.get(chosen)
    return chosen, info.geo_precision if info is not None else None


def _rows_of(incident: _Group, documents: Mapping[str, DocumentInfo], places: Mapping[str, PlaceInfo]) -> list[IncidentRow]:
    first = incident.head.row
    incident_id = "i_" + hashlib.sha1(f"{first.document_id}:{first.start}:{first.end}".encode()).hexdigest()[:16]
    place, geo_precision = _place_of(incident, places)
    date_start, date_end = incident.date_hull()
    precisions = [m.time_precision for m in incident.members if m.time_precision is not None]
    precision = min(precisions, key=PRECISIONS.index) if precisions else None
    rows = []
    for count_type in sorted(incident.types):
        members = incident.of_type(count_type)
        values = [m.row.value for m in members if m.row.value is not None]
        # ACLED: each story's own latest (highest) statement, then the lowest of those across stories.
        per_story: dict[str, int] = {}
        for m in members:
            if m.row.value is not None:
                story = _story(m.row.document_id, documents)
                per_story[story] = max(per_story.get(story, m.row.value), m.row.value)
        document_ids = sorted({m.row.document_id for m in members})
        outlets = {documents[d].outlet for d in document_ids if d in documents and documents[d].outlet}
        reports = sorted(
            ((_reported_at(documents.get(d)), d) for d in document_ids),
            key=lambda pair: (pair[0] is None, pair[0] or datetime.min.replace(tzinfo=timezone.utc), pair[1]),
        )
        first_at, first_document = reports[0]
        first_info = documents.get(first_document)
        rows.append(IncidentRow(
            incident_id=incident_id,
            count_type=count_type,
            is_cumulative=incident.head.is_cumulative,
            place_entity_id=place,
            geo_precision=geo_precision,
            date_start=date_start,
            date_end=date_end,
            time_precision=precision,
            best=min(per_story.values()) if per_story else None,
            low=min(values) if values else None,
            high=max(values) if values else None,
            number_of_documents=len({_story(d, documents) for d in document_ids}),
            number_of_outlets=len(outlets),
            first_reported_at=first_at,
            first_outlet=first_info.outlet if first_info is not None else None,
            document_ids=tuple(document_ids),
            count_rows=tuple(sorted((m.row.document_id, m.row.start, m.row.end) for m in members)),
        ))
    return rows


INCIDENT_SCHEMA = {
    "incident_id": pl.String,
    "count_type": pl.String,
    "is_cumulative": pl.Boolean,
    "place_entity_id": pl.String,
    "geo_precision": pl.Int32,
    "date_start": pl.Date,
    "date_end": pl.Date,
    "time_precision": pl.String,
    "best": pl.Int64,
    "low": pl.Int64,
    "high": pl.Int64,
    "number_of_documents": pl.Int32,
    "number_of_outlets": pl.Int32,
    "first_reported_at": pl.Datetime("us", "UTC"),
    "first_outlet": pl.String,
    "document_ids": pl.List(pl.String),
    "count_rows": pl.List(pl.Struct({"document_id": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32})),
}


def incidents_frame(
    counts: pl.DataFrame,
    place_mentions: pl.DataFrame,
    date_mentions: pl.DataFrame,
    documents: pl.DataFrame,
    place_info: pl.DataFrame | None = None,
    clusters: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Return marts.incidents as a frame, from the frames the ``warehouse/refresh/incident_*.sql`` queries return.

    ``place_info`` (marts.places: entity_id, geo_precision, country_code, admin1_code) and ``clusters``
    (marts.story_clusters: document_id, cluster_id) are optional: without them places nest only
    when equal, geo_precision is null and every document is its own story.
    """
    cluster_of = {} if clusters is None or clusters.height == 0 else dict(
        zip(clusters["document_id"].to_list(), clusters["cluster_id"].to_list()))
    docs = {
        row["document_id"]: DocumentInfo(
            document_id=row["document_id"],
            published_date=row["published_date"],
            published_at=_utc(row["published_at"]),
            outlet=row["outlet"],
            dateline_entity_id=row["dateline_entity_id"],
            cluster_id=cluster_of.get(row["document_id"]),
        )
        for row in documents.iter_rows(named=True)
    }
    places_by_doc: dict[str, list[PlaceMention]] = {}
    for row in place_mentions.iter_rows(named=True):
        places_by_doc.setdefault(row["document_id"], []).append(
            PlaceMention(row["document_id"], row["start_offset"], row["end_offset"], row["entity_id"]))
    dates_by_doc: dict[str, list[DateMention]] = {}
    for row in date_mentions.iter_rows(named=True):
        dates_by_doc.setdefault(row["document_id"], []).append(DateMention(
            row["document_id"], row["start_offset"], row["end_offset"], row["value"], row["range_start"], row["range_end"]))
    info = {} if place_info is None else {
        row["entity_id"]: PlaceInfo(row["entity_id"], row["geo_precision"], row["country_code"], row["admin1_code"])
        for row in place_info.iter_rows(named=True)
    }
    located = []
    for row in counts.iter_rows(named=True):
        count = CountRow(row["start_offset"], row["end_offset"], row["text"], row["count_type"], row["value"],
                         row["is_approximate"], document_id=row["document_id"], paragraph_start=row["paragraph_start"],
                         paragraph_text=row["paragraph_text"])
        document = docs.get(count.document_id, DocumentInfo(count.document_id, None))
        located.append(located_count(count, places_by_doc.get(count.document_id, ()),
                                     dates_by_doc.get(count.document_id, ()), document))
    rows = incident_rows(located, docs, info)
    records = [
        {
            **{name: getattr(r, name) for name in INCIDENT_SCHEMA if name not in ("document_ids", "count_rows")},
            "document_ids": list(r.document_ids),
            "count_rows": [{"document_id": d, "start_offset": s, "end_offset": e} for d, s, e in r.count_rows],
        }
        for r in rows
    ]
    return pl.DataFrame(records, schema=INCIDENT_SCHEMA)


def incidents_from_inputs(inputs: Mapping[str, pl.DataFrame | None]) -> pl.DataFrame:
    """Return marts.incidents as a frame from ``warehouse.refresh.incident_inputs``'s frames (``incidents_frame``)."""
    return incidents_frame(inputs["counts"], inputs["places"], inputs["dates"], inputs["documents"],
                           inputs.get("place_info"), inputs.get("clusters"))


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
