-- One row per article and entity it mentions: hits in title and summary, relevance
-- (a title hit counts 3, a summary hit 1) and where in the title the entity first appears.
with articles as (
    select * from {{ ref('int_articles') }}
),

aliases as (
    select * from {{ ref('int_entity_aliases') }}
),

alias_hits as (
    select
        articles.article_id,
        aliases.entity_id,
        aliases.entity_type,
        len(regexp_extract_all(articles.title, aliases.regex_flags || aliases.alias_regex))
            as title_hits,
        len(regexp_extract_all(articles.summary, aliases.regex_flags || aliases.alias_regex))
            as summary_hits,
        case
            when regexp_matches(articles.title, aliases.regex_flags || aliases.alias_regex)
                then length(regexp_extract(
                    articles.title, aliases.regex_flags || '^(.*?)' || aliases.alias_regex, 1))
        end as title_position
    from articles
    cross join aliases
)

select
    article_id,
    entity_id,
    any_value(entity_type) as entity_type,
    sum(title_hits) as title_hits,
    sum(summary_hits) as summary_hits,
    3 * sum(title_hits) + sum(summary_hits) as relevance,
    min(title_position) as title_position
from alias_hits
group by article_id, entity_id
having sum(title_hits) + sum(summary_hits) > 0
