{#
  One day's abnormal return over its forecast standard error relative to s: the variance of a
  day's AR with no event is s^2 times this factor - 1 + 1/n + (Rm - mean Rm)^2 / Sxx for the
  market model (its prediction error), 1 + 1/n for the mean-adjusted model, 1 market-adjusted.
  `models` is an int_market_models row, `benchmark_return` the day's benchmark return.
#}
{% macro one_day_forecast_factor(models, benchmark_return) -%}
    case {{ models }}.model
        when 'market_model' then 1 + 1.0 / {{ models }}.estimation_obs
            + power({{ benchmark_return }} - {{ models }}.mean_benchmark_return, 2)
                / {{ models }}.benchmark_sxx
        when 'mean_adjusted' then 1 + 1.0 / {{ models }}.estimation_obs
        else 1 end
{%- endmacro %}
