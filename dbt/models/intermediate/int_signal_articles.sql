{{ config(materialized="view") }}
-- One row per signal and article. A signal is what the rules see: a classified event (an
-- article's type and primary entity, int_classified_event_articles) or an attention burst (an
-- article belongs to the bursts of the entities it names). Signals that report one happening
-- are merged into one event by int_event_signals. A view: a union costs nothing.
select event_id as signal_id, event_type, primary_entity_id, first_seen_at, article_id
from {{ ref('int_classified_event_articles') }}

union all

select event_id as signal_id, event_type, primary_entity_id, first_seen_at, article_id
from {{ ref('int_attention_bursts') }}
