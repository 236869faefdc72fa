-- One row per event and entity its articles name: its role in the event - primary (the
-- event's primary entity), subject (the entity of another of its signals: a burst of it, or a
-- classified event about it) or mentioned (named in its articles only) - and how often.
with event_articles as (
    select * from {{ ref('int_event_articles') }}
),

subjects as (
    select distinct event_id, primary_entity_id as entity_id from {{ ref('int_event_signals') }}
)

select
    event_articles.event_id,
    mentions.entity_id,
    case
        when mentions.entity_id = any_value(event_articles.primary_entity_id) then 'primary'
        when any_value(subjects.entity_id) is not null then 'subject'
        else 'mentioned'
    end as role,
    count(*) as n_articles,
    count(case when mentions.title_hits > 0 then 1 end) as n_titles,
    cast(sum(mentions.relevance) as bigint) as relevance
from event_articles
inner join {{ ref('int_entity_mentions') }} as mentions
    on event_articles.article_id = mentions.article_id
left join subjects
    on event_articles.event_id = subjects.event_id and mentions.entity_id = subjects.entity_id
group by event_articles.event_id, mentions.entity_id
