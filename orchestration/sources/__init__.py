"""Fetching, the ground floor: how a feed or a price source is reached and read. No Dagster, no
DuckDB (import-linter's contracts in pyproject.toml hold it so).

- transport.py: replay (the recorded snapshots), live (HTTP) and landing (what runs archived)
- http.py: one request with its timeouts, retries, size cap and wall-clock budget
- feeds.py: an RSS/Atom document parsed into items, with its bounds
- providers/: one module per price provider (request URLs, response parsing)
- landing.py: the archive of every fetched body, and its observations
- fetched.py: what a fetch returns; secrets.py: credentials in source URLs
"""
