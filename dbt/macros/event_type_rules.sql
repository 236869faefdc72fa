{#
  The event-type rules of seeds/event_types.csv (through stg_event_types), read when the model
  runs, so that each pattern reaches the SQL as a constant: a pattern taken from a column is
  compiled again for every row it is matched against. Rows of (event_type, pattern, guard),
  highest priority (lowest number) first. Empty while dbt only parses the project.
#}
{% macro event_type_rules() %}
    {% if not execute %}{{ return([]) }}{% endif %}
    {% set rules = run_query(
        "select event_type, pattern, coalesce(guard, '') from " ~ ref('stg_event_types')
        ~ " where pattern is not null and pattern <> '' order by priority, event_type") %}
    {{ return(rules.rows) }}
{% endmacro %}

{# True where the rule's pattern matches the field and its guard does not: the guard (a false
   friend such as "passive investing" or "despite the trade war") is only tried where the pattern hit. #}
{% macro event_rule_matches(field, pattern, guard) %}
    case when {{ matches(field, sql_string('(?i)' ~ pattern)) }}
        then {% if guard %}not {{ matches(field, sql_string('(?i)' ~ guard)) }}{% else %}true{% endif %}
        else false end
{% endmacro %}

{# How sure one rule is of an article: the title decides (0.75, 1.0 when the summary agrees);
   the summary alone is supporting evidence (0.5), below the default threshold. #}
{% macro event_rule_confidence(pattern, guard) %}
    case
        when {{ event_rule_matches('title', pattern, guard) }}
            then case when {{ event_rule_matches('summary', pattern, guard) }} then 1.0 else 0.75 end
        when {{ event_rule_matches('summary', pattern, guard) }} then 0.5
        else 0.0
    end
{% endmacro %}
