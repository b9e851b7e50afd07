"""``python -m flows`` is the same as the ``newsetl`` command."""

from newsetl.flows.cli import entry_point

entry_point()
