"""API URL -> log file of the session's `prefect server start` (filled by conftest's prefect_server fixture).

A module of its own: pytest imports conftest under its own name, so a dict defined there and
imported as ``tests.conftest`` by a test would be a second, empty copy.
"""

from __future__ import annotations

from pathlib import Path

SERVER_LOGS: dict[str, Path] = {}
