"""Offline geocoding of place names: ``geocoded_place`` and ``geocoded_places`` (``transforms.places.geocoding``)."""

from newsetl.transforms.places.geocoding import (
    PlaceRecord,
    dateline_entity_key,
    geocoded_place,
    geocoded_places,
    place_tables,
)

__all__ = ["PlaceRecord", "dateline_entity_key", "geocoded_place", "geocoded_places", "place_tables"]
