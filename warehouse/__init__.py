"""The DuckDB warehouse: DDL in ``ddl/``, data checks in ``checks/``, example queries in ``queries/``."""

from newsetl.warehouse.transactions import transaction

__all__ = ["transaction"]
