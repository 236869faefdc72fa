-- One row per weight of the learned reading (seeds/reading_weights.csv, written by `make train`):
-- what a feature of an article (macro reading_features) adds to a class's score.
select
    model,
    class,
    feature,
    cast(weight as decimal(18, 4)) as weight
from {{ ref('reading_weights') }}
