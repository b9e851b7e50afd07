"""Temporal expressions (TIMEX3) and publication dates from Indonesian and English news text.

``temporal_expressions(text, reference_date, language)`` tags and normalises expressions;
``inferred_publication_date(text, language)`` reads the publication day from the text.
Resolution rules are documented in ``transforms.temporal.anchoring``.
"""

from newsetl.transforms.temporal.publication import inferred_publication_date
from newsetl.transforms.temporal.tagger import temporal_expressions

__all__ = ["inferred_publication_date", "temporal_expressions"]
