-- One row per article and entity it mentions: hits in title and summary, relevance
-- (a title hit counts 3, a summary hit 1) and where in the title the entity first appears.
-- Linear in the text: an article is compared only with the aliases whose first word it
-- contains (an equi-join of its words with the aliases' first words), and each such candidate is
-- counted by splitting the text at the alias (a literal, no pattern compiled per row) and
-- keeping the occurrences whose neighbours respect the word boundaries. Rules as in
-- int_entity_aliases: word boundaries where the alias starts or ends with a word character;
-- short or capitalised aliases keep their case. Occurrences are counted without overlap; each
-- occurrence of a false friend ("Oracle of Omaha") takes one hit of its entity away.
{{ config(
    materialized=incremental_materialization(),
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
        entity_id,
        entity_type,
        alias,
        -- the block key: the alias's first word, lower-cased (aliases without a word
        -- character cannot be told from punctuation and find nothing)
        lower({{ first_match('alias', "'\\w+'") }}) as first_word,
        case when is_case_sensitive then alias else lower(alias) end as needle,
        is_case_sensitive,
        -- a false friend counts against its entity (null in hand-made test rows: an alias)
        case when coalesce(is_false_friend, false) then -1 else 1 end as sign,
        {{ matches('alias', "'^\\w'") }} as starts_with_word,
        {{ matches('alias', "'\\w$'") }} as ends_with_word
    from {{ ref('int_entity_aliases') }}
),

-- (exploded in the select list: a lateral unnest in FROM joins back on the texts)
article_words as (
    select article_id, lower(word) as word
    from (
        select article_id, {{ explode_list(all_matches("title || ' ' || summary", "'\\w+'")) }} as word
        from articles
    ) as words
),

candidates as (
    select distinct article_words.article_id, aliases.alias
    from article_words
    inner join aliases on article_words.word = aliases.first_word
),

split as (
    select
        articles.article_id,
        aliases.entity_id,
        aliases.entity_type,
        length(aliases.alias) as alias_length,
        aliases.sign,
        aliases.starts_with_word,
        aliases.ends_with_word,
        {{ split_text('case when aliases.is_case_sensitive then articles.title
            else lower(articles.title) end', 'aliases.needle') }} as title_segments,
        {{ split_text('case when aliases.is_case_sensitive then articles.summary
            else lower(articles.summary) end', 'aliases.needle') }} as summary_segments
    from candidates
    inner join articles on candidates.article_id = articles.article_id
    inner join aliases on candidates.alias = aliases.alias
),

alias_hits as (
    select
        *,
        {{ whole_word_occurrences('title_segments') }} as title_matches,
        {{ whole_word_occurrences('summary_segments') }} as summary_matches
    from split
),

counted as (
    select
        article_id,
        entity_id,
        any_value(entity_type) as entity_type,
        greatest(sum(sign * {{ list_length('title_matches') }}), 0) as title_hits,
        greatest(sum(sign * {{ list_length('summary_matches') }}), 0) as summary_hits,
        -- characters before the first whole-word occurrence of an alias in the title
        min(case when sign > 0 and {{ list_length('title_matches') }} > 0 then
            length({{ list_join(list_slice('title_segments', 1, list_item('title_matches', 1)), "''") }})
            + ({{ list_item('title_matches', 1) }} - 1) * alias_length end) as title_position
    from alias_hits
    group by article_id, entity_id
)

select
    article_id,
    entity_id,
    entity_type,
    -- counts as BIGINT (a sum of them is HUGEINT, which BI tools read as a string or a double)
    cast(title_hits as bigint) as title_hits,
    cast(summary_hits as bigint) as summary_hits,
    cast(3 * title_hits + summary_hits as bigint) as relevance,
    case when title_hits > 0 then title_position end as title_position
from counted
where title_hits + summary_hits > 0
