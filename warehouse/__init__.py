"""The DuckDB warehouse: DDL in ``ddl/``, data checks in ``checks/``, example queries in ``queries/``."""
