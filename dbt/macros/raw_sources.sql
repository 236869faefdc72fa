{#
  The raw tables as the target's sources. On DuckDB they are the tables ingestion writes (schema
  raw of the warehouse file): nothing to do. On Spark they are the Parquet files that
  `newsimpact export-raw` writes under var('raw_url') (a path or a filesystem URL), declared
  as external tables of the schema raw at the start of every run, so a new export is read as is.
#}
{% macro register_raw_sources() %}
    {{ return(adapter.dispatch('register_raw_sources', 'newsimpact')()) }}
{% endmacro %}

{% macro default__register_raw_sources() %}
    select 1
{% endmacro %}

{% macro spark__register_raw_sources() %}
    {% if execute %}
    {% do run_query('create database if not exists raw') %}
    {% for table in ['news_items', 'prices', 'sessions', 'fetch_log'] %}
        {% set location = var('raw_url').rstrip('/') ~ '/' ~ table %}
        {% do run_query('drop table if exists raw.' ~ table) %}
        {% do run_query('create table raw.' ~ table ~ " using parquet location '" ~ location ~ "'") %}
        {% if table == 'news_items' %}{% do run_query('msck repair table raw.' ~ table) %}{% endif %}
    {% endfor %}
    {% endif %}
    select 1
{% endmacro %}
