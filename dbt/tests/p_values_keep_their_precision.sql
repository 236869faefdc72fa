{{ config(meta={"dagster": {"ref": {"name": "fct_event_type_impact"}}}) }}
-- The p-value macros far in the tail, on either engine, against values computed to 50 digits
-- (mpmath; tests/unit/test_p_values.py holds a grid of them against it): p to the relative
-- precision README's "The method" promises, max(2e-15, 5e-16 |ln p|) for Student's t and 1e-15
-- for the normal, and log10 p to 2e-15 (relative), also where p underflows (p 0 here).
-- Returns the rows that miss.
with student_values (df, t, p, log10_p) as (
    values
        (1, 40.0, 1.59121798240516275e-02, -1.79827032188009861e+00),
        (5, 40.0, 1.84119621717729542e-07, -6.73489992605522758e+00),
        (30, -12.0, 5.58018541519925559e-13, -1.22533513703348103e+01),
        (201, 30.0, 3.67008382140671409e-76, -7.54353240167400969e+01),
        (1000, 40.0, 1.04788521551733613e-209, -2.08979686287006501e+02),
        (100000, 9.0, 2.29540900502315701e-19, -1.86391399189291569e+01),
        (238, -3.0, 2.98678770375978035e-03, -2.52479564527744627e+00),
        (238, 1.5, 1.34939756672472849e-01, -8.69860077313209801e-01),
        (100000, 0.5, 6.17076177654418023e-01, -2.09661219284742795e-01),
        (100000, 40.0, 0.0e0, -3.46382342562463577e+02)
),

normal_values (z, p, log10_p) as (
    values
        (5.0, 5.73303143758387824e-07, -6.24161567672667328e+00),
        (-12.0, 3.55296422415535808e-33, -3.24494091655278822e+01),
        (37.0, 1.14511424450491542e-299, -2.98941151182945930e+02),
        (40.0, 0.0e0, -3.49135976463681857e+02)
),

computed as (
    select df, t, p, log10_p,
        {{ student_t_p_value('t', 'df') }} as computed_p,
        {{ student_t_log10_p_value('t', 'df') }} as computed_log10_p,
        greatest(2e-15, 5e-16 * abs(log10_p) * ln(10)) as tolerance
    from student_values
    union all
    select null, z, p, log10_p,
        {{ normal_p_value('z') }},
        {{ normal_log10_p_value('z') }},
        1e-15
    from normal_values
)

select *
from computed
where not (p = 0 or abs(computed_p - p) <= tolerance * p)
    or not abs(computed_log10_p - log10_p) <= 2e-15 * greatest(1, abs(log10_p))
