"""Pure source code: transports, feed parsing and price providers. No Dagster, no DuckDB."""
