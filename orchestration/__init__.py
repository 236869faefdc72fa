"""newsimpact: the Dagster code location that ingests news and prices and builds the marts."""
