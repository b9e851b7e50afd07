"""Compiled temporal regexes, built once per language from the lexicon data files.

Each grammar module (``grammar_id``, ``grammar_en``) lists ``(kind, template, triggers)``.
``<<NAME>>`` placeholders in a template stand for alternations built here from the lexicon;
group ``x``, when present, is the expression's span (prepositions around it are matched but
left out). ``triggers`` names the words a match can start with (placeholder names, literal
words, ``#digit``): the tagger runs a rule only where such a word starts, which is what keeps
it fast on long texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsetl.transforms import numbers
from newsetl.transforms.temporal.lexicon import lexicon

_PLACEHOLDER = re.compile(r"<<([A-Z_]+)>>")
_FIRST_WORD = re.compile(r"\w+")
# Words that can open a numeral phrase in transforms.numbers (dua, sepuluh, puluhan, ...).
_NUMBER_WORDS = frozenset(numbers.UNITS) | frozenset(numbers.SE_FORMS) | frozenset(numbers.VAGUE)
# Lexicon keys whose phrases a template may use as <<KEY>> (upper-cased).
_PHRASE_KEYS = ("deictic_suffixes", "counted_suffixes", "duration_suffixes", "weekday_suffixes",
                "deictic_prefixes", "duration_prefixes", "weekday_prefixes", "set_adverbs")


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled grammar rule: the kind of phrase it reads, its regex and its trigger words."""

    kind: str
    language: str
    regex: re.Pattern
    triggers: frozenset[str]
    on_digits: bool


def alternation(phrases, *, capitalised: bool = False) -> str:
    """Return a non-capturing regex alternation of phrases, longest first.

    Spaces inside a phrase match any run of whitespace. With ``capitalised`` the
    phrases must appear capitalised in the text even under ``re.IGNORECASE``.
    """
    forms = sorted({p.capitalize() if capitalised else p for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in forms)
    return f"(?-i:{body})" if capitalised else f"(?:{body})"


def phrase_lists(lex: dict) -> dict[str, list[str]]:
    """Return, per placeholder name, the lexicon phrases its alternation is built from."""
    one_prefix = lex.get("unit_for_one_prefix")
    units = list(lex["units"])
    lists = {
        "WD": list(lex["weekdays"]),
        "MON": list(lex["months"]) + list(lex["month_abbreviations"]),
        "MON_FULL": list(lex["months"]),
        "POD": list(lex["parts_of_day"]),
        "UNIT": units,
        "SE_UNIT": [one_prefix + u for u in units if " " not in u] if one_prefix else units,
        "COUNT": list(lex.get("vague_counts", {})) + lex.get("article_one", []),
        "FRAC": list(lex["fractions"]),
        "MOD": list(lex["modifiers"]),
        "RD": list(lex["relative_days"]),
        "REF": list(lex["reference_words"]),
        "TZ": list(lex["time_zones"]),
        "SET": lex["set_words"],
        "SET_STEP": list(lex["set_steps"]),
        "YEAR_PREP": lex["year_prepositions"],
        "MONTH_PREP": lex["month_prepositions"],
        "COUNT_NOUN": lex["count_nouns_after_year"],
        "CLOCK": list(lex["clock_words"]),
        "Q_WORD": lex["quarters"]["words"] + lex["quarters"]["halves"],
        "Q_NO": list(lex["quarters"]["ordinals"]),
        "PER": lex["per_words"],
        "DEICTIC_UNIT": list(lex["deictic_units"]),
    }
    if lex.get("vague_reduplication_prefix"):
        lists["REDUP"] = [lex["vague_reduplication_prefix"] + u for u in units if " " not in u]
    lists |= {key.upper(): list(lex[key]) for key in _PHRASE_KEYS if key in lex}
    return lists | lex["grammar_words"]


def placeholders(lex: dict) -> dict[str, str]:
    """Return the regex alternations a grammar template may refer to as ``<<NAME>>``."""
    phrases = phrase_lists(lex)
    names = {name: alternation(words) for name, words in phrases.items()}
    capitalised = lex["case_sensitive_months"]
    names["WD"] = alternation(phrases["WD"], capitalised=capitalised)
    full = alternation(lex["months"], capitalised=capitalised)
    abbreviations = alternation(lex["month_abbreviations"], capitalised=capitalised)
    names["MON_FULL"] = full
    names["MON"] = rf"(?:{full}|{abbreviations}\.?)(?![^\W\d_])"
    vague = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(phrases["COUNT"], key=len, reverse=True)]
    # The numeral pattern from transforms.numbers reads digits and number words alike.
    names["COUNT"] = "(?:" + "|".join(vague + [f"(?i:{numbers.NUMERAL_PATTERN.pattern})"]) + ")"
    if lex.get("unit_for_one_prefix"):
        names["SE_UNIT"] = lex["unit_for_one_prefix"] + alternation(u for u in lex["units"] if " " not in u)
    if lex.get("vague_reduplication_prefix"):
        names["REDUP_PREFIX"] = re.escape(lex["vague_reduplication_prefix"])
    return names


def _trigger_words(spec: str, phrases: dict[str, list[str]]) -> tuple[frozenset[str], bool]:
    """Return the lower-case first words a rule's matches can start with, and whether digits can."""
    words, on_digits = set(), False
    for item in spec.split():
        if item == "#digit":
            on_digits = True
        elif item in phrases:
            words |= {_FIRST_WORD.match(p).group(0).lower() for p in phrases[item] if _FIRST_WORD.match(p)}
            if item == "COUNT":
                words |= _NUMBER_WORDS
                on_digits = True
        else:
            words.add(item.lower())
    return frozenset(words), on_digits


@cache
def compiled_rules(language: str) -> tuple[Rule, ...]:
    """Return the compiled rules of one lexicon language (``id`` or ``en``), cached."""
    if language == "en":
        from newsetl.transforms.temporal.grammar_en import TEMPLATES
    else:
        from newsetl.transforms.temporal.grammar_id import TEMPLATES
    lex = lexicon(language)
    names, phrases = placeholders(lex), phrase_lists(lex)
    rules = []
    for kind, template, spec in TEMPLATES:
        source = _PLACEHOLDER.sub(lambda m: names[m.group(1)], template)
        triggers, on_digits = _trigger_words(spec, phrases)
        rules.append(Rule(kind, language, re.compile(source, re.IGNORECASE), triggers, on_digits))
    return tuple(rules)


@cache
def rules_by_first_word(language: str) -> tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...]]:
    """Return ``(word -> rules that can start at it, rules that can start at a number)``, cached."""
    index: dict[str, list[Rule]] = {}
    digit_rules = []
    for rule in compiled_rules(language):
        for word in rule.triggers:
            index.setdefault(word, []).append(rule)
        if rule.on_digits:
            digit_rules.append(rule)
    return {w: tuple(r) for w, r in index.items()}, tuple(digit_rules)
