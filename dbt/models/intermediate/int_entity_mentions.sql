-- One row per article and entity it mentions: hits in title and summary, relevance
-- (a title hit counts 3, a summary hit 1) and where in the title the entity first appears.
-- Linear in the text: an article is compared only with the aliases whose first word it
-- contains (an equi-join of its words with the aliases' first words); each such candidate is
-- then confirmed with the alias's own pattern, so case and word-boundary rules hold exactly.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with articles as (
    select * from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

aliases as (
    select
        *,
        -- the block key: the alias's first word, lower-cased (aliases without a word
        -- character cannot be told from punctuation and find nothing)
        lower(regexp_extract(alias, '\w+')) as first_word
    from {{ ref('int_entity_aliases') }}
),

article_words as (
    select articles.article_id, lower(word.word) as word
    from articles,
        unnest(regexp_extract_all(articles.title || ' ' || articles.summary, '\w+')) as word(word)
),

candidates as (
    select distinct article_words.article_id, aliases.alias
    from article_words
    inner join aliases on article_words.word = aliases.first_word
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
    from candidates
    inner join articles on candidates.article_id = articles.article_id
    inner join aliases on candidates.alias = aliases.alias
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
