{# A CAR window's label, as int_asset_t0_impacts writes it: [0,0], [-1,+1]. #}
{% macro window_label(window) -%}
    [{{ window[0] }},{{ '+' if window[1] > 0 else '' }}{{ window[1] }}]
{%- endmacro %}

{#
  The members of the type-level tests' residual groups (see int_t0_residual_products): the
  (asset, t0) series with a complete window and a t-statistic, by window, with the asset's
  class and calendar.
#}
{% macro residual_group_members() -%}
    select impact.symbol, impact.t0_index, impact.t0_date, impact.window_label,
        asset.asset_class, asset.calendar
    from {{ ref('int_asset_t0_impacts') }} as impact
    inner join {{ ref('stg_assets') }} as asset on impact.symbol = asset.symbol
    where impact.is_complete and impact.car_t is not null
{%- endmacro %}

{#
  One row per group (asset class, t0 date) and a hash of its members: the xor of a hash of each
  member's (symbol, t0, window), which changes whenever a member comes or goes.
#}
{% macro residual_groups() -%}
    -- (one string per member: DuckDB's hash of several values would let xor cancel them out)
    select asset_class, t0_date,
        bit_xor(hash(concat_ws('|', symbol, t0_index, window_label))) as members_hash
    from ({{ residual_group_members() }}) as members
    group by asset_class, t0_date
{%- endmacro %}

{# The pre-hook of int_t0_residual_products: delete the groups whose members changed or left. #}
{% macro replace_changed_residual_groups() -%}
    {% if is_incremental() %}
    delete from {{ this }} as stored where not exists (
        select 1 from ({{ residual_groups() }}) as current_groups
        where current_groups.asset_class = stored.asset_class
            and current_groups.t0_date = stored.t0_date
            and current_groups.members_hash = stored.members_hash)
    {% endif %}
{%- endmacro %}
