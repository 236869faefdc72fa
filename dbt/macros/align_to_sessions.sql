{#
  The t0 rule, in one place: for each row of `relation` (keyed by `key_column`) and each asset
  (or only the row's own asset when `symbol_column` is given), the first session of the asset's
  calendar whose close is at or after `timestamp_column`. News after the close, or on a day the
  market is shut, lands on the next session; crypto sessions close at 24:00 UTC every day.
#}
{% macro align_to_sessions(relation, key_column, timestamp_column, symbol_column=none) %}
    select
        aligned.{{ key_column }},
        sessions.symbol,
        min(sessions.session_date) as session_date,
        min(sessions.session_index) as session_index
    from {{ relation }} as aligned
    inner join {{ ref('int_asset_sessions') }} as sessions
        on sessions.close_at >= aligned.{{ timestamp_column }}
        {% if symbol_column %}and sessions.symbol = aligned.{{ symbol_column }}{% endif %}
    group by aligned.{{ key_column }}, sessions.symbol
{% endmacro %}
