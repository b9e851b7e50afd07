"""Temporal lexicons (JSON data files next to this module), loaded lazily once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

SUPPORTED = ("id", "en")
# Malay shares the Indonesian calendar vocabulary closely enough to reuse it.
_ALIASES = {"ms": "id", "in": "id", "ind": "id", "eng": "en"}


@cache
def lexicon(language: str) -> dict:
    """Return the parsed lexicon for a supported language code (``id`` or ``en``)."""
    text = resources.files("newsetl.transforms.temporal").joinpath(f"lexicon_{language}.json").read_text("utf-8")
    return json.loads(text)


def grammar_languages(language: str | None) -> tuple[str, ...]:
    """Return the lexicon languages to run for a document language; unknown codes get all of them."""
    code = (language or "").strip().lower()
    code = _ALIASES.get(code, code)
    return (code,) if code in SUPPORTED else SUPPORTED
