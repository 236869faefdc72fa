{#
  Two-sided p-value of a Student t statistic with df degrees of freedom: P(|T| >= |t|).
  Exact for integer df, from the closed-form finite series of the t distribution function
  (Abramowitz & Stegun 26.7.3/26.7.4) with theta = atan(|t| / sqrt(df)):
    df even: A = sin(theta) * sum_{k=0}^{(df-2)/2} c_k cos(theta)^(2k),  c_k = G(k+1/2) / (G(1/2) G(k+1))
    df odd:  A = 2/pi * (theta + sin(theta) cos(theta) * sum_{k=0}^{(df-3)/2} d_k cos(theta)^(2k)),
             d_k = G(k+1) G(3/2) / G(k+3/2)
  and p = 1 - A. The series has df / 2 terms, so above 200 df, where that grows costly (a type's
  group can hold 10^5 pairs), p is the normal tail of Hill's (1970, Algorithm 395) transform
  of t, z = sqrt(w) (1 + (((((-0.4 w - 3.3) w - 24) w - 85.5) / (0.8 w^2 + 100 + b) + w + 3) / b)),
  w = (df - 1/2) ln(1 + t^2 / df), b = 48 (df - 1/2)^2: measured within 2e-15 of scipy's for
  df >= 100 and 0 <= t <= 40. List lambdas, hence dispatched (Spark: below).
#}
{% macro student_t_p_value(t, df) -%}
    {{ return(adapter.dispatch('student_t_p_value', 'newsimpact')(t, df)) }}
{%- endmacro %}

{% macro duckdb__student_t_p_value(t, df) -%}
    case
        when ({{ t }}) is null or ({{ df }}) is null or ({{ df }}) < 1 then null
        when ({{ df }}) > 200 then {{ normal_p_value(hill_normal_deviate(t, df)) }}
        -- theta = atan(|t| / sqrt(df)) evaluated once (the outer lambda's argument)
        else list_transform([atan(abs({{ t }}) / sqrt({{ df }}))], lambda t_theta:
            greatest(0.0, 1.0 - case
                when ({{ df }})::bigint % 2 = 0 then
                    sin(t_theta) * list_sum(list_transform(
                        range(0, (({{ df }})::bigint - 2) // 2 + 1),
                        lambda t_term: exp(lgamma(t_term + 0.5) - lgamma(0.5) - lgamma(t_term + 1))
                            * pow(cos(t_theta), 2 * t_term)))
                else
                    2.0 / pi() * (t_theta
                        + case when ({{ df }}) > 1 then
                            sin(t_theta) * cos(t_theta) * list_sum(list_transform(
                                range(0, (({{ df }})::bigint - 3) // 2 + 1),
                                lambda t_term:
                                    exp(lgamma(t_term + 1) + lgamma(1.5) - lgamma(t_term + 1.5))
                                    * pow(cos(t_theta), 2 * t_term)))
                          else 0.0 end)
                end))[1]
    end
{%- endmacro %}

{# Hill's transform of a t statistic with df degrees of freedom to a normal deviate (above). #}
{% macro hill_normal_deviate(t, df) -%}
    {%- set x = 'pow(' ~ t ~ ', 2) / (' ~ df ~ ')' -%}
    {%- set b = '(48 * pow((' ~ df ~ ') - 0.5, 2))' -%}
    {#- w; ln(1 + x) without losing the digits of a small x: ln(u) * x / (u - 1), u = 1 + x -#}
    {%- set w -%}
        (({{ df }}) - 0.5) * case when {{ x }} > 1 then ln(1 + {{ x }})
            when 1 + {{ x }} = 1 then {{ x }}
            else ln(1 + {{ x }}) * {{ x }} / ((1 + {{ x }}) - 1) end
    {%- endset -%}
    {{ bind(w, 'hill_w', 'sqrt(hill_w) * (1 + (((((-0.4 * hill_w - 3.3) * hill_w - 24) * hill_w
            - 85.5) / (0.8 * hill_w * hill_w + 100 + ' ~ b ~ ') + hill_w + 3) / ' ~ b ~ '))') }}
{%- endmacro %}

{#
  Spark has no lgamma: the coefficients by their recurrences, c_k = c_(k-1) (k - 1/2) / k and
  d_k = d_(k-1) k / (k + 1/2) (c_0 = d_0 = 1), each term carrying its power of cos(theta)^2.
#}
{% macro spark__student_t_p_value(t, df) -%}
    {%- set terms = '(' ~ df ~ ')' -%}
    case
        when ({{ t }}) is null or ({{ df }}) is null or ({{ df }}) < 1 then null
        when ({{ df }}) > 200 then {{ normal_p_value(hill_normal_deviate(t, df)) }}
        else element_at(transform(array(atan(abs({{ t }}) / sqrt({{ df }}))), t_theta ->
            greatest(0.0, 1.0 - case
                when cast({{ df }} as bigint) % 2 = 0 then
                    sin(t_theta) * {{ t_series('t_theta', '(cast(' ~ df ~ ' as bigint) - 2) div 2', '(t_k - 0.5D) / t_k') }}
                else
                    2.0 / pi() * (t_theta
                        + case when ({{ df }}) > 1 then
                            sin(t_theta) * cos(t_theta)
                            * {{ t_series('t_theta', '(cast(' ~ df ~ ' as bigint) - 3) div 2', 't_k / (t_k + 0.5D)') }}
                          else 0.0 end)
                end)), 1)
    end
{%- endmacro %}

{# sum_{k=0}^{last} a_k cos(theta)^(2k) with a_0 = 1 and a_k = a_(k-1) * ratio (over t_k). #}
{% macro t_series(theta, last, ratio) -%}
    aggregate(sequence(1, greatest({{ last }}, 1)), named_struct('term', 1D, 'total', 1D),
        (t_s, t_k) -> case when t_k > {{ last }} then t_s else named_struct(
            'term', t_s.term * {{ ratio }} * pow(cos({{ theta }}), 2),
            'total', t_s.total + t_s.term * {{ ratio }} * pow(cos({{ theta }}), 2)) end,
        t_s -> t_s.total)
{%- endmacro %}
