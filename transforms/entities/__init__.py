"""Named entities: PERSON, ORG and LOC mentions per document and their corpus-level resolution.

- ``entity_mentions(text, language)`` -> ``list[EntityMention]`` (``transforms.entities.mentions``)
- ``resolved_entities(key_stats)`` -> ``pl.DataFrame`` (``transforms.entities.resolution``)
"""

from newsetl.transforms.entities.mentions import entity_mentions
from newsetl.transforms.entities.resolution import resolved_entities

__all__ = ["entity_mentions", "resolved_entities"]
