{#
  The estimation residuals of the (asset, t0) series in `series` (a relation or CTE with symbol
  and t0_index, and any other columns to carry along): one row per series and estimation
  session with a residual, e = R - expected R under the t0's model, and u, e standardised over
  its own window, u = (e - mean e) / sqrt(sum (e - mean e)^2), so that the correlation of two
  series is the sum of u_a * u_b over the sessions both have. This is the one expansion of the
  type-level tests (every series times its 240 sessions); its callers keep only sums of it.
#}
{% macro estimation_residuals(series) -%}
    select
        expanded.*,
        sessions.session_date,
        sessions.daily_return - case expanded.model
            when 'mean_adjusted' then expanded.alpha
            else expanded.alpha + expanded.beta * sessions.benchmark_return
        end as residual,
        case when expanded.residual_sum_squares > 0
            then (residual - expanded.residual_mean) / sqrt(expanded.residual_sum_squares)
            else 0 end as u
    from (
        -- every estimation session's index, computed before the join (an index summed across
        -- two joined tables is not seen as a join key, and the join would compare every pair;
        -- unnested rather than cross-joined from range(), which DuckDB cannot size)
        select {{ star_except(['t0_session_index', 'tau']) }}, t0_session_index + tau as session_index
        from (
            select series.*, models.session_date as t0_date, models.model, models.alpha,
                models.beta, models.residual_mean, models.residual_sum_squares,
                models.session_index as t0_session_index,
                {{ explode_list(integer_range(var('estimation_start'), var('estimation_end'))) }}
                    as tau
            from {{ series }} as series
            inner join {{ ref('int_market_models') }} as models
                on series.symbol = models.symbol and series.t0_index = models.session_index
        ) as offsets
    ) as expanded
    inner join {{ ref('int_asset_sessions') }} as sessions
        on sessions.symbol = expanded.symbol and sessions.session_index = expanded.session_index
    where sessions.daily_return is not null
        and (expanded.model = 'mean_adjusted' or sessions.benchmark_return is not null)
{%- endmacro %}
