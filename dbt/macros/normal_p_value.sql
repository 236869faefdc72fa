{#
  Two-sided p-value of a standard normal statistic, P(|Z| >= |z|), computed as a tail (never as
  1 - something once the tail is small), so that a tiny p keeps its relative precision; and its
  log10, which goes on where p underflows (beyond |z| = 37.5 p is below 1e-307, subnormal, and
  0 beyond 38.6).
    a = |z| < 1:  p = 1 - 2 phi(a) S(a), S(a) = sum_n a^(2n+1) / (1 3 5 ... (2n+1))
                  (Abramowitz & Stegun 26.2.11: positive terms; p >= 0.317, so the subtraction
                  costs nothing), 30 terms by Horner's rule;
    a >= 1:       p = 2 phi(a) / F(a), F(a) = a + 1/(a + 2/(a + 3/(a + ...))) (Laplace's
                  continued fraction of the Mills ratio, A&S 26.2.14), evaluated from level
                  ceil(500 / a^2) + 10 down (510 levels at a = 1, 11 from a = 23);
                  exp(-a^2/2) as exp(-s^2/2) exp(-(a - s)(a + s)/2) with s = a rounded down to
                  1/65536, whose square is exact: a^2 rounded would cost p a relative a^2 eps.
  log10 p is log10 of the first, and (ln(sqrt(2/pi)) - a^2/2 - ln F(a)) / ln 10 for the second.
  Measured against 50-digit mpmath (tests/unit/test_p_values.py): README, "The method".
  Engine-neutral: the engines differ only in `bind` (engine.sql) and `fold_down` (below); the
  lambdas' names are ones no caller's expression uses (z is pasted inside them). A NaN
  statistic has no p-value (null); an infinite one has p = 0 and log10 p = -inf.
#}
{% macro normal_p_value(z) -%}
    {{ normal_tail(z, 'p') }}
{%- endmacro %}

{#
  log10 of normal_p_value(z). With `p`, an expression holding normal_p_value(z) already (a
  column), log10(p) where p >= 1e-300, and the full computation only below.
#}
{% macro normal_log10_p_value(z, p=none) -%}
    {%- if p -%}
    (case when ({{ p }}) >= 1e-300 then log10({{ p }}) else {{ normal_tail(z, 'log10') }} end)
    {%- else -%}
    {{ normal_tail(z, 'log10') }}
    {%- endif -%}
{%- endmacro %}

{% macro normal_tail(z, result) -%}
    {%- set series = 'n_a * ' ~ fold_down('29', '1', 'n_h', 'n_n',
                                          '1 + n_a * n_a / (2 * n_n + 1) * n_h', '1') -%}
    {%- set small = '1 - sqrt(2 / pi()) * exp(-n_a * n_a / 2) * ' ~ series -%}
    {%- set fraction = fold_down('ceil(500 / (n_a * n_a)) + 10', '1', 'n_f', 'n_k',
                                 'n_a + n_k / n_f', 'n_a') -%}
    {%- set body -%}
        case when n_a < 1 then
            {% if result == 'p' %}{{ small }}{% else %}log10({{ small }}){% endif %}
        else
            {% if result == 'p' -%}
            sqrt(2 / pi()) * exp(-n_s * n_s / 2) * exp(-(n_a - n_s) * (n_a + n_s) / 2)
                / {{ fraction }}
            {%- else -%}
            (ln(sqrt(2 / pi())) - n_a * n_a / 2 - ln({{ fraction }})) / ln(10)
            {%- endif %}
        end
    {%- endset -%}
    (case when ({{ z }}) is null or isnan(cast({{ z }} as double)) then null else
        {{ bind('abs(cast(' ~ z ~ ' as double))', 'n_a',
                bind('floor(least(n_a, 64) * 65536) / 65536', 'n_s', body)) }}
    end)
{%- endmacro %}

{#
  `body` folded over the integers from `first` down to `last` (first >= last): the accumulator
  `acc` starts as the double `initial`, and each integer `item` replaces it by `body`.
#}
{% macro fold_down(first, last, acc, item, body, initial) -%}
    {{ return(adapter.dispatch('fold_down', 'newsimpact')(first, last, acc, item, body, initial)) }}
{%- endmacro %}

{% macro duckdb__fold_down(first, last, acc, item, body, initial) -%}
    list_reduce(range(cast({{ first }} as bigint), cast({{ last }} as bigint) - 1, -1),
        lambda {{ acc }}, {{ item }}: {{ body }}, cast({{ initial }} as double))
{%- endmacro %}

{% macro spark__fold_down(first, last, acc, item, body, initial) -%}
    aggregate(sequence(cast({{ first }} as int), cast({{ last }} as int), -1),
        cast({{ initial }} as double), ({{ acc }}, {{ item }}) -> {{ body }})
{%- endmacro %}
