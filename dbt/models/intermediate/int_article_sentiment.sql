-- One row per article: its sentiment as the learned reading says it (seeds/reading_*.csv, model
-- sentiment, fitted by `make train` on the labelled corpus) from the title's words and pairs of
-- words and the lexicon's class of the article (int_article_features, macros reading_scores and
-- reading_decision): the likeliest of
-- negative, neutral and positive, and as a number in [-1, 1] the probability of positive less
-- that of negative.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with articles as (
    select article_id from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

lexicon as (
    select * from {{ ref('int_article_lexicon_sentiment') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

features as (
    select article_id, feature from {{ ref('int_article_features') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

sentiment_scores as (
    {{ reading_scores('sentiment', 'articles', 'features') }}
),

read as (
    {{ reading_decision('sentiment_scores') }}
)

select
    read.article_id,
    read.positive_less_negative as sentiment,
    read.class as sentiment_class,
    lexicon.sentiment as lexicon_sentiment,
    lexicon.sentiment_class as lexicon_sentiment_class,
    lexicon.sentiment_sentences
from read
left join lexicon on read.article_id = lexicon.article_id
