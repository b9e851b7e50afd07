"""English grammar: ``(kind, regex template, trigger words)``; see ``patterns`` for placeholders and triggers."""

_B = r"(?<![\w])"
_E = r"(?![\w])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:,?\s+(?P<y>\d{4})(?![\d]|[.,]\d|'?s))?"

TEMPLATES = (  # (kind, template, words that can start a match; #digit: a number)
    ("numeric_date", _B + r"(?P<x>(?:(?P<wd><<WD>>),?\s+)?(?<![\w/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])"
     r"(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2}))(?![\d]|[/\-.]\d)",
     "WD #digit"),
    ("numeric_date", r"(?<![\w/.\-])(?P<x>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d])",
     "#digit"),
    ("named_date", _B + r"(?P<x>(?:(?P<wd><<WD>>),?\s+)?(?P<mon><<MON>>)\s+(?P<d>\d{1,2})" + _ORD + r"(?![\w])"
     + _YEAR_TAIL + r")",
     "WD MON"),
    ("named_date", _B + r"(?P<x>(?:(?P<wd><<WD>>),?\s+)?(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?(?P<mon><<MON>>)"
     + _YEAR_TAIL + r")",
     "WD #digit"),
    ("month", _B + r"(?P<x>(?:(?P<mod><<MOD>>)[\s\-]+)?(?P<mon><<MON>>),?\s+(?:of\s+)?(?P<y>\d{4}))"
     r"(?![\d]|[.,]\d|'?s)",
     "MOD MON"),
    ("month", _B + r"(?:(?P<prep><<MONTH_PREP>>)\s+)?(?P<x>(?:(?P<dxp><<WEEKDAY_PREFIXES>>)\s+)?"
     r"(?:(?P<mod><<MOD>>)[\s\-]+)?(?P<mon><<MON_FULL>>))" + _E,
     "MONTH_PREP WEEKDAY_PREFIXES MOD MON_FULL"),
    ("year", _B + r"(?:(?P<prep><<YEAR_PREP>>)\s+)(?P<x>(?:(?P<mod><<MOD>>)[\s\-]+)?(?P<y>\d{4}))"
     r"(?![\d]|[.,/]\d|'?s|\s+<<COUNT_NOUN>>" + _E + ")",
     "YEAR_PREP"),
    ("year", _B + r"(?P<x>(?P<mod><<MOD>>)[\s\-]+(?P<y>\d{4}))(?![\d]|[.,/]\d|'?s|\s+<<COUNT_NOUN>>" + _E + ")",
     "MOD"),
    ("decade", _B + r"(?P<x>(?:(?P<mod><<MOD>>)[\s\-]+)?(?P<dec>\d{3})0'?s)" + _E,
     "MOD #digit"),
    ("century", _B + r"(?P<x>(?:(?P<mod><<MOD>>)[\s\-]+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s\-]+<<CENTURY_WORD>>)" + _E,
     "MOD #digit"),
    ("quarter", _B + r"(?P<x>(?P<q><<Q_NO>>)\s+(?P<qw><<Q_WORD>>)(?:\s+of\s+(?P<y>\d{4}))?)(?![\w]|[.,]\d)",
     "Q_NO"),
    ("weekday", _B + r"(?P<x>(?:(?P<dxp><<WEEKDAY_PREFIXES>>)\s+)?(?P<wd><<WD>>)(?:\s+(?P<pod><<POD>>))?)" + _E,
     "WEEKDAY_PREFIXES WD"),
    ("relative_day", _B + r"(?P<x>(?P<rd><<RD>>)(?:\s+(?P<pod><<POD>>))?)" + _E,
     "RD"),
    ("unit_deixis", _B + r"(?P<x>(?:(?P<mod><<MOD>>)\s+)?(?P<dxp><<DEICTIC_PREFIXES>>)\s+"
     r"(?P<unit><<DEICTIC_UNIT>>))" + _E,
     "MOD DEICTIC_PREFIXES"),
    ("quantity", _B + r"(?P<x>(?:(?P<pre><<DURATION_PREFIXES>>)\s+)?(?:(?P<frac><<FRAC>>)|(?P<count><<COUNT>>))"
     r"(?:\s+(?P<half><<HALF>>))?[\s\-]+(?P<unit><<UNIT>>)(?:\s+(?P<dx><<COUNTED_SUFFIXES>>))?)" + _E,
     "DURATION_PREFIXES FRAC COUNT"),
    ("vague_duration", _B + r"<<VAGUE_FOR>>\s+(?P<x>(?P<r><<PLURAL_UNIT>>))" + _E,
     "VAGUE_FOR"),
    ("set", _B + r"(?P<x>(?P<every><<SET>>)\s+(?:(?P<count><<COUNT>>|<<SET_STEP>>)\s+)?(?:(?P<wd><<WD>>)|"
     r"(?P<unit><<UNIT>>)|(?P<pod><<POD>>)))" + _E,
     "SET"),
    ("set_adverb", _B + r"(?P<x><<SET_ADVERBS>>)" + _E,
     "SET_ADVERBS"),
    ("times_per", _B + r"(?P<x>(?:(?P<tcount><<COUNT>>)\s+<<TIMES>>|<<ONCE>>)\s+<<PER>>\s+(?P<unit><<UNIT>>))" + _E,
     "COUNT ONCE"),
    ("reference", _B + r"(?P<x><<REF>>)" + _E,
     "REF"),
    ("clock", r"(?<![\w.:])(?P<x>(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)"
     r"(?:\s+(?P<tz><<TZ>>)" + _E + r")?)(?![\w])",
     "#digit"),
    ("clock", _B + r"<<CLOCK_PREFIX>>\s+(?P<x>(?P<h>\d{1,2}):(?P<min>\d{2})"
     r"(?:\s*(?P<tz><<TZ>>))?)" + _E,
     "CLOCK_PREFIX"),
    ("clock", r"(?<![\w.:])(?P<x>(?P<h>\d{1,2}):(?P<min>\d{2})\s*(?P<tz><<TZ>>))" + _E,
     "#digit"),
    ("clock_word", _B + r"(?P<x><<CLOCK>>)" + _E,
     "CLOCK"),
)
