"""Temporal lexicons (JSON data files next to this module), loaded lazily once per process.

A lexicon may be a layer over another one (``"_base": "id"``): its dictionaries add to
and override the base's entries, its word lists add to the base's word lists (other
lists, such as ``[offset, part of day]`` pairs, replace the base's), and ``"_remove"``
names base entries that do not hold in the layered language (Malay ``minggu`` is a
week, never Sunday).
"""

from __future__ import annotations

from functools import cache

from newsetl.transforms.lexicons import document

SUPPORTED = ("id", "ms", "en")
# An undetermined language runs the Indonesian and English grammars, not Malay: the
# Malay layer only changes readings (semalam, kelmarin) where the text is known Malay.
_FALLBACK = ("id", "en")
_ALIASES = {"in": "id", "ind": "id", "zsm": "ms", "msa": "ms", "may": "ms", "eng": "en"}


def _layered(base: dict, layer: dict) -> dict:
    """Return ``base`` with ``layer`` laid over it (dicts merged, word lists extended, the rest replaced)."""
    merged = dict(base)
    for name, value in layer.items():
        if name.startswith("_"):
            continue
        old = base.get(name)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[name] = _layered(old, value)
        elif isinstance(old, list) and isinstance(value, list) and all(isinstance(v, str) for v in old + value):
            merged[name] = old + [v for v in value if v not in old]
        else:
            merged[name] = value
    return merged


def _without(lex: dict, removals: dict) -> dict:
    """Return ``lex`` without the entries ``removals`` names (``{"weekdays": ["minggu"]}``)."""
    pruned = dict(lex)
    for name, entries in removals.items():
        if isinstance(entries, dict):
            pruned[name] = _without(pruned[name], entries)
        elif isinstance(pruned.get(name), dict):
            pruned[name] = {k: v for k, v in pruned[name].items() if k not in entries}
        else:
            pruned[name] = [v for v in pruned[name] if v not in entries]
    return pruned


@cache
def lexicon(language: str) -> dict:
    """Return the parsed lexicon of a supported language code (``id``, ``ms`` or ``en``), layers applied."""
    data = document(f"temporal/lexicon_{language}.json")
    if "_base" not in data:
        return data
    return _layered(_without(lexicon(data["_base"]), data.get("_remove", {})), data)


def grammar_languages(language: str | None) -> tuple[str, ...]:
    """Return the lexicon languages to run for a document language; unknown codes get Indonesian and English."""
    code = (language or "").strip().lower()
    code = _ALIASES.get(code, code)
    return (code,) if code in SUPPORTED else _FALLBACK
