"""Indonesian grammar: ``(kind, regex template, trigger words)``; see ``patterns`` for placeholders and triggers."""

_B = r"(?<![\w])"  # no word character right before the phrase
_E = r"(?![\w])"
_DATED_WEEKDAY = r"(?:(?:hari\s+)?(?P<wd><<WD>>)\s*,?\s*(?P<paren>\()?\s*)?"

TEMPLATES = (  # (kind, template, words that can start a match; #digit: a number)
    ("numeric_date", _B + r"(?P<x>" + _DATED_WEEKDAY + r"(?<![\w/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])"
     r"(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d]|[/\-.]\d)(?(paren)\s*\))(?:\s+(?P<pod><<POD>>))?)" + _E,
     "WD hari #digit"),
    ("numeric_date", _B + r"(?P<x>(?:hari\s+)?(?P<wd><<WD>>)\s*\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})\s*\)"
     r"(?:\s+(?P<pod><<POD>>))?)" + _E,
     "WD hari"),
    ("numeric_date", r"(?<![\w/.\-])(?P<x>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d])",
     "#digit"),
    ("named_date", _B + r"(?P<x>" + _DATED_WEEKDAY + r"(?<![\w/.\-])(?P<d>\d{1,2})\s+(?P<mon><<MON>>)"
     r"(?:,?\s+(?P<y>\d{4})(?![\d]|[.,]\d|-?an))?(?(paren)\s*\))(?:\s+(?P<pod><<POD>>)" + _E + r")?)",
     "WD hari #digit"),
    ("month", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?:bulan\s+)?(?P<mon><<MON>>)\s+(?:tahun\s+)?"
     r"(?P<y>\d{4}))(?![\d]|[.,]\d|-?an)",
     "MOD bulan MON"),
    ("month", _B + r"(?:(?P<prep><<MONTH_PREP>>)\s+)?(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?:(?P<bulan>bulan)\s+)?"
     r"(?P<mon><<MON_FULL>>)(?:\s+(?P<dx>tahun\s+(?:lalu|ini|depan)|<<DEICTIC_SUFFIXES>>))?)" + _E,
     "MONTH_PREP MOD bulan MON_FULL"),
    ("year", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?tahun\s+(?P<y>\d{4}))(?![\d]|[.,]\d|-?an)",
     "MOD tahun"),
    ("year", _B + r"(?:(?P<prep><<YEAR_PREP>>)\s+)(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?P<y>\d{4}))"
     r"(?![\d]|[.,/]\d|-?an|\s+<<COUNT_NOUN>>" + _E + ")",
     "YEAR_PREP"),
    ("year", _B + r"(?P<x>(?P<mod><<MOD>>)\s+(?P<y>\d{4}))(?![\d]|[.,/]\d|-?an|\s+<<COUNT_NOUN>>" + _E + ")",
     "MOD"),
    ("decade", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?:(?:tahun|era|dekade)\s+)?(?P<dec>\d{3})0-?an)" + _E,
     "MOD tahun era dekade #digit"),
    ("decade", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?:tahun|era)\s+(?P<dec2>[1-9])0-?an)" + _E,
     "MOD tahun era"),
    ("century", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?abad\s+(?:ke-?\s*)?(?P<cent>\d{1,2}|[IVX]{1,5}))" + _E,
     "MOD abad"),
    ("quarter", _B + r"(?P<x>(?P<qw><<Q_WORD>>)\s+(?P<q><<Q_NO>>)(?:[\s/\-]+(?:tahun\s+)?(?P<y>\d{4}))?)"
     r"(?![\w]|[.,]\d)",
     "Q_WORD"),
    ("weekday", _B + r"(?P<x>(?:(?P<hari>hari)\s+)?(?P<wd><<WD>>)(?:\s+(?P<pod><<POD>>))?"
     r"(?:\s+(?P<dx><<WEEKDAY_SUFFIXES>>))?)" + _E,
     "hari WD"),
    ("relative_day", _B + r"(?P<x>(?P<rd><<RD>>)(?:\s+(?P<pod><<POD>>))?)" + _E,
     "RD"),
    ("unit_deixis", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?P<unit>minggu|pekan|bulan|tahun|dekade|dasawarsa|abad)"
     r"\s+(?P<dx><<DEICTIC_SUFFIXES>>))" + _E,
     "MOD minggu pekan bulan tahun dekade dasawarsa abad"),
    ("quantity", _B + r"(?P<x>(?:(?P<frac><<FRAC>>)|(?P<count><<COUNT>>))(?:\s+(?P<half>setengah))?\s+"
     r"(?P<unit><<UNIT>>)(?:\s+(?P<dx><<COUNTED_SUFFIXES>>)|\s+(?P<tail><<DURATION_SUFFIXES>>))?)" + _E,
     "FRAC COUNT"),
    ("quantity", _B + r"(?P<x>(?P<seunit><<SE_UNIT>>)(?:\s+(?P<dx><<COUNTED_SUFFIXES>>)|"
     r"\s+(?P<tail><<DURATION_SUFFIXES>>))?)(?![\w\-])",
     "SE_UNIT"),
    ("vague_duration", _B + r"(?P<x>ber(?P<r>detik|menit|jam|hari|minggu|pekan|bulan|tahun|abad)-(?P=r))" + _E,
     "berdetik bermenit berjam berhari berminggu berpekan berbulan bertahun berabad"),
    ("set", _B + r"(?P<x>(?P<every><<SET>>)\s+(?:(?P<count><<COUNT>>)\s+)?(?:(?:hari\s+)?(?P<wd><<WD>>)|"
     r"(?P<unit><<UNIT>>)|(?P<pod><<POD>>))(?:nya)?)" + _E,
     "SET"),
    ("times_per", _B + r"(?P<x>(?:(?P<tcount><<COUNT>>)\s+kali|sekali)\s+(?:<<PER>>\s+)?"
     r"(?:(?P<seunit><<SE_UNIT>>)|(?P<unit><<UNIT>>)))" + _E,
     "COUNT sekali"),
    ("reference", _B + r"(?P<x><<REF>>)" + _E,
     "REF"),
    ("clock", _B + r"(?P<x>(?P<pre>pukul|pkl\.?|jam)\s+(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?"
     r"(?:\s+(?P<pod1><<POD>>))?(?:\s*(?P<tz><<TZ>>)" + _E + r")?(?:\s+(?P<pod2><<POD>>))?)(?![\w]|[.:]\d)",
     "pukul pkl jam"),
    ("clock", r"(?<![\w.,:/])(?P<x>(?P<h>\d{1,2})[.:](?P<min>\d{2})\s*(?P<tz>(?-i:WIB|WITA|WIT)))" + _E,
     "#digit"),
    ("clock_word", _B + r"(?P<x><<CLOCK>>)" + _E,
     "CLOCK"),
)
