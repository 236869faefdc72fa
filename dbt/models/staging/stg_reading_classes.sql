-- One row per class of a learned reading model (seeds/reading_classes.csv, written by
-- `make train`): its score before any feature, and the probability it needs to be said.
select
    model,
    class,
    cast(intercept as decimal(18, 4)) as intercept,
    cast(threshold as double) as threshold
from {{ ref('reading_classes') }}
