"""newsimpact: the Dagster code location that ingests news and prices and builds the marts.

One folder per step of the pipeline, each importing only the ones below it: cli/ (the
command) above definitions.py (the code location) above publishing/ and evaluation/, above
transform/, above ingestion/, above runtime/, above settings.py, above sources/, above
files.py. README.md, "Where things live", says which folder holds what.
"""
