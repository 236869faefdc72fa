{#
  Two-sided p-value of a Student t statistic with df degrees of freedom, P(|T| >= |t|), and its
  log10, computed as tails so that a tiny p keeps its relative precision at every df (no normal
  approximation, no series of df / 2 terms). With a = df / 2, x = df / (df + t^2) and
  y = t^2 / (df + t^2) (neither as 1 - the other), p = I_x(a, 1/2), the regularized incomplete
  beta function (A&S 26.7.1):
    |t| >= 1:  p = x^a sqrt(y) R(a) / (a sqrt(pi)) / G,
    |t| < 1:   p = 1 - 2 x^a sqrt(y) R(a) / sqrt(pi) / G'  (1 - I_y(1/2, a); p > 0.3, so the
               subtraction costs nothing),
  R(a) = Gamma(a + 1/2) / Gamma(a), G and G' the continued fractions of I (A&S 26.5.8) with
  their levels taken two at a time, G_k = (e_k G_(k+1) + d_k) / (G_(k+1) + d_k) from G = 1 at
  k = K down to G = G_0; for the tail
    e_k = (a (2k + 1/2) + k (3k + 3/2) + (a + k)(a + k + 1/2) y) / ((a + 2k)(a + 2k + 1)),
    d_k = -(k + 1)(k + 1/2) x / ((a + 2k + 1)(a + 2k + 2)),
  e_k being 1 + the odd level's coefficient written as a sum of positive terms (as
  1 - (a + k)(a + k + 1/2) x / ... it cancels, to 1e-12 at df = 1e5 and t = 3), and for |t| < 1
    e_k = 1 - (k + 1/2)(a + k + 1/2) y / ((2k + 1/2)(2k + 3/2)),
    d_k = (k + 1)(a - k - 1) y / ((2k + 3/2)(2k + 5/2)).
  K = ceil(min(250 / t^2, 9 sqrt(df) / |t|)) + 12 for the tail (at most 262, at |t| = 1; at
  least 1.4 times the levels measured to converge at any df), 16 below |t| = 1.
  x^a = exp(-a ln(1 + t^2 / df)), ln(1 + u) as ln(1 + u) u / ((1 + u) - 1) (DuckDB has no
  log1p); R(a) = prod_(j < m) (a + j) / (a + j + 1/2) * sqrt(b) exp(-1/(8b) + 1/(192b^3)
  - 1/(640b^5) + 17/(14336b^7) - 31/(18432b^9)), b = a + m >= 25: the asymptotic series of
  ln R, no lgamma (Spark has none, and a difference of two lgammas loses digits at large df).
  log10 p sums the logarithms of the factors, so it goes on where p underflows.
  Measured against 50-digit mpmath (tests/unit/test_p_values.py): README, "The method".
  Engine-neutral: the engines differ only in `bind` (engine.sql) and `fold_down`
  (normal_p_value.sql). Null for df < 1 and for a NaN statistic; p = 0 and log10 p = -inf for
  an infinite one.
#}
{% macro student_t_p_value(t, df) -%}
    {{ student_t_tail(t, df, 'p') }}
{%- endmacro %}

