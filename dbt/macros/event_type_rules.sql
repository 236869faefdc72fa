{#
  The event-type rules of seeds/event_types.csv (through stg_event_types), read when the model
  runs, so that each pattern reaches the SQL as a constant: a pattern taken from a column is
  compiled again for every row it is matched against. Highest priority (lowest number) first.
  Empty while dbt only parses the project.
#}
{% macro event_type_rules() %}
    {% if not execute %}{{ return([]) }}{% endif %}
    {% set rules = run_query(
        "select event_type, pattern from " ~ ref('stg_event_types')
        ~ " where pattern is not null and pattern <> '' order by priority, event_type") %}
    {{ return(rules.rows) }}
{% endmacro %}
