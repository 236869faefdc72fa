-- One row per article with the story it belongs to. Two articles resemble each other when their
-- titles share at least story_similarity of their words (Jaccard, on lower-cased words of three
-- letters or more) and they appeared within story_window_hours of each other. Each article
-- joins the story of the earliest earlier article it resembles; a story keeps its first
-- article, and with it the first source and time.
--
-- Cost follows the data: candidate pairs are found by prefix filtering (exact for Jaccard, see
-- below) inside time buckets; only candidates are compared. The chain from an article to its story's first article is followed by pointer
-- jumping, a fixed number of rounds (each doubles the reach: story_max_chain articles), never
-- by recursion; a test warns if a chain ever runs longer (is_chain_resolved).
--
-- Incremental: only articles published at or after the earliest new article can change story
-- (the tail); they are recomputed against the articles of one window before them, and a tail
-- article whose chain leads to an older article takes that article's stored story.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', story_tail_ids()) }}"
) }}

with articles as (
    select
        article_id,
        published_at,
        first_feed_id,
        {% if is_incremental() %}published_at >= {{ story_tail_start() }}{% else %}true{% endif %}
            as is_tail,
        {{ list_distinct(list_filter(all_matches('lower(title)', "'[a-z0-9]+'"), 'word',
            'length(word) >= 3')) }} as words,
        -- buckets half a window wide (plus a minute: datediff counts minute boundaries); two
        -- articles within one window are at most two buckets apart
        floor({{ epoch_seconds('published_at') }} / (({{ var('story_window_hours') }} * 3600 + 60) / 2)) as bucket
    from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where published_at >= {{ story_tail_start() }}
        - interval ({{ var('story_window_hours') }} * 3600 + 60) second
    {% endif %}
),

-- what earlier runs decided for the articles before the tail
stored as (
    {% if is_incremental() %}
    select article_id, story_root_id, story_first_published_at, story_first_feed_id
    from {{ this }}
    {% else %}
    select cast(null as {{ dbt.type_string() }}) as article_id, cast(null as {{ dbt.type_string() }}) as story_root_id,
        cast(null as timestamp) as story_first_published_at,
        cast(null as {{ dbt.type_string() }}) as story_first_feed_id
    where false
    {% endif %}
),

article_words as (
    select article_id, bucket, {{ list_length('words') }} as n_words,
        {{ explode_list('words') }} as word
    from articles
),

word_frequencies as (
    select word, count(*) as frequency from article_words group by word
),

-- Prefix filtering (Bayardo et al. 2007): under one global order of words (rarest first), two
-- titles x, y with |y| <= |x| and Jaccard >= t share a word between the first
-- n - ceil(t n) + 1 words of x (its probe prefix) and the first n - ceil(2t / (1 + t) n) + 1
-- words of y (its index prefix); sizes also satisfy |y| >= t |x|. Any order is exact; rarest
-- first keeps the blocks small.
prefixes as (
    select article_id, bucket, word, n_words, rarity_rank
    from (
        select
            article_words.*,
            row_number() over (
                partition by article_words.article_id
                order by word_frequencies.frequency, article_words.word
            ) as rarity_rank
        from article_words
        inner join word_frequencies on article_words.word = word_frequencies.word
    ) as ranked
    where rarity_rank <= n_words - ceil({{ var('story_similarity') }} * n_words - 1e-9) + 1
),

indexed as (
    -- the index prefixes, visible from the buckets around their own
    select prefixes.article_id, prefixes.word, prefixes.n_words,
        prefixes.bucket + shift.shift as bucket
    from prefixes
    cross join (values (-2), (-1), (0), (1), (2)) as shift(shift)
    where prefixes.rarity_rank <= prefixes.n_words - ceil(2 * {{ var('story_similarity') }}
        / (1 + {{ var('story_similarity') }}) * prefixes.n_words - 1e-9) + 1
),

