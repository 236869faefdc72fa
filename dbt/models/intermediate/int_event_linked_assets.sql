-- One row per event and asset named in its news: an asset linked to any entity that any of the
-- event's articles mentions.
with event_articles as (
    select * from {{ ref('int_event_articles') }}
),

mentions as (
    select * from {{ ref('int_entity_mentions') }}
),

entity_assets as (
    select * from {{ ref('int_entity_assets') }}
)

select distinct
    event_articles.event_id,
    entity_assets.symbol,
    true as is_linked
from event_articles
inner join mentions on event_articles.article_id = mentions.article_id
inner join entity_assets on mentions.entity_id = entity_assets.entity_id
