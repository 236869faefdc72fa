{#
  The SQL that DuckDB and Spark write differently, one macro per construct, so that every model
  reads the same on both targets (README, "Beyond one machine"). Lists are 1-based on both sides;
  Spark's generators take one per SELECT, so a model that needs a position explodes with it.
#}

{# Incremental on DuckDB; on Spark a full build each run (its Parquet tables have no DELETE). #}
{% macro incremental_materialization() -%}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{%- endmacro %}

{# `body` with `value` evaluated once and named `name` (a one-element list mapped and read). #}
{% macro bind(value, name, body) -%}
    {{ return(adapter.dispatch('bind', 'newsimpact')(value, name, body)) }}
{%- endmacro %}
{% macro duckdb__bind(value, name, body) -%}
    list_transform([{{ value }}], lambda {{ name }}: {{ body }})[1]
{%- endmacro %}
{% macro spark__bind(value, name, body) -%}
    element_at(transform(array({{ value }}), {{ name }} -> {{ body }}), 1)
{%- endmacro %}

{# The number of elements of a list (null for null). #}
{% macro list_length(list) -%}
    {{ return(adapter.dispatch('list_length', 'newsimpact')(list)) }}
{%- endmacro %}
{% macro duckdb__list_length(list) %}len({{ list }}){% endmacro %}
{% macro spark__list_length(list) %}array_size({{ list }}){% endmacro %}

{# The element at a 1-based index; null outside the list (index 0 included). #}
{% macro list_item(list, index) -%}
    {{ return(adapter.dispatch('list_item', 'newsimpact')(list, index)) }}
{%- endmacro %}
{% macro duckdb__list_item(list, index) %}{{ list }}[{{ index }}]{% endmacro %}
{% macro spark__list_item(list, index) -%}
    case when ({{ index }}) >= 1 then element_at({{ list }}, {{ index }}) end
{%- endmacro %}

{# Elements first to last (1-based, inclusive) of a list. #}
{% macro list_slice(list, first, last) -%}
    {{ return(adapter.dispatch('list_slice', 'newsimpact')(list, first, last)) }}
{%- endmacro %}
{% macro duckdb__list_slice(list, first, last) %}list_slice({{ list }}, {{ first }}, {{ last }}){% endmacro %}
{% macro spark__list_slice(list, first, last) -%}
    slice({{ list }}, {{ first }}, ({{ last }}) - ({{ first }}) + 1)
{%- endmacro %}

{# The elements of a list of strings joined by a separator. #}
{% macro list_join(list, separator) -%}
    {{ return(adapter.dispatch('list_join', 'newsimpact')(list, separator)) }}
{%- endmacro %}
{% macro duckdb__list_join(list, separator) %}array_to_string({{ list }}, {{ separator }}){% endmacro %}
{% macro spark__list_join(list, separator) %}array_join({{ list }}, {{ separator }}){% endmacro %}

{# The elements of a list for which `condition` (over `name`) holds. #}
{% macro list_filter(list, name, condition) -%}
    {{ return(adapter.dispatch('list_filter', 'newsimpact')(list, name, condition)) }}
{%- endmacro %}
{% macro duckdb__list_filter(list, name, condition) -%}
    list_filter({{ list }}, lambda {{ name }}: {{ condition }})
{%- endmacro %}
{% macro spark__list_filter(list, name, condition) -%}
    filter({{ list }}, {{ name }} -> {{ condition }})
{%- endmacro %}

{# A list without its repeated elements (order not kept). #}
{% macro list_distinct(list) -%}
    {{ return(adapter.dispatch('list_distinct', 'newsimpact')(list)) }}
{%- endmacro %}
{% macro duckdb__list_distinct(list) %}list_distinct({{ list }}){% endmacro %}
{% macro spark__list_distinct(list) %}array_distinct({{ list }}){% endmacro %}

{# How many distinct elements two lists share, and how many they hold together. #}
{% macro lists_shared(left, right) -%}
    {{ return(adapter.dispatch('lists_shared', 'newsimpact')(left, right)) }}
{%- endmacro %}
{% macro duckdb__lists_shared(left, right) %}len(list_intersect({{ left }}, {{ right }})){% endmacro %}
{% macro spark__lists_shared(left, right) %}size(array_intersect({{ left }}, {{ right }})){% endmacro %}

{% macro lists_united(left, right) -%}
    {{ return(adapter.dispatch('lists_united', 'newsimpact')(left, right)) }}
{%- endmacro %}
{% macro duckdb__lists_united(left, right) %}len(list_distinct(list_concat({{ left }}, {{ right }}))){% endmacro %}
{% macro spark__lists_united(left, right) %}size(array_union({{ left }}, {{ right }})){% endmacro %}

{# The integers first to last inclusive as a list (empty when last < first). #}
{% macro integer_range(first, last) -%}
    {{ return(adapter.dispatch('integer_range', 'newsimpact')(first, last)) }}
{%- endmacro %}
{% macro duckdb__integer_range(first, last) %}range({{ first }}, ({{ last }}) + 1){% endmacro %}
{% macro spark__integer_range(first, last) -%}
    {#- sequence(1, 0) counts down: an empty range is filtered out -#}
    filter(sequence({{ first }}, greatest({{ first }}, {{ last }})), range_i -> range_i <= ({{ last }}))
{%- endmacro %}

{# One row per element of a list, in the select list (one per SELECT on Spark). #}
{% macro explode_list(list) -%}
    {{ return(adapter.dispatch('explode_list', 'newsimpact')(list)) }}
{%- endmacro %}
{% macro duckdb__explode_list(list) %}unnest({{ list }}){% endmacro %}
{% macro spark__explode_list(list) %}explode({{ list }}){% endmacro %}

{# One row per element of a list with its 1-based position: columns `value_name`, `position_name`. #}
{% macro explode_with_position(list, value_name, position_name) -%}
    {{ return(adapter.dispatch('explode_with_position', 'newsimpact')(list, value_name, position_name)) }}
{%- endmacro %}
{% macro duckdb__explode_with_position(list, value_name, position_name) -%}
    unnest({{ list }}) as {{ value_name }}, generate_subscripts({{ list }}, 1) as {{ position_name }}
{%- endmacro %}
{% macro spark__explode_with_position(list, value_name, position_name) -%}
    inline(transform({{ list }}, (explode_v, explode_i) ->
        named_struct('{{ value_name }}', explode_v, '{{ position_name }}', explode_i + 1)))
{%- endmacro %}

{# A text split at every occurrence of a literal separator (empty pieces kept). #}
{% macro split_text(text, separator) -%}
    {{ return(adapter.dispatch('split_text', 'newsimpact')(text, separator)) }}
{%- endmacro %}
{% macro duckdb__split_text(text, separator) %}string_split({{ text }}, {{ separator }}){% endmacro %}
{% macro spark__split_text(text, separator) -%}
    {#- split takes a pattern: the separator quoted as a literal; -1 keeps trailing pieces -#}
    split({{ text }}, concat('\Q', {{ separator }}, '\E'), -1)
{%- endmacro %}

{# A text split at every match of a regular expression. #}
{% macro split_pattern(text, pattern) -%}
    {{ return(adapter.dispatch('split_pattern', 'newsimpact')(text, pattern)) }}
{%- endmacro %}
{% macro duckdb__split_pattern(text, pattern) %}string_split_regex({{ text }}, {{ pattern }}){% endmacro %}
{% macro spark__split_pattern(text, pattern) %}split({{ text }}, {{ pattern }}, -1){% endmacro %}

{# Whether a regular expression matches anywhere in a text. #}
{% macro matches(text, pattern) -%}
    {{ return(adapter.dispatch('matches', 'newsimpact')(text, pattern)) }}
{%- endmacro %}
{% macro duckdb__matches(text, pattern) %}regexp_matches({{ text }}, {{ pattern }}){% endmacro %}
{% macro spark__matches(text, pattern) %}(({{ text }}) rlike {{ pattern }}){% endmacro %}

{# Every match of a regular expression in a text, as a list. #}
{% macro all_matches(text, pattern) -%}
    {{ return(adapter.dispatch('all_matches', 'newsimpact')(text, pattern)) }}
{%- endmacro %}
{% macro duckdb__all_matches(text, pattern) %}regexp_extract_all({{ text }}, {{ pattern }}){% endmacro %}
{% macro spark__all_matches(text, pattern) %}regexp_extract_all({{ text }}, {{ pattern }}, 0){% endmacro %}

{# Every match replaced; `replacement` names a group as group_reference(n) does. #}
{% macro replace_all(text, pattern, replacement) -%}
    {{ return(adapter.dispatch('replace_all', 'newsimpact')(text, pattern, replacement)) }}
{%- endmacro %}
{% macro duckdb__replace_all(text, pattern, replacement) -%}
    regexp_replace({{ text }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}
{% macro spark__replace_all(text, pattern, replacement) -%}
    regexp_replace({{ text }}, {{ pattern }}, {{ replacement }})
{%- endmacro %}

{% macro group_reference(n) -%}
    {{ return(adapter.dispatch('group_reference', 'newsimpact')(n)) }}
{%- endmacro %}
{% macro duckdb__group_reference(n) %}'\{{ n }}'{% endmacro %}
{% macro spark__group_reference(n) %}'${{ n }}'{% endmacro %}

{#
  A string constant from a Jinja string. DuckDB doubles a quote; Spark reads '' as two literals
  to concatenate, so a quote there is a double-quoted literal beside the single-quoted pieces.
#}
{% macro sql_string(value) -%}
    {{ return(adapter.dispatch('sql_string', 'newsimpact')(value)) }}
{%- endmacro %}
{% macro duckdb__sql_string(value) %}'{{ value | replace("'", "''") }}'{% endmacro %}
{% macro spark__sql_string(value) %}'{{ value | replace("'", "' \"'\" '") }}'{% endmacro %}

{# The value of the row with the smallest `keys` (a list of expressions, compared in order). #}
{% macro first_by(value, keys) -%}
    {{ return(adapter.dispatch('first_by', 'newsimpact')(value, keys)) }}
{%- endmacro %}
{% macro duckdb__first_by(value, keys) -%}
    arg_min({{ value }}, {% if keys | length > 1 %}({{ keys | join(', ') }}){% else %}{{ keys[0] }}{% endif %})
{%- endmacro %}
{% macro spark__first_by(value, keys) -%}
    min_by({{ value }}, {% if keys | length > 1 %}struct({{ keys | join(', ') }}){% else %}{{ keys[0] }}{% endif %})
{%- endmacro %}

{# The values of a group sorted and joined by a separator (each once when `distinct`). #}
{% macro sorted_join(column, separator, distinct=false) -%}
    {{ return(adapter.dispatch('sorted_join', 'newsimpact')(column, separator, distinct)) }}
{%- endmacro %}
{% macro duckdb__sorted_join(column, separator, distinct) -%}
    string_agg({% if distinct %}distinct {% endif %}{{ column }}, {{ separator }} order by {{ column }})
{%- endmacro %}
{% macro spark__sorted_join(column, separator, distinct) -%}
    array_join(array_sort({% if distinct %}collect_set{% else %}collect_list{% endif %}({{ column }})), {{ separator }})
{%- endmacro %}

{# The window's last non-null value of an expression (use with OVER). #}
{% macro last_non_null(expression) -%}
    {{ return(adapter.dispatch('last_non_null', 'newsimpact')(expression)) }}
{%- endmacro %}
{% macro duckdb__last_non_null(expression) %}last_value({{ expression }} ignore nulls){% endmacro %}
{% macro spark__last_non_null(expression) %}last_value({{ expression }}, true){% endmacro %}

{# Seconds since 1970 of a timestamp, with its fraction. #}
{% macro epoch_seconds(timestamp) -%}
    {{ return(adapter.dispatch('epoch_seconds', 'newsimpact')(timestamp)) }}
{%- endmacro %}
{% macro duckdb__epoch_seconds(timestamp) %}epoch({{ timestamp }}){% endmacro %}
{% macro spark__epoch_seconds(timestamp) %}(unix_micros({{ timestamp }}) / 1e6){% endmacro %}

{#
  dbt's datediff on Spark rounds elapsed hours, minutes and seconds up; DuckDB (and dbt on
  most warehouses) counts the boundaries crossed, which the rules here are written against.
#}
{% macro spark__datediff(first_date, second_date, datepart) -%}
    {%- set seconds = {'hour': 3600, 'minute': 60, 'second': 1} -%}
    {%- if datepart in seconds -%}
    (floor(unix_seconds(cast({{ second_date }} as timestamp)) / {{ seconds[datepart] }})
        - floor(unix_seconds(cast({{ first_date }} as timestamp)) / {{ seconds[datepart] }}))
    {%- elif datepart == 'day' -%}
    datediff(cast({{ second_date }} as date), cast({{ first_date }} as date))
    {%- else -%}
    {{ exceptions.raise_compiler_error("datediff by " ~ datepart ~ " is not written for Spark here") }}
    {%- endif -%}
{%- endmacro %}

{# Every column of the FROM clause but `columns`. #}
{% macro star_except(columns) -%}
    {{ return(adapter.dispatch('star_except', 'newsimpact')(columns)) }}
{%- endmacro %}
{% macro duckdb__star_except(columns) %}* exclude ({{ columns | join(', ') }}){% endmacro %}
{% macro spark__star_except(columns) %}* except ({{ columns | join(', ') }}){% endmacro %}

{# The first match of a regular expression in a text ('' when none). #}
{% macro first_match(text, pattern) -%}
    {{ return(adapter.dispatch('first_match', 'newsimpact')(text, pattern)) }}
{%- endmacro %}
{% macro duckdb__first_match(text, pattern) %}regexp_extract({{ text }}, {{ pattern }}){% endmacro %}
{% macro spark__first_match(text, pattern) %}regexp_extract({{ text }}, {{ pattern }}, 0){% endmacro %}
