{# A stable key from several columns (dbt packages cannot be installed offline, so no dbt_utils). #}
{% macro surrogate_key(columns) -%}
    md5({% for column in columns %}coalesce(cast({{ column }} as {{ dbt.type_string() }}), '') {% if not loop.last %}|| '|' || {% endif %}{% endfor %})
{%- endmacro %}
