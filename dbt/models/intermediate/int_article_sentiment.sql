-- One row per article: its sentiment, the mean of its sentences' scores over the sentences that
-- hold lexicon words (0 when none does), in [-1, 1].
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}
select
    article_id,
    coalesce({{ exact_sum('case when positive_words + negative_words > 0 then sentiment end') }}
        / count(case when positive_words + negative_words > 0 then 1 end), 0.0) as sentiment,
    count(case when positive_words + negative_words > 0 then 1 end) as sentiment_sentences
from {{ ref('int_sentence_sentiment') }}
{% if is_incremental() %}
where article_id in ({{ new_article_ids() }})
{% endif %}
group by article_id
