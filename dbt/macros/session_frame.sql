{#
  A window frame over an asset's sessions, from `start` to `end` sessions relative to the
  current one (negative: before it): session_frame(-250, -11) is
  "rows between 250 preceding and 11 preceding". Rows are sessions because session_index
  numbers an asset's sessions without gaps.
#}
{% macro session_frame(start, end) -%}
    rows between {{ _frame_bound(start) }} and {{ _frame_bound(end) }}
{%- endmacro %}

{% macro _frame_bound(offset) -%}
    {%- if offset < 0 %}{{ -offset }} preceding{% elif offset == 0 %}current row
    {%- else %}{{ offset }} following{% endif -%}
{%- endmacro %}
