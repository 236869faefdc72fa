{#
  Two-sided p-value of a Student t statistic with df degrees of freedom: P(|T| >= |t|).
  Exact for integer df, from the closed-form finite series of the t distribution function
  (Abramowitz & Stegun 26.7.3/26.7.4) with theta = atan(|t| / sqrt(df)):
    df even: A = sin(theta) * sum_{k=0}^{(df-2)/2} c_k cos(theta)^(2k),  c_k = G(k+1/2) / (G(1/2) G(k+1))
    df odd:  A = 2/pi * (theta + sin(theta) cos(theta) * sum_{k=0}^{(df-3)/2} d_k cos(theta)^(2k)),
             d_k = G(k+1) G(3/2) / G(k+3/2)
  and p = 1 - A. Engine-specific (list lambdas), hence dispatched.
#}
{% macro student_t_p_value(t, df) -%}
    {{ return(adapter.dispatch('student_t_p_value', 'newsimpact')(t, df)) }}
{%- endmacro %}

{% macro duckdb__student_t_p_value(t, df) -%}
    case
        when ({{ t }}) is null or ({{ df }}) is null or ({{ df }}) < 1 then null
        else greatest(0.0, 1.0 - case
            when ({{ df }})::bigint % 2 = 0 then
                sin(atan(abs({{ t }}) / sqrt({{ df }}))) * list_sum(list_transform(
                    range(0, (({{ df }})::bigint - 2) // 2 + 1),
                    lambda k: exp(lgamma(k + 0.5) - lgamma(0.5) - lgamma(k + 1))
                        * pow(cos(atan(abs({{ t }}) / sqrt({{ df }}))), 2 * k)))
            else
                2.0 / pi() * (atan(abs({{ t }}) / sqrt({{ df }}))
                    + case when ({{ df }}) > 1 then
                        sin(atan(abs({{ t }}) / sqrt({{ df }})))
                        * cos(atan(abs({{ t }}) / sqrt({{ df }}))) * list_sum(list_transform(
                            range(0, (({{ df }})::bigint - 3) // 2 + 1),
                            lambda k: exp(lgamma(k + 1) + lgamma(1.5) - lgamma(k + 1.5))
                                * pow(cos(atan(abs({{ t }}) / sqrt({{ df }}))), 2 * k)))
                      else 0.0 end)
            end)
    end
{%- endmacro %}
