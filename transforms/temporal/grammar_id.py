"""Indonesian grammar: ``(kind, regex template, trigger words)``; see ``patterns`` for placeholders and triggers."""

_B = r"(?<![\w])"  # no word character right before the phrase
_E = r"(?![\w])"
_DATED_WEEKDAY = r"(?:(?:<<DAY_WORD>>\s+)?(?P<wd><<WD>>)\s*,?\s*(?P<paren>\()?\s*)?"

TEMPLATES = (  # (kind, template, words that can start a match; #digit: a number)
    ("numeric_date", _B + r"(?P<x>" + _DATED_WEEKDAY + r"(?<![\w/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])"
     r"(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d]|[/\-.]\d)(?(paren)\s*\))(?:\s+(?P<pod><<POD>>))?)" + _E,
     "WD DAY_WORD #digit"),
    ("numeric_date", _B + r"(?P<x>(?:<<DAY_WORD>>\s+)?(?P<wd><<WD>>)\s*\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})\s*\)"
     r"(?:\s+(?P<pod><<POD>>))?)" + _E,
     "WD DAY_WORD"),
    ("numeric_date", r"(?<![\w/.\-])(?P<x>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d])",
     "#digit"),
    ("named_date", _B + r"(?P<x>" + _DATED_WEEKDAY + r"(?<![\w/.\-])(?P<d>\d{1,2})\s+(?P<mon><<MON>>)"
     r"(?:,?\s+(?P<y>\d{4})(?![\d]|[.,]\d|-?an))?(?(paren)\s*\))(?:\s+(?P<pod><<POD>>)" + _E + r")?)",
     "WD DAY_WORD #digit"),
    ("month", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?:<<MONTH_WORD>>\s+)?(?P<mon><<MON>>)\s+(?:<<YEAR_WORD>>\s+)?"
     r"(?P<y>\d{4}))(?![\d]|[.,]\d|-?an)",
     "MOD MONTH_WORD MON"),
    ("month", _B + r"(?:(?P<prep><<MONTH_PREP>>)\s+)?(?P<x>(?:(?P<mod><<MOD>>)\s+)?"
     r"(?:(?P<month_word><<MONTH_WORD>>)\s+)?"
     r"(?P<mon><<MON_FULL>>)(?:\s+(?P<dx><<YEAR_WORD>>\s+<<DEICTIC_SUFFIXES>>|<<DEICTIC_SUFFIXES>>))?)" + _E,
     "MONTH_PREP MOD MONTH_WORD MON_FULL"),
    ("year", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?P<yw><<YEAR_WORD>>)\s+(?P<y>\d{4}))(?![\d]|[.,]\d|-?an)",
     "MOD YEAR_WORD"),
    ("year", _B + r"(?:(?P<prep><<YEAR_PREP>>)\s+)(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?P<y>\d{4}))"
     r"(?![\d]|[.,/]\d|-?an|\s+<<COUNT_NOUN>>" + _E + ")",
     "YEAR_PREP"),
    ("year", _B + r"(?P<x>(?P<mod><<MOD>>)\s+(?P<y>\d{4}))(?![\d]|[.,/]\d|-?an|\s+<<COUNT_NOUN>>" + _E + ")",
     "MOD"),
    ("decade", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?:<<DECADE_WORD>>\s+)?(?P<dec>\d{3})0-?an)" + _E,
     "MOD DECADE_WORD #digit"),
    ("decade", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?<<DECADE_WORD>>\s+(?P<dec2>[1-9])0-?an)" + _E,
     "MOD DECADE_WORD"),
    ("century", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?<<CENTURY_WORD>>\s+(?:ke-?\s*)?(?P<cent>\d{1,2}|[IVX]{1,5}))" + _E,
     "MOD CENTURY_WORD"),
    ("quarter", _B + r"(?P<x>(?P<qw><<Q_WORD>>)\s+(?P<q><<Q_NO>>)(?:[\s/\-]+(?:<<YEAR_WORD>>\s+)?(?P<y>\d{4}))?)"
     r"(?![\w]|[.,]\d)",
     "Q_WORD"),
    ("weekday", _B + r"(?P<x>(?:(?P<day_word><<DAY_WORD>>)\s+)?(?P<wd><<WD>>)(?:\s+(?P<pod><<POD>>))?"
     r"(?:\s+(?P<dx><<WEEKDAY_SUFFIXES>>))?)" + _E,
     "DAY_WORD WD"),
    ("relative_day", _B + r"(?P<x>(?P<rd><<RD>>)(?:\s+(?P<pod><<POD>>))?)" + _E,
     "RD"),
    ("unit_deixis", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?P<unit><<DEICTIC_UNIT>>)"
     r"\s+(?P<dx><<DEICTIC_SUFFIXES>>))" + _E,
     "MOD DEICTIC_UNIT"),
    ("quantity", _B + r"(?P<x>(?:(?P<frac><<FRAC>>)|(?P<count><<COUNT>>))(?:\s+(?P<half><<HALF>>))?\s+"
     r"(?P<unit><<UNIT>>)(?:\s+(?P<dx><<COUNTED_SUFFIXES>>)|\s+(?P<tail><<DURATION_SUFFIXES>>))?)" + _E,
     "FRAC COUNT"),
    ("quantity", _B + r"(?P<x>(?P<seunit><<SE_UNIT>>)(?:\s+(?P<dx><<COUNTED_SUFFIXES>>)|"
     r"\s+(?P<tail><<DURATION_SUFFIXES>>))?)(?![\w\-])",
     "SE_UNIT"),
    ("vague_duration", _B + r"(?P<x><<REDUP_PREFIX>>(?P<r><<UNIT>>)-(?P=r))" + _E,
     "REDUP"),
    ("set", _B + r"(?P<x>(?P<every><<SET>>)\s+(?:(?P<count><<COUNT>>)\s+)?(?:(?:<<DAY_WORD>>\s+)?(?P<wd><<WD>>)|"
     r"(?P<unit><<UNIT>>)|(?P<pod><<POD>>))(?:nya)?)" + _E,
     "SET"),
    ("times_per", _B + r"(?P<x>(?:(?P<tcount><<COUNT>>)\s+<<TIMES>>|<<ONCE>>)\s+(?:<<PER>>\s+)?"
     r"(?:(?P<seunit><<SE_UNIT>>)|(?P<unit><<UNIT>>)))" + _E,
     "COUNT ONCE"),
    ("reference", _B + r"(?P<x><<REF>>)" + _E,
     "REF"),
    ("clock", _B + r"(?P<x>(?P<pre><<CLOCK_PREFIX>>)\s+(?P<h>\d{1,2})(?:[.:](?P<min>\d{2}))?"
     r"(?:\s+(?P<pod1><<POD>>))?(?:\s*(?P<tz><<TZ>>)" + _E + r")?(?:\s+(?P<pod2><<POD>>))?"
     r"(?:\s+(?P<rd><<RD>>|<<CLOCK_DAY>>)" + _E + r")?)(?![\w]|[.:]\d)",
     "CLOCK_PREFIX"),
    ("clock", r"(?<![\w.,:/])(?P<x>(?P<h>\d{1,2})[.:](?P<min>\d{2})\s*(?P<tz>(?-i:WIB|WITA|WIT)))" + _E,
     "#digit"),
    ("clock_word", _B + r"(?P<x><<CLOCK>>)" + _E,
     "CLOCK"),
)
