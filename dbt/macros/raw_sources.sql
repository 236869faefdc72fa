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
    {% if not var('raw_url') %}
        {{ exceptions.raise_compiler_error("the Spark target reads the raw tables from var "
           ~ "raw_url: set NEWSIMPACT_RAW_URL to where `newsimpact export-raw` wrote them") }}
    {% endif %}
    {% do run_query('create database if not exists raw') %}
    {# the raw sources of _sources.yml (tests/unit/test_docs.py ties them to the DDL) #}
    {% for table in graph.sources.values() | selectattr('source_name', 'equalto', 'raw')
                                           | map(attribute='name') %}
        {% set location = var('raw_url').rstrip('/') ~ '/' ~ table %}
        {% do run_query('drop table if exists raw.' ~ table) %}
        {% do run_query('create table raw.' ~ table ~ " using parquet location '" ~ location ~ "'") %}
        {% if table == 'news_items' %}{% do run_query('msck repair table raw.' ~ table) %}{% endif %}
    {% endfor %}
    {% endif %}
    select 1
{% endmacro %}

{#
  The marts as Parquet files under var('marts_url'), one folder per mart, written at the end of
  a Spark run when the var is set: the copy a BI tool or a check reads without the metastore.
#}
{% macro export_marts() %}
    {{ return(adapter.dispatch('export_marts', 'newsimpact')()) }}
{% endmacro %}

{% macro default__export_marts() %}
    select 1
{% endmacro %}

{% macro spark__export_marts() %}
    {% if execute and var('marts_url') %}
    {% for node in graph.nodes.values()
          if node.resource_type == 'model' and node.fqn[1] == 'marts' and node.config.enabled %}
        {% do run_query("insert overwrite directory '" ~ var('marts_url').rstrip('/') ~ '/'
            ~ node.name ~ "' using parquet select * from " ~ node.schema ~ '.' ~ node.alias) %}
    {% endfor %}
    {% endif %}
    select 1
{% endmacro %}
