-- One row per article: its lexicon sentiment, the mean of its sentences' scores over the sentences that
-- hold lexicon words (0 when none does; the title weighs sentiment_title_weight sentences), in
-- [-1, 1], and its class: positive or negative beyond the neutral band, else neutral.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='append',
    pre_hook="{{ replace_rows('article_id', new_article_ids()) }}"
) }}
select
    *,
    case
        when sentiment > {{ var('sentiment_neutral_band') }} then 'positive'
        when sentiment < -{{ var('sentiment_neutral_band') }} then 'negative'
        else 'neutral'
    end as sentiment_class
from (
select
    article_id,
    coalesce({{ exact_sum('case when positive_words + negative_words > 0 then sentiment * '
                          ~ "case when sentence_index = 0 then " ~ var('sentiment_title_weight')
                          ~ ' else 1 end end') }}
        / sum(case when positive_words + negative_words > 0 then
            case when sentence_index = 0 then {{ var('sentiment_title_weight') }} else 1 end
            end), 0.0) as sentiment,
    count(case when positive_words + negative_words > 0 then 1 end) as sentiment_sentences
from {{ ref('int_sentence_sentiment') }}
{% if is_incremental() %}
where article_id in ({{ new_article_ids() }})
{% endif %}
group by article_id
) as scored
