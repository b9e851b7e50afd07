"""Shared test helpers: test modules import from here (or conftest), never from each other."""
