{#
  A sum whose result does not depend on the order rows arrive in: the values are added as
  DECIMAL(38, 18), which is exact, and the total turned back into a double. Incremental runs
  feed window functions and aggregates in a different order than a full build, and the marts
  must come out bit for bit the same either way. `over` is a window specification, `window`
  the name of one declared in the query's WINDOW clause; `weight` an integer each value counts
  as many times (multiplied exactly). With keep_decimal the total stays DECIMAL, for sums of
  partial sums that must stay exact.
#}
{% macro exact_sum(expression, over=none, window=none, weight=none, keep_decimal=false) -%}
    {%- set total -%}
    sum(cast({{ expression }} as decimal(38, 18)){% if weight %} * ({{ weight }}){% endif %})
        {%- if over %} over ({{ over }}){% elif window %} over {{ window }}{% endif %}
    {%- endset -%}
    {%- if keep_decimal %}{{ total }}{% else %}cast({{ total }} as double){% endif %}
{%- endmacro %}
