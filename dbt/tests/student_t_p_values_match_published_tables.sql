{{ config(meta={"dagster": {"ref": {"name": "fct_event_impact"}}}) }}
-- The p-value macro against two-sided critical values of Student's t from published tables
-- (t rounded to 3 decimals there, hence the 2e-4 tolerance). Returns the rows that disagree.
with critical_values (df, t, p) as (
    values
        (1, 12.706, 0.05),
        (5, 2.571, 0.05),
        (7, 2.998, 0.02),
        (10, 2.228, 0.05),
        (30, 2.750, 0.01),
        (60, 3.460, 0.001),
        (120, 1.980, 0.05),
        (120, -1.980, 0.05)
)

select
    df,
    t,
    p,
    {{ student_t_p_value('t', 'df') }} as computed_p
from critical_values
where abs({{ student_t_p_value('t', 'df') }} - p) > 2e-4

union all

-- and the normal macro against two-sided normal critical values
select null, z, p, {{ normal_p_value('z') }}
from (values (1.959964, 0.05), (2.575829, 0.01), (3.290527, 0.001), (-1.644854, 0.10),
             (5.326724, 1e-7), (0.0, 1.0)) as normal_values(z, p)
where abs({{ normal_p_value('z') }} - p) > 1e-6
