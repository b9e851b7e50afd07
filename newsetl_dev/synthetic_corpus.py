"""Synthetic Indonesian news articles recombined from seed articles, for benchmarks.

``synthetic_articles`` turns a handful of seed texts (the articles in ``seeds/``)
into any number of distinct, realistic ~2 KB articles: paragraphs are recombined,
outlets, datelines, dates, officials' names and casualty figures vary, and every
article carries one sentence whose refugee count is derived from its index, so no
two texts are equal and the content-hash dedupe keeps them all.

Pure: the caller reads the seed files; nothing here touches the file system.
Speed matters (the benchmark generates 100k articles), so each seed paragraph is
compiled once into a ``str.format_map`` template and an article is one
``format_map`` over the joined templates.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["OUTLETS", "WEEKDAYS_ID", "synthetic_articles"]

# Monday first, matching date.weekday().
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# (name in the lead line, host for the URL, URL section, lead-line styles)
# Styles: "{o}" outlet, "{p}" place as the outlet writes it.
OUTLETS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Kompas.com", "www.kompas.com", "global/read", ("KOMPAS.com - ", "{P}, KOMPAS.com - ")),
    ("Detik.com", "news.detik.com", "internasional/d", ("{p} - ", "detikNews, {p} - ")),
    ("Tempo.co", "dunia.tempo.co", "read", ("TEMPO.CO, {p} - ",)),
    ("Antaranews.com", "www.antaranews.com", "berita", ("{p} (ANTARA) - ",)),
    ("Bisnis.com", "kabar24.bisnis.com", "read", ("Bisnis.com, {P} - ",)),
    ("Liputan6.com", "www.liputan6.com", "global/read", ("Liputan6.com, {p} - ",)),
    ("CNNIndonesia.com", "www.cnnindonesia.com", "internasional", ("{p}, CNN Indonesia -- ",)),
    ("Republika.co.id", "internasional.republika.co.id", "berita", ("REPUBLIKA.CO.ID, {P} -- ",)),
    ("Okezone.com", "news.okezone.com", "read", ("{P} - ",)),
    ("Sindonews.com", "international.sindonews.com", "read", ("{P} - ",)),
    ("Kumparan.com", "kumparan.com", "kumparannews", ("kumparan.com - ",)),
    ("Merdeka.com", "www.merdeka.com", "dunia", ("Merdeka.com - ",)),
    ("Tribunnews.com", "www.tribunnews.com", "internasional", ("TRIBUNNEWS.COM, {P} - ",)),
    ("Serambinews.com", "aceh.tribunnews.com", "internasional", ("SERAMBINEWS.COM, {P} - ",)),
    ("Suara.com", "www.suara.com", "news", ("Suara.com - ",)),
    ("Viva.co.id", "www.viva.co.id", "berita/dunia", ("VIVA – ",)),
    ("Jawapos.com", "www.jawapos.com", "internasional", ("JawaPos.com – ",)),
    ("Sosok.ID", "sosok.grid.id", "read", ("Sosok.ID - ",)),
)

PLACES = (
    "Jakarta", "Yerevan", "Baku", "Moskow", "Ankara", "Stepanakert", "Tbilisi",
    "Istanbul", "Paris", "Washington", "Jenewa", "Ganja", "Teheran", "Brussels",
)

LOCALITIES = (
    "Stepanakert", "Shusha", "Martakert", "Hadrut", "Ganja", "Barda", "Tartar",
    "Goris", "Fuzuli", "Jabrayil", "Lachin", "Askeran", "Mingachevir", "Agdam",
)

ORGS = (
    "Komite Internasional Palang Merah (ICRC)", "UNHCR", "otoritas setempat",
    "Kementerian Situasi Darurat Armenia", "Ombudsman Nagorno-Karabakh",
    "Badan Pengungsi PBB", "Bulan Sabit Merah Azerbaijan", "kantor kejaksaan Azerbaijan",
)

# Officials whose names the seeds mention and who may be swapped for a colleague
# of the same country; heads of state stay (swapping Putin reads as fiction).
NAME_POOLS: dict[str, tuple[str, ...]] = {
    "Hikmet Hajiyev": ("Hikmet Hajiyev", "Jeyhun Bayramov", "Zakir Hasanov", "Vagif Dargahli",
                       "Leyla Abdullayeva", "Anar Eyvazov", "Elnur Mammadov", "Farid Shafiyev"),
    "Shushan Stepanyan": ("Shushan Stepanyan", "Artsrun Hovhannisyan", "Anna Naghdalyan",
                          "Zohrab Mnatsakanyan", "Davit Tonoyan", "Onik Gasparyan",
                          "Armen Grigoryan", "Ararat Mirzoyan"),
    "Arayik Harutyunyan": ("Arayik Harutyunyan", "Vahram Poghosyan", "Masis Mayilyan",
                           "David Babayan", "Artak Beglaryan"),
    "Sergey Lavrov": ("Sergey Lavrov", "Maria Zakharova", "Dmitry Peskov", "Sergei Shoigu",
                      "Andrei Rudenko", "Igor Konashenkov"),
    "Mevlut Cavusoglu": ("Mevlut Cavusoglu", "Hulusi Akar", "Ibrahim Kalin", "Fahrettin Altun",
                         "Omer Celik", "Hami Aksoy"),
}

JOURNALISTS = (
    "Ahmad Fauzi", "Dewi Lestari", "Rizki Pratama", "Siti Rahmawati", "Budi Santoso",
    "Agus Setiawan", "Rina Marlina", "Yudi Kurniawan", "Fitri Handayani", "Hendra Gunawan",
    "Nur Aini", "Dian Permata", "Arif Hidayat", "Lukman Hakim", "Maya Sari",
    "Teguh Prasetyo", "Wahyu Nugroho", "Indah Puspita", "Reza Maulana", "Yoga Sukmana",
)

SPOKESPEOPLE = (
    "Zara Amatuni", "Ewan Watson", "Martin Schuepp", "Crystal Wells", "Andrea Koulaimah",
    "Nazli Aghazade", "Lusine Kosyan", "Tural Ganjaliyev",
)

SECTIONS = ("Internasional", "Global", "Dunia", "Internasional | Eropa", "News")

TITLES = (
    "Korban Tewas Perang Armenia-Azerbaijan Capai {n_title} Orang",
    "Pertempuran di Nagorno-Karabakh Memasuki Hari ke-{day_no}",
    "{official_surname}: Gencatan Senjata Tak Akan Bertahan Lama",
    "Rusia Siap Bantu Armenia Jika Perang Meluas ke Wilayahnya",
    "Turki Dituduh Kirim Tentara Bayaran Suriah ke Karabakh",
    "Ribuan Warga {loc} Mengungsi, Pertempuran Kian Sengit",
    "Azerbaijan Klaim Rebut Desa di Sekitar {loc}",
    "Armenia dan Azerbaijan Saling Tuduh Langgar Gencatan Senjata",
    "Drone Turki Jadi Penentu Perang di Nagorno-Karabakh",
    "Pashinyan: Armenia Hadapi Momen Paling Menentukan dalam Sejarah",
    "{loc} Digempur Roket, {n_title} Warga Sipil Jadi Korban",
    "Prancis, Rusia dan AS Desak Armenia-Azerbaijan Hentikan Perang",
)

UNIQUE_SENTENCES = (
    "Hingga {D0}, sedikitnya {uniq} warga telah mengungsi dari {loc}, menurut data {org}.",
    "{Org} mencatat {uniq} orang telah meninggalkan rumah mereka di {loc} sejak pertempuran pecah.",
    "Menurut {org}, jumlah pengungsi dari {loc} kini mencapai {uniq} orang.",
    "\"Sedikitnya {uniq} warga sipil sudah kami evakuasi dari {loc},\" kata juru bicara {org}, {spokesperson}.",
    "Data {org} per {D0} menunjukkan {uniq} warga {loc} kini tinggal di penampungan sementara.",
)

_BLOCK = 256
_COUNT_LEVELS = 256

FIRST_DAY = date(2020, 9, 28)
LAST_DAY = date(2020, 11, 15)

_LEAD_PREFIX = re.compile(
    r"^(?P<outlet>[A-Za-z][\w-]*(?:\.[A-Za-z]+)+|[A-Z]{3,})"
    r"(?:\s*,\s*(?P<place>[A-Za-z][A-Za-z ]*?))?\s*(?:-\s*(?P<place2>[A-Za-z]+)\s*-|[-–])\s*"
)
_DATE = re.compile(
    r"\b(?P<wd>Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \((?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\)"
    r"(?P<kemarin> kemarin)?"
)
# Casualty and head counts: digits followed by what they count (lower case only, so
# headline numbers such as "2.000 Militan" stay).
_COUNT = re.compile(r"\b(\d{1,3}(?:\.\d{3})*)(?= (?:orang|warga sipil|luka-luka|militan))")
_BACA_JUGA = re.compile(r"^Baca [Jj]uga\b")


@dataclass(frozen=True, slots=True)
class _Seed:
    lead: str  # format template of the lead paragraph without its outlet prefix
    body: tuple[str, ...]  # format templates of the other paragraphs (Baca Juga excluded)
    baca_juga: tuple[tuple[int, str], ...]  # (position in body, template)


@dataclass(frozen=True, slots=True)
class _Compiled:
    seeds: tuple[_Seed, ...]
    counts: tuple[int, ...]  # original value of each {cN} placeholder
    names: tuple[str, ...]  # pool keys present in the seeds
    days: tuple[str, ...]  # "Senin (28/9/2020)" for each day FIRST_DAY-3 .. LAST_DAY


def _indonesian_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _day_string(day: date) -> str:
    return f"{WEEKDAYS_ID[day.weekday()]} ({day.day}/{day.month}/{day.year})"


def _compile(seed_texts: Sequence[str]) -> _Compiled:
    counts: list[int] = []
    names_seen: set[str] = set()
    # Full names first so "Hikmet Hajiyev" is one placeholder, then bare surnames.
    name_alternatives = sorted(NAME_POOLS, key=len, reverse=True)
    surname_of = {full: full.split()[-1] for full in NAME_POOLS}
    name_rx = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in name_alternatives)
        + "|" + "|".join(re.escape(s) for s in surname_of.values()) + r")\b"
    )
    full_of_surname = {s: f for f, s in surname_of.items()}

    def template(line: str, own_outlet: str | None) -> str:
        line = line.replace("{", "{{").replace("}", "}}")
        if own_outlet:
            line = line.replace(own_outlet, "{outlet}")

        def date_sub(m: re.Match[str]) -> str:
            # "Senin (28/9/2020) kemarin" is the day before publication.
            return "{D1} kemarin" if m.group("kemarin") else "{D%d}" % (len(m.group("d")) % 2)

        line = _DATE.sub(date_sub, line)

        def count_sub(m: re.Match[str]) -> str:
            counts.append(int(m.group(1).replace(".", "")))
            return "{c%d}" % (len(counts) - 1)

        line = _COUNT.sub(count_sub, line)

        def name_sub(m: re.Match[str]) -> str:
            token = m.group(1)
            if token in NAME_POOLS:
                names_seen.add(token)
                return "{nf%d}" % name_alternatives.index(token)
            full = full_of_surname[token]
            names_seen.add(full)
            return "{ns%d}" % name_alternatives.index(full)

        return name_rx.sub(name_sub, line)

    seeds: list[_Seed] = []
    for raw in seed_texts:
        text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        lead_at, prefix = None, None
        for i, line in enumerate(lines[:6]):
            m = _LEAD_PREFIX.match(line)
            if m:
                lead_at, prefix = i, m
                break
        if lead_at is None or prefix is None:
            lead_at, own_outlet, lead_text = 0, None, lines[0] if lines else ""
        else:
            own_outlet = prefix.group("outlet")
            lead_text = lines[lead_at][prefix.end():]
        body: list[str] = []
        baca: list[tuple[int, str]] = []
        for line in lines[lead_at + 1:]:
            if line in ("(*)", "(*"):
                continue
            if _BACA_JUGA.match(line):
                baca.append((len(body), template(line, own_outlet)))
            else:
                body.append(template(line, own_outlet))
        if body:
            seeds.append(_Seed(template(lead_text, own_outlet), tuple(body), tuple(baca)))
    if not seeds:
        raise ValueError("synthetic_articles needs at least one seed text with two or more lines")

    first = FIRST_DAY - timedelta(days=3)
    span = (LAST_DAY - first).days + 1
    days = tuple(_day_string(first + timedelta(days=k)) for k in range(span))
    return _Compiled(tuple(seeds), tuple(counts), tuple(name_alternatives), days)


_CACHE: dict[tuple[str, ...], _Compiled] = {}


def _compiled(seed_texts: Sequence[str]) -> _Compiled:
    key = tuple(seed_texts)
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = _compile(key)
        if len(_CACHE) > 8:
            _CACHE.pop(next(iter(_CACHE)))
    return found


_SLUGS: dict[str, str] = {}


def _slug(title: str) -> str:
    found = _SLUGS.get(title)
    if found is None:
        found = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        if len(_SLUGS) < 100_000:  # titles come from few templates; bound it anyway
            _SLUGS[title] = found
    return found


def synthetic_articles(
    seed_texts: Sequence[str], n: int, seed: int = 0, *, start: int = 0
) -> Iterator[dict]:
    """Yield ``n`` distinct synthetic articles as JSONL-ready dicts.

    Each dict has ``id``, ``text``, ``title``, ``url`` and ``source``; about half also
    have ``published_at`` (an ISO date). Article ``i`` depends only on ``(seed, i)``,
    so ``start`` continues a corpus: ``start=n`` gives ``n`` further articles distinct
    from the first ``n`` (the benchmark's "1 % new documents").
    Texts are distinct for distinct indices: each holds exactly one refugee-count
    sentence whose number is ``1000 + i`` and that the seeds cannot produce.
    """
    if n < 0 or start < 0:
        raise ValueError("n and start must be non-negative")
    comp = _compiled(seed_texts)
    seeds = comp.seeds
    n_seeds = len(seeds)
    # Paragraphs another seed can lend to an article built on seed p.
    lendable = [
        [para for q, other in enumerate(seeds) if q != p or n_seeds == 1 for para in other.body]
        for p in range(n_seeds)
    ]
    bodies = [[(para, len(para)) for para in sd.body] for sd in seeds]
    bacas = [dict(sd.baca_juga) for sd in seeds]
    # Everything that depends on one random draw is prepared once as a small dict,
    # so an article's mapping is a few dict.update calls instead of ~30 stores.
    days = comp.days
    n_days = len(days) - 3
    day_maps = []
    for k in range(3, len(days)):
        d = FIRST_DAY + timedelta(days=k - 3)
        day_maps.append((
            {"D0": days[k], "D1": days[k - 1], "D2": days[k - 2], "day_no": str(k - 2)},
            d.isoformat(),
            d.strftime("%Y/%m/%d"),
        ))
    count_maps = []
    for level in range(_COUNT_LEVELS):
        factor = 0.4 + 2.2 * level / _COUNT_LEVELS
        cm = {}
        for k, orig in enumerate(comp.counts):
            v = int(orig * factor) or 2
            if v >= 100:
                v -= v % 10
            cm["c%d" % k] = _indonesian_int(v)
        cm["n_title"] = _indonesian_int(int(130 * factor))
        count_maps.append(cm)
    name_maps = []
    for k, key in enumerate(comp.names):
        choices = []
        for full in NAME_POOLS[key]:
            nm = {"nf%d" % k: full, "ns%d" % k: full.rsplit(" ", 1)[-1]}
            if k == 0:
                nm["official_surname"] = nm["ns0"]
            choices.append(nm)
        name_maps.append(choices)
    org_maps = [{"org": o, "Org": o[0].upper() + o[1:]} for o in ORGS]
    outlets = [
        (o, h, sec, [st.replace("{P}", "\x00") for st in styles], {"outlet": o})
        for o, h, sec, styles in OUTLETS
    ]
    places = [(p, p.upper()) for p in PLACES]
    rng = random.Random()
    rand = rng.random

    def pick(seq):  # random.choice without randrange's overhead (this loop is hot)
        return seq[int(rand() * len(seq))]

    # Seeding a Mersenne Twister costs several microseconds, so the generator is
    # seeded once per block of articles; starting mid-block replays the block head.
    first = start - start % _BLOCK
    for i in range(first, start + n):
        if i % _BLOCK == 0:
            rng.seed(seed * 1_000_003_000 + i // _BLOCK)
        p = int(rand() * n_seeds)
        prim = seeds[p]
        outlet, host, section, styles, outlet_map = pick(outlets)
        place, place_upper = pick(places) if rand() < 0.7 else places[0]
        lead = pick(styles).replace("\x00", place_upper).replace("{p}", place)
        day_map, day_iso, day_path = day_maps[int(rand() * n_days)]
        uniq = 1000 + i
        mapping: dict[str, str] = {
            "loc": pick(LOCALITIES),
            "uniq": _indonesian_int(uniq),
            "spokesperson": pick(SPOKESPEOPLE),
            "official_surname": "Lavrov",
        }
        mapping.update(outlet_map)
        mapping.update(day_map)
        mapping.update(pick(org_maps))
        mapping.update(count_maps[int(rand() * _COUNT_LEVELS)])
        for choices in name_maps:
            # Keep the seed's official about 40 % of the time, else a colleague.
            mapping.update(choices[0] if rand() < 0.4 else pick(choices))

        title = pick(TITLES).format_map(mapping)
        target = 1500 + int(rand() * 1000)
        parts: list[str] = []
        if rand() < 0.15:  # page furniture before the lead, as in scraped pages
            parts.append(pick(SECTIONS))
            parts.append(title)
        parts.append(lead + prim.lead)
        size = len(prim.lead) + 40
        unique_at = 1 + int(rand() * 4)
        unique = pick(UNIQUE_SENTENCES)
        placed = False
        baca = bacas[p] if rand() < 0.5 else None
        lend = lendable[p]
        lent: set[int] = set()
        for pos, (para, length) in enumerate(bodies[p]):
            if pos == unique_at:
                parts.append(unique)
                placed = True
                size += 110
            if baca and pos in baca:
                parts.append(baca[pos])
            r = rand()
            if r < 0.2:
                j = int(rand() * len(lend))
                if j not in lent:
                    lent.add(j)
                    parts.append(lend[j])
                    size += len(lend[j])
            if r < 0.85:
                parts.append(para)
                size += length
            if size >= target:
                break
        if not placed:
            parts.append(unique)
        tries = 0
        while size < target - 300 and tries < 20:  # top up short articles
            tries += 1
            j = int(rand() * len(lend))
            if j not in lent:
                lent.add(j)
                parts.append(lend[j])
                size += len(lend[j])
        r = rand()
        if r < 0.25:
            parts.append("Penulis: " + pick(JOURNALISTS))
            parts.append("Editor: " + pick(JOURNALISTS))
        elif r < 0.4:
            a, b = pick(JOURNALISTS), pick(JOURNALISTS)
            parts.append(f"({a[:a.find(' ')].lower()}/{b[:b.find(' ')].lower()})")
        elif r < 0.5:
            parts.append("(*)")

        doc = {
            "id": f"syn{seed}-{i:07d}",
            "text": "\n".join(parts).format_map(mapping),
            "title": title,
            "url": f"https://{host}/{section}/{day_path}/{100000 + i}/{_slug(title)}",
            "source": outlet,
        }
        if rand() < 0.5:
            doc["published_at"] = day_iso
        if i >= start:
            yield doc
