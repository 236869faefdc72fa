-- One row per ordinary word (seeds/ordinary_words.csv, written by `make train`): a company name
-- or ticker that is one of them gives no derived alias (int_entities).
select distinct lower(trim(word)) as word
from {{ ref('ordinary_words') }}
where trim(word) <> ''
