{#
  The t0 rule, in one place: for each row of `relation` (keyed by `key_column`) and each asset
  (or only the row's own asset when `symbol_column` is given), the first session of the asset's
  calendar whose close is at or after `timestamp_column`. News after the close, or on a day the
  market is shut, lands on the next session; crypto sessions close at 24:00 UTC every day.
  DuckDB answers it with an as-of join (one look-up per row; `relation` holds one row per key and asset); other engines fall back to the
  plain range join and its minimum.
#}
{% macro align_to_sessions(relation, key_column, timestamp_column, symbol_column=none) %}
    {{ return(adapter.dispatch('align_to_sessions', 'newsimpact')(
        relation, key_column, timestamp_column, symbol_column)) }}
{% endmacro %}

{% macro _rows_to_align(relation, key_column, timestamp_column, symbol_column) %}
    {% if symbol_column %}
    select {{ key_column }}, {{ timestamp_column }}, {{ symbol_column }} as symbol
    from {{ relation }}
    {% else %}
    select rows_.{{ key_column }}, rows_.{{ timestamp_column }}, assets.symbol
    from {{ relation }} as rows_
    cross join (select distinct symbol from {{ ref('int_asset_sessions') }}) as assets
    {% endif %}
{% endmacro %}

{% macro duckdb__align_to_sessions(relation, key_column, timestamp_column, symbol_column) %}
    select
        aligned.{{ key_column }},
        sessions.symbol,
        sessions.session_date,
        sessions.session_index
    from ({{ _rows_to_align(relation, key_column, timestamp_column, symbol_column) }}) as aligned
    asof inner join {{ ref('int_asset_sessions') }} as sessions
        on aligned.symbol = sessions.symbol
        and aligned.{{ timestamp_column }} <= sessions.close_at
{% endmacro %}

{% macro default__align_to_sessions(relation, key_column, timestamp_column, symbol_column) %}
    select
        aligned.{{ key_column }},
        sessions.symbol,
        min(sessions.session_date) as session_date,
        min(sessions.session_index) as session_index
    from ({{ _rows_to_align(relation, key_column, timestamp_column, symbol_column) }}) as aligned
    inner join {{ ref('int_asset_sessions') }} as sessions
        on sessions.symbol = aligned.symbol
        and sessions.close_at >= aligned.{{ timestamp_column }}
    group by aligned.{{ key_column }}, sessions.symbol
{% endmacro %}
