-- One row per article and feature of the learned reading (macro reading_features): what
-- int_article_types and int_article_sentiment score, and what `make train` reads, so the
-- words are cut one way and once.
-- depends_on: {{ ref('stg_event_types') }} {{ ref('stg_reading_weights') }}
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}

with articles as (
    select article_id, title from {{ ref('int_articles') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
),

lexicon as (
    select article_id, sentiment_class from {{ ref('int_article_lexicon_sentiment') }}
    {% if is_incremental() %}
    where article_id in ({{ new_article_ids() }})
    {% endif %}
)

{{ reading_features('articles', 'lexicon') }}
