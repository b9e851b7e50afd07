"""Facts read from article text: direct quotes, cited media and casualty/fighter counts."""

from newsetl.transforms.facts.citations import source_citations
from newsetl.transforms.facts.counts import event_counts
from newsetl.transforms.facts.quotes import quotes

__all__ = ["event_counts", "quotes", "source_citations"]
