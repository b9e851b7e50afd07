"""Reading regex matches into ``Mention`` records: what each phrase says, before anchoring."""

from __future__ import annotations

import re
from functools import lru_cache

from newsetl.transforms.temporal import amount_readers as amounts
from newsetl.transforms.temporal import calendar_readers as calendars
from newsetl.transforms.temporal.blockers import blocked_spans, is_age
from newsetl.transforms.temporal.lexicon import grammar_languages, lexicon
from newsetl.transforms.temporal.mentions import Mention
from newsetl.transforms.temporal.patterns import rules_by_first_word

_TOKEN = re.compile(r"\w+")


def mentions_in(text: str, language: str = "id") -> list[Mention]:
    """Return the non-overlapping temporal mentions of ``text`` in document order.

    Overlaps are settled leftmost-longest: an earlier start wins, then the longer span.
    Nothing overlapping a regulation number or an angle, and no age (``blockers``), is kept.
    """
    return list(_mentions(text, language))


# A document without a metadata date is read twice, for its publication date and for its
# expressions; the last few answers are kept (mentions are frozen, so sharing them is safe).
@lru_cache(maxsize=4)
def _mentions(text: str, language: str) -> tuple[Mention, ...]:
    found = []
    for code in grammar_languages(language):
        lex = lexicon(code)
        by_word, by_digit = rules_by_first_word(code)
        blocked = blocked_spans(text, code)
        for token in _TOKEN.finditer(text):
            word = token.group(0)
            rules = by_digit if word[0].isdigit() else by_word.get(word.lower())
            for rule in rules or ():
                match = rule.regex.match(text, token.start())
                if match is None:
                    continue
                try:
                    mention = _READERS[rule.kind](match, text, lex, code)
                except (ValueError, OverflowError, KeyError):
                    continue  # an impossible reading (31/2/2020, hour 27) is skipped, never raised
                if mention is None or mention.end <= mention.start:
                    continue
                if any(start < mention.end and mention.start < end for start, end in blocked):
                    continue
                if mention.kind == "duration" and is_age(text, mention.start, code):
                    continue  # berusia 41 tahun is a person's age, not a period
                found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept, reach = [], 0
    for mention in found:
        if mention.start >= reach:
            kept.append(mention)
            reach = mention.end
    return tuple(kept)


_READERS = {  # rule kind -> reader of its matches
    "numeric_date": calendars.read_numeric_date,
    "named_date": calendars.read_named_date,
    "month": calendars.read_month,
    "year": calendars.read_year,
    "decade": calendars.read_decade,
    "century": calendars.read_century,
    "quarter": calendars.read_quarter,
    "weekday": calendars.read_weekday,
    "relative_day": calendars.read_relative_day,
    "unit_deixis": calendars.read_unit_deixis,
    "quantity": amounts.read_quantity,
    "vague_duration": amounts.read_vague_duration,
    "set": amounts.read_set,
    "times_per": amounts.read_times_per,
    "set_adverb": amounts.read_set_adverb,
    "reference": amounts.read_reference,
    "clock": amounts.read_clock,
    "clock_word": amounts.read_clock_word,
}
