-- One row per article with the story it belongs to. Two articles report one story when their
-- titles share at least story_similarity of their words (Jaccard, on lower-cased words of three
-- letters or more) and they appeared within story_window_hours of each other. Each article joins
-- the story of the earliest earlier article it resembles; a story keeps its first article, and
-- with it the first source and time.
with recursive articles as (
    select
        article_id,
        published_at,
        first_feed_id,
        list_distinct(list_filter(regexp_extract_all(lower(title), '[a-z0-9]+'),
            lambda word: length(word) >= 3)) as words
    from {{ ref('int_articles') }}
),

resembling as (
    select
        later.article_id,
        earlier.article_id as earlier_article_id,
        row_number() over (
            partition by later.article_id order by earlier.published_at, earlier.article_id
        ) as rank_by_age
    from articles as later
    inner join articles as earlier
        on (earlier.published_at, earlier.article_id) < (later.published_at, later.article_id)
        and {{ dbt.datediff('earlier.published_at', 'later.published_at', 'minute') }}
            <= {{ var('story_window_hours') }} * 60
    where len(list_intersect(later.words, earlier.words))
        >= {{ var('story_similarity') }} * len(list_distinct(list_concat(later.words, earlier.words)))
        and len(later.words) > 0
),

parents as (
    select article_id, earlier_article_id as parent_article_id
    from resembling
    where rank_by_age = 1
),

stories (article_id, story_root_id) as (
    select articles.article_id, articles.article_id
    from articles
    where articles.article_id not in (select article_id from parents)
    union all
    select parents.article_id, stories.story_root_id
    from parents
    inner join stories on parents.parent_article_id = stories.article_id
)

select
    stories.article_id,
    md5('story|' || stories.story_root_id) as story_id,
    stories.story_root_id,
    root.published_at as story_first_published_at,
    root.first_feed_id as story_first_feed_id
from stories
inner join articles as root on stories.story_root_id = root.article_id
