"""Prefect flows, tasks and the ``newsetl`` CLI.

Prefect settings that must be in place before ``prefect`` is imported are
defaulted here: the ephemeral API can take more than 20 s to start on small
machines, and there is no internet for analytics.
"""

import os

os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
