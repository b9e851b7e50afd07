"""``python -m flows`` is the same as the ``newsetl`` command."""

from flows.cli import app

app()