{#
  log10 of student_t_p_value(t, df). With `p`, an expression holding student_t_p_value(t, df)
  already (a column), log10(p) where p >= 1e-300, and the full computation only below.
#}
{% macro student_t_log10_p_value(t, df, p=none) -%}
    {%- if p -%}
    (case when ({{ p }}) >= 1e-300 then log10({{ p }})
        else {{ student_t_tail(t, df, 'log10') }} end)
    {%- else -%}
    {{ student_t_tail(t, df, 'log10') }}
    {%- endif -%}
{%- endmacro %}

{% macro student_t_tail(t, df, result) -%}
    {#- ln(1 + t^2 / df); t^2 / df capped at 1e300 (t_u), beyond which 2 ln|t| - ln df -#}
    {%- set log_one_plus_u -%}
        case when t_u < 1e300 then
            case when 1 + t_u = 1 then t_u else ln(1 + t_u) * t_u / ((1 + t_u) - 1) end
        else 2 * ln(t_s) - ln(2 * t_a) end
    {%- endset -%}
    {#- R(a): the m = b - a factors of the shift to b >= 25 (from a = 25 on, one pass that
        changes nothing), then the series -#}
    {%- set shift = fold_down('t_b - t_a', '0', 't_p', 't_j',
        'case when t_j > 0 then t_p * (t_a + t_j - 1) / (t_a + t_j - 0.5) else t_p end', '1') -%}
    {%- set ratio -%}
        {{ shift }} * sqrt(t_b) * exp((-0.125 + (1 / (t_b * t_b)) * ({{ '%.17e' | format(1 / 192) }}
            + (1 / (t_b * t_b)) * ({{ '%.17e' | format(-1 / 640) }}
            + (1 / (t_b * t_b)) * ({{ '%.17e' | format(17 / 14336) }}
            + (1 / (t_b * t_b)) * {{ '%.17e' | format(-31 / 18432) }})))) / t_b)
    {%- endset -%}
    {%- set tail = fold_down('ceil(least(250 / (t_s * t_s), 9 * sqrt(2 * t_a) / t_s)) + 12', '0',
        't_g', 't_k',
        '((t_a * (2 * t_k + 0.5) + t_k * (3 * t_k + 1.5) + (t_a + t_k) * (t_a + t_k + 0.5) * t_y)
            / ((t_a + 2 * t_k) * (t_a + 2 * t_k + 1)) * t_g
            - (t_k + 1) * (t_k + 0.5) * t_x / ((t_a + 2 * t_k + 1) * (t_a + 2 * t_k + 2)))
          / (t_g - (t_k + 1) * (t_k + 0.5) * t_x / ((t_a + 2 * t_k + 1) * (t_a + 2 * t_k + 2)))',
        '1') -%}
    {%- set centre = fold_down('16', '0', 't_g', 't_k',
        '((1 - (t_k + 0.5) * (t_a + t_k + 0.5) * t_y / ((2 * t_k + 0.5) * (2 * t_k + 1.5))) * t_g
            + (t_k + 1) * (t_a - t_k - 1) * t_y / ((2 * t_k + 1.5) * (2 * t_k + 2.5)))
          / (t_g + (t_k + 1) * (t_a - t_k - 1) * t_y / ((2 * t_k + 1.5) * (2 * t_k + 2.5)))',
        '1') -%}
    {%- set centre_p = '1 - 2 * exp(-t_a * t_l) * sqrt(t_y) * t_r / sqrt(pi()) / ' ~ centre -%}
    {%- set body -%}
        case when t_s >= 1 then
            {% if result == 'p' -%}
            exp(-t_a * t_l) * sqrt(t_y) * t_r / (t_a * sqrt(pi())) / {{ tail }}
            {%- else -%}
            (-t_a * t_l + 0.5 * ln(t_y) + ln(t_r) - ln(t_a * sqrt(pi())) - ln({{ tail }})) / ln(10)
            {%- endif %}
        else
            {% if result == 'p' %}{{ centre_p }}{% else %}log10({{ centre_p }}){% endif %}
        end
    {%- endset -%}
    (case when ({{ t }}) is null or ({{ df }}) is null or ({{ df }}) < 1
        or isnan(cast({{ t }} as double)) then null
    else {{ bind('abs(cast(' ~ t ~ ' as double))', 't_s',
            bind('cast(' ~ df ~ ' as double) / 2', 't_a',
            bind('least(t_s * t_s / (2 * t_a), 1e300)', 't_u',
            bind('1 / (1 + t_u)', 't_x',
            bind('t_u / (1 + t_u)', 't_y',
            bind(log_one_plus_u, 't_l',
            bind('t_a + greatest(0, ceil(25 - t_a))', 't_b',
            bind(ratio, 't_r', body)))))))) }}
    end)
{%- endmacro %}
