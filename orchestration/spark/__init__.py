"""The dbt project on Spark: the raw tables exported as Parquet for the Spark target's sources
(export.py), and the build of the project there (build.py)."""
