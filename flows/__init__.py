"""Prefect flows, tasks and the ``newsetl`` CLI.

Prefect settings that must be in place before ``prefect`` is imported are
defaulted here, from ``newsetl.settings.PREFECT_DEFAULTS``.
"""

from newsetl.settings import apply_prefect_defaults

apply_prefect_defaults()
