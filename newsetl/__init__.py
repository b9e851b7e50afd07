"""newsetl: raw news text to an analytic DuckDB warehouse.

The checkout keeps the design card's folders (``flows/``, ``transforms/``,
``warehouse/``) at the top; the distribution installs them as
``newsetl.flows``, ``newsetl.transforms`` and ``newsetl.warehouse`` (see
``[tool.setuptools.package-dir]`` in pyproject.toml), so it claims no generic
top-level import name.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsetl")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
