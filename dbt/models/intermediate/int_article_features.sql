-- One row per article and feature of the learned reading (macro reading_features): a view, so
-- that `make train` reads the words exactly as int_article_types and int_article_sentiment
-- score them.
-- depends_on: {{ ref('stg_event_types') }}
{{ config(materialized='view') }}
{{ reading_features(ref('int_articles'), ref('int_article_lexicon_sentiment')) }}
