"""Facts read from article text: direct quotes, cited media and casualty/fighter counts."""

from transforms.facts.citations import source_citations
from transforms.facts.counts import event_counts
from transforms.facts.quotes import quotes

__all__ = ["event_counts", "quotes", "source_citations"]
