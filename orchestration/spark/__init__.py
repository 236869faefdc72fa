"""The dbt project on Spark. Ingestion stays on DuckDB; on a Spark target (NEWSIMPACT_DBT_TARGET)
the transform exports the raw tables as Parquet (export.py), dbt builds the project on Spark from
them (the `spark_raw` sources of macros/raw_sources.sql) and writes the marts back as Parquet at
the end of the run, and the serving asset publishes those (orchestration/serving/publish.py)."""