{%- set probe_is_later -%}
    (probe_article.published_at > index_article.published_at
        or (probe_article.published_at = index_article.published_at
            and probe.article_id > indexed.article_id))
{%- endset %}
candidates as (
    select distinct
        case when {{ probe_is_later }}
            then probe.article_id else indexed.article_id end as article_id,
        case when {{ probe_is_later }}
            then indexed.article_id else probe.article_id end as earlier_article_id
    from prefixes as probe
    inner join indexed
        on probe.word = indexed.word and probe.bucket = indexed.bucket
        and indexed.n_words <= probe.n_words
        and indexed.n_words >= {{ var('story_similarity') }} * probe.n_words - 1e-9
        and probe.article_id <> indexed.article_id
    inner join articles as probe_article on probe.article_id = probe_article.article_id
    inner join articles as index_article on indexed.article_id = index_article.article_id
    -- only articles of the tail look for the article they follow
    where probe_article.is_tail or index_article.is_tail
),

resembling as (
    select
        later.article_id,
        earlier.article_id as earlier_article_id,
        row_number() over (
            partition by later.article_id order by earlier.published_at, earlier.article_id
        ) as rank_by_age
    from candidates
    inner join articles as later on candidates.article_id = later.article_id
    inner join articles as earlier on candidates.earlier_article_id = earlier.article_id
    where later.is_tail
        and {{ dbt.datediff('earlier.published_at', 'later.published_at', 'minute') }}
            <= {{ var('story_window_hours') }} * 60
        and {{ lists_shared('later.words', 'earlier.words') }}
        >= {{ var('story_similarity') }} * {{ lists_united('later.words', 'earlier.words') }}
        and {{ list_length('later.words') }} > 0
),

-- one step towards the story's first article: the parent, or for a parent outside the tail
-- its stored story; stored stories' first articles point at themselves
parents as (
    select resembling.article_id, resembling.earlier_article_id, stored.story_root_id,
        stored.story_first_published_at, stored.story_first_feed_id
    from resembling
    left join stored on resembling.earlier_article_id = stored.article_id
    where resembling.rank_by_age = 1
),

jump_0 as (
    select
        articles.article_id,
        coalesce(parents.story_root_id, parents.earlier_article_id, articles.article_id)
            as ancestor_id
    from articles
    left join parents on articles.article_id = parents.article_id
    where articles.is_tail
    union all
    select distinct story_root_id, story_root_id from parents where story_root_id is not null
),

{#- rounds of pointer jumping: the first that reaches story_max_chain articles back -#}
{%- set jumps = namespace(rounds=0, reach=1) -%}
{%- for _ in range(32) if jumps.reach < var('story_max_chain') -%}
    {%- set jumps.rounds = jumps.rounds + 1 -%}{%- set jumps.reach = jumps.reach * 2 -%}
{%- endfor -%}
{%- set rounds = jumps.rounds %}
{% for round in range(1, rounds + 1) %}
jump_{{ round }} as (
    select step.article_id, further.ancestor_id
    from jump_{{ round - 1 }} as step
    inner join jump_{{ round - 1 }} as further on step.ancestor_id = further.article_id
),
{% endfor %}

stories as (
    select jump_{{ rounds }}.article_id, jump_{{ rounds }}.ancestor_id as story_root_id,
        -- a first article resembles nothing earlier; anything else is a chain cut short
        root_parent.ancestor_id = jump_{{ rounds }}.ancestor_id as is_chain_resolved
    from jump_{{ rounds }}
    inner join jump_0 as root_parent on jump_{{ rounds }}.ancestor_id = root_parent.article_id
),

roots as (
    select article_id, published_at, first_feed_id from articles
    union
    select story_root_id, story_first_published_at, story_first_feed_id
    from parents where story_root_id is not null
)

select
    stories.article_id,
    md5('story|' || stories.story_root_id) as story_id,
    stories.story_root_id,
    root.published_at as story_first_published_at,
    root.first_feed_id as story_first_feed_id,
    stories.is_chain_resolved
from stories
inner join articles as tail on stories.article_id = tail.article_id and tail.is_tail
inner join roots as root on stories.story_root_id = root.article_id
