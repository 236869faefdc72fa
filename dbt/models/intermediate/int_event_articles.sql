{{ config(materialized="view") }}
-- One row per event and article: classified events (one per article) and attention bursts (an
-- article can also belong to the burst of an entity it names). A view: a union costs nothing.
select event_id, event_type, primary_entity_id, first_seen_at, article_id
from {{ ref('int_classified_event_articles') }}

union all

select event_id, event_type, primary_entity_id, first_seen_at, article_id
from {{ ref('int_attention_bursts') }}
